# -*- coding: utf-8 -*-
"""Device context checks: what the drivers must find on the device before they write.

Issues 12 and 16 fed configurations written outside this project through the drivers
and found commands that name interfaces, zones and sub-interfaces the device does not
have, or that change what the collection does not own. Every reproduction named there is
a test here; each failed before its fix (the commit that added it says how it failed).

The refusals must name the intent field, the inventory variable a role user set, the
value, and what the device has instead.
"""
from __future__ import absolute_import, division, print_function

import os

import pytest

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

HERE = os.path.dirname(os.path.abspath(__file__))


def fixture(platform, name="running.conf"):
    with open(os.path.join(HERE, "fixtures", platform, name)) as handle:
        return handle.read()


def refused(driver, running, intent, state="merged"):
    with pytest.raises(VoipReadyError) as err:
        driver.remediate(running, intent, state)
    return err.value


def converge(driver, running, intent):
    """remediate -> simulate -> remediate: the second run must change nothing."""
    commands = driver.remediate(running, intent)
    after = driver.simulate(running, commands)
    assert driver.remediate(after, intent) == []
    return commands, after


# -- IOS: routed phone ports ------------------------------------------------------------------
@pytest.mark.parametrize("field, port", [("phone_ports", "GigabitEthernet0/1"),
                                         ("uplink_ports", "Gi0/2")])
def test_ios_routed_port_is_refused_as_phone_port_or_uplink(field, port):
    """Issue 12: 'switchport mode access' was pushed onto ports that carry 'ip address'."""
    running = fixture("ios")
    err = refused(get_driver("ios"), running, validate_intent({"voice_vlan": {field: [port]}}))
    text = str(err)
    assert "voice_vlan.%s (inventory variable voipready_%s)" % (field, field) in text
    assert repr(port) in text and "routed port" in text and "ip address" in text
    assert err.field == "voice_vlan." + field and err.value == port


def test_ios_no_switchport_port_is_refused():
    running = ("version 15.2\ninterface GigabitEthernet1/0/5\n no switchport\n no ip address\n"
               "interface GigabitEthernet1/0/6\n switchport mode access\n")
    driver = get_driver("ios")
    err = refused(driver, running, validate_intent({"voice_vlan": {
        "phone_ports": ["Gi1/0/6", "Gi1/0/5"]}}))
    assert "'Gi1/0/5'" in str(err) and "'no switchport' under interface GigabitEthernet1/0/5" in str(err)
    # the switch port alone is fine
    converge(driver, running, validate_intent({"voice_vlan": {"phone_ports": ["Gi1/0/6"]}}))


def test_ios_missing_interface_names_variable_and_what_the_device_has():
    err = refused(get_driver("ios"), fixture("ios"), validate_intent({"voice_vlan": {
        "phone_ports": ["GigabitEthernet1/0/1", "Gi1/0/9"]}}))
    text = str(err)
    assert "voice_vlan.phone_ports (inventory variable voipready_phone_ports)" in text
    assert "'Gi1/0/9' (GigabitEthernet1/0/9)" in text
    assert "the device has: GigabitEthernet0/0, GigabitEthernet0/1" in text
    assert "GigabitEthernet1/0/48" in text


# -- IOS legacy Catalyst: 'mls qos' is global and opt-in ---------------------------------------
LEGACY_PHONES = {"phone_ports": ["Fa0/1", "FastEthernet0/2"], "uplink_ports": ["Gi0/1"]}


def test_legacy_catalyst_without_opt_in_leaves_qos_off():
    """Issue 12: on legacy Catalyst the driver added the global 'mls qos', which makes every
    port that does not trust re-mark DSCP to 0 -- a site-wide side effect the diff did not
    call out. With 'mls qos' off the switch passes DSCP unchanged: nothing to configure."""
    driver = get_driver("ios")
    running = fixture("ios", "legacy-catalyst.conf")
    intent = validate_intent({"voice_vlan": dict(LEGACY_PHONES)})
    commands, after = converge(driver, running, intent)
    assert not [c for c in commands if "mls qos" in c]
    assert driver.parse(after)["voice_vlan"]["trust_dscp"] is True
    assert "mls qos" not in driver.view(after, intent)


