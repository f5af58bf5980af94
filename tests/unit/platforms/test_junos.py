# -*- coding: utf-8 -*-
"""Junos driver: golden render, parse of a realistic SRX/EX running config, device-free
idempotency (remediate -> simulate -> remediate == []), the bound-filter generation swap
and malformed input.

``Contract`` holds the checks every CLI driver of this author shares; test_eos.py reuses
it with its own fixture and expectations.
"""
from __future__ import absolute_import, division, print_function

import copy
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.engine import feature_status
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = ("kore-us-east", "cloudoe")


class Contract(object):
    """Checks shared by the junos and eos drivers; subclasses set ``platform``."""

    platform = None
    #: features that must read back "not applicable" on this platform's test intent
    not_applicable = ()

    @property
    def driver(self):
        return get_driver(self.platform)

    def running(self):
        with open(os.path.join(HERE, "fixtures", self.platform, "running.conf")) as handle:
            return handle.read()

    def statements(self, text):
        """Comparable statements of a configuration text (subclasses refine)."""
        return set(line.rstrip() for line in text.splitlines() if line.strip())

    def alg_off_statements(self):
        return set()

    # -- golden ---------------------------------------------------------------------------
    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_golden(self, scenario):
        rendered = self.driver.render(intent_for(self.platform, scenario))
        path = os.path.join(HERE, "golden", self.platform, scenario + ".conf")
        if os.environ.get("VOIPREADY_UPDATE_GOLDEN") == "1":
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as handle:
                handle.write(rendered)
        with open(path) as handle:
            assert rendered.splitlines() == handle.read().splitlines()

    def test_render_is_deterministic(self):
        intent = intent_for(self.platform, "kore-us-east")
        shuffled = copy.deepcopy(intent)
        shuffled["allowlist"]["rules"].reverse()
        assert self.driver.render(intent) == self.driver.render(validate_intent(shuffled))

    # -- idempotency without a device ----------------------------------------------------
    def converge(self, scenario):
        intent = intent_for(self.platform, scenario)
        running = self.running()
        commands = self.driver.remediate(running, intent)
        return intent, running, commands, self.driver.simulate(running, commands)

    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_idempotent(self, scenario):
        intent, running, commands, future = self.converge(scenario)
        assert commands
        assert self.driver.remediate(future, intent) == []
        missing = self.statements(running) - self.statements(future)
        assert not missing, "unrelated configuration lost: %s" % sorted(missing)[:5]
        status = feature_status(self.driver, future, intent, "merged")
        for feature, report in status.items():
            expected = "not_applicable" if feature in self.not_applicable else "compliant"
            assert report["status"] == expected, (feature, report)

    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_parse_reads_back_the_intent(self, scenario):
        intent, _running, _commands, future = self.converge(scenario)
        parsed = self.driver.parse(future)
        pushed = set(r["id"] for r in self.pushed_rules(intent))
        assert set(r["id"] for r in parsed["allowlist"]["rules"]) == pushed
        for rule in parsed["allowlist"]["rules"]:
            want = [r for r in intent["allowlist"]["rules"] if r["id"] == rule["id"]][0]
            for key in ("proto", "port_min", "port_max", "direction"):
                assert rule[key] == want[key], (rule["id"], key)
            assert rule["addresses"] == want["addresses"] or rule["fqdns"]
        if "sip_alg" not in self.not_applicable:
            assert parsed["sip_alg"]["enabled"] is False
        assert parsed["voice_vlan"]["phone_ports"] == intent["voice_vlan"]["phone_ports"]
        assert [(c["name"], c["dscp"]) for c in parsed["qos"]["classes"]] == \
            [(c["name"], c["dscp"]) for c in intent["qos"]["classes"]]
        validate_intent(dict((f, parsed[f]) for f in ("sip_alg", "qos") if f in parsed))

    def pushed_rules(self, intent):
        """The rules this platform can push for the intent (subclasses narrow)."""
        return [r for r in intent["allowlist"]["rules"] if r["enforceable"]]

    def test_deleted_restores_the_original(self):
        intent, running, _commands, future = self.converge("kore-us-east")
        deleted = self.driver.remediate(future, intent, state="deleted")
        assert deleted
        back = self.driver.simulate(future, deleted)
        assert self.statements(back) == self.statements(running) | self.alg_off_statements()
        assert self.driver.remediate(back, intent, state="deleted") == []

    # rollback back to the starting configuration: test_driver_contract.py::test_rollback_gives_the_original,
    # for every platform and feature

    # -- bad input -----------------------------------------------------------------------
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=st.text(max_size=400))
    def test_random_text_never_crashes(self, text):
        try:
            self.driver.parse(text)
            self.driver.remediate(text, intent_for(self.platform, "kore-us-east"))
        except VoipReadyError:
            pass

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def test_truncated_config_is_never_compliant(self, data):
        intent, running, _commands, future = self.converge("kore-us-east")
        added = [line for line in future.splitlines() if line.strip()
                 and line not in running.splitlines()]
        start = future.index(added[0])
        end = future.rindex(added[-1]) + len(added[-1])
        cut = data.draw(st.integers(min_value=start, max_value=end - 1))
        try:
            commands = self.driver.remediate(future[:cut], intent)
        except VoipReadyError:
            return
        assert commands, "truncated at %d but reported compliant" % cut


