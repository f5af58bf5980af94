# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Compliance reports: per host and feature one status, in JSON, JUnit XML and HTML.

Plain Python (no Ansible import) so the filters and the unit tests share it.

    entry = host_entry({"host": "fw1", "platform": "linux", "planned": ["allowlist"],
                        "check": <voipready_apply result in check mode>})
    report = build_report([entry], generated_at="2026-01-01T00:00:00Z")
    to_json(report); to_junit(report); to_html(report)

The JSON layout is documented in docs/compliance.md and docs/compliance-report.schema.json
(``schema_version`` changes when a field changes meaning or goes away). Everything is
sorted, so the same input gives the same bytes; ``generated_at`` is the only timestamp.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import FEATURES

SCHEMA_VERSION = 1
STATUSES = ("compliant", "drift", "not_applicable", "unreachable", "error")
# A host's status is the worst of its features' (not_applicable counts as compliant).
SEVERITY = {"not_applicable": 0, "compliant": 0, "drift": 1, "unreachable": 2, "error": 3}
PHASES = ("intent", "remediate", "check")
#: the check of what the device's whole policy admits (module_utils/flows.py); it has no
#: commands of its own: ``missing`` lists flows not admitted, ``extra`` flows admitted
FLOWS = "flows"
CHECKS = FEATURES + (FLOWS,)


def _feature_order(name):
    return (CHECKS.index(name), name) if name in CHECKS else (len(CHECKS), name)


def _strings(value):
    return [str(item) for item in (value or [])]


def _cell(status, reason=None, commands=None, missing=None, extra=None):
    return {"status": status, "reason": reason, "commands": _strings(commands),
            "missing": _strings(missing), "extra": _strings(extra)}


def classify_failure(result):
    """``unreachable`` when the device could not be reached or refused the login, else
    ``error`` (bad input, a lock held by another run, a failed remediation)."""
    result = result or {}
    if result.get("unreachable"):
        return "unreachable"
    if str(result.get("msg", "")).startswith("cannot log in to "):
        return "unreachable"
    return "error"


def host_entry(raw):
    """One host's part of the report from what the compliance role recorded.

    raw: ``host``, ``platform``, ``planned`` (features the play checks on this host),
    ``check`` (the check-mode voipready_apply result), optional ``fix`` (the remediation
    run's result), ``failure`` (the failed task's result) and ``phase`` (intent,
    remediate or check: where it failed).
    """
    if not isinstance(raw, dict) or not raw.get("host"):
        raise VoipReadyError("a compliance entry needs a host name", field="host",
                             value=raw.get("host") if isinstance(raw, dict) else raw)
    host = str(raw["host"])
    planned = sorted(set(_strings(raw.get("planned"))), key=_feature_order)
    check = raw.get("check") or {}
    failure = raw.get("failure")
    features = {}
    if failure:
        status = classify_failure(failure)
        phase = raw.get("phase") if raw.get("phase") in PHASES else "check"
        reason = str(failure.get("msg") or "").strip() or "the task failed without a message"
        if phase == "remediate":
            reason = "remediation failed: " + reason
        elif phase == "intent":
            reason = "the intent could not be built: " + reason
        for feature in planned or ["(all)"]:
            features[feature] = _cell(status, reason=reason)
    else:
        found = check.get("features") or {}
        for feature in sorted(set(planned) | set(found), key=_feature_order):
            item = found.get(feature)
            if item is None:
                # the play meant to check it and the device's result does not name it
                features[feature] = _cell("error", reason="no result for this feature")
                continue
            status = item.get("status")
            if status not in ("compliant", "drift", "not_applicable"):
                raise VoipReadyError("feature %s of host %s has status %r" % (feature, host, status),
                                     field="status", value=status)
            reason = str(item["reason"]).strip() if item.get("reason") else None
            features[feature] = _cell(status, reason=reason,
                                      commands=item.get("commands") if status == "drift" else [],
                                      missing=item.get("missing"), extra=item.get("extra"))
    fix = raw.get("fix")
    remediation = None
    if fix and not failure:
        before = fix.get("features") or {}
        remediation = {
            "changed": bool(fix.get("changed")),
            "commands": _strings(fix.get("commands")),
            "fixed": sorted((f for f, item in before.items()
                             if item.get("status") == "drift" and f in features
                             and features[f]["status"] == "compliant"), key=_feature_order),
        }
    worst = max((SEVERITY[c["status"]] for c in features.values()), default=0)
    status = {0: "compliant", 1: "drift", 2: "unreachable", 3: "error"}[worst]
    return {"host": host, "platform": raw.get("platform"), "status": status,
            "features": features, "remediation": remediation}


