# -*- coding: utf-8 -*-
"""The emulated Cisco IOS router and Catalyst switch (lab/emulators/platforms/ios.py; never a
real device) against independent clients: netmiko (cisco_ios) logs in, prepares the terminal,
configures and is refused with IOS's own errors; netmiko's SSHDetect names the device type;
NAPALM's ios driver reads facts and configuration; the collection's engine converges it in one
login, a second run changes nothing, and a broken driver keyword is refused by the device."""

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

INVALID = "% Invalid input detected at '^' marker."


@pytest.fixture(scope="module")
def router():
    with EmulatorProcess("ios", "vr-ios1") as emu:
        yield emu


@pytest.fixture(scope="module")
def switch():
    with EmulatorProcess("ios_cat", "vr-cat1") as emu:
        yield emu


@pytest.fixture
def fresh_router():
    with EmulatorProcess("ios", "vr-ios1") as emu:
        yield emu


def caret_column(output, line):
    """Column of the caret under ``line`` as the device echoed it after its prompt."""
    lines = output.splitlines()
    for index, text in enumerate(lines):
        if text.endswith(line) and index + 1 < len(lines) and lines[index + 1].strip() == "^":
            return lines[index + 1].index("^") - (len(text) - len(line))
    raise AssertionError("no caret under %r in:\n%s" % (line, output))


# -- login, terminal, prompts ------------------------------------------------------------------
def test_netmiko_logs_in_prepares_the_terminal_and_sees_the_ios_prompt(router):
    before = len(router.logins("admin"))
    with ConnectHandler(device_type="cisco_ios", **router.netmiko()) as conn:
        assert conn.find_prompt() == "vr-ios1#"
        assert conn.base_prompt == "vr-ios1"
        version = conn.send_command("show version")
    assert version.startswith("Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), "
                              "Version 15.8(3)M2")
    assert "vr-ios1 uptime is" in version
    logins = router.logins("admin")
    assert len(logins) == before + 1
    assert logins[-1].startswith("Accepted password for admin from 127.0.0.1 port ")
    assert logins[-1].endswith(" ssh2")
    assert router.events("login")[-1]["user"] == "admin"


def test_paging_is_on_until_the_client_sets_terminal_length_0(router):
    """A raw shell (no netmiko preparation) gets IOS's --More-- pager on long output."""
    import paramiko
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("127.0.0.1", port=router.port, username="admin", password="lab-admin-pw",
                   look_for_keys=False, allow_agent=False)
    try:
        shell = client.invoke_shell()
        shell.send("show running-config\n")
        text = _read_until(shell, " --More-- ")
        assert " --More-- " in text
        shell.send("q")
        shell.send("terminal length 0\nshow running-config\n")
        text = _read_until(shell, "\nend\r\n")
        assert " --More-- " not in text.split("terminal length 0")[-1]
    finally:
        client.close()


def _read_until(shell, marker, timeout=10):
    data = ""
    deadline = time.time() + timeout
    while marker not in data and time.time() < deadline:
        if shell.recv_ready():
            data += shell.recv(65536).decode()
        else:
            time.sleep(0.05)
    return data


def test_failed_login_is_logged_like_sshd(router):
    with pytest.raises(Exception):
        ConnectHandler(device_type="cisco_ios", **dict(router.netmiko(), password="wrong"))
    assert any(ln.startswith("Failed password for admin from 127.0.0.1 port ")
               for ln in router.log().splitlines())
    with pytest.raises(Exception):
        ConnectHandler(device_type="cisco_ios", **dict(router.netmiko(), username="nobody"))
    assert any(ln.startswith("Failed password for invalid user nobody from 127.0.0.1")
               for ln in router.log().splitlines())


def test_privilege_1_cannot_read_the_configuration_until_enable(router):
    with ConnectHandler(device_type="cisco_ios", **router.netmiko("ops", secret="lab-enable-pw")) as conn:
        assert conn.find_prompt() == "vr-ios1>"
        out = conn.send_command("show running-config")
        assert INVALID in out and "Building configuration" not in out
        echoed = conn.send_command("show running-config", strip_command=False)
        # netmiko strips the prompt from the echo; the caret counts it
        assert caret_column(echoed, "show running-config") == len("vr-ios1>show ")
        refused = conn.send_command_timing("configure terminal")
        assert INVALID in refused
        conn.enable()
        assert conn.find_prompt() == "vr-ios1#"
        assert "hostname vr-ios1" in conn.send_command("show running-config")


