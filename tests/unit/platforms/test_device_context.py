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

