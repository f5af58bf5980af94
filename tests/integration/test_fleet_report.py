"""The fleet compliance report (issue 14.7) as a user sees it, in headless Chromium.

* 12 hosts: playbooks/compliance.yml on inventories/example with every device on a
  closed loopback port (``-e ansible_host=127.0.0.1 -e ansible_port=9``; never the
  example's documentation addresses), so the report holds netmiko's real login errors.
* 500 hosts: synthetic check results (every status, several providers, long fix
  commands) through the report code the compliance action runs (host_entry,
  build_report, to_html).

In the browser (tests/integration/browser.py, DevTools protocol, real key and mouse
input): hosts worst first then by name, one line per unreachable host with its error
once (the rest of netmiko's text folded, there when opened), hosts per status and per
feature (hosts, not checks), the provider, region, catalog and collection versions in
the header, the filter box filters (typed, and from the feature table's counts), no
sideways scroll at 1400 and 480 pixels with everything unfolded, nothing fetched.
Screenshots: reports/screenshots/fleet-12.png and fleet-500.png (docs/images/ keeps
copies for the docs).
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
COLLECTIONS_PATH = REPO / ".cache" / "collections"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(COLLECTIONS_PATH))

import browser  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils import report  # noqa: E402

PLAYBOOK_BIN = Path(sys.executable).parent / "ansible-playbook"
SHOTS = REPO / "reports" / "screenshots"
SECRET = "fleet-report-secret-91c2"
STAMP = "2026-01-05T06:00:00Z"
# worst first, as a person triaging wants them (the test's own table, not the code's)
RANK = {"error": 0, "unreachable": 1, "drift": 2, "compliant": 3}
STYLE = dict(re.findall(r"\.st-(\w+) \{ background: (#[0-9a-f]{6}); \}", report.STYLE))
COLLECTION_VERSION = yaml.safe_load((REPO / "galaxy.yml").read_text())["version"]
KORE_CATALOG = yaml.safe_load((REPO / "catalog" / "providers" / "kore.yml").read_text())["catalog_version"]

# -- what the page shows, read after layout ------------------------------------------------
VISIBLE = ("Array.from(document.querySelectorAll('#hosts > li'))"
           ".filter(function (li) { return li.getClientRects().length > 0; })"
           ".map(function (li) { return li.getAttribute('data-host'); })")
TOPS = ("Array.from(document.querySelectorAll('#hosts > li'))"
        ".map(function (li) { return li.getBoundingClientRect().top; })")
NO_SIDEWAYS = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
WIDTHS = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
UNFOLD = "document.querySelectorAll('details').forEach(function (d) { d.open = true; }); true"
# The text a person can see: rendered, and not inside a closed <details> (but its summary).
SEEN = """function seen(root) {
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), out = [], node;
  while ((node = walker.nextNode())) {
    var el = node.parentElement;
    if (!el.closest('details:not([open]) > :not(summary)') && el.getClientRects().length > 0) {
      out.push(node.data);
    }
  }
  return out.join(' ');
}"""
LINES = SEEN + """;
Array.from(document.querySelectorAll('#hosts > li[data-status="unreachable"]')).map(function (li) {
  var line = li.querySelector('.line'), folded = li.querySelector('details.full');
  return {host: li.getAttribute('data-host'), height: line.getBoundingClientRect().height,
          lineHeight: parseFloat(getComputedStyle(line).lineHeight), text: seen(li),
          folded: folded ? folded.getBoundingClientRect().height - folded.querySelector('summary')
                                                                   .getBoundingClientRect().height : null};
})"""
PAGE_TEXT = SEEN + "; seen(document.body)"
FEATURE_TABLE = """(function () {
  var heads = Array.from(document.querySelectorAll('#feature-counts thead th')).map(function (th) { return th.innerText; });
  var out = {};
  document.querySelectorAll('#feature-counts tbody tr').forEach(function (tr) {
    var row = {};
    tr.querySelectorAll('td').forEach(function (td, i) { row[heads[i + 1]] = parseInt(td.innerText, 10); });
    out[tr.querySelector('th').innerText] = row;
  });
  return out;
})()"""
JUDGED = """Array.from(document.querySelectorAll('#judged tbody tr')).map(function (tr) {
  var row = {};
  tr.querySelectorAll('td').forEach(function (td) { row[td.getAttribute('data-field')] = td.innerText; });
  return row;
})"""
FETCHED = ("performance.getEntriesByType('resource').length + "
           "document.querySelectorAll('[src], link[href], img, iframe, object').length")


def expected_order(data):
    return sorted(data["hosts"], key=lambda h: (RANK[data["hosts"][h]["status"]], h))


def expected_feature_counts(data):
    """Hosts per feature and status, counted here from the hosts (labels as the page heads them)."""
    out = {}
    for entry in data["hosts"].values():
        for feature, cell in entry["features"].items():
            row = out.setdefault(feature, dict.fromkeys(("error", "unreachable", "drift", "compliant", "n/a"), 0))
            row["n/a" if cell["status"] == "not_applicable" else cell["status"]] += 1
    return out


def host_counts_text(page):
    return page.js("document.getElementById('host-counts').innerText")


def check_layout(page, widths=(1400, 480)):
    """No sideways scroll at each width, with every folded part unfolded."""
    page.js(UNFOLD)
    for width in widths:
        page.resize(width, 900)
        assert page.js(NO_SIDEWAYS), "the page scrolls sideways at %dpx: scrollWidth, clientWidth = %s" % (
            width, page.js(WIDTHS))


# -- 12 hosts: the example inventory, every device on a closed port -------------------------
@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    with socket.socket() as sock:
        sock.settimeout(2)
        assert sock.connect_ex(("127.0.0.1", 9)) != 0, "something listens on 127.0.0.1:9; the test needs it closed"
    out = tmp_path_factory.mktemp("fleet12")
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH),
               ANSIBLE_NOCOLOR="1")
    run = subprocess.run([str(PLAYBOOK_BIN), "-i", "inventories/example", "playbooks/compliance.yml",
                          "-e", "ansible_host=127.0.0.1", "-e", "ansible_port=9", "-e", "ansible_password=" + SECRET,
                          "-e", "compliance_generated_at=" + STAMP, "-e", "compliance_report_dir=%s" % out],
                         cwd=str(REPO), env=env, capture_output=True, text=True, timeout=600, check=False)
    assert (out / "compliance.html").is_file(), (run.stdout + run.stderr)[-4000:]
    assert not re.search(r"192\.0\.2\.\d+:", run.stdout + run.stderr), "a documentation address was contacted"
    return out, json.loads((out / "compliance.json").read_text())


def test_12_unreachable_hosts_one_line_each_with_the_error_once(example_report):
    out, data = example_report
    assert len(data["hosts"]) == 12 and all(e["status"] == "unreachable" for e in data["hosts"].values())
    reasons = {h: next(iter(e["features"].values()))["reason"] for h, e in data["hosts"].items()}
    with browser.Page(1400, 1000) as page:
        page.open(out / "compliance.html")
        assert page.js(FETCHED) == 0, "the page fetched or embeds something"
        assert page.js(VISIBLE) == expected_order(data)
        tops = page.js(TOPS)
        assert tops == sorted(tops) and len(set(tops)) == 12, tops

        # one line per host, the first line of netmiko's error once, the rest folded
        lines = page.js(LINES)
        assert len(lines) == 12
        for line in lines:
            reason = reasons[line["host"]].strip().splitlines()
            assert len(reason) > 1, "netmiko's error is one line now: %r" % reason
            first, rest = reason[0].strip(), [r.strip() for r in reason[1:] if r.strip()]
            assert first.startswith("cannot log in to 127.0.0.1:9 as netops")
            assert line["height"] < 2 * line["lineHeight"], "%s takes more than one line: %s" % (line["host"], line)
            assert line["text"].count(first) == 1, line["text"]
            assert not any(r in line["text"] for r in rest), "the folded error shows: %s" % line["text"]
            assert line["folded"] is not None and line["folded"] < 1, "the full error is not folded: %s" % line
        body = page.js(PAGE_TEXT)
        assert body.count("cannot log in to 127.0.0.1:9") == 12, "the error is not shown once per host"
        # the whole text, when asked for
        host = expected_order(data)[0]
        page.click('#hosts > li[data-host="%s"] details.full > summary' % host)
        shown = page.js(SEEN + "; seen(document.querySelector('#hosts > li[data-host=\"%s\"]'))" % host)
        assert all(r.strip() in shown for r in reasons[host].splitlines() if r.strip()), shown

        # hosts, not checks; per feature, hosts per status
        counts = host_counts_text(page)
        assert "unreachable: 12 hosts" in counts and "compliant: 0 hosts" in counts, counts
        assert "unreachable: %d" % data["summary"]["checks"] not in counts
        assert page.js(FEATURE_TABLE) == expected_feature_counts(data)

        # what they were judged against
        assert page.js(JUDGED) == [{"provider": "kore", "region": "us-east", "catalog_version": KORE_CATALOG,
                                    "hosts": "12"}]
        meta = page.js("document.getElementById('meta').innerText")
        assert "voipready.network %s" % COLLECTION_VERSION in meta and STAMP in meta, meta
        page.click('#hosts > li[data-host="%s"] details.full > summary' % host)        # fold it again
        shot = page.screenshot(SHOTS / "fleet-12.png", full_page=True)
        page.type("#filter", "mikrotik")
        assert page.js(VISIBLE) == ["mikrotik-branch-rtr05"]
        assert page.js("document.getElementById('shown').innerText") == "1 of 12 hosts shown"
        page.clear("#filter")
        assert page.js(VISIBLE) == expected_order(data)
        check_layout(page)
    painted = browser.colours(shot)
    assert browser.near(painted, browser.hex_rgb(STYLE["unreachable"])) > 5000
    assert browser.near(painted, browser.hex_rgb(STYLE["compliant"])) == 0, "something is painted compliant"
    for name in ("compliance.json", "compliance.xml", "compliance.html"):
        assert SECRET not in (out / name).read_text()


# -- 500 hosts: synthetic results through the report code ----------------------------------
FIREWALL = ["allowlist", "sip_alg", "voice_vlan", "qos", "timeouts", "flows"]
SWITCH = ["voice_vlan", "qos", "flows"]
PLATFORMS = {"fw": ["linux", "asa", "junos", "fortios", "panos", "vyos", "ios", "routeros"],
             "sw": ["ios", "eos", "junos", "openvswitch"]}
LOGIN = ("cannot log in to 127.0.0.1:%d as netops: TCP connection to device failed.\n\n"
         "Common causes of this problem are:\n1. Incorrect hostname or IP address.\n2. Wrong TCP port.\n"
         "3. Intermediate firewall blocking access.\n\nDevice settings: cisco_ios 127.0.0.1:%d\n\n")
ADDRESSES = ["203.0.113.%d/32" % i for i in range(1, 60)]
# a fix longer than any screen, without a space to break at
LONG = "nft add element inet voipready provider_v4 { %s }" % ",".join(ADDRESSES)


def fleet_raw(count=500):
    raws = []
    for i in range(count):
        kind = "fw" if i % 2 == 0 else "sw"
        platform = PLATFORMS[kind][i % len(PLATFORMS[kind])]
        planned = FIREWALL if kind == "fw" else SWITCH
        judged = ({"provider": "kore", "region": "us-east"} if i % 10 < 7 else
                  {"provider": "kore", "region": "eu"} if i % 10 < 9 else
                  {"provider": "genesys", "region": None})
        judged["catalog_version"] = "2026.11.1"
        raw = dict(judged, host="site%03d-%s%d" % (i // 2, kind, i % 2 + 1), platform=platform, planned=planned)
        if i % 25 == 7:
            raw["failure"], raw["phase"] = {"msg": LOGIN % (2000 + i, 2000 + i)}, "check"
        elif i % 100 == 13:
            raw["failure"], raw["phase"] = {"msg": "voipready_voice_networks[0]='198.51.100.0/33' is not a "
                                                   "valid IP address or CIDR (module field "
                                                   "allowlist.voice_networks[0])"}, "intent"
        elif i % 100 == 64:
            # one long token (addresses joined by commas): nowhere to break but anywhere
            raw["failure"], raw["phase"] = {"msg": "voip_inputs.webrtc_addresses=%r: not a list of addresses"
                                                   % ",".join(ADDRESSES)}, "intent"
        else:
            features = dict((f, {"status": "compliant", "commands": []}) for f in planned)
            if kind == "fw":
                features["voice_vlan"] = {"status": "not_applicable", "commands": [],
                                          "reason": "no voipready_subinterfaces on this firewall"}
            if i % 9 == 4 and kind == "fw":
                features["allowlist"] = {"status": "drift", "commands": [LONG, "nft flush set inet voipready x"],
                                         "missing": ["ip daddr @provider_v4 udp dport 5060 accept"],
                                         "extra": ["ip daddr 198.51.100.99 udp dport 5060 accept"]}
            if i % 23 == 5:
                features["qos"] = {"status": "drift", "commands": ["mls qos trust dscp"],
                                   "missing": ["mls qos trust dscp"], "extra": []}
            if i % 31 == 6:
                features["flows"] = {"status": "drift", "commands": [], "reason": "sampled 96 flows",
                                     "missing": ["udp 198.51.100.10:40000 -> 203.0.113.10:5060: denied by "
                                                 "acl CUSTOMER line 10"], "extra": []}
            raw["check"] = {"features": features}
        raws.append(raw)
    return raws


def fleet_report(raws):
    """What voipready_compliance_report does with the hosts' entries."""
    return report.build_report([report.host_entry(r) for r in raws], generated_at=STAMP,
                               hosts=[r["host"] for r in raws], collection_version=COLLECTION_VERSION)


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    data = fleet_report(fleet_raw())
    page = tmp_path_factory.mktemp("fleet500") / "compliance.html"
    page.write_text(report.to_html(data), encoding="utf-8")
    return page, data


