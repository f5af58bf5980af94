# -*- coding: utf-8 -*-
"""The emulated FortiGate (lab/emulators/platforms/fortios.py; never a real device) against
independent clients: netmiko (fortinet) completes the key exchange it restricts paramiko
to, prepares the console (``set output standard``) and restores it, configures and is
refused with FortiOS's own errors; netmiko's SSHDetect names the device type; the
collection's engine converges it in one login, a second run changes nothing, and a broken
driver keyword is refused by the device and rolled back."""

import os
import re
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
def fgt():
    with EmulatorProcess("fortios", "vr-fgt1") as emu:
        yield emu


@pytest.fixture
def fresh():
    with EmulatorProcess("fortios", "vr-fgt1") as emu:
        yield emu


def _shell(emu):
    import paramiko
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("127.0.0.1", port=emu.port, username="admin", password="lab-admin-pw",
                   look_for_keys=False, allow_agent=False)
    return client, client.invoke_shell()


def _read_until(shell, marker, timeout=10):
    data = ""
    deadline = time.time() + timeout
    while marker not in data and time.time() < deadline:
        if shell.recv_ready():
            data += shell.recv(65536).decode()
        else:
            time.sleep(0.05)
    return data


def console_output(emu):
    match = re.search(r"(?ms)^config system console\n(.*?)^end$", emu.running())
    found = re.search(r"set output (\S+)", match.group(1)) if match else None
    return found.group(1) if found else "more"


# -- login, key exchange, console -------------------------------------------------------------
def test_netmiko_fortinet_completes_its_key_exchange_and_logs_in(fgt, caplog):
    import logging
    caplog.set_level(logging.DEBUG, logger="paramiko.transport")
    before = len(fgt.logins("admin"))
    with ConnectHandler(device_type="fortinet", **fgt.netmiko()) as conn:
        assert conn.find_prompt() == "vr-fgt1 #"
        status = conn.send_command("get system status")
        # netmiko made the console print without paging for its session
        assert console_output(fgt) == "standard"
    # netmiko limits paramiko to group14-sha1, group-exchange(-sha256) and group1-sha1:
    # one of those was agreed (paramiko logs the agreement)
    agreed = re.findall(r"Kex: (\S+)", caplog.text)
    assert agreed and agreed[-1] in ("diffie-hellman-group14-sha1",
                                     "diffie-hellman-group-exchange-sha1",
                                     "diffie-hellman-group-exchange-sha256"), caplog.text[-2000:]
    assert status.startswith("Version: FortiGate-60E-POE v7.4.1,build2463,230830 (GA.F)")
    assert "Hostname: vr-fgt1" in status
    logins = fgt.logins("admin")
    assert len(logins) == before + 1
    assert re.match(r"^Accepted password for admin from 127\.0\.0\.1 port \d+ ssh2$", logins[-1])
    # ... and put it back as it found it when it logged out (cleanup: set output more)
    assert console_output(fgt) == "more"
    assert "Diffie-Hellman" not in fgt.log()


def test_paging_follows_config_system_console(fgt):
    client, shell = _shell(fgt)
    try:
        assert _read_until(shell, "vr-fgt1 # ").endswith("vr-fgt1 # ")
        shell.send("show\n")
        text = _read_until(shell, "--More--")
        assert "--More--" in text and text.startswith("show\r\n#config-version=FG60EP-7.4.1")
        shell.send("q")
        shell.send("config system console\nset output standard\nend\nshow firewall policy\n")
        text = _read_until(shell, "\r\nend\r\n")
        assert "--More--" not in text and "edit 4" in text
        shell.send("config system console\nunset output\nend\n")
        _read_until(shell, "vr-fgt1 # ", 3)
    finally:
        client.close()


def test_failed_login_is_logged_like_sshd(fgt):
    with pytest.raises(Exception):
        ConnectHandler(device_type="fortinet", **dict(fgt.netmiko(), password="wrong"))
    assert any(ln.startswith("Failed password for admin from 127.0.0.1 port ")
               for ln in fgt.log().splitlines())


