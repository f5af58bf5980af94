# -*- coding: utf-8 -*-
"""Intents and starting configurations for the shared driver contract
(test_driver_contract.py): one small, hand-written provider and each platform's fixture
device, so a contract failure points at the driver, never at a catalog change.

``site_intent(platform, features)`` is the baseline intent restricted to ``features``;
``build_intent`` is the same with the rules, DSCP values and VLAN ids chosen by the
caller (the fuzz draws them). Addresses come from the documentation ranges.
"""
from __future__ import absolute_import, division, print_function

import os
import re

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    FEATURES, PLATFORMS, qos_classes_from_rules, validate_intent)
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from intents import INTERFACES

HERE = os.path.dirname(os.path.abspath(__file__))

#: each platform's starting configuration: the fixture device its own tests start from
STARTING = {"linux": ("linux", "customer.running"),
            "openvswitch": ("openvswitch", "switch.running")}

#: the ASA terminates the voice VLAN on a sub-interface of its inside port (intents.py
#: gives it none, which leaves voice_vlan not applicable there)
SUBINTERFACES = {"asa": {"parent": "GigabitEthernet1/2", "vlan": 110,
                         "address": "198.51.100.65/26"}}

#: the provider: SIP over UDP and TLS, RTP media, one rule without DSCP
RULES = (
    {"id": "contract-sip-udp-5060", "service": "sip", "proto": "udp", "port_min": 5060,
     "port_max": 5060, "direction": "both", "addresses": ["203.0.113.10", "203.0.113.11"],
     "dscp": "cs3"},
    {"id": "contract-sip-tls-5061", "service": "sip", "proto": "tcp", "port_min": 5061,
     "port_max": 5061, "direction": "outbound", "addresses": ["203.0.113.10"], "dscp": "cs3"},
    {"id": "contract-rtp-udp-16384-32767", "service": "rtp", "proto": "udp",
     "port_min": 16384, "port_max": 32767, "direction": "both",
     "addresses": ["203.0.113.64/27"], "dscp": "ef"},
    {"id": "contract-prov-tcp-443", "service": "provisioning", "proto": "tcp",
     "port_min": 443, "port_max": 443, "direction": "outbound",
     "addresses": ["198.51.100.200"]},
)


def starting_config(platform):
    folder, name = STARTING.get(platform, (platform, "running.conf"))
    with open(os.path.join(HERE, "fixtures", folder, name)) as handle:
        return handle.read()


def build_intent(platform, rules=RULES, voice_id=110, data_id=10, timeouts=None,
                 qos_classes=None):
    """A validated five-feature intent for the platform's fixture device.
    ``qos_classes`` None: the classes the rules' DSCP values give."""
    inside, outside, phones, uplinks, parent = INTERFACES[platform]
    # FortiOS and VyOS policies bind to the voice sub-interface, named after its VLAN
    inside = [re.sub(r"\.110$", ".%d" % voice_id, name) for name in inside]
    if platform in SUBINTERFACES:
        subs = [dict(SUBINTERFACES[platform], vlan=voice_id)]
    elif parent and not phones:
        subs = [{"parent": parent, "vlan": voice_id, "address": "192.0.2.1/24"}]
    else:
        subs = []
    rules = [dict(r) for r in rules]
    return validate_intent({
        "allowlist": {"name": "VOIPREADY", "rules": rules, "voice_networks": ["192.0.2.0/24"],
                      "essentials": {"dns": ["198.51.100.53"], "ntp": ["198.51.100.123"]},
                      "enforce": True, "inside_interfaces": inside,
                      "outside_interfaces": outside},
        "sip_alg": {"enabled": False},
        "voice_vlan": {"voice_vlan": {"id": voice_id, "name": "VOICE"},
                       "data_vlan": {"id": data_id, "name": "DATA"},
                       "phone_ports": phones, "uplink_ports": uplinks, "trust_dscp": True,
                       "subinterfaces": subs},
        "qos": {"trust": True,
                "classes": qos_classes_from_rules(rules) if qos_classes is None else qos_classes,
                "interfaces": plan.qos_interfaces(get_driver(platform), inside, outside)},
        "timeouts": timeouts or {"udp": 75, "udp_stream": 900, "sip": 1200,
                                 "keepalive_interval": 20},
    })


def site_intent(platform, features=FEATURES, **kw):
    full = build_intent(platform, **kw)
    return dict((f, full[f]) for f in features)


def supported(platform):
    """The features the driver declares it can do for its fixture site (not_applicable
    says None on the full intent)."""
    driver, full = get_driver(platform), build_intent(platform)
    return [f for f in FEATURES if not driver.not_applicable(f, full)]


#: case name -> (feature, its settings over the baseline): the same feature once more
#: with another shape of intent
VARIANTS = {"qos_trust": ("qos", {"classes": []})}     # trust DSCP, mark nothing


def variant_intent(platform, features, variant):
    feature, override = VARIANTS[variant]
    intent = site_intent(platform, features)
    intent[feature] = validate_intent({feature: dict(intent[feature], **override)})[feature]
    return intent


CASES = [(p, f) for p in PLATFORMS for f in supported(p)] + [
    (p, v) for p in PLATFORMS for v, (f, _o) in sorted(VARIANTS.items()) if f in supported(p)]
