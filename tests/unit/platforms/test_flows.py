# -*- coding: utf-8 -*-
"""What the rendered configuration admits, flow by flow, on all ten platforms, for every
provider scope of the catalog (Kore's eight regions, Interactive Powers' two profiles,
Cloudoe, Genesys): ``pytest -k flows``.

Each case pushes the full intent onto the platform's realistic running configuration
(fixtures/, with its customer rules, zones and interfaces) through the driver's own
remediate/simulate, reads the WHOLE result with the platform's flow model and checks it
against flows sampled from the catalog's rules (``catalog.provider_rules``): every
provider flow admitted end to end (and marked where the model evaluates marking), and,
with enforce, nothing else from or to the voice networks beyond DNS, NTP and DHCP. The
samples are checked against the catalog independently of the flows module (every rule,
direction and address has its sample). Then the mutations a customer or a mistake makes
-- a widened port range, an object member dropped, the binding on the wrong interface, a
shadowing deny above ours -- must each make the check fail, naming the flow.
"""
from __future__ import absolute_import, division, print_function

import ipaddress
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils import catalog, flows, plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    PLATFORMS, qos_classes_from_rules, validate_intent)
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver, linux
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import (
    policy_from_running)

HERE = os.path.dirname(os.path.abspath(__file__))
VOICE = "192.0.2.0/24"
ESSENTIALS = {"dns": ["203.0.113.53"], "ntp": ["203.0.113.123"]}
INPUTS = {
    "ivrpowers": {"rtc_addresses": ["203.0.113.10"],
                  "acd_addresses": ["203.0.113.20", "203.0.113.21"]},
    "genesys": {"webrtc_addresses": ["203.0.113.30"], "stun_turn_addresses": ["203.0.113.40"],
                "srtp_ports": "49152-65535", "stun_turn_ports": [3478, 5349],
                "turn_alt_port": 443},
}
SUB = {"parent": None, "vlan": 110, "address": "192.0.2.1/24"}
# platform -> (fixture, inside, outside, voice sub-interface parent or None, phones, uplinks);
# the voice network lives where the fixture has it, or on the sub-interface this change adds
SITES = {
    "linux": ("customer.running", ["eth1"], ["eth0"], None, [], []),
    "openvswitch": ("switch.running", [], [], None, ["p1", "p2"], ["uplink0"]),
    "ios": ("running.conf", ["GigabitEthernet0/1"], ["GigabitEthernet0/0"], None, [], []),
    "asa": ("running.conf", ["inside"], ["outside"], None, [], []),
    "eos": ("running.conf", ["Ethernet2.110"], ["Ethernet1"], "Ethernet2", [], []),
    "junos": ("running.conf", ["ge-0/0/1.0"], ["ge-0/0/0.0"], None, [], []),
    "fortios": ("running.conf", ["internal1.110"], ["wan1"], "internal1", [], []),
    "panos": ("running.conf", ["ethernet1/2.110"], ["ethernet1/1"], "ethernet1/2", [], []),
    "routeros": ("running.conf", ["vlan110-VOICE"], ["ether1"], "bridge1", [], []),
    "vyos": ("running.conf", ["eth1.110"], ["eth0"], "eth1", [], []),
}
VOICE_ON_FIXTURE = {"junos": "10.17.0.0/24"}   # ge-0/0/1.0 (zone trust) already holds it
LINUX_CONTEXT = {
    "addr": json.dumps([
        {"ifname": "eth1", "addr_info": [{"family": "inet", "local": "192.0.2.1",
                                          "prefixlen": 24, "scope": "global"}]},
        {"ifname": "eth0", "addr_info": [{"family": "inet", "local": "203.0.113.2",
                                          "prefixlen": 30, "scope": "global"}]}]),
    "route": json.dumps([{"dst": "default", "gateway": "203.0.113.1", "dev": "eth0"}]),
}


def scopes():
    cat = catalog.load_catalog()
    out = []
    for provider in sorted(cat["providers"]):
        profile = catalog.provider_profile(cat, provider)
        for region in profile["regions"] or [None]:
            for prof in sorted(profile["profiles"]) or [None]:
                out.append((provider, region, prof))
    return out


SCOPES = scopes()


def scope_id(scope):
    return "-".join(p for p in scope if p)


