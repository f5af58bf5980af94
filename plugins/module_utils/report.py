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

The HTML page is for triage across a fleet: hosts worst first, one line per host that
could not be checked (its error once, the full text folded), hosts per status and per
feature, what the fleet was judged against (provider, region, catalog and collection
versions) and a filter box (inline script, nothing fetched).
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
# Host statuses, worst first: the order of the HTML page's hosts and counts.
HOST_STATUSES = ("error", "unreachable", "drift", "compliant")
# Cell statuses in the same order (not_applicable last).
CELL_ORDER = ("error", "unreachable", "drift", "compliant", "not_applicable")
PHASES = ("intent", "remediate", "check")
#: what a host was judged against (docs/compliance.md): from its inventory variables
JUDGED = ("provider", "region", "profile", "catalog_version")
#: the check of what the device's whole policy admits (module_utils/flows.py); it has no
#: commands of its own: ``missing`` lists flows not admitted, ``extra`` flows admitted
FLOWS = "flows"
CHECKS = FEATURES + (FLOWS,)


def _feature_order(name):
    return (CHECKS.index(name), name) if name in CHECKS else (len(CHECKS), name)


def _strings(value):
    return [str(item) for item in (value or [])]


def _optional(value):
    return None if value in (None, "") else str(value)


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
    remediate or check: where it failed), and what the host is judged against
    (``provider``, ``region``, ``profile``, ``catalog_version``, each optional).
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
    out = {"host": host, "platform": raw.get("platform"), "status": status,
           "features": features, "remediation": remediation}
    out.update((key, _optional(raw.get(key))) for key in JUDGED)
    return out


def _judged_against(hosts):
    """Each provider/region/profile/catalog version in the report with its host count
    (hosts with no provider known are left out)."""
    groups = {}
    for entry in hosts.values():
        key = tuple(entry.get(k) for k in JUDGED)
        if key[0] is not None:
            groups[key] = groups.get(key, 0) + 1
    return [dict(zip(JUDGED, key), hosts=groups[key])
            for key in sorted(groups, key=lambda k: tuple("" if v is None else v for v in k))]


def build_report(entries, generated_at=None, remediate=False, hosts=None, collection_version=None):
    """The whole report from host entries (host_entry output, or raw entries).

    ``hosts``: every host the run targeted; one that left no entry is an error (the play
    stopped before it was checked), so no host is silently missing from a report.
    ``collection_version``: the voipready.network version that judged the hosts.
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
    host_counts = dict((s, 0) for s in HOST_STATUSES)
    feature_counts = {}
    drifted, unreachable, errors = [], [], []
    out_hosts = {}
    for host in sorted(by_host):
        entry = by_host[host]
        features = dict((f, entry["features"][f]) for f in
                        sorted(entry["features"], key=_feature_order))
        for feature, cell in features.items():
            counts[cell["status"]] += 1
            feature_counts.setdefault(feature, dict((s, 0) for s in STATUSES))[cell["status"]] += 1
            if cell["status"] == "drift":
                drifted.append("%s/%s" % (host, feature))
        host_counts[entry["status"]] += 1
        if entry["status"] == "unreachable":
            unreachable.append(host)
        if entry["status"] == "error":
            errors.append(host)
        out_hosts[host] = {"platform": entry.get("platform"), "status": entry["status"],
                           "features": features, "remediation": entry.get("remediation")}
        out_hosts[host].update((key, _optional(entry.get(key))) for key in JUDGED)
    summary = {
        "hosts": len(out_hosts),
        "checks": sum(counts.values()),
        "counts": counts,
        "host_counts": host_counts,
        "feature_counts": dict((f, feature_counts[f]) for f in sorted(feature_counts, key=_feature_order)),
        "judged_against": _judged_against(out_hosts),
        "drifted": drifted,
        "unreachable": unreachable,
        "errors": errors,
        "compliant": not (drifted or unreachable or errors),
    }
    return {"schema_version": SCHEMA_VERSION, "generated_at": generated_at,
            "collection_version": _optional(collection_version),
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
        known = [(name, entry.get(name)) for name in ("platform",) + JUDGED if entry.get(name)]
        if known:
            props = ET.SubElement(suite, "properties")
            for name, value in known:
                ET.SubElement(props, "property", {"name": name, "value": str(value)})
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
# One rule per status colour, `.st-<status> { background: #rrggbb; }` (the browser tests
# read the colours from these lines). Everything wraps: the page never scrolls sideways.
STYLE = """
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 1.5; margin: 16px;
       color: #1b1b1b; overflow-wrap: anywhere; -webkit-text-size-adjust: 100%; }
