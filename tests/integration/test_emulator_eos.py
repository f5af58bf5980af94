# -*- coding: utf-8 -*-
"""The emulated Arista EOS switch (lab/emulators/platforms/eos.py; never a real device)
against independent clients: netmiko (arista_eos) logs in, prepares the terminal ("Width set
to", "Pagination disabled."), configures through ``configure session`` and is refused with
EOS's own errors; configuration sessions commit, abort and revert on an expired ``commit
timer``; SSHDetect names arista_eos; the collection's engine converges it in one login through
its session + commit timer path, a second run changes nothing, a broken driver keyword is
refused, and a session cut right after the commit ends in the before state."""

import os
import sys
import tempfile
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from emulator_harness import EmulatorProcess, REPO, require  # noqa: E402

COLLECTIONS = os.path.join(REPO, ".cache", "collections")
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

netmiko = require("netmiko", "asyncssh", "hier_config")[0]
ConnectHandler = netmiko.ConnectHandler


@pytest.fixture(scope="module")
def switch():
    with EmulatorProcess("eos", "vr-eos1") as emu:
        yield emu


@pytest.fixture
def fresh():
    with EmulatorProcess("eos", "vr-eos1") as emu:
        yield emu


def test_netmiko_logs_in_and_prepares_the_terminal(switch):
    before = len(switch.logins("admin"))
    with ConnectHandler(device_type="arista_eos", **switch.netmiko()) as conn:
        assert conn.find_prompt() == "vr-eos1#"
        assert "Pagination disabled." in conn.send_command("terminal length 0")
        assert "Width set to 511 columns." in conn.send_command("terminal width 511")
        version = conn.send_command("show version")
    assert version.startswith("Arista DCS-7010T-48-R")
    assert "Software image version: 4.28.9M" in version
    logins = switch.logins("admin")
    assert len(logins) == before + 1
    assert logins[-1].startswith("Accepted password for admin from 127.0.0.1 port ")


def test_privilege_1_needs_enable_for_the_running_configuration(switch):
    with ConnectHandler(device_type="arista_eos", **switch.netmiko("ops", secret="lab-enable-pw")) as conn:
        assert conn.find_prompt() == "vr-eos1>"
        assert conn.send_command("show running-config").strip() == \
            "% Invalid input (privileged mode required)"
        conn.enable()
        assert conn.find_prompt() == "vr-eos1#"
        assert "hostname vr-eos1" in conn.send_command("show running-config")
    with ConnectHandler(device_type="arista_eos", **switch.netmiko("ops", secret="wrong")) as conn:
        with pytest.raises(Exception):
            conn.enable()
    assert switch.events("enable_failed")


def test_configure_terminal_and_eos_refusals(switch):
    with ConnectHandler(device_type="arista_eos", **switch.netmiko()) as conn:
        out = conn.send_config_set(["interface Ethernet7", "description eos test",
                                    "ip access-lists FOO", "vlan 5000", "interface Ethernet60",
                                    "ip access-list EMU-T", "permit udp any any eq 5060 bogus",
                                    "switchport", "vlan"])
        assert "% Invalid input (at token 1: 'access-lists')" in out
        assert "% Invalid input (at token 1: '5000')" in out
        assert "% Invalid input (at token 1: 'Ethernet60')" in out
        assert "% Invalid input (at token 6: 'bogus')" in out
        assert "% Incomplete command" in out
        assert "vr-eos1(config-if-Et7)#" in out
        run = conn.send_command("show running-config")
    assert "interface Ethernet7\n   description eos test\n!" in run
    assert "ip access-list EMU-T\n!" in run
    assert "FOO" not in run


def test_configure_session_commit_abort_and_show_session_config(switch):
    with ConnectHandler(device_type="arista_eos", **switch.netmiko()) as conn:
        out = conn.send_config_set(["interface Ethernet8", "description in session"],
                                   config_mode_command="configure session emu1", exit_config_mode=False)
        assert "vr-eos1(config-s-emu1-if-Et8)#" in out
        pending = conn.send_command("show session-config named emu1")
        assert "interface Ethernet8\n   description in session" in pending
        assert "in session" not in conn.send_command("show running-config")
        conn.send_command("abort", expect_string=r"#")
        assert "in session" not in conn.send_command("show running-config")
        conn.send_config_set(["interface Ethernet8", "description committed", "commit"],
                             config_mode_command="configure session emu2")
        assert "interface Ethernet8\n   description committed" in conn.send_command(
            "show running-config")
    kinds = [e["event"] for e in switch.events() if e.get("session") in ("emu1", "emu2")]
    assert "session-abort" in kinds and "commit" in kinds


def test_an_unconfirmed_commit_timer_reverts(fresh):
    with ConnectHandler(device_type="arista_eos", **fresh.netmiko()) as conn:
        before = conn.send_command("show running-config")
        conn.send_config_set(["interface Ethernet9", "description timed", "commit timer 00:00:02"],
                             config_mode_command="configure session timed")
        assert "description timed" in conn.send_command("show running-config")
        time.sleep(3)
        assert conn.send_command("show running-config") == before
    assert fresh.events("rollback")[-1]["session"] == "timed"


def test_a_confirmed_commit_timer_stays(fresh):
    with ConnectHandler(device_type="arista_eos", **fresh.netmiko()) as conn:
        conn.send_config_set(["interface Ethernet9", "description kept", "commit timer 00:00:02"],
                             config_mode_command="configure session kept")
        conn.send_command("configure session kept commit")
        time.sleep(3)
        assert "description kept" in conn.send_command("show running-config")
    assert not fresh.events("rollback")


