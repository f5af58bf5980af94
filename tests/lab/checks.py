"""Packet checks on the voipready lab, shared by Molecule verify and pytest.

Every check sends real packets between lab containers (lab/labprobe.py, probes in
lab/probes/) or reads the live device, and returns a ``Check``: ``ok`` plus the
evidence (what was sent, what arrived, what the device said). Nothing here changes a
device except ``with_scratch_address`` (adds, then removes, one documentation address
on the provider container so that "an address not in the allowlist" exists).

    .venv/bin/python tests/lab/checks.py linux_firewall   # run a scenario's checks
    .venv/bin/python tests/lab/checks.py ovs_switch

Expected values (timeouts, VLAN ids, DSCP) come from the role defaults and
inventories/lab/group_vars/all.yml, i.e. what the collection was asked to configure,
never from what the device happens to hold.
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "lab"))

import labprobe  # noqa: E402
from labprobe import Receiver, run_probe  # noqa: E402

FW, SW, PHONE, PROVIDER, LAN = "vr-fw1", "vr-sw1", "vr-phone1", "vr-provider1", "vr-lan1"
PHONE_IP = "192.0.2.10"
FW_OUTSIDE = "203.0.113.1"
SBC = ["203.0.113.10", "203.0.113.11"]
RTP = ["203.0.113.20", "203.0.113.21"]
RTP_EDGES = (6000, 65535)          # lab/catalog/labvoice.yml: udp 6000-65535
SCRATCH_ADDR = "203.0.113.99"      # on the provider, in no allowlist entry
KERNEL_UDP_DEFAULTS = {"udp": 30, "udp_stream": 120}
EF, CS3 = 46, 24


@dataclass
class Check:
    name: str
    ok: bool
    evidence: list = field(default_factory=list)

    def __bool__(self):
        return self.ok

    def __str__(self):
        head = "%s %s" % ("PASS" if self.ok else "FAIL", self.name)
        return "\n".join([head] + ["    " + str(e) for e in self.evidence])


# -- expectations -----------------------------------------------------------------------
def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text()) or {} if path.exists() else {}


def intent() -> dict:
    """What the lab was asked to configure: role defaults overlaid with the lab group_vars."""
    merged = {}
    for role in ("timeouts", "qos", "voice_vlan", "sip_alg"):
        merged.update(_yaml(REPO / "roles" / role / "defaults" / "main.yml"))
    merged.update(_yaml(REPO / "inventories" / "lab" / "group_vars" / "all.yml"))
    return merged


# -- small helpers ------------------------------------------------------------------------
def sh(container: str, cmd: str, check: bool = False, input: str | None = None) -> subprocess.CompletedProcess:
    p = subprocess.run(["podman", "exec", "-i", container, "sh", "-c", cmd], capture_output=True,
                       text=True, timeout=60, input=input, check=False)
    if check and p.returncode != 0:
        raise RuntimeError("%s: %s failed (%s): %s" % (container, cmd, p.returncode, p.stderr.strip()))
    return p


def flows(recv_container: str, recv_args: list, sends: list, window: float = 2.0):
    """One receiver, several senders (run one after the other); returns (received, [sent...]).

    The receiver listens until every sender has finished and then ``window`` seconds more
    (its stdin is closed then: --stop-on-eof), so a sender that is slow to start on a
    loaded machine still lands inside the window. The receiver's --timeout is only a
    ceiling. sip.py has no --stop-on-eof: it gets a window counted from its own start."""
    eof = recv_args[0] in labprobe.EOF_AWARE
    ceiling = (60 + 30 * len(sends)) if eof else window + 1.2 * len(sends)
    rx = Receiver(recv_container, list(recv_args) + ["--count", "1000", "--timeout", "%.1f" % ceiling],
                  stop_on_eof=eof)
    sent = []
    try:
        for container, args in sends:
            sent.append(run_probe(container, args, timeout=30))
    except BaseException:
        rx.proc.kill()
        raise
    if eof:
        time.sleep(window)
        rx.stop()
    return rx.wait(ceiling + 30), sent


@contextlib.contextmanager
def with_scratch_address(addr: str = SCRATCH_ADDR):
    sh(PROVIDER, "ip addr add %s/24 dev eth0 2>/dev/null || true" % addr)
    try:
        yield addr
    finally:
        sh(PROVIDER, "ip addr del %s/24 dev eth0 2>/dev/null || true" % addr)


def _sport() -> int:
    return random.randint(20000, 59999)


# -- linux_firewall -------------------------------------------------------------------------
def allowed_udp():
    return [(a, 5060) for a in SBC] + [(a, p) for a in RTP for p in RTP_EDGES]


def allowed_tcp():
    return [(a, p) for a in SBC for p in (5060, 5061, 443, 8443)]


def check_allowlist() -> list:
    """Allowed flows cross the NAT; a port and an address outside the allowlist are dropped."""
    udp_ok, tcp_ok = allowed_udp(), allowed_tcp()
    udp_bad = [(SBC[0], 5070), (SCRATCH_ADDR, 5060), (SBC[0], 7000)]   # port, address, RTP port on an SBC
    tcp_bad = [(SBC[0], 8080), (SCRATCH_ADDR, 5061)]
    results = []
    with with_scratch_address():
        for proto, ok, bad in (("udp", udp_ok, udp_bad), ("tcp", tcp_ok, tcp_bad)):
            ports = sorted({p for _unused, p in ok + bad})
            tag = uuid.uuid4().hex[:8]
            sends = [(PHONE, ["udp_tcp.py", "send", "--proto", proto, "--dst", a, "--dport", p,
                              "--count", "1", "--timeout", "3", "--connect-timeout", "1.5",
                              "--payload", "%s-%s-%s" % (tag, a, p)]) for a, p in ok + bad]
            got, _unused = flows(PROVIDER, ["udp_tcp.py", "recv", "--proto", proto,
                                            "--ports", ",".join(map(str, ports))], sends)
            arrived = {(pk["dst"], pk["dport"]) for pk in got.packets
                       if str(pk.get("payload", "")).startswith(tag) or proto == "tcp"}
            for a, p in ok:
                hit = (a, p) in arrived
                results.append(Check("allowlist: %s %s:%s passes phone->provider" % (proto, a, p), hit,
                                     ["arrived" if hit else "did not arrive", "received: %s" % sorted(arrived)]))
            for a, p in bad:
                hit = (a, p) in arrived
                results.append(Check("allowlist: %s %s:%s (not allowed) is dropped" % (proto, a, p), not hit,
                                     ["arrived (should be dropped)" if hit else "dropped",
                                      "received: %s" % sorted(arrived)]))
    return results


SIP_FIELDS = ("via", "contact", "sdp_c", "sdp_o")


def check_sip_alg_off(proto: str = "udp") -> Check:
    """An INVITE with SDP from the phone arrives with Via, Contact, c= and o= untouched."""
    got, sent = flows(PROVIDER, ["sip.py", "recv", "--proto", proto, "--port", "5060"],
                      [(PHONE, ["sip.py", "send", "--proto", proto, "--dst", SBC[0], "--count", "1",
                                "--timeout", "3"])])
    tx = sent[0].packets[0] if sent[0].packets else {}
    rx = got.packets[0] if got.packets else None
    ev = ["sent: %s" % {k: tx.get(k) for k in SIP_FIELDS}]
    if rx is None:
        return Check("sip alg off (%s): INVITE untouched" % proto, False,
                     ev + ["no INVITE arrived at the provider", got.stderr.strip()])
    ev.append("received from %s: %s" % (rx.get("src"), {k: rx.get(k) for k in SIP_FIELDS}))
    same = all(rx.get(k) == tx.get(k) for k in SIP_FIELDS)
    phone = all(PHONE_IP in json.dumps(rx.get(k)) for k in SIP_FIELDS)
    rewritten = [k for k in SIP_FIELDS if FW_OUTSIDE in json.dumps(rx.get(k))]
    if rewritten:
        ev.append("rewritten to the firewall's outside address %s: %s" % (FW_OUTSIDE, rewritten))
    return Check("sip alg off (%s): INVITE Via/Contact/SDP untouched" % proto, same and phone, ev)


def check_fw_dscp() -> list:
    """DSCP seen by the provider: EF on RTP, CS3 on SIP, for packets the phone sent unmarked."""
    out = []
    cases = [("udp", RTP[0], RTP_EDGES[0], EF, "rtp"), ("udp", RTP[1], RTP_EDGES[1], EF, "rtp"),
             ("udp", SBC[0], 5060, CS3, "sip"), ("tcp", SBC[0], 5060, CS3, "sip"),
             ("tcp", SBC[0], 5061, CS3, "sip-tls")]
    for proto in ("udp", "tcp"):
        mine = [c for c in cases if c[0] == proto]
        tag = uuid.uuid4().hex[:8]
        sends = [(PHONE, ["udp_tcp.py", "send", "--proto", proto, "--dst", a, "--dport", p, "--count", "1",
                          "--timeout", "3", "--payload", "%s-%s" % (tag, p)]) for _unused, a, p, _unused, _unused in mine]
        args = ["udp_tcp.py", "recv", "--proto", proto, "--ports", ",".join(str(c[2]) for c in mine)]
        if proto == "tcp":
            args += ["--iface", "eth0"]
        got, _unused = flows(PROVIDER, args, sends)
        for _unused, a, p, want, svc in mine:
            pk = next((x for x in got.packets if x["dst"] == a and x["dport"] == p), None)
            seen = None if pk is None else pk.get("dscp")
            out.append(Check("dscp: %s %s %s:%s arrives marked %s" % (svc, proto, a, p, want), seen == want,
                             ["sent unmarked (dscp 0)", "received dscp=%s" % seen if pk else "nothing arrived",
                              *(["probe warnings: %s" % [e for e in got.events if "warning" in e]]
                                if proto == "tcp" and seen is None and pk else [])]))
    return out


def _sysctl(name: str) -> int | None:
    p = sh(FW, "sysctl -n %s" % name)
    return int(p.stdout.strip()) if p.returncode == 0 and p.stdout.strip().isdigit() else None


def _nft_match(right, sets: dict, scalar, within, prefix=None) -> bool:
    """Does an nft JSON match operand (value, range, prefix, anonymous or named set) hold?"""
    if isinstance(right, str) and right.startswith("@"):
        return any(_nft_match(e, sets, scalar, within, prefix) for e in sets.get(right[1:], []))
    if isinstance(right, dict):
        if "range" in right:
            return within(*right["range"])
        if "prefix" in right and prefix:
            return prefix(right["prefix"])
        return any(_nft_match(e, sets, scalar, within, prefix) for e in right.get("set", []))
    if isinstance(right, list):
        return any(_nft_match(e, sets, scalar, within, prefix) for e in right)
    return scalar(right)


def _port_match(right, port: int, sets: dict) -> bool:
    return _nft_match(right, sets, lambda v: v == port, lambda lo, hi: lo <= port <= hi)


def _addr_match(right, addr: str, sets: dict) -> bool:
    import ipaddress
    ip, a = ipaddress.ip_address(addr), ipaddress.ip_address
    return _nft_match(right, sets, lambda v: isinstance(v, str) and ip == a(v),
                      lambda lo, hi: a(lo) <= ip <= a(hi),
                      lambda p: ip in ipaddress.ip_network("%s/%s" % (p["addr"], p["len"]), strict=False))


def ct_timeout_for(flow: dict):
    """The ct timeout policy a UDP flow {saddr, sport, daddr, dport} gets from the live
    ruleset, or None.

    Reads `nft -j list ruleset` (any table) and returns (object name, policy dict, where)
    for the first rule that sets a ct timeout and whose ip/udp address and port matches
    all hold for the flow (other matches, e.g. interface names, are assumed to hold).
    """
    data = json.loads(sh(FW, "nft -j list ruleset", check=True).stdout)["nftables"]
    objs, sets = {}, {}
    for item in data:
        if "ct timeout" in item:
            o = item["ct timeout"]
            objs[(o["family"], o["table"], o["name"])] = o
        if "set" in item:
            s = item["set"]
            sets[s["name"]] = s.get("elem", [])
    for item in data:
        rule = item.get("rule")
        if not rule:
            continue
        name = next((e["ct timeout"] for e in rule["expr"] if isinstance(e, dict) and "ct timeout" in e), None)
        if name is None:
            continue
        fits = True
        for e in rule["expr"]:
            m = e.get("match") if isinstance(e, dict) else None
            if not m or m.get("op", "==") not in ("==", "in"):
                continue
            left = m["left"].get("payload", {}) if isinstance(m["left"], dict) else {}
            proto, fld = left.get("protocol"), left.get("field")
            if proto in ("udp", "th") and fld in ("sport", "dport"):
                fits &= _port_match(m["right"], flow[fld], sets)
            elif proto == "ip" and fld in ("saddr", "daddr"):
                fits &= _addr_match(m["right"], flow[fld], sets)
            elif proto in ("ip6", "tcp"):
                fits = False
        if fits:
            obj = objs.get((rule["family"], rule["table"], name))
            return name, (obj or {}).get("policy", {}), "%s %s chain %s" % (rule["family"], rule["table"], rule["chain"])
    return None


def check_conntrack_timeouts() -> list:
    """Sysctls hold the intended values and a live UDP flow's remaining timeout matches them."""
    want = intent()
    out = []
    for key, sysctl in (("voipready_udp_timeout", "net.netfilter.nf_conntrack_udp_timeout"),
                        ("voipready_udp_stream_timeout", "net.netfilter.nf_conntrack_udp_timeout_stream")):
        have = _sysctl(sysctl)
        out.append(Check("timeouts: %s = %s" % (sysctl, want[key]), have == int(want[key]),
                         ["device: %s = %s" % (sysctl, have)]))
    intended = {int(want["voipready_udp_timeout"]), int(want["voipready_udp_stream_timeout"]),
                int(want["voipready_sip_timeout"])}
    flows_ = [(SBC[0], 5060, "sip", _sport()), (RTP[0], RTP_EDGES[0], "rtp", _sport())]

    def phone_sends(dst, dport, sport):
        run_probe(PHONE, ["udp_tcp.py", "send", "--proto", "udp", "--dst", dst, "--dport", dport,
                          "--sport", sport, "--count", "1", "--timeout", "2"])

    def observe(state):
        for dst, dport, label, sport in flows_:
            listing = sh(FW, "conntrack -L -p udp --orig-src %s --orig-port-src %d 2>/dev/null"
                         % (PHONE_IP, sport)).stdout
            line = next((ln for ln in listing.splitlines() if "dport=%d" % dport in ln), "")
            m = re.match(r"\s*udp\s+17\s+(\d+)\s", line)
            remaining = int(m.group(1)) if m else None
            seen_reply = bool(line) and "UNREPLIED" not in line
            policy = ct_timeout_for({"saddr": PHONE_IP, "sport": sport, "daddr": dst, "dport": dport})
            if policy:
                name, pol, where = policy
                expected = pol.get(state)
                src = "ct timeout %r (%s) %s=%s" % (name, where, state, expected)
            else:
                key = "nf_conntrack_udp_timeout" + ("_stream" if state == "replied" else "")
                expected = _sysctl("net.netfilter." + key)
                src = "sysctl %s=%s (no ct timeout rule matches)" % (key, expected)
            ok = (remaining is not None and expected is not None and expected - 10 <= remaining <= expected
                  and expected in intended and expected not in KERNEL_UDP_DEFAULTS.values()
                  and seen_reply == (state == "replied"))
            out.append(Check("timeouts: live %s flow %s:%s, %s, ages by the configured timeout"
                             % (label, dst, dport, state), ok,
                             ["conntrack: %s" % (line.strip() or "no entry for sport %d" % sport),
                              "remaining=%s, expected <= %s from %s" % (remaining, expected, src),
                              "intended values %s, kernel defaults %s"
                              % (sorted(intended), sorted(KERNEL_UDP_DEFAULTS.values()))]))

    for dst, dport, _unused, sport in flows_:
        phone_sends(dst, dport, sport)
    observe("unreplied")
    # The provider answers to the NATed port; the kernel gives a flow the replied (stream)
    # timeout once it has seen a reply and is still active more than 2 s after it began.
    for dst, dport, _unused, sport in flows_:
        run_probe(PROVIDER, ["udp_tcp.py", "send", "--proto", "udp", "--src", dst, "--sport", dport,
                             "--dst", FW_OUTSIDE, "--dport", sport, "--count", "1", "--timeout", "2"])
    time.sleep(2.2)
    for dst, dport, _unused, sport in flows_:
        phone_sends(dst, dport, sport)
    observe("replied")
    return out


