# -*- coding: utf-8 -*-
"""VyOS driver: golden render, parse, idempotency through simulate(), swap order, bad input."""

import copy
import os

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import vyos
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent

from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden", "vyos")
RUNNING = open(os.path.join(HERE, "fixtures", "vyos", "running.conf")).read()
DRIVER = vyos.Driver()


def canon(text):
    return set(vyos.config_lines(text))


@pytest.mark.parametrize("scenario", ["kore-us-east", "cloudoe"])
def test_golden(scenario):
    rendered = DRIVER.render(intent_for("vyos", scenario))
    path = os.path.join(GOLDEN, scenario + ".conf")
    if os.environ.get("VOIPREADY_UPDATE_GOLDEN") == "1":
        with open(path, "w") as handle:
            handle.write(rendered)
    with open(path) as handle:
        assert rendered.splitlines() == handle.read().splitlines()


def test_render_15_moves_global_timeouts():
    text = vyos.Driver(vyos_version="1.5").render(intent_for("vyos", "kore-us-east"))
    assert "set firewall global-options timeout udp other 60" in text
    assert "set system conntrack timeout udp" not in text


def test_parsed_running_fixture():
    parsed = DRIVER.parse(RUNNING)
    assert parsed["sip_alg"] == {"enabled": True}
    assert parsed["allowlist"]["rules"] == []
    assert parsed["voice_vlan"]["subinterfaces"] == []      # vif 20 GUEST is not ours
    assert parsed["qos"]["classes"] == []
    assert parsed["timeouts"]["udp"] == 30 and parsed["timeouts"]["udp_stream"] == 180
    assert parsed["timeouts"]["tcp_established"] == 7200


def test_parse_gives_back_the_intent():
    intent = intent_for("vyos", "kore-us-east")
    future = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent))
    parsed = DRIVER.parse(future)
    pushed = [r for r in intent["allowlist"]["rules"] if r["enforceable"]]
    got = dict((r["id"], r) for r in parsed["allowlist"]["rules"])
    assert sorted(got) == sorted(r["id"] for r in pushed)
    for rule in pushed:
        assert (got[rule["id"]]["proto"], got[rule["id"]]["port_min"], got[rule["id"]]["port_max"],
                got[rule["id"]]["addresses"], got[rule["id"]]["direction"]) == (
            rule["proto"], rule["port_min"], rule["port_max"], rule["addresses"], rule["direction"])
    assert parsed["allowlist"]["voice_networks"] == ["192.0.2.0/24"]
    assert parsed["allowlist"]["essentials"] == intent["allowlist"]["essentials"]
    assert parsed["sip_alg"] == {"enabled": False}
    assert parsed["voice_vlan"]["subinterfaces"] == intent["voice_vlan"]["subinterfaces"]
    assert parsed["qos"]["classes"] == intent["qos"]["classes"]
    assert parsed["qos"]["interfaces"] == sorted(intent["qos"]["interfaces"]) == ["eth0", "eth1.110"]
    assert (parsed["timeouts"]["udp"], parsed["timeouts"]["udp_stream"], parsed["timeouts"]["sip"]) == (
        60, 600, 900)
    # rollback input: parse output renders to the same owned lines
    assert DRIVER.remediate(future, parsed, "replaced") == []


@pytest.mark.parametrize("scenario", ["kore-us-east", "cloudoe"])
@pytest.mark.parametrize("version", ["1.4", "1.5"])
def test_idempotent_without_device(scenario, version):
    driver = vyos.Driver(vyos_version=version)
    intent = intent_for("vyos", scenario)
    commands = driver.remediate(RUNNING, intent)
    assert commands and commands == driver.remediate(RUNNING, intent)       # deterministic
    future = driver.simulate(RUNNING, commands)
    assert driver.remediate(future, intent) == []
    unrelated = canon(RUNNING) - set(["system conntrack modules sip"])
    assert unrelated <= canon(future)
    assert "system conntrack modules sip" not in canon(future)
    removed = driver.remediate(future, intent, "deleted")
    back = driver.simulate(future, removed)
    assert canon(back) == unrelated
    assert driver.remediate(back, intent, "deleted") == []


def test_removals_come_before_additions():
    commands = DRIVER.remediate(RUNNING, intent_for("vyos", "kore-us-east"))
    first_set = min(i for i, c in enumerate(commands) if c.startswith("set "))
    assert all(c.startswith("set ") for c in commands[first_set:])
    assert commands[0] == "delete system conntrack modules sip"


def test_bound_ruleset_is_swapped_never_edited():
    intent = intent_for("vyos", "kore-us-east")
    future = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent))
    old_out = [p for p in canon(future) if p.startswith("firewall ipv4 forward filter rule 1 jump-target")]
    changed = copy.deepcopy(intent)
    rule = [r for r in changed["allowlist"]["rules"] if r["id"] == "kore-us-east-sip-udp-5060"][0]
    rule["port_max"] = 5062
    changed = validate_intent(changed)
    commands = DRIVER.remediate(future, changed)
    old_chain = old_out[0].split()[-1]
    new_chain = [c for c in commands if "forward filter rule 1 jump-target" in c][0].split()[-1]
    assert new_chain != old_chain
    build = max(i for i, c in enumerate(commands) if c.startswith("set firewall ipv4 name %s " % new_chain))
    rebind = commands.index("set firewall ipv4 forward filter rule 1 jump-target %s" % new_chain)
    drop = commands.index("delete firewall ipv4 name %s" % old_chain)
    assert build < rebind < drop
    assert not any(c.startswith(("set firewall ipv4 name %s" % old_chain, "delete firewall ipv4 name %s "
                                 % old_chain)) for c in commands)
    assert DRIVER.remediate(DRIVER.simulate(future, commands), changed) == []