def test_legacy_catalyst_opt_in_switches_qos_on_and_trusts_every_listed_port():
    driver = get_driver("ios")
    running = fixture("ios", "legacy-catalyst.conf")
    intent = validate_intent({"voice_vlan": dict(LEGACY_PHONES, enable_mls_qos=True)})
    commands, after = converge(driver, running, intent)
    assert commands.index("mls qos") < commands.index(" mls qos trust dscp")
    trusted = [commands[i - 1] for i, c in enumerate(commands) if c == " mls qos trust dscp"]
    assert len(trusted) == 3  # both phone ports and the uplink
    # the global line is in the diff the user reviews
    assert "mls qos\n" in driver.view(after, intent) and "mls qos\n" not in driver.view(running, intent)


def test_legacy_catalyst_opt_in_refused_while_an_unlisted_port_carries_the_voice_vlan():
    driver = get_driver("ios")
    running = fixture("ios", "legacy-catalyst.conf")
    intent = validate_intent({"voice_vlan": {"phone_ports": ["Fa0/1"], "enable_mls_qos": True}})
    err = refused(driver, running, intent)
    text = str(err)
    assert "voice_vlan.enable_mls_qos (inventory variable voipready_enable_mls_qos)" in text
    assert "GigabitEthernet0/1 carries voice VLAN 110" in text and "re-marks it to 0" in text
    assert "voipready_uplink_ports" in text and err.field == "voice_vlan.enable_mls_qos"


def test_legacy_catalyst_with_qos_already_on_trusts_the_listed_ports_only():
    driver = get_driver("ios")
    running = fixture("ios", "legacy-catalyst.conf").replace("vtp mode transparent\n",
                                                             "vtp mode transparent\nmls qos\n")
    commands, _after = converge(driver, running, validate_intent({"voice_vlan": dict(LEGACY_PHONES)}))
    assert "mls qos" not in commands and commands.count(" mls qos trust dscp") == 3


# -- every platform: interfaces the device does not have -------------------------------------
RUNNING = {"linux": ("linux", "customer.running"), "openvswitch": ("openvswitch", "switch.running")}
#: a name in each vendor's style that the platform's fixture device does not have
MISSING = {"ios": "GigabitEthernet1/0/47", "asa": "voice9", "junos": "ge-0/0/47",
           "fortios": "port9", "panos": "ethernet1/9", "eos": "Ethernet49",
           "routeros": "ether9", "vyos": "eth9", "openvswitch": "p9"}
PARENT_MISSING = {"asa": "GigabitEthernet1/9"}
#: the interface lists each platform configures or relies on (docs/platforms.md)
ALL_LISTS = ("allowlist.inside_interfaces", "allowlist.outside_interfaces",
             "voice_vlan.phone_ports", "voice_vlan.uplink_ports",
             "voice_vlan.subinterfaces.parent", "qos.interfaces")
USED = {"ios": ALL_LISTS, "eos": ALL_LISTS, "junos": ALL_LISTS,
        "asa": ALL_LISTS[:2] + ALL_LISTS[4:5], "panos": ALL_LISTS[:2] + ALL_LISTS[4:5],
        "fortios": ALL_LISTS[:2] + ALL_LISTS[4:], "routeros": ALL_LISTS[2:5],
        "vyos": ALL_LISTS[4:], "openvswitch": ALL_LISTS[2:4] + ALL_LISTS[5:], "linux": ()}
VARIABLES = {"allowlist.inside_interfaces": "voipready_inside_interfaces",
             "allowlist.outside_interfaces": "voipready_outside_interfaces",
             "voice_vlan.phone_ports": "voipready_phone_ports",
             "voice_vlan.uplink_ports": "voipready_uplink_ports",
             "voice_vlan.subinterfaces.parent": "voipready_subinterfaces",
             "qos.interfaces": "voipready_qos_interfaces"}
CASES = [(p, f) for p in sorted(MISSING) for f in USED[p]]