def _lab_nat_expected() -> str:
    text = (REPO / "lab" / "labctl").read_text()
    m = re.search(r'LAB_NAT\s*=\s*"""\\?\n?(.*?)"""', text, re.S)
    return m.group(1) if m else ""


def _norm(text: str) -> list:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def check_lab_nat_unchanged() -> Check:
    have = sh(FW, "nft list table ip lab_nat").stdout
    want = _lab_nat_expected()
    return Check("lab_nat table unchanged", bool(want) and _norm(have) == _norm(want),
                 ["device:\n" + have, "labctl:\n" + want])


def linux_firewall_checks() -> list:
    checks = check_allowlist()
    checks += [check_sip_alg_off("udp"), check_sip_alg_off("tcp")]
    checks += check_fw_dscp()
    checks += check_conntrack_timeouts()
    checks.append(check_lab_nat_unchanged())
    return checks


# -- ovs_switch -------------------------------------------------------------------------------
L2_IFACES = ["voice0", "data0", "trunk0"]
SW_PORTS = ["phone1", "voice1", "data1", "uplink1"]
L2_FRAMES = 4          # frames per L2 check: each must arrive exactly once where it belongs
STORM_PPS = 50         # an idle switch port receiving more than this per second is in a loop


def l2_send(vlan: int | None, marker: str, count: int = L2_FRAMES, **ip) -> tuple:
    args = ["l2.py", "send", "--iface", "sw0", "--marker", marker, "--count", count, "--timeout", "3"]
    if vlan is not None:
        args += ["--vlan", vlan, "--pcp", 5]
    for k, v in ip.items():
        args += ["--" + k.replace("_", "-"), v]
    rargs = ["l2.py", "recv", "--marker", marker] + [x for i in L2_IFACES for x in ("--iface", i)]
    got, sent = flows(LAN, rargs, [(PHONE, args)], window=1.5)
    return got, sent[0]