def fixture(platform):
    with open(os.path.join(HERE, "fixtures", platform, SITES[platform][0])) as handle:
        text = handle.read()
    if platform == "linux":
        state = linux.parse_state(text)
        text = linux.emit_running(state["objects"], state["sysctl"], state["files"],
                                  state["include"], LINUX_CONTEXT)
    return text


def rules_for(scope):
    provider, region, profile = scope
    return catalog.provider_rules(catalog.load_catalog(), provider, region=region,
                                  profile=profile, inputs=INPUTS.get(provider))


def intent_for(platform, scope, enforce=True):
    _fixture, inside, outside, parent, phones, uplinks = SITES[platform]
    rules = rules_for(scope)
    voice = VOICE_ON_FIXTURE.get(platform, VOICE)
    features = {
        "allowlist": {"rules": rules, "voice_networks": [voice], "essentials": ESSENTIALS,
                      "enforce": enforce, "inside_interfaces": inside,
                      "outside_interfaces": outside},
        "sip_alg": {"enabled": False},
        "voice_vlan": {"voice_vlan": {"id": 110, "name": "VOICE"},
                       "data_vlan": {"id": 10, "name": "DATA"}, "phone_ports": phones,
                       "uplink_ports": uplinks,
                       "subinterfaces": [dict(SUB, parent=parent)] if parent else []},
        "qos": {"classes": qos_classes_from_rules(rules),
                "interfaces": plan.qos_interfaces(get_driver(platform), inside, outside)},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    }
    if platform == "openvswitch":
        features = dict((k, features[k]) for k in ("voice_vlan", "qos"))
    intent = validate_intent(features)
    driver = get_driver(platform)
    return dict((f, intent[f]) for f in intent if not driver.not_applicable(f, intent))


def pushed(platform, intent, running=None):
    """The whole running configuration after the driver's change."""
    driver = get_driver(platform)
    plan.validate(driver, intent)
    running = fixture(platform) if running is None else running
    after = driver.simulate(running, driver.remediate(running, intent))
    assert driver.remediate(after, intent) == [], "not idempotent on %s" % platform
    return after


_PUSHED = {}


def pushed_for(platform, scope, enforce=True):
    """(intent, running after the push) for a scope, computed once per test session."""
    key = (platform, scope, enforce)
    if key not in _PUSHED:
        intent = intent_for(platform, scope, enforce)
        _PUSHED[key] = (intent, pushed(platform, intent))
    return _PUSHED[key]


def check(platform, intent, running):
    driver = get_driver(platform)
    policy = policy_from_running(platform, running)
    return flows.check(policy, intent,
                       applicable="allowlist" in intent,
                       qos_applicable="qos" in intent and not driver.not_applicable("qos", intent))


def cover_catalog(platform, intent):
    """The samples cover the catalog independently: each rule with addresses, each of its
    directions and (same IP version as the voice network) each address has a flow."""
    policy = policy_from_running(platform, fixture(platform))
    cfg = intent["allowlist"]
    samples, _skipped = flows.allowlist_samples(cfg, policy, lambda a: "in", lambda a: "out")
    voice = ipaddress.ip_network(cfg["voice_networks"][0])
    for rule in cfg["rules"]:
        for address in rule["addresses"]:
            net = ipaddress.ip_network(address)
            if net.version != voice.version:
                continue
            for direction in (("outbound", "inbound") if rule["direction"] == "both"
                              else (rule["direction"],)):
                peer_end = "dst" if direction == "outbound" else "src"
                assert any(s.why == rule["id"] and s.expect == flows.PERMIT and
                           getattr(s.flow, peer_end) in net and
                           rule["port_min"] <= s.flow.dport <= rule["port_max"]
                           for s in samples), (rule["id"], address, direction)
    for rule in cfg["rules"]:
        ports = [s.flow.dport for s in samples if s.why == rule["id"]]
        if rule["addresses"] and ports:
            assert min(ports) == rule["port_min"] and max(ports) == rule["port_max"]


