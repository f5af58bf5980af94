# -*- coding: utf-8 -*-
"""The platform-neutral plan (plugins/module_utils/plan.py) and the helpers every driver
shares instead of its own copy: which destinations of a provider rule a platform pushes
(plan.choose_rules, from the platform's declared FQDN capabilities), the essentials
table, bounded object names, the address sort key and port keywords (netutil), the one
error helper (errors). The last tests hold each driver to what it declares: what it
renders must follow its fqdn_objects / wildcard_objects / names_beside_addresses, and the
flow models (platforms/flows/, written apart from the drivers) must agree with them."""
from __future__ import absolute_import, division, print_function

import copy
import hashlib
import inspect
import os
import sys

import pytest

from ansible_collections.voipready.network.plugins.module_utils import flows, netutil, plan
from ansible_collections.voipready.network.plugins.module_utils.errors import (
    VoipReadyError, invalid, unreadable)
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    PLATFORMS, validate_intent, validate_rule)
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import _LOADERS

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "platforms"))
from intents import intent_for  # noqa: E402

BOTH = validate_rule("r", {"id": "x-both", "service": "sip", "proto": "udp", "port_min": 5060,
                           "port_max": 5060, "direction": "both",
                           "addresses": ["203.0.113.8/29"],
                           "fqdns": ["sbc.example.com", "*.wild.example.com"]})
NAMES = validate_rule("r", {"id": "x-names", "service": "prov", "proto": "tcp", "port_min": 443,
                            "port_max": 443, "direction": "outbound", "addresses": [],
                            "fqdns": ["prov.example.com", "*.p.example.com"]})
WILD = validate_rule("r", {"id": "x-wild", "service": "turn", "proto": "udp", "port_min": 3478,
                           "port_max": 3478, "direction": "inbound", "addresses": [],
                           "fqdns": ["*.turn.example.com"]})
NONE = validate_rule("r", {"id": "x-none", "service": "rtp", "proto": "udp", "port_min": 10000,
                           "port_max": 20000, "direction": "both"})
RULES = [BOTH, NAMES, WILD, NONE]

# (names, wildcards, names_beside_addresses, fqdn_mode) -> per rule (addresses, names,
# wildcards, skipped); written out by hand from the platforms' documented behaviour
ADDR = ("203.0.113.8/29",)
CASES = {
    # IOS, EOS, Linux: addresses only, whatever the mode
    (False, False, (), "auto"): [(ADDR, (), (), None), ((), (), (), plan.SKIP_NAMES),
                                 ((), (), (), plan.SKIP_WILDCARDS),
                                 ((), (), (), plan.SKIP_NO_DESTINATION)],
    # Junos, VyOS, RouterOS: names stand in for a rule with no address
    (True, False, (), "auto"): [(ADDR, (), (), None), ((), ("prov.example.com",), (), None),
                                ((), (), (), plan.SKIP_WILDCARDS),
                                ((), (), (), plan.SKIP_NO_DESTINATION)],
    (True, False, (), "objects"): [(ADDR, (), (), None), ((), ("prov.example.com",), (), None),
                                   ((), (), (), plan.SKIP_WILDCARDS),
                                   ((), (), (), plan.SKIP_NO_DESTINATION)],
    (True, False, (), "resolve"): [(ADDR, (), (), None), ((), (), (), plan.SKIP_NAMES),
                                   ((), (), (), plan.SKIP_WILDCARDS),
                                   ((), (), (), plan.SKIP_NO_DESTINATION)],
    # ASA: names beside addresses with auto and objects
    (True, False, ("auto", "objects"), "auto"): [
        (ADDR, ("sbc.example.com",), (), None), ((), ("prov.example.com",), (), None),
        ((), (), (), plan.SKIP_WILDCARDS), ((), (), (), plan.SKIP_NO_DESTINATION)],
    (True, False, ("auto", "objects"), "skip"): [
        (ADDR, (), (), None), ((), (), (), plan.SKIP_NAMES),
        ((), (), (), plan.SKIP_WILDCARDS), ((), (), (), plan.SKIP_NO_DESTINATION)],
    # FortiOS: wildcard FQDN addresses, names beside addresses with objects only
    (True, True, ("objects",), "auto"): [
        (ADDR, (), ("*.wild.example.com",), None),
        ((), ("prov.example.com",), ("*.p.example.com",), None),
        ((), (), ("*.turn.example.com",), None), ((), (), (), plan.SKIP_NO_DESTINATION)],
    (True, True, ("objects",), "objects"): [
        (ADDR, ("sbc.example.com",), ("*.wild.example.com",), None),
        ((), ("prov.example.com",), ("*.p.example.com",), None),
        ((), (), ("*.turn.example.com",), None), ((), (), (), plan.SKIP_NO_DESTINATION)],
    (True, True, ("objects",), "resolve"): [
        (ADDR, (), (), None), ((), (), (), plan.SKIP_NAMES),
        ((), (), (), plan.SKIP_WILDCARDS), ((), (), (), plan.SKIP_NO_DESTINATION)],
}