def test_a_wrong_enable_secret_is_refused(router):
    with ConnectHandler(device_type="cisco_ios", **router.netmiko("ops", secret="not-it")) as conn:
        with pytest.raises(Exception):
            conn.enable()
        # IOS asks three times (netmiko's own Enter counts as one), then gives up
        out = ""
        for attempt in range(3):
            if conn.find_prompt() != "Password:":
                break
            out += conn.send_command_timing("still-wrong")
        assert "% Bad secrets" in out + conn.read_channel()
        assert conn.find_prompt() == "vr-ios1>"
    assert router.events("enable_failed")


# -- configuration --------------------------------------------------------------------------------
def test_send_config_set_changes_the_running_configuration(router):
    with ConnectHandler(device_type="cisco_ios", **router.netmiko()) as conn:
        out = conn.send_config_set([
            "ip access-list extended EMU-TEST",
            " 10 permit udp 192.0.2.0 0.0.0.255 host 203.0.113.10 eq 5060",
            " 20 permit tcp any any eq 443",
            "interface GigabitEthernet0/3",
            " description emulator test",
        ])
        assert "%" not in out
        shown = conn.send_command("show running-config | section EMU-TEST")
        # classic IOS: no sequence numbers in show running-config; ports by name
        assert shown.splitlines() == ["ip access-list extended EMU-TEST",
                                      " permit udp 192.0.2.0 0.0.0.255 host 203.0.113.10 eq 5060",
                                      " permit tcp any any eq 443"]
        acl = conn.send_command("show access-lists EMU-TEST")
        assert "    10 permit udp 192.0.2.0 0.0.0.255 host 203.0.113.10 eq 5060" in acl
        assert " description emulator test" in conn.send_command(
            "show running-config interface GigabitEthernet0/3")
    assert router.events("config")[-1]["user"] == "admin"


def test_a_misspelt_keyword_is_refused_with_the_caret_under_it(router):
    with ConnectHandler(device_type="cisco_ios", **router.netmiko()) as conn:
        before = conn.send_command("show running-config | exclude Last configuration change")
        out = conn.send_config_set(["ip access-lists extended EMU-BAD"])
        assert INVALID in out
        assert caret_column(out, "ip access-lists extended EMU-BAD") == len("ip ")
        out = conn.send_config_set(["ip access-list extended EMU-BAD2",
                                    " permit udp any any eq 5060 bogus"])
        assert caret_column(out, " permit udp any any eq 5060 bogus") == len(
            " permit udp any any eq 5060 ")
        after = conn.send_command("show running-config | exclude Last configuration change")
    assert "EMU-BAD\n" not in after
    assert before.replace("\n!\nend", "") in after or "EMU-BAD2" in after


def test_incomplete_ambiguous_and_out_of_range(router, switch):
    with ConnectHandler(device_type="cisco_ios", **router.netmiko()) as conn:
        assert "% Incomplete command." in conn.send_config_set(["ip nat translation"])
        assert '% Ambiguous command:  "ip d"' in conn.send_config_set(["ip d"])
        out = conn.send_config_set(["ip nat translation udp-timeout 99999999"])
        assert caret_column(out, "ip nat translation udp-timeout 99999999") == len(
            "ip nat translation udp-timeout ")
    with ConnectHandler(device_type="cisco_ios", **switch.netmiko()) as conn:
        out = conn.send_config_set(["interface GigabitEthernet0/5",
                                    " switchport access vlan 5000"])
        assert caret_column(out, " switchport access vlan 5000") == len(" switchport access vlan ")


def test_interfaces_the_device_does_not_have_are_refused(router, switch):
    with ConnectHandler(device_type="cisco_ios", **router.netmiko()) as conn:
        out = conn.send_config_set(["interface GigabitEthernet0/9"])
        assert INVALID in out
        assert caret_column(out, "interface GigabitEthernet0/9") == len("interface GigabitEthernet0/")
        assert "(config-if)" not in out.splitlines()[-2]
        # the router has no switchports
        out = conn.send_config_set(["interface GigabitEthernet0/1", " switchport mode access"])
        assert caret_column(out, " switchport mode access") == 1
    with ConnectHandler(device_type="cisco_ios", **switch.netmiko()) as conn:
        assert INVALID in conn.send_config_set(["interface GigabitEthernet1/0/1"])
        # a 2960 port is a switchport: no routed address on it
        out = conn.send_config_set(["interface GigabitEthernet0/5", " ip address 192.0.2.9 255.255.255.0"])
        assert INVALID in out
        # references to objects that do not exist
    with ConnectHandler(device_type="cisco_ios", **router.netmiko()) as conn:
        out = conn.send_config_set(["ip access-list extended EMU-OG",
                                    " permit ip object-group NO-SUCH-GROUP any"])
        assert "% Object-group NO-SUCH-GROUP is not a network object-group or does not exist" in out


