# -*- coding: utf-8 -*-
"""Every platform's parser, fed random and truncated running configurations.

The same four properties for all ten drivers, from the converged configuration of the
platform's fixture device (fixture -> remediate -> simulate, which must then read as
compliant):

* random text, and random lines drawn from the platform's own configuration: parse()
  and remediate() either work or raise VoipReadyError -- never another exception;
* the converged configuration cut at any point: VoipReadyError, or commands whenever the
  cut took a line the collection wrote; never an empty remediation ("compliant");
* the converged configuration with one line the collection wrote deleted: the same;
* the engine's per-feature report agrees: a cut that needs commands never reads as
  every feature compliant.

"The collection wrote" means a converged line whose text the fixture holds nowhere; structural lines (``!``, ``exit``, ``}``, ``next``,
``end``...) are left out, since losing one may leave the same configuration.
"""

from __future__ import absolute_import, division, print_function

import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ansible_collections.voipready.network.plugins.module_utils.engine import feature_status
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import PLATFORMS
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from intents import intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = {"linux": "customer.running", "openvswitch": "switch.running"}
STRUCTURAL = frozenset(["", "!", "#", "exit", "end", "next", "}", "{", "quit", "]", "[", "};"])

# Lines whose absence is the platform default and still meets the intent: an IOS trunk
# without "switchport trunk allowed vlan" carries every VLAN, the two voice ones included.
ABSENCE_IS_COMPLIANT = {"ios": ("switchport trunk allowed vlan",)}

# Driver defects this file found (2026-11, issue 5), fixed since; the tests at the end
# keep each one fixed:
# junos, vyos: a statement set twice raised hier_config's DuplicateChildError;
# routeros: a rule deleted from a VOIPREADY-OUT/IN chain read as compliant (the chain's
#   hash name was trusted), and an empty vlan-ids= raised ValueError;
# fortios: a session-ttl SIP entry without start-port/end-port read as compliant;
# eos: the owned ACL without its enforce remark raised ValueError('any');
# vyos: an address cut short (198.51.100.53/) raised ValueError.
DUPLICATE_LINE_PLATFORMS = ("junos", "vyos")
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


class Case(object):
    """One platform's converged configuration and what in it the collection wrote."""

    def __init__(self, platform):
        self.platform = platform
        self.driver = get_driver(platform)
        full = intent_for(platform, "kore-us-east")
        self.intent = dict((f, full[f]) for f in full if not self.driver.not_applicable(f, full))
        name = FIXTURES.get(platform, "running.conf")
        with open(os.path.join(HERE, "fixtures", platform, name)) as handle:
            self.base = handle.read()
        self.converged = self.driver.simulate(self.base, self.driver.remediate(self.base, self.intent))
        self.lines = self.converged.splitlines(True)
        self.owned = self._written_lines()

    def _written_lines(self):
        """Indexes of the converged lines the remediation wrote: lines the fixture does
        not hold anywhere (simulate may move the fixture's own lines about, so position
        alone would also count a moved line as written)."""
        base = set(" ".join(x.split()) for x in self.base.splitlines())
        conv = [" ".join(x.split()) for x in self.lines]
        return [j for j, text in enumerate(conv) if text not in base and text not in STRUCTURAL]

    def remediate(self, running):
        """The commands, or None when the driver refused the text with VoipReadyError."""
        return self.call(self.driver.remediate, running, self.intent)

    def parse(self, running):
        return self.call(self.driver.parse, running)

    def call(self, fn, running, *args):
        try:
            return fn(running, *args)
        except VoipReadyError:
            return None

    def first_lost(self, cut):
        """Index of the first line that ``converged[:cut]`` lacks or holds only in part
        (a line that lost only its newline is whole)."""
        start = 0
        for index, line in enumerate(self.lines):
            if cut < start + len(line.rstrip("\n")):
                return index
            start += len(line)
        return len(self.lines)


CASES = {}


def case(platform):
    if platform not in CASES:
        CASES[platform] = Case(platform)
    return CASES[platform]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_converged_reads_compliant_and_has_owned_lines(platform):
    """The harness itself: a converged device needs nothing, and the diff found the
    lines the collection wrote (else the properties below would hold vacuously)."""
    c = case(platform)
    assert c.driver.remediate(c.converged, c.intent) == []
    assert len(c.owned) >= 3, "%s: only %d written lines found" % (platform, len(c.owned))
    statuses = set(v["status"] for v in feature_status(c.driver, c.converged, c.intent, "merged").values())
    assert statuses == set(["compliant"]), statuses


@pytest.mark.parametrize("platform", PLATFORMS)
@FUZZ
@given(text=st.text(max_size=400))
def test_random_text_raises_only_voipready_error(platform, text):
    c = case(platform)
    c.parse(text)
    assert c.remediate(text) != [], "%s: random text read as compliant: %r" % (platform, text)


