# -*- coding: utf-8 -*-
"""ASA driver: the shared Cisco contract (golden, idempotency, read-back, swap, rollback,
deleted, malformed input) plus what is ASA's own: FQDN objects, the stateful ACL pair,
SIP inspection in every policy-map, timers printed several to a line, line-numbered
in-place ACL edits, and the features a firewall does not have."""
from __future__ import absolute_import, division, print_function

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
from ansible_collections.voipready.network.plugins.module_utils.platforms import asa
from intents import intent_for
from test_ios import CiscoContract, fixture


class TestAsa(CiscoContract):
    platform = "asa"
    fqdn_objects = True
    not_applicable = ("qos", "voice_vlan")
    alg_off = set()

    def removes_acl(self, name, command):
        return command == "clear configure access-list " + name

    def assert_old_acl_untouched(self, commands, name):
        edits = [c for c in commands if c.startswith("access-list %s " % name)
                 or c.startswith("no access-list %s " % name)]
        assert not edits, "the bound ACL %s was edited in place: %s" % (name, edits)

    def with_foreign_binding(self, running):
        return running.replace("access-group DMZ_IN in interface dmz\n",
                               "access-group DMZ_IN in interface dmz\n"
                               "access-group CORP-IN in interface inside\n")

    def left_after_delete(self, intent):
        # Timers go back to their defaults: the lines change, their meaning is the default.
        return set(["timeout conn 1:00:00 half-closed 0:10:00 udp 0:02:00 sctp 0:02:00 icmp 0:00:02",
                    "timeout sip 0:30:00 sip_media 0:02:00 sip-invite 0:03:00 sip-disconnect 0:02:00"])

    def removed_by_delete(self):
        # SIP inspection stays off after a delete; the timer lines change in place.
        return set([" inspect sip"]) | self.left_after_delete(None)

    # -- what the ASA prints back -----------------------------------------------------------
    def test_device_printed_forms_read_as_compliant(self):
        driver, intent, _running, _commands, future = self.converge()
        printed = future.replace("destination eq 5060", "destination eq sip")
        printed = printed.replace("destination eq 443", "destination eq https")
        printed = printed.replace("destination eq 53", "destination eq domain")
        printed = printed.replace("destination eq 123", "destination eq ntp")
        printed = printed.replace(" fqdn savg-sbc1.kore.ai", " fqdn v4 savg-sbc1.kore.ai")
        printed = printed.replace("extended permit ip any any", "extended permit ip any4 any4")
        printed = printed.replace("network-object 192.0.2.0 255.255.255.0",
                                  "network-object 192.0.2.0 255.255.255.0 ")
        assert printed != future
        assert driver.remediate(printed, intent) == []

    def test_timers_share_lines_and_others_are_kept(self):
        driver, _intent, _running, commands, future = self.converge()
        assert "timeout udp 0:10:00" in commands and "timeout sip 0:15:00" in commands
        lines = [l for l in future.splitlines() if l.startswith("timeout ")]
        assert "timeout conn 1:00:00 half-closed 0:10:00 udp 0:10:00 sctp 0:02:00 icmp 0:00:02" in lines
        assert "timeout sip 0:15:00 sip_media 0:02:00 sip-invite 0:03:00 sip-disconnect 0:02:00" in lines
        assert driver.parse(future)["timeouts"] == {"udp_stream": 600, "sip": 900,
                                                    "tcp_established": 3600}

    def test_timer_minimums(self):
        with pytest.raises(VoipReadyError) as err:
            self.driver.remediate(self.running(), validate_intent(
                {"timeouts": {"udp": 40, "udp_stream": 45, "sip": 600, "keepalive_interval": 30}}))
        assert err.value.field == "timeouts.udp_stream" and "0:01:00" in str(err.value)
        commands = self.driver.remediate(self.running(), validate_intent(
            {"timeouts": {"udp_stream": 600, "sip": 600, "tcp_established": 7200}}))
        assert "timeout conn 2:00:00" in commands

    def test_sip_inspection_off_in_every_policy(self):
        running = self.running() + ("policy-map OUTSIDE-POLICY\n class VOICE\n  inspect sip SIPMAP \n"
                                    "service-policy OUTSIDE-POLICY interface outside\n")
        driver = self.driver
        intent = validate_intent({"sip_alg": {"enabled": False}})
        assert driver.parse(running)["sip_alg"]["inspecting"] == [
            "OUTSIDE-POLICY/VOICE", "global_policy/inspection_default"]
        commands = driver.remediate(running, intent)
        assert commands == ["policy-map OUTSIDE-POLICY", " class VOICE", "  no inspect sip SIPMAP",
                            "policy-map global_policy", " class inspection_default",
                            "  no inspect sip"]
        after = driver.simulate(running, commands)
        assert driver.parse(after)["sip_alg"]["enabled"] is False
        assert "  inspect ftp" in after and driver.remediate(after, intent) == []

    def test_stateful_acl_pair(self):
        rendered = self.driver.render(self.intent())
        assert "extended permit object-group VOIPREADY-SIP-PORTS object-group VOIPREADY-VOICE " \
               "object-group VOIPREADY-SIP-NET" in rendered
        outside = [l for l in rendered.splitlines() if l.startswith("access-list VOIPREADY-OUTSIDE-1 ")]
        assert outside and not any("any any" in l for l in outside), "the outside ACL must keep the default deny"
        assert "-REPLY" not in rendered
        # cloudoe opens nothing inbound: no outside ACL, no binding on the outside.
        cloudoe = self.driver.render(self.intent("cloudoe"))
        assert "VOIPREADY-OUTSIDE" not in cloudoe
        assert "object network VOIPREADY-FQDN-sbc.icvoip.net\n fqdn sbc.icvoip.net" in cloudoe

    def test_nameif_must_exist(self):
        intent = self.intent()
        intent["allowlist"]["inside_interfaces"] = ["GigabitEthernet1/2"]
        with pytest.raises(VoipReadyError) as err:
            self.driver.remediate(self.running(), validate_intent(intent))
        assert "nameif" in str(err.value)

    def test_subinterfaces_make_voice_vlan_applicable(self):
        driver = self.driver
        full = intent_for("asa", "kore-us-east")
        assert "firewall" in driver.not_applicable("voice_vlan", full)
        assert "DSCP" in driver.not_applicable("qos", full)
        intent = validate_intent({"voice_vlan": {"subinterfaces": [
            {"parent": "GigabitEthernet1/2", "vlan": 110, "address": "198.51.100.65/26"}]}})
        assert driver.not_applicable("voice_vlan", intent) is None
        commands = driver.remediate(self.running(), intent)
        assert commands == ["interface GigabitEthernet1/2.110", " ip address 198.51.100.65 255.255.255.192",
                            " nameif voice", " security-level 100", " vlan 110"]
        after = driver.simulate(self.running(), commands)
        assert driver.remediate(after, intent) == []
        assert driver.parse(after)["voice_vlan"]["subinterfaces"] == [
            {"parent": "GigabitEthernet1/2", "vlan": 110, "nameif": "voice",
             "address": "198.51.100.65/26"}]
        assert driver.remediate(after, intent, "deleted") == ["no interface GigabitEthernet1/2.110"]

    def test_no_napalm_and_push_errors(self):
        driver = self.driver
        assert driver.napalm_driver is None and driver.netmiko_device_type == "cisco_asa"

        class Transport(object):
            kind = "netmiko"

            def send_config(self, commands):
                return "br-lab-fw1(config)# no object-group network X\nERROR: object-group (X) is in use\n"

        with pytest.raises(VoipReadyError) as err:
            driver.push(Transport(), ["no object-group network X"])
        assert "is in use" in str(err.value)

    def test_acl_in_place_edit_when_names_collide(self):
        """An owned ACL changed outside voipready is repaired line by line (line N)."""
        driver, intent, _running, _commands, future = self.converge()
        tampered = future.replace(
            "access-list VOIPREADY-INSIDE-1 extended deny ip object-group VOIPREADY-VOICE any\n",
            "access-list VOIPREADY-INSIDE-1 remark added by hand\n")
        commands = driver.remediate(tampered, intent)
        assert any(c.startswith("access-list VOIPREADY-INSIDE-2 ") for c in commands)
        assert driver.remediate(driver.simulate(tampered, commands), intent) == []

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(current=st.lists(st.sampled_from("abcdef"), max_size=7, unique=True),
           target=st.lists(st.sampled_from("abcdefg"), max_size=7, unique=True))
    def test_acl_edit_reaches_the_target(self, current, target):
        current = ["extended permit tcp any any eq %d" % (ord(c)) for c in current]
        target = ["extended permit tcp any any eq %d" % (ord(c)) for c in target]
        running = "".join("access-list X %s\n" % e for e in current)
        commands = asa.acl_edit("X", tuple(current), tuple(target))
        after = asa.AsaSession(asa.cli.parse_tree(running)).apply(commands)
        got = [n.text.split(" ", 2)[2] for n in after.children if n.text.startswith("access-list X ")]
        assert got == target
        assert not any(c.startswith("clear ") for c in commands)

    def test_timeout_line_parsing(self):
        assert asa.timeout_pairs("timeout sip-provisional-media 0:02:00 uauth 0:05:00 absolute") == [
            ("sip-provisional-media", "0:02:00"), ("uauth", "0:05:00 absolute")]
        assert asa.timeout_pairs("timeout igp stale-route 0:01:10") == [("igp stale-route", "0:01:10")]
        assert asa.hms(900) == "0:15:00" and asa.seconds("1:00:00") == 3600

    def test_fixture_reads_as_not_ready(self):
        parsed = self.driver.parse(fixture("asa"))
        assert parsed["sip_alg"]["enabled"] is True
        assert parsed["allowlist"]["flows"] == []
        assert parsed["timeouts"]["udp_stream"] == 120
