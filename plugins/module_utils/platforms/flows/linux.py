# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``linux``: the whole nftables ruleset (every table, not only ours) as the
kernel runs it for a forwarded packet, plus interfaces and routes (``ip -j addr/route``).

A forwarded IPv4/IPv6 packet meets, in this order, the base chains of type filter on the
hooks ingress (netdev), prerouting, forward and postrouting of the families that see it
(ip or ip6, and inet), each hook's chains by ascending priority. ``accept`` ends one base
chain and the packet goes on to the next; ``drop``/``reject`` end it for good; a chain
that runs out applies its policy. ``jump`` returns, ``goto`` does not. A sampled flow is
the first packet of a connection: conntrack state ``new``. ``ip dscp set`` is followed,
so the verdict carries the DSCP the packet leaves with (tests/integration/
test_flows_kernel.py compares both with real packets through the kernel).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import fnmatch
import ipaddress
import json

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.platforms import linux as driver
from ansible_collections.voipready.network.plugins.module_utils.platforms import nft_model as nm

HOOKS = ("ingress", "prerouting", "forward", "postrouting")
FAMILIES = {4: ("netdev", "ip", "inet"), 6: ("netdev", "ip6", "inet")}
UNKNOWN = object()
#: statements that neither decide nor change what this model follows
NEUTRAL = ("counter", "log", "limit", "quota", "ct helper", "ct timeout", "notrack", "set",
           "masquerade", "snat", "dnat", "redirect", "meta", "ct", "synproxy", "flow", "xt",
           "dup", "fwd", "tproxy", "secmark", "last")


def from_running(running):
    sections = driver.split_sections(running)
    policy = NftPolicy(nm.load_ruleset(sections["nft"]))
    policy.read_interfaces(sections.get("addr"), sections.get("route"))
    return policy


def _json_values(text):
    """Every JSON document in ``text`` (``ip -j`` prints one array per command)."""
    decoder, out, index = json.JSONDecoder(), [], 0
    text = (text or "").strip()
    while index < len(text):
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            break
        value, index = decoder.raw_decode(text, index)
        out.append(value)
    return out


