# -*- coding: utf-8 -*-
"""The emulated Cisco ASA (lab/emulators/platforms/asa.py; never a real device) against
independent clients: netmiko (cisco_asa) logs in, enables with the secret, prepares the
terminal, configures and is refused with the ASA's own errors; netmiko's SSHDetect names
the device type; the collection's engine converges it in one login, a second run changes
nothing, and a broken driver keyword is refused by the device and rolled back."""

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

INVALID = "ERROR: % Invalid input detected at '^' marker."


@pytest.fixture(scope="module")
def asa():
    with EmulatorProcess("asa", "vr-asa1") as emu:
        yield emu


@pytest.fixture
def fresh():
    with EmulatorProcess("asa", "vr-asa1") as emu:
        yield emu


def nm(emu, **extra):
    params = emu.netmiko(secret=emu.users["enable_secret"])
    params.update(extra)
    return params


def caret_column(output, line, prompt="vr-asa1(config)# "):
    """Column in ``line`` of the caret the device printed under it (the device counts its
    prompt, ``prompt``, in the caret's indentation)."""
    lines = output.splitlines()
    for index, text in enumerate(lines):
        if text.endswith(line) and index + 1 < len(lines) and lines[index + 1].strip() == "^":
            return lines[index + 1].index("^") - len(prompt)
    raise AssertionError("no caret under %r in:\n%s" % (line, output))


