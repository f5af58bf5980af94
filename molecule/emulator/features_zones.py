"""The features on the emulated PAN-OS firewall's and RouterOS router's read-back, checked
by their own rule evaluation (Molecule scenarios panos and routeros; lab/emulators, never a
real device).

    features_zones.py --scenario panos|routeros AFTER

AFTER is the device's own configuration as netmiko read it: PAN-OS ``show config running``
in set format, RouterOS ``/export terse``. Each line is split with shlex (PAN-OS member
lists ``[ a b ]``, RouterOS ``key=value`` words) and the device's own rules are followed to
decide what a flow meets -- PAN-OS: security rules first-match by zone, address (objects and
groups), application and service; RouterOS: the ``forward`` chain first-match with jumps,
address lists, protocol and port. The expectations are the lab inventory's
(inventories/lab/group_vars, host_vars/vr-pan1.yml, vr-ros1.yml) and the lab provider's
(lab/catalog/labvoice.yml), written here, not taken from the collection's drivers.
"""
import ipaddress
import re
import shlex
import sys

from features import RTP, SBCS, SIP, UDP_STREAM, run

PAN_PHONE = "192.0.2.200"        # in vr-pan1's voice unit ethernet1/2.110 (192.0.2.192/26)
ROS_PHONE = "198.51.100.70"      # in vr-ros1's voice VLAN interface (198.51.100.64/26)
OFFICE_PC = "192.0.2.20"         # the customer's office LAN on both
ELSEWHERE = "203.0.113.99"       # on the provider side, in no allowlist entry


# -- PAN-OS ---------------------------------------------------------------------------------
def pan_tree(text):
    """Nested dicts of the set lines; a ``[ a b ]`` list or a last word is the value."""
    tree = {}
    for line in text.splitlines():
        if not line.startswith("set "):
            continue
        words = shlex.split(line)[1:]
        if "[" in words:
            at = words.index("[")
            path, value = words[:at], words[at + 1:words.index("]")]
        else:
            path, value = words[:-1], [words[-1]]
        node = tree
        for word in path[:-1]:
            node = node.setdefault(word, {})
        if isinstance(node.get(path[-1]), dict):  # an entry whose name is the last word
            node[path[-1]].setdefault(value[0], {})
        else:
            node.setdefault(path[-1], [])
            node[path[-1]] += value
    return tree


def pan_rules(tree):
    """The security rules in rulebase order (the order show prints them in)."""
    return list(tree.get("rulebase", {}).get("security", {}).get("rules", {}).items())


def pan_networks(tree, name):
    if name == "any":
        return [ipaddress.ip_network("0.0.0.0/0")]
    addr = tree.get("address", {}).get(name)
    if addr is not None:
        return [ipaddress.ip_network(n, strict=False) for n in addr.get("ip-netmask", [])]
    group = tree.get("address-group", {}).get(name, {})
    return [n for m in group.get("static", []) for n in pan_networks(tree, m)]


def pan_service(tree, name, proto, port, app):
    if name == "any":
        return True
    if name == "application-default":  # the application's own ports: web-browsing/ssl
        return app in ("web-browsing", "ssl") and proto == "tcp" and port in (80, 443)
    svc = tree.get("service", {}).get(name)
    if svc is None:
        group = tree.get("service-group", {}).get(name, {})
        return any(pan_service(tree, m, proto, port, app) for m in group.get("members", []))
    spec = svc.get("protocol", {}).get(proto, {})
    for item in ",".join(spec.get("port", [])).split(","):
        low, _sep, high = item.partition("-")
        if item and int(low) <= port <= int(high or low):
            return True
    return False


def pan_verdict(tree, src_zone, dst_zone, proto, src, dst, port, app):
    """(rule, action, dscp) of the first security rule that matches; none: interzone deny."""
    for name, rule in pan_rules(tree):
        if rule.get("disabled") == ["yes"]:
            continue
        if not ({src_zone, "any"} & set(rule.get("from", [])) and
                {dst_zone, "any"} & set(rule.get("to", []))):
            continue
        if not any(ipaddress.ip_address(src) in n
                   for a in rule.get("source", []) for n in pan_networks(tree, a)):
            continue
        if not any(ipaddress.ip_address(dst) in n
                   for a in rule.get("destination", []) for n in pan_networks(tree, a)):
            continue
        if not ({"any", app} & set(rule.get("application", []))):
            continue
        if not any(pan_service(tree, s, proto, port, app) for s in rule.get("service", [])):
            continue
        dscp = rule.get("qos", {}).get("marking", {}).get("ip-dscp", [None])[0]
        return name, rule.get("action", ["?"])[0], dscp
    return None, "deny", None


