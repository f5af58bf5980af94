# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``junos`` (SRX): the whole ``show configuration | display set``.

A transit packet meets, in order: the firewall filter bound ``input`` on its ingress
logical interface (stateless terms; ``discard``/``reject`` drop it, ``forwarding-class``
classifies it), the security policies of its zone pair (``from-zone`` of the ingress
interface's zone ``to-zone`` of the egress interface's, in configuration order: first
match), then global policies, then the default policy (deny-all unless ``default-policy
permit-all``); then the egress interface's ``output`` filter. An interface in no zone
passes no traffic. The SRX is stateful. The DSCP it leaves with is the egress interface's
rewrite rule for the forwarding class the ingress filter gave it (unchanged otherwise).
Address book (global and per zone; dns-name entries match flows to that name), address
sets, applications and application sets, the predefined ``junos-*`` applications the
collection and common configurations use; ``deactivate`` removes a statement.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.intent import DSCP_NAMES
from ansible_collections.voipready.network.plugins.module_utils.netutil import port_names

PORT_NAMES = port_names(
    "ftp", "ssh", "telnet", "smtp", "domain", "http", "www", "ntp", "snmp", "https", "sip",
    "bootps", "bootpc", "tftp", "syslog", "ldap")
#: predefined applications -> [(proto, dport low, high)]
BUILTIN = {
    "junos-dns-udp": [("udp", 53, 53)], "junos-dns-tcp": [("tcp", 53, 53)],
    "junos-ntp": [("udp", 123, 123)], "junos-http": [("tcp", 80, 80)],
    "junos-https": [("tcp", 443, 443)], "junos-ssh": [("tcp", 22, 22)],
    "junos-telnet": [("tcp", 23, 23)], "junos-ftp": [("tcp", 21, 21)],
    "junos-sip": [("udp", 5060, 5060), ("tcp", 5060, 5060)],
    "junos-dhcp-client": [("udp", 68, 68)], "junos-dhcp-server": [("udp", 67, 67)],
    "junos-bootps": [("udp", 67, 67)], "junos-ping": [("icmp", None, None)],
    "junos-icmp-all": [("icmp", None, None)], "junos-icmp-ping": [("icmp", None, None)],
    "junos-smtp": [("tcp", 25, 25)], "junos-snmp-agentx": [("tcp", 705, 705)],
    "junos-stun": [("udp", 3478, 3478), ("tcp", 3478, 3478)],
}


def from_running(running):
    statements, inactive = [], []
    for raw in (running or "").splitlines():
        line = re.sub(r"\s+", " ", raw.strip())
        if line.startswith("set "):
            statements.append(line[4:])
        elif line.startswith("deactivate "):
            inactive.append(line[len("deactivate "):])
    return JunosPolicy(statements, inactive)


def _ports(text):
    if text in PORT_NAMES:
        return PORT_NAMES[text], PORT_NAMES[text]
    low, _sep, high = text.partition("-")
    low = PORT_NAMES.get(low, low)
    high = PORT_NAMES.get(high, high) if high else low
    return int(low), int(high)