def build_report(entries, generated_at=None, remediate=False, hosts=None):
    """The whole report from host entries (host_entry output, or raw entries).

    ``hosts``: every host the run targeted; one that left no entry is an error (the play
    stopped before it was checked), so no host is silently missing from a report.
    """
    by_host = {}
    for entry in entries or []:
        if entry is None:
            continue
        if "features" not in entry or "status" not in entry:
            entry = host_entry(entry)
        by_host[entry["host"]] = entry
    for host in _strings(hosts):
        if host not in by_host:
            by_host[host] = {"host": host, "platform": None, "status": "error", "remediation": None,
                             "features": {"(all)": _cell(
                                 "error", reason="no compliance result: the play stopped before "
                                                 "this host was checked")}}
    counts = dict((s, 0) for s in STATUSES)
    drifted, unreachable, errors = [], [], []
    out_hosts = {}
    for host in sorted(by_host):
        entry = by_host[host]
        features = dict((f, entry["features"][f]) for f in
                        sorted(entry["features"], key=_feature_order))
        for feature, cell in features.items():
            counts[cell["status"]] += 1
            if cell["status"] == "drift":
                drifted.append("%s/%s" % (host, feature))
        if entry["status"] == "unreachable":
            unreachable.append(host)
        if entry["status"] == "error":
            errors.append(host)
        out_hosts[host] = {"platform": entry.get("platform"), "status": entry["status"],
                           "features": features, "remediation": entry.get("remediation")}
    summary = {
        "hosts": len(out_hosts),
        "checks": sum(counts.values()),
        "counts": counts,
        "drifted": drifted,
        "unreachable": unreachable,
        "errors": errors,
        "compliant": not (drifted or unreachable or errors),
    }
    return {"schema_version": SCHEMA_VERSION, "generated_at": generated_at,
            "remediate": bool(remediate), "summary": summary, "hosts": out_hosts}


# Fields build_report computes from the hosts; every other top-level field of a report
# describes the run and must be the same in every slice of it.
_DERIVED = ("schema_version", "generated_at", "remediate", "summary", "hosts")


def merge_reports(reports, generated_at=None):
    """One report from the reports of the slices of one run (AWX job slicing: each slice
    checks a part of the inventory): the report a single run over all their hosts gives.

    A host in two slices, slices of different schema versions, remediation in some slices
    only, or another run-wide field that differs between slices is an error: those are
    not slices of one run. ``generated_at`` defaults to the latest slice's.
    """
    reports = [r for r in (reports or []) if r is not None]
    if not reports:
        raise VoipReadyError("no slice reports to merge", field="reports", value=[])
    entries, owner = [], {}
    for index, part in enumerate(reports):
        if not isinstance(part, dict) or not isinstance(part.get("hosts"), dict):
            raise VoipReadyError("slice report %d is not a compliance report" % index,
                                 field="reports[%d]" % index, value=type(part).__name__)
        if part.get("schema_version") != SCHEMA_VERSION:
            raise VoipReadyError("slice report %d has schema_version %r; this collection writes %r"
                                 % (index, part.get("schema_version"), SCHEMA_VERSION),
                                 field="schema_version", value=part.get("schema_version"))
        for key in sorted(set(part) | set(reports[0])):
            if key not in _DERIVED and part.get(key) != reports[0].get(key):
                raise VoipReadyError("slice reports 0 and %d differ in %s (%r, %r): not slices of one run"
                                     % (index, key, reports[0].get(key), part.get(key)),
                                     field=key, value=part.get(key))
        if bool(part.get("remediate")) != bool(reports[0].get("remediate")):
            raise VoipReadyError("slice report %d remediated and slice report 0 did not, or the other "
                                 "way round: not slices of one run" % index,
                                 field="remediate", value=part.get("remediate"))
        for host, entry in part["hosts"].items():
            if host in owner:
                raise VoipReadyError("host %s is in slice reports %d and %d: slices never share a host"
                                     % (host, owner[host], index), field="host", value=host)
            owner[host] = index
            entries.append(dict(entry, host=host))
    stamps = [r.get("generated_at") for r in reports if r.get("generated_at")]
    merged = build_report(entries, generated_at=generated_at or (max(stamps) if stamps else None),
                          remediate=bool(reports[0].get("remediate")))
    for key in reports[0]:
        if key not in _DERIVED:
            merged[key] = reports[0][key]
    return merged