def check_panos(text, c):
    tree = pan_tree(text)
    for sbc in SBCS:
        name, action, dscp = pan_verdict(tree, "trust", "untrust", "udp", PAN_PHONE, sbc, 5060, "sip")
        c.check(action == "allow" and dscp == "cs3",
                "rule %s allows SIP udp/5060 %s -> %s, marks %s" % (name, PAN_PHONE, sbc, dscp))
    for rtp in RTP:
        name, action, dscp = pan_verdict(tree, "trust", "untrust", "udp", PAN_PHONE, rtp, 16384, "rtp")
        c.check(action == "allow" and dscp == "ef",
                "rule %s allows RTP udp/16384 %s -> %s, marks %s" % (name, PAN_PHONE, rtp, dscp))
        name, action, _d = pan_verdict(tree, "untrust", "trust", "udp", rtp, PAN_PHONE, 16384, "rtp")
        c.check(action == "allow", "rule %s allows inbound RTP %s -> %s" % (name, rtp, PAN_PHONE))
    name, action, _d = pan_verdict(tree, "trust", "untrust", "udp", PAN_PHONE, ELSEWHERE, 5060, "sip")
    c.check(action == "deny" and name is not None,
            "rule %s denies the phones' other traffic (udp/5060 to %s)" % (name, ELSEWHERE))
    name, action, _d = pan_verdict(tree, "trust", "untrust", "tcp", OFFICE_PC, ELSEWHERE, 443, "ssl")
    c.check(name == "Allow-Office-Web" and action == "allow",
            "the customer's Allow-Office-Web still decides office web traffic (%s)" % name)
    shared = tree.get("shared", {})
    c.check(shared.get("alg-override", {}).get("application", {}).get("sip", {}).get(
        "alg-disabled") == ["yes"], "shared alg-override application sip alg-disabled yes")
    session = tree.get("deviceconfig", {}).get("setting", {}).get("session", {})
    c.check(session.get("timeout-udp") == [str(UDP_STREAM)], "session timeout-udp %d" % UDP_STREAM)
    sip = shared.get("override", {}).get("application", {}).get("sip", {})
    c.check(sip.get("udp-timeout") == [str(SIP)], "application sip udp-timeout %d" % SIP)
    units = tree.get("network", {}).get("interface", {}).get("ethernet", {}).get(
        "ethernet1/2", {}).get("layer3", {}).get("units", {})
    unit = units.get("ethernet1/2.110", {})
    c.check(unit.get("tag") == ["110"] and unit.get("ip") == ["192.0.2.193/26"],
            "unit ethernet1/2.110: tag 110, 192.0.2.193/26 (%s)" % unit)
    c.check("ethernet1/2.110" in tree.get("zone", {}).get("trust", {}).get("network", {}).get(
        "layer3", []), "ethernet1/2.110 in zone trust")
    c.check("ethernet1/2.110" in tree.get("network", {}).get("virtual-router", {}).get(
        "default", {}).get("interface", []), "ethernet1/2.110 in virtual-router default")
    c.check("ethernet1/2.20" in units, "the customer's guest unit ethernet1/2.20 kept")


# -- RouterOS -------------------------------------------------------------------------------
def ros_entries(text):
    """(menu, verb, {key: value}, [other words]) of every /export terse line."""
    out = []
    for line in text.splitlines():
        if not line.startswith("/"):
            continue
        words = shlex.split(line)
        at = next(i for i, w in enumerate(words) if w in ("add", "set", "remove"))
        props, rest = {}, []
        for word in words[at + 1:]:
            key, eq, value = word.partition("=")
            if eq and not word.startswith("["):
                props[key] = value
            else:
                rest.append(word)
        out.append((" ".join(words[:at]), words[at], props, rest))
    return out


def ros_lists(entries):
    lists = {}
    for menu, verb, props, _r in entries:
        if menu == "/ip firewall address-list" and verb == "add":
            lists.setdefault(props["list"], []).append(ipaddress.ip_network(props["address"],
                                                                            strict=False))
    return lists


def _in_list(lists, name, address):
    negate = name.startswith("!")
    found = any(ipaddress.ip_address(address) in n for n in lists.get(name.lstrip("!"), []))
    return found != negate


def _ports(spec, port):
    for item in spec.split(","):
        low, _sep, high = item.partition("-")
        if int(low) <= port <= int(high or low):
            return True
    return False