def test_500_hosts_same_bytes_for_the_same_results_in_any_order():
    raws = fleet_raw()
    shuffled = copy.deepcopy(raws)
    random.Random(5).shuffle(shuffled)
    one, two = fleet_report(raws), fleet_report(shuffled)
    for render in (report.to_json, report.to_junit, report.to_html):
        assert render(one) == render(two)


def test_500_hosts_triage_in_the_browser(fleet):
    path, data = fleet
    size = path.stat().st_size
    assert size < 1_000_000, "the 500-host page is %d bytes" % size
    statuses = [e["status"] for e in data["hosts"].values()]
    assert {s: statuses.count(s) for s in RANK} == {"error": 10, "unreachable": 20, "drift": 62, "compliant": 408}
    with browser.Page(1400, 1000) as page:
        page.open(path)
        assert page.js(FETCHED) == 0
        order = expected_order(data)
        assert page.js(VISIBLE) == order
        tops = page.js(TOPS)
        assert tops == sorted(tops) and len(set(tops)) == 500
        lines = page.js(LINES)
        assert len(lines) == 20 and all(line["height"] < 2 * line["lineHeight"] for line in lines), lines
        text = page.js(PAGE_TEXT)
        assert text.count("Common causes") == 0 and text.count("cannot log in to") == 20
        counts = host_counts_text(page)
        for label in ("error: 10 hosts", "unreachable: 20 hosts", "drift: 62 hosts", "compliant: 408 hosts"):
            assert label in counts, counts
        assert page.js(FEATURE_TABLE) == expected_feature_counts(data)
        assert page.js(JUDGED) == [
            {"provider": "genesys", "region": "\u2014", "catalog_version": "2026.11.1", "hosts": "50"},
            {"provider": "kore", "region": "eu", "catalog_version": "2026.11.1", "hosts": "100"},
            {"provider": "kore", "region": "us-east", "catalog_version": "2026.11.1", "hosts": "350"}]
        shot = page.screenshot(SHOTS / "fleet-500.png")

        # the filter box, typed: every word must match
        page.type("#filter", "unreachable")
        assert page.js(VISIBLE) == [h for h in order if h in data["summary"]["unreachable"]]
        assert page.js("document.getElementById('shown').innerText") == "20 of 500 hosts shown"
        page.clear("#filter")
        page.type("#filter", "allowlist:drift linux")
        wanted = [h for h in order if data["hosts"][h]["platform"] == "linux"
                  and data["hosts"][h]["features"].get("allowlist", {}).get("status") == "drift"]
        assert wanted and page.js(VISIBLE) == wanted
        page.clear("#filter")
        page.type("#filter", "no-such-host")
        assert page.js(VISIBLE) == []
        page.clear("#filter")
        assert len(page.js(VISIBLE)) == 500
        # a count in the feature table fills the box
        page.click('#feature-counts button[data-filter="qos:drift"]')
        assert page.js("document.getElementById('filter').value") == "qos:drift"
        assert page.js(VISIBLE) == [h for h in order if data["hosts"][h]["features"].get("qos", {}).get("status")
                                    == "drift"]
        page.clear("#filter")
        check_layout(page)
    width, height, _rows = browser.read_png(shot)
    assert (width, height) == (1400, 1000)
    painted = browser.colours(shot)
    for status in ("error", "unreachable"):
        assert browser.near(painted, browser.hex_rgb(STYLE[status])) > 2000, status


def test_without_script_every_host_is_listed_and_the_filter_box_hidden(fleet, tmp_path):
    """The page with its script taken out (a mail client, a locked-down viewer): all
    500 hosts in the same order, no dead filter box."""
    path, data = fleet
    bare = tmp_path / "bare.html"
    bare.write_text(re.sub(r"<script>.*?</script>", "", path.read_text(), flags=re.S))
    with browser.Page(1400, 1000) as page:
        page.open(bare)
        assert page.js(VISIBLE) == expected_order(data)
        assert page.js("document.getElementById('filter-bar').getClientRects().length") == 0