def feature_columns(report):
    names = set()
    for entry in report["hosts"].values():
        names.update(entry["features"])
    return sorted(names, key=_feature_order)


# -- JSON ------------------------------------------------------------------------------
def to_json(report):
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# -- JUnit XML -------------------------------------------------------------------------
def _heading(feature, label):
    """What a cell's missing/extra lines are, in the words of the check."""
    if feature == FLOWS:
        return {"missing": "provider flows not admitted",
                "extra": "other flows admitted"}[label]
    return label


def _details(cell, feature=None):
    parts = []
    if cell["reason"]:
        parts.append("reason: %s" % cell["reason"])
    for label in ("missing", "extra"):
        if cell[label]:
            lines = "\n".join("  " + line for line in cell[label])
            parts.append("%s:\n%s" % (_heading(feature, label), lines))
    if cell["commands"]:
        parts.append("commands that fix it:\n%s" % "\n".join(cell["commands"]))
    return "\n".join(parts)


def _drift_message(host, feature, cell):
    if feature == FLOWS:
        return ("flows on %s: %d flow(s) the provider needs not admitted, %d other flow(s) "
                "admitted" % (host, len(cell["missing"]), len(cell["extra"])))
    return "%s drifted on %s: %d command(s) fix it" % (feature, host, len(cell["commands"]))


