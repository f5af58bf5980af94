# -*- coding: utf-8 -*-
"""IOS / IOS-XE driver: golden render, device-free idempotency (remediate -> simulate ->
remediate == []), read-back of what the device prints back (port names, aligned ACL
text, classic IOS without sequence numbers, defaults it does not print), the ACL
generation swap, rollback, deleted, and malformed input.

``CiscoContract`` holds the checks the IOS and ASA drivers share; test_asa.py reuses it.
"""
from __future__ import absolute_import, division, print_function

import copy
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.engine import feature_status
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import ios_cli
from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = ("kore-us-east", "cloudoe")


def fixture(platform, name="running.conf"):
    with open(os.path.join(HERE, "fixtures", platform, name)) as handle:
        return handle.read()


def statements(text):
    """Comparable lines of a configuration (whitespace runs squashed, noise dropped)."""
    out = set()
    for line in text.splitlines():
        if line.strip() and not re.match(r"^\s*(!|:|Building|Current configuration|end$|Cryptochecksum)",
                                         line):
            out.add(" ".join(line.split()) if not line.startswith(" ") else
                    " " + " ".join(line.split()))
    return out


def atomic(flows):
    """(direction, proto, dest, ports as a sorted interval tuple) for every destination."""
    spans = {}
    for flow in flows:
        directions = ("outbound", "inbound") if flow["direction"] == "both" else (flow["direction"],)
        for direction in directions:
            for dest in list(flow["addresses"]) + ["fqdn:" + f for f in flow["fqdns"]]:
                spans.setdefault((direction, flow["proto"], dest), set()).update(
                    range(flow["port_min"], flow["port_max"] + 1))
    out = set()
    for key, ports in spans.items():
        out.add(key + (min(ports), max(ports), len(ports)))
    return out


def expected_flows(intent, fqdn_objects):
    """The flows an intent asks for, derived from its rules alone (not from the driver)."""
    cfg = intent["allowlist"]
    flows = []
    for rule in cfg["rules"]:
        addresses = [a for a in rule["addresses"] if fqdn_objects or ":" not in a]
        names = [f for f in rule["fqdns"] if not f.startswith("*.")] if fqdn_objects else []
        if addresses or names:
            flows.append({"direction": rule["direction"], "proto": rule["proto"],
                          "port_min": rule["port_min"], "port_max": rule["port_max"],
                          "addresses": addresses, "fqdns": names})
    for kind, proto, port in (("dns", "udp", 53), ("dns", "tcp", 53), ("ntp", "udp", 123)):
        if cfg["essentials"][kind]:
            flows.append({"direction": "outbound", "proto": proto, "port_min": port,
                          "port_max": port, "addresses": cfg["essentials"][kind], "fqdns": []})
    return atomic(flows)


class SimulatedDevice(object):
    """A transport whose device is the driver's own simulator; ``reject`` makes the device
    refuse the first command containing it (after applying the ones before it)."""

    kind = "netmiko"

    def __init__(self, driver, running, reject=None):
        self.driver, self.running, self.reject = driver, running, reject
        self.pushes, self.saved = [], 0
        self.error_text = ("% Invalid input detected at '^' marker." if driver.platform == "ios"
                           else "ERROR: % Invalid input detected at '^' marker.")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def probe(self):
        self.probes = getattr(self, "probes", 0) + 1
        return "SSH-2.0-Cisco-1.25"

    def send_command(self, command, read_timeout=30):
        if command == "write memory":
            self.saved += 1
            return "Building configuration...\n[OK]"
        return self.running

    def send_config(self, commands, read_timeout=60):
        self.pushes.append(list(commands))
        for index, command in enumerate(commands):
            if self.reject and self.reject in command:
                self.reject = None  # refused once, like a platform that lacks a keyword
                self.running = self.driver.simulate(self.running, commands[:index])
                return "%s\n%s\n" % (command, self.error_text)
        self.running = self.driver.simulate(self.running, commands)
        return ""