@pytest.mark.parametrize("scope", SCOPES, ids=scope_id)
@pytest.mark.parametrize("platform", PLATFORMS)
def test_flows_rendered_config_admits_exactly_the_providers_flows(platform, scope):
    intent, after = pushed_for(platform, scope)
    cell = check(platform, intent, after)
    if cell["status"] == "not_applicable":
        # a switch marks, and the catalog gives this provider no DSCP at all
        assert platform == "openvswitch" and not any(r["dscp"] for r in rules_for(scope))
        return
    assert cell["sampled"] > 0
    assert cell["status"] == "compliant", "\n".join(
        [cell["reason"][:600]] + cell["missing"][:15] + cell["extra"][:15])
    if "allowlist" in intent:
        cover_catalog(platform, intent)
        # before the change the provider's flows do not get through (or are not marked):
        # the check is not trivially green
        assert check(platform, intent, fixture(platform))["status"] == "drift"


@pytest.mark.parametrize("platform", [p for p in PLATFORMS if p != "openvswitch"])
def test_flows_without_enforce_only_permits(platform):
    scope = ("kore", "us-east", None)
    intent = intent_for(platform, scope, enforce=False)
    cell = check(platform, intent, pushed(platform, intent))
    assert cell["status"] == "compliant", cell["missing"][:5]
    assert all(s.expect == flows.PERMIT for s in flows.allowlist_samples(
        intent["allowlist"], policy_from_running(platform, fixture(platform)),
        lambda a: None, lambda a: None)[0])


# -- mutations: each must make the flows check fail ---------------------------------------------
def _sub(text, old, new, count=1):
    assert old in text, old
    return text.replace(old, new, count)


def _drop_line(text, pattern):
    lines = text.splitlines(True)
    kept = [line for line in lines if not re.search(pattern, line)]
    assert len(kept) < len(lines), pattern
    return "".join(kept)


def _before_first(text, marker, insert):
    index = text.index(marker)
    start = text.rfind("\n", 0, index) + 1
    return text[:start] + insert + text[start:]


def _nft(text, edit):
    state = linux.parse_state(text)
    objects = [json.loads(json.dumps(o)) for o in state["objects"]]
    edit(objects)
    return linux.emit_running(objects, state["sysctl"], state["files"], state["include"],
                              state["context"])


def _nft_rule(objects, comment):
    for obj in objects:
        if "rule" in obj and obj["rule"].get("comment") == comment:
            return obj["rule"]
    raise AssertionError(comment)


def _nft_widen(objects):
    rule = _nft_rule(objects, "voipready:kore-us-east-rtp-udp-6000-65535")
    for expr in rule["expr"]:
        if "match" in expr and expr["match"]["left"].get("payload", {}).get("field") == "dport":
            expr["match"]["right"] = {"range": [5000, 65535]}


def _nft_drop(objects):
    for obj in objects:
        if obj.get("set", {}).get("name") == "al_kore_us_east_sip_v4":
            obj["set"]["elem"] = [e for e in obj["set"]["elem"] if e != "3.224.189.218"]


def _nft_rebind(objects):
    for obj in objects:
        if obj.get("chain", {}).get("table") == "voipready" and obj["chain"].get("hook") == "forward":
            obj["chain"]["hook"] = "input"


def _nft_shadow(objects):
    objects += [
        {"table": {"family": "inet", "name": "customer", "handle": 900}},
        {"chain": {"family": "inet", "table": "customer", "name": "early", "handle": 1,
                   "type": "filter", "hook": "forward", "prio": -10, "policy": "accept"}},
        {"rule": {"family": "inet", "table": "customer", "chain": "early", "handle": 2,
                  "expr": [{"match": {"op": "==", "right": 5060, "left": {
                      "payload": {"protocol": "udp", "field": "dport"}}}}, {"drop": None}]}}]