def _port_rx() -> dict:
    out = sh(SW, "for i in %s; do echo $i $(cat /sys/class/net/$i/statistics/rx_packets); done"
             % " ".join(SW_PORTS)).stdout.split()
    return {out[i]: int(out[i + 1]) for i in range(0, len(out) - 1, 2) if out[i + 1].isdigit()}


def check_l2_path() -> list:
    """What every L2 check stands on, proved before any frame is judged, each failing with
    the name of what is missing: the lab's cables, Open vSwitch alive on the netdev
    datapath with every port open, no forwarding loop, and the kernel feature the L2 probes
    read VLAN tags with (veth hands the 802.1Q tag to AF_PACKET in PACKET_AUXDATA)."""
    out = []
    st = labctl("status", "--json")
    try:
        problems = json.loads(st.stdout).get("problems", ["labctl status gave no problems list"])
    except ValueError:
        problems = ["labctl status --json: %s %s" % (st.stdout.strip()[:200], st.stderr.strip()[:200])]
    out.append(Check("l2 path: lab cables are veth pairs, no hairpin on lab bridges (labctl status)",
                     not problems, problems or ["labctl: no problems"]))
    alive = sh(SW, "ovs-appctl -t ovs-vswitchd version && ovs-vsctl --timeout=3 show >/dev/null && "
                   "ovs-appctl dpif/show")
    dp = alive.stdout
    ok = alive.returncode == 0 and "netdev@ovs-netdev" in dp and all(p in dp for p in SW_PORTS)
    out.append(Check("l2 path: ovs-vswitchd and ovsdb-server run in %s, br0 on the netdev datapath with %s"
                     % (SW, ", ".join(SW_PORTS)), ok,
                     ["ovs-appctl/ovs-vsctl rc=%s" % alive.returncode, (dp + alive.stderr).strip()[-1200:]]))
    if not ok:
        return out
    ifs = sh(SW, "ovs-vsctl --format=json --columns=name,ofport,error list Interface").stdout
    try:
        rows = {r[0]: r[1:] for r in json.loads(ifs)["data"]}
    except (ValueError, KeyError, IndexError):
        rows = {}
    bad = ["%s: %s" % (n, rows.get(n, "absent")) for n in SW_PORTS
           if n not in rows or rows[n][0] in (-1, ["set", []]) or rows[n][1] not in (["set", []], "", None)]
    out.append(Check("l2 path: every switch port is open in OVS (ofport set, no error)", not bad,
                     bad or ["ports: %s" % sorted(rows)]))
    first = _port_rx()
    time.sleep(1.0)
    rate = {k: v - first.get(k, 0) for k, v in _port_rx().items()}
    storm = {k: v for k, v in rate.items() if v > STORM_PPS}
    out.append(Check("l2 path: no forwarding loop (idle ports receive <= %d frames/s)" % STORM_PPS, not storm,
                     ["frames received in 1 s while idle: %s" % rate]))
    m = "k" + uuid.uuid4().hex[:8]
    got, _unused = flows(SW, ["l2.py", "recv", "--iface", "phone1", "--marker", m],
                         [(PHONE, ["l2.py", "send", "--iface", "sw0", "--vlan", "110", "--pcp", "5", "--marker", m,
                                   "--count", L2_FRAMES, "--timeout", "3"])], window=1.0)
    seen = [(pk["vlan"], pk["pcp"]) for pk in got.packets]
    out.append(Check("kernel feature: an 802.1Q tag (VLAN 110, PCP 5) sent on a veth reaches AF_PACKET on the "
                     "peer in PACKET_AUXDATA", seen == [(110, 5)] * L2_FRAMES,
                     ["sent %d tagged frames on %s sw0; seen on %s phone1 (vlan, pcp): %s"
                      % (L2_FRAMES, PHONE, SW, seen)]))
    return out


