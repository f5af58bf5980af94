# -*- coding: utf-8 -*-
"""FortiOS driver: golden render, parse, idempotency through simulate(), swap order, bad input.

``FirewallCases`` holds the checks shared with the PAN-OS driver (test_panos.py
subclasses it): both are zone/interface firewalls rendering the same firewall plan.
"""

import copy
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = ["kore-us-east", "cloudoe"]
#: what parse() says of a customer's device before the first run (ALG on, nothing ours)
NOTHING_OWNED = {
    "sip_alg": {"enabled": True},
    "allowlist": {"name": "VOIPREADY", "rules": [], "voice_networks": [],
                  "essentials": {"dns": [], "ntp": []}, "enforce": False,
                  "fqdn_mode": "objects", "inside_interfaces": [],
                  "outside_interfaces": [], "inside_zone": "trust",
                  "outside_zone": "untrust"},
    "qos": {"trust": True, "classes": [], "interfaces": []},
}


def swapped(intent):
    """The same intent with the SIP/UDP rule replaced by one with another id and port."""
    new = copy.deepcopy(intent)
    rules = new["allowlist"]["rules"]
    old = [r for r in rules if r["id"] == "kore-us-east-sip-udp-5060"][0]
    rule = dict(old, id="kore-us-east-sip-udp-5062", port_min=5062, port_max=5062)
    rules[rules.index(old)] = rule
    return new, old