MUTATIONS = {
    "linux": {
        "widen": lambda t: _nft(t, _nft_widen),
        "drop_member": lambda t: _nft(t, _nft_drop),
        "wrong_interface": lambda t: _nft(t, _nft_rebind),
        "shadowing_deny": lambda t: _nft(t, _nft_shadow),
    },
    "openvswitch": {
        "widen": lambda t: t.replace("nw_dst=44.215.230.111/32,tp_dst=0x1770/0xfff0",
                                     "nw_dst=44.215.230.111/32,tp_dst=0x1700/0xff00"),
        "drop_member": lambda t: _drop_line(t, r"nw_dst=3\.224\.189\.218"),
        "wrong_interface": lambda t: t.replace("priority=224,dl_vlan=110", "priority=224,dl_vlan=120"),
        "shadowing_deny": lambda t: _sub(t, "### voipready:end", " cookie=0x0, duration=1s, table=0, "
                                         "priority=300,udp,tp_dst=5060 actions=drop\n### voipready:end"),
    },
    "ios": {
        "widen": lambda t: _sub(t, " udp range 6000 65535\n", " udp range 5000 65535\n"),
        "drop_member": lambda t: _sub(t, "object-group network VOIPREADY-SIP-NET\n host 3.224.189.218\n",
                                      "object-group network VOIPREADY-SIP-NET\n"),
        "wrong_interface": lambda t: _sub(_sub(t, " ip access-group VOIPREADY-INSIDE-1 in\n", ""),
                                          " ip access-group CORP-PRINTERS in",
                                          " ip access-group VOIPREADY-INSIDE-1 in"),
        "shadowing_deny": lambda t: _sub(t, "ip access-list extended VOIPREADY-INSIDE-1\n",
                                         "ip access-list extended VOIPREADY-INSIDE-1\n"
                                         " 5 deny udp any any eq 5060\n"),
    },
    "asa": {
        "widen": lambda t: _sub(t, "service-object udp destination range 6000 65535",
                                "service-object udp destination range 5000 65535"),
        "drop_member": lambda t: _sub(t, " network-object host 3.224.189.218\n", ""),
        "wrong_interface": lambda t: _sub(_sub(t, "access-group DMZ_IN in interface dmz\n", ""),
                                          "access-group VOIPREADY-INSIDE-1 in interface inside",
                                          "access-group VOIPREADY-INSIDE-1 in interface dmz"),
        "shadowing_deny": lambda t: _before_first(
            t, "access-list VOIPREADY-INSIDE-1 extended",
            "access-list VOIPREADY-INSIDE-1 extended deny udp any any eq sip\n"),
    },
    "eos": {
        "widen": lambda t: t.replace("permit udp 192.0.2.0/24 host 44.215.230.111 range 6000 65535",
                                     "permit udp 192.0.2.0/24 host 44.215.230.111 range 5000 65535"),
        "drop_member": lambda t: _drop_line(t, r"permit \w+ 192\.0\.2\.0/24 host 3\.224\.189\.218 "),
        "wrong_interface": lambda t: _sub(_sub(t, "   ip access-group VOIPREADY-INSIDE-G1 in\n", ""),
                                          "   ip access-group PRINTERS-IN in",
                                          "   ip access-group VOIPREADY-INSIDE-G1 in"),
        "shadowing_deny": lambda t: _sub(t, "ip access-list VOIPREADY-INSIDE-G1\n",
                                         "ip access-list VOIPREADY-INSIDE-G1\n   5 deny udp any any eq 5060\n"),
    },
    "junos": {
        "widen": lambda t: _sub(t, "application VOIPREADY-kore-us-east-rtp-udp-6000-65535 "
                                "destination-port 6000-65535",
                                "application VOIPREADY-kore-us-east-rtp-udp-6000-65535 "
                                "destination-port 5000-65535"),
        "drop_member": lambda t: _drop_line(t, r"address-set VOIPREADY-kore-us-east-sip-tls-tcp-5061 "
                                            r"address VOIPREADY-3\.224\.189\.218$"),
        "wrong_interface": lambda t: _sub(t, "security-zone trust interfaces ge-0/0/1.0",
                                          "security-zone dmz interfaces ge-0/0/1.0"),
        "shadowing_deny": lambda t: _before_first(
            t, "set security policies from-zone trust to-zone untrust policy",
            "".join("set security policies from-zone trust to-zone untrust policy BLOCK-SIP %s\n" % m
                    for m in ("match source-address any", "match destination-address any",
                              "match application junos-sip", "then deny"))),
    },
    "fortios": {
        "widen": lambda t: _sub(t, 'edit "VOIPREADY-UDP-6000-65535"\n        set udp-portrange 6000-65535',
                                'edit "VOIPREADY-UDP-6000-65535"\n        set udp-portrange 5000-65535'),
        "drop_member": lambda t: re.sub(
            r'(edit "VOIPREADY-G-kore-us-east-sip-tls-tcp-5061"\n\s+set member )"VOIPREADY-H-3\.224\.189\.218" ',
            r"\1", t),
        "wrong_interface": lambda t: t.replace('set srcintf "internal1.110"', 'set srcintf "internal1"')
                                      .replace('set dstintf "internal1.110"', 'set dstintf "internal1"'),
        "shadowing_deny": lambda t: _sub(t, "config firewall policy\n",
                                         'config firewall policy\n    edit 5\n        set name "block-sip"\n'
                                         '        set srcintf "any"\n        set dstintf "any"\n'
                                         '        set srcaddr "all"\n        set dstaddr "all"\n'
                                         '        set schedule "always"\n        set service "SIP"\n'
                                         '    next\n'),
    },
    "panos": {
        "widen": lambda t: _sub(t, "set service VOIPREADY-UDP-6000-65535 protocol udp port 6000-65535",
                                "set service VOIPREADY-UDP-6000-65535 protocol udp port 5000-65535"),
        "drop_member": lambda t: re.sub(
            r"(address-group VOIPREADY-G-kore-us-east-sip-tls-tcp-5061 static \[ )VOIPREADY-H-3\.224\.189\.218 ",
            r"\1", t),
        "wrong_interface": lambda t: _sub(t, "set zone trust network layer3 [ ethernet1/2 ethernet1/2.20 "
                                          "ethernet1/2.110 ]", "set zone trust network layer3 [ ethernet1/2 "
                                          "ethernet1/2.20 ]\nset zone voice network layer3 ethernet1/2.110"),
        "shadowing_deny": lambda t: _before_first(
            t, "set rulebase security rules",
            "set service BLOCK-5060 protocol udp port 5060\n" + "".join(
                "set rulebase security rules BLOCK-SIP %s\n" % m for m in (
                    "from any", "to any", "source any", "destination any", "application any",
                    "service BLOCK-5060", "action deny"))),
    },
    "routeros": {
        "widen": lambda t: _sub(t, "comment=VOIPREADY:kore-us-east-rtp-udp-6000-65535 "
                                "dst-address-list=VOIPREADY-kore-us-east-rtp-udp-6000-65535 dst-port=6000-65535",
                                "comment=VOIPREADY:kore-us-east-rtp-udp-6000-65535 "
                                "dst-address-list=VOIPREADY-kore-us-east-rtp-udp-6000-65535 dst-port=5000-65535"),
        "drop_member": lambda t: _drop_line(t, r"address=3\.224\.189\.218 comment=VOIPREADY "
                                            r"list=VOIPREADY-kore-us-east-sip-tls-tcp-5061$"),
        "wrong_interface": lambda t: _sub(t, "comment=VOIPREADY:jump-out ",
                                          "comment=VOIPREADY:jump-out in-interface=ether1 "),
        "shadowing_deny": lambda t: _before_first(
            t, "/ip firewall filter add action=jump chain=forward comment=VOIPREADY:jump-out",
            "/ip firewall filter add action=drop chain=forward comment=customer dst-port=5060 protocol=udp\n"),
    },
    "vyos": {
        "widen": lambda t: re.sub(r"(name VOIPREADY-OUT-\w+ rule 100 destination port )6000-65535",
                                  r"\g<1>5000-65535", t),
        "drop_member": lambda t: _drop_line(t, r"network-group VOIPREADY-kore-us-east-sip-tls-tcp-5061 "
                                            r"network 3\.224\.189\.218/32"),
        "wrong_interface": lambda t: t + "set firewall ipv4 forward filter rule 1 inbound-interface name 'eth0'\n",
        "shadowing_deny": lambda t: re.sub(r"forward filter rule ([12]) ",
                                           lambda m: "forward filter rule %d " % (int(m.group(1)) + 4), t)
        + "".join("set firewall ipv4 forward filter rule 1 %s\n" % m for m in (
            "action 'drop'", "protocol 'udp'", "destination port '5060'")),
    },
}
# what each mutation must break, in the lines of the failing check
EXPECT = {"widen": "5999", "drop_member": "3.224.189.218", "wrong_interface": None,
          "shadowing_deny": "5060"}