@pytest.mark.parametrize("case", sorted(CASES, key=repr), ids=repr)
def test_choose_rules_pushes_what_the_platform_can_match(case):
    names, wildcards, beside, mode = case
    choices = plan.choose_rules({"fqdn_mode": mode, "rules": RULES}, names=names,
                                wildcards=wildcards, names_beside_addresses=beside)
    assert [c.rule["id"] for c in choices] == [r["id"] for r in RULES]
    assert [(c.addresses, c.names, c.wildcards, c.skipped) for c in choices] == CASES[case]
    for choice in choices:
        fqdns = choice.rule["fqdns"]
        # every name is either pushed or left out, never both, never lost
        assert sorted(choice.names + choice.left_names + choice.wildcards
                      + choice.left_wildcards) == sorted(fqdns)
        assert choice.destinations == ([("net", a) for a in choice.addresses]
                                       + [("fqdn", n) for n in choice.names + choice.wildcards])


def test_a_rule_marked_not_enforceable_pushes_no_address():
    """The intent's enforceable flag decides, as the catalog set it."""
    rule = dict(BOTH, enforceable=False)
    [choice] = plan.choose_rules({"rules": [rule]}, names=True)
    assert choice.addresses == () and choice.names == ()
    assert choice.skipped == plan.SKIP_WILDCARDS


def test_essentials():
    assert plan.ESSENTIALS == (("dns", "udp", 53), ("dns", "tcp", 53), ("ntp", "udp", 123))
    assert plan.ESSENTIALS[0].service == "dns" and plan.ESSENTIALS[2].port == 123
    assert plan.essential_services() == (("dns", (("udp", 53), ("tcp", 53))),
                                         ("ntp", (("udp", 123),)))


def test_bounded_name():
    assert plan.bounded_name("VOIPREADY-SIP-NET", 64, 8) == "VOIPREADY-SIP-NET"
    long_a, long_b = "VOIPREADY-" + "a" * 80, "VOIPREADY-" + "a" * 79 + "b"
    name = plan.bounded_name(long_a, 35, 6)
    assert len(name) == 35
    assert name == long_a[:28] + "-" + hashlib.sha1(long_a.encode()).hexdigest()[:6]
    assert plan.bounded_name(long_b, 35, 6) != name
    assert plan.bounded_name(long_a, 35, 6) == name


def test_address_key_sorts_numerically_and_names_last():
    values = ["any", "2001:db8::/32", "192.0.2.0/24", "10.0.0.0/16", "10.0.0.0/8",
              "192.0.2.10", "198.51.100.1/24"]
    assert sorted(values, key=netutil.address_key) == [
        "10.0.0.0/8", "10.0.0.0/16", "192.0.2.0/24", "192.0.2.10", "198.51.100.1/24",
        "2001:db8::/32", "any"]


def test_port_names_are_one_table():
    assert netutil.port_names("domain", "www", "sip") == {"domain": 53, "www": 80, "sip": 5060}
    with pytest.raises(KeyError):
        netutil.port_names("no-such-port")


def test_error_helpers_name_field_and_value():
    with pytest.raises(VoipReadyError) as err:
        invalid("timeouts.udp", 0, "must be an integer from 1 to 86400")
    assert str(err.value) == "timeouts.udp=0 must be an integer from 1 to 86400"
    assert (err.value.field, err.value.value) == ("timeouts.udp", 0)
    with pytest.raises(VoipReadyError) as err:
        unreadable("eos", "port", "bogus")
    # "running" is not in the text, so VoipReadyError names the field after it
    assert str(err.value) == "eos: could not read port: 'bogus' (field running, value 'bogus')"
    assert (err.value.field, err.value.value) == ("running", "bogus")


def _config_lines(driver, text):
    """The rendered configuration without its notes (comment lines)."""
    return [line for line in text.splitlines()
            if not line.lstrip().startswith((driver.comment, "#", "!"))]


ALLOWLIST_PLATFORMS = [p for p in PLATFORMS if p != "openvswitch"]


@pytest.mark.parametrize("platform", ALLOWLIST_PLATFORMS)
@pytest.mark.parametrize("mode", ["auto", "objects", "resolve", "skip"])
def test_what_a_driver_renders_follows_what_it_declares(platform, mode):
    """A DNS name reaches the configuration exactly when the driver says it can: names
    standing in for a rule without addresses with auto/objects, beside addresses in the
    declared modes, wildcards only with wildcard_objects."""
    driver = get_driver(platform)
    raw = copy.deepcopy(intent_for(platform, "kore-us-east"))
    raw = {"allowlist": dict(raw["allowlist"], rules=[BOTH, NAMES, WILD], fqdn_mode=mode)}
    try:
        text = driver.render(validate_intent(raw))
    except VoipReadyError as exc:
        # refusing fqdn_mode=objects is right only where there are no FQDN objects
        assert mode == "objects" and exc.field == "allowlist.fqdn_mode", exc
        assert not driver.fqdn_objects
        return
    config = "\n".join(_config_lines(driver, text))
    by_name = mode in plan.NAME_MODES
    assert ("prov.example.com" in config) == (driver.fqdn_objects and by_name), config
    assert ("sbc.example.com" in config) == (
        driver.fqdn_objects and mode in driver.names_beside_addresses), config
    assert ("turn.example.com" in config) == (driver.wildcard_objects and by_name), config
    assert "203.0.113.8" in config


def _policy_class(platform):
    module = _LOADERS[platform]()
    found = [obj for _name, obj in inspect.getmembers(module, inspect.isclass)
             if issubclass(obj, flows.Policy) and obj.__module__ == module.__name__]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("platform", ALLOWLIST_PLATFORMS)
def test_drivers_and_flow_models_agree_on_fqdn_objects(platform):
    driver, policy = get_driver(platform), _policy_class(platform)
    assert driver.fqdn_objects == policy.fqdn_objects
    assert driver.wildcard_objects == policy.wildcard_fqdn
