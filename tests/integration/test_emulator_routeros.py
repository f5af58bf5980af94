# -*- coding: utf-8 -*-
"""The emulated MikroTik RouterOS v7 router (lab/emulators/platforms/routeros.py; never a real
device) against independent clients: netmiko (mikrotik_routeros) logs in with its
``+ct511w4098h`` user name suffix (stripped for the account, honoured for the terminal), reads
``/export terse`` and is refused with RouterOS's own errors; state persists; faults; the
collection's engine converges it in one login (with its backup + revert scheduler), a second
run changes nothing, and a broken driver keyword is refused by the device."""

import os
import sys
import tempfile

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
def router():
    with EmulatorProcess("routeros", "MikroTik") as emu:
        yield emu


@pytest.fixture
def fresh():
    with EmulatorProcess("routeros", "MikroTik") as emu:
        yield emu


def connect(emu, **extra):
    return ConnectHandler(device_type="mikrotik_routeros", **emu.netmiko(**extra))


def body(export):
    return [line for line in export.splitlines() if line and not line.startswith("#")]


def test_netmiko_logs_in_with_the_suffix_stripped_and_honoured(router):
    before = len(router.logins())
    conn = connect(router)
    try:
        assert conn.find_prompt() == "[admin@MikroTik] >"
        # +c: no colours in what the device writes
        assert "\x1b[" not in conn.send_command_timing("/system identity print", strip_prompt=False)
    finally:
        conn.disconnect()
    logins = router.logins()[before:]
    assert logins == [logins[0]] and logins[0].startswith(
        "Accepted password for admin from 127.0.0.1 port ")
    assert "+ct" not in router.log()
    assert router.events("login")[-1]["user"] == "admin"


def test_without_the_suffix_the_prompt_is_coloured(router):
    import paramiko
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect("127.0.0.1", port=router.port, username="admin", password="lab-admin-pw",
                   look_for_keys=False, allow_agent=False)
    try:
        shell = client.invoke_shell()
        import time
        data, deadline = b"", time.time() + 10
        while b"] > " not in data and time.time() < deadline:
            data += shell.recv(65536) if shell.recv_ready() else b""
            time.sleep(0.02)
        assert b"\x1b[32madmin@MikroTik\x1b[m" in data
    finally:
        client.close()


def test_export_terse_is_routeros_7_format(router):
    conn = connect(router)
    try:
        export = conn.send_command("/export terse")
        sectioned = conn.send_command("/export")
    finally:
        conn.disconnect()
    assert export.splitlines()[0].startswith("# ") and " by RouterOS 7.14.3" in export.splitlines()[0]
    lines = body(export)
    assert all(line.startswith("/") for line in lines)
    assert "/interface bridge add admin-mac=48:A9:8A:10:20:30 auto-mac=no comment=defconf " \
        "name=bridge1 vlan-filtering=yes" in lines
    assert "/ip address add address=192.0.2.1/24 comment=\"office data\" interface=vlan10-DATA " \
        "network=192.0.2.0" in lines
    assert "/ip firewall filter add action=drop chain=input comment=\"defconf: drop all not " \
        "coming from LAN\" in-interface-list=!LAN" in lines
    assert "/ip firewall filter" in sectioned.splitlines() and " \\" in sectioned


def test_bad_input_is_refused_with_routeros_errors_and_changes_nothing(fresh):
    before = fresh.running()
    conn = connect(fresh)
    try:
        out = conn.send_config_set([
            "/ip firewall filter add chain=forward actionn=accept",
            "/ip firewall filter add chain=forward action=acept",
            "/ip firewal filter print",
            '/ip firewall filter add chain=forward comment="unclosed',
            "/interface vlan add interface=bridge1 name=v5 vlan-id=5000",
            "/interface vlan add interface=ether9 name=v5 vlan-id=5",
            "/ip firewall address-list add list=office address=192.0.2.0/24",
            "/ip firewall filter set [ find comment=nothing-has-this ] disabled=yes",
            "/ip firewall service-port set nosuch disabled=yes",
            "/ip address add address=192.0.2.300/24 interface=ether1",
        ], cmd_verify=False)
    finally:
        conn.disconnect()
    for text in ("expected end of command (line 1 column 39)",
                 "input does not match any value of action",
                 "bad command name firewal (line 1 column 5)",
                 "syntax error (line 1 column 47)",
                 "value of vlan-id out of range (1..4095)",
                 "input does not match any value of interface",
                 "failure: already have such entry", "no such item",
                 "invalid value for argument address"):
        assert text in out, text
    assert fresh.running() == before and not fresh.events("config")


def test_menu_model_place_before_set_find_remove_and_persistence(fresh):
    conn = connect(fresh)
    try:
        conn.send_config_set([
            "/ip firewall filter add action=accept chain=forward comment=VOICE-FIRST place-before=0",
            "/ip firewall filter set [ find comment=\"guest may not reach office\" ] disabled=yes",
            "/ip firewall filter remove [ find comment=\"defconf: accept ICMP\" ]",
            "/ip firewall service-port set sip disabled=yes",
            "/ip firewall connection tracking set udp-timeout=60s udp-stream-timeout=3m",
            "/interface vlan add interface=bridge1 name=vlan110-VOICE vlan-id=110",
            "/interface bridge vlan add bridge=bridge1 tagged=bridge1,ether2,ether3 vlan-ids=110",
            "/ip firewall",
            "filter add chain=forward action=drop comment=relative-path",
        ], cmd_verify=False)
    finally:
        conn.disconnect()
    fresh.restart()
    conn = connect(fresh)
    try:
        lines = body(conn.send_command("/export terse"))
    finally:
        conn.disconnect()
    filters = [ln for ln in lines if ln.startswith("/ip firewall filter add")]
    assert filters[0] == "/ip firewall filter add action=accept chain=forward comment=VOICE-FIRST"
    assert filters[-1] == "/ip firewall filter add action=drop chain=forward comment=relative-path"
    assert not any("accept ICMP" in ln for ln in lines)
    assert any("guest may not reach office" in ln and "disabled=yes" in ln for ln in lines)
    assert "/ip firewall service-port set sip disabled=yes" in lines
    # 3m is the v7 default: /export leaves it out; 60s prints as 1m
    assert "/ip firewall connection tracking set udp-timeout=1m" in lines
    assert "/interface vlan add interface=bridge1 name=vlan110-VOICE vlan-id=110" in lines


