# -*- coding: utf-8 -*-
"""The nftables flow model (platforms/flows/linux.py) against the KERNEL's own verdicts.

Three throwaway network namespaces: a voice client, the firewall (the linux driver pushes
the lab provider's allowlist, QoS and timeouts there, beside customer tables) and a
provider side. Every sampled flow -- the flows check's own samples (provider flows, and
with enforce the flows that must be denied) plus seeded random ones -- is sent as a real
first packet (UDP datagram, TCP SYN, ICMP echo) through the firewall; the far side
records what arrives, with its DSCP, in a dynamic nft set. The model's verdict (permit or
deny, and the DSCP) must equal what the kernel did, flow by flow.

Only the namespaces this test makes, addresses from 192.0.2.0/24, 198.51.100.0/24 and
203.0.113.0/24 (lab/catalog/labvoice.yml), nothing else is touched.
"""
from __future__ import absolute_import, division, print_function

import json
import os
import random
import shutil
import subprocess
import sys
import uuid

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, ".cache", "collections"))

from ansible_collections.voipready.network.plugins.module_utils import catalog, flows  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.intent import (  # noqa: E402
    qos_classes_from_rules, validate_intent)
from ansible_collections.voipready.network.plugins.module_utils.platforms import linux  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import (  # noqa: E402
    policy_from_running)
from test_linux_netns import NetnsShim  # noqa: E402

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("nft") or not shutil.which("ip"),
    reason="needs root with nft and ip (iproute2) to create network namespaces")

VOICE_NET = "192.0.2.0/24"
VOICE_HOSTS = ("192.0.2.128", "192.0.2.254")
SIDE_NET = "198.51.100.0/24"
DNS, NTP = "198.51.100.53", "198.51.100.123"
PROVIDER = ("203.0.113.10", "203.0.113.11", "203.0.113.20", "203.0.113.21")
STRANGERS = ("203.0.113.200", "203.0.113.201", "198.51.100.200")

# Customer tables the collection does not own. BENIGN: what a host usually has (a
# docker-style jump/return chain, counters, an input chain). SHADOW: rules that decide
# for some voice flows before ours (priority -10) or after ours, with sets, vmaps,
# interface names, reject, jump/goto and a DSCP re-mark after our marking.
BENIGN = """
table ip filter {
    chain DOCKER-USER {
        counter return
    }
    chain FORWARD {
        type filter hook forward priority filter; policy accept;
        counter jump DOCKER-USER
    }
}
table inet host_fw {
    chain input {
        type filter hook input priority filter; policy accept;
        ct state established,related accept
        iifname "lo" accept
    }
}
"""
SHADOW = """
table inet customer {
    set blocked_media {
        type ipv4_addr
        flags interval
        elements = { 203.0.113.21, 203.0.113.200-203.0.113.201 }
    }
    set mgmt_ports {
        type inet_service
        elements = { 22, 8443 }
    }
    chain checks {
        ip saddr 192.0.2.254 udp dport 5060 drop
        return
    }
    chain media {
        udp dport 6000-6999 reject
    }
    chain early {
        type filter hook forward priority -10; policy accept;
        iifname "eth1" jump checks
        meta l4proto { tcp, udp } th dport @mgmt_ports oifname "eth0" drop
        ip daddr @blocked_media udp dport vmap { 6000-9999 : goto media, 5060 : drop }
        ip saddr 203.0.113.10 tcp dport 5061 reject
        ip daddr != 203.0.113.0/24 ip saddr 192.0.2.128 udp dport 123 drop
    }
    chain late_mark {
        type filter hook postrouting priority 0; policy accept;
        ip daddr 203.0.113.20 udp dport 40000-65535 ip dscp set cs1
    }
}
"""
OBSERVE = """
table inet vrt_observe {
    set seen4 {
        type ipv4_addr . ipv4_addr . inet_proto . inet_service . dscp
        flags dynamic
        size 65535
    }
    set seen_icmp {
        type ipv4_addr . ipv4_addr
        flags dynamic
        size 65535
    }
    chain pre {
        type filter hook prerouting priority -300; policy accept;
        meta l4proto { tcp, udp } add @seen4 { ip saddr . ip daddr . meta l4proto . th dport . ip dscp }
        icmp type echo-request add @seen_icmp { ip saddr . ip daddr }
    }
}
"""
SENDER = r"""
import json, socket, sys, time
for flow in json.load(sys.stdin):
    src, dst, proto, dport, sport = flow
    if proto == "icmp":
        s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        s.bind((src, 0))
        s.sendto(b"\x08\x00\xf7\xff\x00\x00\x00\x00", (dst, 0))
    elif proto == "udp":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((src, sport))
        s.sendto(b"voipready-flow-sample", (dst, dport))
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((src, sport))
        s.setblocking(False)
        try:
            s.connect((dst, dport))
        except (BlockingIOError, OSError):
            pass
    time.sleep(0.003)
    s.close()
time.sleep(0.5)
"""


