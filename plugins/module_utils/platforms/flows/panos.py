# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``panos``: the whole candidate configuration in ``set`` format.

A new session is looked up in the security rulebase top to bottom: the first enabled
rule whose ``from``/``to`` zones (of the ingress and egress interfaces), ``source``/
``destination`` (addresses, groups, literal prefixes, negation) and ``service`` match
decides; then the default rules (intrazone allow, interzone deny). The firewall is
stateful. Objects of one vsys (``vsys <name>`` and ``shared`` prefixes are read the same),
FQDN address objects (flows to names match them; PAN-OS has no wildcard FQDN objects),
service objects and groups, the predefined ``service-http``/``service-https``. App-ID
cannot be known for a sampled flow: a rule naming applications with ``service
application-default`` is matched on the applications' standard ports where the model
knows them (dns, ntp, ssl, web-browsing, sip, stun) and flagged otherwise.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.voipready.network.plugins.module_utils import flows

ALLOW = ("allow",)
BUILTIN_SERVICES = {"service-http": [("tcp", None, flows.Ports([(80, 80), (8080, 8080)]))],
                    "service-https": [("tcp", None, flows.Ports.one(443))]}
APP_PORTS = {
    "dns": [("udp", 53), ("tcp", 53)], "ntp": [("udp", 123)], "ssl": [("tcp", 443)],
    "web-browsing": [("tcp", 80)], "sip": [("udp", 5060), ("tcp", 5060), ("tcp", 5061)],
    "stun": [("udp", 3478), ("tcp", 3478)], "ssh": [("tcp", 22)], "ping": [("icmp", None)],
    "icmp": [("icmp", None)], "dhcp": [("udp", 67), ("udp", 68)],
}


def from_running(running):
    return PanosPolicy(running)


def _tokens(text):
    """``[ a b ]`` / ``"quoted words"`` / plain -> list of values."""
    out = re.findall(r'"[^"]*"|\S+', text)
    out = [t.strip('"') for t in out if t not in ("[", "]")]
    return out


def _ports(text):
    out = flows.Ports()
    for part in text.split(","):
        low, _sep, high = part.partition("-")
        if low.isdigit():
            out.add(int(low), int(high or low))
    return out