class CiscoContract(object):
    """Checks shared by the ios and asa drivers; subclasses set ``platform``."""

    platform = None
    fqdn_objects = False
    not_applicable = ()
    #: lines a delete leaves behind on purpose (the SIP ALG stays off)
    alg_off = set()

    @property
    def driver(self):
        return get_driver(self.platform)

    def intent(self, scenario="kore-us-east"):
        full = intent_for(self.platform, scenario)
        driver = self.driver
        return dict((f, full[f]) for f in full if not driver.not_applicable(f, full))

    def running(self):
        return fixture(self.platform)

    def converge(self, scenario="kore-us-east", running=None):
        driver = self.driver
        intent = self.intent(scenario)
        running = self.running() if running is None else running
        commands = driver.remediate(running, intent)
        return driver, intent, running, commands, driver.simulate(running, commands)

    # -- golden ---------------------------------------------------------------------------
    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_golden(self, scenario):
        rendered = self.driver.render(self.intent(scenario))
        path = os.path.join(HERE, "golden", self.platform, scenario + ".conf")
        if os.environ.get("VOIPREADY_UPDATE_GOLDEN") == "1":
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as handle:
                handle.write(rendered)
        with open(path) as handle:
            assert rendered.splitlines() == handle.read().splitlines()

    def test_render_is_deterministic(self):
        intent = self.intent()
        shuffled = copy.deepcopy(intent)
        shuffled["allowlist"]["rules"].reverse()
        assert self.driver.render(intent) == self.driver.render(validate_intent(shuffled))

    def test_not_applicable_features_have_reasons(self):
        full = intent_for(self.platform, "kore-us-east")
        for feature in self.not_applicable:
            reason = self.driver.not_applicable(feature, full)
            assert reason and len(reason) > 30

    # -- idempotency without a device ----------------------------------------------------
    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_idempotent(self, scenario):
        driver, intent, running, commands, future = self.converge(scenario)
        assert commands
        assert driver.remediate(future, intent) == []
        missing = statements(running) - statements(future) - self.removed_by_delete()
        assert not missing, "unrelated configuration lost: %s" % sorted(missing)[:5]
        status = feature_status(driver, future, intent_for(self.platform, scenario), "merged")
        for feature, report in status.items():
            expected = "not_applicable" if feature in self.not_applicable else "compliant"
            assert report["status"] == expected, (feature, report)

    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_parse_reads_back_the_flows(self, scenario):
        driver, intent, _running, _commands, future = self.converge(scenario)
        parsed = driver.parse(future)
        assert atomic(parsed["allowlist"]["flows"]) == expected_flows(intent, self.fqdn_objects)
        assert parsed["sip_alg"]["enabled"] is False
        assert parsed["timeouts"]["udp_stream"] == intent["timeouts"]["udp_stream"]
        assert parsed["timeouts"]["sip"] == intent["timeouts"]["sip"]
        assert parsed["allowlist"]["voice_networks"] == intent["allowlist"]["voice_networks"]

    def test_check_mode_diff_shows_the_change(self):
        driver, intent, running, _commands, future = self.converge()
        before, after = driver.view(running, intent), driver.view(future, intent)
        assert before != after
        assert "VOIPREADY-INSIDE-1" not in before and "VOIPREADY-INSIDE-1" in after
        assert driver.view(future, intent) == driver.view(driver.simulate(future, []), intent)

    def test_deleted_restores_the_original(self):
        driver, intent, running, _commands, future = self.converge()
        deleted = driver.remediate(future, intent, state="deleted")
        assert deleted
        back = driver.simulate(future, deleted)
        assert driver.remediate(back, intent, state="deleted") == []
        assert statements(back) - statements(running) <= self.left_after_delete(intent)
        assert statements(running) - statements(back) <= self.removed_by_delete()

    def left_after_delete(self, intent):
        return self.alg_off

    def removed_by_delete(self):
        """Lines of the fixture the intent replaces on purpose (and delete leaves replaced)."""
        return set()

    def test_rollback_returns_to_before(self):
        driver, _intent, running, _commands, future = self.converge()
        inverse = driver.rollback(running, future)
        back = driver.simulate(future, inverse)
        assert driver.rollback(running, back) == []
        assert statements(back) == statements(driver.simulate(running, []))

    def test_generation_swap_never_edits_a_bound_acl(self):
        driver, intent, _running, _commands, future = self.converge()
        changed = copy.deepcopy(intent)
        changed["allowlist"]["rules"] = [r for r in changed["allowlist"]["rules"]
                                         if not r["id"].endswith("webrtc-wss-tcp-8443")]
        changed = validate_intent(changed)
        commands = driver.remediate(future, changed)
        text = "\n".join(commands)
        assert "VOIPREADY-INSIDE-2" in text and "VOIPREADY-OUTSIDE-2" in text
        first_bind = min(i for i, c in enumerate(commands) if "VOIPREADY-INSIDE-2 in" in c)
        create = min(i for i, c in enumerate(commands) if "VOIPREADY-INSIDE-2" in c)
        remove = min(i for i, c in enumerate(commands) if self.removes_acl("VOIPREADY-INSIDE-1", c))
        assert create < first_bind < remove
        self.assert_old_acl_untouched(commands, "VOIPREADY-INSIDE-1")
        after = driver.simulate(future, commands)
        assert driver.remediate(after, changed) == []
        assert "VOIPREADY-INSIDE-1" not in after
        assert driver.rollback(future, after) and \
            driver.remediate(driver.simulate(after, driver.rollback(future, after)), intent) == []

    def test_foreign_binding_is_never_replaced(self):
        running = self.with_foreign_binding(self.running())
        with pytest.raises(VoipReadyError) as err:
            self.driver.remediate(running, self.intent())
        assert "CORP-IN" in str(err.value) and "does not own" in str(err.value)

    # -- the whole engine against a simulated device ---------------------------------------
    def run_engine(self, monkeypatch, tmp_path, device, **kwargs):
        from ansible_collections.voipready.network.plugins.module_utils import engine

        monkeypatch.setattr(engine, "make_transport", lambda driver, connection, kind: device)
        request = engine.Request(self.platform, self.intent(), connection={"host": "lab-device"},
                                 lock_dir=str(tmp_path), backup_dir=str(tmp_path / "backups"),
                                 **kwargs)
        return engine.run(request)

    def test_engine_pushes_verifies_and_saves(self, monkeypatch, tmp_path):
        device = SimulatedDevice(self.driver, self.running())
        checked = self.run_engine(monkeypatch, tmp_path, device, check_mode=True)
        assert checked["changed"] and device.pushes == [] and checked["diff"]["before"] != checked["diff"]["after"]
        result = self.run_engine(monkeypatch, tmp_path, device)
        assert result["changed"] and result["commands"] == checked["commands"]
        assert device.saved == 1 and len(device.pushes) == 1 and device.probes == 1
        assert self.run_engine(monkeypatch, tmp_path, device)["changed"] is False

    def test_engine_rolls_back_a_rejected_push(self, monkeypatch, tmp_path):
        before = self.running()
        device = SimulatedDevice(self.driver, before, reject="VOIPREADY-OUTSIDE-1 in")
        with pytest.raises(VoipReadyError) as err:
            self.run_engine(monkeypatch, tmp_path, device)
        assert "rolled back" in str(err.value) and device.error_text in str(err.value)
        assert len(device.pushes) == 2 and device.saved == 0
        assert statements(device.running) == statements(self.driver.simulate(before, []))

    # -- bad input -----------------------------------------------------------------------
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=st.text(max_size=400))
    def test_random_text_never_crashes(self, text):
        driver = self.driver
        driver.parse(text)
        driver.simulate(text, ["interface GigabitEthernet0/1", " no shutdown"])
        try:
            driver.remediate(text, self.intent())
        except VoipReadyError:
            pass

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def test_truncated_config_is_never_compliant(self, data):
        driver, intent, running, _commands, future = self.converge()
        added = [line for line in future.splitlines()
                 if line.strip() and " ".join(line.split()) not in statements(running)
                 and " " + " ".join(line.split()) not in statements(running)]
        start = future.index(added[0])
        end = future.rindex(added[-1]) + len(added[-1])
        cut = data.draw(st.integers(min_value=start, max_value=end - 1))
        try:
            commands = driver.remediate(future[:cut], intent)
        except VoipReadyError:
            return
        assert commands, "truncated at %d but reported compliant" % cut


