# -*- coding: utf-8 -*-
"""The emulated PAN-OS firewall (lab/emulators/platforms/panos.py; never a real device) against
independent clients: netmiko (paloalto_panos) logs in with keyboard-interactive, prepares the
CLI, edits the candidate and is refused with PAN-OS's own texts; commit validation refuses
undefined zones, objects, services and applications; netmiko's SSHDetect names the device type;
the collection's engine converges it in one login, a second run changes nothing, a push
refused at commit ends in the before state and a broken driver keyword is refused.

netmiko's paloalto_panos driver tells the CLI mode by timing: check_config_mode reads until
the channel has been quiet for 2 s (netmiko issues #3062, #3845), five times in every
send_config_set and four in commit(), once more in disconnect(). That is netmiko's wait, on a
real PA firewall as here, so one test keeps netmiko's own configure-mode calls and the others
read each answer up to the prompt PAN-OS ends it with (configure() below)."""

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

netmiko = require("netmiko", "asyncssh")[0]
ConnectHandler = netmiko.ConnectHandler


@pytest.fixture(scope="module")
def firewall():
    with EmulatorProcess("panos", "PA-VM") as emu:
        yield emu


@pytest.fixture
def fresh():
    with EmulatorProcess("panos", "PA-VM") as emu:
        yield emu


#: where PAN-OS's answer to a configure-mode line ends: the context line and the prompt
CONFIG_END = r"\[edit[^\n]*\]\r?\n\S+#\s*$"


def connect(emu, **extra):
    return ConnectHandler(device_type="paloalto_panos", **emu.netmiko(**extra))


def configure(conn, lines, leave=True, timeout=10):
    """``configure``, ``lines`` and (``leave``) ``exit`` through netmiko, each answer read up
    to the prompt that ends it: the transcript."""
    def say(line, end=CONFIG_END):
        return conn.send_command(line, expect_string=end, strip_prompt=False,
                                 strip_command=False, read_timeout=timeout)
    out = say("configure")
    for line in lines:
        out += say(line)
    return out + (say("exit", end=r">\s*$") if leave else "")


def close(conn):
    """``exit`` ends the PAN-OS CLI session; netmiko's disconnect() then has no mode to
    find (its cleanup() would wait 2 s of silence first)."""
    if conn.remote_conn is not None:
        conn.write_channel("exit\n")
        deadline = time.time() + 5
        while not conn.remote_conn.closed and time.time() < deadline:
            time.sleep(0.02)
    conn.disconnect()


# -- login and the CLI -------------------------------------------------------------------------
def test_keyboard_interactive_login_prompts_and_cli_settings(firewall):
    before = len(firewall.logins())
    conn = connect(firewall)
    try:
        assert conn.find_prompt() == "admin@PA-VM>"
        info = conn.send_command("show system info")
        assert "model: PA-VM" in info and "hostname: PA-VM" in info
        assert "operational-mode: normal" in info
        out = configure(conn, [], leave=False)
        assert out.splitlines()[-3:] == ["Entering configuration mode", "[edit]", "admin@PA-VM# "]
        assert conn.find_prompt() == "admin@PA-VM#"
        assert conn.send_command("exit", expect_string=">").strip() == "Exiting configuration mode"
        assert conn.find_prompt() == "admin@PA-VM>"
    finally:
        close(conn)
    logins = firewall.logins()[before:]
    assert len(logins) == 1
    assert logins[0].startswith("Accepted keyboard-interactive/pam for admin from 127.0.0.1 port ")


def test_a_wrong_password_is_refused_and_logged(firewall):
    with pytest.raises(netmiko.NetmikoAuthenticationException):
        connect(firewall, password="not-the-password")
    assert "Failed keyboard-interactive/pam for admin from 127.0.0.1" in firewall.log()


def test_paging_until_pager_off(firewall):
    import paramiko
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("127.0.0.1", port=firewall.port, username="admin", password="lab-admin-pw",
                   look_for_keys=False, allow_agent=False)
    shell = client.invoke_shell()
    try:
        text = _read_until(shell, b"admin@PA-VM> ")
        shell.send(b"show system info\n")
        text = _read_until(shell, b"lines 1-22 ")
        assert b"operational-mode" not in text  # the pager stopped the output
        shell.send(b"q")
        _read_until(shell, b"admin@PA-VM> ")
        shell.send(b"set cli pager off\nshow system info\n")
        assert b"operational-mode: normal" in _read_until(shell, b"operational-mode: normal")
    finally:
        client.close()


def _read_until(shell, marker, limit=10.0):
    import time
    data, deadline = b"", time.time() + limit
    while marker not in data and time.time() < deadline:
        if shell.recv_ready():
            data += shell.recv(65536)
        else:
            time.sleep(0.02)
    assert marker in data, data[-300:]
    return data


