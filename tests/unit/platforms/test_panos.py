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


# -- the configure-mode exchange on a netmiko session ----------------------------------------
class FakePanosSession(object):
    """The part of a netmiko paloalto_panos session the driver's exchange uses, answering
    as the PAN-OS CLI does: every answer in configure mode ends with the ``[edit]`` line and
    the ``admin@PA-VM#`` prompt; ``silent`` lines are never answered (a hung device)."""

    RETURN = "\n"

    def __init__(self, refuse=(), silent=()):
        self.refuse, self.silent = refuse, silent
        self.configuring = False
        self.lines, self.pending = [], ""

    def normalize_cmd(self, line):
        return line + "\n"

    def normalize_linefeeds(self, text):
        return text.replace("\r\n", "\n")

    def answer(self, line):
        self.lines.append(line)
        if line in self.silent:
            return ""
        if line == "configure":
            self.configuring = True
            return "configure\r\nEntering configuration mode\r\n[edit]\r\nadmin@PA-VM# "
        if line == "exit":
            self.configuring = False
            return "exit\r\nExiting configuration mode\r\nadmin@PA-VM> "
        text = "Invalid syntax.\r\n" if line in self.refuse else ""
        return "%s\r\n%s\r\n[edit]\r\nadmin@PA-VM# " % (line, text)

    def send_command(self, line, expect_string=None, **kwargs):
        import re
        out = self.answer(line)
        assert re.search(expect_string, out), (expect_string, out)  # else netmiko times out
        return out

    def write_channel(self, data):
        for line in data.splitlines():
            self.pending += self.answer(line)

    def read_channel(self):
        # the device's answers arrive in pieces, not a line at a time
        chunk, self.pending = self.pending[:7], self.pending[7:]
        return chunk


class FakeSessionTransport(object):
    def __init__(self, session):
        self.session = session
        self.sent = []

    def send_command(self, command):
        return ""

    def send_config(self, lines):
        self.sent.append(list(lines))
        return ""

    def connection_label(self):
        return "192.0.2.1:22 as admin"


def test_configure_reads_the_answer_to_every_line_up_to_its_prompt():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.panos import (
        configure, refusals)
    session = FakePanosSession(refuse=("set b", "set d"))
    out = configure(session, ["set a", "set b", "set c", "set d"])
    assert refusals(out) == ["'set b' -> Invalid syntax.", "'set d' -> Invalid syntax."]
    assert session.lines == ["configure", "set a", "set b", "set c", "set d", "exit"]
    assert not session.configuring and out.endswith("admin@PA-VM> ")


def test_a_refused_line_is_reverted_through_the_same_exchange():
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
    session = FakePanosSession(refuse=("set address X ip-netmask 192.0.2.300",))
    transport = FakeSessionTransport(session)
    with pytest.raises(VoipReadyError) as err:
        get_driver("panos").push(transport, ["set address X ip-netmask 192.0.2.300"])
    assert "Invalid syntax." in str(err.value) and "commit" not in session.lines
    assert session.lines[-3:] == ["configure", "revert config", "exit"] and not transport.sent


def test_a_device_that_stops_answering_is_reverted_by_netmikos_own_exchange(monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver, panos
    from ansible_collections.voipready.network.plugins.module_utils.transport import TransportError
    monkeypatch.setattr(panos, "READ_TIMEOUT", 0.2)
    session = FakePanosSession(silent=("set address Y ip-netmask 192.0.2.9/32",))
    transport = FakeSessionTransport(session)
    with pytest.raises(TransportError) as err:
        get_driver("panos").push(transport, ["set address X ip-netmask 192.0.2.8/32",
                                             "set address Y ip-netmask 192.0.2.9/32"])
    assert "answered 1 of 2 configuration lines, then nothing" in str(err.value)
    assert "commit" not in session.lines and transport.sent == [["revert config"]]


def test_a_slow_device_is_waited_for_as_long_as_it_answers(monkeypatch):
    """Each answer within READ_TIMEOUT of the one before: no timeout, however long the
    whole stream takes (a big push on a busy management plane)."""
    import time
    from ansible_collections.voipready.network.plugins.module_utils.platforms import panos
    monkeypatch.setattr(panos, "READ_TIMEOUT", 0.3)

    class Slow(FakePanosSession):
        last = 0.0

        def read_channel(self):
            if time.time() - self.last < 0.15 or not self.pending:
                return ""
            self.last = time.time()
            end = self.pending.index("# ") + 2  # one answer, up to its prompt
            chunk, self.pending = self.pending[:end], self.pending[end:]
            return chunk

    started = time.time()
    out = panos.configure(Slow(refuse=("set d",)), ["set a", "set b", "set c", "set d"])
    assert time.time() - started > 0.3 and panos.refusals(out) == ["'set d' -> Invalid syntax."]