@pytest.mark.parametrize("platform", sorted(USED))
def test_each_driver_declares_the_interface_lists_it_uses(platform):
    assert tuple(get_driver(platform).interface_fields) == USED[platform]


def scoped_intent(platform):
    from intents import intent_for
    driver = get_driver(platform)
    full = intent_for(platform, "kore-us-east")
    return dict((f, full[f]) for f in full if not driver.not_applicable(f, full))


def with_missing(platform, field):
    """The platform's baseline intent with ``field`` naming an interface it lacks."""
    intent = scoped_intent(platform)
    feature, key = field.split(".", 1)
    missing = MISSING[platform]
    cfg = dict(intent.get(feature) or {})
    if key == "subinterfaces.parent":
        # beside the baseline's own (FortiOS's inside interface is its internal1.110)
        cfg["subinterfaces"] = list(cfg.get("subinterfaces") or []) + [
            {"parent": PARENT_MISSING.get(platform, missing), "vlan": 120,
             "address": "198.51.100.129/26"}]
        missing = PARENT_MISSING.get(platform, missing)
    else:
        cfg[key] = [missing]
    if feature == "qos":
        cfg["trust"] = False  # openvswitch uses qos.interfaces only to reset DSCP
    intent[feature] = cfg
    return validate_intent(intent), missing


@pytest.mark.parametrize("platform, field", CASES)
def test_an_interface_the_device_does_not_have_is_refused(platform, field):
    """Issue 12: EOS and FortiOS configured interfaces the device does not have
    (Ethernet10/11/48, internal1, wan1); every driver must refuse them, naming the field,
    the inventory variable, the interface and what the device has."""
    driver = get_driver(platform)
    running = fixture(*RUNNING.get(platform, (platform, "running.conf")))
    intent, missing = with_missing(platform, field)
    err = refused(driver, running, intent)
    text = str(err)
    assert err.field == field, text
    assert "%s (inventory variable %s)" % (field, VARIABLES[field]) in text
    assert repr(missing) in text and "which this device does not have" in text
    assert "the device has: " in text and len(text.split("the device has: ")[1]) > 3


def test_docs_list_the_checked_interface_fields_of_every_platform():
    """docs/platforms.md says per platform which interface lists are checked (and that
    linux, which matches addresses only, uses none)."""
    with open(os.path.join(HERE, "..", "..", "..", "docs", "platforms.md")) as handle:
        text = handle.read().split("## Device context checks", 1)[1].split("\n## ", 1)[0]
    for platform in sorted(MISSING) + ["linux"]:
        rows = [l for l in text.splitlines() if l.startswith("| `%s` |" % platform)]
        assert len(rows) == 1, "docs/platforms.md: no context-check row for %s" % platform
        fields = USED[platform]
        for field in fields:
            assert "`%s`" % field.split(".")[1] in rows[0], (platform, field)
        assert fields or "not used" in rows[0]


def without_blocks(text, *heads):
    """``text`` without the sections whose header line is one of ``heads``."""
    out, skipping = [], False
    for line in text.splitlines():
        if not line.startswith(" "):
            skipping = line in heads
        if not skipping:
            out.append(line)
    return "\n".join(out) + "\n"


def test_eos_device_without_the_phone_ports_is_refused():
    """The EOS finding itself: a device without Ethernet10/11/48."""
    running = without_blocks(fixture("eos"), "interface Ethernet10", "interface Ethernet11",
                             "interface Ethernet48")
    err = refused(get_driver("eos"), running, scoped_intent("eos"))
    assert "'Ethernet10'" in str(err) and "voipready_phone_ports" in str(err)
    assert "Ethernet10," not in str(err).split("the device has: ")[1]