def _shell(emu, user="admin"):
    import paramiko
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    password = next(u["password"] for u in emu.users["users"] if u["name"] == user)
    client.connect("127.0.0.1", port=emu.port, username=user, password=password,
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


# -- login, enable, terminal ------------------------------------------------------------------
def test_netmiko_logs_in_enables_and_sees_the_asa_prompt(asa):
    before = len(asa.logins("admin"))
    with ConnectHandler(device_type="cisco_asa", **nm(asa)) as conn:
        assert conn.find_prompt() == "vr-asa1#"
        version = conn.send_command("show version")
        curpriv = conn.send_command("show curpriv")
    assert version.startswith("Cisco Adaptive Security Appliance Software Version 9.5(2)204")
    assert "vr-asa1 up " in version and "Hardware:   ASAv" in version
    assert "Current privilege level : 15" in curpriv and "P_PRIV" in curpriv
    logins = asa.logins("admin")
    assert len(logins) == before + 1
    assert re.match(r"^Accepted password for admin from 127\.0\.0\.1 port \d+ ssh2$", logins[-1])
    assert asa.events("enable")[-1]["user"] == "admin"


def test_without_a_secret_netmiko_uses_login_to_reach_privileged_exec(asa):
    with ConnectHandler(device_type="cisco_asa", **asa.netmiko()) as conn:
        assert conn.find_prompt() == "vr-asa1#"
        assert "Username : admin" in conn.send_command("show curpriv")
    assert asa.events("login_command")[-1]["privilege"] == 15


def test_a_wrong_enable_secret_is_refused(asa):
    enabled = len(asa.events("enable"))
    with pytest.raises(Exception):
        ConnectHandler(device_type="cisco_asa", **nm(asa, secret="not-the-secret"))
    assert len(asa.events("enable")) == enabled


def test_user_exec_cannot_read_the_configuration_and_pages_long_output(asa):
    client, shell = _shell(asa, "ops")
    try:
        assert _read_until(shell, "vr-asa1> ").endswith("vr-asa1> ")
        shell.send("show running-config\n")
        text = _read_until(shell, "marker.")
        assert INVALID in text
        assert caret_column(text, "show running-config", "vr-asa1> ") == len("show ")
        shell.send("show version\n")
        text = _read_until(shell, "<--- More --->")
        assert "<--- More --->" in text
        shell.send("q")
        shell.send("terminal pager 0\nshow version\n")
        text = _read_until(shell, "Configuration last modified")
        assert "<--- More --->" not in text.split("terminal pager 0")[-1]
    finally:
        client.close()


def test_failed_login_is_logged_like_sshd(asa):
    with pytest.raises(Exception):
        ConnectHandler(device_type="cisco_asa", **nm(asa, password="wrong"))
    assert any(ln.startswith("Failed password for admin from 127.0.0.1 port ")
               for ln in asa.log().splitlines())


# -- configuration ----------------------------------------------------------------------------
def test_send_config_set_changes_the_running_configuration(fresh):
    emu = fresh
    with ConnectHandler(device_type="cisco_asa", **nm(emu)) as conn:
        out = conn.send_config_set([
            "object-group network VOICE-NETS",
            "network-object 192.0.2.0 255.255.255.128",
            "object-group service SIP-SVC",
            "service-object udp destination eq 5060",
            "access-list VOICE-IN extended permit object-group SIP-SVC object-group VOICE-NETS any",
            "access-list VOICE-IN extended permit ip any any",
            "access-list VOICE-IN line 1 extended deny ip any host 203.0.113.99",
            "access-group VOICE-IN in interface inside",
            "timeout udp 0:10:00",
            "timeout sip 0:15:00",
            "policy-map global_policy", "class inspection_default", "no inspect sip",
        ])
        assert "ERROR" not in out
        acl = conn.send_command("show running-config access-list VOICE-IN")
        run = conn.send_command("show running-config")
    assert acl.splitlines() == [
        "access-list VOICE-IN extended deny ip any host 203.0.113.99",
        "access-list VOICE-IN extended permit object-group SIP-SVC object-group VOICE-NETS any",
        "access-list VOICE-IN extended permit ip any any"]
    assert " service-object udp destination eq sip" in run  # the ASA prints the port's name
    assert "access-group VOICE-IN in interface inside" in run
    assert "timeout conn 1:00:00 half-closed 0:10:00 udp 0:10:00 sctp 0:02:00 icmp 0:00:02" in run
    assert "timeout sip 0:15:00 sip_media 0:02:00 sip-invite 0:03:00 sip-disconnect 0:02:00" in run
    assert "  inspect sip\n" not in run and "  inspect tftp" in run
    assert emu.running() == run.replace("\r", "") + ("" if run.endswith("\n") else "\n")
    assert emu.events("config")[-1]["line"] == "no inspect sip"


def test_refusals_use_the_asa_texts_and_change_nothing(fresh):
    emu = fresh
    before = emu.running()
    with ConnectHandler(device_type="cisco_asa", **nm(emu)) as conn:
        out = conn.send_config_set([
            "access-lists X extended permit ip any any",
            "access-list X extended permit ip object-group NO-SUCH-GROUP any",
            "access-group DMZ_IN in interface nowhere",
            "access-group NO-SUCH-ACL in interface inside",
            "timeout udp 0:00:30",
            "no object-group network INSIDE_NETS",
            "interface GigabitEthernet0/9",
            "access-list X extended permit tcp any any eq 70000",
        ], cmd_verify=False)
    assert caret_column(out, "access-lists X extended permit ip any any") == 0
    assert "ERROR: specified object group <NO-SUCH-GROUP> not found" in out
    line = "access-group DMZ_IN in interface nowhere"
    assert caret_column(out, line) == line.index("nowhere")
    assert "ERROR: access-list <NO-SUCH-ACL> does not exist" in out
    assert caret_column(out, "timeout udp 0:00:30") == len("timeout udp ")
    assert "Removing object-group (INSIDE_NETS) not allowed, it is being used." in out
    assert caret_column(out, "interface GigabitEthernet0/9") == len("interface ")
    assert caret_column(out, "access-list X extended permit tcp any any eq 70000") == \
        len("access-list X extended permit tcp any any eq ")
    assert out.count(INVALID) == 5
    assert emu.running() == before


def test_sub_interface_nameif_and_removal_follow_the_asa(fresh):
    emu = fresh
    with ConnectHandler(device_type="cisco_asa", **nm(emu)) as conn:
        conn.send_config_set(["interface GigabitEthernet0/1.110", "vlan 110", "nameif voice",
                              "security-level 100", "ip address 192.0.2.193 255.255.255.192",
                              "access-list V extended permit ip any any",
                              "access-group V in interface voice"])
        block = conn.send_command("show running-config interface GigabitEthernet0/1.110")
        assert block.splitlines() == ["interface GigabitEthernet0/1.110", " vlan 110",
                                      " nameif voice", " security-level 100",
                                      " ip address 192.0.2.193 255.255.255.192"]
        out = conn.send_config_set(["interface GigabitEthernet0/2", "vlan 30"])
        assert INVALID in out  # a VLAN only on a sub-interface
        conn.send_config_set(["no interface GigabitEthernet0/1.110"])
        run = conn.send_command("show running-config")
    assert "GigabitEthernet0/1.110" not in run
    assert "access-group V in interface voice" not in run  # bound to a nameif that is gone


def test_state_persists_across_sessions_and_restarts_and_write_memory_saves(fresh):
    emu = fresh
    with ConnectHandler(device_type="cisco_asa", **nm(emu)) as conn:
        conn.send_config_set(["object network PERSIST-1", "host 198.51.100.9"])
        assert conn.send_command("show startup-config").count("PERSIST-1") == 0
        saved = conn.send_command("write memory")
    assert saved.startswith("Building configuration...\nCryptochecksum: ")
    assert saved.rstrip().endswith("[OK]")
    emu.restart()
    with ConnectHandler(device_type="cisco_asa", **nm(emu)) as conn:
        run = conn.send_command("show running-config object")
        startup = conn.send_command("show startup-config")
    assert "object network PERSIST-1\n host 198.51.100.9" in run
    assert "object network PERSIST-1" in startup
    assert emu.events("save")


def test_show_running_config_all_prints_defaults(asa):
    with ConnectHandler(device_type="cisco_asa", **nm(asa)) as conn:
        plain = conn.send_command("show running-config")
        full = conn.send_command("show running-config all")
    assert "  dns-guard" in full and "  dns-guard" not in plain
    assert len(full.splitlines()) > len(plain.splitlines())


# -- faults -----------------------------------------------------------------------------------
def test_fault_reject_answers_the_given_error_and_changes_nothing(fresh):
    emu = fresh
    before = emu.running()
    emu.set_faults({"reject": "^access-list ", "error": "ERROR: emulated fault", "once": True})
    with ConnectHandler(device_type="cisco_asa", **nm(emu)) as conn:
        out = conn.send_config_set(["access-list F extended permit ip any any"])
    assert "ERROR: emulated fault" in out
    assert emu.running() == before
    assert emu.events("fault")[-1]["fault"] == "reject"


def test_fault_drop_cuts_the_session_after_n_config_lines(fresh):
    emu = fresh
    emu.set_faults({"drop_after_config_lines": 2, "once": True})
    with pytest.raises(Exception):
        with ConnectHandler(device_type="cisco_asa", **nm(emu)) as conn:
            conn.send_config_set(["object network D1", "host 198.51.100.1",
                                  "object network D2", "host 198.51.100.2"])
            conn.send_command("show running-config object")
    assert emu.events("fault")[-1]["fault"] == "drop_after_config_lines"
    assert "object network D2" not in emu.running()


def test_netmiko_sshdetect_names_cisco_asa(asa):
    from netmiko.ssh_autodetect import SSHDetect
    params = dict(asa.netmiko(), device_type="autodetect")
    assert SSHDetect(**params).autodetect() == "cisco_asa"


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
            "enforce": True, "fqdn_mode": "resolve", "inside_interfaces": ["inside"],
            "outside_interfaces": ["outside"]},
        "sip_alg": {"enabled": False},
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"},
                       "data_vlan": {"id": 10, "name": "DATA"}, "phone_ports": [],
                       "uplink_ports": [], "trust_dscp": True,
                       "subinterfaces": [{"parent": "GigabitEthernet0/1", "vlan": 110,
                                          "address": "192.0.2.193/26"}]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    })