def test_faults_reject_and_drop(fresh):
    fresh.set_faults({"reject": "service-port", "error": "failure: busy", "once": True})
    conn = connect(fresh)
    try:
        assert "failure: busy" in conn.send_command("/ip firewall service-port set sip disabled=yes")
    finally:
        conn.disconnect()
    assert "service-port set sip" not in " ".join(body(fresh_export(fresh)))
    fresh.set_faults({"drop_after_config_lines": 2})
    conn = connect(fresh)
    with pytest.raises(Exception):
        conn.send_config_set(["/ip dns set servers=192.0.2.54", "/system identity set name=X",
                              "/system identity set name=Y"], cmd_verify=False)
        conn.send_command("/system identity print")
    fresh.set_faults(None)
    assert [e["fault"] for e in fresh.events("fault")] == ["reject", "drop_after_config_lines"]


def fresh_export(emu):
    conn = connect(emu)
    try:
        return conn.send_command("/export terse")
    finally:
        conn.disconnect()


# -- the collection's own path ---------------------------------------------------------------------
def _intent():
    from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_lib
    from ansible_collections.voipready.network.plugins.module_utils.intent import qos_classes_from_rules
    rules = catalog_lib.provider_rules(catalog_lib.load_catalog([os.path.join(REPO, "lab", "catalog")]),
                                       "labvoice", region="lab")
    return {
        "allowlist": {"name": "VOIPREADY", "rules": rules, "voice_networks": ["192.0.2.0/24"],
                      "essentials": {"dns": ["198.51.100.53"], "ntp": ["198.51.100.123"]},
                      "enforce": True, "fqdn_mode": "auto", "inside_interfaces": ["bridge1"],
                      "outside_interfaces": ["ether1"]},
        "sip_alg": {"enabled": False},
        "qos": {"trust": True, "classes": qos_classes_from_rules(rules), "interfaces": ["ether1"]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"}, "data_vlan": {"id": 10, "name": "DATA"},
                       "phone_ports": ["ether3"], "uplink_ports": ["ether2"], "trust_dscp": True,
                       "subinterfaces": []},
    }


def _run(emu, features, confirm_timeout=120):
    from ansible_collections.voipready.network.plugins.module_utils import engine
    request = engine.Request("routeros", features, connection=emu.connection(secret=False),
                             lock_dir=tempfile.mkdtemp(), backup_dir=tempfile.mkdtemp(),
                             confirm_timeout=confirm_timeout)
    return engine.run(request)


def test_engine_converges_in_one_login_and_then_changes_nothing(fresh):
    before = body(fresh_export(fresh))
    logins = len(fresh.logins())
    first = _run(fresh, _intent())
    assert first["changed"] and first["commands"]
    assert len(fresh.logins()) == logins + 1
    after = body(fresh_export(fresh))
    assert "/ip firewall service-port set sip disabled=yes" in after
    assert "/ip firewall connection tracking set udp-stream-timeout=15m udp-timeout=1m" in after
    assert "/ip neighbor discovery-settings set lldp-med-net-policy-vlan=110" in after
    filters = [ln for ln in after if ln.startswith("/ip firewall filter add")]
    assert "comment=VOIPREADY:jump-out" in filters[0] and "comment=VOIPREADY:jump-in" in filters[1]
    # the revert scheduler was armed, then removed by the confirm over the same session
    assert fresh.events("backup_save") and fresh.events("scheduler_removed")
    assert not any(ln.startswith("/system scheduler") for ln in after)
    second = _run(fresh, _intent())
    assert second["changed"] is False and second["commands"] == []
    assert len(fresh.logins()) == logins + 3  # + the export read by this test
    # everything the collection does not own is as it was
    foreign = [ln for ln in before if "VOIPREADY" not in ln and "service-port" not in ln
               and "connection tracking" not in ln and "discovery-settings" not in ln]
    assert foreign and all(ln in after for ln in foreign)


def test_a_broken_driver_keyword_is_refused_by_the_device(fresh, monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    driver_cls = type(get_driver("routeros"))
    real = driver_cls.remediate
    before = body(fresh_export(fresh))

    def broken(self, running, intent, state="merged"):
        return [c.replace("udp-stream-timeout=", "udp-streem-timeout=")
                for c in real(self, running, intent, state)]

    monkeypatch.setattr(driver_cls, "remediate", broken)
    features = {"timeouts": _intent()["timeouts"]}
    with pytest.raises(VoipReadyError) as err:
        _run(fresh, features, confirm_timeout=None)
    assert "expected end of command" in str(err.value)
    assert body(fresh_export(fresh)) == before
    monkeypatch.setattr(driver_cls, "remediate", real)
    assert _run(fresh, features, confirm_timeout=None)["changed"]
