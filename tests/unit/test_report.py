# -*- coding: utf-8 -*-
"""Compliance reports (plugins/module_utils/report.py): the JSON against its published
schema, one JUnit testcase per host x feature, an HTML page whose every value is escaped,
the same bytes for the same input, and the engine's missing/extra lines per drifted
feature on the real linux driver."""

from __future__ import annotations

import copy
import html.parser
import json
import os
import sys
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from ansible_collections.voipready.network.plugins.module_utils import engine, report
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(HERE, "platforms"))
from intents import intent_for  # noqa: E402

with open(os.path.join(REPO, "docs", "compliance-report.schema.json")) as _handle:
    SCHEMA = json.load(_handle)

NASTY = """nft -f - <<'X'\ndelete rule ip t "c" handle 3 </td><script>alert("x")</script> & done\nX"""

FW_CHECK = {
    "changed": True,
    "commands": ["sysctl -q -w a=1", NASTY],
    "features": {
        "allowlist": {"status": "drift", "commands": [NASTY],
                      "missing": ['ip daddr @rtp udp dport 6000-65535 accept comment "voipready:rtp"'],
                      "extra": []},
        "sip_alg": {"status": "compliant", "commands": []},
        "voice_vlan": {"status": "not_applicable", "commands": [],
                       "reason": "a Linux router has <no> phone ports\n"},
        "timeouts": {"status": "drift", "commands": ["sysctl -q -w a=1"],
                     "missing": ["sysctl a = 1"], "extra": ["sysctl a = 2"]},
    },
}
SW_CHECK = {"changed": False, "commands": [],
            "features": {"qos": {"status": "compliant", "commands": []},
                         "voice_vlan": {"status": "compliant", "commands": []}}}
LOGIN = "cannot log in to 127.0.0.1:1 as root: TCP connection to device failed.\n\nCommon causes"


KORE = {"provider": "kore", "region": "us-east", "catalog_version": "2026.11.1"}


def raw_entries():
    return [
        dict(KORE, host="sw1", platform="openvswitch", planned=["voice_vlan", "qos"], check=SW_CHECK),
        dict(KORE, host="fw1", platform="linux", planned=["allowlist", "sip_alg", "qos", "timeouts", "voice_vlan"],
             check=FW_CHECK),
        {"host": "dead", "platform": "linux", "planned": ["sip_alg", "allowlist"],
         "provider": "ivrpowers", "profile": "agent", "catalog_version": "2026.11.1",
         "failure": {"failed": True, "msg": LOGIN, "field": "host", "value": "127.0.0.1"},
         "phase": "check"},
    ]


def build(entries=None, **kwargs):
    entries = raw_entries() if entries is None else entries
    kwargs.setdefault("generated_at", "2026-01-01T00:00:00Z")
    return report.build_report([report.host_entry(e) for e in entries], **kwargs)


# -- the JSON ----------------------------------------------------------------------------
def test_report_matches_the_published_schema():
    data = build(hosts=["dead", "fw1", "gone", "sw1"])
    jsonschema.validate(data, SCHEMA)
    jsonschema.validate(json.loads(report.to_json(data)), SCHEMA)