def _run(emu, features, **kwargs):
    from ansible_collections.voipready.network.plugins.module_utils import engine
    request = engine.Request("asa", features, connection=emu.connection(),
                             lock_dir=tempfile.mkdtemp(), backup_dir=tempfile.mkdtemp(), **kwargs)
    return engine.run(request)


def unowned(text):
    """Every line the collection does not own, read by hier_config (an independent parser):
    what is not VOIPREADY-named, not the voice sub-interface, not the timers and SIP
    inspection the intent sets, not the checksum."""
    from hier_config import Platform, get_hconfig
    body = [ln for ln in text.splitlines() if not ln.startswith((":", "Cryptochecksum"))]
    seen, blocks, current = {}, [], []
    for ln in body:  # the ASA prints 'object network X' twice (object, NAT): keep both apart
        if ln and not ln.startswith(" ") and current:
            blocks.append(current)
            current = []
        current.append(ln)
    blocks.append(current)
    kept = []
    for block in blocks:
        head = block[0]
        seen[head] = seen.get(head, 0) + 1
        tree = get_hconfig(Platform.CISCO_IOS, "\n".join(block))
        for child in tree.all_children():
            path = list(child.path())
            line = " > ".join(path)
            if "VOIPREADY" in line or "GigabitEthernet0/1.110" in line or \
                    line.startswith("timeout ") or line.endswith("inspect sip"):
                continue
            kept.append("%d:%s" % (seen[head], line))
    return kept