@pytest.mark.parametrize("platform", PLATFORMS)
@FUZZ
@given(data=st.data())
def test_random_lines_of_the_platform_raise_only_voipready_error(platform, data):
    """Lines of the platform's own configuration, shuffled, repeated and cut: text that
    gets past the first checks of a parser, unlike random characters."""
    c = case(platform)
    picked = data.draw(st.lists(st.sampled_from(c.lines), min_size=1, max_size=40))
    cut = data.draw(st.integers(min_value=0, max_value=sum(len(x) for x in picked)))
    text = "".join(picked)[:cut]
    c.parse(text)
    commands = c.remediate(text)
    if commands == []:
        # compliant only when every line the collection wrote is there
        have = set(" ".join(x.split()) for x in text.splitlines())
        missing = [c.lines[i] for i in c.owned if " ".join(c.lines[i].split()) not in have]
        assert not missing, "%s: compliant, yet lacks %r" % (platform, missing[:3])


@pytest.mark.parametrize("platform", PLATFORMS)
@FUZZ
@given(data=st.data())
def test_truncated_converged_is_never_compliant(platform, data):
    c = case(platform)
    cut = data.draw(st.integers(min_value=0, max_value=len(c.converged) - 1))
    first_lost = c.first_lost(cut)
    lost_owned = [i for i in c.owned if i >= first_lost]
    commands = c.remediate(c.converged[:cut])
    if lost_owned:
        assert commands != [], "%s: cut at %d (line %d %r) read as compliant" % (
            platform, cut, first_lost, c.lines[first_lost])
    if commands:
        report = feature_status(c.driver, c.converged[:cut], c.intent, "merged")
        assert any(v["status"] == "drift" for v in report.values()), (platform, cut, report)


def deletable(platform, line):
    return not any(text in line for text in ABSENCE_IS_COMPLIANT.get(platform, ()))


@pytest.mark.parametrize("platform", PLATFORMS)
@FUZZ
@given(data=st.data())
def test_one_written_line_deleted_is_never_compliant(platform, data):
    c = case(platform)
    index = data.draw(st.sampled_from([i for i in c.owned if deletable(platform, c.lines[i])]))
    text = "".join(c.lines[:index] + c.lines[index + 1:])
    assert c.remediate(text) != [], "%s: without line %d %r read as compliant" % (platform, index, c.lines[index])


# -- the defects found here once, each kept fixed ------------------------------------------
def _deletions(platform, text):
    c = case(platform)
    for index in [i for i in c.owned if text in c.lines[i]]:
        yield c, "".join(c.lines[:index] + c.lines[index + 1:])


@pytest.mark.parametrize("platform", DUPLICATE_LINE_PLATFORMS)
def test_a_statement_set_twice_is_read_once(platform):
    c = case(platform)
    line = c.lines[c.owned[0]]
    assert c.remediate(line + line) == c.remediate(line) != []
    assert c.remediate(c.converged + line) == []


def test_routeros_rule_deleted_from_a_chain_is_drift():
    cases = list(_deletions("routeros", "comment=VOIPREADY:dns-udp"))
    assert cases
    for c, text in cases:
        commands = c.remediate(text)
        assert any("remove [ find chain=VOIPREADY-" in cmd for cmd in commands), commands
        assert c.remediate(c.driver.simulate(text, commands)) == []


@pytest.mark.parametrize("setting", ["set start-port 5060", "set end-port 5061"])
def test_fortios_session_ttl_entry_without_its_ports_is_drift(setting):
    cases = list(_deletions("fortios", setting))
    assert cases
    for c, text in cases:
        commands = c.remediate(text)
        assert setting in [cmd.strip() for cmd in commands], commands
        assert c.remediate(c.driver.simulate(text, commands)) == []


def test_eos_acl_without_its_enforce_remark_is_drift():
    cases = list(_deletions("eos", "remark voipready enforce"))
    assert cases
    for c, text in cases:
        commands = c.remediate(text)
        assert commands, "the ACL without its enforce remark read as compliant"
        assert c.remediate(c.driver.simulate(text, commands)) == []


def test_vyos_address_cut_short_is_refused_clearly():
    with pytest.raises(VoipReadyError) as err:
        case("vyos").driver.parse("set firewall group network-group VOIPREADY-DNS network 198.51.100.53/")
    assert err.value.field == "running" and err.value.value == "198.51.100.53/"


def test_routeros_empty_vlan_ids_is_refused_clearly():
    with pytest.raises(VoipReadyError) as err:
        case("routeros").driver.parse("/interface bridge vlan add bridge=bridge1 comment=VOIPREADY:voice-vlan "
                                      "tagged=bridge1,ether5 vlan-ids=")
    assert err.value.field == "running" and "VLAN ID ''" in str(err.value)
