# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``fortios``: the whole configuration as the driver gathers it.

A new session meets ``config firewall policy`` top to bottom, in the order the entries
are listed (the order ``move`` changes, not the ids): the first enabled policy whose
``srcintf``/``dstintf`` (interface, zone or ``any``), ``srcaddr``/``dstaddr`` (addresses,
groups, negation) and ``service`` match decides; none: the implicit deny. The FortiGate
is stateful. Interfaces with their addresses and VLAN parents, zones (``config system
zone``, SD-WAN zones), addresses (subnet, iprange, fqdn, wildcard-fqdn: flows to names
match them), nested groups, custom services with port ranges and source ports, service
groups. A policy naming an interface the voice traffic does not cross never matches it:
the FortiOS policies-on-``internal1``-but-voice-on-``internal1.110`` fault reads as the
implicit deny.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.platforms import fortios as driver

#: services every FortiGate has, for a configuration whose listing leaves them out
BUILTIN = {"ALL": [(None, None, None)], "ALL_TCP": [("tcp", None, None)],
           "ALL_UDP": [("udp", None, None)], "ALL_ICMP": [("icmp", None, None)],
           "PING": [("icmp", None, None)], "HTTPS": [("tcp", None, flows.Ports.one(443))],
           "HTTP": [("tcp", None, flows.Ports.one(80))],
           "DNS": [("tcp", None, flows.Ports.one(53)), ("udp", None, flows.Ports.one(53))],
           "NTP": [("tcp", None, flows.Ports.one(123)), ("udp", None, flows.Ports.one(123))],
           "SIP": [("udp", None, flows.Ports([(5060, 5061)])),
                   ("tcp", None, flows.Ports([(5060, 5061)]))],
           "SSH": [("tcp", None, flows.Ports.one(22))]}


def from_running(running):
    return FortiPolicy(driver.parse_tree(running))


def _values(section, key):
    value = section.sets.get(key)
    return driver.unq(value) if value is not None else []


def _portrange(text):
    """``5060`` / ``6000-65535`` / ``5060:1024-65535`` (dst:src) -> (dports, sports)."""
    dst, _sep, src = text.partition(":")

    def span(part):
        low, _sep, high = part.partition("-")
        return flows.Ports([(int(low), int(high or low))])
    return span(dst), (span(src) if src else None)


