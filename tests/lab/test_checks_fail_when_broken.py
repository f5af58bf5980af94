"""The packet checks can fail: break each feature by hand on the converged lab, see its
check FAIL, re-converge with site.yml, see it PASS again.

Brings the lab up when it is down (and takes it down again afterwards), converges it
with `ansible-playbook -i inventories/lab site.yml`, then for each feature:

    break by hand  ->  check fails (evidence printed)  ->  site.yml  ->  check passes

Skips only when podman is missing.
"""

from __future__ import annotations

import glob
import json
import shutil
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402
from checks import FW, SW, sh  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")


def converge(host: str):
    p = checks.site("--limit", host)
    assert p.returncode == 0, "site.yml --limit %s failed:\n%s\n%s" % (host, p.stdout[-4000:], p.stderr[-2000:])
    return p


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        converge("vr-fw1:vr-sw1")
        yield


# -- how each feature is broken by hand -------------------------------------------------------
def add_sip_helper():
    """A SIP helper assignment in a scratch table (what a customer's ALG rule looks like)."""
    checks.add_sip_helper("scratch_alg")
    sh(FW, "conntrack -F 2>/dev/null || true")


delete_rules = checks.delete_rules


def open_allowlist():
    """Remove the allowlist's drop/reject rules and make every voipready chain accept."""
    delete_rules(lambda e: '"drop"' in e or '"reject"' in e)
    data = json.loads(sh(FW, "nft -j list table inet voipready", check=True).stdout)["nftables"]
    for i in data:
        c = i.get("chain")
        if c and c.get("policy") == "drop":
            sh(FW, "nft chain inet voipready %s '{ policy accept; }'" % c["name"], check=True)


def flush_dscp():
    delete_rules(lambda e: '"dscp"' in e and '"mangle"' in e)


def timeouts_back():
    sh(FW, "sysctl -qw net.netfilter.nf_conntrack_udp_timeout=30 net.netfilter.nf_conntrack_udp_timeout_stream=120",
       check=True)
    # a ct timeout policy would still give the flow the configured value: take those rules too
    found = checks.voipready_rules(lambda e: '"ct timeout"' in e)
    for chain, handle in found:
        sh(FW, "nft delete rule inet voipready %s handle %s" % (chain, handle), check=True)


def touch_lab_nat():
    sh(FW, "nft add rule ip lab_nat postrouting ip daddr 203.0.113.99 counter", check=True)


def phone_port_data_only():
    sh(SW, "ovs-vsctl set port phone1 tag=10 -- clear port phone1 trunks vlan_mode", check=True)


def delete_ovs_dscp_flows():
    flows = sh(SW, "ovs-ofctl --no-stats dump-flows br0", check=True).stdout
    cookies = sorted({ln.split("cookie=")[1].split(",")[0] for ln in flows.splitlines()
                      if "cookie=" in ln and ("mod_nw_tos" in ln or "ip_dscp" in ln)})
    assert cookies, "no DSCP flows to delete:\n" + flows
    for c in cookies:
        sh(SW, "ovs-ofctl del-flows br0 cookie=%s/-1" % c, check=True)


def loop_behind_switch():
    """What podman's CNI bridges did to the switch links (issue 11): a bridge port with
    hairpin mode on sends a flooded frame back out of the port it came in on. Here a Linux
    bridge in vr-lan1 with hairpin on the data port's and the trunk's cable ends (two ports
    of VLAN 10): one broadcast comes back into OVS on each, is flooded again, and so on."""
    sh(checks.LAN, "ip link add lanloop type bridge && ip link set data0 master lanloop && "
                   "ip link set trunk0 master lanloop && ip link set lanloop up && "
                   "bridge link set dev data0 hairpin on && bridge link set dev trunk0 hairpin on", check=True)
    checks.run_probe(checks.PHONE, ["l2.py", "send", "--iface", "sw0", "--marker", "loop", "--count", "1"])
    time.sleep(0.5)


def unloop():
    sh(checks.LAN, "ip link del lanloop", check=True)
    time.sleep(1.0)  # frames still in flight die within milliseconds once the loop is cut


def hairpin_on():
    """podman's CNI bridges as they come: hairpin on every port of the lab's networks."""
    for port in glob.glob("/sys/class/net/*/brif/*/hairpin_mode"):
        br = port.split("/")[4]
        if br in checks.lab_bridges():
            with open(port, "w") as f:
                f.write("1\n")


def lab_up_again():
    p = checks.labctl("up")
    assert p.returncode == 0, p.stderr


def fix_lab_nat():
    sh(FW, "nft delete table ip lab_nat; nft -f -", check=True, input=checks._lab_nat_expected())


def drop_scratch_alg():
    sh(FW, "nft delete table ip scratch_alg 2>/dev/null || true")


CASES = [
    # id, host, break, check, restore (None: re-converge restores it)
    ("sip_alg", FW, add_sip_helper, lambda: [checks.check_sip_alg_off("udp")], None),
    ("allowlist", FW, open_allowlist, checks.check_allowlist, None),
    ("dscp_fw", FW, flush_dscp, checks.check_fw_dscp, None),
    ("timeouts", FW, timeouts_back, checks.check_conntrack_timeouts, None),
    ("lab_nat", FW, touch_lab_nat, lambda: [checks.check_lab_nat_unchanged()], fix_lab_nat),
    ("voice_vlan", SW, phone_port_data_only, checks.check_voice_vlan, None),
    ("dscp_ovs", SW, delete_ovs_dscp_flows, checks.check_ovs_dscp, None),
    ("l2_loop", SW, loop_behind_switch, checks.check_voice_vlan, unloop),
    ("hairpin", SW, hairpin_on, checks.check_l2_path, lab_up_again),
]


@pytest.mark.parametrize("name,host,breaker,check,restore", CASES, ids=[c[0] for c in CASES])
def test_check_fails_when_feature_removed(lab, name, host, breaker, check, restore):
    before = check()
    assert all(before), "precondition: %s should pass on the converged lab:\n%s" % (
        name, "\n".join(str(r) for r in before if not r.ok))
    breaker()
    try:
        broken = check()
        print("\n".join(map(str, broken)))
        assert not all(broken), "%s still passes with the feature removed by hand" % name
    finally:
        if restore:
            restore()
        p = converge(host)
        if name == "sip_alg":
            # site.yml removed the helper assignment; the scratch table itself may stay
            drop_scratch_alg()
    again = check()
    assert all(again), "after re-converging (%s):\n%s" % (
        checks.recap(p.stdout), "\n".join(str(r) for r in again if not r.ok))
