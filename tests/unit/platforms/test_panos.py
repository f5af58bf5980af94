# -*- coding: utf-8 -*-
"""PAN-OS driver: the shared firewall checks (test_fortios.FirewallCases) on set lines,
plus the set-line model's member-list semantics and the PAN-OS specifics."""

import pytest

import test_fortios as base

from ansible_collections.voipready.network.plugins.module_utils.platforms import setstyle
from ansible_collections.voipready.network.plugins.module_utils.platforms.panos import load

from intents import intent_for


class TestPanos(base.FirewallCases):
    PLATFORM = "panos"
    ALG_ON = ()
    ALG_OFF = ("set shared alg-override application sip alg-disabled yes",)
    EXPECTED = dict(base.NOTHING_OWNED, **{
        "timeouts": {"udp": 30, "udp_stream": 30, "sip": 30, "tcp_established": None,
                     "keepalive_interval": 30},
    })

    def canon(self, text):
        """Leaves, one per list member: appending to a member list keeps every old leaf."""
        return set(" ".join(k + (v,)) for k, v in load(text).atoms())

    def alg_lines(self, text):
        return set(l for l in self.canon(text) if l.startswith("shared alg-override"))

    def policy_commands(self, commands, new, old):
        rule = "rulebase security rules VOIPREADY-%s-OUT" % new
        create = [i for i, c in enumerate(commands) if c.startswith("set " + rule)][0]
        move = [i for i, c in enumerate(commands) if c.startswith("move " + rule)][0]
        delete = commands.index("delete rulebase security rules VOIPREADY-%s-OUT" % old)
        return create, move, delete

    def test_sip_alg_override(self):
        cmds = self.driver.remediate(self.running, {"sip_alg": {"enabled": False}})
        assert cmds == ["set shared alg-override application sip alg-disabled yes"]

    def test_member_removed_with_delete(self):
        intent = intent_for("panos", "kore-us-east")
        future = self.driver.simulate(self.running, self.driver.remediate(self.running, intent))
        intent["allowlist"]["voice_networks"] = ["192.0.2.0/25"]
        cmds = self.driver.remediate(future, intent)
        assert "delete address-group VOIPREADY-G-VOICE static VOIPREADY-N-192.0.2.0_24" in cmds
        assert "set address-group VOIPREADY-G-VOICE static VOIPREADY-N-192.0.2.0_25" in cmds
        assert cmds.index("delete address VOIPREADY-N-192.0.2.0_24") > cmds.index(
            "set address VOIPREADY-N-192.0.2.0_25 ip-netmask 192.0.2.0/25")

    def test_qos_needs_allowlist(self):
        intent = intent_for("panos", "kore-us-east")
        assert self.driver.not_applicable("qos", {"qos": intent["qos"]})
        assert "qos marking ip-dscp ef" in self.driver.render(intent)

    def test_commit_and_revert_on_failure(self):
        sent = []

        class Fake(object):
            session = None

            def send_config(self, lines):
                sent.append(list(lines))
                if lines == ["commit"]:
                    raise RuntimeError("commit failed")
                return ""

        with pytest.raises(RuntimeError):
            self.driver.push(Fake(), ["set address X ip-netmask 192.0.2.1/32"])
        assert sent[-1] == ["revert config"]


def test_setstyle_lists_and_quotes():
    cfg = setstyle.SetConfig(["static"], ["address-group *"], ["address-group"])
    cfg.load('set address-group G static [ a b ]\nset address-group G description "x y"')
    cfg.apply(["set address-group G static c", "delete address-group G static a"])
    assert cfg.dump() == ["set address-group G static [ b c ]",
                          'set address-group G description "x y"']