def test_schema_rejects_an_unknown_status_and_a_missing_field():
    data = build()
    bad = copy.deepcopy(data)
    bad["hosts"]["fw1"]["features"]["sip_alg"]["status"] = "green"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    bad = copy.deepcopy(data)
    del bad["hosts"]["fw1"]["features"]["allowlist"]["commands"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def test_statuses_per_host_and_feature():
    data = build()
    fw, sw, dead = data["hosts"]["fw1"], data["hosts"]["sw1"], data["hosts"]["dead"]
    # the worst feature wins: qos (planned, no result) is an error
    assert fw["status"] == "error" and sw["status"] == "compliant" and dead["status"] == "unreachable"
    assert {f: c["status"] for f, c in fw["features"].items()} == {
        "allowlist": "drift", "sip_alg": "compliant", "voice_vlan": "not_applicable",
        "qos": "error", "timeouts": "drift"}
    # planned, but the device's result does not name it: never silently compliant
    assert fw["features"]["qos"]["reason"] == "no result for this feature"
    assert fw["features"]["allowlist"]["commands"] == [NASTY]
    assert fw["features"]["timeouts"]["missing"] == ["sysctl a = 1"]
    assert fw["features"]["timeouts"]["extra"] == ["sysctl a = 2"]
    assert fw["features"]["voice_vlan"]["reason"] == "a Linux router has <no> phone ports"
    assert set(dead["features"]) == {"allowlist", "sip_alg"}
    assert all(c["status"] == "unreachable" and c["reason"].startswith("cannot log in to 127.0.0.1:1")
               for c in dead["features"].values())
    assert list(fw["features"]) == ["allowlist", "sip_alg", "voice_vlan", "qos", "timeouts"]
    zero = dict.fromkeys(report.STATUSES, 0)
    assert data["summary"] == {
        "hosts": 3, "checks": 9,
        "counts": {"compliant": 3, "drift": 2, "not_applicable": 1, "unreachable": 2, "error": 1},
        # hosts, not checks: one unreachable host with two unreachable checks is 1
        "host_counts": {"error": 1, "unreachable": 1, "drift": 0, "compliant": 1},
        "feature_counts": {
            "allowlist": dict(zero, drift=1, unreachable=1), "sip_alg": dict(zero, compliant=1, unreachable=1),
            "voice_vlan": dict(zero, compliant=1, not_applicable=1), "qos": dict(zero, compliant=1, error=1),
            "timeouts": dict(zero, drift=1)},
        "judged_against": [
            {"provider": "ivrpowers", "region": None, "profile": "agent", "catalog_version": "2026.11.1", "hosts": 1},
            {"provider": "kore", "region": "us-east", "profile": None, "catalog_version": "2026.11.1", "hosts": 2}],
        "drifted": ["fw1/allowlist", "fw1/timeouts"], "unreachable": ["dead"], "errors": ["fw1"],
        "compliant": False}
    assert list(data["summary"]["feature_counts"]) == ["allowlist", "sip_alg", "voice_vlan", "qos", "timeouts"]
    assert (fw["provider"], fw["region"], fw["profile"], fw["catalog_version"]) == (
        "kore", "us-east", None, "2026.11.1")


def test_what_the_hosts_were_judged_against():
    entries = raw_entries()
    entries[0].update(region="eu", catalog_version="")          # empty is unknown, like unset
    data = build(entries, hosts=["gone"], collection_version="0.1.0")
    assert data["collection_version"] == "0.1.0"
    assert data["hosts"]["sw1"]["catalog_version"] is None
    assert data["hosts"]["gone"]["provider"] is None                          # no result: not counted
    assert [(g["provider"], g["region"], g["hosts"]) for g in data["summary"]["judged_against"]] == [
        ("ivrpowers", None, 1), ("kore", "eu", 1), ("kore", "us-east", 1)]
    assert build()["collection_version"] is None
    jsonschema.validate(data, SCHEMA)


def test_all_green_is_compliant():
    data = build([raw_entries()[0]])
    assert data["summary"]["compliant"] is True and data["summary"]["drifted"] == []


def test_failures_are_unreachable_only_when_the_device_did_not_answer():
    assert report.classify_failure({"msg": LOGIN}) == "unreachable"
    assert report.classify_failure({"unreachable": True, "msg": "ssh"}) == "unreachable"
    lock = "another voipready run holds the lock for device 127.0.0.1_22 (waited 120s)"
    assert report.classify_failure({"msg": lock}) == "error"
    entry = report.host_entry({"host": "fw1", "planned": ["allowlist"], "phase": "remediate",
                               "failure": {"msg": "the change failed and was rolled back"}})
    assert entry["status"] == "error"
    assert entry["features"]["allowlist"]["reason"] == (
        "remediation failed: the change failed and was rolled back")
    entry = report.host_entry({"host": "fw1", "planned": [], "phase": "intent",
                               "failure": {"msg": "voip_provider=nope selects no rules"}})
    assert entry["features"] == {"(all)": {
        "status": "error", "reason": "the intent could not be built: voip_provider=nope selects no rules",
        "commands": [], "missing": [], "extra": []}}


def test_a_targeted_host_without_a_result_is_an_error():
    data = build(hosts=["fw1", "gone"])
    assert data["hosts"]["gone"]["status"] == "error"
    assert "gone" in data["summary"]["errors"]


def test_bad_entries_name_the_field_and_the_value():
    with pytest.raises(VoipReadyError, match="status.*green"):
        report.host_entry({"host": "fw1", "check": {"features": {"qos": {"status": "green"}}}})
    with pytest.raises(VoipReadyError, match="host"):
        report.host_entry({"platform": "linux"})


def test_remediation_lists_what_it_fixed():
    fix = copy.deepcopy(FW_CHECK)
    fixed_check = {"features": dict((f, {"status": "compliant", "commands": []})
                                    for f in ("allowlist", "sip_alg", "timeouts", "qos")),
                   "changed": False, "commands": []}
    fixed_check["features"]["voice_vlan"] = FW_CHECK["features"]["voice_vlan"]
    data = build([{"host": "fw1", "platform": "linux", "planned": ["allowlist", "timeouts"],
                   "check": fixed_check, "fix": fix}], remediate=True)
    jsonschema.validate(data, SCHEMA)
    assert data["remediate"] is True and data["summary"]["compliant"] is True
    assert data["hosts"]["fw1"]["remediation"] == {
        "changed": True, "commands": FW_CHECK["commands"], "fixed": ["allowlist", "timeouts"]}


# -- same bytes for the same input ---------------------------------------------------------
def test_same_input_in_another_order_gives_the_same_bytes():
    one = build()
    entries = list(reversed(raw_entries()))
    for entry in entries:
        if entry.get("check"):
            entry["check"] = dict(entry["check"], features=dict(reversed(list(entry["check"]["features"].items()))))
    two = build(entries)
    for render in (report.to_json, report.to_junit, report.to_html):
        assert render(one) == render(two)
    assert report.to_json(one).count("2026-01-01T00:00:00Z") == 1


# -- JUnit --------------------------------------------------------------------------------
def test_junit_one_testcase_per_host_and_feature():
    data = build()
    root = ET.fromstring(report.to_junit(data))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("9", "2", "3", "1")
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    assert sorted(cases) == sorted((h, f) for h, e in data["hosts"].items() for f in e["features"])
    drift = cases[("fw1", "allowlist")].find("failure")
    assert drift is not None and drift.get("type") == "drift"
    assert NASTY in drift.text and "missing:" in drift.text
    assert cases[("fw1", "sip_alg")].find("*") is None                      # compliant: passes
    assert cases[("fw1", "voice_vlan")].find("skipped").get("message") == "a Linux router has <no> phone ports"
    err = cases[("dead", "sip_alg")].find("error")
    assert err.get("type") == "unreachable" and err.get("message").startswith("cannot log in to")
    assert "\n" not in err.get("message")
    assert cases[("fw1", "qos")].find("error").get("type") == "error"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["fw1"].get("failures") == "2" and suites["fw1"].get("tests") == "5"


# -- HTML ---------------------------------------------------------------------------------
class _Cells(html.parser.HTMLParser):
    """The cells that need attention (data-host, data-feature, data-status), the hosts in
    page order (data-host, data-status), script elements and anything fetched."""

    def __init__(self):
        super().__init__()
        self.cells, self.hosts, self.scripts, self.links, self._pre, self.pre_text = [], [], 0, 0, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in ("link", "img", "iframe", "object") or attrs.get("src"):
            self.links += 1
        if "data-feature" in attrs and "data-host" in attrs:
            self.cells.append((attrs["data-host"], attrs["data-feature"], attrs["data-status"]))
        if tag == "li" and "data-host" in attrs:
            self.hosts.append((attrs["data-host"], attrs["data-status"]))
        if tag == "pre":
            self._pre = []

    def handle_data(self, data):
        if self._pre is not None:
            self._pre.append(data)

    def handle_endtag(self, tag):
        if tag == "pre" and self._pre is not None:
            self.pre_text.append("".join(self._pre))
            self._pre = None


def test_html_hosts_worst_first_and_every_value_escaped():
    data = build(hosts=["aaa-gone"], collection_version="0.1.0")
    page = report.to_html(data)
    assert page.count("<script>") == 1 and "<script>alert" not in page and "alert(&quot;x&quot;)" in page
    parsed = _Cells()
    parsed.feed(page)
    assert parsed.scripts == 1 and parsed.links == 0                          # inline, nothing fetched
    # error (by name), unreachable, drift, compliant
    assert parsed.hosts == [("aaa-gone", "error"), ("fw1", "error"), ("dead", "unreachable"), ("sw1", "compliant")]
    # what needs attention, per feature; a host that could not be checked at all is one line
    assert parsed.cells == [("fw1", "allowlist", "drift"), ("fw1", "qos", "error"), ("fw1", "timeouts", "drift")]
    assert NASTY in parsed.pre_text                                           # the fix, exactly, once unescaped
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page


def test_html_shows_an_unreachable_hosts_error_once_and_counts_hosts():
    page = report.to_html(build())
    first = "cannot log in to 127.0.0.1:1 as root: TCP connection to device failed."
    line = page.split('data-host="dead"', 1)[1].split("</li>", 1)[0].split(">", 1)[1]    # after its tag
    # the first line as the host's line, the whole text folded once; not once per feature
    assert line.count(first) == 2 and line.count('class="why"') == 1 and line.count("<details") == 1
    assert page.count("Common causes") == 1
    assert "unreachable: 1 host<" in page and "unreachable: 2" not in page     # hosts, not checks
    assert "kore" in page and "ivrpowers" in page and "2026.11.1" in page


def test_headline_is_the_first_line_only():
    assert report.headline(LOGIN) == "cannot log in to 127.0.0.1:1 as root: TCP connection to device failed."
    assert report.headline("\n\n  late start\nmore") == "late start"
    assert report.headline(None) == ""
    assert report.headline("x" * 500) == "x" * 239 + "\u2026"


def test_html_of_a_report_from_an_older_version_still_renders():
    old = build()
    for key in ("host_counts", "feature_counts", "judged_against"):
        del old["summary"][key]
    page = report.to_html(old)
    assert "unreachable: 1 host<" in page


def test_html_names_a_host_that_looks_like_markup_safely():
    entry = {"host": 'fw"><b>x', "platform": "linux", "planned": ["sip_alg"],
             "check": {"features": {"sip_alg": {"status": "compliant", "commands": []}}}}
    page = report.to_html(build([entry]))
    assert 'fw"><b>x' not in page and "fw&quot;&gt;&lt;b&gt;x" in page


# -- the engine's missing/extra lines, on the real linux driver ------------------------------
def _customer():
    with open(os.path.join(HERE, "platforms", "fixtures", "linux", "customer.running")) as handle:
        return handle.read()


def test_engine_names_what_is_missing_and_what_is_extra_per_feature():
    driver = get_driver("linux")
    intent = intent_for("linux", "kore-us-east")
    intent.pop("voice_vlan")
    converged = driver.simulate(_customer(), driver.remediate(_customer(), intent))
    drifted = converged.replace("udp_timeout_stream=%d" % intent["timeouts"]["udp_stream"],
                                "udp_timeout_stream=333")
    assert drifted != converged
    status = engine.feature_status(driver, drifted, intent, "merged")
    commands = driver.remediate(drifted, dict((f, intent[f]) for f in driver.features_in_scope(intent)))
    engine.feature_delta(driver, drifted, driver.simulate(drifted, commands), intent, status)
    timeouts = status["timeouts"]
    assert timeouts["status"] == "drift"
    assert timeouts["extra"] == ["sysctl net.netfilter.nf_conntrack_udp_timeout_stream = 333"]
    assert timeouts["missing"] == ["sysctl net.netfilter.nf_conntrack_udp_timeout_stream = %d"
                                   % intent["timeouts"]["udp_stream"]]
    assert "missing" not in status["sip_alg"]                                 # compliant: no delta


def test_engine_delta_lines_keep_order_and_count():
    assert engine._lines_not_in(["a", " b ", "", "a", "c"], ["a", "c", "x"]) == ["b", "a"]
    assert engine._lines_not_in([], ["a"]) == []


# -- slices of one run (AWX job slicing) -------------------------------------------------

def _fleet_entries(n=10):
    out = []
    for i in range(n):
        raw = copy.deepcopy(raw_entries()[i % 3])
        raw["host"] = "host%02d" % i
        out.append(raw)
    return out


@pytest.mark.parametrize("slices", [1, 2, 4])
def test_merged_slices_give_the_bytes_of_one_run(slices):
    entries = _fleet_entries()
    whole = build(entries, hosts=[e["host"] for e in entries], collection_version="0.1.0")
    names = sorted(e["host"] for e in entries)
    # AWX slices every Nth host; each slice builds its own report at its own time
    parts = []
    for k in range(slices):
        mine = [e for e in entries if e["host"] in names[k::slices]]
        parts.append(build(mine, hosts=[e["host"] for e in mine], generated_at="2026-01-01T00:00:0%dZ" % k,
                           collection_version="0.1.0"))
    merged = report.merge_reports(json.loads(json.dumps(parts)), generated_at="2026-01-01T00:00:00Z")
    assert report.to_json(merged) == report.to_json(whole)
    assert report.to_junit(merged) == report.to_junit(whole)
    assert report.to_html(merged) == report.to_html(whole)
    jsonschema.validate(merged, SCHEMA)
    # without a timestamp given, the latest slice's
    assert report.merge_reports(parts)["generated_at"] == "2026-01-01T00:00:0%dZ" % (slices - 1)


def test_slices_that_are_not_of_one_run_are_refused():
    entries = _fleet_entries(4)
    a, b = build(entries[:2]), build(entries[1:])
    with pytest.raises(VoipReadyError, match="collection_version"):
        report.merge_reports([build(entries[:2], collection_version="0.1.0"),
                              build(entries[2:], collection_version="0.2.0")])
    with pytest.raises(VoipReadyError, match="host host01 is in slice reports 0 and 1"):
        report.merge_reports([a, b])
    with pytest.raises(VoipReadyError, match="remediated"):
        report.merge_reports([build(entries[:2]), build(entries[2:], remediate=True)])
    with pytest.raises(VoipReadyError, match="schema_version"):
        report.merge_reports([build(entries[:2]), dict(build(entries[2:]), schema_version=99)])
    with pytest.raises(VoipReadyError, match="no slice reports"):
        report.merge_reports([])
