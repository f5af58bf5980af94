"""playbooks/compliance.yml without the lab, and its HTML report in a real browser.

- The HTML report rendered by headless Chromium (Debian's `chromium`, installed by
  tools/setup.sh from bindep.txt's test profile): the PNG shows the drift and the
  compliant colours, and the DOM after layout holds every drifted cell and the fix
  commands. No skip: `make test` installs chromium. (The fleet view, 12 and 500 hosts,
  as a user sees it: test_fleet_report.py.)
- The playbook against devices that do not answer (closed loopback ports): every
  feature unreachable in the three reports, the summary published with set_stats, the
  job fails (and passes with compliance_fail_on_unreachable=false), no secret in the
  output or the reports.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
COLLECTIONS_PATH = REPO / ".cache" / "collections"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(COLLECTIONS_PATH))

import browser  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils import report  # noqa: E402

PLAYBOOK_BIN = Path(sys.executable).parent / "ansible-playbook"
SECRET = "never-in-a-report-7f3a"
STYLE = dict(re.findall(r"\.st-(\w+) \{ background: (#[0-9a-f]{6}); \}", report.STYLE))


def _matrix_report(drift=True):
    nft = "nft -f - <<'VOIPREADY_NFT'\ndelete rule ip drift_alg prerouting handle 3\nVOIPREADY_NFT"
    entries = [
        {"host": "fw1", "platform": "linux", "planned": ["allowlist", "sip_alg", "qos", "timeouts"],
         "check": {"features": {
             "allowlist": {"status": "compliant", "commands": []},
             "sip_alg": {"status": "drift", "commands": [nft], "missing": ["SIP helper rules: none (SIP ALG off)"],
                         "extra": ['SIP helper rule: table ip drift_alg chain prerouting handle 3: '
                                   'udp dport 5060 ct helper set "sip-5060"']},
             "qos": {"status": "compliant", "commands": []},
             "timeouts": {"status": "drift",
                          "commands": ["sysctl -q -w net.netfilter.nf_conntrack_udp_timeout_stream=600"],
                          "missing": ["sysctl net.netfilter.nf_conntrack_udp_timeout_stream = 600"],
                          "extra": ["sysctl net.netfilter.nf_conntrack_udp_timeout_stream = 333"]}}}},
        {"host": "sw1", "platform": "openvswitch", "planned": ["voice_vlan", "qos"],
         "check": {"features": {"voice_vlan": {"status": "compliant", "commands": []},
                                "qos": {"status": "compliant", "commands": []}}}},
    ]
    if not drift:
        for feature in ("sip_alg", "timeouts"):
            entries[0]["check"]["features"][feature] = {"status": "compliant", "commands": []}
    return report.build_report([report.host_entry(e) for e in entries], generated_at="2026-01-01T00:00:00Z")


def test_html_report_renders_in_headless_chromium(tmp_path):
    page = tmp_path / "compliance.html"
    page.write_text(report.to_html(_matrix_report()))

    dom = browser.dump_dom(page)
    cells = re.findall(r'<details class="cell" data-host="([^"]+)" data-feature="([^"]+)" data-status="(\w+)"', dom)
    assert cells == [("fw1", "sip_alg", "drift"), ("fw1", "timeouts", "drift")], cells   # what needs attention
    hosts = re.findall(r'<li class="host" data-host="([^"]+)" data-status="(\w+)"', dom)
    assert hosts == [("fw1", "drift"), ("sw1", "compliant")], hosts                      # worst first
    assert "4 checks: 2 drift, 2 compliant" in dom and "2 checks: 2 compliant" in dom
    assert "delete rule ip drift_alg prerouting handle 3" in dom
    assert "nf_conntrack_udp_timeout_stream=600" in dom

    png = browser.screenshot(page, tmp_path / "compliance.png")
    width, height, _unused = browser.read_png(png)
    assert (width, height) == (1400, 1000)
    painted = browser.colours(png)
    assert len(painted) > 50, "the screenshot is nearly blank: %d colours" % len(painted)
    drift = browser.near(painted, browser.hex_rgb(STYLE["drift"]))
    compliant = browser.near(painted, browser.hex_rgb(STYLE["compliant"]))
    # badges, chips, the host counts and the feature table's cells
    assert drift > 1500, "the drift colour %s is not painted (%d px)" % (STYLE["drift"], drift)
    assert compliant > 1500, "the compliant colour %s is not painted (%d px)" % (STYLE["compliant"], compliant)


def test_headless_check_tells_a_green_page_from_a_drifted_one(tmp_path):
    """The colour check can fail: a page with no drifted cell paints no drift colour."""
    page = tmp_path / "green.html"
    page.write_text(report.to_html(_matrix_report(drift=False)))
    painted = browser.colours(browser.screenshot(page, tmp_path / "green.png"))
    assert browser.near(painted, browser.hex_rgb(STYLE["drift"])) == 0
    assert browser.near(painted, browser.hex_rgb(STYLE["compliant"])) > 1500


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]                 # nothing listens once the socket is closed


def _run(tmp_path, *extra):
    inventory = tmp_path / "hosts.yml"
    inventory.write_text("""---