class PanosPolicy(flows.Policy):
    platform = "panos"
    stateful = True
    fqdn_objects = True

    def __init__(self, running):
        flows.Policy.__init__(self)
        self.zones = {}
        self.addresses, self.groups = {}, {}
        self.services, self.service_groups = dict(BUILTIN_SERVICES), {}
        self.rules, self.order = {}, []
        self.defaults = {"intrazone-default": flows.PERMIT, "interzone-default": flows.DENY}
        vsys = set()
        for raw in (running or "").splitlines():
            line = raw.strip()
            if not line.startswith("set "):
                continue
            words = line[4:].split(None)
            if words[:1] == ["vsys"] and len(words) > 2:
                vsys.add(words[1])
                words = words[2:]
            elif words[:1] == ["shared"]:
                words = words[1:]
            if words:
                self._statement(words, " ".join(words))
        if len(vsys) > 1:
            self.notes.append("several vsys (%s): objects and rules read as one" % ", ".join(
                sorted(vsys)))

    def _statement(self, w, text):
        if w[:3] == ["network", "interface", "ethernet"] and len(w) >= 7 and w[4] == "layer3":
            if w[5] == "ip":
                for value in _tokens(" ".join(w[6:])):
                    self.add_address(w[3], value)
            elif w[5] == "units" and len(w) >= 9 and w[7] == "ip":
                for value in _tokens(" ".join(w[8:])):
                    self.add_address(w[6], value)
        elif w[0] == "zone" and len(w) >= 5 and w[2] == "network" and w[3] == "layer3":
            for name in _tokens(" ".join(w[4:])):
                self.zones[name] = w[1]
        elif w[0] == "address" and len(w) >= 4:
            entry = self.addresses.setdefault(w[1], flows.Addresses())
            value = _tokens(" ".join(w[3:]))[0]
            if w[2] in ("ip-netmask", "fqdn"):
                entry.add(value)
            elif w[2] == "ip-range":
                entry.add_range(*value.split("-", 1))
            elif w[2] != "description" and w[2] != "tag":
                self.notes.append("address %s: %s not modelled" % (w[1], w[2]))
        elif w[0] == "address-group" and len(w) >= 4:
            if w[2] == "static":
                self.groups.setdefault(w[1], []).extend(_tokens(" ".join(w[3:])))
            elif w[2] == "dynamic":
                self.notes.append("address-group %s is dynamic: not modelled" % w[1])
        elif w[0] == "service" and len(w) >= 5 and w[2] == "protocol":
            specs = self.services.setdefault(w[1], [])
            rest = w[3:]
            proto, dports, sports = rest[0], None, None
            for index, word in enumerate(rest[1:-1], 1):
                if word == "port":
                    dports = _ports(rest[index + 1])
                elif word == "source-port":
                    sports = _ports(rest[index + 1])
            if specs and specs[-1][0] == proto:
                specs[-1] = (proto, sports or specs[-1][1], dports or specs[-1][2])
            else:
                specs.append((proto, sports, dports))
        elif w[0] == "service-group" and len(w) >= 4 and w[2] == "members":
            self.service_groups.setdefault(w[1], []).extend(_tokens(" ".join(w[3:])))
        elif w[:3] == ["rulebase", "security", "rules"] and len(w) >= 5:
            name = w[3]
            if name not in self.rules:
                self.rules[name] = {}
                self.order.append(name)
            self.rules[name].setdefault(w[4], []).extend(_tokens(" ".join(w[5:])))
        elif w[:3] == ["rulebase", "default-security-rules", "rules"] and len(w) >= 7 and \
                w[5] == "action":
            self.defaults[w[3]] = flows.PERMIT if w[6] in ALLOW else flows.DENY
        elif w[:2] == ["network", "virtual-router"] and "static-route" in w:
            self._static(w, text)

    def _static(self, w, text):
        index = w.index("static-route")
        if len(w) < index + 4:
            return
        route = self.__dict__.setdefault("_routes", {}).setdefault(w[index + 1], {})
        route[w[index + 2]] = w[index + 3:]
        if "destination" in route and "interface" in route:
            self.add_route(route["destination"][0], route["interface"][0])

    def _addr(self, names, depth=0):
        out = flows.Addresses()
        for name in names:
            if name == "any":
                return flows.Addresses.any()
            if name in self.addresses:
                out.update(self.addresses[name])
            elif name in self.groups and depth < 8:
                out.update(self._addr(self.groups[name], depth + 1))
            elif re.match(r"^[0-9a-fA-F:.]+(/\d+)?$", name):
                try:
                    out.add(name)       # a literal address or prefix in the rule
                except ValueError:
                    pass
        return out

    def _svc(self, names, depth=0):
        out = []
        for name in names:
            if name == "any":
                return [(None, None, None)]
            if name in self.services:
                out += self.services[name]
            elif name in self.service_groups and depth < 8:
                out += self._svc(self.service_groups[name], depth + 1)
        return out

    def _zone_ok(self, values, zone):
        return "any" in values or zone in values

    def _match(self, name, rule, flow, src_zone, dst_zone, notes):
        if rule.get("disabled") == ["yes"]:
            return False
        if not self._zone_ok(rule.get("from", ["any"]), src_zone) or \
                not self._zone_ok(rule.get("to", ["any"]), dst_zone):
            return False
        src = flow.src in self._addr(rule.get("source", ["any"]))
        dst = flow.dst in self._addr(rule.get("destination", ["any"]))
        if rule.get("negate-source") == ["yes"]:
            src = not src
        if rule.get("negate-destination") == ["yes"]:
            dst = not dst
        if not (src and dst):
            return False
        apps = rule.get("application", ["any"])
        service = rule.get("service", ["any"])
        if service == ["application-default"]:
            if apps == ["any"]:
                return True
            known = [(p, port) for a in apps for p, port in APP_PORTS.get(a, [])]
            unknown = [a for a in apps if a not in APP_PORTS]
            if any(p == flow.proto and (port is None or port == flow.dport) for p, port in known):
                return True
            if unknown:
                notes.append("rule %s: applications %s not modelled; taken to match" % (
                    name, ", ".join(unknown)))
                return True
            return False
        for proto, sports, dports in self._svc(service):
            if proto is not None and proto != flow.proto:
                continue
            if dports is not None and flow.dport not in dports:
                continue
            if sports is not None and flow.sport not in sports:
                continue
            if apps != ["any"]:
                notes.append("rule %s: App-ID %s not modelled; taken to match" % (
                    name, ", ".join(apps)))
            return True
        return False

    def verdict(self, flow):
        notes = []
        src_zone, dst_zone = self.zones.get(flow.ingress), self.zones.get(flow.egress)
        if src_zone is None or dst_zone is None:
            return flows.Verdict(flows.DENY, "interface %s is in no zone: the firewall drops "
                                 "its traffic" % (flow.ingress if src_zone is None else flow.egress))
        for name in self.order:
            rule = self.rules[name]
            if self._match(name, rule, flow, src_zone, dst_zone, notes):
                action = flows.PERMIT if rule.get("action", ["allow"])[0] in ALLOW else flows.DENY
                return flows.Verdict(action, "security rule %s (%s -> %s)" % (
                    name, src_zone, dst_zone), notes=notes)
        default = "intrazone-default" if src_zone == dst_zone else "interzone-default"
        return flows.Verdict(self.defaults[default], "%s (no rule from %s to %s matches)" % (
            default, src_zone, dst_zone), notes=notes)

    def lines(self):
        return ["%s: %s" % (n, self.rules[n]) for n in self.order]