class JunosPolicy(flows.Policy):
    platform = "junos"
    stateful = True
    fqdn_objects = True
    marks = True

    def __init__(self, statements, inactive):
        flows.Policy.__init__(self)
        dead = tuple(inactive)
        statements = [s for s in statements if not any(s == d or s.startswith(d + " ")
                                                       for d in dead)]
        self.zones = {}           # logical interface -> zone
        self.book = {}            # address name -> Addresses
        self.book_sets = {}       # address-set -> [member names]
        self.apps = {}            # application -> {term: {proto, sport, dport}}
        self.app_sets = {}
        self.policies = {}        # (from, to) -> [(name, spec)]
        self.globals = []
        self.default = flows.DENY
        self.filters = {}         # filter name -> [(term, spec)]
        self.bound = {}           # ifl -> {"input": filter, "output": filter}
        self.rewrite = {}         # rule -> {(fc, lp): dscp}
        self.rewrite_on = {}      # ifl -> rule
        for line in statements:
            self._statement(line)

    # -- reading ---------------------------------------------------------------------------
    def _statement(self, line):
        w = line.split()
        if w[0] == "interfaces" and len(w) >= 7 and w[2] == "unit" and w[4:6] == ["family", "inet"]:
            ifl = "%s.%s" % (w[1], w[3])
            if w[6] == "address" and len(w) >= 8:
                self.add_address(ifl, w[7])
            elif w[6] == "filter" and len(w) == 9:
                self.bound.setdefault(ifl, {})[w[7]] = w[8]
        elif w[:3] == ["security", "zones", "security-zone"] and len(w) >= 6:
            if w[4] == "interfaces":
                self.zones[w[5]] = w[3]
            elif w[4] == "address-book":
                self._book(w[5:])
        elif w[:2] == ["security", "address-book"] and len(w) >= 5:
            self._book(w[3:])
        elif w[:2] == ["applications", "application"] and len(w) >= 5:
            self._app(w[2], w[3:])
        elif w[:2] == ["applications", "application-set"] and len(w) >= 5:
            self.app_sets.setdefault(w[2], []).append(w[4])
        elif w[:2] == ["security", "policies"]:
            self._policy(w[2:])
        elif w[:3] == ["firewall", "family", "inet"] and len(w) >= 8 and w[3] == "filter":
            self._term(w[4], w[6], w[7:])
        elif w[:2] == ["firewall", "filter"] and len(w) >= 6:
            self._term(w[2], w[4], w[5:])
        elif w[:3] == ["class-of-service", "rewrite-rules", "dscp"] and len(w) >= 10:
            value = w[9] if w[8] == "code-point" else None
            if value is not None:
                dscp = DSCP_NAMES.get(value.lower(), int(value, 2) if set(value) <= set("01")
                                      else None)
                self.rewrite.setdefault(w[3], {})[(w[5], w[7])] = dscp
        elif w[0] == "class-of-service" and w[1] == "interfaces" and len(w) >= 8 and \
                w[3] == "unit" and w[5:7] == ["rewrite-rules", "dscp"]:
            self.rewrite_on["%s.%s" % (w[2], w[4])] = w[7]
        elif w[:3] == ["routing-options", "static", "route"] and len(w) >= 6 and \
                w[4] == "next-hop":
            via = self.interface_of(w[5])
            if via:
                self.add_route(w[3], via)

    def _book(self, w):
        if w[0] == "address" and len(w) >= 3:
            entry = self.book.setdefault(w[1], flows.Addresses())
            if w[2] == "dns-name":
                entry.add(w[3])
            elif w[2] == "range-address" and len(w) >= 6:
                entry.add_range(w[3], w[5])
            elif w[2] not in ("description", "wildcard-address"):
                entry.add(w[2])
            elif w[2] == "wildcard-address":
                self.notes.append("address %s: wildcard-address not modelled" % w[1])
        elif w[0] == "address-set" and len(w) >= 4 and w[2] in ("address", "address-set"):
            self.book_sets.setdefault(w[1], []).append(w[3])

    def _app(self, name, w):
        terms = self.apps.setdefault(name, {})
        if w[0] == "term" and len(w) >= 4:
            term, key, value = w[1], w[2], w[3]
        else:
            term, key, value = "", w[0], w[1] if len(w) > 1 else None
        spec = terms.setdefault(term, {"proto": None, "sport": None, "dport": None})
        if key == "protocol":
            spec["proto"] = flows.proto_name(value)
        elif key == "destination-port":
            spec["dport"] = _ports(value)
        elif key == "source-port":
            spec["sport"] = _ports(value)

    def _policy(self, w):
        if w[0] == "from-zone" and len(w) >= 8 and w[2] == "to-zone" and w[4] == "policy":
            pair, name, rest = (w[1], w[3]), w[5], w[6:]
            table = self.policies.setdefault(pair, [])
        elif w[0] == "global" and len(w) >= 4 and w[1] == "policy":
            pair, name, rest, table = None, w[2], w[3:], self.globals
        elif w[:2] == ["default-policy", "permit-all"]:
            self.default = flows.PERMIT
            return
        else:
            return
        for entry_name, spec in table:
            if entry_name == name:
                break
        else:
            spec = {"src": [], "dst": [], "app": [], "then": None, "zones": [], "unknown": []}
            table.append((name, spec))
        if rest[0] == "match" and len(rest) >= 3:
            key = {"source-address": "src", "destination-address": "dst", "application": "app",
                   "from-zone": "zones", "to-zone": "zones"}.get(rest[1])
            if key:
                spec[key].append((rest[1], rest[2]) if key == "zones" else rest[2])
            else:
                spec["unknown"].append("match %s" % " ".join(rest[1:]))
        elif rest[0] == "then" and len(rest) >= 2 and rest[1] in ("permit", "deny", "reject"):
            spec["then"] = flows.PERMIT if rest[1] == "permit" else flows.DENY
        elif rest[0] == "scheduler-name":
            spec["unknown"].append("scheduler %s" % rest[1])

    def _term(self, filt, term, w):
        terms = self.filters.setdefault(filt, [])
        for name, spec in terms:
            if name == term:
                break
        else:
            spec = {"src": None, "dst": None, "protos": None, "sports": None, "dports": None,
                    "action": None, "fc": None, "lp": None, "unknown": [], "neg": set()}
            terms.append((term, spec))
        if w[0] == "from" and len(w) >= 3:
            key, value = w[1], w[2]
            if key in ("source-address", "destination-address"):
                side = "src" if key.startswith("source") else "dst"
                spec[side] = spec[side] or flows.Addresses()
                if len(w) > 3 and w[3] == "except":
                    spec["unknown"].append("%s %s except" % (key, value))
                else:
                    spec[side].add(value)
            elif key == "protocol":
                spec["protos"] = (spec["protos"] or []) + [flows.proto_name(value)]
            elif key in ("source-port", "destination-port", "port"):
                side = "sports" if key == "source-port" else "dports"
                spec[side] = spec[side] or flows.Ports()
                spec[side].add(*_ports(value))
            else:
                spec["unknown"].append("from %s" % " ".join(w[1:]))
        elif w[0] == "then" and len(w) >= 2:
            if w[1] in ("accept", "discard", "reject", "next"):
                spec["action"] = {"accept": flows.PERMIT, "next": "next"}.get(w[1], flows.DENY)
            elif w[1] == "forwarding-class" and len(w) >= 3:
                spec["fc"] = w[2]
            elif w[1] == "loss-priority" and len(w) >= 3:
                spec["lp"] = w[2]

    # -- resolving -----------------------------------------------------------------------------
    def _addresses(self, name, depth=0):
        if name in ("any", "any-ipv4", "any-ipv6"):
            return flows.Addresses.any()
        if name in self.book:
            return self.book[name]
        out = flows.Addresses()
        for member in self.book_sets.get(name, []):
            if depth < 8:
                out.update(self._addresses(member, depth + 1))
        if name not in self.book_sets:
            self._note("address %s is not in the address book" % name)
        return out

    def _app_terms(self, name, depth=0):
        if name == "any":
            return [(None, None, None)]
        if name in self.apps:
            return [(t["proto"], t["sport"], t["dport"]) for t in self.apps[name].values()]
        if name in BUILTIN:
            return [(p, None, (lo, hi) if lo is not None else None) for p, lo, hi in BUILTIN[name]]
        if name in self.app_sets and depth < 8:
            return [t for m in self.app_sets[name] for t in self._app_terms(m, depth + 1)]
        self._note("application %s not modelled" % name)
        return []

    def _note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def _policy_matches(self, spec, flow):
        if not any(flow.src in self._addresses(n) for n in spec["src"] or ["any"]):
            return False
        if not any(flow.dst in self._addresses(n) for n in spec["dst"] or ["any"]):
            return False
        for name in spec["app"] or ["any"]:
            for proto, sport, dport in self._app_terms(name):
                if proto is not None and proto != flow.proto:
                    continue
                if dport is not None and not (flow.dport is not None and
                                              dport[0] <= flow.dport <= dport[1]):
                    continue
                if sport is not None and not (flow.sport is not None and
                                              sport[0] <= flow.sport <= sport[1]):
                    continue
                return True
        return False

    # -- evaluation ------------------------------------------------------------------------------
    def _filter(self, ifl, direction, flow, ctx):
        name = (self.bound.get(ifl) or {}).get(direction)
        if name is None:
            return None
        for term, spec in self.filters.get(name, []):
            rule = flows.Rule(flows.PERMIT, term, src=spec["src"], dst=spec["dst"],
                              protos=spec["protos"], sports=spec["sports"], dports=spec["dports"])
            if not rule.matches(flow):
                continue
            ctx["notes"].extend("filter %s term %s: %s not modelled" % (name, term, u)
                                for u in spec["unknown"])
            if spec["fc"] and direction == "input":
                ctx["fc"] = (spec["fc"], spec["lp"] or "low")
            label = "firewall filter %s term %s (%s %s)" % (name, term, ifl, direction)
            if spec["action"] == "next":
                continue
            if spec["action"] == flows.DENY:
                return flows.DENY, label
            if spec["action"] == flows.PERMIT or spec["fc"]:
                return flows.PERMIT, label
        return flows.DENY, "firewall filter %s (%s %s): no term matches (implicit discard)" % (
            name, ifl, direction)

    def verdict(self, flow):
        ctx = {"notes": [], "fc": None}
        decided = []
        found = self._filter(flow.ingress, "input", flow, ctx)
        if found:
            if found[0] == flows.DENY:
                return flows.Verdict(flows.DENY, found[1], notes=ctx["notes"])
            decided.append(found[1])
        src_zone, dst_zone = self.zones.get(flow.ingress), self.zones.get(flow.egress)
        if src_zone is None or dst_zone is None:
            missing = flow.ingress if src_zone is None else flow.egress
            return flows.Verdict(flows.DENY, "interface %s is in no security zone: the SRX "
                                 "drops its traffic" % missing, notes=ctx["notes"])
        action, label = None, None
        for name, spec in self.policies.get((src_zone, dst_zone), []):
            if spec["then"] and self._policy_matches(spec, flow):
                action = spec["then"]
                label = "security policy %s (from-zone %s to-zone %s)" % (name, src_zone, dst_zone)
                ctx["notes"].extend("%s: %s not modelled" % (label, u) for u in spec["unknown"])
                break
        if action is None:
            for name, spec in self.globals:
                zones = dict(spec["zones"])
                if zones.get("from-zone", src_zone) not in (src_zone, "any") or \
                        zones.get("to-zone", dst_zone) not in (dst_zone, "any"):
                    continue
                if spec["then"] and self._policy_matches(spec, flow):
                    action, label = spec["then"], "global security policy %s" % name
                    break
        if action is None:
            action = self.default
            label = "default-policy %s (from-zone %s to-zone %s: no policy matches)" % (
                "permit-all" if action == flows.PERMIT else "deny-all", src_zone, dst_zone)
        if action == flows.DENY:
            return flows.Verdict(flows.DENY, label, notes=ctx["notes"])
        decided.append(label)
        found = self._filter(flow.egress, "output", flow, ctx)
        if found:
            if found[0] == flows.DENY:
                return flows.Verdict(flows.DENY, found[1], notes=ctx["notes"])
            decided.append(found[1])
        dscp = None
        rule = self.rewrite_on.get(flow.egress)
        if rule and ctx["fc"]:
            dscp = self.rewrite.get(rule, {}).get(ctx["fc"])
        return flows.Verdict(flows.PERMIT, "; ".join(decided), dscp=dscp, notes=ctx["notes"])

    def lines(self):
        out = []
        for (src, dst), table in sorted(self.policies.items()):
            out.append("from-zone %s to-zone %s" % (src, dst))
            out += ["  %s -> %s" % (name, spec["then"]) for name, spec in table]
        return out