def test_fortios_device_without_internal1_and_wan1_is_refused_and_zones_count():
    """The FortiOS finding: port1/port2 naming (FortiGate VM) instead of internal1/wan1."""
    running = fixture("fortios").replace('"internal1', '"port2').replace('"wan1"', '"port1"')
    driver = get_driver("fortios")
    err = refused(driver, running, scoped_intent("fortios"))
    # the baseline's inside interface is the voice VLAN internal1.110 this change makes, so
    # the first interface the device lacks is the outside wan1
    assert "voipready_outside_interfaces" in str(err) and "'wan1'" in str(err)
    assert "port1, port2" in str(err)
    # a zone is a valid srcintf/dstintf
    zoned = running + 'config system zone\n    edit "LAN"\n        set interface "port2"\n    next\nend\n'
    intent = validate_intent({"allowlist": dict(scoped_intent("fortios")["allowlist"],
                                                inside_interfaces=["LAN"], outside_interfaces=["port1"])})
    commands, _after = converge(driver, zoned, intent)
    assert 'set srcintf "LAN"' in commands


# -- Junos: zones, deactivate --------------------------------------------------------------------
def srx_allowlist(**changes):
    return validate_intent({"allowlist": dict(scoped_intent("junos")["allowlist"], **changes)})


def test_junos_batfish_srx_interfaces_not_in_the_policy_zones_are_refused():
    """Issue 16: on Batfish's junos-srx-1.cfg both ge-0/0/0.0 and ge-0/0/1.0 are in zone
    untrust, yet the policies went trust -> untrust without a word."""
    running = fixture("junos", "batfish-junos-srx-1.cfg")
    err = refused(get_driver("junos"), running, srx_allowlist())
    text = str(err)
    assert "allowlist.inside_interfaces (inventory variable voipready_inside_interfaces)" in text
    assert "'ge-0/0/1.0', which is in security zone 'untrust'" in text
    assert "allowlist.inside_zone (inventory variable voipready_inside_zone) 'trust'" in text
    assert "from-zone trust to-zone untrust" in text and err.field == "allowlist.inside_interfaces"


def test_junos_interface_in_no_zone_and_absent_zone_are_refused():
    running = fixture("junos", "batfish-junos-srx-1.cfg")
    driver = get_driver("junos")
    err = refused(driver, running.replace("security-zone untrust interfaces ge-0/0/1.0",
                                          "security-zone untrust screen untrust-screen"),
                  srx_allowlist(inside_interfaces=["ge-0/0/1.0"], outside_interfaces=[]))
    assert "'ge-0/0/1.0', which is in no security zone" in str(err)
    err = refused(driver, running, srx_allowlist(inside_zone="voice", inside_interfaces=[],
                                                 outside_interfaces=[]))
    text = str(err)
    assert "allowlist.inside_zone (inventory variable voipready_inside_zone) names security zone 'voice'" in text
    assert "hostos, junos-host, loopback, trust, untrust" in text and "from-zone voice" in text


def test_junos_interfaces_in_the_right_zones_converge():
    running = fixture("junos", "batfish-junos-srx-1.cfg")
    intent = srx_allowlist(inside_interfaces=["ge-0/0/2.0"], inside_zone="hostos")
    commands, after = converge(get_driver("junos"), running, intent)
    assert any(c.startswith("set security policies from-zone hostos to-zone untrust ") for c in commands)
    assert "deactivate protocols bgp group vpn" in after


def test_junos_simulate_keeps_deactivate_lines():
    """Issue 16: simulate() dropped 'deactivate' lines, so check mode showed a wrong after."""
    driver = get_driver("junos")
    running = fixture("junos", "batfish-junos-srx-1.cfg")
    after = driver.simulate(running, ["set security alg sip disable"])
    lines = after.splitlines()
    at = lines.index("deactivate protocols bgp group vpn")
    assert lines[at - 1] == "set protocols bgp group vpn neighbor 10.0.12.2 peer-as 2"
    # deleting what a mark covers removes the mark with it
    assert "deactivate" not in driver.simulate(running, ["delete protocols bgp group vpn"])


def test_junos_owned_configuration_under_deactivate_is_refused():
    driver = get_driver("junos")
    running = fixture("junos") + "deactivate security alg\n"
    err = refused(driver, running, validate_intent({"sip_alg": {}}))
    assert "'deactivate security alg'" in str(err) and "activate security alg" in str(err)
    # an unrelated deactivated statement is left alone
    unrelated = fixture("junos") + "deactivate interfaces ge-0/0/1 description\n"
    converge(driver, unrelated, validate_intent({"sip_alg": {}}))