class NftPolicy(flows.Policy):
    platform = "linux"
    stateful = True
    marks = True

    def __init__(self, objects):
        flows.Policy.__init__(self)
        self.tables = {}
        for obj in objects:
            kind, body = list(obj.items())[0]
            if kind == "table":
                self.tables.setdefault((body["family"], body["name"]), {"sets": {}, "chains": {}})
            elif kind in ("set", "map"):
                table = self.tables.setdefault((body["family"], body["table"]),
                                               {"sets": {}, "chains": {}})
                table["sets"][body["name"]] = body
            elif kind == "chain":
                table = self.tables.setdefault((body["family"], body["table"]),
                                               {"sets": {}, "chains": {}})
                table["chains"][body["name"]] = {"base": body if body.get("hook") else None,
                                                 "rules": []}
            elif kind == "rule":
                table = self.tables[(body["family"], body["table"])]
                table["chains"][body["chain"]]["rules"].append(body)
        self.bases = []
        for (family, tname), table in self.tables.items():
            for cname, chain in table["chains"].items():
                base = chain["base"]
                if base and base.get("hook") in HOOKS and base.get("type", "filter") == "filter":
                    self.bases.append((HOOKS.index(base["hook"]), base.get("prio") or 0, family,
                                       tname, cname))
        self.bases.sort()

    def read_interfaces(self, addr_text, route_text):
        if addr_text is None:
            self.notes.append("no interface addresses gathered (ip -j addr)")
            return
        try:
            for doc in _json_values(addr_text):
                for link in doc:
                    for info in link.get("addr_info") or []:
                        if info.get("family") in ("inet", "inet6") and info.get("scope") != "host":
                            self.add_address(link["ifname"],
                                             "%s/%s" % (info["local"], info["prefixlen"]))
            for doc in _json_values(route_text):
                for route in doc:
                    dst = route.get("dst")
                    if route.get("dev") and dst:
                        self.add_route("0.0.0.0/0" if dst == "default" and ":" not in
                                       str(route.get("gateway", "")) else
                                       ("::/0" if dst == "default" else dst), route["dev"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            self.notes.append("unreadable ip -j output (%s)" % exc)

    # -- evaluation ------------------------------------------------------------------------
    def verdict(self, flow):
        ctx = {"dscp": None, "notes": [], "accepts": []}
        for _hook, _prio, family, tname, cname in self.bases:
            if family not in FAMILIES[flow.version]:
                continue
            if family == "netdev":
                dev = self.tables[(family, tname)]["chains"][cname]["base"].get("dev")
                if dev is not None and dev != flow.ingress:
                    continue
            result, label = self._chain(flow, family, tname, cname, ctx, 0)
            if result is None:
                base = self.tables[(family, tname)]["chains"][cname]["base"]
                if base.get("policy") == "drop":
                    return flows.Verdict(flows.DENY, "table %s %s chain %s: policy drop"
                                         % (family, tname, cname), ctx["dscp"], ctx["notes"])
            elif result == "drop":
                return flows.Verdict(flows.DENY, label, ctx["dscp"], ctx["notes"])
            elif result == "accept":
                ctx["accepts"].append(label)
        rule = "; ".join(ctx["accepts"]) if ctx["accepts"] else \
            "no chain drops it (every base chain's policy accepts)"
        return flows.Verdict(flows.PERMIT, rule, ctx["dscp"], ctx["notes"])

    def _chain(self, flow, family, tname, cname, ctx, depth):
        """(accept|drop|None (ran out or returned), label of the deciding rule)."""
        table = self.tables[(family, tname)]
        chain = table["chains"].get(cname)
        if chain is None or depth > 16:
            ctx["notes"].append("table %s %s: chain %s missing or looping" % (family, tname, cname))
            return None, None
        for index, rule in enumerate(chain["rules"]):
            label = "table %s %s chain %s rule %d: %s" % (
                family, tname, cname, index + 1, rule_text(rule))
            outcome = self._rule(flow, family, tname, rule, ctx, depth, label)
            if outcome is None:
                continue
            if outcome[0] == "return":
                return None, None
            return outcome
        return None, None

    def _rule(self, flow, family, tname, rule, ctx, depth, label):
        table = self.tables[(family, tname)]
        pending = None
        for expr in rule.get("expr") or []:
            key, body = list(expr.items())[0]
            if key == "match":
                hit = self._match(flow, body, table, ctx)
                if hit is UNKNOWN:
                    ctx["notes"].append("%s: a condition the model cannot read is taken to match"
                                        % label)
                elif not hit:
                    return None
            elif key in ("accept", "drop"):
                return key, label
            elif key == "reject":
                return "drop", label
            elif key == "return":
                return ("return", label)
            elif key == "continue":
                return None
            elif key in ("jump", "goto"):
                result, sub = self._chain(flow, family, tname, body["target"], ctx, depth + 1)
                if result is not None:
                    return result, sub
                if key == "goto":
                    return ("return", label)
            elif key == "vmap":
                value = self._value(flow, body["key"], ctx)
                data = body["data"]
                pairs = data["set"] if isinstance(data, dict) and "set" in data else \
                    (table["sets"].get(str(data).lstrip("@"), {}).get("elem") or [])
                for item in pairs:
                    if isinstance(item, dict) and "elem" in item:
                        item = item["elem"]
                    k, verdict = (item[0], item[1]) if isinstance(item, list) else (None, None)
                    if value is not UNKNOWN and _in(value, [k], table):
                        vkey, vbody = list(verdict.items())[0]
                        if vkey in ("accept", "drop", "reject"):
                            return ("drop" if vkey == "reject" else vkey), label
                        if vkey in ("jump", "goto"):
                            result, sub = self._chain(flow, family, tname, vbody["target"], ctx,
                                                      depth + 1)
                            if result is not None:
                                return result, sub
                        return None
                return None
            elif key == "mangle":
                target = body.get("key", {}).get("payload", {})
                if target.get("field") == "dscp":
                    value = body.get("value")
                    pending = nm.NFT_DSCP.get(value, value) if isinstance(value, str) else value
                    ctx["dscp"] = pending
            elif key == "queue":
                ctx["notes"].append("%s: queued to user space, taken as accepted" % label)
                return "accept", label
            elif key not in NEUTRAL:
                ctx["notes"].append("%s: statement %r not modelled" % (label, key))
        return None

    def _value(self, flow, left, ctx):
        """The flow's value for an expression's left side, None when the packet has no
        such header (the match is false), UNKNOWN when the model cannot tell."""
        if "payload" in left:
            proto, field = left["payload"].get("protocol"), left["payload"].get("field")
            if proto in ("ip", "ip6"):
                if (proto == "ip") != (flow.version == 4):
                    return None
                if field in ("saddr", "daddr"):
                    value = flow.src if field == "saddr" else flow.dst
                    return None if flows.is_name(value) else value
                if field in ("protocol", "nexthdr"):
                    return flows.PROTO_NUMBERS.get(flow.proto, flow.proto)
                if field == "dscp":
                    return ctx["dscp"] or 0
                return UNKNOWN
            if proto in ("tcp", "udp", "sctp", "th"):
                if (proto == "th" and flow.dport is None) or (proto != "th" and flow.proto != proto):
                    return None
                if field in ("sport", "dport"):
                    return flow.sport if field == "sport" else flow.dport
                if field == "flags" and proto == "tcp":
                    return ("syn",)
                return UNKNOWN
            if proto in ("icmp", "icmpv6"):
                return None if flow.proto != proto else UNKNOWN
            return UNKNOWN
        if "meta" in left:
            key = left["meta"].get("key")
            if key in ("iifname", "iif"):
                return flow.ingress if flow.ingress is not None else UNKNOWN
            if key in ("oifname", "oif"):
                return flow.egress if flow.egress is not None else UNKNOWN
            if key == "l4proto":
                return flows.PROTO_NUMBERS.get(flow.proto, flow.proto)
            if key == "nfproto":
                return "ipv4" if flow.version == 4 else "ipv6"
            if key == "protocol":
                return "ip" if flow.version == 4 else "ip6"
            return UNKNOWN
        if "ct" in left:
            key = left["ct"].get("key")
            if key == "state":
                return (flow.state,)
            if key == "direction":
                return "original"
            return UNKNOWN
        if "fib" in left:
            fib = left["fib"]
            if fib.get("result") == "type" and fib.get("flags") == ["daddr"]:
                return "unicast"   # a forwarded packet is not for the host itself
            return UNKNOWN
        if "concat" in left:
            parts = [self._value(flow, part, ctx) for part in left["concat"]]
            if any(p is None for p in parts):
                return None
            if any(p is UNKNOWN for p in parts):
                return UNKNOWN
            return ("concat", tuple(parts))
        return UNKNOWN

    def _match(self, flow, body, table, ctx):
        value = self._value(flow, body.get("left") or {}, ctx)
        if value is None:
            return False
        if value is UNKNOWN:
            return UNKNOWN
        op, right = body.get("op"), body.get("right")
        if isinstance(value, tuple) and value and value[0] != "concat":   # flags
            names = right if isinstance(right, list) else [right]
            hit = any(str(n) in value for n in names)
            return not hit if op == "!=" else hit
        if op in ("==", "in"):
            return _in(value, _items(right), table)
        if op == "!=":
            return not _in(value, _items(right), table)
        if op in ("<", ">", "<=", ">=") and isinstance(right, int) and isinstance(value, int):
            return {"<": value < right, ">": value > right, "<=": value <= right,
                    ">=": value >= right}[op]
        return UNKNOWN

    def lines(self):
        out = []
        for hook, prio, family, tname, cname in self.bases:
            base = self.tables[(family, tname)]["chains"][cname]["base"]
            out.append("hook %s priority %s: table %s %s chain %s (policy %s)" % (
                HOOKS[hook], prio, family, tname, cname, base.get("policy", "accept")))
            for index, rule in enumerate(self.tables[(family, tname)]["chains"][cname]["rules"]):
                out.append("  %d. %s" % (index + 1, rule_text(rule)))
        return out


def _items(right):
    if isinstance(right, dict) and "set" in right:
        return right["set"]
    return [right]


def _in(value, items, table):
    """Whether ``value`` (an address, port, protocol number, name or concat) is one of
    ``items`` (scalars, prefixes, ranges, "@set" references, concatenations)."""
    for item in items:
        if isinstance(item, dict) and "elem" in item:
            item = item["elem"]["val"] if isinstance(item["elem"], dict) else item["elem"]
        if isinstance(item, str) and item.startswith("@"):
            named = table["sets"].get(item[1:]) or {}
            if _in(value, named.get("elem") or [], table):
                return True
            continue
        if isinstance(value, tuple) and value and value[0] == "concat":
            if isinstance(item, dict) and "concat" in item and len(item["concat"]) == len(value[1]):
                if all(_in(v, [i], table) for v, i in zip(value[1], item["concat"])):
                    return True
            continue
        if _scalar_in(value, item):
            return True
    return False


def _scalar_in(value, item):
    if isinstance(value, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        try:
            if isinstance(item, dict) and "prefix" in item:
                return value in ipaddress.ip_network("%s/%s" % (item["prefix"]["addr"],
                                                                item["prefix"]["len"]), strict=False)
            if isinstance(item, dict) and "range" in item:
                low, high = (ipaddress.ip_address(x) for x in item["range"])
                return low.version == value.version and low <= value <= high
            if isinstance(item, str):
                return value in ipaddress.ip_network(item, strict=False)
        except ValueError:
            return False
        return False
    if isinstance(value, int):
        if isinstance(item, dict) and "range" in item:
            low, high = item["range"]
            return _num(low) <= value <= _num(high)
        return _num(item) == value
    if isinstance(value, str):
        if not isinstance(item, str):
            return False
        if item.endswith("*") and not item.endswith("\\*"):
            return fnmatch.fnmatchcase(value, item)
        return value == item
    return False


def _num(item):
    if isinstance(item, str):
        if item.isdigit():
            return int(item)
        return flows.PROTO_NUMBERS.get(item, nm.NFT_DSCP.get(item, -1))
    return item if isinstance(item, int) else -1


# -- text of a rule (nft-like, for the verdict) ----------------------------------------------
def _side(left):
    if "payload" in left:
        return "%s %s" % (left["payload"].get("protocol"), left["payload"].get("field"))
    if "meta" in left:
        return "meta %s" % left["meta"].get("key")
    if "ct" in left:
        return "ct %s" % left["ct"].get("key")
    if "fib" in left:
        return "fib %s type" % " . ".join(left["fib"].get("flags") or [])
    if "concat" in left:
        return " . ".join(_side(p) for p in left["concat"])
    return json.dumps(left, sort_keys=True)


def _right(right):
    if isinstance(right, dict):
        if "set" in right:
            return "{ %s }" % ", ".join(_right(i) for i in right["set"])
        if "prefix" in right:
            return "%s/%s" % (right["prefix"]["addr"], right["prefix"]["len"])
        if "range" in right:
            return "%s-%s" % tuple(right["range"])
        if "concat" in right:
            return " . ".join(_right(i) for i in right["concat"])
        return json.dumps(right, sort_keys=True)
    if isinstance(right, list):
        if right and isinstance(right[0], list):
            return ", ".join(_right(i) for i in right)
        return ",".join(_right(i) for i in right)
    return str(right)


def rule_text(rule):
    parts = []
    for expr in rule.get("expr") or []:
        key, body = list(expr.items())[0]
        if key == "match":
            op = body.get("op")
            parts.append("%s%s %s" % (_side(body.get("left") or {}),
                                      "" if op in ("==", "in") else " " + op,
                                      _right(body.get("right"))))
        elif key in ("accept", "drop", "return", "continue"):
            parts.append(key)
        elif key in ("jump", "goto"):
            parts.append("%s %s" % (key, body["target"]))
        elif key == "reject":
            parts.append("reject")
        elif key == "vmap":
            parts.append("%s vmap %s" % (_side(body["key"]), _right(body["data"])))
        elif key == "mangle":
            parts.append("%s set %s" % (_side(body["key"]), body.get("value")))
        elif key == "counter":
            parts.append("counter")
        else:
            parts.append(key)
    if rule.get("comment"):
        parts.append('comment "%s"' % rule["comment"])
    return " ".join(parts)
