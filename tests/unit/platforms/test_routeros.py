# -*- coding: utf-8 -*-
"""RouterOS driver: golden render, parse, idempotency through simulate(), swap order, bad input."""

import copy
import os

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import routeros
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent

from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden", "routeros")
RUNNING = open(os.path.join(HERE, "fixtures", "routeros", "running.conf")).read()
DRIVER = routeros.Driver()
SIP_LINE = "/ip firewall service-port set sip disabled=no sip-direct-media=yes"
TOUCHED = (routeros.SERVICE_PORT, routeros.DISCOVERY, routeros.CONNTRACK)   # menus we 'set' in


def untouched(text):
    return set(e.line() for e in routeros.read_export(text) if e.path not in TOUCHED)


def foreign_settings(text):
    """Properties of the menus we 'set' that belong to someone else."""
    return dict(((e.path, e.target, k), v) for e in routeros.read_export(text) if e.path in TOUCHED
                for k, v in e.props.items() if k not in ("disabled", "lldp-med-net-policy-vlan")
                and not k.endswith("-timeout"))


def lines(text):
    return set(e.line() for e in routeros.read_export(text))


@pytest.mark.parametrize("scenario", ["kore-us-east", "cloudoe"])
def test_golden(scenario):
    rendered = DRIVER.render(intent_for("routeros", scenario))
    path = os.path.join(GOLDEN, scenario + ".conf")
    if os.environ.get("VOIPREADY_UPDATE_GOLDEN") == "1":
        with open(path, "w") as handle:
            handle.write(rendered)
    with open(path) as handle:
        assert rendered.splitlines() == handle.read().splitlines()


def test_parsed_running_fixture():
    parsed = DRIVER.parse(RUNNING)
    assert parsed["sip_alg"] == {"enabled": True}
    assert parsed["allowlist"]["rules"] == [] and parsed["allowlist"]["voice_networks"] == []
    assert parsed["voice_vlan"]["phone_ports"] == []
    assert parsed["qos"]["classes"] == []
    assert parsed["timeouts"]["udp"] == 30 and parsed["timeouts"]["udp_stream"] == 180


def test_parse_gives_back_the_intent():
    intent = intent_for("routeros", "kore-us-east")
    future = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent))
    parsed = DRIVER.parse(future)
    pushed = [r for r in intent["allowlist"]["rules"] if r["enforceable"]]
    got = dict((r["id"], r) for r in parsed["allowlist"]["rules"])
    assert sorted(got) == sorted(r["id"] for r in pushed)
    for rule in pushed:
        mine = got[rule["id"]]
        assert (mine["proto"], mine["port_min"], mine["port_max"], mine["addresses"], mine["direction"]) == (
            rule["proto"], rule["port_min"], rule["port_max"], rule["addresses"], rule["direction"])
    assert parsed["allowlist"]["voice_networks"] == ["192.0.2.0/24"]
    assert parsed["sip_alg"] == {"enabled": False}
    assert parsed["voice_vlan"]["phone_ports"] == ["ether5", "ether6"]
    assert parsed["voice_vlan"]["uplink_ports"] == ["sfp-sfpplus1"]
    assert parsed["voice_vlan"]["voice_vlan"]["id"] == 110 and parsed["voice_vlan"]["data_vlan"]["id"] == 10
    assert parsed["qos"]["classes"] == intent["qos"]["classes"]
    assert (parsed["timeouts"]["udp"], parsed["timeouts"]["udp_stream"]) == (60, 900)
    assert DRIVER.remediate(future, dict((f, parsed[f]) for f in ("allowlist", "qos")), "replaced") == []


@pytest.mark.parametrize("scenario", ["kore-us-east", "cloudoe"])
def test_idempotent_without_device(scenario):
    intent = intent_for("routeros", scenario)
    commands = DRIVER.remediate(RUNNING, intent)
    assert commands and commands == DRIVER.remediate(RUNNING, intent)
    future = DRIVER.simulate(RUNNING, commands)
    assert DRIVER.remediate(future, intent) == []
    assert untouched(RUNNING) <= untouched(future)
    assert foreign_settings(RUNNING) == foreign_settings(future)
    assert DRIVER.parse(future)["sip_alg"] == {"enabled": False}
    back = DRIVER.simulate(future, DRIVER.remediate(future, intent, "deleted"))
    assert untouched(back) == untouched(RUNNING)
    assert foreign_settings(back) == foreign_settings(RUNNING)
    parsed_back, parsed_before = DRIVER.parse(back), DRIVER.parse(RUNNING)
    assert parsed_back["sip_alg"] == {"enabled": False}
    for feature in ("allowlist", "voice_vlan", "qos", "timeouts"):
        assert parsed_back[feature] == parsed_before[feature]
    assert DRIVER.remediate(back, intent, "deleted") == []