@pytest.mark.parametrize("mutation", sorted(EXPECT))
@pytest.mark.parametrize("platform", PLATFORMS)
def test_flows_mutation_fails_the_check(platform, mutation):
    intent, after = pushed_for(platform, ("kore", "us-east", None))
    assert check(platform, intent, after)["status"] == "compliant"
    mutated = MUTATIONS[platform][mutation](after)
    assert mutated != after
    cell = check(platform, intent, mutated)
    lines = cell["missing"] + cell["extra"]
    assert cell["status"] == "drift", (platform, mutation, cell["reason"])
    if EXPECT[mutation]:
        assert any(EXPECT[mutation] in line for line in lines), lines[:5]


def test_flows_never_samples_the_devices_own_address_as_a_phone():
    """A router whose loopback sits inside the voice network (the lab's emulated IOS has
    Loopback0 192.0.2.254/32 in 192.0.2.0/24): a packet from that address is the router's
    own, it enters no interface, so it is no phone's flow. Sampled as one, it was routed in
    through Loopback0, where no ACL binds, and every denied flow read as admitted."""
    loopback = "interface Loopback0\n ip address 192.0.2.254 255.255.255.255\n!\n"
    scope = ("kore", "us-east", None)
    intent = intent_for("ios", scope)
    running = _before_first(fixture("ios"), "interface GigabitEthernet0/0", loopback)
    after = pushed("ios", intent, running)
    policy = policy_from_running("ios", after)
    assert ipaddress.ip_address("192.0.2.254") in policy.owned()
    samples, _skipped = flows.allowlist_samples(intent["allowlist"], policy,
                                                lambda a: "in", lambda a: "out")
    sources = set(s.flow.src for s in samples) | set(s.flow.dst for s in samples)
    assert ipaddress.ip_address("192.0.2.254") not in sources
    assert ipaddress.ip_address("192.0.2.253") in sources    # the last phone below it
    cell = check("ios", intent, after)
    assert cell["status"] == "compliant", "\n".join([cell["reason"][:400]] + cell["extra"][:5])