# -- PAN-OS ------------------------------------------------------------------------------------
def test_panos_batfish_address_without_value_is_read_not_a_hidden_index_error():
    """Issue 16: 'set address addr1' (no value) raised IndexError in _owned, which
    @readable turned into an ordinary-looking refusal; now it is an empty entry."""
    from ansible_collections.voipready.network.plugins.module_utils.platforms import panos
    running = fixture("panos", "batfish-address-object-group-name-conflict.conf")
    names = [k for k, _v, _l in panos.load(running).lines]
    assert ("address", "addr1") in names and ("address", "group1") in names
    assert ("address-group", "addr1") in names and ("address-group", "group1") in names
    driver = get_driver("panos")
    commands, after = converge(driver, running, validate_intent({"sip_alg": {}, "timeouts": {}}))
    assert commands and "set address addr1\n" in after and "set address-group group1\n" in after


def test_panos_absent_zone_and_interface_outside_its_zone_are_refused():
    driver = get_driver("panos")
    intent = scoped_intent("panos")
    running = fixture("panos").replace("set zone trust ", "set zone inside ")
    err = refused(driver, running, validate_intent(intent))
    assert "allowlist.inside_zone (inventory variable voipready_inside_zone) names zone 'trust'" in str(err)
    assert "the device has: inside, untrust" in str(err)
    intent["allowlist"] = dict(intent["allowlist"], inside_interfaces=["ethernet1/1"],
                               outside_interfaces=[])
    err = refused(driver, fixture("panos"), validate_intent(intent))
    assert "'ethernet1/1', which is in zone 'untrust'" in str(err)
    assert "voipready_inside_zone" in str(err)


def test_panos_multi_vsys_form_is_refused():
    running = fixture("panos").replace("set zone ", "set vsys vsys1 zone ").replace(
        "set rulebase ", "set vsys vsys1 rulebase ")
    for call in (lambda: get_driver("panos").remediate(running, validate_intent({"sip_alg": {}})),
                 lambda: get_driver("panos").parse(running)):
        with pytest.raises(VoipReadyError) as err:
            call()
        assert "multi-vsys" in str(err.value) and "set vsys vsys1 zone trust" in str(err.value)


# -- VyOS --------------------------------------------------------------------------------------
VIF_INTENT = {"voice_vlan": {"subinterfaces": [{"parent": "eth0", "vlan": 110,
                                                "address": "192.0.2.1/24"}]}}


def test_vyos_foreign_vif_is_never_modified():
    """Issue 16: on vyos-1x's vrf-bgp-pppoe-underlay a foreign 'eth0 vif 110' exists (in a
    VRF): run 1 added 192.0.2.1/24 to it, run 2 deleted its three addresses and the VRF."""
    running = fixture("vyos", "vyos-1x-vrf-bgp-pppoe-underlay.conf")
    driver = get_driver("vyos")
    for _run in (1, 2):
        err = refused(driver, running, validate_intent(VIF_INTENT))
        text = str(err)
        assert "voice_vlan.subinterfaces (inventory variable voipready_subinterfaces)" in text
        assert "'interfaces ethernet eth0 vif 110' already exists" in text
        assert "vrf vyos-test-01" in text and "100.64.51.190/27" in text
    # another VLAN on the same parent is fine and leaves vif 110 alone
    other = {"voice_vlan": {"subinterfaces": [{"parent": "eth0", "vlan": 120, "address": "192.0.2.1/24"}]}}
    commands, _after = converge(driver, running, validate_intent(other))
    assert commands and not [c for c in commands if " vif 110" in c]


