# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``vyos``: the whole ``show configuration commands`` (1.4/1.5 and 1.3).

A forwarded packet meets ``firewall ipv4 forward filter`` (1.4+) rules in numeric order,
or (1.3) the ruleset bound ``in`` on its ingress interface then ``out`` on its egress
interface: the first rule that matches decides (``accept``, ``drop``, ``reject``; ``jump``
into a named chain, whose ``default-action`` applies when it runs out, ``return`` goes
back; ``continue`` goes on); a base chain that runs out applies its ``default-action``
(accept). Stateful (``state``: a sampled flow is ``new``). Groups (address, network, port,
domain: flows to names match a domain-group), ``!`` negation, ``tcp_udp``, interfaces by
name or group. DSCP: ``policy route`` bound on the ingress interface (``set dscp``), so the
verdict says whether voice is classified where it enters (VyOS classifies on ingress only).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.netutil import port_names

PORT_NAMES = port_names(
    "http", "https", "domain", "ntp", "ssh", "sip", "bootps", "bootpc", "smtp", "telnet", "ftp")
ACTIONS = {"accept": flows.PERMIT, "drop": flows.DENY, "reject": flows.DENY}


def from_running(running):
    lines = []
    for raw in (running or "").splitlines():
        line = raw.strip()
        if line.startswith("set "):
            lines.append(re.findall(r"'[^']*'|\S+", line[4:]))
    return VyosPolicy([[w.strip("'") for w in words] for words in lines])


def _ports(text):
    out = flows.Ports()
    for part in text.split(","):
        low, _sep, high = part.partition("-")
        low = PORT_NAMES.get(low, low)
        high = PORT_NAMES.get(high, high) if high else low
        if str(low).isdigit() and str(high).isdigit():
            out.add(int(low), int(high))
    return out


def _neg(text):
    return (True, text[1:]) if text.startswith("!") else (False, text)