# -- configuration ----------------------------------------------------------------------------
def test_send_config_set_changes_the_running_configuration(fresh):
    emu = fresh
    with ConnectHandler(device_type="fortinet", **emu.netmiko()) as conn:
        out = conn.send_config_set([
            "config firewall address", 'edit "SBC-1"', "set subnet 203.0.113.10/32", "next",
            'edit "SBC-FQDN"', "set type fqdn", 'set fqdn "sbc.lab.example"', "next", "end",
            "config firewall addrgrp", 'edit "SBC-ALL"', 'set member "SBC-1" "SBC-FQDN"',
            "next", "end",
            "config firewall policy", "edit 19000", 'set name "VOICE-OUT"',
            'set srcintf "internal1"', 'set dstintf "wan1"', "set srcaddr LAN-192.0.2.0",
            'set dstaddr "SBC-ALL"', "set action accept", 'set schedule "always"',
            'set service "ALL"', "next", "move 19000 before 1", "end",
            "config system settings", "set default-voip-alg-mode kernel-helper-based", "end",
            "config system global", "set udp-idle-timer 600", "end",
        ], cmd_verify=False)
        assert "Command fail" not in out
        policy = conn.send_command("show firewall policy 19000")
        order = conn.send_command("show firewall policy | grep edit")
        address = conn.send_command("show firewall address SBC-1")
        full = conn.send_command("show full-configuration system settings")
    assert 'set srcaddr "LAN-192.0.2.0"' in policy and 'set dstaddr "SBC-ALL"' in policy
    assert re.search(r"set uuid [0-9a-f-]{36}", policy)  # FortiOS gives every policy a uuid
    assert order.split() == ["edit", "19000", "edit", "1", "edit", "2", "edit", "3",
                             "edit", "4"]
    assert "set subnet 203.0.113.10 255.255.255.255" in address
    assert "set default-voip-alg-mode kernel-helper-based" in full
    assert "set sip-expectation disable" in full  # a default: in full-configuration only
    running = emu.running()
    assert "set udp-idle-timer 600" in running and "set sip-expectation" not in running
    assert emu.events("config")


def test_refusals_use_the_fortios_texts_and_change_nothing(fresh):
    emu = fresh
    before = emu.running()
    with ConnectHandler(device_type="fortinet", **emu.netmiko()) as conn:
        out = conn.send_config_set([
            "config firewall policy", "edit 4",
            'set srcintf "port9"',
            'set dstaddr "NO-SUCH-ADDRESS"',
            "set srcaddrs all",
            "set action maybe",
            "next", "end",
            "config firewall address", 'delete "WEB01"', 'edit "X"', 'set fqdn "x.example"',
            "abort",
            "config firewall addresses",
            "config system global", "set udp-idle-timer 90000", "end",
        ], cmd_verify=False)
    assert "node_check_object fail! for name port9" in out
    assert "entry not found in datasource\n\nvalue parse error before 'NO-SUCH-ADDRESS'\n" \
           "Command fail. Return code -3" in out
    assert "command parse error before 'srcaddrs'\nCommand fail. Return code -61" in out
    assert "value parse error before 'maybe'" in out
    assert "The entry is used by other 1 entries\nCommand fail. Return code -23" in out
    assert "command parse error before 'fqdn'" in out  # an ipmask address has no fqdn
    assert "command parse error before 'addresses'" in out
    assert "value parse error before '90000'" in out
    assert emu.running() == before


def test_an_entry_takes_effect_at_next_and_abort_drops_it(fresh):
    emu = fresh
    client, shell = _shell(emu)
    try:
        _read_until(shell, "vr-fgt1 # ")
        shell.send('config firewall address\nedit "PENDING"\nset subnet 192.0.2.77/32\n')
        _read_until(shell, "(PENDING) # ")
        assert "PENDING" not in emu.running()  # not before next
        shell.send("next\n")
        _read_until(shell, "(address) # ")
        assert 'edit "PENDING"' in emu.running()
        shell.send('edit "DROPPED"\nset subnet 192.0.2.78/32\nabort\n')
        _read_until(shell, "vr-fgt1 # ")
        assert "DROPPED" not in emu.running()
    finally:
        client.close()


def test_state_persists_across_restarts(fresh):
    emu = fresh
    with ConnectHandler(device_type="fortinet", **emu.netmiko()) as conn:
        conn.send_config_set(["config firewall address", 'edit "KEEP"',
                              "set subnet 192.0.2.99/32", "next", "end"], cmd_verify=False)
    emu.restart()
    with ConnectHandler(device_type="fortinet", **emu.netmiko()) as conn:
        assert "192.0.2.99 255.255.255.255" in conn.send_command("show firewall address KEEP")


