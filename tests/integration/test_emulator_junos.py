# -*- coding: utf-8 -*-
"""The emulated Junos SRX and EX (lab/emulators/platforms/junos.py; never a real device)
against independent clients: netmiko (juniper_junos) logs in, prepares the CLI, configures in
a private candidate and commits; the device refuses what its YANG schema refuses with Junos's
own texts; ``commit confirmed`` rolls back by itself when nobody confirms (events.log);
netmiko's SSHDetect names juniper_junos; and the collection's engine converges the SRX and the
EX in one login, changes nothing the second time, ends in the before state when the commit is
refused or the session is cut after ``commit confirmed``, and a broken driver keyword is
refused with the device's own words (``pytest -rP -k commit_confirmed`` prints events.log)."""

import os
import sys
import tempfile
import threading
import time
import types

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from emulator_harness import EmulatorProcess, REPO, require  # noqa: E402

COLLECTIONS = os.path.join(REPO, ".cache", "collections")
if COLLECTIONS not in sys.path:
    sys.path.insert(0, COLLECTIONS)

netmiko = require("netmiko", "asyncssh")[0]
ConnectHandler = netmiko.ConnectHandler
#: a lab minute of ``commit confirmed N`` (the real one is 60 s; EMU_JUNOS_MINUTE)
FAST = {"EMU_JUNOS_MINUTE": "2"}


@pytest.fixture(scope="module")
def srx():
    with EmulatorProcess("junos_srx", "vr-srx1") as emu:
        yield emu


@pytest.fixture
def fresh_srx():
    with EmulatorProcess("junos_srx", "vr-srx1", env=FAST) as emu:
        yield emu


def _connect(emu, **extra):
    return ConnectHandler(device_type="juniper_junos", **emu.netmiko(**extra))


