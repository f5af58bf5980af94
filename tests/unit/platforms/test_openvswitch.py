# -*- coding: utf-8 -*-
"""openvswitch driver: golden render, parse of a real ovs-vsctl/ovs-ofctl gather, device-free
idempotency, deleted, foreign flows untouched, OpenFlow port-range decomposition and
malformed input."""
from __future__ import absolute_import, division, print_function

import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.engine import feature_status
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.platforms import openvswitch as ovs
from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = ("kore-us-east", "cloudoe")


def switch():
    with open(os.path.join(HERE, "fixtures", "openvswitch", "switch.running")) as handle:
        return handle.read()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_golden(scenario):
    rendered = get_driver("openvswitch").render(intent_for("openvswitch", scenario))
    path = os.path.join(HERE, "golden", "openvswitch", scenario + ".conf")
    if os.environ.get("VOIPREADY_UPDATE_GOLDEN") == "1":
        with open(path, "w") as handle:
            handle.write(rendered)
    with open(path) as handle:
        assert rendered == handle.read()


def test_parse_real_gather():
    parsed = get_driver("openvswitch").parse(switch())
    assert parsed["voice_vlan"]["ports"]["p1"] == {"tag": 10, "trunks": (), "vlan_mode": "access",
                                                   "bridge": "br0"}
    assert parsed["voice_vlan"]["ports"]["uplink0"]["trunks"] == (10,)
    assert parsed["qos"]["flows"] == {"br0": []}          # foreign cookies are not ours


def test_not_applicable_features_say_why():
    driver = get_driver("openvswitch")
    intent = intent_for("openvswitch", "kore-us-east")
    for feature in ("allowlist", "sip_alg", "timeouts"):
        assert "router/firewall" in driver.not_applicable(feature, intent)


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("trust", [True, False])
def test_idempotent(scenario, trust):
    driver = get_driver("openvswitch")
    intent = intent_for("openvswitch", scenario)
    intent["voice_vlan"]["trust_dscp"] = trust
    before = switch()
    commands = driver.remediate(before, intent)
    assert commands[0].startswith("ovs-vsctl -- set port p1 vlan_mode=native-untagged tag=10 "
                                  "trunks=10,110 -- set port p2")
    after = driver.simulate(before, commands)
    assert driver.remediate(after, intent) == []
    assert all(s["status"] in ("compliant", "not_applicable")
               for s in feature_status(driver, after, intent, "merged").values())
    assert " cookie=0x1234," in after and "priority=0 actions=NORMAL" in after
    names = driver.parse(after)["voice_vlan"]["names"]["br0"]
    assert names["voipready-vlan-110"] == "VOICE" and names["voipready-vlan-10"] == "DATA"


def test_trust_flip_deletes_only_our_flows_strictly():
    driver = get_driver("openvswitch")
    intent = intent_for("openvswitch", "kore-us-east")
    intent["voice_vlan"]["trust_dscp"] = False
    after = driver.simulate(switch(), driver.remediate(switch(), intent))
    intent["voice_vlan"]["trust_dscp"] = True
    commands = driver.remediate(after, intent)
    assert len(commands) == 1
    body = commands[0].split("\n")[1:-1]
    assert body and all(line.startswith("delete_strict cookie=0x5601cd/-1,priority=100,")
                        for line in body)


def test_deleted_restores_access_ports_and_removes_flows():
    driver = get_driver("openvswitch")
    intent = intent_for("openvswitch", "kore-us-east")
    after = driver.simulate(switch(), driver.remediate(switch(), intent))
    gone = driver.simulate(after, driver.remediate(after, intent, "deleted"))
    assert driver.remediate(gone, intent, "deleted") == []
    parsed = driver.parse(gone)
    assert parsed["qos"]["flows"] == {"br0": []}
    assert parsed["voice_vlan"]["names"] == {"br0": {}}
    assert " cookie=0x1234," in gone


def test_unknown_port_is_a_clear_error():
    intent = intent_for("openvswitch", "kore-us-east")
    intent["voice_vlan"]["phone_ports"] = ["p9"]
    with pytest.raises(VoipReadyError, match="p9"):
        get_driver("openvswitch").remediate(switch(), intent)


@given(st.integers(min_value=1, max_value=65535), st.integers(min_value=0, max_value=65535))
def test_port_prefixes_cover_the_range_exactly(low, width):
    high = min(65535, low + width)
    pairs = ovs.port_prefixes(low, high)
    covered = set()
    for value, mask in pairs:
        size = (~mask & 0xffff) + 1
        assert value & ~mask & 0xffff == 0
        block = set(range(value, value + size))
        assert not covered & block
        covered |= block
    assert covered == set(range(low, high + 1))
    assert len(pairs) <= 32


def test_flow_key_normalises_ovs_output():
    ours = ovs.flow_key("cookie=0x5601ce,priority=246,udp,dl_vlan=110,tp_dst=6000 "
                        "actions=mod_nw_tos:184,NORMAL")
    dumped = ovs.flow_key(" cookie=0x5601ce, duration=2.1s, table=0, n_packets=3, n_bytes=9, "
                          "priority=246,dl_vlan=110,udp,tp_dst=6000 "
                          "actions=set_field:46->ip_dscp,NORMAL")
    assert ours == dumped


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 6), st.text(max_size=200))
def test_truncated_or_random_running_raises_voipready_error(cut, noise):
    driver = get_driver("openvswitch")
    text = switch()
    cut = cut % len(text.rstrip().rpartition("\n")[0])
    for running in (text[:cut], noise, text.replace('"p1"', noise[:5] or "[", 1)):
        try:
            driver.remediate(running, intent_for("openvswitch", "kore-us-east"))
        except VoipReadyError:
            continue
        assert running == text.replace('"p1"', noise[:5] or "[", 1)


def test_ovsdb_down_names_what_ovs_said():
    """The lab's vr-sw1 once lost ovsdb-server: gather then holds ovs-vsctl's own error, and
    the user must read that, not a JSONDecodeError."""
    err = "ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (No such file or directory)"
    running = "\n".join(["### voipready:port", err, "### voipready:bridge", err, "### voipready:end", ""])
    with pytest.raises(VoipReadyError, match="Open vSwitch did not answer: ovs-vsctl: .*database connection failed"):
        ovs.parse_state(running)