def check_voice_vlan() -> list:
    """Tagged voice frames from the phone port reach voice1 and the trunk only; untagged
    frames reach data1 (and the trunk, tagged with the data VLAN) only. Every frame sent
    must arrive exactly once on each port it belongs to: a missing or a doubled frame fails."""
    want = intent()
    voice, data = int(want["voipready_voice_vlan"]["id"]), int(want["voipready_data_vlan"]["id"])
    out = check_l2_path()
    n = L2_FRAMES
    m = "v" + uuid.uuid4().hex[:8]
    got, sent = l2_send(voice, m)
    by = got.summary.get("by_iface", {})
    ok = (sent.summary.get("sent") == n and by.get("voice0") == [None] * n and not by.get("data0")
          and by.get("trunk0") == [voice] * n)
    out.append(Check("voice vlan: %d frames tagged %d from phone1 land once each on voice1 (untagged) and the "
                     "trunk (tagged %d), none on data1" % (n, voice, voice), ok,
                     ["sent: %s" % sent.summary, "vlans seen per port: %s" % by]))
    m = "d" + uuid.uuid4().hex[:8]
    got, sent = l2_send(None, m)
    by = got.summary.get("by_iface", {})
    ok = (sent.summary.get("sent") == n and by.get("data0") == [None] * n and not by.get("voice0")
          and by.get("trunk0") == [data] * n)
    out.append(Check("voice vlan: %d untagged frames from phone1 land once each on data1 and the trunk (tagged %d), "
                     "none on voice1" % (n, data), ok,
                     ["sent: %s" % sent.summary, "vlans seen per port: %s" % by]))
    return out


