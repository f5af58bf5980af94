# -*- coding: utf-8 -*-
"""The two intents every platform's golden and idempotency tests use.

kore-us-east -- the full baseline: Kore.ai US-East allowlist, SIP ALG off, voice VLAN,
                DSCP marking (RTP EF, SIP CS3) and timeouts.
cloudoe      -- Cloudoe: FQDN-only SBC/provisioning rules and the Webex media subnets.

Rules come from the real catalog through the same query layer the filter uses, so a
catalog change shows up in every golden file (review those diffs, they are the point).
Interface names follow each vendor's naming; they are what a realistic site uses.
"""
from __future__ import absolute_import, division, print_function

from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_lib
from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    qos_classes_from_rules, validate_intent)
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

# platform -> (inside, outside, phone ports, uplinks, router sub-interface parent)
INTERFACES = {
    "linux": (["eth1"], ["eth0"], [], [], None),
    "openvswitch": ([], [], ["p1", "p2"], ["uplink0"], None),
    "ios": (["GigabitEthernet0/1"], ["GigabitEthernet0/0"],
            ["GigabitEthernet1/0/1", "GigabitEthernet1/0/2"], ["GigabitEthernet1/0/48"],
            "GigabitEthernet0/1"),
    "asa": (["inside"], ["outside"], [], [], None),
    "junos": (["ge-0/0/1.0"], ["ge-0/0/0.0"], ["ge-0/0/10", "ge-0/0/11"], ["xe-0/1/0"],
              "ge-0/0/2"),
    # the voice network is the sub-interface internal1.110's: the policies bind there
    "fortios": (["internal1.110"], ["wan1"], [], [], "internal1"),
    "panos": (["ethernet1/2"], ["ethernet1/1"], [], [], "ethernet1/2"),
    "eos": (["Ethernet2"], ["Ethernet1"], ["Ethernet10", "Ethernet11"], ["Ethernet48"],
            "Ethernet2"),
    "routeros": (["bridge1"], ["ether1"], ["ether5", "ether6"], ["sfp-sfpplus1"], "ether2"),
    "vyos": (["eth1.110"], ["eth0"], [], [], "eth1"),
}

SCENARIOS = {
    "kore-us-east": {"provider": "kore", "region": "us-east", "inputs": None},
    "cloudoe": {"provider": "cloudoe", "region": None, "inputs": None},
}


def provider_rules(provider, region=None, inputs=None):
    catalog = catalog_lib.load_catalog()
    return catalog_lib.provider_rules(catalog, provider, region=region, inputs=inputs)


def intent_for(platform, scenario):
    """A validated five-feature intent for ``platform`` in ``scenario``."""
    spec = SCENARIOS[scenario]
    rules = provider_rules(spec["provider"], spec["region"], spec["inputs"])
    inside, outside, phones, uplinks, parent = INTERFACES[platform]
    features = {
        "allowlist": {
            "name": "VOIPREADY",
            "rules": rules,
            "voice_networks": ["192.0.2.0/24"],
            "essentials": {"dns": ["198.51.100.53"], "ntp": ["198.51.100.123"]},
            "enforce": True,
            "fqdn_mode": "auto",
            "inside_interfaces": inside,
            "outside_interfaces": outside,
        },
        "sip_alg": {"enabled": False},
        "voice_vlan": {
            "voice_vlan": {"id": 110, "name": "VOICE"},
            "data_vlan": {"id": 10, "name": "DATA"},
            "phone_ports": phones,
            "uplink_ports": uplinks,
            "trust_dscp": True,
            "subinterfaces": ([{"parent": parent, "vlan": 110, "address": "192.0.2.1/24"}]
                              if parent and not phones else []),
        },
        # where voice passes, in the direction the platform classifies (the qos role's
        # default): ingress classifiers get the inside interfaces too
        "qos": {"trust": True, "classes": qos_classes_from_rules(rules),
                "interfaces": plan.qos_interfaces(get_driver(platform), inside, outside)},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    }
    return validate_intent(features)