def test_address_change_edits_the_group_only():
    intent = intent_for("vyos", "kore-us-east")
    future = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent))
    changed = copy.deepcopy(intent)
    rule = [r for r in changed["allowlist"]["rules"] if r["id"] == "kore-us-east-sip-udp-5060"][0]
    rule["addresses"] = ["3.224.189.218", "3.224.189.219"]
    commands = DRIVER.remediate(future, validate_intent(changed))
    assert commands == [
        "delete firewall group network-group VOIPREADY-kore-us-east-sip-udp-5060 network 35.174.41.205/32",
        "set firewall group network-group VOIPREADY-kore-us-east-sip-udp-5060 network 3.224.189.219/32"]


def test_foreign_rule_number_is_refused():
    running = RUNNING + "set firewall ipv4 forward filter rule 1 action 'drop'\n"
    with pytest.raises(VoipReadyError, match="rule 1"):
        DRIVER.remediate(running, intent_for("vyos", "kore-us-east"))


def test_voice_vlan_without_subinterfaces_is_not_applicable():
    intent = validate_intent({"voice_vlan": {"phone_ports": ["eth3"]}})
    assert "switch" in DRIVER.not_applicable("voice_vlan", intent)
    assert DRIVER.remediate(RUNNING, intent) == []


@pytest.mark.parametrize("bad", [
    "interfaces {\n ethernet eth0 {\n",            # config.boot format, not set commands
    "set system host-name 'unclosed\n",
    "show configuration commands\n",
    "set firewall\n",
])
def test_malformed_running_raises(bad):
    with pytest.raises(VoipReadyError):
        DRIVER.parse(bad)
    with pytest.raises(VoipReadyError):
        DRIVER.remediate(bad, intent_for("vyos", "kore-us-east"))


def test_bad_version_option():
    with pytest.raises(VoipReadyError, match="vyos_version"):
        vyos.Driver(vyos_version="1.3")


COMPLIANT = DRIVER.simulate(RUNNING, DRIVER.remediate(RUNNING, intent_for("vyos", "kore-us-east")))


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400),
                 st.integers(min_value=0, max_value=len(COMPLIANT)).map(lambda n: COMPLIANT[:n])))
def test_fuzz_never_crashes_never_false_compliant(text):
    intent = intent_for("vyos", "kore-us-east")
    try:
        commands = DRIVER.remediate(text, intent)
    except VoipReadyError:
        return
    if not commands:    # compliant only when every owned line really is there
        wanted = set(DRIVER.owned_paths(intent, "1.4"))
        assert wanted <= canon(text)


class FakeVyosSession(object):
    """netmiko's vyos session as far as push() uses it: the set lines' transcript, then the
    answers to commit / exit discard (what the emulated VyOS printed)."""

    def __init__(self, transcript, commit_answer="[edit]\nadmin@vr-vyos1# "):
        self.transcript, self.commit_answer, self.sent = transcript, commit_answer, []

    def send_config_set(self, commands, **kw):
        self.sent.extend(commands)
        return self.transcript

    def send_command_timing(self, line):
        self.sent.append(line)
        return self.commit_answer if line.startswith("commit") else ""

    def exit_config_mode(self):
        self.sent.append("exit")


class FakeTransport(object):
    def __init__(self, session):
        self.session = session


def test_a_refused_set_line_is_named_and_nothing_is_committed():
    """The refusal is early in the transcript and later lines' echo follows it: the error
    names the line in VyOS's words, and the rest is never committed (a partial change)."""
    later = "".join("[edit]\nadmin@vr-vyos1# set firewall group port-group P%d port 5060\n" % i
                    for i in range(20))
    transcript = ("[edit]\nadmin@vr-vyos1# set firewall networks-group VOIPREADY-N network "
                  "192.0.2.0/24\n\n  Configuration path: [firewall networks-group] is not valid"
                  "\n  Set failed\n\n" + later + "[edit]\nadmin@vr-vyos1# ")
    session = FakeVyosSession(transcript)
    with pytest.raises(VoipReadyError) as err:
        DRIVER.push(FakeTransport(session), ["set firewall networks-group VOIPREADY-N network "
                                             "192.0.2.0/24"], confirm_timeout=60)
    assert str(err.value).startswith(
        "VyOS refused the change (Set failed): 'set firewall networks-group VOIPREADY-N network "
        "192.0.2.0/24' -> Configuration path: [firewall networks-group] is not valid")
    assert not any(line.startswith("commit") for line in session.sent)
    assert session.sent[-1] == "exit discard"


def test_a_refused_commit_is_discarded_and_reported_with_its_answer():
    session = FakeVyosSession("[edit]\nadmin@vr-vyos1# set firewall ipv4 name X rule 1 "
                              "source group address-group NOPE\n[edit]\nadmin@vr-vyos1# ",
                              commit_answer="\n[ firewall ]\nAddress group \"NOPE\" does not "
                              "exist\n\n[[firewall]] failed\nCommit failed\n")
    with pytest.raises(VoipReadyError, match=r"(?s)\(Commit failed\): .*Address group \"NOPE\" does not exist"):
        DRIVER.push(FakeTransport(session), ["set firewall ipv4 name X rule 1 source group "
                                             "address-group NOPE"])
    assert session.sent[-2:] == ["commit", "exit discard"]
