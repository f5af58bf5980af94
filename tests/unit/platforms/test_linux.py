# -*- coding: utf-8 -*-
"""linux driver (nftables + conntrack): golden render, parse of a realistic ruleset
(lab_nat masquerade, a customer's SIP helper, docker tables), device-free idempotency,
deleted/rollback round trips, the on-device revert commands and malformed input."""
from __future__ import absolute_import, division, print_function

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.engine import feature_status
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.platforms import linux
from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = ("kore-us-east", "cloudoe")


def customer():
    with open(os.path.join(HERE, "fixtures", "linux", "customer.running")) as handle:
        return handle.read()


def scoped(scenario):
    intent = intent_for("linux", scenario)
    intent.pop("voice_vlan")
    return intent


def foreign(running):
    """Objects outside the owned table, without handles (for before/after comparison)."""
    out = []
    for obj in linux.parse_state(running)["objects"]:
        kind, body = list(obj.items())[0]
        if kind == "metainfo" or body.get("table") == "voipready" or (
                kind == "table" and body.get("name") == "voipready"):
            continue
        out.append(json.dumps({kind: dict((k, v) for k, v in body.items() if k != "handle")},
                              sort_keys=True))
    return out


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_golden(scenario):
    rendered = get_driver("linux").render(intent_for("linux", scenario))
    path = os.path.join(HERE, "golden", "linux", scenario + ".conf")
    if os.environ.get("VOIPREADY_UPDATE_GOLDEN") == "1":
        with open(path, "w") as handle:
            handle.write(rendered)
    with open(path) as handle:
        assert rendered == handle.read()


def test_parse_customer_ruleset():
    parsed = get_driver("linux").parse(customer())
    assert parsed["sip_alg"]["enabled"] is True
    assert parsed["sip_alg"]["helper_rules"] == [
        'table inet customer_fw chain pre handle 6: udp dport 5060 ct helper set "sip-5060"']
    assert parsed["allowlist"]["present"] is False
    assert parsed["timeouts"]["udp"] == 30 and parsed["timeouts"]["udp_stream"] == 120


def test_voice_vlan_not_applicable():
    reason = get_driver("linux").not_applicable("voice_vlan", intent_for("linux", "cloudoe"))
    assert "802.1Q" in reason


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_idempotent_and_scoped(scenario):
    driver = get_driver("linux")
    intent = scoped(scenario)
    before = customer()
    commands = driver.remediate(before, intent)
    assert commands[0].startswith("nft -f - <<'VOIPREADY_NFT'\ntable inet voipready\n"
                                  "delete table inet voipready\n")
    assert "delete rule inet customer_fw pre handle 6" in commands[0]
    after = driver.simulate(before, commands)
    assert driver.remediate(after, intent) == []
    assert all(s["status"] == "compliant"
               for s in feature_status(driver, after, intent, "merged").values())
    # only the SIP helper rule left the foreign tables; lab_nat and the ftp helper stay
    gone = set(foreign(before)) - set(foreign(after))
    assert len(gone) == 1 and '"ct helper": "sip-5060"' in gone.pop()
    assert set(foreign(after)) < set(foreign(before))
    assert any('"lab_nat"' in o and "masquerade" in o for o in foreign(after))
    view = driver.view(before, intent)
    assert "SIP helper rule: table inet customer_fw chain pre handle 6" in view
    assert "SIP helper rule:" not in driver.view(after, intent)


def test_read_back_normalises_merged_ports_and_dscp_names():
    """nft lists 5060, 5061 back as one range and DSCP by name: still compliant."""
    driver = get_driver("linux")
    intent = scoped("kore-us-east")
    after = driver.simulate(customer(), driver.remediate(customer(), intent))
    data = json.loads(linux.split_sections(after)["nft"])
    for obj in data["nftables"]:
        body = obj.get("rule")
        if not body:
            continue
        for expr in body["expr"]:
            right = expr.get("match", {}).get("right")
            if right == {"range": [5060, 5061]}:
                expr["match"]["right"] = {"set": [5060, 5061]}
            if "mangle" in expr and expr["mangle"]["value"] == "ef":
                expr["mangle"]["value"] = 46
    text = after.replace(linux.split_sections(after)["nft"], json.dumps(data))
    assert driver.remediate(text, intent) == []


def test_drift_in_one_set_replaces_the_table_once():
    driver = get_driver("linux")
    intent = scoped("kore-us-east")
    after = driver.simulate(customer(), driver.remediate(customer(), intent))
    drifted = after.replace('"3.224.189.218"', '"3.224.189.219"', 1)
    status = feature_status(driver, drifted, intent, "merged")
    assert [f for f, s in status.items() if s["status"] == "drift"]
    commands = driver.remediate(drifted, intent)
    assert len([c for c in commands if c.startswith("nft -f -")]) == 1
    assert driver.remediate(driver.simulate(drifted, commands), intent) == []


