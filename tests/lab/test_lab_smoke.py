"""Smoke test of the podman lab (lab/labctl): logins, NAT across the firewall, 802.1Q on a podman network.

Brings the lab up if it is down and takes it down again afterwards; a lab that was
already up is left up. Skips only when podman is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LABCTL = REPO / "lab" / "labctl"
PASSWORD_FILE = REPO / "lab" / ".state" / "secrets" / "root_password"
sys.path.insert(0, str(REPO / "lab"))

from labprobe import pair  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None,
                                reason="podman is not installed: the lab needs it")


def labctl(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    p = subprocess.run([sys.executable, str(LABCTL), *args], capture_output=True, text=True, timeout=900, check=False)
    if check and p.returncode != 0:
        pytest.fail(f"labctl {' '.join(args)} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p


@pytest.fixture(scope="module")
def lab():
    was_up = labctl("status", check=False).returncode == 0
    if not was_up:
        labctl("up")
    yield
    if not was_up:
        labctl("down")


@pytest.mark.parametrize("name,port,command,expect", [
    ("vr-fw1", 2211, "nft list ruleset", ["table ip lab_nat", 'oifname "outside0" masquerade']),
    ("vr-sw1", 2212, "ovs-vsctl show", ["Bridge br0", "datapath_type: netdev", "Port phone1"]),
])
def test_netmiko_login(lab, name, port, command, expect):
    import netmiko  # a hard requirement (requirements.txt): a missing one must fail, not skip
    conn = netmiko.ConnectHandler(device_type="linux", host="127.0.0.1", port=port, username="root",
                                  password=PASSWORD_FILE.read_text().strip(), fast_cli=False,
                                  conn_timeout=10)
    try:
        out = conn.send_command(command)
        hostname = conn.send_command("hostname").strip()
    finally:
        conn.disconnect()
    assert hostname == name
    for text in expect:
        assert text in out, f"{text!r} not in {command} output of {name}:\n{out}"
    logs = subprocess.run(["podman", "logs", name], capture_output=True, text=True, check=False).stderr
    assert "Accepted password for root" in logs, "sshd -D -e should log each login to podman logs"


def test_udp_crosses_firewall_nat(lab):
    got, sent = pair("vr-provider1", ["udp_tcp.py", "recv", "--proto", "udp", "--ports", "5060",
                                      "--count", "2", "--timeout", "30"],
                     "vr-phone1", ["udp_tcp.py", "send", "--proto", "udp", "--dst", "203.0.113.10",
                                   "--dport", "5060", "--count", "2", "--payload", "smoke"])
    assert sent.summary["sent"] == 2, sent
    assert len(got.packets) == 2, (got, sent)
    for pkt in got.packets:
        assert pkt["src"] == "203.0.113.1", "phone's address should be masqueraded to the firewall's outside"
        assert pkt["dst"] == "203.0.113.10" and pkt["dport"] == 5060 and pkt["payload"] == "smoke"


def test_tagged_frame_crosses_podman_network(lab):
    # Captured on the switch container's port itself, so OVS configuration does not matter.
    got, sent = pair("vr-sw1", ["l2.py", "recv", "--iface", "phone1", "--marker", "smoke",
                                "--count", "2", "--timeout", "30"],
                     "vr-phone1", ["l2.py", "send", "--iface", "sw0", "--vlan", "110", "--pcp", "5",
                                   "--marker", "smoke", "--count", "2"])
    assert sent.summary["sent"] == 2
    assert [(p["vlan"], p["pcp"]) for p in got.packets] == [(110, 5), (110, 5)], got
