# -*- coding: utf-8 -*-
"""The ``flows`` compliance check end to end: voipready_apply in check mode with
``flows=True`` against a device whose owned lines are all compliant, but where a customer
rule shadows ours -- a higher-priority nftables chain dropping SIP, a FortiGate policy
ordered before ours, a customer ACL bound ``out`` on the IOS outside interface. The
owned lines stay compliant (on FortiOS the driver also wants its policies moved back on
top), ``flows`` drifts naming that rule, and the JSON, JUnit and HTML reports carry it
(summary.drifted is what fails the compliance job)."""
from __future__ import absolute_import, division, print_function

import json
import xml.etree.ElementTree as ET

import pytest

from ansible_collections.voipready.network.plugins.module_utils import engine, report
from test_flows import _before_first, _nft, _nft_shadow, _sub, intent_for, pushed

KORE = ("kore", "us-east", None)


class StaticDevice(object):
    """A transport whose device holds ``running``; gather's first command returns it."""

    kind = "netmiko"

    def __init__(self, running):
        self.running, self.calls = running, 0

    def __enter__(self):
        self.calls = 0
        return self

    def __exit__(self, *exc):
        return False

    def send_command(self, command, read_timeout=30):
        self.calls += 1
        return self.running if self.calls == 1 else ""


SHADOWS = {
    "linux": (lambda t: _nft(t, _nft_shadow), "table inet customer chain early rule 1"),
    "fortios": (lambda t: _sub(t, "config firewall policy\n",
                               'config firewall policy\n    edit 7\n        set name "no-sip"\n'
                               '        set srcintf "any"\n        set dstintf "any"\n'
                               '        set srcaddr "all"\n        set dstaddr "all"\n'
                               '        set schedule "always"\n        set service "SIP"\n'
                               '    next\n'), 'firewall policy 7 "no-sip"'),
    "ios": (lambda t: _before_first(
        _sub(t, " ip access-group VOIPREADY-OUTSIDE-1 in\n",
             " ip access-group VOIPREADY-OUTSIDE-1 in\n ip access-group CUSTOMER-EGRESS out\n"),
        "ip access-list extended VOIPREADY-INSIDE-1",
        "ip access-list extended CUSTOMER-EGRESS\n 10 deny udp any any eq 5060\n"
        " 20 permit ip any any\n"), "access-list CUSTOMER-EGRESS 10 deny udp any any eq 5060"),
}


def run_check(platform, running, tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "make_transport", lambda driver, conn, kind: StaticDevice(running))
    intent = intent_for(platform, KORE)
    request = engine.Request(platform, intent, connection={"host": "192.0.2.250", "name": "fw"},
                             check_mode=True, flows=True, lock_dir=str(tmp_path / "locks"),
                             backup_dir=str(tmp_path / "backups"))
    return engine.run(request)


@pytest.mark.parametrize("platform", sorted(SHADOWS))
def test_flows_check_fails_on_a_shadowing_customer_rule_while_owned_lines_comply(
        platform, tmp_path, monkeypatch):
    intent = intent_for(platform, KORE)
    clean = pushed(platform, intent)
    result = run_check(platform, clean, tmp_path, monkeypatch)
    assert result["commands"] == [] and result["features"]["flows"]["status"] == "compliant"
    mutate, rule = SHADOWS[platform]
    result = run_check(platform, mutate(clean), tmp_path, monkeypatch)
    features = result["features"]
    if platform == "fortios":
        # the owned lines are unchanged; the driver only wants ours back on top (moves)
        assert features["allowlist"]["status"] == "drift"
        assert all(c.startswith(("config firewall policy", "move ", "end"))
                   for c in result["commands"]), result["commands"]
    else:
        assert result["commands"] == []                   # nothing of ours to fix
    for feature in intent:
        if not (platform == "fortios" and feature == "allowlist"):
            assert features[feature]["status"] in ("compliant", "not_applicable"), feature
    flows_cell = features["flows"]
    assert flows_cell["status"] == "drift" and flows_cell["commands"] == []
    assert flows_cell["missing"] and all(rule in line for line in flows_cell["missing"])
    assert all(":5060" in line or ":40000 ->" in line for line in flows_cell["missing"])

    # the reports: JSON, JUnit, HTML, and the summary that fails the job
    entry = report.host_entry({"host": "fw", "platform": platform,
                               "planned": list(intent) + ["flows"], "check": result})
    built = report.build_report([entry], generated_at="2026-01-01T00:00:00Z")
    assert "fw/flows" in built["summary"]["drifted"] and not built["summary"]["compliant"]
    assert built["summary"]["drifted"] == (["fw/allowlist", "fw/flows"] if platform == "fortios"
                                           else ["fw/flows"])
    data = json.loads(report.to_json(built))
    cell = data["hosts"]["fw"]["features"]["flows"]
    assert cell["status"] == "drift" and cell["missing"] == flows_cell["missing"]
    assert "flows sampled" in cell["reason"]
    junit = ET.fromstring(report.to_junit(built).split("\n", 1)[1])
    case = [c for c in junit.iter("testcase") if c.get("name") == "flows"][0]
    failure = case.find("failure")
    assert failure is not None and failure.get("message").startswith(
        "flows on fw: %d flow(s) the provider needs not admitted" % len(flows_cell["missing"]))
    assert rule in failure.text and "provider flows not admitted:" in failure.text
    html = report.to_html(built)
    assert 'data-feature="flows" data-status="drift"' in html
    assert "provider flows not admitted:" in html and report._e(rule) in html


def test_flows_is_only_computed_when_asked(tmp_path, monkeypatch):
    clean = pushed("linux", intent_for("linux", KORE))
    monkeypatch.setattr(engine, "make_transport", lambda driver, conn, kind: StaticDevice(clean))
    request = engine.Request("linux", intent_for("linux", KORE), connection={"host": "192.0.2.250"},
                             check_mode=True, lock_dir=str(tmp_path / "locks"))
    assert "flows" not in engine.run(request)["features"]


def test_flows_that_cannot_be_read_drift_and_say_why(monkeypatch):
    from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
    from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

    def unreadable(platform, running):
        raise VoipReadyError("the fortios running configuration could not be read", "running", "x")
    monkeypatch.setattr("ansible_collections.voipready.network.plugins.module_utils.platforms."
                        "flows.policy_from_running", unreadable)
    cell = engine.flows_status(get_driver("fortios"), "", intent_for("fortios", KORE))
    assert cell["status"] == "drift" and "could not read" in cell["reason"] and cell["missing"]