def test_bad_commands_are_refused_with_panos_texts_and_change_nothing(fresh):
    conn = connect(fresh)
    try:
        out = configure(conn, [
            "set adress web01 ip-netmask 192.0.2.80",
            "set address web01 ip-netmask 192.0.2.300",
            "set deviceconfig setting session timeout-udp 0",
            "set rulebase security rules R1 actoin allow",
        ])
        assert out.count("Invalid syntax.") == 3
        assert "Unknown command: adress" in out
        assert conn.send_command("check pending-changes").strip() == "no"
        assert "Unknown command: foo" in conn.send_command("foo")
    finally:
        close(conn)
    assert not fresh.events("config")


def test_netmikos_own_config_set_and_commit_candidate_diff_job_and_persistence(fresh):
    """netmiko's send_config_set and commit() (config_mode, check_config_mode,
    exit_config_mode inside them) as a script of an operator's would call them."""
    conn = connect(fresh)
    try:
        out = conn.send_config_set(["set address VOICE-SBC ip-netmask 203.0.113.10/32",
                                    "set deviceconfig setting session timeout-udp 60"])
        assert "Entering configuration mode" in out and "Exiting configuration mode" in out
        assert conn.send_command("check pending-changes").strip() == "yes"
        diff = conn.send_command("show config diff")
        assert "+  VOICE-SBC {" in diff and "+    ip-netmask 203.0.113.10/32;" in diff
        assert diff.startswith("@@ ")
        assert "timeout-udp 60" not in fresh.running()  # candidate only
        out = conn.commit()
        assert "Commit job 1 is in progress" in out and "100%" in out
        assert "Configuration committed successfully" in out
    finally:
        close(conn)
    assert "set deviceconfig setting session timeout-udp 60" in fresh.running()
    fresh.restart()
    conn = connect(fresh)
    try:
        conn.send_command("set cli config-output-format set")
        shown = configure(conn, ["show address VOICE-SBC"])
        assert "set address VOICE-SBC ip-netmask 203.0.113.10/32" in shown
        assert "Commit" in conn.send_command("show jobs id 1")
    finally:
        close(conn)
    assert [e["job"] for e in fresh.events("commit")] == [1]


def test_commit_validation_refuses_undefined_references(fresh):
    before = fresh.running()
    conn = connect(fresh)
    try:
        out = configure(conn, [
            "set rulebase security rules R1 from voice to untrust source any destination "
            "NOPE-OBJ application any service any action allow",
            "set rulebase security rules R2 from trust to untrust source any destination any "
            "application sip-nonexistent service VOIP-UDP-5060 action allow",
            "commit", "revert config"])
    finally:
        close(conn)
    out = out[out.index("commit\n"):]
    assert "Validation Error:" in out and "100%" not in out
    for reference in ("from 'voice'", "destination 'NOPE-OBJ'", "application 'sip-nonexistent'",
                      "service 'VOIP-UDP-5060'"):
        assert reference + " is not a valid reference" in out, reference
    assert "rulebase -> security -> rules -> R1 -> from is invalid" in out
    assert fresh.running() == before
    assert fresh.events("commit_failed") and not fresh.events("commit")


def test_move_and_member_lists(fresh):
    conn = connect(fresh)
    try:
        conn.send_command("set cli config-output-format set")
        shown = configure(conn, [
            "set address-group dmz-servers static office-lan",
            "delete address-group dmz-servers static dmz-mail01",
            "move rulebase security rules Deny-Guest-To-LAN top",
            "show address-group dmz-servers", "show rulebase security"])
    finally:
        close(conn)
    assert "set address-group dmz-servers static [ dmz-web01 office-lan ]" in shown
    rules = [line.split()[4] for line in shown.splitlines()
             if line.startswith("set rulebase security rules ")]
    assert rules[0] == "Deny-Guest-To-LAN"


def test_faults_reject_and_drop(fresh):
    fresh.set_faults({"reject": "^set address", "error": "Server error : busy", "once": True})
    conn = connect(fresh)
    try:
        out = configure(conn, ["set address A1 ip-netmask 192.0.2.7"])
        assert "Server error : busy" in out
        assert conn.send_command("check pending-changes").strip() == "no"
    finally:
        close(conn)
    fresh.set_faults({"drop_after_config_lines": 2})
    conn = connect(fresh)
    with pytest.raises(Exception):
        configure(conn, ["set address A1 ip-netmask 192.0.2.7",
                         "set address A2 ip-netmask 192.0.2.8",
                         "set address A3 ip-netmask 192.0.2.9"], timeout=2)
    conn.disconnect()
    fresh.set_faults(None)
    assert [e["fault"] for e in fresh.events("fault")] == ["reject", "drop_after_config_lines"]


def test_netmiko_sshdetect_names_paloalto_panos(firewall):
    from netmiko import SSHDetect
    params = firewall.netmiko()
    params.pop("fast_cli", None)
    guesser = SSHDetect(device_type="autodetect", **params)
    assert guesser.autodetect() == "paloalto_panos"


