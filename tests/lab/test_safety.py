"""Safety on the real lab devices (issue 5): the lockout guard, the device's own revert,
and faults in the middle of a run.

Every case captures vr-fw1's whole state (ruleset, conntrack sysctls, the collection's
persisted files) before, and asserts it after: the device ends in its before state or
its after state, never between. The multi-host cases run site.yml against both lab
devices and check that the fault stays with vr-fw1 while vr-sw1 finishes normally.

The lockout cases run the engine in-process with a linux driver that has a deliberate
bug (its table also drops SSH), because nothing the collection renders for this lab can
cut management: the allowlist filters forwarded traffic, and SSH to the firewall is
input traffic. That is the failure commit-confirm exists for.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / ".cache" / "collections"))
import checks  # noqa: E402
from checks import FW, SW, sh  # noqa: E402

from ansible_collections.voipready.network.plugins.module_utils import engine  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms import linux  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms import nft_model as nm  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")
CONFIRM = 20


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        p = checks.site()
        assert p.returncode == 0, p.stdout[-3000:]
        yield
        # leave the lab converged for whoever runs next
        sh(FW, "rm -f /usr/local/sbin/sysctl; rmdir /etc/sysctl.d/90-voipready.conf 2>/dev/null")
        checks.site()


def fw_state() -> dict:
    return {"nft": sh(FW, "nft list ruleset").stdout,
            "sysctl": sh(FW, "sysctl net.netfilter.nf_conntrack_udp_timeout "
                             "net.netfilter.nf_conntrack_udp_timeout_stream").stdout,
            "files": sh(FW, "cat /etc/sysctl.d/90-voipready.conf /etc/nftables.d/voipready.nft "
                            "/etc/nftables.conf 2>&1").stdout}


def sw_state() -> dict:
    return {"ovs": sh(SW, "ovs-vsctl show").stdout,
            "flows": sh(SW, "ovs-ofctl --no-stats dump-flows br0 | sort").stdout}


def connection() -> dict:
    return {"host": "127.0.0.1", "port": 2211, "username": "root", "name": FW,
            "password": (REPO / "lab" / ".state" / "secrets" / "root_password").read_text().strip()}


def timeouts_intent() -> dict:
    want = checks.intent()
    return {"timeouts": {"udp": int(want["voipready_udp_timeout"]),
                         "udp_stream": int(want["voipready_udp_stream_timeout"]),
                         "sip": int(want["voipready_sip_timeout"]),
                         "keepalive_interval": int(want.get("voipready_keepalive_interval", 30))}}


class SshDroppingLinux(linux.Driver):
    """A linux driver with a bug: the table it pushes also drops SSH to the device."""

    def remediate(self, running, intent, state="merged"):
        commands = [c for c in super().remediate(running, intent, state)
                    if not c.startswith("nft -f -")]
        table = copy.deepcopy(linux.parse_state(running)["table"])
        drop_ssh = (nm._match({"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}},
                               "right": 22}), ("verdict", "drop"), ("comment", "bug: drops SSH"))
        chain = table["chains"]["prerouting"]
        chain["rules"] = [drop_ssh] + list(chain["rules"])
        return [self._transaction(None, table, [], True)] + commands


def run_engine(monkeypatch, tmp_path, **extra):
    monkeypatch.setattr(engine, "get_driver", lambda platform: SshDroppingLinux())
    return engine.run(engine.Request("linux", timeouts_intent(), connection=connection(),
                                     confirm_timeout=CONFIRM, lock_dir=str(tmp_path / "locks"),
                                     backup_dir=str(tmp_path / "backups"), **extra))


def test_lockout_guard_refuses_and_the_device_is_untouched(lab, monkeypatch, tmp_path):
    before = fw_state()
    for check_mode in (True, False):
        with pytest.raises(VoipReadyError) as err:
            run_engine(monkeypatch, tmp_path, check_mode=check_mode)
        message = str(err.value)
        assert err.value.field == "accept_lockout_risk"
        assert "tcp dport 22 drop" in message and ":22/tcp" in message, message
    assert fw_state() == before
    assert not (tmp_path / "backups").exists()  # refused before the backup step


def test_a_push_that_cuts_management_is_reverted_by_the_device(lab, monkeypatch, tmp_path):
    before = fw_state()
    sh(FW, "rm -f /run/voipready/reverted")
    started = time.monotonic()
    with pytest.raises(VoipReadyError) as err:
        run_engine(monkeypatch, tmp_path, accept_lockout_risk=True)
    message = str(err.value)
    # the device's timer undid it (the engine could not reach the device to do so)
    fired = sh(FW, "cat /run/voipready/reverted 2>/dev/null; cat /run/voipready/revert.log 2>/dev/null")
    assert fired.stdout.strip(), "the device's revert timer did not fire"
    assert "revert timer fired" in message or "reverted by itself" in message, message
    assert time.monotonic() - started < CONFIRM + 120
    # SSH works again (a fresh login through the engine, then a read) and nothing is left
    monkeypatch.setattr(engine, "get_driver", lambda platform: linux.Driver())
    gathered = engine.run(engine.Request("linux", timeouts_intent(), state="gathered",
                                         connection=connection(), lock_dir=str(tmp_path / "l")))
    assert gathered["gathered"]["timeouts"]
    assert fw_state() == before
    backups = list((tmp_path / "backups" / FW).glob("*-linux.json"))
    assert backups, "no before-state backup was written"


def podman(*args):
    subprocess.run(["podman", *args], check=True, capture_output=True, timeout=60)


def drift_both():
    """vr-fw1: a conntrack sysctl changed by hand; vr-sw1: the phone port lost its voice
    VLAN. Both need a change from the next run."""
    sh(FW, "sysctl -qw net.netfilter.nf_conntrack_udp_timeout=31", check=True)
    sh(SW, "ovs-vsctl remove port phone1 trunks 110", check=True)


def assert_isolated(p):
    """The fault is vr-fw1's alone: vr-sw1 ran to the end and was put right."""
    recap = checks.recap(p.stdout)
    assert recap[FW]["failed"] + recap[FW].get("unreachable", 0) >= 1, p.stdout[-3000:]
    assert recap[SW]["failed"] == 0 and recap[SW]["changed"] >= 1, p.stdout[-3000:]
    assert "110" in sh(SW, "ovs-vsctl get port phone1 trunks").stdout