h1 { font-size: 22px; margin: 0 0 2px 0; }
h2 { font-size: 17px; margin: 14px 0 4px 0; }
p.meta { color: #555; margin: 0 0 8px 0; }
table { border-collapse: collapse; margin: 0 0 10px 0; max-width: 100%; }
caption { text-align: left; color: #555; }
th, td { border: 1px solid #bdbdbd; padding: 1px 8px; text-align: left; vertical-align: top; }
thead th { background: #37474f; color: #ffffff; font-weight: normal; }
table.feature-counts td { text-align: right; min-width: 3em; }
ul.counts { list-style: none; padding: 0; margin: 0 0 8px 0; display: flex; flex-wrap: wrap; gap: 6px; }
ul.counts li { padding: 1px 10px; border-radius: 4px; }
.filter { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0 0 0; }
.filter input { font: inherit; width: 30em; max-width: 100%; padding: 2px 6px; }
button.pick { font: inherit; border: 0; background: none; padding: 0; color: #0d47a1;
              text-decoration: underline; cursor: pointer; }
ol.hosts { list-style: none; padding: 0; margin: 0; }
ol.hosts > li { border-bottom: 1px solid #e0e0e0; padding: 2px 0; }
.line { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 10px; }
.badge, .chip { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; }
.badge { min-width: 7.5em; text-align: center; }
.name { font-weight: bold; }
.platform, .tally { color: #555; }
.why { flex: 1 1 20em; min-width: 0; }
summary { cursor: pointer; }
details.full > summary { color: #0d47a1; }
details.full[open] { flex-basis: 100%; }
.cells { padding-left: 24px; }
.what { font-size: 12px; margin: 2px 0 0 0; }
pre { background: #fafafa; color: #1b1b1b; border: 1px solid #bdbdbd; padding: 4px; margin: 2px 0 4px 0;
      font-size: 12px; max-height: 20em; overflow: auto; white-space: pre-wrap; word-break: break-all; }
.zero { color: #9e9e9e; }
@media (max-width: 600px) { body { margin: 8px; font-size: 13px; } th, td { padding: 1px 4px; } }
.st-compliant { background: #a5d6a7; }
.st-drift { background: #ef9a9a; }
.st-not_applicable { background: #e0e0e0; }
.st-unreachable { background: #ffcc80; }
.st-error { background: #ce93d8; }
.st-none { background: #ffffff; color: #757575; border: 1px solid #e0e0e0; }
"""

# The filter box: every word typed must occur in a host's data-search (name, platform,
# status:<status>, provider, region, <feature>:<status>, the error's first line); the
# feature table's counts fill it in. Inline and self-contained: the page works offline,
# and without script every host is shown (the box stays hidden).
SCRIPT = """
(function () {
  "use strict";
  var box = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var hosts = Array.prototype.slice.call(document.querySelectorAll("#hosts > li"));
  var texts = hosts.map(function (li) { return li.getAttribute("data-search"); });
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(function (w) { return w; });
    var count = 0;
    hosts.forEach(function (li, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      li.hidden = !hit;
      count += hit ? 1 : 0;
    });
    shown.textContent = words.length ? count + " of " + hosts.length + " hosts shown"
                                     : hosts.length + (hosts.length === 1 ? " host" : " hosts");
  }
  box.addEventListener("input", apply);
  Array.prototype.forEach.call(document.querySelectorAll("button[data-filter]"), function (button) {
    button.addEventListener("click", function () {
      box.value = button.getAttribute("data-filter");
      apply();
      box.focus();
    });
  });
  document.getElementById("filter-bar").hidden = false;
  apply();
}());
"""

LABELS = {"not_applicable": "n/a"}
HEADLINE_LIMIT = 240
PROBLEMS = ("drift", "unreachable", "error")


def _e(text):
    return html.escape(str(text), quote=True)


def _plural(count, word):
    return "%d %s%s" % (count, word, "" if count == 1 else "s")


def headline(reason, limit=HEADLINE_LIMIT):
    """A reason's first non-empty line, at most ``limit`` characters: what the page shows
    in a host's one line (netmiko's login errors go on for a dozen lines of causes; the
    whole text is folded beside it)."""
    lines = [line.strip() for line in str(reason or "").splitlines() if line.strip()]
    first = lines[0] if lines else ""
    return first if len(first) <= limit else first[:limit - 1].rstrip() + "\u2026"


def _one_failure(cells):
    """(status, reason) when every cell of a host is the same failure (it could not be
    checked at all: no login, bad input), else None."""
    pairs = set((c["status"], (c["reason"] or "").strip()) for c in cells.values())
    if len(pairs) == 1:
        status, reason = next(iter(pairs))
        if status in ("unreachable", "error") and reason:
            return status, reason
    return None


def _tally(cells):
    """Per host: 6 checks: 2 drift, 3 compliant, 1 n/a."""
    if not cells:
        return "no checks"
    counts = dict((s, 0) for s in CELL_ORDER)
    for cell in cells.values():
        counts[cell["status"]] += 1
    return "%s: %s" % (_plural(len(cells), "check"), ", ".join(
        "%d %s" % (counts[s], LABELS.get(s, s)) for s in CELL_ORDER if counts[s]))


def _search_text(host, entry):
    words = [host, entry.get("platform"), "status:" + entry["status"]]
    words += [entry.get(key) for key in ("provider", "region", "profile")]
    for feature, cell in entry["features"].items():
        words.append("%s:%s" % (feature, cell["status"]))
        if cell["status"] in ("unreachable", "error"):
            words.append(headline(cell["reason"]))
    out = []
    for word in words:
        if word and str(word) not in out:
            out.append(str(word))
    return " ".join(out).lower()


def _cell_html(host, feature, cell):
    """A cell that needs attention: one summary line, what is missing/extra and the fix
    folded under it."""
    status = cell["status"]
    facts = ["%d %s" % (len(cell[label]), _heading(feature, label))
             for label in ("missing", "extra") if cell[label]]
    if cell["commands"]:
        facts.append(_plural(len(cell["commands"]), "command"))
    if cell["reason"]:
        facts.append(headline(cell["reason"]))
    out = ['<details class="cell" data-host="%s" data-feature="%s" data-status="%s">'
           % (_e(host), _e(feature), status),
           '<summary><span class="chip st-%s">%s: %s</span> %s</summary>'
           % (status, _e(feature), _e(LABELS.get(status, status)), _e("; ".join(facts)))]
    if cell["reason"] and cell["reason"].strip() != headline(cell["reason"]):
        out.append('<pre class="reason">%s</pre>' % _e(cell["reason"].strip()))
    for label in ("missing", "extra"):
        if cell[label]:
            out.append('<p class="what">%s:</p><pre class="%s">%s</pre>'
                       % (_e(_heading(feature, label)), label, _e("\n".join(cell[label]))))
    if cell["commands"]:
        out.append('<p class="what">fix:</p><pre class="fix">%s</pre>' % _e("\n".join(cell["commands"])))
    out.append("</details>")
    return "".join(out)


def _host_html(host, entry):
    cells = entry["features"]
    failure = _one_failure(cells)
    out = ['<li class="host" data-host="%s" data-status="%s" data-platform="%s" data-search="%s">'
           % (_e(host), entry["status"], _e(entry.get("platform") or ""), _e(_search_text(host, entry))),
           '<div class="line"><span class="badge st-%s">%s</span><span class="name">%s</span>'
           '<span class="platform">%s</span><span class="tally" title="%s">%s</span>'
           % (entry["status"], entry["status"], _e(host), _e(entry.get("platform") or "platform unknown"),
              _e(", ".join(cells)), _e(_tally(cells)))]
    if failure:
        # could not be checked: the error once, not once per feature
        reason = failure[1]
        out.append('<span class="why">%s</span>' % _e(headline(reason)))
        if reason != headline(reason):
            out.append('<details class="full"><summary>full error</summary><pre class="reason">%s</pre>'
                       '</details>' % _e(reason))
    out.append("</div>")
    problems = [_cell_html(host, f, c) for f, c in cells.items() if c["status"] in PROBLEMS]
    if problems and not failure:
        out.append('<div class="cells">%s</div>' % "".join(problems))
    out.append("</li>")
    return "".join(out)


def _judged_html(groups):
    """What the hosts were judged against: one row per provider/region/profile/catalog."""
    if not groups:
        return '<p class="meta" id="judged">provider, region and catalog version: unknown</p>'
    fields = ["provider", "region"] + (["profile"] if any(g.get("profile") for g in groups) else [])
    fields += ["catalog_version", "hosts"]
    head = "".join("<th>%s</th>" % _e(f.replace("_", " ")) for f in fields)
    rows = []
    for group in groups:
        values = [group.get(f) for f in fields]
        rows.append("<tr>%s</tr>" % "".join(
            '<td data-field="%s">%s</td>' % (f, _e("\u2014" if v is None else v)) for f, v in zip(fields, values)))
    return ('<table class="judged" id="judged"><caption>Judged against</caption><thead><tr>%s</tr></thead>'
            '<tbody>%s</tbody></table>' % (head, "".join(rows)))


def _feature_table(feature_counts):
    """Hosts per feature and status; a count fills the filter box with feature:status."""
    rows = []
    for feature, counts in feature_counts.items():
        cells = []
        for status in CELL_ORDER:
            count = counts.get(status, 0)
            cells.append('<td class="st-%s" data-status="%s"><button type="button" class="pick" '
                         'data-filter="%s:%s">%d</button></td>' % (status, status, _e(feature), status, count)
                         if count else '<td class="zero" data-status="%s">0</td>' % status)
        rows.append('<tr data-feature="%s"><th>%s</th>%s</tr>' % (_e(feature), _e(feature), "".join(cells)))
    return ('<table class="feature-counts" id="feature-counts"><caption>Hosts per feature and status</caption>'
            "<thead><tr><th>feature</th>%s</tr></thead><tbody>%s</tbody></table>"
            % ("".join("<th>%s</th>" % _e(LABELS.get(s, s)) for s in CELL_ORDER), "".join(rows)))


def to_html(report):
    """A self-contained page (inline CSS and script, nothing fetched) for triage: what the
    hosts were judged against, hosts per status and per feature, a filter box, then the
    hosts worst first (error, unreachable, drift, compliant; then by name), one line each,
    with what drifted and the fix commands folded under a host that drifted."""
    summary = report["summary"]
    if "host_counts" not in summary:
        # a report of an older collection version: the counts from its hosts
        summary = build_report([dict(e, host=h) for h, e in report["hosts"].items()])["summary"]
    hosts = sorted(report["hosts"].items(), key=lambda item: (-SEVERITY[item[1]["status"]], item[0]))
    verdict = "compliant" if summary["compliant"] else "not compliant"
    meta = ["judged by voipready.network %s" % (report.get("collection_version") or "(version unknown)")]
    if report.get("generated_at"):
        meta.append("generated %s" % report["generated_at"])
    meta.append("%s, %s" % (_plural(summary["hosts"], "host"), _plural(summary["checks"], "check")))
    if report.get("remediate"):
        meta.append("after remediation")
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>voipready compliance: %s</title>" % verdict,
        "<style>%s</style></head>" % STYLE,
        "<body>",
        "<header>",
        "<h1>Voice readiness compliance: %s</h1>" % verdict,
        '<p class="meta" id="meta">%s</p>' % _e(" \u00b7 ".join(meta)),
        _judged_html(summary["judged_against"]),
        # hosts, not checks; a status nobody has is not coloured
        '<ul class="counts" id="host-counts">' + "".join(
            '<li class="st-%s" data-status="%s">%s: %s</li>' % (
                s if summary["host_counts"][s] else "none", s, s, _plural(summary["host_counts"][s], "host"))
            for s in HOST_STATUSES) + "</ul>",
        _feature_table(summary["feature_counts"]),
        "</header>",
        '<div class="filter" id="filter-bar" hidden><label for="filter">Filter hosts</label>'
        '<input type="search" id="filter" autocomplete="off" spellcheck="false" '
        'placeholder="name, platform, status:drift, allowlist:drift, error text">'
        '<span id="shown">%s</span></div>' % _plural(len(hosts), "host"),
        "<h2>Hosts, worst first</h2>",
        '<ol class="hosts" id="hosts">',
    ]
    lines += [_host_html(host, entry) for host, entry in hosts]
    lines.append("</ol>")
    remediated = [(h, e["remediation"]) for h, e in report["hosts"].items() if e.get("remediation")]
    if remediated:
        lines.append('<h2>Remediation</h2><ul id="remediation">')
        for host, rem in remediated:
            lines.append("<li>%s: %s</li>" % (_e(host), _e(
                "fixed %s" % ", ".join(rem["fixed"]) if rem["fixed"] else
                ("changed" if rem["changed"] else "nothing to change"))))
        lines.append("</ul>")
    lines += ["<script>%s</script>" % SCRIPT, "</body>", "</html>", ""]
    return "\n".join(lines)
