# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``openvswitch``: every OpenFlow flow of the bridge (not only our cookies)
and the ports' VLAN settings, evaluated the way ovs-vswitchd does for one packet.

Table 0 first; the highest priority flow that matches decides; ``resubmit(,T)`` /
``goto_table:T`` continue in table T; no match drops (OpenFlow 1.3 table miss). Actions:
``NORMAL`` (the L2 switch: the input port must admit the frame's VLAN and another port
must carry it), ``output:``, ``drop``/no action, DSCP rewrites (``mod_nw_tos``,
``set_field:N->ip_dscp``). A switch filters nothing the collection owns, so the verdict
is about forwarding and marking: the flows check asks that each provider flow in the voice
VLAN is forwarded with its class DSCP, and that flows next to it are not marked.
tests/integration/test_flows_ovs.py compares every verdict with ``ofproto/trace``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import json

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.platforms import openvswitch as driver
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.shell import split_sections

SHORTHANDS = {
    "ip": (0x0800, None), "ipv6": (0x86dd, None), "arp": (0x0806, None),
    "tcp": (0x0800, 6), "udp": (0x0800, 17), "icmp": (0x0800, 1), "sctp": (0x0800, 132),
    "tcp6": (0x86dd, 6), "udp6": (0x86dd, 17), "icmp6": (0x86dd, 58),
}
IGNORED = ("cookie", "duration", "n_packets", "n_bytes", "idle_age", "hard_age", "reset_counts",
           "idle_timeout", "hard_timeout", "importance", "send_flow_rem", "check_overlap",
           "out_port", "out_group")


def from_running(running):
    sections = split_sections(running, driver.SECTIONS)
    policy = OvsPolicy()
    ports = dict((row["name"], row) for row in driver._table(sections["port"]))
    for row in driver._table(sections["bridge"]):
        members = set(driver._listed(row["ports"]))
        bridge = {"ports": {}, "flows": []}
        for name, port in ports.items():
            if port["_uuid"] in members:
                bridge["ports"][name] = {"tag": driver._one(port["tag"]),
                                         "trunks": [int(t) for t in driver._listed(port["trunks"])],
                                         "vlan_mode": driver._one(port["vlan_mode"])}
        for order, line in enumerate(sections.get("flows:" + row["name"], "").splitlines()):
            if "actions=" in line:
                bridge["flows"].append(parse_flow(line, order))
        bridge["flows"].sort(key=lambda f: (f["table"], -f["priority"], f["order"]))
        policy.bridges[row["name"]] = bridge
    return policy


def parse_flow(line, order):
    """A dump-flows line -> {table, priority, match: [(field, value)], actions, text}."""
    text = line.strip()
    match, _sep, actions = text.partition(" actions=")
    flow = {"table": 0, "priority": 32768, "match": [], "actions": _actions(actions.strip()),
            "order": order, "text": None}
    shown = []
    for token in match.replace(", ", ",").split(","):
        key, eq, value = token.strip().partition("=")
        if not key or key in IGNORED:
            if key == "cookie":
                shown.append(token.strip())
            continue
        if key == "table":
            flow["table"] = int(value)
        elif key == "priority":
            flow["priority"] = int(value)
            shown.append(token.strip())
        else:
            flow["match"].append((key, value if eq else None))
            shown.append(token.strip())
    flow["text"] = "table=%d %s actions=%s" % (flow["table"], ",".join(shown), actions.strip())
    return flow


def _actions(text):
    """Split on commas outside parentheses."""
    out, depth, current = [], 0, ""
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "," and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        out.append(current.strip())
    return out


def _masked(value):
    number, _sep, mask = value.partition("/")
    return int(number, 0), (int(mask, 0) if mask else None)