# -- the collection's own path ---------------------------------------------------------------------
def _intent():
    from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_lib
    from ansible_collections.voipready.network.plugins.module_utils.intent import qos_classes_from_rules
    rules = catalog_lib.provider_rules(catalog_lib.load_catalog([os.path.join(REPO, "lab", "catalog")]),
                                       "labvoice", region="lab")
    return {
        "allowlist": {"name": "VOIPREADY", "rules": rules, "voice_networks": ["192.0.2.0/24"],
                      "essentials": {"dns": ["198.51.100.53"], "ntp": ["198.51.100.123"]},
                      "enforce": True, "fqdn_mode": "auto", "inside_interfaces": ["ethernet1/2"],
                      "outside_interfaces": ["ethernet1/1"], "inside_zone": "trust",
                      "outside_zone": "untrust"},
        "sip_alg": {"enabled": False},
        "qos": {"trust": True, "classes": qos_classes_from_rules(rules), "interfaces": ["ethernet1/1"]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"}, "data_vlan": {"id": 10, "name": "DATA"},
                       "phone_ports": [], "uplink_ports": [], "trust_dscp": True,
                       "subinterfaces": [{"parent": "ethernet1/2", "vlan": 110,
                                          "address": "192.0.2.193/26"}]},
    }


def _run(emu, features):
    from ansible_collections.voipready.network.plugins.module_utils import engine
    request = engine.Request("panos", features, connection=emu.connection(secret=False),
                             lock_dir=tempfile.mkdtemp(), backup_dir=tempfile.mkdtemp())
    return engine.run(request)


def _foreign(text):
    return [line for line in text.splitlines() if "VOIPREADY" not in line
            and "ethernet1/2.110" not in line and "session timeout-udp" not in line
            and not line.startswith(("set shared ", "set zone trust network layer3",
                                     "set network virtual-router default interface"))]


def test_engine_converges_in_one_login_and_then_changes_nothing(fresh):
    before = fresh.running()
    logins = len(fresh.logins())
    first = _run(fresh, _intent())
    assert first["changed"] and first["commands"]
    assert len(fresh.logins()) == logins + 1
    after = fresh.running()
    assert "set shared alg-override application sip alg-disabled yes" in after
    assert "set deviceconfig setting session timeout-udp 600" in after
    assert "set zone trust network layer3 [ ethernet1/2 ethernet1/2.110 ]" in after
    assert len(fresh.events("commit")) == 1
    second = _run(fresh, _intent())
    assert second["changed"] is False and second["commands"] == []
    assert len(fresh.logins()) == logins + 2 and fresh.running() == after
    # the customer's own configuration is as it was
    assert _foreign(after) == _foreign(before)


def test_a_push_refused_at_commit_ends_in_the_before_state(fresh):
    """Another admin left an invalid, uncommitted rule in the (shared) candidate: the
    collection's own lines are valid, the commit is refused for the whole candidate."""
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    conn = connect(fresh)
    try:
        configure(conn, ["set rulebase security rules Half-Done from nowhere to untrust "
                         "source any destination any application any service any "
                         "action allow"])
    finally:
        close(conn)
    before = fresh.running()
    with pytest.raises(VoipReadyError) as err:
        _run(fresh, {"sip_alg": {"enabled": False}})
    text = str(err.value)
    assert "PAN-OS refused the commit" in text and "from 'nowhere' is not a valid reference" in text
    assert "before state" in text
    assert fresh.running() == before
    assert fresh.events("commit_failed") and not fresh.events("commit")
    assert fresh.events("revert")


def test_a_broken_driver_keyword_is_refused_by_the_device(fresh, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    driver_cls = type(get_driver("panos"))
    real = driver_cls.remediate
    before = fresh.running()

    def broken(self, running, intent, state="merged"):
        return [c.replace("alg-override", "alg-overide") for c in real(self, running, intent, state)]

    monkeypatch.setattr(driver_cls, "remediate", broken)
    with pytest.raises(VoipReadyError) as err:
        _run(fresh, {"sip_alg": {"enabled": False}})
    assert "alg-overide" in str(err.value) and "Invalid syntax." in str(err.value)
    assert fresh.running() == before and not fresh.events("commit")
    monkeypatch.setattr(driver_cls, "remediate", real)
    assert _run(fresh, {"sip_alg": {"enabled": False}})["changed"]
    assert "set shared alg-override application sip alg-disabled yes" in fresh.running()


def test_vsys_paths_are_not_a_single_vsys_firewalls(fresh):
    conn = connect(fresh)
    try:
        out = configure(conn, ["set vsys vsys1 zone voice network layer3 ethernet1/3"])
    finally:
        close(conn)
    assert "Unknown command: vsys" in out
    assert conn.remote_conn is None and not fresh.events("config")