def test_flows_wildcard_domains_are_enforced_or_said_why():
    """Each platform enforces the Kore checklist's *.kore.ai / *.twilio.com with what it
    has (FortiOS wildcard FQDN addresses) or says why not, rule by rule, in the rendered
    file, in the words docs/platforms.md uses."""
    with open(os.path.join(HERE, "..", "..", "..", "docs", "platforms.md")) as handle:
        docs = handle.read().split("## Wildcard domains", 1)[1].split("\n## ", 1)[0]
    wild = [r for r in rules_for(("kore", "us-east", None)) if r["wildcard"]]
    assert wild
    for platform in PLATFORMS:
        if platform == "openvswitch":
            continue
        driver = get_driver(platform)
        rendered = driver.render(intent_for(platform, ("kore", "us-east", None)))
        if driver.wildcard_why is None:
            assert 'set fqdn "*.kore.ai"' in rendered and 'set fqdn "*.twilio.com"' in rendered
            assert "| `%s` | **enforced**" % platform in docs
            continue
        for rule in wild:
            found = [text for text in rendered.splitlines() if rule["id"] in text]
            assert found and driver.wildcard_why in found[0], (platform, rule["id"])
        assert "| `%s` | not pushed: %s |" % (platform, driver.wildcard_why) in docs, platform


# -- the models never trace back on what a device may print ---------------------------------------
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_flows_model_reads_cut_and_shuffled_configurations_or_says_why(platform):
    """A converged configuration cut short, or with lines dropped, is read as a policy (and
    evaluated) or refused with VoipReadyError naming the running configuration; never
    another exception, never a traceback in a compliance run."""
    intent, after = pushed_for(platform, ("kore", "us-east", None))
    lines = after.splitlines(True)

    @FUZZ
    @given(st.integers(0, len(after)), st.lists(st.integers(0, len(lines) - 1), max_size=8))
    def run(cut, dropped):
        for text in (after[:cut], "".join(l for i, l in enumerate(lines) if i not in dropped)):
            try:
                policy = policy_from_running(platform, text)
            except VoipReadyError as exc:
                assert exc.field == "running"
                continue
            cell = check(platform, intent, text)
            assert cell["status"] in ("compliant", "drift", "not_applicable")
            assert policy.verdict(flows.Flow("192.0.2.128", "203.0.113.10", "udp", 5060,
                                             ingress="x", egress="y")).action in (
                flows.PERMIT, flows.DENY)
    run()


@pytest.mark.parametrize("platform", PLATFORMS)
def test_flows_model_reads_random_text_or_says_why(platform):
    @FUZZ
    @given(st.text(max_size=400))
    def run(text):
        try:
            policy_from_running(platform, text)
        except VoipReadyError as exc:
            assert exc.field == "running"
    run()