def check_ovs_dscp() -> list:
    """Voice traffic (tagged voice VLAN) from the phone port is marked on the switch:
    EF on RTP, CS3 on SIP, although the phone sent it unmarked. Every packet sent must
    leave voice1 once, marked."""
    voice = int(intent()["voipready_voice_vlan"]["id"])
    out = check_l2_path()
    n = L2_FRAMES
    for dst, dport, want, label in ((RTP[0], RTP_EDGES[0], EF, "rtp"), (SBC[0], 5060, CS3, "sip")):
        m = "q" + uuid.uuid4().hex[:8]
        got, sent = l2_send(voice, m, ip_dst=dst, udp_dport=dport, dscp=0)
        seen = [(p["iface"], p.get("dscp")) for p in got.packets]
        on_voice = [d for i, d in seen if i == "voice0"]
        ok = sent.summary.get("sent") == n and on_voice == [want] * n
        flows_txt = sh(SW, "ovs-ofctl dump-flows br0 | grep -v 'priority=0 actions=NORMAL' | head -20").stdout
        out.append(Check("ovs dscp: %d voice %s packets udp %s:%s leave voice1 marked %s"
                         % (n, label, dst, dport, want), ok,
                         ["sent %d with dscp 0 tagged %d; seen (iface, dscp): %s" % (n, voice, sorted(seen, key=str)),
                          "flows:\n" + flows_txt]))
    return out