def sh(ns, command, stdin=None):
    proc = subprocess.run(["ip", "netns", "exec", ns, "sh", "-c", command], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, (ns, command, proc.stderr)
    return proc.stdout


@pytest.fixture
def topology(tmp_path):
    tag = uuid.uuid4().hex[:6]
    cli, fw, srv = ("vrt-flow-%s-%s" % (tag, n) for n in ("cli", "fw", "srv"))
    for ns in (cli, fw, srv):
        subprocess.run(["ip", "netns", "add", ns], check=True)
    try:
        subprocess.run(["ip", "link", "add", "c0", "netns", cli, "type", "veth", "peer", "name",
                        "eth1", "netns", fw], check=True)
        subprocess.run(["ip", "link", "add", "s0", "netns", srv, "type", "veth", "peer", "name",
                        "eth0", "netns", fw], check=True)
        sh(cli, "ip link set lo up && ip link set c0 up && " + " && ".join(
            "ip addr add %s/24 dev c0" % h for h in VOICE_HOSTS) +
            " && ip route add default via 192.0.2.1")
        sh(fw, "ip link set lo up && ip link set eth1 up && ip link set eth0 up && "
               "ip addr add 192.0.2.1/24 dev eth1 && ip addr add 198.51.100.1/24 dev eth0 && "
               "ip route add default via 198.51.100.2 && sysctl -q -w net.ipv4.ip_forward=1")
        peers = [DNS, NTP] + list(PROVIDER) + list(STRANGERS)
        sh(srv, "ip link set lo up && ip link set s0 up && ip addr add 198.51.100.2/24 dev s0 && "
                + " && ".join("ip addr add %s/32 dev s0" % p for p in peers)
                + " && ip route add default via 198.51.100.1")
        for ns in (cli, srv):
            sh(ns, "nft -f -", OBSERVE)
        root = str(tmp_path / "fs")
        os.makedirs(root + "/etc/sysctl.d")
        with open(root + "/etc/nftables.conf", "w") as handle:
            handle.write("#!/usr/sbin/nft -f\nflush ruleset\n")
        yield {"cli": cli, "fw": fw, "srv": srv, "shim": NetnsShim(fw, root)}
    finally:
        for ns in (cli, fw, srv):
            subprocess.run(["ip", "netns", "del", ns], check=False)


def lab_intent(enforce=True):
    cat = catalog.load_catalog([os.path.join(REPO, "lab", "catalog")])
    rules = catalog.provider_rules(cat, "labvoice", region="lab")
    return validate_intent({
        "allowlist": {"rules": rules, "voice_networks": [VOICE_NET],
                      "essentials": {"dns": [DNS], "ntp": [NTP]}, "enforce": enforce,
                      "inside_interfaces": ["eth1"], "outside_interfaces": ["eth0"]},
        "sip_alg": {"enabled": False},
        "qos": {"classes": qos_classes_from_rules(rules), "interfaces": ["eth1", "eth0"]},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    })


def random_flows(policy, seed, count):
    """Seeded flows around the interesting ports, from and towards the voice hosts."""
    rng = random.Random(seed)
    ports = [22, 53, 67, 80, 123, 443, 5059, 5060, 5061, 5062, 5999, 6000, 6001, 6999, 7000,
             8443, 9999, 10000, 40000, 65535]
    far = [DNS, NTP] + list(PROVIDER) + list(STRANGERS)
    out = []
    for _index in range(count):
        voice, peer = rng.choice(VOICE_HOSTS), rng.choice(far)
        proto = rng.choice(("udp", "udp", "tcp", "icmp"))
        port = rng.choice(ports) if rng.random() < 0.7 else rng.randint(1, 65535)
        if rng.random() < 0.75:
            flow = flows.Flow(voice, peer, proto, port, ingress="eth1", egress="eth0")
        else:
            flow = flows.Flow(peer, voice, proto, port, ingress="eth0", egress="eth1")
        out.append(flow)
    return out


def observed(nft_json):
    """What OBSERVE recorded, from `nft -j list table inet vrt_observe`:
    {(src, dst, proto, dport): dscp}; ICMP echoes as (src, dst, "icmp", None): 0."""
    seen = {}
    for obj in json.loads(nft_json)["nftables"]:
        body = obj.get("set")
        if not body:
            continue
        for elem in body.get("elem") or []:
            value = elem["elem"]["val"] if "elem" in elem else elem
            parts = value["concat"]
            if body["name"] == "seen4":
                src, dst, proto, dport, dscp = parts
                dscp = linux.nm.NFT_DSCP.get(dscp, dscp) if isinstance(dscp, str) else dscp
                seen[(src, dst, proto, dport)] = dscp
            else:
                seen[(parts[0], parts[1], "icmp", None)] = 0
    return seen


def kernel_verdicts(topo, sample_flows):
    """Send each flow's first packet; {flow key: (arrived, dscp)} from what arrived."""
    outbound = [f for f in sample_flows if f.ingress == "eth1"]
    inbound = [f for f in sample_flows if f.ingress == "eth0"]
    for ns, batch in ((topo["cli"], outbound), (topo["srv"], inbound)):
        payload = json.dumps([[str(f.src), str(f.dst), f.proto, f.dport, f.sport] for f in batch])
        sh(ns, "python3 -c '%s'" % SENDER.replace("'", "'\"'\"'"), payload)
    seen = {}
    for ns in (topo["cli"], topo["srv"]):
        seen.update(observed(sh(ns, "nft -j list table inet vrt_observe")))
        sh(ns, "nft flush set inet vrt_observe seen4 && nft flush set inet vrt_observe seen_icmp")
    out = {}
    for flow in sample_flows:
        key = (str(flow.src), str(flow.dst), flow.proto, flow.dport)
        out[flow.key()] = (key in seen, seen.get(key))
    return out


def compare(topo, intent, extra_rules, seed):
    driver = linux.Driver()
    shim = topo["shim"]
    if extra_rules:
        sh(topo["fw"], "nft -f -", extra_rules)
    before = driver.gather(shim)
    driver.push(shim, driver.remediate(before, intent), None)
    running = driver.gather(shim)
    assert driver.remediate(running, intent) == []
    policy = policy_from_running("linux", running)
    assert policy.interface_of("192.0.2.128") == "eth1" and policy.route("203.0.113.10") == "eth0"
    cfg = intent["allowlist"]
    samples, _skipped = flows.allowlist_samples(
        cfg, policy, policy.interface_of, policy.route)
    batch, seen = [], set()
    for flow in [s.flow for s in samples] + random_flows(policy, seed, 150):
        if flows.is_name(flow.dst) or flow.key() in seen:
            continue
        # one packet per 5-tuple and direction: the observer keys on addresses and port
        tup = (str(flow.src), str(flow.dst), flow.proto, flow.dport)
        if tup in seen:
            continue
        seen.add(flow.key())
        seen.add(tup)
        batch.append(flow)
    kernel = kernel_verdicts(topo, batch)
    disagree, permitted = [], 0
    for flow in batch:
        verdict = policy.verdict(flow)
        arrived, dscp = kernel[flow.key()]
        permitted += arrived
        model_dscp = verdict.dscp or 0
        if verdict.permitted != arrived or (arrived and flow.proto != "icmp" and
                                            model_dscp != dscp):
            disagree.append("%s: model %s dscp %s (%s), kernel %s dscp %s" % (
                flow.text(), verdict.action, model_dscp, verdict.rule,
                "delivered" if arrived else "dropped", dscp))
        assert verdict.certain, (flow.text(), verdict.notes)
    return batch, permitted, disagree, flows.check(policy, intent)


def test_flows_model_agrees_with_the_kernel(topology, capsys):
    totals, cells = [], {}
    # the tables add up: the second scenario keeps the benign tables, the third both
    for name, extra, enforce, seed in (("customer tables beside ours", BENIGN, True, 1),
                                       ("+ a shadowing customer table", SHADOW, True, 2),
                                       ("+ enforce false", None, False, 3)):
        batch, permitted, disagree, cells[name] = compare(topology, lab_intent(enforce), extra,
                                                          seed)
        assert not disagree, "%s: %d of %d verdicts disagree:\n%s" % (
            name, len(disagree), len(batch), "\n".join(disagree[:40]))
        assert 0 < permitted < len(batch), (name, permitted, len(batch))
        totals.append((name, len(batch), permitted))
    assert cells["customer tables beside ours"]["status"] == "compliant", cells
    shadowed = cells["+ a shadowing customer table"]
    assert shadowed["status"] == "drift"
    assert any("table inet customer chain checks" in m for m in shadowed["missing"])
    with capsys.disabled():
        for name, count, permitted in totals:
            print("\nflows vs kernel [%s]: %d flows sent, %d delivered, %d dropped, every "
                  "verdict agreed" % (name, count, permitted, count - permitted))
    assert sum(t[1] for t in totals) >= 300