class VyosPolicy(flows.Policy):
    platform = "vyos"
    stateful = True
    fqdn_objects = True
    marks = True

    def __init__(self, lines):
        flows.Policy.__init__(self)
        self.groups = {}        # (kind, name) -> values
        self.chains = {}        # name -> {"default": action, "rules": {n: {...}}}
        self.bound = {}         # 1.3: interface -> {"in": chain, "out": chain}
        self.qos = {}           # policy route name -> {"rules": {...}, "interfaces": set()}
        self.iface_groups = {}
        routes = []
        for w in lines:
            self._line(w, routes)
        for prefix, hop in routes:
            via = self.interface_of(hop) if hop[:1].isdigit() else hop
            if via:
                self.add_route(prefix, via)

    def _line(self, w, routes):
        if w[0] == "interfaces" and len(w) >= 4:
            name, rest = w[2], w[3:]
            if rest[0] == "vif" and len(rest) >= 3:
                name, rest = "%s.%s" % (name, rest[1]), rest[2:]
            if rest[0] == "address" and len(rest) >= 2 and rest[1][:1].isdigit():
                self.add_address(name, rest[1])
            elif rest[:2] == ["firewall", "in"] or rest[:2] == ["firewall", "out"]:
                if len(rest) >= 4 and rest[2] == "name":
                    self.bound.setdefault(name, {})[rest[1]] = rest[3]
            elif rest[:2] == ["policy", "route"] and len(rest) >= 3:
                self.qos.setdefault(rest[2], {"rules": {}, "interfaces": set()})["interfaces"].add(name)
        elif w[:2] == ["firewall", "group"] and len(w) >= 6:
            if w[2] == "interface-group":
                self.iface_groups.setdefault(w[3], set()).add(w[5])
            else:
                self.groups.setdefault((w[2], w[3]), []).append(w[5])
        elif w[0] == "firewall":
            self._firewall(w[1:])
        elif w[:2] == ["policy", "route"] and len(w) >= 4:
            entry = self.qos.setdefault(w[2], {"rules": {}, "interfaces": set()})
            if w[3] == "interface" and len(w) >= 5:
                entry["interfaces"].add(w[4])
            elif w[3] == "rule" and len(w) >= 6:
                self._rule_field(entry["rules"].setdefault(int(w[4]), {}), w[5:])
        elif w[:3] == ["protocols", "static", "route"] and len(w) >= 6:
            routes.append((w[3], w[5]))

    def _firewall(self, w):
        if w[0] in ("ipv4", "ipv6"):
            if w[0] == "ipv6":
                return
            w = w[1:]
            if w[0] in ("forward", "input", "output") and len(w) >= 3 and w[1] == "filter":
                chain, rest = "%s filter" % w[0], w[2:]
            elif w[0] == "name" and len(w) >= 3:
                chain, rest = w[1], w[2:]
            else:
                return
        elif w[0] == "name" and len(w) >= 3:       # 1.3
            chain, rest = w[1], w[2:]
        else:
            return
        entry = self.chains.setdefault(chain, {"default": None, "rules": {}})
        if rest[0] == "default-action" and len(rest) >= 2:
            entry["default"] = rest[1]
        elif rest[0] == "rule" and len(rest) >= 3:
            self._rule_field(entry["rules"].setdefault(int(rest[1]), {}), rest[2:])

    @staticmethod
    def _rule_field(rule, w):
        key = " ".join(w[:-1]) if len(w) > 1 else w[0]
        value = w[-1] if len(w) > 1 else True
        if key in ("state", "state established", "state related", "state new", "state invalid"):
            if key == "state":
                rule.setdefault("state", []).append(value)
            elif value == "enable":
                rule.setdefault("state", []).append(key.split()[1])
            return
        rule[key] = value

    # -- matching -----------------------------------------------------------------------------
    def _group(self, kind, name, depth=0):
        values = self.groups.get((kind, name))
        if values is None:
            self._note("firewall group %s %s is not defined" % (kind, name))
            return []
        out = []
        for value in values:
            out.append(value)
        for member in self.groups.get((kind, name + "-include"), []):
            if depth < 8:
                out += self._group(kind, member, depth + 1)
        return out

    def _note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def _side(self, rule, side, flow):
        """True/False for the source/destination conditions of a rule."""
        address = flow.src if side == "source" else flow.dst
        port = flow.sport if side == "source" else flow.dport
        for key, value in rule.items():
            if not key.startswith(side + " "):
                continue
            field = key[len(side) + 1:]
            negate, text = _neg(value) if isinstance(value, str) else (False, value)
            if field == "address":
                hit = not flows.is_name(address) and address in flows.Addresses([text])
            elif field == "port":
                hit = port is not None and port in _ports(text)
            elif field in ("group address-group", "group network-group"):
                hit = address in flows.Addresses(self._group(field.split()[1], text))
            elif field == "group domain-group":
                hit = address in flows.Addresses(self._group("domain-group", text))
            elif field == "group port-group":
                hit = port is not None and any(port in _ports(p) for p in
                                               self._group("port-group", text))
            elif field in ("fqdn",):
                hit = address == text
            else:
                self._note("rule condition %s %s not modelled; taken to match" % (key, value))
                continue
            if hit == negate:
                return False
        return True

    def _matches(self, rule, flow):
        if rule.get("disable") is True:
            return False
        if "protocol" in rule:
            negate, proto = _neg(rule["protocol"])
            hit = proto == "all" or (proto == "tcp_udp" and flow.proto in ("tcp", "udp")) or \
                flows.proto_name(proto) == flow.proto
            if hit == negate:
                return False
        if "state" in rule and flow.state not in rule["state"]:
            return False
        for key, name in (("inbound-interface name", flow.ingress),
                          ("outbound-interface name", flow.egress)):
            if key in rule:
                negate, text = _neg(rule[key])
                hit = name == text or (text.endswith("*") and (name or "").startswith(text[:-1]))
                if hit == negate:
                    return False
        for key, name in (("inbound-interface group", flow.ingress),
                          ("outbound-interface group", flow.egress)):
            if key in rule:
                negate, text = _neg(rule[key])
                if (name in self.iface_groups.get(text, set())) == negate:
                    return False
        return self._side(rule, "source", flow) and self._side(rule, "destination", flow)

    def _chain(self, name, flow, base, depth=0):
        """(action or None, label)."""
        chain = self.chains.get(name)
        if chain is None or depth > 16:
            self._note("firewall chain %s is not defined" % name)
            return flows.DENY, "firewall chain %s (undefined)" % name
        for number in sorted(chain["rules"]):
            rule = chain["rules"][number]
            if not self._matches(rule, flow):
                continue
            action = rule.get("action", "accept")
            label = "firewall %s rule %d (%s)" % (name, number, rule.get("description", action))
            if action in ACTIONS:
                return ACTIONS[action], label
            if action == "jump":
                found = self._chain(rule.get("jump-target"), flow, False, depth + 1)
                if found[0] is not None:
                    return found
            elif action == "return":
                return None, None
        default = chain["default"] or ("accept" if base else "drop")
        if default == "return":
            return None, None
        return ACTIONS.get(default, flows.PERMIT), "firewall %s default-action %s" % (name, default)

    def _dscp(self, flow):
        for name, entry in sorted(self.qos.items()):
            if flow.ingress not in entry["interfaces"]:
                continue
            for number in sorted(entry["rules"]):
                rule = entry["rules"][number]
                if self._matches(rule, flow) and "set dscp" in rule:
                    return int(rule["set dscp"]), "policy route %s rule %d" % (name, number)
        return None, None

    def verdict(self, flow):
        decided = []
        if "forward filter" in self.chains:
            action, label = self._chain("forward filter", flow, True)
            if action == flows.DENY:
                return flows.Verdict(flows.DENY, label, notes=())
            decided.append(label)
        for interface, direction in ((flow.ingress, "in"), (flow.egress, "out")):
            chain = (self.bound.get(interface) or {}).get(direction)
            if chain:
                action, label = self._chain(chain, flow, False)
                if action == flows.DENY:
                    return flows.Verdict(flows.DENY, "%s [%s %s]" % (label, interface, direction))
                decided.append("%s [%s %s]" % (label, interface, direction))
        dscp, marked = self._dscp(flow)
        if marked:
            decided.append(marked)
        return flows.Verdict(flows.PERMIT, "; ".join(d for d in decided if d) or
                             "no firewall ruleset applies (accept)", dscp=dscp)

    def lines(self):
        return ["%s: %d rules, default %s" % (n, len(c["rules"]), c["default"])
                for n, c in sorted(self.chains.items())]
