"""playbooks/compliance.yml on the lab: green after site.yml; a drift made by hand on
vr-fw1 (an allowlist rule removed, a SIP helper back in another table, the UDP stream
timeout changed) fails the job and the three reports name the host, the features and
the fixing commands; the check touches nothing; remediate=true fixes it through the
apply path and the next run is green again.

Brings the lab up when it is down (and takes it down again afterwards); leaves it
converged. Skips only when podman is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "integration"))
import browser  # noqa: E402
import checks  # noqa: E402
from checks import FW, SW, sh  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")
REPO = checks.REPO
STREAM = "net.netfilter.nf_conntrack_udp_timeout_stream"


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        yield


def compliance(report_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, **checks.ENV_KEYS)
    env["PATH"] = "%s:%s" % (REPO / ".venv" / "bin", env.get("PATH", ""))
    env["ANSIBLE_SHOW_CUSTOM_STATS"] = "1"
    return subprocess.run([str(REPO / ".venv" / "bin" / "ansible-playbook"), "-i", "inventories/lab",
                           "playbooks/compliance.yml", "-e", "compliance_report_dir=%s" % report_dir, *args],
                          capture_output=True, text=True, timeout=600, cwd=REPO, env=env, check=False)


def load(report_dir: Path) -> dict:
    return json.loads((report_dir / "compliance.json").read_text())


def statuses(data: dict) -> dict:
    return {(h, f): c["status"] for h, e in data["hosts"].items() for f, c in e["features"].items()}


def device_state() -> dict:
    return {"nft": sh(FW, "nft list ruleset").stdout,
            "sysctl": sh(FW, "sysctl %s net.netfilter.nf_conntrack_udp_timeout" % STREAM).stdout,
            "files": sh(FW, "cat /etc/sysctl.d/90-voipready.conf /etc/nftables.d/voipready.nft 2>&1").stdout,
            "ovs": sh(SW, "ovs-vsctl show").stdout}


def green(p: subprocess.CompletedProcess, report_dir: Path) -> dict:
    assert p.returncode == 0, "compliance failed:\n%s\n%s" % (p.stdout[-5000:], p.stderr[-2000:])
    data = load(report_dir)
    assert data["summary"]["compliant"] is True, data["summary"]
    assert set(statuses(data).values()) <= {"compliant", "not_applicable"}, statuses(data)
    assert {h for h, _unused in statuses(data)} == {FW, SW}
    return data


def test_drift_fails_the_job_names_the_fix_and_remediate_repairs_it(lab, tmp_path):
    site = checks.site()
    assert site.returncode == 0, site.stdout[-4000:]
    green(compliance(tmp_path / "converged"), tmp_path / "converged")

    # -- drift by hand on vr-fw1
    table = json.loads(sh(FW, "nft -j list table inet voipready", check=True).stdout)["nftables"]
    victim = next(i["rule"] for i in table if "rule" in i and i["rule"]["chain"] == "forward"
                  and '"accept"' in json.dumps(i["rule"]["expr"]) and "voipready:" in i["rule"].get("comment", ""))
    rule_id = victim["comment"]
    try:
        sh(FW, "nft delete rule inet voipready forward handle %s" % victim["handle"], check=True)
        checks.add_sip_helper("drift_alg")
        sh(FW, "sysctl -qw %s=333" % STREAM, check=True)
        before = device_state()

        drifted = tmp_path / "drifted"
        p = compliance(drifted)
        out = p.stdout + p.stderr
        assert p.returncode != 0, "a drifted device must fail the job:\n" + out[-4000:]
        assert device_state() == before, "the compliance check changed the device"
        data = load(drifted)
        st = statuses(data)
        for feature in ("allowlist", "sip_alg", "timeouts"):
            assert st[(FW, feature)] == "drift", st
            assert "%s/%s" % (FW, feature) in data["summary"]["drifted"]
            assert "%s/%s" % (FW, feature) in out                        # the failure message names it
        assert all(s == "compliant" for (h, _unused), s in st.items() if h == SW), st
        cells = data["hosts"][FW]["features"]
        # what is missing, what is extra, and the commands that fix it
        assert any(rule_id in line for line in cells["allowlist"]["missing"]), cells["allowlist"]
        assert any("drift_alg" in line and "helper" in line for line in cells["sip_alg"]["extra"]), cells["sip_alg"]
        assert any("delete rule ip drift_alg prerouting handle" in c for c in cells["sip_alg"]["commands"])
        assert cells["timeouts"]["extra"] == ["sysctl %s = 333" % STREAM], cells["timeouts"]
        assert any("%s=600" % STREAM in c for c in cells["timeouts"]["commands"])
        assert any(rule_id in c for c in cells["allowlist"]["commands"])

        root = ET.parse(str(drifted / "compliance.xml")).getroot()
        failed = {(c.get("classname"), c.get("name")): c.find("failure") for c in root.iter("testcase")}
        for feature in ("allowlist", "sip_alg", "timeouts"):
            assert failed[(FW, feature)] is not None
        assert "delete rule ip drift_alg prerouting handle" in failed[(FW, "sip_alg")].text
        assert all(failed[key] is None for key in failed if key[0] == SW)

        page = drifted / "compliance.html"
        text = page.read_text()
        for feature in ("allowlist", "sip_alg", "timeouts"):
            assert 'data-host="%s" data-feature="%s" data-status="drift"' % (FW, feature) in text
        assert "delete rule ip drift_alg prerouting handle" in text
        dom = browser.dump_dom(page)
        assert 'data-host="vr-fw1" data-feature="sip_alg" data-status="drift"' in dom
        assert "CUSTOM STATS" in out and "vr-fw1/sip_alg" in out.split("CUSTOM STATS")[-1]

        # -- remediate=true: fixed through the apply path, then checked again
        fixed = tmp_path / "remediated"
        p = compliance(fixed, "-e", "remediate=true")
        data = green(p, fixed)
        assert data["remediate"] is True
        rem = data["hosts"][FW]["remediation"]
        assert rem["changed"] is True and {"allowlist", "sip_alg", "timeouts"} <= set(rem["fixed"]), rem
        assert sh(FW, "sysctl -n %s" % STREAM).stdout.strip() == "600"
        assert rule_id in sh(FW, "nft list chain inet voipready forward").stdout
        assert "ct helper set" not in sh(FW, "nft list table ip drift_alg").stdout

        green(compliance(tmp_path / "after"), tmp_path / "after")
    finally:
        # leave the lab converged whatever happened above
        sh(FW, "nft delete table ip drift_alg 2>/dev/null || true")
        checks.site()


CUSTOMER_TABLE = """table inet customer {
    chain forward {
        type filter hook forward priority -10; policy accept;
        udp dport 5060 counter drop comment "customer: no sip"
    }
}
"""


def test_customer_table_dropping_sip_fails_flows_and_names_it(lab, tmp_path):
    """Issue 17 on the lab: a customer's table that drops UDP 5060 before ours (forward
    hook, priority -10 < our filter priority) leaves every owned line compliant, so
    `allowlist` stays green, and `flows` (the whole ruleset, evaluated) fails naming it."""
    site = checks.site()
    assert site.returncode == 0, site.stdout[-4000:]
    converged = tmp_path / "converged"
    green(compliance(converged), converged)
    assert load(converged)["hosts"][FW]["features"]["flows"]["status"] == "compliant"
    try:
        sh(FW, "nft -f -", check=True, input=CUSTOMER_TABLE)
        before = device_state()
        shadowed = tmp_path / "shadowed"
        p = compliance(shadowed)
        assert p.returncode != 0, "a shadowed allowlist must fail the job:\n" + p.stdout[-4000:]
        assert device_state() == before, "the compliance check changed the device"
        data = load(shadowed)
        cells = data["hosts"][FW]["features"]
        print("flows cell:", json.dumps(cells["flows"], indent=1)[:3000])
        assert cells["allowlist"]["status"] == "compliant", cells["allowlist"]
        assert cells["flows"]["status"] == "drift", cells["flows"]
        missing = cells["flows"]["missing"]
        assert missing, cells["flows"]
        # every flow it says is lost is SIP on UDP 5060, and it names the customer's rule
        text = [json.dumps(m) for m in missing]
        assert all("5060" in t for t in text), missing
        assert all("customer" in t for t in text), missing
        assert cells["flows"]["commands"] == [], "a customer rule is fixed by its owner"
        assert "%s/flows" % FW in data["summary"]["drifted"]
        assert "%s/allowlist" % FW not in data["summary"]["drifted"]
    finally:
        sh(FW, "nft delete table inet customer 2>/dev/null || true")
    after = tmp_path / "after"
    green(compliance(after), after)
