"""The features on an emulated firewall's read-back, checked with hier_config (Molecule
scenarios asa and fortios; lab/emulators, never a real device).

    features.py --scenario asa|fortios AFTER

AFTER is the device's own configuration as netmiko read it (``show running-config`` /
``show``). hier_config (its ``cisco_ios`` and ``fortinet_fortios`` drivers) parses it;
this script then follows the device's own rules -- an ASA ACL is first-match with
object-groups expanded, a FortiGate policy list is first-match by interface, address and
service -- to decide what a flow meets. The expectations are the lab inventory's
(inventories/lab/group_vars, host_vars/vr-asa1.yml, vr-fgt1.yml) and the lab provider's
(lab/catalog/labvoice.yml), written here, not taken from the collection's drivers.
"""
import argparse
import ipaddress
import re
import shlex
import sys

from hier_config import Platform, get_hconfig

SBCS = ("203.0.113.10", "203.0.113.11")        # labvoice SIP servers
RTP = ("203.0.113.20", "203.0.113.21")         # labvoice RTP servers
PHONE = "192.0.2.10"                           # in the ASA's voice network 192.0.2.0/25
FGT_PHONE = "192.0.2.200"                      # in the FortiGate's voice VLAN 192.0.2.192/26
UDP_STREAM, SIP = 600, 900                     # group_vars: udp stream and SIP timeouts
PORTS = {"sip": 5060, "www": 80, "https": 443, "domain": 53, "ntp": 123, "syslog": 514,
         "ssh": 22}


class Checks:
    def __init__(self):
        self.failed = []

    def check(self, ok, what):
        print("%s %s" % ("ok  " if ok else "FAIL", what))
        if not ok:
            self.failed.append(what)