def test_deleted_returns_the_original_apart_from_the_alg():
    driver = get_driver("linux")
    intent = scoped("kore-us-east")
    before = customer()
    after = driver.simulate(before, driver.remediate(before, intent))
    deleted = driver.simulate(after, driver.remediate(after, intent, "deleted"))
    assert driver.remediate(deleted, intent, "deleted") == []
    state, orig = linux.parse_state(deleted), linux.parse_state(before)
    assert state["table"] is None
    assert state["sysctl"] == {"udp": 30, "udp_stream": 120}
    assert state["files"] == orig["files"] and state["include"] == orig["include"]
    assert foreign(deleted) == foreign(after)        # the SIP helper rule stays removed


def test_rollback_restores_before_state_including_alg_rule_position():
    driver = get_driver("linux")
    intent = scoped("cloudoe")
    before = customer()
    after = driver.simulate(before, driver.remediate(before, intent))
    inverse = driver.rollback(before, after)
    assert inverse == driver.rollback(before, after)          # deterministic
    restored = driver.simulate(after, inverse)
    assert foreign(restored) == foreign(before)
    state = linux.parse_state(restored)
    assert state["table"] is None and state["sysctl"] == {"udp": 30, "udp_stream": 120}
    assert driver.rollback(before, restored) == []


def test_partial_features_keep_the_rest_of_the_table():
    driver = get_driver("linux")
    intent = scoped("kore-us-east")
    after = driver.simulate(customer(), driver.remediate(customer(), intent))
    timeouts = validate_intent({"timeouts": dict(intent["timeouts"], sip=1800)})
    commands = driver.remediate(after, timeouts)
    again = driver.simulate(after, commands)
    assert driver.remediate(again, timeouts) == []
    assert driver.remediate(again, {"allowlist": intent["allowlist"]}) == []
    assert driver.parse(again)["timeouts"]["ct_timeouts"]["sip_v4"]["replied"] == 1800
    assert "3.224.189.218" in driver.parse(again)["timeouts"]["sets"]["tmo_sip_v4"]


def test_enforce_needs_voice_networks():
    intent = validate_intent({"allowlist": {"voice_networks": [], "enforce": True}})
    with pytest.raises(VoipReadyError, match="voice_networks"):
        get_driver("linux").render(intent)


def test_push_arms_revert_then_steps_and_confirm():
    class Fake(object):
        def __init__(self):
            self.sent = []
            self.running = customer()

        def send_command(self, command, read_timeout=30):
            self.sent.append(command)
            if command == linux.GATHER:
                return self.running
            if command.startswith("cd /run/voipready"):
                return "VOIPREADY_CONFIRMED"
            return "VOIPREADY_RC=0"

    driver, fake = get_driver("linux"), Fake()
    commands = driver.remediate(fake.running, scoped("kore-us-east"))
    driver.push(fake, commands, confirm_timeout=30)
    arm = fake.sent[1]
    assert arm.startswith("mkdir -p /run/voipready && cat > /run/voipready/revert.sh <<")
    assert "sleep 30;" in arm and "setsid sh -c" in arm and "nft -j -f -" in arm
    assert fake.sent[2].split("\n")[0] == commands[0].split("\n")[0] + '; echo "VOIPREADY_RC=$?"'
    driver.confirm(fake)
    assert "mv armed confirmed" in fake.sent[-1]


def test_rejected_step_raises():
    class Reject(object):
        def send_command(self, command, read_timeout=30):
            return "Error: syntax error\nVOIPREADY_RC=1"

    with pytest.raises(VoipReadyError, match="rejected"):
        get_driver("linux").push(Reject(), ["sysctl -q -w a=1"], None)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 6), st.text(max_size=200))
def test_truncated_or_random_running_raises_voipready_error(cut, noise):
    driver = get_driver("linux")
    text = customer()
    cut = cut % len(text.rstrip().rpartition("\n")[0])
    for running in (text[:cut], noise, text[:cut] + noise):
        with pytest.raises(VoipReadyError):
            driver.remediate(running, scoped("kore-us-east"))


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["rule", "set", "table", "ct helper", "expr", "match", "family",
                         "table", "chain", "elem", "range", "prefix", "nftables", "right"]),
        inner, max_size=4), max_leaves=20)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(JSONISH)
def test_random_json_never_crashes(value):
    sections = linux.split_sections(customer())
    text = customer().replace(sections["nft"], json.dumps({"nftables": [value]}))
    try:
        get_driver("linux").remediate(text, scoped("kore-us-east"))
    except VoipReadyError:
        pass