def test_fault_device_stops_answering(lab):
    drift_both()
    before = fw_state()
    podman("pause", FW)
    try:
        p = checks.site(timeout=900)
    finally:
        podman("unpause", FW)
    assert_isolated(p)
    assert fw_state() == before


def test_fault_command_rejected(lab):
    # the persisted sysctl file cannot be written (a directory is in its place); the live
    # sysctl step before it succeeds, so the engine must undo that one
    drift_both()
    sh(FW, "rm -f /etc/sysctl.d/90-voipready.conf && mkdir /etc/sysctl.d/90-voipready.conf",
       check=True)
    before = fw_state()
    try:
        p = checks.site(timeout=900)
        after = fw_state()
    finally:
        sh(FW, "rmdir /etc/sysctl.d/90-voipready.conf")
    assert_isolated(p)
    assert "rolled back" in p.stdout and "rejected" in p.stdout, p.stdout[-3000:]
    assert after == before


def test_fault_ssh_cut_mid_push(lab):
    # a one-shot sysctl on the device applies the change, then kills every SSH session
    wrapper = ("#!/bin/sh\n/usr/sbin/sysctl \"$@\"; rc=$?\n"
               "case \"$*\" in *-w*) rm -f \"$0\"; pkill -f 'sshd: root@' ;; esac\nexit $rc\n")
    drift_both()
    before = fw_state()
    sh(FW, "cat > /usr/local/sbin/sysctl && chmod +x /usr/local/sbin/sysctl", check=True,
       input=wrapper)
    try:
        p = checks.site(timeout=900)
    finally:
        sh(FW, "rm -f /usr/local/sbin/sysctl")
    assert_isolated(p)
    assert "the change failed and" in p.stdout, p.stdout[-3000:]
    assert fw_state() == before