def test_vyos_release_from_show_version_decides_the_syntax_and_refuses_13():
    driver = get_driver("vyos")

    class Transport(object):
        def __init__(self, release):
            self.release = release

        def send_command(self, command):
            if command == "show version":
                return "Version:          VyOS %s\nRelease train:    x\n" % self.release
            return fixture("vyos")

    timeouts = validate_intent({"timeouts": {}})
    on_15 = driver.remediate(driver.gather(Transport("1.5-rolling-202410120007")), timeouts)
    assert any(c.startswith("set firewall global-options timeout udp") for c in on_15)
    on_14 = driver.remediate(driver.gather(Transport("1.4.0")), timeouts)
    assert any(c.startswith("set system conntrack timeout udp") for c in on_14)
    dated = driver.remediate(driver.gather(Transport("2025.02.03-0021-rolling")), timeouts)
    assert dated == on_15
    err = refused(driver, driver.gather(Transport("1.3.8")), timeouts)
    assert "VyOS 1.3.8 (show version)" in str(err) and "Upgrade to 1.4" in str(err)


def test_vyos_pre_14_configuration_is_refused():
    """Issue 16: a 1.3 configuration ('firewall ... in name') was not detected and 1.4-only
    syntax was emitted for it."""
    running = ("set firewall name WAN-IN default-action 'drop'\n"
               "set interfaces ethernet eth0 firewall in name 'WAN-IN'\n"
               "set interfaces ethernet eth1 address '192.0.2.1/24'\n")
    err = refused(get_driver("vyos"), running, validate_intent({"sip_alg": {}}))
    assert "1.3 or older" in str(err) and "set firewall name WAN-IN default-action drop" in str(err)


# -- RouterOS ----------------------------------------------------------------------------------
def test_routeros_unset_tokens_on_unowned_lines_are_ignored():
    """Issue 16: one unowned line with '!power-cycle-ping-address' made the driver refuse
    the whole export of JustinLex/jlh-h5b mikrotik/config.rsc."""
    from ansible_collections.voipready.network.plugins.module_utils.platforms import routeros
    running = fixture("routeros", "jlh-h5b-config.rsc")
    driver = get_driver("routeros")
    entries = routeros.read_export(running)
    ether1 = [e for e in entries if e.path == "/interface ethernet" and "ether1" in (e.target or "")][0]
    assert ether1.props["power-cycle-interval"] == "none" and "!power-cycle-ping-address" not in ether1.props
    # a value broken over two lines inside a quoted string ('w\' + 'eb') is joined as one
    group = [e for e in entries if e.path == "/user group" and e.props.get("name") == "read"][0]
    assert ",web," in group.props["policy"]
    assert driver.parse(running)["sip_alg"]["enabled"] in (True, False)
    commands, after = converge(driver, running, validate_intent({"sip_alg": {}, "timeouts": {}}))
    assert commands and "!power-cycle-ping-address" in after


# -- the module result names the variable for every error about a role-filled option -------
def test_module_errors_name_the_inventory_variable():
    from ansible_collections.voipready.network.plugins.module_utils.runner import execute
    params = {"platform": "ios", "state": "merged", "transport": "netmiko", "running_config": None,
              "connection": {"host": "192.0.2.10"}, "confirm_timeout": 120, "lock_timeout": 1,
              "accept_lockout_risk": False, "backup_dir": "/nonexistent", "backup": None,
              "config": {"phone_ports": ["Gi1/0/1", "bad name"]}}
    result, error = execute(params, True, "voice_vlan")
    assert result["field"] == "voice_vlan.phone_ports[1]" and result["variable"] == "voipready_phone_ports"
    assert error.endswith("(inventory variable voipready_phone_ports)") and "'bad name'" in error
    params["config"] = {"trust_dscp": "yes"}
    result, error = execute(params, True, "voice_vlan")
    assert result["variable"] == "voipready_trust_dscp" and error.count("voipready_trust_dscp") == 1
    # the one sip_alg option too (roles/sip_alg's voipready_sip_alg_enabled)
    params["config"] = {"enabled": "off"}
    result, error = execute(params, True, "sip_alg")
    assert result["field"] == "sip_alg.enabled" and result["variable"] == "voipready_sip_alg_enabled"
    assert error.endswith("(inventory variable voipready_sip_alg_enabled)") and "'off'" in error
