"""playbooks/readiness.yml on the lab: real pings from vr-fw1 over the collection's
netmiko transport to the lab provider's SBCs (203.0.113.10/.11 on vr-provider1), names
resolved on the device with getent, compared with lab/catalog/labvoice.yml's targets.

Shows each check can fail: a name resolving to an address the catalog does not list,
and an unassigned lab address (203.0.113.99: 100 % loss). Only lab addresses are
probed; the controller probes nothing here (its default route leaves the lab).

Brings the lab up when it is down (and takes it down again afterwards). Leaves
vr-fw1's /etc/hosts as it found it.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402
from checks import FW, RTP, SBC, sh  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")
NAMES = {"sbc1.labvoice.example": SBC[0], "sbc2.labvoice.example": SBC[1]}
UNASSIGNED = "203.0.113.99"          # in the lab provider's subnet, on no container


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        yield


@pytest.fixture
def fw_hosts(lab):
    """vr-fw1's /etc/hosts, restored afterwards (podman bind-mounts it: rewrite, never replace)."""
    saved = sh(FW, "cat /etc/hosts", check=True).stdout

    def write(entries):
        lines = "".join("%s %s\n" % (address, name) for name, address in sorted(entries.items()))
        sh(FW, "cat > /etc/hosts", check=True, input=saved + lines)
    yield write
    sh(FW, "cat > /etc/hosts", check=True, input=saved)


def readiness(report_dir: Path, *extra: str):
    return checks.readiness(report_dir, FW, *extra)


def by_check(report):
    return {(c["check"], c["target"]): c for c in report["checks"]}


def test_readiness_from_the_firewall(fw_hosts, tmp_path):
    # sbc2's name points at an address the catalog does not list for it.
    fw_hosts({"sbc1.labvoice.example": SBC[0], "sbc2.labvoice.example": "203.0.113.50"})
    p, report = readiness(tmp_path / "moved")
    assert p.returncode != 0, "a moved SBC name must fail the play:\n" + p.stdout[-3000:]
    checks_ = by_check(report)
    assert checks_[("dns", "sbc1.labvoice.example")]["passed"]
    moved = checks_[("dns", "sbc2.labvoice.example")]
    assert not moved["passed"] and moved["value"] == ["203.0.113.50"], moved
    assert "readiness targets missed: dns sbc2.labvoice.example" in p.stdout

    fw_hosts(NAMES)
    p, report = readiness(tmp_path / "good", "-e", "voipready_calls=10", "-e", "voipready_link_kbps=2000")
    assert p.returncode == 0, p.stdout[-5000:] + p.stderr[-2000:]
    print(json.dumps(report["measurements"], indent=1))
    assert report["measured_from"] == "device" and report["dns_from"] == "device" and report["probe"] == "icmp"
    assert report["addresses"] == SBC + RTP      # every service of the scope: SBCs and RTP servers
    for address in SBC + RTP:
        m = report["measurements"][address]
        assert (m["sent"], m["received"], m["loss_pct"]) == (5, 5, 0.0), m
        # A real round trip through the lab bridge: above zero, far below the 300 ms target.
        assert 0 < m["rtt_avg_ms"] < 300 and len(m["rtts_ms"]) == 5 and m["jitter_ms"] is not None, m
    checks_ = by_check(report)
    assert {k[0] for k in checks_} == {"dns", "reachable", "rtt", "jitter", "packet_loss", "bandwidth"}
    assert all(c["passed"] for c in report["checks"]) and report["passed"] and report["missed"] == []
    assert checks_[("rtt", SBC[0])]["limit"] == 300 and checks_[("packet_loss", SBC[0])]["limit"] == 1.5
    assert checks_[("bandwidth", "link")]["value"] == 1612.8        # 10 x (128 + 6.4) x 1.2


def test_unassigned_address_misses_every_target(lab, tmp_path):
    p, report = readiness(tmp_path, "-e", '{"voipready_readiness_addresses": ["%s"]}' % UNASSIGNED,
                          "-e", "voipready_readiness_dns=false")
    assert p.returncode != 0, "100 % loss must fail the play:\n" + p.stdout[-3000:]
    m = report["measurements"][UNASSIGNED]
    assert (m["sent"], m["received"], m["loss_pct"], m["rtt_avg_ms"]) == (5, 0, 100.0, None), m
    checks_ = by_check(report)
    assert not checks_[("reachable", UNASSIGNED)]["passed"]
    assert not checks_[("packet_loss", UNASSIGNED)]["passed"] and checks_[("packet_loss", UNASSIGNED)]["value"] == 100.0
    assert "readiness targets missed: reachable %s" % UNASSIGNED in p.stdout


def test_report_only_does_not_fail(lab, tmp_path):
    p, report = readiness(tmp_path, "-e", '{"voipready_readiness_addresses": ["%s"]}' % UNASSIGNED,
                          "-e", "voipready_readiness_dns=false", "-e", "voipready_readiness_fail_on_miss=false",
                          "-e", "voipready_readiness_count=2", "--check")
    assert p.returncode == 0, p.stdout[-3000:]
    # Reported, not failed; the module changed nothing (the only changes in the recap are
    # the report file written on the controller).
    assert report["passed"] is False and report["changed"] is False
    assert checks.recap(p.stdout)[FW]["failed"] == 0
    assert "ok: [vr-fw1]" in p.stdout.split("Measure readiness towards the provider")[1].split("TASK")[0]