class OvsPolicy(flows.Policy):
    platform = "openvswitch"
    stateful = False
    marks = True
    filters = False

    def __init__(self):
        flows.Policy.__init__(self)
        self.bridges = {}

    def bridge_of(self, port):
        for name, bridge in sorted(self.bridges.items()):
            if port in bridge["ports"]:
                return name
        return None

    def verdict(self, flow):
        name = self.bridge_of(flow.ingress)
        if name is None:
            return flows.Verdict(flows.DENY, "port %s is on no bridge" % flow.ingress)
        ctx = {"dscp": None, "notes": [], "rules": []}
        action, label = self._table(self.bridges[name], name, 0, flow, ctx, 0)
        rule = label if action == flows.DENY else "; ".join(ctx["rules"]) or label
        return flows.Verdict(action, rule, ctx["dscp"], ctx["notes"])

    def _table(self, bridge, name, table, flow, ctx, depth):
        if depth > 16:
            ctx["notes"].append("bridge %s: resubmit loop" % name)
            return flows.DENY, "resubmit loop"
        for entry in bridge["flows"]:
            if entry["table"] != table:
                continue
            hit = self._matches(entry, flow, ctx)
            if hit:
                label = "bridge %s flow %s" % (name, entry["text"])
                return self._run(bridge, name, entry, flow, ctx, depth, label)
        return flows.DENY, "bridge %s table %d: no flow matches (table miss drops)" % (name, table)

    def _matches(self, entry, flow, ctx):
        eth = 0x0800 if flow.version == 4 else 0x86dd
        proto = flows.PROTO_NUMBERS.get(flow.proto)
        for key, value in entry["match"]:
            if key in SHORTHANDS:
                want_eth, want_proto = SHORTHANDS[key]
                if eth != want_eth or (want_proto is not None and proto != want_proto):
                    return False
            elif key == "dl_type":
                if int(value, 0) != eth:
                    return False
            elif key == "nw_proto":
                if int(value, 0) != proto:
                    return False
            elif key == "in_port":
                if value != flow.ingress:
                    return False
            elif key == "dl_vlan":
                if flow.vlan != int(value, 0):
                    return False
            elif key == "vlan_tci":
                number, mask = _masked(value)
                tci = (0x1000 | flow.vlan) if flow.vlan is not None else 0
                if tci & (mask if mask is not None else 0xffff) != number:
                    return False
            elif key in ("nw_src", "nw_dst", "ipv6_src", "ipv6_dst"):
                address = flow.src if key.endswith("src") else flow.dst
                if flows.is_name(address) or (key.startswith("nw") != (flow.version == 4)):
                    return False
                if address not in ipaddress.ip_network(value, strict=False):
                    return False
            elif key in ("tp_src", "tp_dst", "udp_src", "udp_dst", "tcp_src", "tcp_dst"):
                if key[:3] in ("udp", "tcp") and flow.proto != key[:3]:
                    return False
                port = flow.sport if key.endswith("src") else flow.dport
                if port is None:
                    return False
                number, mask = _masked(value)
                if port & (mask if mask is not None else 0xffff) != number:
                    return False
            elif key in ("ip_dscp", "nw_tos"):
                current = ctx["dscp"] or 0
                want = int(value, 0) if key == "ip_dscp" else int(value, 0) >> 2
                if current != want:
                    return False
            elif key in ("dl_src", "dl_dst", "dl_vlan_pcp", "nw_ttl", "nw_ecn", "nw_frag"):
                ctx["notes"].append("flow %s: %s is not sampled; taken to match" % (key, value))
            else:
                ctx["notes"].append("match field %s not modelled; taken to match" % key)
        return True

    def _run(self, bridge, name, entry, flow, ctx, depth, label):
        actions = [a for a in entry["actions"] if a]
        if not actions or actions == ["drop"]:
            return flows.DENY, label
        ctx["rules"].append(label)
        result = None
        for action in actions:
            low = action.lower()
            if low.startswith("mod_nw_tos:"):
                ctx["dscp"] = int(low.split(":", 1)[1], 0) >> 2
            elif low.startswith("set_field:") and low.endswith("->ip_dscp"):
                ctx["dscp"] = int(low[len("set_field:"):-len("->ip_dscp")], 0)
            elif low.startswith("set_field:") and low.endswith("->nw_tos"):
                ctx["dscp"] = int(low[len("set_field:"):-len("->nw_tos")], 0) >> 2
            elif low == "normal":
                result = self._normal(bridge, name, flow)
                if result[0] == flows.DENY:
                    return result
            elif low.startswith("output:") or low in ("in_port", "local", "flood", "all"):
                result = (flows.PERMIT, label)
            elif low.startswith("resubmit") or low.startswith("goto_table:"):
                table = (int(low.split(":", 1)[1]) if low.startswith("goto_table") else
                         int(low.split(",")[1].rstrip(")")) if "," in low else 0)
                sub = self._table(bridge, name, table, flow, ctx, depth + 1)
                if sub[0] == flows.DENY or low.startswith("goto_table"):
                    return sub
                result = sub
            elif low == "drop":
                return flows.DENY, label
            elif low.startswith(("strip_vlan", "pop_vlan", "push_vlan", "mod_vlan_vid",
                                 "set_field")):
                ctx["notes"].append("%s: action %s not followed" % (label, action))
            else:
                ctx["notes"].append("%s: action %s not modelled" % (label, action))
        return result or (flows.DENY, "%s (no output action)" % label)

    def _normal(self, bridge, name, flow):
        """The L2 switch: VLAN admission on the input port, then a port that carries it."""
        port = bridge["ports"].get(flow.ingress) or {}
        vlan = _admitted(port, flow.vlan)
        where = "bridge %s NORMAL" % name
        if vlan is None:
            return flows.DENY, "%s: port %s does not admit %s" % (
                where, flow.ingress, "VLAN %s" % flow.vlan if flow.vlan is not None else
                "untagged frames")
        carriers = [n for n, p in sorted(bridge["ports"].items())
                    if n != flow.ingress and _carries(p, vlan)]
        if not carriers:
            return flows.DENY, "%s: no other port carries VLAN %s" % (where, vlan)
        if flow.egress and flow.egress not in carriers:
            return flows.DENY, "%s: port %s does not carry VLAN %s" % (where, flow.egress, vlan)
        return flows.PERMIT, "%s (VLAN %s)" % (where, vlan)

    def lines(self):
        out = []
        for name, bridge in sorted(self.bridges.items()):
            out.append("bridge %s ports %s" % (name, json.dumps(bridge["ports"], sort_keys=True)))
            out += ["  " + f["text"] for f in bridge["flows"]]
        return out


def _mode(port):
    mode = port.get("vlan_mode")
    if mode:
        return mode
    return "access" if port.get("tag") is not None else "trunk"


def _admitted(port, vlan):
    """The VLAN a frame (tag ``vlan``, None = untagged) joins on ``port``, None: dropped."""
    mode, tag, trunks = _mode(port), port.get("tag"), port.get("trunks") or []
    if mode == "access":
        return tag if vlan is None else None
    if vlan is None:
        if mode in ("native-untagged", "native-tagged"):
            return tag
        vlan = 0    # an untagged frame on a trunk is in VLAN 0, admitted only if trunked
    if trunks and vlan not in trunks and vlan != tag:
        return None
    return vlan


def _carries(port, vlan):
    mode, tag, trunks = _mode(port), port.get("tag"), port.get("trunks") or []
    if mode == "access":
        return tag == vlan
    if vlan == 0:
        return mode == "trunk"
    return not trunks or vlan in trunks or vlan == tag