def test_jumps_go_on_top_of_forward_before_fasttrack():
    future = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent_for("routeros", "kore-us-east")))
    forward = [e.props.get("comment") for e in routeros.read_export(future)
               if e.path == routeros.FILTER and e.props.get("chain") == "forward"]
    assert forward[:2] == ["VOIPREADY:jump-out", "VOIPREADY:jump-in"]


def test_bound_ruleset_is_swapped_never_edited():
    intent = intent_for("routeros", "kore-us-east")
    future = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent))
    old = [e.props["jump-target"] for e in routeros.read_export(future)
           if e.props.get("comment") == "VOIPREADY:jump-out"][0]
    changed = copy.deepcopy(intent)
    rule = [r for r in changed["allowlist"]["rules"] if r["id"] == "kore-us-east-sip-udp-5060"][0]
    rule["port_max"] = 5062
    changed = validate_intent(changed)
    commands = DRIVER.remediate(future, changed)
    rebind = [i for i, c in enumerate(commands) if c.startswith(
        "/ip firewall filter set [ find comment=VOIPREADY:jump-out ] jump-target=")]
    new = commands[rebind[0]].rsplit("=", 1)[1]
    build = max(i for i, c in enumerate(commands) if "chain=%s " % new in c)
    drop = commands.index("/ip firewall filter remove [ find chain=%s ]" % old)
    assert build < rebind[0] < drop
    assert DRIVER.remediate(DRIVER.simulate(future, commands), changed) == []


def test_vlan_filtering_off_is_refused():
    running = RUNNING.replace(" vlan-filtering=yes", "")
    with pytest.raises(VoipReadyError, match="vlan-filtering"):
        DRIVER.remediate(running, intent_for("routeros", "kore-us-east"))


def test_router_subinterface():
    intent = validate_intent({"voice_vlan": {"subinterfaces": [
        {"parent": "ether2", "vlan": 110, "address": "192.0.2.1/24"}]}})
    commands = DRIVER.remediate(RUNNING, intent)
    assert commands == [
        "/interface vlan add comment=VOIPREADY:voice-vlan interface=ether2 name=vlan110-VOICE vlan-id=110",
        "/ip address add address=192.0.2.1/24 comment=VOIPREADY:voice-vlan interface=vlan110-VOICE"]
    future = DRIVER.simulate(RUNNING, commands)
    assert DRIVER.remediate(future, intent) == []
    assert DRIVER.parse(future)["voice_vlan"]["subinterfaces"] == intent["voice_vlan"]["subinterfaces"]
    # RouterOS's own read-back names the subnet (network=, derived from address=), as every
    # /export of an address does: still converged (the emulated router showed it)
    device = future.replace("interface=vlan110-VOICE\n", "interface=vlan110-VOICE network=192.0.2.0\n")
    assert device != future and DRIVER.remediate(device, intent) == []


@pytest.mark.parametrize("text,seconds", [("30s", 30), ("1m", 60), ("1m30s", 90), ("1d", 86400),
                                          ("00:10:00", 600)])
def test_durations(text, seconds):
    assert routeros.seconds(text) == seconds
    assert routeros.seconds(routeros.duration(seconds)) == seconds


@pytest.mark.parametrize("bad", [
    "interface bridge add name=bridge1\n",
    '/ip firewall filter add chain=forward comment="unclosed\n',
    "/ip firewall filter add chain=forward action=accept \\\n",
    "/ip firewall filter\nfrobnicate everything\n",
])
def test_malformed_running_raises(bad):
    with pytest.raises(VoipReadyError):
        DRIVER.parse(bad)


COMPLIANT = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent_for("routeros", "kore-us-east")))


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400),
                 st.integers(min_value=0, max_value=len(COMPLIANT)).map(lambda n: COMPLIANT[:n])))
def test_fuzz_never_crashes_never_false_compliant(text):
    intent = intent_for("routeros", "kore-us-east")
    try:
        commands = DRIVER.remediate(text, intent)
    except VoipReadyError:
        return
    if not commands:
        wanted = set(e.line() for e in DRIVER.owned_entries(intent) if e.verb == "add")
        assert wanted <= lines(text)
