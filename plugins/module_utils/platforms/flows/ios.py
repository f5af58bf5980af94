# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``ios`` (IOS / IOS-XE): the whole ``show running-config``.

A routed packet meets the ACL bound ``in`` on the interface it arrives on, then the one
bound ``out`` on the interface it leaves by (connected networks, then ``ip route``).
Each ACL is first match with an implicit deny; an ACL that is bound but not defined
permits everything (IOS behaviour). Named and numbered, standard and extended ACLs,
object-group network/service (nested), port names. IOS ACLs keep no state: the check
asks for the reply of every admitted provider flow too (``established`` matches replies).
Zone-based firewall (``zone-member security``) is not modelled and is said so.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import acl
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import ios_cli as cli

SEQ = re.compile(r"^\d+$")


def from_running(running):
    return IosPolicy(cli.parse_tree(running))


class IosDialect(acl.Dialect):
    mask = "wildcard"


def _group_networks(nodes, dialect):
    """object-group network NAME -> Addresses (nested groups resolved in any order)."""
    pending = dict((n.text.split()[2], n) for n in nodes)
    resolving = set()

    def resolve(name):
        if name in dialect.networks:
            return dialect.networks[name]
        node = pending.get(name)
        if node is None or name in resolving:
            dialect.unknown_groups.add(name)
            return flows.Addresses()
        resolving.add(name)
        out = flows.Addresses()
        for child in node.children:
            words = child.text.split()
            if words[0] == "host":
                out.add(words[1])
            elif words[0] == "range":
                out.add_range(words[1], words[2])
            elif words[0] == "group-object":
                out.update(resolve(words[1]))
            elif words[0] == "any":
                out.everything = True
            elif words[0] != "description" and len(words) == 2:
                found = acl.mask_net(words[0], words[1])
                if found is not None:
                    out.update(found)
            elif words[0] != "description" and "/" in words[0]:
                out.add(words[0])
        dialect.networks[name] = out
        return out

    for name in sorted(pending):
        resolve(name)


def _group_services(nodes, dialect):
    pending = dict((n.text.split()[2], n) for n in nodes)

    def resolve(name, depth=0):
        if name in dialect.services or depth > 8:
            return dialect.services.get(name, [])
        node = pending.get(name)
        out = []
        for child in (node.children if node else []):
            words = child.text.split()
            if words[0] == "group-object":
                out += resolve(words[1], depth + 1)
            elif words[0] != "description":
                entry = acl.service_entry(words)
                if entry:
                    out += entry
        dialect.services[name] = out
        return out

    for name in sorted(pending):
        resolve(name)


class IosPolicy(flows.Policy):
    platform = "ios"
    stateful = False
    dialect_class = IosDialect

    def __init__(self, root):
        flows.Policy.__init__(self)
        self.dialect = self.dialect_class()
        self.acls = {}          # name -> [Rule]
        self.bindings = {}      # interface -> {"in": acl, "out": acl}
        self.zoned = set()
        _group_networks([n for n in root.children if n.text.startswith("object-group network ")],
                        self.dialect)
        _group_services([n for n in root.children if n.text.startswith("object-group service ")],
                        self.dialect)
        for node in root.children:
            words = node.text.split()
            if words[:2] == ["ip", "access-list"] and len(words) >= 4:
                self._acl(words[3], words[2], [c.text for c in node.children])
            elif words[0] == "access-list" and len(words) > 2:
                number = int(words[1]) if words[1].isdigit() else 0
                kind = "standard" if number < 100 or 1300 <= number < 2000 else "extended"
                self._append(words[1], kind, " ".join(words[2:]), len(self.acls.get(words[1], [])))
            elif words[0] == "interface" and len(words) == 2:
                self._interface(words[1], node)
            elif words[:2] == ["ip", "route"]:
                self._route(words[2:])

    def _acl(self, name, kind, lines):
        self.acls.setdefault(name, [])
        for index, line in enumerate(lines):
            self._append(name, kind, line, index)

    def _append(self, name, kind, line, index):
        rules = self.acls.setdefault(name, [])
        words = line.split()
        seq = words[0] if SEQ.match(words[0]) else str((index + 1) * 10)
        if SEQ.match(words[0]):
            words = words[1:]
        if not words or words[0] not in ("permit", "deny"):
            return
        label = "access-list %s %s %s" % (name, seq, " ".join(words))
        if kind == "standard":
            src, _i, note = self.dialect.operand(words, 1) if len(words) > 1 else (None, 1, None)
            rules.append(flows.Rule(flows.PERMIT if words[0] == "permit" else flows.DENY, label,
                                    src=src, unknown=[note] if note else []))
        else:
            rules.extend(acl.parse_ace(words, self.dialect, label))

    def _interface(self, name, node):
        binding = self.bindings.setdefault(name, {})
        for child in node.children:
            words = child.text.split()
            if words[:2] == ["ip", "address"] and len(words) >= 4:
                self.add_address(name, "%s/%s" % (words[2], words[3]))
            elif words[:2] == ["ip", "access-group"] and len(words) == 4:
                binding[words[3]] = words[2]
            elif words[:2] == ["zone-member", "security"]:
                self.zoned.add(name)

    def _route(self, words):
        if len(words) < 3:
            return
        prefix = "%s/%s" % (words[0], words[1])
        target = words[2]
        via = self.interface_of(target) if target[0].isdigit() else target
        if via:
            self.add_route(prefix, via)

    # -- evaluation --------------------------------------------------------------------
    def _run(self, interface, direction, flow, decided, notes):
        name = (self.bindings.get(interface) or {}).get(direction)
        if name is None:
            return True
        where = "%s %s" % (interface, direction)
        rules = self.acls.get(name)
        if rules is None:
            decided.append("access-list %s (%s) is not defined: permits everything" % (name, where))
            return True
        for rule in rules:
            if rule.matches(flow):
                notes.extend("%s: %s" % (rule.label, n) for n in rule.unknown)
                decided.append("%s [%s]" % (rule.label, where))
                return rule.action == flows.PERMIT
        decided.append("access-list %s (%s): implicit deny at the end" % (name, where))
        return False

    def verdict(self, flow):
        decided, notes = [], []
        for interface in (flow.ingress, flow.egress):
            if interface in self.zoned:
                notes.append("%s is in a security zone: zone-based firewall policy not "
                             "modelled" % interface)
        if not self._run(flow.ingress, "in", flow, decided, notes):
            return flows.Verdict(flows.DENY, decided[-1], notes=notes)
        if not self._run(flow.egress, "out", flow, decided, notes):
            return flows.Verdict(flows.DENY, decided[-1], notes=notes)
        return flows.Verdict(flows.PERMIT, "; ".join(decided) or "no ACL on %s in or %s out"
                             % (flow.ingress, flow.egress), notes=notes)

    def lines(self):
        out = []
        for interface in sorted(self.bindings):
            for direction, name in sorted(self.bindings[interface].items()):
                out.append("%s %s: access-list %s" % (interface, direction, name))
                out += ["  " + r.label for r in self.acls.get(name, [])]
        return out