def ovs_switch_checks() -> list:
    return check_voice_vlan() + check_ovs_dscp()


# -- lab control and site runs (for the pytest lab tests) -------------------------------------
ENV_KEYS = {"ANSIBLE_COLLECTIONS_PATH": str(REPO / ".cache" / "collections"),
            "ANSIBLE_CONFIG": str(REPO / "ansible.cfg"), "ANSIBLE_NOCOLOR": "1"}


def add_sip_helper(table: str = "scratch_alg"):
    """A customer's SIP ALG on vr-fw1: `ct helper set` of type sip on UDP 5060, in TABLE."""
    sh(FW, "nft -f -", check=True, input="""table ip %s {
  ct helper sip-5060 {
    type "sip" protocol udp
    l3proto ip
  }
  chain prerouting {
    type filter hook prerouting priority filter; policy accept;
    udp dport 5060 ct helper set "sip-5060"
  }
}
""" % table)


def voipready_rules(pred) -> list:
    """(chain, handle) of the rules in vr-fw1's table inet voipready whose JSON expression
    (comments included) satisfies PRED: how the tests remove one feature by hand."""
    data = json.loads(sh(FW, "nft -j list table inet voipready", check=True).stdout)["nftables"]
    return [(i["rule"]["chain"], i["rule"]["handle"]) for i in data
            if "rule" in i and pred(json.dumps(i["rule"]["expr"]) + json.dumps(i["rule"].get("comment", "")))]