class FortiPolicy(flows.Policy):
    platform = "fortios"
    stateful = True
    fqdn_objects = True
    wildcard_fqdn = True

    def __init__(self, tree):
        flows.Policy.__init__(self)
        self.zones = {}
        for name, entry in tree.find([driver.INTERFACE]).edits.items():
            ip = _values(entry, "ip")
            if len(ip) == 2 and ip[0] != "0.0.0.0":
                self.add_address(name, "%s/%s" % (ip[0], ip[1]))
        for name, entry in tree.find(["system zone"]).edits.items():
            for member in _values(entry, "interface"):
                self.zones[member] = name
        for name, entry in tree.find(["system sdwan", "zone"]).edits.items():
            self.zones.setdefault(name, name)
        for entry in tree.find(["system sdwan", "members"]).edits.values():
            for member in _values(entry, "interface"):
                zone = (_values(entry, "zone") or ["virtual-wan-link"])[0]
                self.zones.setdefault(member, zone)
        for entry in tree.find(["router static"]).edits.values():
            dst = _values(entry, "dst") or ["0.0.0.0", "0.0.0.0"]
            device = _values(entry, "device")
            if device:
                self.add_route("%s/%s" % (dst[0], dst[1]), device[0])
        self.addresses = {}
        for name, entry in tree.find(["firewall address"]).edits.items():
            self.addresses[name] = self._address(name, entry)
        self.groups = dict((n, _values(e, "member"))
                           for n, e in tree.find(["firewall addrgrp"]).edits.items())
        self.services = dict(BUILTIN)
        for name, entry in tree.find(["firewall service custom"]).edits.items():
            self.services[name] = self._service(entry)
        self.service_groups = dict((n, _values(e, "member"))
                                   for n, e in tree.find(["firewall service group"]).edits.items())
        self.policies = list(tree.find(["firewall policy"]).edits.items())

    def _address(self, name, entry):
        kind = (_values(entry, "type") or ["ipmask"])[0]
        out = flows.Addresses()
        if kind == "ipmask":
            subnet = _values(entry, "subnet") or ["0.0.0.0", "0.0.0.0"]
            out.add("%s/%s" % (subnet[0], subnet[1]) if len(subnet) == 2 else subnet[0])
        elif kind == "iprange":
            out.add_range(_values(entry, "start-ip")[0], _values(entry, "end-ip")[0])
        elif kind == "fqdn":
            out.add(_values(entry, "fqdn")[0])
        elif kind == "wildcard-fqdn":
            out.add(_values(entry, "wildcard-fqdn")[0])
        else:
            self.notes.append("address %s: type %s not modelled (matches nothing)" % (name, kind))
        return out

    def _service(self, entry):
        protocol = (_values(entry, "protocol") or ["TCP/UDP/SCTP"])[0].upper()
        if protocol == "IP":
            number = int((_values(entry, "protocol-number") or ["0"])[0])
            return [(None if number == 0 else flows.proto_name(number), None, None)]
        if protocol in ("ICMP", "ICMP6"):
            return [(protocol.lower(), None, None)]
        out = []
        for proto in ("tcp", "udp", "sctp"):
            for item in _values(entry, "%s-portrange" % proto):
                dports, sports = _portrange(item)
                out.append((proto, sports, dports))
        return out

    def _addr(self, names, depth=0):
        out = flows.Addresses()
        for name in names:
            if name == "all":
                return flows.Addresses.any()
            if name in self.addresses:
                out.update(self.addresses[name])
            elif name in self.groups and depth < 8:
                out.update(self._addr(self.groups[name], depth + 1))
            elif name != "none":
                self._note("address %s is not defined" % name)
        return out

    def _svc(self, names, depth=0):
        out = []
        for name in names:
            if name in self.services:
                out += self.services[name]
            elif name in self.service_groups and depth < 8:
                out += self._svc(self.service_groups[name], depth + 1)
            else:
                self._note("service %s is not defined" % name)
        return out

    def _note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def _intf(self, names, interface):
        if "any" in names:
            return True
        return interface in names or self.zones.get(interface) in names

    def _matches(self, entry, flow):
        if _values(entry, "status") == ["disable"]:
            return False
        if not self._intf(_values(entry, "srcintf"), flow.ingress) or \
                not self._intf(_values(entry, "dstintf"), flow.egress):
            return False
        src = flow.src in self._addr(_values(entry, "srcaddr"))
        dst = flow.dst in self._addr(_values(entry, "dstaddr"))
        if _values(entry, "srcaddr-negate") == ["enable"]:
            src = not src
        if _values(entry, "dstaddr-negate") == ["enable"]:
            dst = not dst
        if not (src and dst):
            return False
        hit = False
        for proto, sports, dports in self._svc(_values(entry, "service")):
            if proto is not None and proto != flow.proto:
                continue
            if dports is not None and flow.dport not in dports:
                continue
            if sports is not None and flow.sport not in sports:
                continue
            hit = True
            break
        if _values(entry, "service-negate") == ["enable"]:
            hit = not hit
        return hit

    def verdict(self, flow):
        notes = []
        for ident, entry in self.policies:
            if not self._matches(entry, flow):
                continue
            action = flows.PERMIT if _values(entry, "action") == ["accept"] else flows.DENY
            for key in ("internet-service", "internet-service-src", "schedule-timeout"):
                if _values(entry, key) == ["enable"]:
                    notes.append("policy %s: %s not modelled" % (ident, key))
            name = (_values(entry, "name") or [""])[0]
            return flows.Verdict(action, "firewall policy %s%s (%s -> %s)" % (
                ident, ' "%s"' % name if name else "", " ".join(_values(entry, "srcintf")),
                " ".join(_values(entry, "dstintf"))), notes=notes)
        return flows.Verdict(flows.DENY, "implicit deny (no policy from %s to %s matches)" % (
            flow.ingress, flow.egress), notes=notes)

    def lines(self):
        return ["policy %s: %s -> %s %s" % (
            i, " ".join(_values(e, "srcintf")), " ".join(_values(e, "dstintf")),
            " ".join(_values(e, "action"))) for i, e in self.policies]