def ros_verdict(entries, chain, flow, depth=0):
    """(comment, action) of the first rule of ``chain`` a new connection matches, following
    jumps (a return or the end of a jumped-to chain goes on after the jump)."""
    lists = ros_lists(entries)
    proto, src, dst, port = flow
    for menu, verb, p, _r in entries:
        if menu != "/ip firewall filter" or verb != "add" or p.get("chain") != chain:
            continue
        if p.get("disabled") == "yes":
            continue
        state = p.get("connection-state")
        if state and "new" not in state.split(","):
            continue
        if "connection-nat-state" in p or "in-interface-list" in p or "in-interface" in p:
            continue  # the default rules for WAN / guest traffic: these flows come from the LAN
        if p.get("protocol") and p["protocol"] != proto:
            continue
        if p.get("dst-port") and not _ports(p["dst-port"], port):
            continue
        if p.get("src-address-list") and not _in_list(lists, p["src-address-list"], src):
            continue
        if p.get("dst-address-list") and not _in_list(lists, p["dst-address-list"], dst):
            continue
        for key, addr in (("src-address", src), ("dst-address", dst)):
            if p.get(key) and ipaddress.ip_address(addr) not in ipaddress.ip_network(p[key], False):
                break
        else:
            action = p.get("action", "accept")
            if action == "jump" and depth < 8:
                found = ros_verdict(entries, p["jump-target"], flow, depth + 1)
                if found[1] != "return":
                    return found
                continue
            if action in ("passthrough", "log"):
                continue
            return p.get("comment", p.get("chain")), action
    return None, "return" if depth else "accept"


def ros_mark(entries, flow):
    proto, src, dst, port = flow
    lists = ros_lists(entries)
    for menu, verb, p, _r in entries:
        if menu == "/ip firewall mangle" and verb == "add" and p.get("action") == "change-dscp":
            if p.get("protocol") == proto and _ports(p.get("dst-port", "0-65535"), port) and \
                    (not p.get("dst-address-list") or _in_list(lists, p["dst-address-list"], dst)) and \
                    (not p.get("src-address-list") or _in_list(lists, p["src-address-list"], src)):
                return p.get("new-dscp")
    return None


def _duration(value):
    total, units = 0, {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
    for number, unit in re.findall(r"(\d+)([wdhms])", value or ""):
        total += int(number) * units[unit]
    return total


def check_routeros(text, c):
    entries = ros_entries(text)
    for sbc in SBCS:
        flow = ("udp", ROS_PHONE, sbc, 5060)
        comment, action = ros_verdict(entries, "forward", flow)
        c.check(action == "accept", "forward accepts SIP udp/5060 %s -> %s (%s)" % (ROS_PHONE, sbc, comment))
        c.check(ros_mark(entries, flow) == "24", "SIP to %s marked CS3 (24)" % sbc)
    for rtp in RTP:
        flow = ("udp", ROS_PHONE, rtp, 16384)
        comment, action = ros_verdict(entries, "forward", flow)
        c.check(action == "accept", "forward accepts RTP udp/16384 %s -> %s (%s)" % (ROS_PHONE, rtp, comment))
        c.check(ros_mark(entries, flow) == "46", "RTP to %s marked EF (46)" % rtp)
        comment, action = ros_verdict(entries, "forward", ("udp", rtp, ROS_PHONE, 16384))
        c.check(action == "accept", "forward accepts inbound RTP %s -> %s (%s)" % (rtp, ROS_PHONE, comment))
    comment, action = ros_verdict(entries, "forward", ("udp", ROS_PHONE, ELSEWHERE, 5060))
    c.check(action == "drop", "forward drops the phones' other traffic (%s)" % comment)
    comment, action = ros_verdict(entries, "forward", ("tcp", OFFICE_PC, ELSEWHERE, 443))
    c.check(action == "accept" and comment is None,
            "office LAN traffic meets none of the voice rules (%s)" % comment)
    sets = dict(((m, tuple(r)), p) for m, v, p, r in entries if v == "set")
    sip = sets.get(("/ip firewall service-port", ("sip",)), {})
    c.check(sip.get("disabled") == "yes", "service-port sip disabled=yes")
    ct = sets.get(("/ip firewall connection tracking", ()), {})
    c.check(_duration(ct.get("udp-stream-timeout")) == max(UDP_STREAM, SIP),
            "udp-stream-timeout %ds (%s)" % (max(UDP_STREAM, SIP), ct.get("udp-stream-timeout")))
    vlans = [p for m, v, p, _r in entries if m == "/interface bridge vlan" and v == "add" and
             p.get("vlan-ids") == "110"]
    tagged = set(vlans[0].get("tagged", "").split(",")) if vlans else set()
    c.check({"ether2", "ether3"} <= tagged, "bridge VLAN 110 tagged on ether2, ether3 (%s)" % tagged)
    iface = [p for m, v, p, _r in entries if m == "/interface vlan" and v == "add" and
             p.get("vlan-id") == "110"]
    name = iface[0].get("name") if iface else None
    addrs = [p.get("address") for m, v, p, _r in entries if m == "/ip address" and v == "add" and
             p.get("interface") == name]
    c.check(bool(name) and "198.51.100.65/26" in addrs,
            "VLAN interface %s for VLAN 110 with 198.51.100.65/26 (%s)" % (name, addrs))


def main():
    return run({"panos": check_panos, "routeros": check_routeros})


if __name__ == "__main__":
    sys.exit(main())