def test_state_persists_across_sessions_and_restarts(fresh):
    with ConnectHandler(device_type="arista_eos", **fresh.netmiko()) as conn:
        conn.send_config_set(["vlan 333", "name PERSIST"])
        assert "Copy completed successfully." in conn.send_command("write memory")
    fresh.restart()
    with ConnectHandler(device_type="arista_eos", **fresh.netmiko()) as conn:
        assert "vlan 333\n   name PERSIST" in conn.send_command("show running-config")
        assert "vlan 333" in conn.send_command("show startup-config")


def test_faults_reject_and_drop(fresh):
    fresh.set_faults([{"reject": r"^description nope", "error": "% Simulated refusal"}])
    with ConnectHandler(device_type="arista_eos", **fresh.netmiko()) as conn:
        out = conn.send_config_set(["interface Ethernet10", "description nope"])
    assert "% Simulated refusal" in out and "nope" not in fresh.running()
    fresh.set_faults({"drop_after_config_lines": 1, "once": True})
    conn = ConnectHandler(device_type="arista_eos", **fresh.netmiko())
    with pytest.raises(Exception):
        conn.send_config_set(["interface Ethernet11", "description cut", "description never"],
                             read_timeout=5)
    conn.disconnect()
    assert "interface Ethernet11\n" in fresh.running() and "never" not in fresh.running()


def test_netmiko_sshdetect_names_arista_eos(switch):
    from netmiko import SSHDetect
    assert SSHDetect(**dict(switch.netmiko(), device_type="autodetect")).autodetect() == "arista_eos"


# -- the collection's own path ------------------------------------------------------------------
def _intent():
    from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_lib
    from ansible_collections.voipready.network.plugins.module_utils.intent import qos_classes_from_rules
    rules = catalog_lib.provider_rules(catalog_lib.load_catalog([os.path.join(REPO, "lab", "catalog")]),
                                       "labvoice", region="lab")
    return {
        "allowlist": {"name": "VOIPREADY", "rules": rules, "voice_networks": ["192.0.2.0/24"],
                      "essentials": {"dns": ["198.51.100.53"], "ntp": ["198.51.100.123"]},
                      "enforce": True, "fqdn_mode": "auto", "inside_interfaces": ["Vlan99"],
                      "outside_interfaces": ["Ethernet49"]},
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"},
                       "data_vlan": {"id": 10, "name": "DATA"},
                       "phone_ports": ["Ethernet3", "Ethernet4"], "uplink_ports": ["Ethernet48"],
                       "trust_dscp": True},
        "qos": {"trust": True, "classes": qos_classes_from_rules(rules),
                "interfaces": ["Vlan99", "Ethernet49"]},
    }


def _run(emu, confirm_timeout=30):
    from ansible_collections.voipready.network.plugins.module_utils import engine
    request = engine.Request("eos", _intent(), connection=emu.connection(),
                             lock_dir=tempfile.mkdtemp(), backup_dir=tempfile.mkdtemp(),
                             confirm_timeout=confirm_timeout)
    return engine.run(request)


def _driver_class():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    return type(get_driver("eos"))


def test_engine_converges_with_a_confirmed_commit_timer_and_then_changes_nothing(fresh):
    before = fresh.running()
    first = _run(fresh)
    assert first["changed"]
    assert len(fresh.logins()) == 1
    commits = fresh.events("commit")
    assert commits and commits[-1]["timer"] == 30
    assert fresh.events("confirm")[-1]["session"] == commits[-1]["session"]
    after = fresh.running()
    assert "ip access-list VOIPREADY-INSIDE-G1" in after
    assert "   switchport phone vlan 110" in after
    second = _run(fresh)
    assert second["changed"] is False and second["commands"] == []
    assert len(fresh.logins()) == 2
    assert fresh.running() == after
    # what the collection does not own is untouched
    for block in ("ip access-list CUST-MGMT-ONLY\n   10 permit tcp 198.51.100.0/26 any eq ssh\n",
                  "interface Ethernet5\n   description printer 2-P1\n"):
        assert block in before and block in after


def test_a_broken_driver_keyword_is_refused_and_the_session_aborted(fresh, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    cls = _driver_class()
    real = cls.remediate

    def broken(self, running, intent, state="merged"):
        return [c.replace("ip access-list ", "ip access-lists ") for c in real(self, running, intent, state)]

    before = fresh.running()
    monkeypatch.setattr(cls, "remediate", broken)
    with pytest.raises(VoipReadyError) as err:
        _run(fresh)
    assert "before state" in str(err.value)
    refused = fresh.events("refused")
    assert refused and refused[0]["line"].startswith("ip access-lists VOIPREADY-")
    assert refused[0]["error"] == "% Invalid input (at token 1: 'access-lists')"
    # the driver commits the session after the refused line; its abort reverts that commit
    assert fresh.events("rollback")[-1]["reason"] == "aborted"
    assert fresh.running() == before


def test_a_session_cut_after_the_commit_ends_in_the_before_state(fresh):
    """The connection drops right after ``commit timer``: the engine cannot confirm, the
    device's timer reverts it, and the engine proves the before state."""
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    before = fresh.running()
    # the push sends every command, then the commit line: cut right after the commit
    count = len(get_driver("eos").remediate(before, validate_intent(_intent())))
    fresh.set_faults({"drop_after_config_lines": count + 1, "once": True})
    with pytest.raises(VoipReadyError) as err:
        _run(fresh, confirm_timeout=3)
    assert "before state" in str(err.value)
    assert fresh.running() == before
    assert fresh.events("fault")[-1]["fault"] == "drop_after_config_lines"