class FirewallCases(object):
    PLATFORM = None
    #: the part of the fixture's parse that must come back exactly
    EXPECTED = {}
    #: text that identifies the SIP ALG being on in a running config
    ALG_ON = ()

    @property
    def driver(self):
        return get_driver(self.PLATFORM)

    @property
    def running(self):
        with open(os.path.join(HERE, "fixtures", self.PLATFORM, "running.conf")) as handle:
            return handle.read()

    def canon(self, text):
        """What must survive: the set of configuration lines (stripped)."""
        return set(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))

    def policy_commands(self, commands, name):
        """Indexes of the commands that create, move and delete rule/policy ``name``."""
        raise NotImplementedError

    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_golden(self, scenario):
        rendered = self.driver.render(intent_for(self.PLATFORM, scenario))
        path = os.path.join(HERE, "golden", self.PLATFORM, scenario + ".conf")
        if os.environ.get("VOIPREADY_UPDATE_GOLDEN") == "1":
            with open(path, "w") as handle:
                handle.write(rendered)
        with open(path) as handle:
            assert rendered.splitlines() == handle.read().splitlines()

    def test_parsed_fixture(self):
        parsed = self.driver.parse(self.running)
        for feature, expected in self.EXPECTED.items():
            assert parsed[feature] == expected, feature

    @pytest.mark.parametrize("scenario", SCENARIOS)
    def test_idempotent_and_deleted(self, scenario):
        intent, drv, running = intent_for(self.PLATFORM, scenario), self.driver, self.running
        commands = drv.remediate(running, intent)
        assert commands
        future = drv.simulate(running, commands)
        assert drv.remediate(future, intent) == []
        unrelated = set(l for l in self.canon(running) if not any(a in l for a in self.ALG_ON))
        assert unrelated <= self.canon(future)
        parsed = drv.parse(future)
        assert parsed["sip_alg"] == {"enabled": False}
        pushed = sorted(set(c.split("rule=")[1].split()[0] for c in commands if "rule=" in c))
        assert [r["id"] for r in parsed["allowlist"]["rules"]] == pushed
        assert parsed["voice_vlan"]["subinterfaces"] == intent["voice_vlan"]["subinterfaces"]
        assert parsed["timeouts"]["sip"] == intent["timeouts"]["sip"]
        back = drv.simulate(future, drv.remediate(future, intent, "deleted"))
        assert self.canon(back) - self.canon(running) == self.alg_lines(back)
        assert unrelated <= self.canon(back)
        assert drv.parse(back)["sip_alg"] == {"enabled": False}
        assert drv.remediate(back, intent, "deleted") == []

    def alg_lines(self, text):
        return set(l for l in self.canon(text) if l in self.ALG_OFF)

    def test_parse_recovers_rendered_intent(self):
        intent, drv = intent_for(self.PLATFORM, "kore-us-east"), self.driver
        future = drv.simulate(self.running, drv.remediate(self.running, intent))
        again = drv.parse(future)
        # the parsed state, used as an intent, renders the same owned configuration
        assert drv.remediate(future, dict((f, again[f]) for f in intent), "replaced") == []

    # rollback restoring the owned state: test_driver_contract.py::test_rollback_gives_the_original (the whole
    # parse and the text, every feature)

    def test_bound_policy_swap_order(self):
        intent, drv = intent_for(self.PLATFORM, "kore-us-east"), self.driver
        future = drv.simulate(self.running, drv.remediate(self.running, intent))
        new_intent, old = swapped(intent)
        commands = drv.remediate(future, new_intent)
        create, move, delete = self.policy_commands(commands, "kore-us-east-sip-udp-5062",
                                                    "kore-us-east-sip-udp-5060")
        assert create < move < delete
        assert drv.remediate(drv.simulate(future, commands), new_intent) == []

    def test_feature_scoped_remediation(self):
        intent, drv = intent_for(self.PLATFORM, "kore-us-east"), self.driver
        running = self.running
        if intent.get("voice_vlan", {}).get("subinterfaces"):
            # the allowlist binds to the voice VLAN sub-interface: it exists first
            part = {"voice_vlan": intent["voice_vlan"]}
            running = drv.simulate(running, drv.remediate(running, part))
        for feature in intent:
            if drv.not_applicable(feature, intent):
                continue
            part = {feature: intent[feature]}
            commands = drv.remediate(running, part)
            future = drv.simulate(running, commands)
            assert drv.remediate(future, part) == [], feature

    @pytest.mark.parametrize("text", ["config firewall policy\n    edit 1\n",
                                      "set address [ a b\n", "hello world\n", "next\n"])
    def test_malformed_raises(self, text):
        with pytest.raises(VoipReadyError):
            self.driver.parse(text)

    def test_truncated_running_never_traceback(self):
        text = self.running
        for cut in range(0, len(text), max(1, len(text) // 60)):
            self.assert_safe(text[:cut])

    # one method run by two subclasses (fortios, panos): stateless, so safe to share
    @settings(max_examples=150, deadline=None,
              suppress_health_check=[HealthCheck.differing_executors])
    @given(st.text(alphabet=st.sampled_from(list('config edit set next end "[]#\n -=.abc1/')),
                   max_size=300))
    def test_random_text(self, text):
        self.assert_safe(text)

    def assert_safe(self, text):
        """Only VoipReadyError, and never a spurious 'compliant' for the kore intent."""
        intent = intent_for(self.PLATFORM, "kore-us-east")
        try:
            self.driver.parse(text)
            commands = self.driver.remediate(text, intent)
        except VoipReadyError:
            return
        assert commands


class TestFortios(FirewallCases):
    PLATFORM = "fortios"
    ALG_ON = ()
    ALG_OFF = ("set default-voip-alg-mode kernel-helper-based", "set sip-nat-trace disable")
    EXPECTED = dict(NOTHING_OWNED, **{
        "timeouts": {"udp": 60, "udp_stream": 180, "sip": 180, "tcp_established": None,
                     "keepalive_interval": 30},
    })

    def canon(self, text):
        """Stripped lines, without the SIP helper entry 13 that switching the ALG off
        removes (its lines are generic: edit 13 / set name sip / set port 5060)."""
        lines = FirewallCases.canon(self, text)
        return lines - {"edit 13", "set name sip", "set port 5060"}

    def policy_commands(self, commands, new, old):
        text = list(commands)
        create = [i for i, c in enumerate(text) if "rule=%s " % new in c][0]
        new_id = [text[i] for i in range(create, -1, -1) if text[i].startswith("edit ")][0]
        new_id = new_id.split()[1]
        move = [i for i, c in enumerate(text) if c.startswith("move %s " % new_id)][0]
        delete = [i for i, c in enumerate(text) if c.startswith("delete ") and
                  c.split()[1].isdigit()][0]
        return create, move, delete

    def test_sip_alg_procedure(self):
        cmds = self.driver.remediate(self.running, {"sip_alg": {"enabled": False}})
        assert cmds == ["config system settings", "set default-voip-alg-mode kernel-helper-based",
                        "set sip-nat-trace disable", "end", "config system session-helper",
                        "delete 13", "end"]

    def test_voip_profile_is_removed(self):
        running = self.running.replace('set av-profile "default"',
                                       'set av-profile "default"\n        set voip-profile "default"')
        assert self.driver.parse(running)["sip_alg"]["enabled"] is True
        cmds = self.driver.remediate(running, {"sip_alg": {"enabled": False}})
        assert cmds[-4:] == ["config firewall policy", "edit 1", "unset voip-profile", "next"] \
            or "unset voip-profile" in cmds

    def test_voice_vlan_switchports_not_applicable(self):
        intent = intent_for("fortios", "kore-us-east")
        intent["voice_vlan"] = dict(intent["voice_vlan"], subinterfaces=[],
                                    phone_ports=["port5"])
        assert "FortiSwitch" in self.driver.not_applicable("voice_vlan", intent)

    def test_default_deny_reads_back_without_its_action_line(self):
        """FortiOS ``show`` omits default values, and deny is a policy's default action:
        the enforcing policy reads back without ``set action deny`` and is compliant
        (found by the emulated FortiGate, lab/emulators/platforms/fortios.py)."""
        intent, drv = intent_for(self.PLATFORM, "kore-us-east"), self.driver
        future = drv.simulate(self.running, drv.remediate(self.running, intent))
        printed = "\n".join(l for l in future.splitlines() if l.strip() != "set action deny")
        assert "ENFORCE" in printed
        assert drv.remediate(printed + "\n", intent) == []

    def test_push_fails_with_the_fortigate_refusal(self):
        """FortiOS drops a refused line and carries on: only its text tells."""
        refused = ("vr-fgt1 (19000) # set srcaddr \"VOIPREADY-G-X\"\n"
                   "entry not found in datasource\n\n"
                   "value parse error before 'VOIPREADY-G-X'\nCommand fail. Return code -3\n"
                   "vr-fgt1 (19000) # next\n")

        class Fake(object):
            def __init__(self, output):
                self.output = output

            def send_config(self, lines):
                return self.output

        with pytest.raises(VoipReadyError) as err:
            self.driver.push(Fake(refused), ["config firewall policy", "edit 19000"])
        assert "entry not found in datasource" in str(err.value)
        assert "Return code -3" in str(err.value)
        for text in ("command parse error before 'srcaddrs'\nCommand fail. Return code -61\n",
                     "node_check_object fail! for name port9\n"):
            with pytest.raises(VoipReadyError):
                self.driver.push(Fake(text), ["config firewall policy"])
        accepted = "vr-fgt1 (policy) # edit 19000\nvr-fgt1 (19000) # set name \"x\"\n"
        assert self.driver.push(Fake(accepted), ["config firewall policy"]) == accepted

    def test_commit_confirm_equivalent(self):
        sent = []

        class Fake(object):
            def send_config(self, lines):
                sent.append(list(lines))
                return ""

            def send_command(self, line):
                sent.append([line])
                return ""

        self.driver.push(Fake(), ["config system global", "end"], confirm_timeout=300)
        assert sent[0][:3] == ["config system global", "set cfg-save revert",
                               "set cfg-revert-timeout 300"]
        self.driver.confirm(Fake())
        assert ["execute cfg save"] in sent
        # nothing read: the defaults (which FortiOS does not print) are back
        assert sent[-1] == ["config system global", "unset cfg-save",
                            "unset cfg-revert-timeout", "end"]

    def test_confirm_puts_the_devices_own_revert_settings_back(self):
        """The revert timer borrows cfg-save and cfg-revert-timeout; after the confirm they
        are the device's again (found by the emulated FortiGate's Molecule scenario: a
        'set cfg-revert-timeout 120' was left behind)."""
        sent = []
        running = ("config system global\n    set hostname \"fw\"\n    set cfg-save manual\n"
                   "    set cfg-revert-timeout 900\nend\n")

        class Fake(object):
            def send_command(self, line, read_timeout=30):
                sent.append([line])
                return running if line == "show system global" else ""

            def send_config(self, lines):
                sent.append(list(lines))
                return ""

        driver = get_driver(self.PLATFORM)
        driver.gather(Fake())
        driver.push(Fake(), ["config firewall policy", "end"], confirm_timeout=120)
        driver.gather(Fake())  # the read-back must not overwrite what the device had
        driver.confirm(Fake())
        assert sent[-1] == ["config system global", "set cfg-save manual",
                            "set cfg-revert-timeout 900", "end"]