def test_cfg_save_revert_undoes_an_unconfirmed_change(fresh):
    """FortiOS' own revert: with cfg-save revert, what is not saved by 'execute cfg save'
    within cfg-revert-timeout is undone."""
    emu = fresh
    with ConnectHandler(device_type="fortinet", **emu.netmiko()) as conn:
        conn.send_config_set(["config system global", "set cfg-save revert",
                              "set cfg-revert-timeout 10", "end",
                              "config firewall address", 'edit "UNSAVED"',
                              "set subnet 192.0.2.98/32", "next", "end"], cmd_verify=False)
        assert "UNSAVED" in emu.running()
    deadline = time.time() + 20
    while "UNSAVED" in emu.running() and time.time() < deadline:
        time.sleep(0.5)
    assert "UNSAVED" not in emu.running()
    assert "set cfg-save revert" not in emu.running()
    assert emu.events("rollback")[-1]["reason"] == "cfg-revert-timeout"


# -- faults -----------------------------------------------------------------------------------
def test_fault_reject_answers_the_given_error_and_changes_nothing(fresh):
    emu = fresh
    before = emu.running()
    emu.set_faults({"reject": r"^set subnet ", "error": "Command fail. Return code -1",
                    "once": True})
    with ConnectHandler(device_type="fortinet", **emu.netmiko()) as conn:
        out = conn.send_config_set(["config firewall address", 'edit "F1"',
                                    "set subnet 192.0.2.5/32", "next", "end"], cmd_verify=False)
    assert "Command fail. Return code -1" in out
    assert 'edit "F1"' in emu.running() and "192.0.2.5 255" not in emu.running()
    assert emu.events("fault")[-1]["fault"] == "reject"
    assert emu.running() != before


def test_fault_drop_cuts_the_session_and_loses_the_open_entry(fresh):
    emu = fresh
    emu.set_faults({"drop_after_config_lines": 3, "once": True})
    with pytest.raises(Exception):
        with ConnectHandler(device_type="fortinet", **emu.netmiko()) as conn:
            conn.send_config_set(["config firewall address", 'edit "CUT"',
                                  "set subnet 192.0.2.6/32", "next", "end"])
            conn.send_command("show firewall address")
    assert emu.events("fault")[-1]["fault"] == "drop_after_config_lines"
    assert "CUT" not in emu.running()


def test_netmiko_sshdetect_names_fortinet(fgt):
    from netmiko.ssh_autodetect import SSHDetect
    params = dict(fgt.netmiko(), device_type="autodetect")
    assert SSHDetect(**params).autodetect() == "fortinet"


# -- the collection's engine against the emulator ------------------------------------------
def _intent():
    from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
    return validate_intent({
        "allowlist": {"name": "VOIPREADY", "rules": [{
            "id": "sip", "provider": "lab", "region": None, "profile": None, "service": "sip",
            "component": None, "proto": "udp", "port_min": 5060, "port_max": 5061,
            "addresses": ["203.0.113.10/32", "203.0.113.11/32"], "fqdns": [],
            "wildcard": False, "enforceable": True, "direction": "outbound", "dscp": None,
            "source": None}, {
            "id": "rtp", "provider": "lab", "region": None, "profile": None, "service": "rtp",
            "component": None, "proto": "udp", "port_min": 10000, "port_max": 20000,
            "addresses": ["203.0.113.20/31"], "fqdns": [], "wildcard": False,
            "enforceable": True, "direction": "both", "dscp": None, "source": None}],
            "voice_networks": ["192.0.2.0/25"], "essentials": {"dns": ["198.51.100.53"],
                                                               "ntp": []},
            "enforce": True, "fqdn_mode": "resolve", "inside_interfaces": ["internal1"],
            "outside_interfaces": ["wan1"]},
        "sip_alg": {"enabled": False},
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"},
                       "data_vlan": {"id": 10, "name": "DATA"}, "phone_ports": [],
                       "uplink_ports": [], "trust_dscp": True,
                       "subinterfaces": [{"parent": "internal1", "vlan": 110,
                                          "address": "192.0.2.193/26"}]},
        "qos": {"trust": True, "classes": [
            {"name": "rtp", "dscp": 46, "matches": [
                {"proto": "udp", "port_min": 10000, "port_max": 20000,
                 "addresses": ["203.0.113.20/31"]}]},
            {"name": "sip", "dscp": 24, "matches": [
                {"proto": "udp", "port_min": 5060, "port_max": 5061,
                 "addresses": ["203.0.113.10/32"]}]}], "interfaces": ["wan1"]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    })