def test_engine_converges_in_one_login_then_changes_nothing(fresh):
    emu = fresh
    before = emu.running()
    logins = len(emu.logins())
    first = _run(emu, _intent())
    assert first["changed"] and first["commands"]
    assert len(emu.logins()) == logins + 1
    after = emu.running()
    assert "access-group VOIPREADY-INSIDE-1 in interface inside" in after
    assert "access-group VOIPREADY-OUTSIDE-1 in interface outside" in after
    assert "timeout conn 1:00:00 half-closed 0:10:00 udp 0:10:00" in after
    assert "timeout sip 0:15:00 " in after
    assert "  inspect sip" not in after
    assert " nameif voice" in after
    second = _run(emu, _intent())
    assert second["changed"] is False and second["commands"] == []
    assert len(emu.logins()) == logins + 2
    assert emu.running() == after
    assert unowned(after) == unowned(before)
    assert any(ln.endswith("access-list GUEST_IN extended deny ip any object-group INSIDE_NETS")
               for ln in unowned(after))
    assert emu.events("save")  # write memory after the change


def test_a_broken_driver_keyword_is_refused_by_the_device_and_rolled_back(fresh, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    emu = fresh
    before = emu.running()
    driver_cls = type(get_driver("asa"))
    real = driver_cls.remediate

    def broken(self, running, intent, state="merged"):
        return [c.replace("access-group ", "access-groups ")
                for c in real(self, running, intent, state)]

    monkeypatch.setattr(driver_cls, "remediate", broken)
    with pytest.raises(VoipReadyError) as err:
        _run(emu, _intent())
    assert INVALID in str(err.value)
    assert "access-groups " in str(err.value)
    assert "rolled back" in str(err.value)
    assert unowned(emu.running()) == unowned(before)
    assert "VOIPREADY" not in emu.running()
    # the same lines as before; the one that moved is 'inspect sip', which the rollback
    # typed again: the ASA lists a class's inspections in the order they were entered
    assert _lines(emu.running()) == _lines(before)
    monkeypatch.setattr(driver_cls, "remediate", real)
    assert _run(emu, _intent())["changed"]


def _lines(text):
    return sorted(ln for ln in text.splitlines() if not ln.startswith("Cryptochecksum"))


def test_a_binding_voipready_does_not_own_is_refused_before_any_change(fresh):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    emu = fresh
    before = emu.running()
    intent = _intent()
    intent["allowlist"]["inside_interfaces"] = ["guest"]  # GUEST_IN is bound there
    with pytest.raises(VoipReadyError) as err:
        _run(emu, intent)
    assert "GUEST_IN" in str(err.value)
    assert emu.running() == before