# -- ASA ----------------------------------------------------------------------------------
def asa_tree(text):
    """Top-level blocks in order (hier_config refuses two blocks with one text: the ASA
    prints ``object network X`` again for its NAT rule, so each block is parsed apart)."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.startswith((":", "Cryptochecksum")) or line in ("!", ""):
            continue
        if not line.startswith(" ") and current:
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return [get_hconfig(Platform.CISCO_IOS, "\n".join(b)).children[0] for b in blocks]


def _port(word):
    return int(word) if word.isdigit() else PORTS[word]


def asa_groups(blocks):
    groups = {}
    for node in blocks:
        words = node.text.split()
        if words[0] == "object-group":
            groups[words[2]] = [c.text for c in node.children]
    return groups


def asa_addresses(words, groups):
    """(networks, words used) of one ACE address operand."""
    if words[0] in ("any", "any4"):
        return [ipaddress.ip_network("0.0.0.0/0")], 1
    if words[0] == "host":
        return [ipaddress.ip_network(words[1])], 2
    if words[0] == "object-group":
        nets = []
        for member in groups[words[1]]:
            m = member.split()
            if m[0] == "network-object":
                nets += asa_addresses(m[1:], groups)[0] if m[1] != "object" else []
            elif m[0] == "group-object":
                nets += asa_addresses(["object-group", m[1]], groups)[0]
        return nets, 2
    return [ipaddress.ip_network("%s/%s" % (words[0], words[1]))], 2


def asa_services(name, groups):
    """(proto, low, high) of a service object-group."""
    out = []
    for member in groups[name]:
        m = member.split()
        if m[0] != "service-object":
            continue
        protos = ("tcp", "udp") if m[1] == "tcp-udp" else (m[1],)
        if "destination" in m:
            at = m.index("destination")
            if m[at + 1] == "eq":
                low = high = _port(m[at + 2])
            else:
                low, high = _port(m[at + 2]), _port(m[at + 3])
        else:
            low, high = 0, 65535
        out += [(p, low, high) for p in protos]
    return out


def asa_verdict(entries, groups, proto, src, dst, port):
    """The first ACE of ``entries`` that matches decides (permit/deny); none: implicit deny."""
    for entry in entries:
        words = entry.split()
        if words[0] != "extended":
            continue
        action, rest = words[1], words[2:]
        if rest[0] == "object-group":
            services, rest = asa_services(rest[1], groups), rest[2:]
        elif rest[0] == "ip":
            services, rest = [(proto, 0, 65535)], rest[1:]
        else:
            services, rest = [(rest[0], 0, 65535)], rest[1:]
        srcs, used = asa_addresses(rest, groups)
        rest = rest[used:]
        dsts, used = asa_addresses(rest, groups)
        rest = rest[used:]
        if rest[:1] == ["eq"]:
            services = [(s[0], _port(rest[1]), _port(rest[1])) for s in services]
        ip_src, ip_dst = ipaddress.ip_address(src), ipaddress.ip_address(dst)
        if any(ip_src in n for n in srcs) and any(ip_dst in n for n in dsts) and \
                any(p == proto and lo <= port <= hi for p, lo, hi in services):
            return action
    return "deny"


def check_asa(text, c):
    blocks = asa_tree(text)
    groups = asa_groups(blocks)
    acls, bound = {}, {}
    for node in blocks:
        words = node.text.split()
        if words[0] == "access-list":
            acls.setdefault(words[1], []).append(" ".join(words[2:]))
        if words[0] == "access-group":
            bound[(words[-1], words[2])] = words[1]
    inside, outside = bound.get(("inside", "in")), bound.get(("outside", "in"))
    c.check(bool(inside and re.match(r"^VOIPREADY-INSIDE-\d+$", inside)),
            "access-group VOIPREADY-INSIDE-N in interface inside (%s)" % inside)
    c.check(bool(outside and re.match(r"^VOIPREADY-OUTSIDE-\d+$", outside)),
            "access-group VOIPREADY-OUTSIDE-N in interface outside (%s)" % outside)
    c.check(bound.get(("guest", "in")) == "GUEST_IN" and bound.get(("dmz", "in")) == "DMZ_IN",
            "the customer's GUEST_IN and DMZ_IN stay bound")
    rules = acls.get(inside, [])
    for sbc in SBCS:
        c.check(asa_verdict(rules, groups, "udp", PHONE, sbc, 5060) == "permit",
                "inside ACL permits SIP udp/5060 %s -> %s" % (PHONE, sbc))
        c.check(asa_verdict(rules, groups, "tcp", PHONE, sbc, 5061) == "permit",
                "inside ACL permits SIP-TLS tcp/5061 %s -> %s" % (PHONE, sbc))
    for rtp in RTP:
        c.check(asa_verdict(rules, groups, "udp", PHONE, rtp, 16384) == "permit",
                "inside ACL permits RTP udp/16384 %s -> %s" % (PHONE, rtp))
        c.check(asa_verdict(acls.get(outside, []), groups, "udp", rtp, PHONE, 16384) == "permit",
                "outside ACL permits RTP udp/16384 %s -> %s (inbound media)" % (rtp, PHONE))
    c.check(asa_verdict(acls.get(outside, []), groups, "tcp", "203.0.113.99", PHONE, 22) == "deny",
            "outside ACL keeps other inbound traffic out")
    pmap = next((n for n in blocks if n.text == "policy-map global_policy"), None)
    klass = pmap.get_child(equals="class inspection_default") if pmap else None
    inspects = [ch.text for ch in klass.children] if klass else []
    c.check(not any(re.match(r"^inspect sip( |$)", t) for t in inspects) and
            "inspect ftp" in inspects, "SIP inspection off, the other inspections kept")
    timers = " ".join(n.text for n in blocks if n.text.startswith("timeout "))
    c.check(" udp 0:10:00" in timers, "timeout udp 0:10:00 (%ds)" % UDP_STREAM)
    c.check("timeout sip 0:15:00 " in timers + " ", "timeout sip 0:15:00 (%ds)" % SIP)
    sub = next((n for n in blocks if n.text == "interface GigabitEthernet0/1.110"), None)
    lines = [ch.text for ch in sub.children] if sub else []
    c.check(lines[:4] == ["vlan 110", "nameif voice", "security-level 100",
                          "ip address 192.0.2.193 255.255.255.192"],
            "voice sub-interface Gi0/1.110: vlan 110, nameif voice, 192.0.2.193/26 (%s)" % lines)


# -- FortiOS ------------------------------------------------------------------------------
def forti_tree(text):
    """{section: {"sets": {...}, "edits": {name: node}, "subs": {...}}} from hier_config's
    FortiOS parse (its closing ``next``/``end`` lines skipped)."""
    def walk(node):
        out = {"sets": {}, "edits": {}, "subs": {}}
        for child in node.children:
            words = child.text.split(None, 1)
            if words[0] in ("next", "end"):
                continue
            if words[0] == "set":
                key, _sep, value = words[1].partition(" ")
                out["sets"][key] = value
            elif words[0] == "edit":
                out["edits"][shlex.split(words[1])[0]] = walk(child)
            elif words[0] == "config":
                out["subs"][words[1]] = walk(child)
        return out
    root = get_hconfig(Platform.FORTINET_FORTIOS, "\n".join(
        ln for ln in text.splitlines() if not ln.startswith("#")))
    return walk(root)["subs"]


def _words(value):
    return shlex.split(value or "")


def forti_members(tree, name, seen=None):
    """Networks an address or group name covers."""
    if name == "all":
        return [ipaddress.ip_network("0.0.0.0/0")]
    addr = tree.get("firewall address", {}).get("edits", {}).get(name)
    if addr is not None:
        subnet = addr["sets"].get("subnet")
        return [ipaddress.ip_network("%s/%s" % tuple(subnet.split()), strict=False)] if subnet \
            else []
    group = tree.get("firewall addrgrp", {}).get("edits", {}).get(name, {"sets": {}})
    out = []
    for member in _words(group["sets"].get("member")):
        out += forti_members(tree, member)
    return out


def forti_service(tree, name, proto, port):
    if name == "ALL":
        return True
    svc = tree.get("firewall service custom", {}).get("edits", {}).get(name)
    if svc is None:
        group = tree.get("firewall service group", {}).get("edits", {}).get(name, {"sets": {}})
        return any(forti_service(tree, m, proto, port) for m in _words(group["sets"].get("member")))
    for item in (svc["sets"].get("%s-portrange" % proto) or "").split():
        low, _sep, high = item.split(":")[0].partition("-")
        if int(low) <= port <= int(high or low):
            return True
    return False


def forti_verdict(tree, table, src_if, dst_if, proto, src, dst, port):
    """The first policy of ``table`` whose interfaces, addresses and service match."""
    for pid, pol in tree.get(table, {}).get("edits", {}).items():
        sets = pol["sets"]
        if sets.get("status") == "disable":
            continue
        if not ({src_if, "any"} & set(_words(sets.get("srcintf"))) and
                {dst_if, "any"} & set(_words(sets.get("dstintf")))):
            continue
        srcs = [n for a in _words(sets.get("srcaddr")) for n in forti_members(tree, a)]
        dsts = [n for a in _words(sets.get("dstaddr")) for n in forti_members(tree, a)]
        if not any(ipaddress.ip_address(src) in n for n in srcs) or \
                not any(ipaddress.ip_address(dst) in n for n in dsts):
            continue
        if not any(forti_service(tree, s, proto, port) for s in _words(sets.get("service"))):
            continue
        return pid, sets.get("action", "deny")  # deny: the default action, not printed
    return None, "deny"


def check_fortios(text, c):
    tree = forti_tree(text)
    table = "firewall policy"
    for sbc in SBCS:
        pid, action = forti_verdict(tree, table, "internal1.110", "wan1", "udp", FGT_PHONE, sbc, 5060)
        c.check(action == "accept", "policy %s accepts SIP udp/5060 %s -> %s" % (pid, FGT_PHONE, sbc))
    for rtp in RTP:
        pid, action = forti_verdict(tree, table, "internal1.110", "wan1", "udp", FGT_PHONE, rtp, 16384)
        c.check(action == "accept", "policy %s accepts RTP udp/16384 %s -> %s" % (pid, FGT_PHONE, rtp))
        pid, action = forti_verdict(tree, table, "wan1", "internal1.110", "udp", rtp, FGT_PHONE, 16384)
        c.check(action == "accept", "policy %s accepts inbound RTP %s -> %s" % (pid, rtp, FGT_PHONE))
    pid, action = forti_verdict(tree, table, "internal1", "wan1", "tcp", "192.0.2.20",
                                "198.51.100.99", 443)
    c.check(pid == "1" and action == "accept", "the customer's LAN-to-Internet still decides "
                                               "LAN traffic (policy %s)" % pid)
    settings = tree.get("system settings", {}).get("sets", {})
    c.check(settings.get("default-voip-alg-mode") == "kernel-helper-based",
            "system settings default-voip-alg-mode kernel-helper-based")
    helpers = tree.get("system session-helper", {}).get("edits", {})
    c.check(not any(h["sets"].get("name") == "sip" for h in helpers.values()) and
            any(h["sets"].get("name") == "ftp" for h in helpers.values()),
            "no SIP session helper, the others kept")
    c.check(not any("voip-profile" in p["sets"] for p in tree.get(table, {}).get("edits", {}).values()),
            "no VoIP profile on any policy")
    glob = tree.get("system global", {}).get("sets", {})
    c.check(glob.get("udp-idle-timer") == str(UDP_STREAM), "udp-idle-timer %d" % UDP_STREAM)
    ports = tree.get("system session-ttl", {}).get("subs", {}).get("port", {}).get("edits", {})
    sip = [p["sets"] for p in ports.values() if p["sets"].get("protocol") == "17" and
           p["sets"].get("start-port") == "5060"]
    c.check(bool(sip) and sip[0].get("timeout") == str(SIP), "session-ttl UDP 5060 timeout %d" % SIP)
    vlan = tree.get("system interface", {}).get("edits", {}).get("internal1.110", {"sets": {}})["sets"]
    c.check(vlan.get("vlanid") == "110" and vlan.get("interface") == '"internal1"' and
            vlan.get("ip") == "192.0.2.193 255.255.255.192",
            "VLAN internal1.110 on internal1, 192.0.2.193/26 (%s)" % vlan)
    marks = {}
    for pol in tree.get("firewall shaping-policy", {}).get("edits", {}).values():
        if "wan1" in _words(pol["sets"].get("dstintf")) and \
                pol["sets"].get("diffserv-forward") == "enable":
            for dst in (RTP[0], SBCS[0]):
                port = 16384 if dst == RTP[0] else 5060
                nets = [n for a in _words(pol["sets"].get("dstaddr")) for n in forti_members(tree, a)]
                if any(ipaddress.ip_address(dst) in n for n in nets) and any(
                        forti_service(tree, s, "udp", port) for s in _words(pol["sets"].get("service"))):
                    marks.setdefault(dst, pol["sets"].get("diffservcode-forward"))
    c.check(marks.get(RTP[0]) == "101110", "RTP to %s leaves wan1 marked EF (%s)" % (RTP[0], marks))
    c.check(marks.get(SBCS[0]) == "011000", "SIP to %s leaves wan1 marked CS3" % SBCS[0])


def run(check_by_scenario):
    """``--scenario NAME AFTER``: the scenario's checks on the read-back; 1 when one fails."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True, choices=sorted(check_by_scenario))
    parser.add_argument("after")
    args = parser.parse_args()
    with open(args.after) as handle:
        text = handle.read()
    checks = Checks()
    check_by_scenario[args.scenario](text, checks)
    if checks.failed:
        sys.stderr.write("%d check(s) failed: %s\n" % (len(checks.failed), "; ".join(checks.failed)))
        return 1
    return 0


def main():
    return run({"asa": check_asa, "fortios": check_fortios})


if __name__ == "__main__":
    sys.exit(main())
