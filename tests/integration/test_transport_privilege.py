# -*- coding: utf-8 -*-
"""The transport's privilege step against the emulated IOS router and EOS switch (lab
emulators, never real devices): a privilege-1 login (user ``ops``) is taken to privileged
EXEC with ``enable`` and the secret; without a secret, or with a wrong one, the transport
stops with an error naming ansible_become_password and never shows the secret; a
privilege-15 login needs no enable. Issue 12: the transport passed ``secret`` but never
called ``enable()``, so such a login could not read ``show running-config``."""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from emulator_harness import EmulatorProcess, REPO, require  # noqa: E402

COLLECTIONS = os.path.join(REPO, ".cache", "collections")
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

require("netmiko", "asyncssh", "hier_config")

from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.transport import (  # noqa: E402
    TransportError, make_transport)

DEVICES = {"ios": ("ios", "vr-ios1", "hostname vr-ios1"),
           "asa": ("asa", "vr-asa1", "hostname vr-asa1"),
           "eos": ("eos", "vr-eos1", "hostname vr-eos1")}


@pytest.fixture(scope="module", params=sorted(DEVICES))
def device(request):
    emulator, hostname, marker = DEVICES[request.param]
    with EmulatorProcess(emulator, hostname) as emu:
        yield request.param, emu, marker


def transport(platform, connection):
    return make_transport(get_driver(platform), connection, "netmiko")


def test_privilege_1_login_with_secret_is_enabled_and_reads_the_configuration(device):
    platform, emu, marker = device
    with transport(platform, emu.connection("ops")) as session:
        assert session.session.check_enable_mode()
        running = get_driver(platform).gather(session)
    assert marker in running


def test_privilege_1_login_without_secret_is_refused_naming_the_variable(device):
    platform, emu, _marker = device
    with pytest.raises(TransportError) as err:
        transport(platform, emu.connection("ops", secret=False)).open()
    text = str(err.value)
    assert "privileged EXEC" in text and "ansible_become_password" in text
    assert err.value.field == "connection.secret"


def test_wrong_secret_is_refused_and_never_shown(device):
    platform, emu, _marker = device
    connection = dict(emu.connection("ops"), secret="wr0ng-enable-secret")
    with pytest.raises(TransportError) as err:
        transport(platform, connection).open()
    text = str(err.value)
    assert "refused" in text and "ansible_become_password" in text
    assert "wr0ng-enable-secret" not in text and emu.users["enable_secret"] not in text


def test_privilege_15_login_needs_no_secret(device):
    platform, emu, marker = device
    with transport(platform, emu.connection("admin", secret=False)) as session:
        assert marker in get_driver(platform).gather(session)