def _wait_event(emu, kind, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if emu.events(kind):
            return emu.events(kind)
        time.sleep(0.2)
    return []


# -- login, prompts, candidate --------------------------------------------------------------
def test_netmiko_logs_in_prepares_the_cli_and_sees_the_junos_prompts(srx):
    before = len(srx.logins("admin"))
    conn = _connect(srx)
    try:
        assert conn.find_prompt() == "admin@vr-srx1>"
        text = conn.send_command("show configuration | display set | no-more")
        assert "set system host-name vr-srx1" in text
        assert "set security zones security-zone trust interfaces ge-0/0/1.0" in text
        out = conn.config_mode(config_command="configure private")
        assert "warning: uncommitted changes will be discarded on exit" in out
        assert conn.check_config_mode()
        conn.exit_config_mode()
    finally:
        conn.disconnect()
    assert len(srx.logins("admin")) == before + 1
    assert srx.logins("admin")[-1].startswith("Accepted password for admin from 127.0.0.1 port ")


def test_root_lands_in_the_shell_and_netmiko_starts_the_cli():
    users = {"users": [{"name": "root", "password": "lab-root-pw", "privilege": 15}]}
    with EmulatorProcess("junos_srx", "vr-srx1", users=users) as emu:
        conn = ConnectHandler(device_type="juniper_junos", **emu.netmiko(user="root"))
        try:
            assert conn.find_prompt() == "root@vr-srx1>"
        finally:
            conn.disconnect()


def test_bad_statements_are_refused_with_the_junos_text_and_change_nothing(srx):
    before = srx.running()
    conn = _connect(srx)
    try:
        out = conn.send_config_set(["set security zonez security-zone x",
                                    "set security policies from-zone trust to-zone untrust "
                                    "policy BAD_NAME! then permit",
                                    "set snmp community cust-ro authorization read-maybe"],
                                   config_mode_command="configure private", exit_config_mode=False,
                                   cmd_verify=False)
        assert "                 ^\nsyntax error." in out.replace("\r", "")
        assert "Must be a string beginning with a number or letter" in out
        assert "syntax error, expecting" in out
        assert conn.send_command("show | compare", expect_string=r"#\s*$").strip() == ""
    finally:
        conn.disconnect()
    assert srx.running() == before


def test_commit_check_refuses_an_undefined_zone_and_address(srx):
    conn = _connect(srx)
    try:
        conn.send_config_set([
            "set security policies from-zone voice to-zone untrust policy P1 match "
            "source-address VOICE-NETS",
            "set security policies from-zone voice to-zone untrust policy P1 match "
            "destination-address any",
            "set security policies from-zone voice to-zone untrust policy P1 match application any",
            "set security policies from-zone voice to-zone untrust policy P1 then permit"],
            config_mode_command="configure private", exit_config_mode=False, cmd_verify=False)
        out = conn.send_command("commit check", expect_string=r"#\s*$")
        assert "[edit security policies]\n  'from-zone voice to-zone untrust'\n    Security " \
               "zone must be defined" in out.replace("\r", "")
        assert "address or address-set VOICE-NETS must be defined" in out
        assert out.strip().splitlines()[-1].strip() == "error: configuration check-out failed" or \
            "error: configuration check-out failed" in out
        with pytest.raises(ValueError):
            conn.commit()
        conn.exit_config_mode()
    finally:
        conn.disconnect()
    assert "from-zone voice" not in srx.running()
    assert srx.events("commit_failed")


def test_state_persists_across_sessions_and_restarts(fresh_srx):
    conn = _connect(fresh_srx)
    conn.send_config_set(["set system ntp server 192.0.2.124"],
                         config_mode_command="configure private", exit_config_mode=False)
    conn.commit(and_quit=True)
    conn.disconnect()
    fresh_srx.restart()
    conn = _connect(fresh_srx)
    try:
        assert "set system ntp server 192.0.2.124" in conn.send_command(
            "show configuration system ntp | display set")
        history = conn.send_command("show system commit")
        assert history.splitlines()[0].startswith("0   ") and " by admin via cli" in history
    finally:
        conn.disconnect()


def test_commit_confirmed_rolls_back_by_itself_when_not_confirmed(fresh_srx):
    emu = fresh_srx
    before = emu.running()
    conn = _connect(emu)
    conn.send_config_set(["set security alg sip disable"], config_mode_command="configure private",
                         exit_config_mode=False)
    out = conn.commit(confirm=True, confirm_delay=1, and_quit=True)
    assert "commit confirmed will be automatically rolled back in 1 minutes unless confirmed" in out
    conn.disconnect()
    assert "set security alg sip disable" in emu.running()
    rollback = _wait_event(emu, "rollback", 10)
    assert rollback and rollback[-1]["automatic"] is True and rollback[-1]["to"] == 1
    assert any("UI_COMMIT_NOT_CONFIRMED" in e["message"] for e in emu.events("syslog"))
    assert emu.running() == before
    print(emu.event_log())


def test_a_plain_commit_confirms_and_the_timer_never_fires(fresh_srx):
    emu = fresh_srx
    conn = _connect(emu)
    conn.send_config_set(["set security alg sip disable"], config_mode_command="configure private",
                         exit_config_mode=False)
    conn.commit(confirm=True, confirm_delay=1)
    conn.commit(and_quit=True)
    conn.disconnect()
    time.sleep(3)
    assert not emu.events("rollback") and emu.events("confirm")
    assert "set security alg sip disable" in emu.running()


def test_rollback_and_compare_in_configuration_mode(fresh_srx):
    conn = _connect(fresh_srx)
    try:
        conn.send_config_set(["delete snmp community cust-ro"],
                             config_mode_command="configure private", exit_config_mode=False)
        diff = conn.send_command("show | compare", expect_string=r"#\s*$").replace("\r", "")
        assert "[edit snmp]\n-   community cust-ro {" in diff
        assert "load complete" in conn.send_command("rollback 0", expect_string=r"#\s*$")
        assert conn.send_command("show | compare", expect_string=r"#\s*$").strip() == ""
    finally:
        conn.disconnect()


def test_fault_reject_answers_the_given_error(fresh_srx):
    fresh_srx.set_faults({"reject": "^set security alg", "error": "error: lab fault"})
    conn = _connect(fresh_srx)
    try:
        out = conn.send_config_set(["set security alg sip disable"],
                                   config_mode_command="configure private", exit_config_mode=False)
        assert "error: lab fault" in out
        assert conn.send_command("show | compare", expect_string=r"#\s*$").strip() == ""
    finally:
        conn.disconnect()
    assert fresh_srx.events("fault")


def test_netmiko_sshdetect_names_juniper_junos(srx):
    from netmiko import SSHDetect
    params = srx.netmiko()
    params["device_type"] = "autodetect"
    assert SSHDetect(**params).autodetect() == "juniper_junos"


def test_the_ex_switch_holds_vlans_and_voip_ports():
    with EmulatorProcess("junos_ex", "vr-ex1") as emu:
        conn = ConnectHandler(device_type="juniper_junos", **emu.netmiko())
        try:
            conn.send_config_set(["set vlans VOICE vlan-id 110",
                                  "set switch-options voip interface ge-0/0/1.0 vlan VOICE"],
                                 config_mode_command="configure private", exit_config_mode=False)
            out = conn.commit(and_quit=True)
            assert "commit complete" in out
            text = conn.send_command("show configuration | display set | no-more")
            assert "set switch-options voip interface ge-0/0/1.0 vlan VOICE" in text
            assert "set vlans VOICE vlan-id 110" in text
        finally:
            conn.disconnect()


# -- the collection's own path ----------------------------------------------------------------
def _srx_intent(inside_zone="trust"):
    from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_lib
    from ansible_collections.voipready.network.plugins.module_utils.intent import qos_classes_from_rules
    rules = catalog_lib.provider_rules(catalog_lib.load_catalog([os.path.join(REPO, "lab", "catalog")]),
                                       "labvoice", region="lab")
    return {
        "allowlist": {"name": "VOIPREADY", "rules": rules, "voice_networks": ["192.0.2.0/24"],
                      "essentials": {"dns": ["198.51.100.53"], "ntp": ["198.51.100.123"]},
                      "enforce": True, "fqdn_mode": "auto", "inside_zone": inside_zone,
                      "outside_zone": "untrust", "inside_interfaces": ["ge-0/0/1.0"],
                      "outside_interfaces": ["ge-0/0/0.0"]},
        "sip_alg": {"enabled": False},
        "qos": {"trust": True, "classes": qos_classes_from_rules(rules),
                "interfaces": ["ge-0/0/1.0", "ge-0/0/0.0"]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    }


def _run(emu, features, confirm_timeout=60):
    from ansible_collections.voipready.network.plugins.module_utils import engine
    request = engine.Request("junos", features, connection=emu.connection(secret=False),
                             confirm_timeout=confirm_timeout, lock_dir=tempfile.mkdtemp(),
                             backup_dir=tempfile.mkdtemp())
    return engine.run(request)


def test_engine_converges_the_srx_in_one_login_and_then_changes_nothing(fresh_srx):
    emu = fresh_srx
    before = emu.running()
    logins = len(emu.logins())
    first = _run(emu, _srx_intent())
    assert first["changed"] and first["confirmed_via"] == "session"
    assert len(emu.logins()) == logins + 1
    after = emu.running()
    assert "set security alg sip disable" in after
    assert emu.events("confirm") and not emu.events("rollback")
    second = _run(emu, _srx_intent())
    assert second["changed"] is False and second["commands"] == []
    assert len(emu.logins()) == logins + 2 and emu.running() == after
    # what the collection does not own is still there, unchanged
    foreign = [l for l in before.splitlines() if "VOIPREADY" not in l and "alg" not in l
               and "ge-0/0/0 unit 0 family inet filter" not in l]
    assert all(l in after.splitlines() for l in foreign)


def test_a_push_refused_at_commit_ends_in_the_before_state(fresh_srx):
    """A customer SRX keeps its addresses in a zone address book; the allowlist adds the
    global one, and Junos's own constraint (``security zones security-zone X address-book``:
    must not coexist with ``security address-book``, Juniper YANG) refuses the commit."""
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    emu = fresh_srx
    conn = _connect(emu)
    conn.send_config_set([
        "delete security policies from-zone untrust to-zone dmz",
        "delete security address-book",
        "set security zones security-zone trust address-book address CUST-LAN 192.0.2.0/24"],
        config_mode_command="configure private", exit_config_mode=False)
    conn.commit(and_quit=True)
    conn.disconnect()
    before = emu.running()
    commits = len(emu.events("commit"))
    with pytest.raises(VoipReadyError) as err:
        _run(emu, _srx_intent())
    assert "Zone specific address books are not allowed when there are global address books " \
           "defined" in str(err.value) or "statements constraint check failed" in str(err.value), \
        str(err.value)
    assert emu.running() == before
    assert len(emu.events("commit")) == commits and emu.events("commit_failed")


def test_a_session_cut_after_commit_confirmed_ends_with_the_device_rolling_back(
        fresh_srx, monkeypatch):
    """The session dies right after ``commit confirmed``; a fresh login cannot read the
    device in time; the device rolls back by itself and the engine, logging in again once
    the timer should have fired, reports it and proves the before state."""
    from ansible_collections.voipready.network.plugins.module_utils import engine
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    emu = fresh_srx
    before = emu.running()
    driver = engine.get_driver("junos")
    commands = driver.remediate(before, _srx_intent())
    # configure private (1) + the commands + the commit line: cut right after the commit
    emu.set_faults({"drop_after_config_lines": len(commands) + 1, "once": True})

    def then_hang():  # once the cut happened, the next read of the configuration hangs
        if _wait_event(emu, "fault", 60):
            emu.set_faults({"hang_on": r"^show configuration", "seconds": 35, "once": True})
    threading.Thread(target=then_hang, daemon=True).start()
    # the device's lab minute is 2 s: the engine waits for its own rollback, not 60 s + grace
    monkeypatch.setattr(engine, "time", types.SimpleNamespace(
        time=time.time, sleep=lambda seconds: _wait_event(emu, "rollback", 20)))
    with pytest.raises(VoipReadyError) as err:
        _run(emu, _srx_intent())
    assert "reverted by itself" in str(err.value), repr(err.value)[:3000]
    assert emu.events("rollback")[-1]["automatic"] is True
    assert emu.running() == before
    print("engine: %s" % err.value)
    print(emu.event_log())


def test_a_broken_driver_keyword_is_refused_by_the_device(fresh_srx, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    emu = fresh_srx
    before = emu.running()
    driver_cls = type(get_driver("junos"))
    real = driver_cls.remediate

    def broken(self, running, intent, state="merged"):
        return [c.replace("address-book global", "adress-book global")
                for c in real(self, running, intent, state)]

    monkeypatch.setattr(driver_cls, "remediate", broken)
    with pytest.raises(VoipReadyError) as err:
        _run(emu, _srx_intent())
    # the device's own refusal, with the line it answered
    assert "junos rejected a statement: 'set security adress-book global " in str(err.value)
    assert "' -> syntax error." in str(err.value), str(err.value)
    assert emu.running() == before and not emu.events("commit")
    monkeypatch.setattr(driver_cls, "remediate", real)
    assert _run(emu, _srx_intent())["changed"]


# -- the EX switch through the collection's engine ------------------------------------------
@pytest.fixture
def fresh_ex():
    # the device's own minute: nothing here waits for a rollback, and a slow confirm on a
    # loaded machine must not race a 2 s lab minute
    with EmulatorProcess("junos_ex", "vr-ex1") as emu:
        yield emu


def _ex_intent():
    """inventories/lab/host_vars/vr-ex1.yml: desk ports ge-0/0/1-2 (DATA 10), uplink ge-0/0/47."""
    return {"voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"},
                           "data_vlan": {"id": 10, "name": "DATA"},
                           "phone_ports": ["ge-0/0/1", "ge-0/0/2"], "uplink_ports": ["ge-0/0/47"],
                           "trust_dscp": True, "subinterfaces": []}}


def test_engine_converges_the_ex_in_one_login_and_then_changes_nothing(fresh_ex):
    emu = fresh_ex
    before = emu.running()
    logins = len(emu.logins())
    first = _run(emu, _ex_intent())
    assert first["changed"] and first["confirmed_via"] == "session"
    assert len(emu.logins()) == logins + 1
    after = emu.running()
    for port in ("ge-0/0/1", "ge-0/0/2"):
        assert "set switch-options voip interface %s.0 vlan VOICE" % port in after
    assert "set interfaces ge-0/0/47 unit 0 family ethernet-switching vlan members VOICE" in after
    assert emu.events("confirm") and not emu.events("rollback")
    second = _run(emu, _ex_intent())
    assert second["changed"] is False and second["commands"] == []
    assert len(emu.logins()) == logins + 2 and emu.running() == after
    # the printer port, the customer's PRINTERS VLAN on the uplink and the rest stay
    assert all(l in after.splitlines() for l in before.splitlines() if "ge-0/0/0" in l
               or "PRINTERS" in l or l.startswith(("set snmp", "set vlans DATA")))


def test_a_broken_driver_keyword_is_refused_by_the_ex(fresh_ex, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    emu = fresh_ex
    before = emu.running()
    driver_cls = type(get_driver("junos"))
    real = driver_cls.remediate

    def broken(self, running, intent, state="merged"):
        return [c.replace("switch-options voip ", "switch-options vopi ")
                for c in real(self, running, intent, state)]

    monkeypatch.setattr(driver_cls, "remediate", broken)
    with pytest.raises(VoipReadyError) as err:
        _run(emu, _ex_intent())
    assert "junos rejected a statement: 'set switch-options vopi interface ge-0/0/" \
        in str(err.value) and "' -> syntax error." in str(err.value), str(err.value)
    assert emu.running() == before and not emu.events("commit")
    monkeypatch.setattr(driver_cls, "remediate", real)
    assert _run(emu, _ex_intent())["changed"]