all:
  vars:
    ansible_host: 127.0.0.1
    ansible_user: root
    ansible_password: %s
    voip_provider: kore
    voip_region: us-east
  children:
    firewalls:
      hosts:
        dead-fw: {ansible_port: %d, voipready_platform: linux}
    switches:
      hosts:
        dead-sw:
          ansible_port: %d
          voipready_platform: openvswitch
          voipready_phone_ports: [phone1]
          voipready_uplink_ports: [uplink1]
""" % (SECRET, _closed_port(), _closed_port()))
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_COLLECTIONS_PATH=str(COLLECTIONS_PATH),
               ANSIBLE_NOCOLOR="1", ANSIBLE_SHOW_CUSTOM_STATS="1")
    return subprocess.run([str(PLAYBOOK_BIN), "-i", str(inventory), str(REPO / "playbooks" / "compliance.yml"),
                           "-e", "compliance_report_dir=%s" % (tmp_path / "reports"), *extra],
                          cwd=str(REPO), env=env, capture_output=True, text=True, timeout=600, check=False)


def test_unreachable_devices_are_reported_and_fail_the_job(tmp_path):
    p = _run(tmp_path)
    out = p.stdout + p.stderr
    assert p.returncode != 0, out[-4000:]
    assert "not compliant:" in out and "unreachable dead-fw, dead-sw" in out
    reports = tmp_path / "reports"
    data = json.loads((reports / "compliance.json").read_text())
    assert data["summary"]["unreachable"] == ["dead-fw", "dead-sw"]
    assert data["summary"]["counts"]["unreachable"] == 8 and data["summary"]["compliant"] is False
    assert set(data["hosts"]["dead-fw"]["features"]) == {
        "allowlist", "sip_alg", "qos", "timeouts", "flows"}
    assert set(data["hosts"]["dead-sw"]["features"]) == {"voice_vlan", "qos", "flows"}
    for host in data["hosts"].values():
        for cell in host["features"].values():
            assert cell["status"] == "unreachable" and cell["reason"].startswith("cannot log in to 127.0.0.1:")
    root = ET.parse(str(reports / "compliance.xml")).getroot()
    assert root.get("errors") == "8" and len(list(root.iter("testcase"))) == 8
    assert all(case.find("error").get("type") == "unreachable" for case in root.iter("testcase"))
    assert 'data-host="dead-sw" data-status="unreachable"' in (reports / "compliance.html").read_text()
    # set_stats: AWX shows this block as the job's artifacts
    stats = out.split("CUSTOM STATS")[-1]
    assert "voipready_compliance" in stats and "dead-fw" in stats
    # no secret anywhere
    assert SECRET not in out
    for name in ("compliance.json", "compliance.xml", "compliance.html"):
        assert SECRET not in (reports / name).read_text()


def test_reports_only_when_unreachable_hosts_are_allowed(tmp_path):
    p = _run(tmp_path, "-e", "compliance_fail_on_unreachable=false")
    assert p.returncode == 0, (p.stdout + p.stderr)[-4000:]
    assert json.loads((tmp_path / "reports" / "compliance.json").read_text())["summary"]["unreachable"] == [
        "dead-fw", "dead-sw"]
