# -*- coding: utf-8 -*-
"""Transport behaviour without a device: the NAPALM path commits with a revert timer
and confirms; errors never carry the password."""

import pytest

from ansible_collections.voipready.network.plugins.module_utils import transport as tp
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import PlatformDriver


class FakeNapalmDevice(object):
    def __init__(self, revert=True):
        self.calls = []
        self.revert = revert
        self.pending = False

    def load_merge_candidate(self, config=None):
        self.calls.append(("load", config))

    def compare_config(self):
        return "+diff"

    def commit_config(self, revert_in=None):
        if revert_in and not self.revert:
            raise NotImplementedError("no commit confirm")
        self.pending = bool(revert_in)
        self.calls.append(("commit", revert_in))

    def has_pending_commit(self):
        return self.pending

    def confirm_commit(self):
        self.pending = False
        self.calls.append(("confirm", None))


def napalm_transport(device):
    transport = tp.NapalmTransport({"host": "192.0.2.1", "password": "s3cret!"}, "eos")
    transport.device = device
    return transport


def test_napalm_push_commits_with_revert_timer_then_confirms():
    device = FakeNapalmDevice()
    transport = napalm_transport(device)
    driver = PlatformDriver()
    driver.push(transport, ["ip access-list VOIPREADY-X", "10 permit udp any any eq 5060"], 90)
    assert device.calls == [("load", "ip access-list VOIPREADY-X\n10 permit udp any any eq 5060"),
                            ("commit", 90)]
    assert device.pending
    driver.confirm(transport)
    assert device.calls[-1] == ("confirm", None) and not device.pending


def test_napalm_driver_without_revert_commits_plainly():
    device = FakeNapalmDevice(revert=False)
    napalm_transport(device).commit(60)
    assert device.calls == [("commit", None)]


def test_transport_choice_is_checked_against_the_platform():
    class NoNapalm(PlatformDriver):
        platform = "asa"
        netmiko_device_type = "cisco_asa"

    with pytest.raises(VoipReadyError) as err:
        tp.make_transport(NoNapalm(), {"host": "192.0.2.1"}, "napalm")
    assert "transport='napalm'" in str(err.value) and err.value.field == "transport"
    with pytest.raises(VoipReadyError):
        tp.make_transport(NoNapalm(), {"host": "192.0.2.1"}, "telnet")


def test_login_failure_message_masks_the_password():
    transport = tp.NetmikoTransport({"host": "127.0.0.1", "port": 1, "username": "u",
                                     "password": "s3cret!", "timeout": 2}, "linux")
    with pytest.raises(tp.TransportError) as err:
        transport.open()
    assert "s3cret!" not in str(err.value)
    assert "127.0.0.1" in str(err.value)