def _run(emu, features, **kwargs):
    from ansible_collections.voipready.network.plugins.module_utils import engine
    request = engine.Request("fortios", features, connection=emu.connection(secret=False),
                             lock_dir=tempfile.mkdtemp(), backup_dir=tempfile.mkdtemp(), **kwargs)
    return engine.run(request)


def unowned(text):
    """Every set-line path the collection does not own, read by hier_config's FortiOS driver
    (an independent parser): not VOIPREADY-named, not the voice VLAN, not the knobs the
    features set (SIP ALG mode, SIP helper, VoIP profile on policies, timers)."""
    from hier_config import Platform, get_hconfig
    tree = get_hconfig(Platform.FORTINET_FORTIOS, text)
    owned = set()
    for child in tree.all_children():
        if child.text.startswith(("set name \"VOIPREADY", "set comments \"voipready",
                                  "set comment \"voipready")):
            owned.add(child.parent.text)
    owned_knobs = ("set default-voip-alg-mode", "set sip-expectation", "set sip-nat-trace",
                   "set udp-idle-timer", "set voip-profile", "set default ")
    kept = []
    for child in tree.all_children():
        path = list(child.path())
        if path[-1] in ("next", "end"):
            continue  # hier_config 3.7 keeps FortiOS' closing words as siblings
        line = " > ".join(path)
        if "VOIPREADY" in line or "internal1.110" in line or "voipready" in line or \
                any(p in owned for p in path[1:2]) and path[0] in (
                    "config firewall policy", "config firewall shaping-policy") or \
                path[-1].startswith(owned_knobs) or path[0] == "config system session-ttl":
            continue
        if path[0] == "config system session-helper" and len(path) > 1 and path[1] == "edit 13":
            continue  # the SIP helper, which sip_alg removes
        kept.append(line)
    return kept


def test_engine_converges_in_one_login_then_changes_nothing(fresh):
    emu = fresh
    before = emu.running()
    logins = len(emu.logins())
    first = _run(emu, _intent())
    assert first["changed"] and first["commands"]
    assert len(emu.logins()) == logins + 1
    after = emu.running()
    assert 'edit "internal1.110"' in after
    assert "set default-voip-alg-mode kernel-helper-based" in after
    assert "set name sip" not in after            # the SIP session helper is gone
    assert 'set voip-profile "default"' not in after
    assert "set udp-idle-timer 600" in after
    assert "set diffservcode-forward 101110" in after
    second = _run(emu, _intent())
    assert second["changed"] is False and second["commands"] == []
    assert len(emu.logins()) == logins + 2
    assert emu.running() == after
    assert unowned(after) == unowned(before)
    assert "config firewall policy > edit 3 > set dstaddr \"INTERNAL-NETS\"" in unowned(after)


def test_a_broken_driver_keyword_is_refused_by_the_device_and_rolled_back(fresh, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    emu = fresh
    before = emu.running()
    driver_cls = type(get_driver("fortios"))
    real = driver_cls.remediate

    def broken(self, running, intent, state="merged"):
        return [c.replace("set udp-idle-timer ", "set udp-idle-timers ")
                for c in real(self, running, intent, state)]

    monkeypatch.setattr(driver_cls, "remediate", broken)
    with pytest.raises(VoipReadyError) as err:
        _run(emu, _intent())
    assert "command parse error before 'udp-idle-timers'" in str(err.value)
    assert "Command fail. Return code -61" in str(err.value)
    assert "rolled back" in str(err.value)
    assert unowned(emu.running()) == unowned(before)
    assert "VOIPREADY" not in emu.running()
    monkeypatch.setattr(driver_cls, "remediate", real)
    assert _run(emu, _intent())["changed"]


def test_an_interface_the_fortigate_does_not_have_is_refused_before_any_change(fresh):
    """The collection reads the interfaces (and zones) the emulated FortiGate has and
    refuses one it has not, naming the variable; the device is not touched."""
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    emu = fresh
    before = emu.running()
    intent = _intent()
    intent["allowlist"]["outside_interfaces"] = ["wan9"]
    intent["qos"]["interfaces"] = ["wan9"]
    with pytest.raises(VoipReadyError) as err:
        _run(emu, intent)
    assert "wan9" in str(err.value) and "does not have" in str(err.value)
    assert "virtual-wan-link" in str(err.value)  # an SD-WAN zone read from the device
    assert emu.running() == before
