# -*- coding: utf-8 -*-
"""Intent validation: every bad value fails with a message naming the field and the value;
good input is normalized to the same bytes whatever its order."""

import json

import pytest

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    qos_classes_from_rules, validate_intent, validate_platform)

RULE = {"id": "kore-eu-sip-udp-5060", "service": "sip", "proto": "udp", "port_min": 5060,
        "port_max": 5060, "direction": "both", "addresses": ["3.1.2.3"], "dscp": 24}

BAD = [
    ({"voice_vlan": {"voice_vlan": {"id": 4095}}}, "voice_vlan.voice_vlan.id", 4095),
    ({"voice_vlan": {"voice_vlan": {"id": 0}}}, "voice_vlan.voice_vlan.id", 0),
    ({"voice_vlan": {"voice_vlan": {"id": "abc"}}}, "voice_vlan.voice_vlan.id", "abc"),
    ({"voice_vlan": {"voice_vlan": {"id": 10}, "data_vlan": {"id": 10}}},
     "voice_vlan.voice_vlan.id", 10),
    ({"voice_vlan": {"phone_ports": ["Gi1/0/1", "Gi1/0/1"]}}, "voice_vlan.phone_ports", None),
    ({"voice_vlan": {"phone_ports": ["Gi1/0/1"], "uplink_ports": ["Gi1/0/1"]}},
     "voice_vlan.uplink_ports", "Gi1/0/1"),
    ({"voice_vlan": {"subinterfaces": [{"parent": "Gi0/1", "vlan": 110,
                                        "address": "192.0.2.300/24"}]}},
     "voice_vlan.subinterfaces[0].address", "192.0.2.300/24"),
    ({"qos": {"classes": [{"name": "RTP", "dscp": 64, "matches": [
        {"proto": "udp", "port_min": 1, "port_max": 2}]}]}}, "qos.classes[0].dscp", 64),
    ({"qos": {"classes": [{"name": "RTP", "dscp": "expedited", "matches": [
        {"proto": "udp", "port_min": 1, "port_max": 2}]}]}}, "qos.classes[0].dscp", "expedited"),
    ({"qos": {"classes": [{"name": "RTP", "dscp": 46, "matches": [
        {"proto": "sctp", "port_min": 1, "port_max": 2}]}]}},
     "qos.classes[0].matches[0].proto", "sctp"),
    ({"timeouts": {"udp_stream": 20, "keepalive_interval": 30}}, "timeouts.udp_stream", 20),
    ({"timeouts": {"sip": 30, "keepalive_interval": 30}}, "timeouts.sip", 30),
    ({"timeouts": {"udp": -1}}, "timeouts.udp", -1),
    ({"timeouts": {"udp": 900, "udp_stream": 600}}, "timeouts.udp", 900),
    ({"timeouts": {"keepalive_interval": 0}}, "timeouts.keepalive_interval", 0),
    ({"timeouts": {"udp": True}}, "timeouts.udp", True),
    ({"allowlist": {"voice_networks": ["192.0.2.1/24"]}}, "allowlist.voice_networks[0]",
     "192.0.2.1/24"),
    ({"allowlist": {"voice_networks": ["not-a-net"]}}, "allowlist.voice_networks[0]",
     "not-a-net"),
    ({"allowlist": {"essentials": {"dns": ["300.1.1.1"]}}}, "allowlist.essentials.dns[0]",
     "300.1.1.1"),
    ({"allowlist": {"name": "1BAD NAME"}}, "allowlist.name", "1BAD NAME"),
    ({"allowlist": {"fqdn_mode": "guess"}}, "allowlist.fqdn_mode", "guess"),
    ({"allowlist": {"rules": [dict(RULE, port_min=70000)]}}, "allowlist.rules[0].port_min",
     70000),
    ({"allowlist": {"rules": [dict(RULE, port_min=6000, port_max=5000)]}},
     "allowlist.rules[0].port_max", 5000),
    ({"allowlist": {"rules": [dict(RULE, direction="sideways")]}},
     "allowlist.rules[0].direction", "sideways"),
    ({"allowlist": {"rules": [dict(RULE, addresses=["3.1.3.0/23"])]}},
     "allowlist.rules[0].addresses[0]", "3.1.3.0/23"),
    ({"allowlist": {"rules": [RULE, RULE]}}, "allowlist.rules", "kore-eu-sip-udp-5060"),
    ({"allowlist": {"inside_interfaces": ["eth 1"]}}, "allowlist.inside_interfaces[0]", "eth 1"),
    ({"allowlist": {"colour": "red"}}, "allowlist.colour", "red"),
    ({"sip_alg": {"enabled": "no"}}, "sip_alg.enabled", "no"),
    ({"firewall": {}}, "features", "firewall"),
]


@pytest.mark.parametrize("features,field,value", BAD, ids=[b[1] for b in BAD])
def test_bad_input_names_the_field_and_the_value(features, field, value):
    with pytest.raises(VoipReadyError) as err:
        validate_intent(features)
    assert err.value.field == field
    assert field in str(err.value)
    if value is not None:
        assert err.value.value == value
        assert repr(value) in str(err.value)


def test_unknown_platform_lists_the_valid_ones():
    with pytest.raises(VoipReadyError) as err:
        validate_platform("nxos")
    assert "'nxos'" in str(err.value) and "linux, openvswitch, ios" in str(err.value)


def test_normalization_is_order_independent():
    rules = [RULE, dict(RULE, id="kore-eu-rtp-udp-6000-65535", service="rtp", port_min=6000,
                        port_max=65535, dscp="ef", addresses=["3.1.2.9", "3.1.2.4"])]
    one = validate_intent({"allowlist": {"rules": rules, "voice_networks": ["192.0.2.0/24",
                                                                            "10.0.0.0/8"]}})
    two = validate_intent({"allowlist": {"rules": rules[::-1], "voice_networks": [
        "10.0.0.0/8", "192.0.2.0/24"]}})
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)
    assert one["allowlist"]["rules"][0]["addresses"] == ["3.1.2.4", "3.1.2.9"]
    assert one["allowlist"]["voice_networks"] == ["10.0.0.0/8", "192.0.2.0/24"]


def test_qos_classes_group_by_dscp_and_name_what_they_hold():
    rules = [RULE, dict(RULE, id="kore-eu-rtp-udp-6000-65535", service="rtp", port_min=6000,
                        port_max=65535, dscp=46), dict(RULE, id="kore-eu-https", dscp=None,
                                                       proto="tcp", port_min=443, port_max=443)]
    classes = qos_classes_from_rules(rules)
    assert [(c["name"], c["dscp"]) for c in classes] == [("VOICE-RTP", 46), ("VOICE-SIP", 24)]
    assert classes[0]["matches"] == [{"proto": "udp", "port_min": 6000, "port_max": 65535,
                                      "addresses": ["3.1.2.3"]}]
