# -*- coding: utf-8 -*-
"""The NAPALM-style interface of the linux driver over a fake shell that applies the
driver's own simulate() (device-free)."""
from __future__ import absolute_import, division, print_function

import os

import pytest

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import linux
from ansible_collections.voipready.network.plugins.module_utils.platforms.linux_napalm import (
    LinuxNapalm)
from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))


class FakeShell(object):
    """Answers GATHER with its state, applies each pushed step through simulate()."""

    def __init__(self, driver):
        with open(os.path.join(HERE, "fixtures", "linux", "customer.running")) as handle:
            self.running = handle.read()
        self.driver, self.armed = driver, False

    def send_command(self, command, read_timeout=30):
        if command == linux.GATHER:
            return self.running
        if command.startswith("mkdir -p /run/voipready && cat > /run/voipready/revert.sh"):
            self.armed = True
            return "VOIPREADY_RC=0"
        if command.startswith("cd /run/voipready"):
            ok, self.armed = self.armed, False
            return "VOIPREADY_CONFIRMED" if ok else ""
        step = command.replace('; echo "VOIPREADY_RC=$?"', "", 1)
        self.running = self.driver.simulate(self.running, [step])
        return "VOIPREADY_RC=0"


def intent():
    value = intent_for("linux", "kore-us-east")
    value.pop("voice_vlan")
    return value


def test_candidate_compare_commit_confirm_rollback():
    napalm = LinuxNapalm(None)
    shell = FakeShell(napalm.driver)
    napalm.transport = shell
    original = shell.running
    napalm.load_merge_candidate(config=intent())
    diff = napalm.compare_config()
    assert "-SIP helper rule: table inet customer_fw" in diff
    assert "+table inet voipready {" in diff
    napalm.commit_config(revert_in=60)
    assert napalm.has_pending_commit() and shell.armed
    napalm.confirm_commit()
    assert not shell.armed
    napalm.load_merge_candidate(config=intent())
    assert napalm.compare_config() == ""
    napalm.rollback()
    assert napalm.driver.rollback(original, shell.running) == []


def test_discard_and_errors():
    napalm = LinuxNapalm(None)
    napalm.transport = FakeShell(napalm.driver)
    napalm.load_merge_candidate(config=intent())
    napalm.discard_config()
    with pytest.raises(VoipReadyError, match="no candidate"):
        napalm.compare_config()
    with pytest.raises(VoipReadyError, match="confirmation"):
        napalm.confirm_commit()
    with pytest.raises(VoipReadyError, match="intent mapping"):
        napalm.load_merge_candidate(config="table inet x {}")
