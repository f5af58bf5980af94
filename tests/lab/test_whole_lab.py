"""site.yml on the whole lab, twice: the real-software devices (vr-fw1 Linux nftables,
vr-sw1 Open vSwitch) and every emulated vendor device labctl started (lab/emulators,
inventories/lab-emulated). Issues 12 and 16: the second run changes nothing on any host,
and each device logs at most one SSH login per run (read from the device's own log:
sshd's on the Linux containers, the emulator's sshd-style lines on the emulated ones).

The emulated devices are emulations of the vendors' configuration languages, never the
vendors' software; docs/platforms.md says which platforms have met real devices.
Brings the lab up when it is down (and takes it down again afterwards).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")
INVENTORIES = ("inventories/lab", "inventories/lab-emulated")


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        yield


# site.yml's plays (switches:firewalls:routers); voice_probes (vr-phone1, the readiness
# probe host) is configured by no play
SITE_GROUPS = ("switches", "firewalls", "routers")


def lab_hosts() -> dict:
    """{host: group} from the inventories labctl wrote (every device site.yml configures)."""
    hosts = {}
    for inv in INVENTORIES:
        data = yaml.safe_load((checks.REPO / inv / "hosts.yml").read_text())
        for group, body in data["all"]["children"].items():
            if group not in SITE_GROUPS:
                continue
            for host in body["hosts"]:
                hosts[host] = group
    return hosts


def site_whole_lab(*args: str):
    """site.yml on both inventories; returns (process, {host: [login lines]})."""
    time.sleep(1.1)                       # podman logs --since has one-second steps
    since = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # checks.site runs `ansible-playbook -i inventories/lab site.yml ARGS`: add the other one
    p = checks.site("-i", INVENTORIES[1], *args, timeout=1200)
    logins = {}
    for host in lab_hosts():
        logs = subprocess.run(["podman", "logs", "--since", since, host], capture_output=True, text=True, check=False)
        logins[host] = [ln for ln in (logs.stdout + logs.stderr).splitlines() if "Accepted " in ln]
    return p, logins


def test_whole_lab_twice_second_run_changes_nothing(lab):
    hosts = lab_hosts()
    assert {"vr-fw1", "vr-sw1"} <= set(hosts) and len(hosts) > 2, \
        "labctl wrote no emulated devices: %s" % hosts
    runs = []
    for n in (1, 2):
        p, logins = site_whole_lab()
        recap = checks.recap(p.stdout)
        print("run %d rc=%d recap: %s" % (n, p.returncode, recap))
        print("run %d logins: %s" % (n, {h: len(v) for h, v in sorted(logins.items())}))
        assert p.returncode == 0, "site.yml run %d on the whole lab failed:\n%s\n%s" % (
            n, p.stdout[-8000:], p.stderr[-2000:])
        assert set(recap) == set(hosts), "recap lists %s, the lab has %s" % (sorted(recap), sorted(hosts))
        for host in hosts:
            assert recap[host]["failed"] == 0 and recap[host]["unreachable"] == 0, (n, host, recap[host])
            # exactly one: zero would mean the device's log is not where this test reads it
            assert len(logins[host]) == 1, "run %d: %s logged %d logins: %s" % (
                n, host, len(logins[host]), logins[host])
        runs.append(recap)
    changed = {h: r["changed"] for h, r in runs[1].items() if r["changed"]}
    assert not changed, "the second run changed %s (first run: %s)" % (
        changed, {h: r["changed"] for h, r in runs[0].items()})