def test_state_persists_across_sessions_and_restarts(fresh_router):
    emu = fresh_router
    with ConnectHandler(device_type="cisco_ios", **emu.netmiko()) as conn:
        conn.send_config_set(["interface Loopback42", " description persists"])
    with ConnectHandler(device_type="cisco_ios", **emu.netmiko()) as conn:
        assert "interface Loopback42\n description persists" in conn.send_command("show running-config")
        assert "Loopback42" not in conn.send_command("show startup-config")
        assert "[OK]" in conn.send_command("write memory")
    emu.restart()
    with ConnectHandler(device_type="cisco_ios", **emu.netmiko()) as conn:
        assert "interface Loopback42\n description persists" in conn.send_command("show running-config")
        assert "interface Loopback42" in conn.send_command("show startup-config")


def test_catalyst_switchports_vlans_and_mls_qos(switch):
    with ConnectHandler(device_type="cisco_ios", **switch.netmiko()) as conn:
        assert conn.find_prompt() == "vr-cat1#"
        assert "WS-C2960G-8TC-L" in conn.send_command("show version")
        assert "QoS is disabled" in conn.send_command("show mls qos")
        out = conn.send_config_set(["interface GigabitEthernet0/6", " switchport mode access",
                                    " switchport access vlan 30", " switchport voice vlan 110",
                                    "interface GigabitEthernet0/8",
                                    " switchport trunk allowed vlan add 30,110"])
        assert "% Access VLAN does not exist. Creating vlan 30" in out
        assert "% Voice VLAN does not exist. Creating vlan 110" in out
        run = conn.send_command("show running-config interface GigabitEthernet0/8")
        assert " switchport trunk allowed vlan 10,20,30,99,110" in run
        vlans = conn.send_command("show vlan brief")
        assert "110  VLAN0110" in vlans and "Gi0/6" in vlans
        conn.send_config_set(["mls qos", "interface GigabitEthernet0/6", " mls qos trust dscp"])
        assert "QoS is enabled" in conn.send_command("show mls qos")
        assert "trust state: trust dscp" in conn.send_command("show mls qos interface GigabitEthernet0/6")
        # with mls qos on, a port without trust re-marks DSCP to 0 ("not trusted")
        assert "trust state: not trusted" in conn.send_command("show mls qos interface GigabitEthernet0/3")


# -- faults -------------------------------------------------------------------------------------
def test_fault_reject_answers_the_given_error_and_changes_nothing(fresh_router):
    emu = fresh_router
    emu.set_faults({"reject": r"^\s*description rejected", "error": "% Simulated refusal"})
    before = emu.running()
    with ConnectHandler(device_type="cisco_ios", **emu.netmiko()) as conn:
        out = conn.send_config_set(["interface GigabitEthernet0/3", " description rejected"])
    assert "% Simulated refusal" in out
    assert emu.running() == before
    assert emu.events("fault")[-1]["fault"] == "reject"


def test_fault_drop_cuts_the_session_after_n_config_lines(fresh_router):
    emu = fresh_router
    emu.set_faults({"drop_after_config_lines": 2, "once": True})
    conn = ConnectHandler(device_type="cisco_ios", **emu.netmiko())
    with pytest.raises(Exception):
        conn.send_config_set(["interface Loopback7", " description one", " description two",
                              " description three"], read_timeout=5)
    conn.disconnect()
    text = emu.running()
    assert "interface Loopback7\n description one\n" in text and "three" not in text
    assert emu.events("fault")[-1]["fault"] == "drop_after_config_lines"
    # once: the next session works
    with ConnectHandler(device_type="cisco_ios", **emu.netmiko()) as conn:
        assert "%" not in conn.send_config_set(["interface Loopback7", " description four"])


def test_fault_hang_delays_the_answer(fresh_router):
    emu = fresh_router
    emu.set_faults({"hang_on": r"^show clock$", "seconds": 4, "once": True})
    with ConnectHandler(device_type="cisco_ios", **emu.netmiko()) as conn:
        with pytest.raises(Exception):
            conn.send_command("show clock", read_timeout=1.5)
    assert emu.events("fault")[-1]["fault"] == "hang_on"


# -- independent clients -----------------------------------------------------------------------
def test_netmiko_sshdetect_names_cisco_ios(router, switch):
    """SSHDetect waits 7 s after each of its probe commands (netmiko's design): both
    devices are detected at the same time (about two minutes)."""
    from concurrent.futures import ThreadPoolExecutor
    from netmiko import SSHDetect

    def detect(emu):
        return SSHDetect(**dict(emu.netmiko(), device_type="autodetect")).autodetect()

    with ThreadPoolExecutor(2) as pool:
        assert list(pool.map(detect, (router, switch))) == ["cisco_ios", "cisco_ios"]


