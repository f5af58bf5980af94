"""site.yml on the lab: idempotent, one SSH login per device per run, and a
`--check --diff` on a drifted device that shows exactly the drift and touches nothing.

Brings the lab up when it is down (and takes it down again afterwards). Starts from a
clean lab (`-e voipready_state=deleted`), so the first run must change both devices.
Skips only when podman is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402
from checks import FW, SW, sh  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")
DEVICES = (FW, SW)


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        yield


def run(*args):
    """Run site.yml and count the SSH logins each device logged while it ran."""
    time.sleep(1.1)                       # podman logs --since has one-second steps
    since = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    p = checks.site(*args)
    logins = {}
    for dev in DEVICES:
        logs = subprocess.run(["podman", "logs", "--since", since, dev], capture_output=True, text=True, check=False)
        logins[dev] = [ln for ln in (logs.stdout + logs.stderr).splitlines() if "Accepted " in ln]
    return p, logins


def ok(p):
    assert p.returncode == 0, "site.yml failed:\n%s\n%s" % (p.stdout[-5000:], p.stderr[-2000:])
    return checks.recap(p.stdout)


def device_state():
    return {"nft": sh(FW, "nft list ruleset").stdout,
            "sysctl": sh(FW, "sysctl net.netfilter.nf_conntrack_udp_timeout "
                             "net.netfilter.nf_conntrack_udp_timeout_stream").stdout,
            "files": sh(FW, "cat /etc/sysctl.d/90-voipready.conf /etc/nftables.d/voipready.nft 2>&1").stdout,
            "ovs": sh(SW, "ovs-vsctl show").stdout,
            "flows": sh(SW, "ovs-ofctl --no-stats dump-flows br0 | sort").stdout}


def test_twice_then_check_diff_on_drift(lab):
    ok(checks.site("-e", "voipready_state=deleted"))

    first, logins1 = run()
    r1 = ok(first)
    second, logins2 = run()
    r2 = ok(second)
    print("run 1 recap:", r1, "\nrun 2 recap:", r2)
    print("logins:", {d: len(v) for d, v in logins1.items()}, {d: len(v) for d, v in logins2.items()})
    for dev in DEVICES:
        assert r1[dev]["changed"] > 0, "first run after deleted should change %s: %s" % (dev, r1)
        assert r2[dev]["changed"] == 0, "second run must change nothing on %s: %s" % (dev, r2)
        assert len(logins1[dev]) == 1, "run 1: %s logged %s" % (dev, logins1[dev])
        assert len(logins2[dev]) == 1, "run 2: %s logged %s" % (dev, logins2[dev])

    # -- drift by hand: one allowlist rule gone, a SIP helper back, the udp sysctl changed
    table = json.loads(sh(FW, "nft -j list table inet voipready", check=True).stdout)["nftables"]
    victim = next(i["rule"] for i in table if "rule" in i and i["rule"]["chain"] == "forward"
                  and '"accept"' in json.dumps(i["rule"]["expr"]) and '"dport"' in json.dumps(i["rule"]["expr"]))
    victim_text = [ln.strip() for ln in sh(FW, "nft -a list chain inet voipready forward").stdout.splitlines()
                   if ln.strip().endswith("# handle %s" % victim["handle"])][0].split(" # handle")[0]
    sh(FW, "nft delete rule inet voipready forward handle %s" % victim["handle"], check=True)
    checks.add_sip_helper("drift_alg")
    sh(FW, "sysctl -qw net.netfilter.nf_conntrack_udp_timeout=45", check=True)
    before = device_state()

    check, logins = run("--check", "--diff")
    rc = ok(check)
    after = device_state()
    out = check.stdout
    print(out[-6000:])
    # touches nothing
    for key in before:
        assert before[key] == after[key], "--check changed %s on the device" % key
    for dev in DEVICES:
        assert len(logins[dev]) == 1, "check run: %s logged %s" % (dev, logins[dev])
    assert rc[FW]["changed"] > 0 and rc[SW]["changed"] == 0, rc
    # shows exactly that drift
    changed = [ln[1:].strip() for ln in out.splitlines()
               if re.match(r"^[+-](?![+-]{2})", ln) and ln[1:].strip()]
    print("diff lines:", changed)
    assert any("45" in ln and "udp_timeout" in ln for ln in changed if ln), "udp sysctl 45 not in the diff"
    assert any("60" in ln and "udp_timeout" in ln for ln in changed), "udp sysctl 60 not in the diff"
    assert any("helper" in ln and ("drift_alg" in ln or "sip-5060" in ln) for ln in changed), \
        "the SIP helper rule is not in the diff"
    assert any(_same_rule(ln, victim_text) for ln in changed), "deleted rule %r not in the diff" % victim_text
    unrelated = [ln for ln in changed if not ("udp_timeout" in ln or "helper" in ln or "drift_alg" in ln
                                              or _same_rule(ln, victim_text))]
    assert not unrelated, "the diff shows more than the drift: %s" % unrelated

    # put it back (and leave the lab converged)
    ok(checks.site())
    sh(FW, "nft delete table ip drift_alg 2>/dev/null || true")


def _words(text: str) -> set:
    return set(re.findall(r"[\w.:/-]+", text)) - {"comment"}


def _same_rule(line: str, rule: str) -> bool:
    w = _words(rule)
    return bool(w) and len(w & _words(line)) >= max(2, int(0.8 * len(w)))