class TestIos(CiscoContract):
    platform = "ios"
    alg_off = set(["no ip nat service sip udp port 5060", "no ip nat service sip tcp port 5060"])

    def removes_acl(self, name, command):
        return command == "no ip access-list extended " + name

    def assert_old_acl_untouched(self, commands, name):
        headers = [i for i, c in enumerate(commands) if c == "ip access-list extended " + name]
        assert not headers, "the bound ACL %s was edited in place" % name

    def with_foreign_binding(self, running):
        return running.replace(" ip nat inside\n", " ip nat inside\n ip access-group CORP-IN in\n")

    def left_after_delete(self, intent):
        # VLAN definitions, access VLANs and trunks stay: other ports may use them.
        return self.alg_off | set(["vlan 10", " name DATA", "vlan 110", " name VOICE",
                                   " switchport access vlan 10",
                                   " switchport trunk allowed vlan 10,20,99,110"])

    def removed_by_delete(self):
        return set([" switchport access vlan 20", " switchport trunk allowed vlan 20,99"])

    # -- what IOS prints back ---------------------------------------------------------------
    def test_device_printed_forms_read_as_compliant(self):
        """Port keywords, aligned ACL text, object-group entries without ``eq``, a
        ``mls qos trust`` and ACL entries without numbers (classic IOS) all mean the same."""
        driver, intent, _running, _commands, future = self.converge()
        printed = future
        printed = printed.replace(" tcp eq 53\n", " tcp eq domain\n")
        printed = printed.replace(" udp eq 53\n", " udp domain\n")
        printed = printed.replace(" udp eq 123\n", " udp eq ntp\n")
        printed = printed.replace(" udp source eq 123\n", " udp source ntp\n")
        printed = printed.replace(" tcp source eq 443\n", " tcp source eq 443\n")
        printed = printed.replace(" deny ip object-group", " deny   ip object-group")
        printed = printed.replace("encapsulation dot1Q", "encapsulation dot1q")
        classic = re.sub(r"(?m)^ \d+ (permit|deny)", r" \1", printed)
        assert printed != future and classic != printed
        assert driver.remediate(printed, intent) == []
        assert driver.remediate(classic, intent) == []
        assert driver.remediate(driver.simulate(classic, []), intent) == []

    def test_default_values_are_not_printed_by_ios(self):
        driver = self.driver
        intent = validate_intent({"timeouts": {"udp": 60, "udp_stream": 300, "sip": 900}})
        commands = driver.remediate("ip nat translation udp-timeout 600\n", intent)
        assert "ip nat translation udp-timeout 300" not in commands
        assert "no ip nat translation udp-timeout 600" in commands
        after = driver.simulate("ip nat translation udp-timeout 600\n", commands)
        assert "udp-timeout" not in after
        assert driver.remediate(after, intent) == []
        assert driver.parse(after)["timeouts"]["udp_stream"] == 300

    def test_timeouts_and_tcp(self):
        driver = self.driver
        intent = validate_intent({"timeouts": {"udp_stream": 900, "sip": 1200, "tcp_established": 7200}})
        commands = driver.remediate("", intent)
        assert sorted(commands) == ["ip nat translation port-timeout udp 5060 1200",
                                    "ip nat translation tcp-timeout 7200",
                                    "ip nat translation udp-timeout 900"]
        deleted = driver.remediate(driver.simulate("", commands), intent, "deleted")
        assert sorted(deleted) == ["no ip nat translation port-timeout udp 5060 1200",
                                   "no ip nat translation tcp-timeout 7200",
                                   "no ip nat translation udp-timeout 900"]

    def test_sip_alg_alone(self):
        driver = self.driver
        intent = validate_intent({"sip_alg": {"enabled": False}})
        assert driver.remediate("hostname r1\n", intent) == [
            "no ip nat service sip tcp port 5060", "no ip nat service sip udp port 5060"]
        off = driver.simulate("hostname r1\n", driver.remediate("hostname r1\n", intent))
        assert driver.parse(off)["sip_alg"]["enabled"] is False
        assert driver.remediate(off, intent, "deleted") == []  # the ALG stays off

    def test_zone_based_firewall_sip_inspection_is_refused(self):
        running = ("class-map type inspect match-any VOICE-CM\n match protocol sip\n"
                   " match protocol rtsp\n")
        with pytest.raises(VoipReadyError) as err:
            self.driver.remediate(running, validate_intent({"sip_alg": {}}))
        assert "VOICE-CM" in str(err.value)
        assert self.driver.parse(running)["sip_alg"]["enabled"] is True

    def test_legacy_catalyst_gets_mls_qos_trust(self):
        running = fixture("ios", "legacy-catalyst.conf")
        driver = self.driver
        intent = validate_intent({"voice_vlan": {
            "phone_ports": ["Fa0/1", "FastEthernet0/2"], "uplink_ports": ["Gi0/1"],
            "enable_mls_qos": True}})
        commands = driver.remediate(running, intent)
        assert "mls qos" in commands
        assert commands.index("mls qos") < commands.index(" mls qos trust dscp")
        after = driver.simulate(running, commands)
        assert driver.remediate(after, intent) == []
        plan = driver.parse(after)["voice_vlan"]
        assert plan["phone_ports"] == ["FastEthernet0/1", "FastEthernet0/2"]
        assert plan["uplink_ports"] == ["GigabitEthernet0/1"]
        assert plan["trust_dscp"] is True
        # The uplink carried every VLAN: it still does (nothing was restricted).
        assert "switchport trunk allowed" not in "\n".join(commands)

    def test_access_port_uplink_becomes_a_trunk_of_both_vlans(self):
        running = "interface GigabitEthernet1/0/48\n switchport mode access\n switchport access vlan 5\n"
        intent = validate_intent({"voice_vlan": {"uplink_ports": ["GigabitEthernet1/0/48"]}})
        commands = self.driver.remediate(running, intent)
        assert "interface GigabitEthernet1/0/48" in commands
        assert " switchport mode trunk" in commands
        assert " switchport trunk allowed vlan 10,110" in commands
        after = self.driver.simulate(running, commands)
        assert self.driver.remediate(after, intent) == []

    def test_router_subinterfaces(self):
        running = "interface GigabitEthernet0/1\n ip address 192.0.2.1 255.255.255.0\n"
        intent = validate_intent({"voice_vlan": {"subinterfaces": [
            {"parent": "Gi0/1", "vlan": 110, "address": "198.51.100.1/26"}]},
            "allowlist": {"voice_networks": ["198.51.100.0/26"], "rules": [],
                          "inside_interfaces": ["GigabitEthernet0/1.110"]}})
        driver = self.driver
        commands = driver.remediate(running, intent)
        sub = commands.index("interface GigabitEthernet0/1.110")
        assert commands[sub + 1:sub + 3] == [" encapsulation dot1Q 110",
                                             " ip address 198.51.100.1 255.255.255.192"]
        bind = commands.index(" ip access-group VOIPREADY-INSIDE-1 in")
        assert sub < bind
        after = driver.simulate(running, commands)
        assert driver.remediate(after, intent) == []
        assert driver.parse(after)["voice_vlan"]["subinterfaces"] == [
            {"parent": "GigabitEthernet0/1", "vlan": 110, "address": "198.51.100.1/26"}]
        deleted = driver.remediate(after, intent, "deleted")
        assert deleted[-1] == "no interface GigabitEthernet0/1.110"
        assert "GigabitEthernet0/1.110" not in driver.simulate(after, deleted)

    def test_unknown_interface_is_refused(self):
        intent = validate_intent({"voice_vlan": {"phone_ports": ["Gi9/0/9"]}})
        with pytest.raises(VoipReadyError) as err:
            self.driver.remediate(self.running(), intent)
        assert "GigabitEthernet9/0/9" in str(err.value)

    def test_enforce_needs_voice_networks(self):
        intent = self.intent()
        intent["allowlist"]["voice_networks"] = []
        with pytest.raises(VoipReadyError) as err:
            self.driver.remediate(self.running(), validate_intent(intent))
        assert err.value.field == "allowlist.voice_networks"
        intent["allowlist"]["enforce"] = False
        rendered = self.driver.render(validate_intent(intent))
        assert "deny ip" not in rendered and "permit object-group VOIPREADY-SIP-PORTS any" in rendered

    def test_fqdn_objects_are_refused(self):
        intent = self.intent()
        intent["allowlist"]["fqdn_mode"] = "objects"
        with pytest.raises(VoipReadyError) as err:
            self.driver.render(validate_intent(intent))
        assert err.value.field == "allowlist.fqdn_mode"

    def test_inside_acl_leaves_dhcp_and_other_hosts_alone(self):
        rendered = self.driver.render(self.intent())
        inside = rendered.split("ip access-list extended VOIPREADY-INSIDE-1\n")[1].split("ip access-list")[0]
        lines = [l.strip() for l in inside.splitlines() if l.startswith(" ")]
        # DHCP no wider than it needs (issue 17): broadcasts and the voice gateway
        assert lines[:2] == ["10 permit udp any eq 68 host 255.255.255.255 eq 67",
                             "20 permit udp object-group VOIPREADY-VOICE eq 68 "
                             "object-group VOIPREADY-VOICE eq 67"]
        assert not any(re.search(r"permit udp any (eq \d+ )?any eq 67", l) for l in lines)
        assert lines[-2:] == ["150 deny ip object-group VOIPREADY-VOICE any", "160 permit ip any any"]
        assert re.search(r"(?m)^ service-policy output VOIPREADY-QOS$", rendered)

    def test_qos_classes_change_in_place(self):
        driver, intent, _running, _commands, future = self.converge()
        changed = copy.deepcopy(intent)
        changed["qos"]["classes"] = [c for c in changed["qos"]["classes"] if c["name"] == "VOICE-SIP"]
        changed["qos"]["classes"][0]["dscp"] = 26
        changed = validate_intent(changed)
        commands = driver.remediate(future, changed)
        assert "no class VOIPREADY-VOICE-RTP" in " ".join(commands)
        assert "  set dscp af31" in commands
        assert "no class-map match-any VOIPREADY-VOICE-RTP" in commands
        assert "no ip access-list extended VOIPREADY-QOS-VOICE-RTP" in commands
        after = driver.simulate(future, commands)
        assert driver.remediate(after, changed) == []
        assert [(c["name"], c["dscp"]) for c in driver.parse(after)["qos"]["classes"]] == [
            ("VOICE-SIP", 26)]

    def test_foreign_service_policy_is_never_replaced(self):
        running = self.running().replace(" ip nat outside\n", " ip nat outside\n service-policy output WAN-SHAPE\n")
        with pytest.raises(VoipReadyError) as err:
            self.driver.remediate(running, validate_intent({"qos": self.intent()["qos"]}))
        assert "WAN-SHAPE" in str(err.value)

    def test_push_reports_device_errors(self):
        class Transport(object):
            kind = "netmiko"

            def send_config(self, commands):
                return "r1(config)#vlan 110\n         ^\n% Invalid input detected at '^' marker.\n"

        with pytest.raises(VoipReadyError) as err:
            self.driver.push(Transport(), ["vlan 110"])
        assert "Invalid input" in str(err.value)

    def test_push_through_napalm_commits_with_revert(self):
        calls = []

        class Napalm(object):
            kind = "napalm"

            def load_merge(self, text):
                calls.append(("merge", text))

            def commit(self, confirm_timeout=None):
                calls.append(("commit", confirm_timeout))

            def confirm(self):
                calls.append(("confirm",))

        driver = self.driver
        driver.push(Napalm(), ["vlan 110", " name VOICE"], confirm_timeout=120)
        driver.confirm(Napalm())
        assert calls == [("merge", "vlan 110\n name VOICE\n"), ("commit", 120), ("confirm",)]
        assert driver.napalm_driver == "ios" and driver.netmiko_device_type == "cisco_ios"

    def test_interface_abbreviations(self):
        from ansible_collections.voipready.network.plugins.module_utils.platforms.ios import (
            canonical_interface)
        assert canonical_interface("Gi1/0/1") == "GigabitEthernet1/0/1"
        assert canonical_interface("te1/1/1") == "TenGigabitEthernet1/1/1"
        assert canonical_interface("Po10") == "Port-channel10"
        assert canonical_interface("GigabitEthernet0/0.110") == "GigabitEthernet0/0.110"
        # IOS's spelling where netutils' table says otherwise (HundredGigabitEthernet,
        # FiftyGigabitEthernet, POS, VLAN) or nothing (two-gig)
        assert canonical_interface("Hu1/0/49") == "HundredGigE1/0/49"
        assert canonical_interface("fi1/0/1") == "FiveGigabitEthernet1/0/1"
        assert canonical_interface("PO1") == "Port-channel1"
        assert canonical_interface("vlan110") == "Vlan110"
        assert canonical_interface("Tw1/0/1") == "TwoGigabitEthernet1/0/1"
        # abbreviations IOS accepts that the driver's own table missed (the intent was
        # refused as naming an interface the device lacks): netutils' table reads them
        assert canonical_interface("Gig1/0/1") == "GigabitEthernet1/0/1"
        assert canonical_interface("TenGigE1/1/1") == "TenGigabitEthernet1/1/1"
        assert canonical_interface("HundredGigabitEthernet1/0/49") == "HundredGigE1/0/49"
        # only the types the collection configures; nameifs and others stay as given
        for name in ("Loopback0", "Lo0", "Tunnel1", "outside", "dmz2"):
            assert canonical_interface(name) == name


