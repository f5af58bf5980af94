# -*- coding: utf-8 -*-
"""Placement checks before anything is rendered (plugins/module_utils/plan.py): an
interface both inside and outside, voice networks on an interface the policies do not
bind to (the FortiOS internal1 / internal1.110 case), QoS classification where the
platform cannot classify voice; and the qos role's default interfaces per platform."""
from __future__ import absolute_import, division, print_function

import pytest

from ansible_collections.voipready.network.plugins.module_utils import engine, plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

RULE = {"id": "lab-sip-udp-5060", "service": "sip", "proto": "udp", "port_min": 5060,
        "port_max": 5060, "direction": "both", "addresses": ["203.0.113.10"], "dscp": 24}
CLASSES = [{"name": "VOICE-SIP", "dscp": 24, "matches": [
    {"proto": "udp", "port_min": 5060, "port_max": 5060, "addresses": ["203.0.113.10"]}]}]


def features(inside, outside, subs=(), qos=None):
    out = {"allowlist": {"rules": [RULE], "voice_networks": ["198.51.100.0/25"],
                         "inside_interfaces": list(inside), "outside_interfaces": list(outside)},
           "voice_vlan": {"subinterfaces": [dict(s) for s in subs]}}
    if qos is not None:
        out["qos"] = {"classes": CLASSES, "interfaces": list(qos)}
    return out


def render(platform, feats):
    return engine.run(engine.Request(platform, feats, state="rendered"))


FGT_SUB = {"parent": "internal1", "vlan": 110, "address": "198.51.100.1/25"}


def test_fortios_policies_on_the_parent_of_the_voice_vlan_are_refused():
    with pytest.raises(VoipReadyError) as err:
        render("fortios", features(["internal1"], ["wan1"], [FGT_SUB]))
    text = str(err.value)
    assert err.value.field == "allowlist.inside_interfaces"
    for word in ("voipready_inside_interfaces", "voipready_voice_networks",
                 "voipready_subinterfaces", "198.51.100.0/25", "internal1.110",
                 "['internal1']"):
        assert word in text, word
    # the fix the message asks for renders, with the policies on the voice VLAN
    rendered = "\n".join(render("fortios", features(["internal1.110"], ["wan1"], [FGT_SUB]))["rendered"]) + "\n"
    assert 'set srcintf "internal1.110"' in rendered and 'set srcintf "internal1"\n' not in rendered


def test_voice_network_on_an_outside_interface_is_refused():
    with pytest.raises(VoipReadyError, match="lists as outside"):
        render("vyos", features(["eth2"], ["eth1.110"],
                                [{"parent": "eth1", "vlan": 110, "address": "198.51.100.1/25"}]))


@pytest.mark.parametrize("inside, outside", [
    (["GigabitEthernet0/0/0"], ["GigabitEthernet0/0/0"]),
    (["Gi0/0/0"], ["GigabitEthernet0/0/0"]),          # IOS abbreviations are the same port
])
def test_an_interface_both_inside_and_outside_is_refused(inside, outside):
    with pytest.raises(VoipReadyError) as err:
        render("ios", features(inside, outside))
    assert "voipready_inside_interfaces" in str(err.value)
    assert "voipready_outside_interfaces" in str(err.value)
    assert "GigabitEthernet0/0/0" in str(err.value)


@pytest.mark.parametrize("platform, inside, outside, qos, where", [
    ("junos", ["ge-0/0/1.0"], ["ge-0/0/0.0"], ["ge-0/0/0.0"], "ge-0/0/1.0"),
    ("junos", ["ge-0/0/1.0"], ["ge-0/0/0.0"], ["ge-0/0/1.0"], "ge-0/0/0.0"),   # no rewrite
    ("vyos", ["eth1.110"], ["eth0"], ["eth0"], "eth1.110"),
    ("eos", ["Ethernet2"], ["Ethernet1"], ["Ethernet1"], "Ethernet2"),
    ("ios", ["GigabitEthernet0/1"], ["GigabitEthernet0/0"], ["GigabitEthernet0/1"],
     "GigabitEthernet0/0"),
])
def test_qos_where_the_platform_cannot_classify_voice_is_refused(platform, inside, outside,
                                                                 qos, where):
    with pytest.raises(VoipReadyError) as err:
        render(platform, features(inside, outside, qos=qos))
    assert err.value.field == "qos.interfaces"
    assert "voipready_qos_interfaces" in str(err.value) and where in str(err.value)


@pytest.mark.parametrize("platform, inside, outside, expected", [
    ("junos", ["ge-0/0/1.0"], ["ge-0/0/0.0"], ["ge-0/0/1.0", "ge-0/0/0.0"]),
    ("vyos", ["eth1.110"], ["eth0"], ["eth1.110", "eth0"]),
    ("eos", ["Ethernet2"], ["Ethernet1"], ["Ethernet2", "Ethernet1"]),
    ("ios", ["Gi0/1"], ["Gi0/0"], ["Gi0/0"]),
    ("fortios", ["internal1.110"], ["wan1"], ["wan1"]),
    ("linux", ["eth1"], ["eth0"], ["eth0"]),
])
def test_qos_interfaces_default_follows_the_platform(platform, inside, outside, expected):
    driver = get_driver(platform)
    assert plan.qos_interfaces(driver, inside, outside) == expected
    # and that default always passes the placement check
    render(platform, features(inside, outside, qos=expected))


def test_platforms_that_do_not_bind_interfaces_accept_any_inside():
    # RouterOS and VyOS match the voice networks by address, not by interface
    render("routeros", features(["bridge1"], ["ether1"],
                                [{"parent": "ether2", "vlan": 110, "address": "198.51.100.1/25"}]))