def to_junit(report):
    """One testsuite per host, one testcase per host x feature (classname host, name
    feature): drift is a failure carrying the fix commands, unreachable and error are
    errors, not_applicable is skipped with the reason."""
    counts = report["summary"]["counts"]
    root = ET.Element("testsuites", {
        "name": "voipready compliance",
        "tests": str(report["summary"]["checks"]),
        "failures": str(counts["drift"]),
        "errors": str(counts["unreachable"] + counts["error"]),
        "skipped": str(counts["not_applicable"]),
    })
    for host, entry in report["hosts"].items():
        cells = entry["features"]
        suite = ET.SubElement(root, "testsuite", {
            "name": host,
            "tests": str(len(cells)),
            "failures": str(sum(c["status"] == "drift" for c in cells.values())),
            "errors": str(sum(c["status"] in ("unreachable", "error") for c in cells.values())),
            "skipped": str(sum(c["status"] == "not_applicable" for c in cells.values())),
        })
        if entry.get("platform"):
            props = ET.SubElement(suite, "properties")
            ET.SubElement(props, "property", {"name": "platform", "value": str(entry["platform"])})
        for feature, cell in cells.items():
            case = ET.SubElement(suite, "testcase", {"classname": host, "name": feature})
            status = cell["status"]
            if status == "drift":
                node = ET.SubElement(case, "failure", {
                    "type": "drift", "message": _drift_message(host, feature, cell)})
                node.text = _details(cell, feature)
            elif status in ("unreachable", "error"):
                node = ET.SubElement(case, "error", {
                    "type": status, "message": (cell["reason"] or status).splitlines()[0]})
                node.text = _details(cell, feature)
            elif status == "not_applicable":
                ET.SubElement(case, "skipped", {"message": cell["reason"] or "not applicable"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- HTML ------------------------------------------------------------------------------
STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #1b1b1b; }
h1 { font-size: 22px; margin: 0 0 4px 0; }
p.meta { color: #555; margin: 0 0 16px 0; }
ul.counts { list-style: none; padding: 0; margin: 0 0 16px 0; }
ul.counts li { display: inline-block; margin-right: 8px; padding: 4px 10px; border-radius: 4px; }
table.matrix { border-collapse: collapse; }
table.matrix th, table.matrix td { border: 1px solid #9e9e9e; padding: 6px 8px; vertical-align: top; text-align: left; }
table.matrix thead th { background: #37474f; color: #ffffff; }
td.cell { min-width: 110px; max-width: 420px; }
.label { font-weight: bold; }
.st-compliant { background: #a5d6a7; }
.st-drift { background: #ef9a9a; }
.st-not_applicable { background: #e0e0e0; }
.st-unreachable { background: #ffcc80; }
.st-error { background: #ce93d8; }
.st-none { background: #ffffff; color: #757575; border: 1px solid #e0e0e0; }
.reason { font-size: 12px; margin: 4px 0 0 0; }
.what { font-size: 12px; margin: 4px 0 0 0; }
pre { background: #fafafa; color: #1b1b1b; border: 1px solid #bdbdbd; padding: 4px; margin: 4px 0 0 0;
      font-size: 11px; max-height: 14em; overflow: auto; white-space: pre-wrap; word-break: break-all; }
"""


def _e(text):
    return html.escape(str(text), quote=True)


def _cell_html(host, feature, cell):
    status = cell["status"]
    out = ['<td class="cell st-%s" data-host="%s" data-feature="%s" data-status="%s">'
           % (status, _e(host), _e(feature), status),
           '<span class="label">%s</span>' % _e(status.replace("_", " "))]
    if cell["reason"]:
        out.append('<p class="reason">%s</p>' % _e(cell["reason"]))
    for label in ("missing", "extra"):
        if cell[label]:
            out.append('<p class="what">%s:</p><pre class="%s">%s</pre>'
                       % (_e(_heading(feature, label)), label, _e("\n".join(cell[label]))))
    if cell["commands"]:
        out.append('<p class="what">fix:</p><pre class="fix">%s</pre>' % _e("\n".join(cell["commands"])))
    out.append("</td>")
    return "".join(out)


def to_html(report):
    """A self-contained page (inline CSS, no script, no external asset): the summary, then
    the host x feature matrix with a colour per status and the fix commands in each cell."""
    columns = feature_columns(report)
    summary = report["summary"]
    verdict = "compliant" if summary["compliant"] else "not compliant"
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8"><title>voipready compliance: %s</title>' % verdict,
        "<style>%s</style></head>" % STYLE,
        "<body>",
        "<h1>Voice readiness compliance: %s</h1>" % verdict,
        '<p class="meta">%d host(s), %d check(s)%s%s</p>' % (
            summary["hosts"], summary["checks"],
            ", generated %s" % _e(report["generated_at"]) if report.get("generated_at") else "",
            ", after remediation" if report.get("remediate") else ""),
        # a status nobody has is not coloured, so a colour on the page means a cell has it
        '<ul class="counts">' + "".join(
            '<li class="st-%s">%s: %d</li>' % (s if summary["counts"][s] else "none",
                                               _e(s.replace("_", " ")), summary["counts"][s])
            for s in STATUSES) + "</ul>",
        '<table class="matrix" id="matrix">',
        "<thead><tr><th>host</th><th>platform</th>%s</tr></thead>"
        % "".join("<th>%s</th>" % _e(c) for c in columns),
        "<tbody>",
    ]
    for host, entry in report["hosts"].items():
        cells = []
        for feature in columns:
            cell = entry["features"].get(feature)
            cells.append(_cell_html(host, feature, cell) if cell else
                         '<td class="cell st-none" data-host="%s" data-feature="%s" '
                         'data-status="none">not checked</td>' % (_e(host), _e(feature)))
        lines.append('<tr data-host="%s"><th class="host st-%s">%s</th><td>%s</td>%s</tr>' % (
            _e(host), entry["status"], _e(host), _e(entry.get("platform") or ""), "".join(cells)))
    lines += ["</tbody>", "</table>"]
    remediated = [(h, e["remediation"]) for h, e in report["hosts"].items() if e.get("remediation")]
    if remediated:
        lines.append("<h2>Remediation</h2><ul>")
        for host, rem in remediated:
            lines.append("<li>%s: %s</li>" % (_e(host), _e(
                "fixed %s" % ", ".join(rem["fixed"]) if rem["fixed"] else
                ("changed" if rem["changed"] else "nothing to change"))))
        lines.append("</ul>")
    lines += ["</body>", "</html>", ""]
    return "\n".join(lines)
