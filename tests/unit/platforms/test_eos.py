# -*- coding: utf-8 -*-
"""Arista EOS driver: the shared Contract (golden, idempotency, deleted, rollback, fuzz)
plus EOS specifics: ACL generation swap on bound ACLs, port-name normalisation,
not-applicable SIP ALG and timeouts, configure-session push."""
from __future__ import absolute_import, division, print_function

import copy

import pytest

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
from ansible_collections.voipready.network.plugins.module_utils.platforms.eos import tree
from intents import intent_for
from test_junos import Contract


class TestEos(Contract):
    platform = "eos"
    not_applicable = ("sip_alg", "timeouts")

    def statements(self, text):
        """Every configuration line with its section path (indentation-independent)."""
        return set(tuple(child.path()) for child in tree(text).all_children_sorted())

    def pushed_rules(self, intent):
        return [r for r in intent["allowlist"]["rules"] if r["enforceable"] and r["addresses"]]

    def test_parsed_fixture(self):
        parsed = self.driver.parse(self.running())
        assert parsed["allowlist"]["rules"] == []
        assert parsed["allowlist"]["inside_interfaces"] == []
        assert parsed["voice_vlan"]["phone_ports"] == []
        assert parsed["qos"]["classes"] == []
        assert "sip_alg" not in parsed

    def test_parsed_owned_configuration_normalises_what_eos_prints(self):
        running = self.running().replace(
            "   ip address 10.17.0.1/24\n", "   ip address 10.17.0.1/24\n"
            "   ip access-group VOIPREADY-INSIDE-G3 in\n").replace(
            "interface Ethernet10\n   description phone desk 1\n", "")
        running = running.replace("end\n", "") + "\n".join([
            "interface Ethernet10",
            "   switchport trunk native vlan 10",
            "   switchport phone vlan 110",
            "   switchport phone trunk tagged",
            "   switchport mode trunk phone",
            "   qos trust dscp",
            "vlan 110",
            "   name VOICE",
            "ip access-list VOIPREADY-INSIDE-G3",
            "   10 remark voipready p-sip-udp-5060",
            "   20 permit udp 192.0.2.0 0.0.0.255 host 3.224.189.218 eq sip",
            "   30 permit udp 192.0.2.0/24 eq sip 3.224.189.0/24",
            "   40 remark voipready p-rtp-udp-10000-20000",
            "   50 permit udp 192.0.2.0/24 host 44.215.230.111 range 10000 20000",
            "   60 remark voipready enforce",
            "   70 deny ip 192.0.2.0/24 any",
            "   80 permit ip any any",
            "ip access-list VOIPREADY-INSIDE-G2",
            "   10 permit ip any any",
            "end",
        ]) + "\n"
        parsed = self.driver.parse(running)
        assert parsed["allowlist"]["rules"] == [
            {"id": "p-rtp-udp-10000-20000", "service": None, "proto": "udp", "port_min": 10000,
             "port_max": 20000, "addresses": ["44.215.230.111"], "fqdns": [],
             "direction": "outbound", "enforceable": True},
            {"id": "p-sip-udp-5060", "service": None, "proto": "udp", "port_min": 5060,
             "port_max": 5060, "addresses": ["3.224.189.0/24", "3.224.189.218"], "fqdns": [],
             "direction": "outbound", "enforceable": True}]
        assert parsed["allowlist"]["voice_networks"] == ["192.0.2.0/24"]
        assert parsed["allowlist"]["enforce"] is True
        assert parsed["allowlist"]["inside_interfaces"] == ["Ethernet2"]
        assert parsed["voice_vlan"]["voice_vlan"] == {"id": 110, "name": "VOICE"}
        assert parsed["voice_vlan"]["data_vlan"] == {"id": 10, "name": "DATA"}
        assert parsed["voice_vlan"]["phone_ports"] == ["Ethernet10"]
        assert parsed["voice_vlan"]["trust_dscp"] is True

    def test_bound_acl_is_swapped_not_rebuilt(self):
        intent, _running, _commands, future = self.converge("kore-us-east")
        changed = copy.deepcopy(intent)
        rule = [r for r in changed["allowlist"]["rules"] if r["id"].endswith("sip-udp-5060")][0]
        rule["addresses"] = ["3.224.189.218"]
        changed = validate_intent(changed)
        commands = self.driver.remediate(future, changed)
        create = commands.index("ip access-list VOIPREADY-INSIDE-G2")
        rebind = commands.index("   ip access-group VOIPREADY-INSIDE-G2 in")
        drop = commands.index("no ip access-list VOIPREADY-INSIDE-G1")
        assert commands[rebind - 1] == "interface Ethernet2"
        assert create < rebind < drop
        assert not any(c.startswith("no ip access-group") for c in commands)
        assert not any(c == "ip access-list VOIPREADY-INSIDE-G1" for c in commands)
        after = self.driver.simulate(future, commands)
        assert self.driver.remediate(after, changed) == []
        assert "ip access-list VOIPREADY-INSIDE-G1" not in after

    def test_qos_acl_edits_by_sequence(self):
        intent, _running, _commands, future = self.converge("kore-us-east")
        changed = copy.deepcopy(intent)
        changed["qos"]["classes"][0]["matches"][0]["addresses"] = ["44.215.230.111"]
        changed = validate_intent(changed)
        commands = self.driver.remediate(future, changed)
        assert commands == ["ip access-list VOIPREADY-QOS-VOICE-RTP", "   no 30", "   no 40"]
        assert self.driver.remediate(self.driver.simulate(future, commands), changed) == []

    def test_foreign_acl_on_inside_interface_is_refused(self):
        intent = intent_for("eos", "kore-us-east")
        intent["allowlist"]["inside_interfaces"] = ["Ethernet3"]
        with pytest.raises(VoipReadyError, match="PRINTERS-IN"):
            self.driver.remediate(self.running(), intent)

    def test_sip_alg_and_timeouts_not_applicable(self):
        intent = intent_for("eos", "kore-us-east")
        assert "no SIP ALG" in self.driver.not_applicable("sip_alg", intent)
        assert "NAT" in self.driver.not_applicable("timeouts", intent)
        assert "not applicable" in self.driver.render(intent)

    @pytest.mark.parametrize("line", [
        "   10 permit udp 192.0.2.0/24 host",
        "   10 permit udp 192.0.2.0/24 host 1.2.3.4 eq",
        "   10 permit udp 192.0.2.0/24 host 1.2.3.4 range 20 10",
        "   10 permit udp 192.0.2.0/33 any",
        "   10 permit udp any any eq 70000",
    ])
    def test_malformed_owned_acl_raises(self, line):
        running = self.running() + "ip access-list VOIPREADY-INSIDE-G1\n" + line + "\n"
        with pytest.raises(VoipReadyError, match="eos: could not read"):
            self.driver.remediate(running, intent_for("eos", "kore-us-east"))

    def test_push_uses_a_config_session_with_commit_timer(self):
        calls = []

        class Session(object):
            def send_config_set(self, commands, **kw):
                calls.append((list(commands), kw))
                return ""

            def send_command(self, command):
                calls.append(command)
                return ""

        class Transport(object):
            kind = "netmiko"
            session = Session()

            def send_command(self, command):
                calls.append(command)
                return ""

        driver = self.driver
        driver.push(Transport(), ["vlan 110", "   name VOICE"], confirm_timeout=300)
        assert calls[0][1]["config_mode_command"].startswith("configure session voipready-")
        assert calls[0][0][-1] == "commit timer 00:05:00"
        driver.confirm(Transport())
        assert calls[1].endswith(" commit") and calls[1].startswith("configure session voipready-")
        driver.save(Transport())
        assert calls[2] == "write memory"