def test_napalm_ios_get_facts_and_get_config(router):
    import napalm  # pylint: disable=import-outside-toplevel  # requirements.txt
    driver = napalm.get_network_driver("ios")
    device = driver("127.0.0.1", "ops", "lab-ops-pw", optional_args={
        "port": router.port, "secret": "lab-enable-pw"})
    device.open()
    try:
        facts = device.get_facts()
        config = device.get_config()
    finally:
        device.close()
    assert facts["vendor"] == "Cisco"
    assert facts["hostname"] == "vr-ios1"
    assert facts["fqdn"] == "vr-ios1.corp.example"
    assert facts["os_version"].startswith("IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.8(3)M2")
    assert "GigabitEthernet0/2" in facts["interface_list"]
    assert config["running"].startswith("!") and "hostname vr-ios1" in config["running"]
    assert "hostname vr-ios1" in config["startup"]


# -- the collection's own path ----------------------------------------------------------------
def _router_intent():
    from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_lib
    from ansible_collections.voipready.network.plugins.module_utils.intent import qos_classes_from_rules
    rules = catalog_lib.provider_rules(catalog_lib.load_catalog([os.path.join(REPO, "lab", "catalog")]),
                                       "labvoice", region="lab")
    return {
        "allowlist": {"name": "VOIPREADY", "rules": rules, "voice_networks": ["192.0.2.0/24"],
                      "essentials": {"dns": ["198.51.100.53"], "ntp": ["198.51.100.123"]},
                      "enforce": True, "fqdn_mode": "auto",
                      "inside_interfaces": ["GigabitEthernet0/1"],
                      "outside_interfaces": ["GigabitEthernet0/2"]},
        "sip_alg": {"enabled": False},
        "qos": {"trust": True, "classes": qos_classes_from_rules(rules),
                "interfaces": ["GigabitEthernet0/2"]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"},
                       "data_vlan": {"id": 10, "name": "DATA"}, "phone_ports": [],
                       "uplink_ports": [], "trust_dscp": True,
                       "subinterfaces": [{"parent": "GigabitEthernet0/1", "vlan": 110,
                                          "address": "198.51.100.129/25"}]},
    }


def _run(emu, features, user="admin"):
    from ansible_collections.voipready.network.plugins.module_utils import engine
    request = engine.Request("ios", features, connection=emu.connection(user),
                             lock_dir=tempfile.mkdtemp(), backup_dir=tempfile.mkdtemp())
    return engine.run(request)


def _unowned(text):
    from hier_config import Platform, get_hconfig
    tree = get_hconfig(Platform.CISCO_IOS, text)
    return [c.text for c in tree.all_children_sorted()
            if "VOIPREADY" not in c.text and "GigabitEthernet0/1.110" not in c.text]


def test_engine_converges_the_router_in_one_login_and_then_changes_nothing(fresh_router):
    emu = fresh_router
    before = emu.running()
    logins = len(emu.logins())
    first = _run(emu, _router_intent())
    assert first["changed"] and first["commands"]
    assert len(emu.logins()) == logins + 1
    after = emu.running()
    assert "object-group network VOIPREADY-SIP-NET" in after
    second = _run(emu, _router_intent())
    assert second["changed"] is False and second["commands"] == []
    assert len(emu.logins()) == logins + 2
    assert emu.running() == after
    # everything the collection does not own is as it was
    untouched = [ln for ln in _unowned(before) if ln.startswith(("interface GigabitEthernet0/3",
                                                                "ip access-list extended CUST"))]
    assert untouched and all(ln in _unowned(after) for ln in untouched)
    assert "ip access-list extended CUST-GUEST-IN" in after


def test_a_broken_driver_keyword_is_refused_by_the_device(fresh_router, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    emu = fresh_router
    before = emu.running()
    driver_cls = _driver_class()
    real = driver_cls.remediate

    def broken(self, running, intent, state="merged"):
        return [c.replace("ip access-list extended", "ip access-lists extended")
                for c in real(self, running, intent, state)]

    monkeypatch.setattr(driver_cls, "remediate", broken)
    with pytest.raises(VoipReadyError) as err:
        _run(emu, _router_intent())
    assert INVALID in str(err.value)
    assert "ip access-lists extended" in str(err.value)
    assert emu.events("refused")[0]["line"].startswith("ip access-lists extended VOIPREADY-")
    # refused part way and rolled back: the running configuration is byte-identical
    assert emu.running() == before
    monkeypatch.setattr(driver_cls, "remediate", real)
    assert _run(emu, _router_intent())["changed"]


def _driver_class():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    return type(get_driver("ios"))
