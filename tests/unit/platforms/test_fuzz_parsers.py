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
import re

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

# Known driver defects this file found (2026-11, issue 5). Each has a strict xfail test
# below that fails as soon as the driver is fixed; then delete the entry and its test.
# Until then the fuzz tests steer clear of exactly these inputs so they stay
# deterministic for everything else.
DUPLICATE_LINE_TRACEBACK = ("junos", "vyos")        # hier_config DuplicateChildError
DELETION_DEFECTS = {
    # a rule deleted from a VOIPREADY-* generation chain: the chain's name still matches
    "routeros": ("chain=VOIPREADY-",),
    # a session-ttl port entry without its start-port or end-port
    "fortios": ("set start-port ", "set end-port "),
    # the enforce remark gone from the owned ACL: ValueError from _net_key('any')
    "eos": ("remark voipready enforce",),
}
# A running text cut inside a value that the parser hands to int()/ipaddress unchecked:
# ValueError instead of VoipReadyError. The fuzz tests accept exactly that, for exactly
# these texts; the strict xfail tests below pin the defects.
PARSE_DEFECTS = {
    "vyos": re.compile(r"network-group \S+ network [^\s/]*/?\d*$"),
    "routeros": re.compile(r"vlan-ids=$"),
}
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
        except ValueError:
            known = PARSE_DEFECTS.get(self.platform)
            if known and known.search(running):
                return None
            raise

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
    picked = data.draw(st.lists(st.sampled_from(c.lines), min_size=1, max_size=40,
                                unique=platform in DUPLICATE_LINE_TRACEBACK))
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
    skip = ABSENCE_IS_COMPLIANT.get(platform, ()) + DELETION_DEFECTS.get(platform, ())
    return not any(text in line for text in skip)


@pytest.mark.parametrize("platform", PLATFORMS)
@FUZZ
@given(data=st.data())
def test_one_written_line_deleted_is_never_compliant(platform, data):
    c = case(platform)
    index = data.draw(st.sampled_from([i for i in c.owned if deletable(platform, c.lines[i])]))
    text = "".join(c.lines[:index] + c.lines[index + 1:])
    assert c.remediate(text) != [], "%s: without line %d %r read as compliant" % (platform, index, c.lines[index])


# -- the known defects, one strict xfail each (see DELETION_DEFECTS) ------------------------
def _delete_first(platform, text):
    return next(_deletions(platform, text))


def _deletions(platform, text):
    c = case(platform)
    for index in [i for i in c.owned if text in c.lines[i]]:
        yield c, "".join(c.lines[:index] + c.lines[index + 1:])


@pytest.mark.xfail(strict=True, reason="defect: a duplicated set line raises hier_config's DuplicateChildError")
@pytest.mark.parametrize("platform", DUPLICATE_LINE_TRACEBACK)
def test_known_defect_duplicate_line(platform):
    c = case(platform)
    line = c.lines[c.owned[0]]
    assert c.remediate(line + line) != []


@pytest.mark.xfail(strict=True, reason="defect: a rule deleted inside a generation chain reads as compliant")
def test_known_defect_routeros_rule_deleted_from_chain():
    c, text = _delete_first("routeros", "comment=VOIPREADY:dns-udp")
    assert c.remediate(text) != []


@pytest.mark.xfail(strict=True, reason="defect: a session-ttl port entry without start-port reads as compliant")
def test_known_defect_fortios_session_ttl_without_start_port():
    c, text = _delete_first("fortios", "set start-port 5060")
    assert c.remediate(text) != []


@pytest.mark.xfail(strict=True, raises=ValueError,
                   reason="defect: the owned ACL without its enforce remark raises ValueError('any')")
def test_known_defect_eos_acl_without_enforce_remark():
    for c, text in _deletions("eos", "remark voipready enforce"):
        c.remediate(text)


@pytest.mark.xfail(strict=True, raises=ValueError, reason="defect: an address cut short raises ValueError")
def test_known_defect_vyos_address_cut_short():
    case("vyos").driver.parse("set firewall group network-group VOIPREADY-DNS network 198.51.100.53/")


@pytest.mark.xfail(strict=True, raises=ValueError, reason="defect: an empty vlan-ids= raises ValueError")
def test_known_defect_routeros_empty_vlan_ids():
    case("routeros").driver.parse("/interface bridge vlan add bridge=bridge1 comment=VOIPREADY:voice-vlan "
                                  "tagged=bridge1,ether5 vlan-ids=")