def delete_rules(pred) -> list:
    found = voipready_rules(pred)
    if not found:
        raise AssertionError("nothing to delete: the converged table has no such rule")
    for chain, handle in found:
        sh(FW, "nft delete rule inet voipready %s handle %s" % (chain, handle), check=True)
    return found


def lab_bridges() -> set:
    """Host bridges of the lab's podman networks."""
    st = json.loads(labctl("status", "--json").stdout or "{}")
    out = set()
    for net, present in st.get("networks", {}).items():
        if present:
            p = subprocess.run(["podman", "network", "inspect", "--format", "{{.NetworkInterface}}", net],
                               capture_output=True, text=True, check=False)
            out.add(p.stdout.strip())
    return out - {""}


def labctl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "lab" / "labctl"), *args], capture_output=True,
                          text=True, timeout=900, cwd=REPO, check=False)


def lab_session():
    """Generator for a pytest fixture: the lab up for the test (taken down after if it was down)."""
    was_up = labctl("status").returncode == 0
    if not was_up:
        p = labctl("up")
        if p.returncode != 0:
            raise RuntimeError("lab/labctl up failed:\n" + p.stdout + p.stderr)
    try:
        yield
    finally:
        if not was_up:
            labctl("down")


def playbook(path: str, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """ansible-playbook -i inventories/lab PATH ARGS, from the repository root, with make
    test's environment (ENV_KEYS)."""
    import os
    env = dict(os.environ, **ENV_KEYS)
    env["PATH"] = "%s:%s" % (REPO / ".venv" / "bin", env.get("PATH", ""))
    return subprocess.run([str(REPO / ".venv" / "bin" / "ansible-playbook"), "-i", "inventories/lab",
                           path, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=REPO, env=env, check=False)


def site(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """ansible-playbook -i inventories/lab site.yml ARGS, from the repository root."""
    return playbook("site.yml", *args, timeout=timeout)


def readiness(report_dir: Path, host: str, *extra: str):
    """playbooks/readiness.yml limited to HOST, its report read back (None when absent)."""
    p = playbook("playbooks/readiness.yml", "-l", host, "-e", "voipready_readiness_report_dir=%s" % report_dir,
                 "-e", "voipready_readiness_count=5", *extra, timeout=300)
    report = report_dir / ("readiness-%s.json" % host)
    return p, (json.loads(report.read_text()) if report.exists() else None)


def recap(output: str) -> dict:
    """PLAY RECAP counters per host: {host: {"ok": n, "changed": n, "failed": n, ...}}."""
    out = {}
    for m in re.finditer(r"^(\S+)\s+:\s+((?:\w+=\d+\s*)+)$", output.split("PLAY RECAP")[-1], re.M):
        out[m.group(1)] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", m.group(2))}
    return out


SCENARIOS = {"linux_firewall": linux_firewall_checks, "ovs_switch": ovs_switch_checks}


def main(argv: list) -> int:
    names = argv[1:] or list(SCENARIOS)
    failed = 0
    for name in names:
        t0 = time.monotonic()
        for c in SCENARIOS[name]():
            print(c, flush=True)
            failed += not c.ok
        print("-- %s: %.1fs" % (name, time.monotonic() - t0), flush=True)
    print("%d check(s) failed" % failed if failed else "all checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