class TestCliHelpers(object):
    """The shared Cisco helpers on their own."""

    def test_port_names(self):
        assert ios_cli.normalize_ports("tcp eq www".split()) == ["tcp", "eq", "80"]
        assert ios_cli.normalize_ports("udp range sip 5061".split()) == ["udp", "range", "5060", "5061"]
        assert ios_cli.normalize_ports("range 2.2.2.2 3.3.3.3".split()) == \
            ["range", "2.2.2.2", "3.3.3.3"]
        assert ios_cli.normalize_ports("tcp eq https".split())[-1] == "443"

    def test_vlan_lists(self):
        assert ios_cli.parse_vlan_list("1-3,10") == set([1, 2, 3, 10])
        assert ios_cli.parse_vlan_list("all") is None
        assert ios_cli.format_vlan_list(set([1, 2, 3, 10, 12, 13])) == "1-3,10,12-13"
        # one list however long (netutils wraps it into command lines), neighbours as a range
        assert ios_cli.format_vlan_list(set(range(1, 200, 2))) == ",".join(
            str(v) for v in range(1, 200, 2))
        assert ios_cli.format_vlan_list(set([7, 8])) == "7-8"
        assert ios_cli.format_vlan_list(None) == "all" and ios_cli.format_vlan_list(set()) == "none"
        with pytest.raises(ValueError):
            ios_cli.parse_vlan_list("5-")

    def test_plan_merges_only_identical_flows(self):
        rule = {"id": "a", "service": "rtp", "proto": "udp", "port_min": 6000, "port_max": 7000,
                "addresses": ["192.0.2.10"], "fqdns": [], "direction": "both"}
        other = dict(rule, id="b", service="webrtc-rtp")
        third = dict(rule, id="c", service="sip", proto="udp", port_min=5060, port_max=5060,
                     addresses=["192.0.2.11"])
        flows, notes = ios_cli.plan_flows({"rules": [rule, other, third]}, fqdn_objects=False)
        assert [f["services"] for f in flows] == [("rtp", "webrtc-rtp"), ("sip",)]
        assert notes == []

    def test_long_names_keep_a_hash(self):
        name = ios_cli.fqdn_object_name("VOIPREADY", "slido-assets-production.s3.eu-west-1.amazonaws.com")
        assert len(name) == 64 and re.match(r"^VOIPREADY-FQDN-slido.*-[0-9a-f]{8}$", name)