class TestJunos(Contract):
    platform = "junos"

    def statements(self, text):
        from ansible_collections.voipready.network.plugins.module_utils.platforms.junos import (
            set_lines)
        return set(set_lines(text))

    def alg_off_statements(self):
        return {"security alg sip disable"}

    def test_parsed_fixture(self):
        parsed = self.driver.parse(self.running())
        assert parsed["allowlist"]["rules"] == []
        assert parsed["sip_alg"] == {"enabled": True}
        assert parsed["voice_vlan"]["phone_ports"] == []
        assert parsed["qos"]["classes"] == []

    def test_parsed_owned_configuration(self):
        running = self.running() + "\n".join([
            "set security address-book global address VOIPREADY-3.224.189.218 3.224.189.218/32",
            "set security address-book global address VOIPREADY-sbc.example.net dns-name sbc.example.net",
            "set security address-book global address-set VOIPREADY-p-sip-udp-5060 address VOIPREADY-3.224.189.218",
            "set security address-book global address-set VOIPREADY-p-sip-udp-5060 address VOIPREADY-sbc.example.net",
            "set applications application VOIPREADY-p-sip-udp-5060 protocol udp",
            "set applications application VOIPREADY-p-sip-udp-5060 destination-port sip",
            "set applications application VOIPREADY-p-sip-udp-5060 inactivity-timeout 900",
            "set security policies from-zone trust to-zone untrust policy VOIPREADY-p-sip-udp-5060-OUT match source-address any",
            "set security policies from-zone trust to-zone untrust policy VOIPREADY-p-sip-udp-5060-OUT match destination-address VOIPREADY-p-sip-udp-5060",
            "set security policies from-zone trust to-zone untrust policy VOIPREADY-p-sip-udp-5060-OUT match application VOIPREADY-p-sip-udp-5060",
            "set security policies from-zone trust to-zone untrust policy VOIPREADY-p-sip-udp-5060-OUT then permit",
            "set security alg sip disable",
            "set vlans VOICE vlan-id 110",
            "set switch-options voip interface ge-0/0/10.0 vlan VOICE",
            "set class-of-service interfaces ge-0/0/10 unit 0 classifiers dscp default",
        ])
        parsed = self.driver.parse(running)
        assert parsed["allowlist"]["rules"] == [{
            "id": "p-sip-udp-5060", "service": None, "proto": "udp", "port_min": 5060,
            "port_max": 5060, "addresses": ["3.224.189.218"], "fqdns": ["sbc.example.net"],
            "direction": "outbound", "enforceable": True}]
        assert parsed["sip_alg"] == {"enabled": False}
        assert parsed["timeouts"]["sip"] == 900
        assert parsed["voice_vlan"]["voice_vlan"] == {"id": 110, "name": "VOICE"}
        assert parsed["voice_vlan"]["data_vlan"] == {"id": 10, "name": "DATA"}
        assert parsed["voice_vlan"]["phone_ports"] == ["ge-0/0/10"]
        assert parsed["voice_vlan"]["trust_dscp"] is True

    def test_policies_lead_their_zone_pair(self):
        _intent, _running, commands, future = self.converge("kore-us-east")
        assert any(c.startswith("insert security policies") and c.endswith("before policy allow-web")
                   for c in commands)
        order = [l.split()[8] for l in self.driver.simulate(future, []).splitlines()
                 if l.startswith("set security policies from-zone trust to-zone untrust")]
        names = list(dict.fromkeys(order))
        assert names.index("VOIPREADY-ENFORCE-OUT") < names.index("allow-web")

    def test_bound_qos_filter_is_swapped_not_rebuilt(self):
        intent, _running, _commands, future = self.converge("kore-us-east")
        changed = copy.deepcopy(intent)
        changed["qos"]["classes"][0]["matches"][0]["port_min"] = 10000
        commands = self.driver.remediate(future, validate_intent(changed))
        create = [i for i, c in enumerate(commands)
                  if c.startswith("set firewall family inet filter VOIPREADY-QOS-G2 ")]
        rebind = commands.index("set interfaces ge-0/0/0 unit 0 family inet filter input "
                                "VOIPREADY-QOS-G2")
        drop = commands.index("delete firewall family inet filter VOIPREADY-QOS-G1")
        assert create and max(create) < rebind < drop
        assert not any(c.startswith("delete firewall family inet filter VOIPREADY-QOS-G1 ")
                       for c in commands)
        after = self.driver.simulate(future, commands)
        assert self.driver.remediate(after, validate_intent(changed)) == []

    def test_changed_rule_edits_policy_objects_in_place(self):
        intent, _running, _commands, future = self.converge("kore-us-east")
        changed = copy.deepcopy(intent)
        rule = [r for r in changed["allowlist"]["rules"] if r["id"].endswith("sip-udp-5060")][0]
        rule["addresses"] = ["3.224.189.218"]
        commands = self.driver.remediate(future, validate_intent(changed))
        assert commands == [
            "delete security address-book global address-set "
            "VOIPREADY-kore-us-east-sip-udp-5060 address VOIPREADY-35.174.41.205"]

    def test_foreign_filter_on_qos_interface_is_refused(self):
        running = self.running() + "set interfaces ge-0/0/0 unit 0 family inet filter input WAN-IN\n"
        with pytest.raises(VoipReadyError, match="qos.interfaces"):
            self.driver.remediate(running, intent_for("junos", "kore-us-east"))

    def test_ex_switch_reports_security_features_not_applicable(self):
        intent = intent_for("junos", "kore-us-east")
        intent["allowlist"]["inside_interfaces"] = []
        intent["allowlist"]["outside_interfaces"] = []
        for feature in ("allowlist", "sip_alg", "timeouts"):
            assert "EX" in self.driver.not_applicable(feature, intent)
        assert self.driver.not_applicable("voice_vlan", intent) is None

    @pytest.mark.parametrize("text", [
        "set security policies from-zone trust to-zone untrust policy VOIPREADY-x match colour red",
        "set applications application VOIPREADY-x destination-port 6000-6",
        "interfaces { ge-0/0/0 { unit 0 {",
        "hostname srx1\ninterface ge-0/0/0",
    ])
    def test_malformed_running_raises(self, text):
        with pytest.raises(VoipReadyError):
            self.driver.remediate(text, intent_for("junos", "kore-us-east"))

    def test_push_uses_private_candidate_and_commit_confirmed(self):
        calls = []

        class Session(object):
            def send_config_set(self, commands, **kw):
                calls.append(("config", list(commands), kw))
                return ""

            def commit(self, **kw):
                calls.append(("commit", kw))
                return "commit complete"

        class Transport(object):
            kind = "netmiko"
            session = Session()

        self.driver.push(Transport(), ["set security alg sip disable"], confirm_timeout=120)
        assert calls[0][2]["config_mode_command"] == "configure private"
        assert calls[1][1]["confirm"] is True and calls[1][1]["confirm_delay"] == 2
        self.driver.confirm(Transport())
        assert calls[2][0] == "commit" and not calls[2][1].get("confirm")

    def test_a_refused_line_is_named_with_the_devices_words_and_nothing_is_committed(self):
        """The refusal is early in the transcript; later lines' echo follows it (what the
        emulated SRX printed for a misspelt keyword), so the tail alone would not say it."""
        calls = []
        later = "".join("[edit]\nadmin@srx1# set security alg sip disable%d\n" % i for i in range(20))
        transcript = ("admin@srx1> configure private\nwarning: uncommitted changes will be "
                      "discarded on exit\nEntering configuration mode\n\n[edit]\n"
                      "admin@srx1# set security adress-book global address A 192.0.2.1/32\n"
                      "                      ^\nsyntax error.\n\n" + later + "[edit]\nadmin@srx1# ")

        class Session(object):
            def send_config_set(self, commands, **kw):
                return transcript

            def commit(self, **kw):
                calls.append("commit")
                return "commit complete"

            def exit_config_mode(self):
                calls.append("exit")

        class Transport(object):
            kind = "netmiko"
            session = Session()

        with pytest.raises(VoipReadyError) as err:
            self.driver.push(Transport(), ["set security adress-book global address A "
                                           "192.0.2.1/32"], confirm_timeout=120)
        assert str(err.value).startswith(
            "junos rejected a statement: 'set security adress-book global address A "
            "192.0.2.1/32' -> syntax error.")
        assert calls == ["exit"]
