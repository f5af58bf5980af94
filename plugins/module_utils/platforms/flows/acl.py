# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cisco-style access-control entries (IOS, ASA, EOS share the grammar), read into
``flows.Rule``: ``permit|deny <proto> <src> [ports] <dst> [ports] [options]``.

The dialects differ in the address operand (IOS wildcard masks, ASA netmasks and
``object``/``interface``, EOS prefixes), in object groups and in port names; a
``Dialect`` carries those. Options the flows cannot meet (``fragments``) make the entry
never match; options the model cannot evaluate (``time-range``, ``dscp`` matches) are
recorded in ``Rule.unknown``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.netutil import PORT_NAMES

PORT_OPS = ("eq", "neq", "lt", "gt", "range")
#: options after the operands that the model ignores (they do not change the match)
IGNORED_OPTIONS = ("log", "log-input", "inactive", "disable", "interval", "default", "notifications",
                   "critical", "alerts", "emergencies", "errors", "warnings", "informational",
                   "debugging")


def port_number(token):
    if token.isdigit():
        return int(token)
    return PORT_NAMES.get(token)


def read_ports(words, index):
    """(Ports or None, next index) for a port operator at ``words[index]``."""
    if index >= len(words) or words[index] not in PORT_OPS:
        return None, index
    op = words[index]
    if op == "range":
        low, high = port_number(words[index + 1]), port_number(words[index + 2])
        return flows.Ports([(low, high)]), index + 3
    if op == "eq":
        index += 1
        ports = flows.Ports()
        while index < len(words) and port_number(words[index]) is not None:
            ports.add(port_number(words[index]))
            index += 1
        return ports, index
    value = port_number(words[index + 1])
    if op == "lt":
        return flows.Ports([(0, value - 1)]), index + 2
    if op == "gt":
        return flows.Ports([(value + 1, 65535)]), index + 2
    return flows.Ports([(0, value - 1), (value + 1, 65535)]), index + 2   # neq


def wildcard_net(address, wildcard):
    """``192.0.2.0 0.0.0.255`` -> Addresses; non-contiguous wildcards are refused (None)."""
    try:
        inverse = int(ipaddress.ip_address(wildcard))
        mask = (~inverse) & 0xffffffff
        net = ipaddress.ip_network((int(ipaddress.ip_address(address)) & mask,
                                    bin(mask).count("1")), strict=False)
    except ValueError:
        return None
    if int(net.netmask) != mask:
        return None
    return flows.Addresses([net])


def mask_net(address, mask):
    try:
        return flows.Addresses([ipaddress.ip_network("%s/%s" % (address, mask), strict=False)])
    except ValueError:
        return None


class Dialect(object):
    """Platform hooks: address operands, object groups, protocol-less service groups."""

    mask = "wildcard"     # "wildcard" (IOS), "netmask" (ASA), "eos" (prefix or wildcard)

    def __init__(self):
        self.networks = {}    # object(-group) network name -> Addresses
        self.services = {}    # service group name -> [(protos, sports, dports)]
        self.portgroups = {}  # port group name -> Ports
        self.unknown_groups = set()

    def operand(self, words, index):
        """(Addresses or None (any), next index, note or None)."""
        word = words[index]
        if word in ("any", "any4", "any6"):
            return None, index + 1, None
        if word == "host":
            return flows.Addresses([words[index + 1]]), index + 2, None
        if word in ("object-group", "object", "addrgroup"):
            name = words[index + 1]
            if name in self.networks:
                return self.networks[name], index + 2, None
            return flows.Addresses(), index + 2, "unknown object %s" % name
        if word == "interface":
            return flows.Addresses(), index + 2, "interface %s addresses not modelled" % words[index + 1]
        if "/" in word:
            return flows.Addresses([word]), index + 1, None
        if index + 1 < len(words):
            mask = words[index + 1]
            if self.mask == "netmask":
                found = mask_net(word, mask)
            else:
                found = wildcard_net(word, mask)
            if found is None:
                return flows.Addresses(), index + 2, "unreadable address %s %s" % (word, mask)
            return found, index + 2, None
        return flows.Addresses(), index + 1, "unreadable address %s" % word


def parse_ace(words, dialect, label):
    """``permit udp any host A eq 5060 log`` (without the sequence number) -> Rule(s).

    Returns a list: a service object-group used as the protocol gives one rule per
    service entry."""
    action = {"permit": flows.PERMIT, "deny": flows.DENY}.get(words[0])
    if action is None:
        return []
    index, notes = 1, []
    services = None
    if words[index] in ("object-group", "object") and words[index + 1] in dialect.services:
        services = dialect.services[words[index + 1]]
        index += 2
    else:
        proto = words[index]
        index += 1
        protos = None if proto == "ip" else [flows.proto_name(proto)]
        services = [(protos, None, None)]
    ported = any(p is not None and set(p) & set(["tcp", "udp", "sctp"]) for p, _s, _d in services)
    src, index, note = dialect.operand(words, index)
    if note:
        notes.append(note)
    sports = None
    if ported:
        sports, index = read_ports(words, index)
    dst, index, note = dialect.operand(words, index)
    if note:
        notes.append(note)
    dports = None
    if ported:
        dports, index = read_ports(words, index)
        if dports is None and index + 1 < len(words) and words[index] == "object-group" and \
                words[index + 1] in dialect.portgroups:
            dports = dialect.portgroups[words[index + 1]]
            index += 2
    established, never = False, False
    rest = words[index:]
    skip = 0
    for pos, word in enumerate(rest):
        if skip:
            skip -= 1
            continue
        if word == "established":
            established = True
        elif word == "fragments":
            never = True
        elif word in IGNORED_OPTIONS or word.isdigit():
            continue
        elif word in ("time-range", "dscp", "precedence", "tos", "ttl", "option", "reflect",
                      "match-any", "match-all", "icmp-type"):
            notes.append("%s %s" % (word, " ".join(rest[pos + 1:pos + 2])))
            skip = 1
        elif ported or word not in ("echo", "echo-reply", "unreachable", "time-exceeded"):
            notes.append("option %s" % word)
    if never:
        return []
    out = []
    for protos, svc_sports, svc_dports in services:
        rule = flows.Rule(action, label, src=src, dst=dst, protos=protos,
                          sports=svc_sports if svc_sports is not None else sports,
                          dports=svc_dports if svc_dports is not None else dports,
                          states=["established"] if established else None, unknown=notes)
        out.append(rule)
    return out


def service_entry(words):
    """``tcp eq 53`` / ``udp source eq 53`` / ``tcp-udp range 1 2`` / ``icmp`` (IOS service
    object-group lines) and ``service-object udp destination eq 53`` (ASA) -> list of
    (protos, sports, dports), or None when unreadable."""
    if words and words[0] in ("service-object", "service"):
        words = words[1:]
    if not words:
        return None
    proto = words[0]
    protos = {"tcp-udp": ["tcp", "udp"], "ip": None}.get(proto, [flows.proto_name(proto)])
    index, sports, dports = 1, None, None
    while index < len(words):
        word = words[index]
        if word == "source":
            sports, index = read_ports(words, index + 1)
        elif word == "destination":
            dports, index = read_ports(words, index + 1)
        elif word in PORT_OPS:
            dports, index = read_ports(words, index)
        else:
            index += 1
    return [(protos, sports, dports)]
