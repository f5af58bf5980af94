# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``asa``: the whole ``show running-config``.

Interfaces are known by ``nameif`` (what access-groups and flows name). A new connection
meets the ACL bound ``in`` on its ingress interface, then the ``global`` ACL (interface
rules first, then global, one implicit deny at the end), then the ACL bound ``out`` on
the egress interface. With no inbound ACL at all, traffic from a higher security-level to
a lower one is allowed and the other way denied (``same-security-traffic permit
inter-interface`` lets equal levels through). The ASA is stateful: replies return by the
connection. Objects and object-groups (network, service, port, protocol; nested), FQDN
objects (flows to DNS names match them), port names, ``inactive`` entries.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import acl
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import ios_cli as cli


def from_running(running):
    return AsaPolicy(cli.parse_tree(running))


class AsaDialect(acl.Dialect):
    mask = "netmask"


class AsaPolicy(flows.Policy):
    platform = "asa"
    stateful = True
    fqdn_objects = True

    def __init__(self, root):
        flows.Policy.__init__(self)
        self.dialect = AsaDialect()
        self.levels = {}        # nameif -> security level
        self.acls = {}          # name -> [Rule]
        self.bindings = {}      # nameif -> {"in": acl, "out": acl}
        self.global_acl = None
        self.same_security = False
        objects, groups = {}, {}
        for node in root.children:
            words = node.text.split()
            if words[0] == "interface":
                self._interface(node)
            elif words[:2] in (["object", "network"], ["object", "service"]):
                objects[words[2]] = (words[1], node)
            elif words[0] == "object-group" and len(words) >= 3:
                groups[words[2]] = (words[1], words[3:], node)
            elif words[0] == "same-security-traffic" and "inter-interface" in words:
                self.same_security = True
        self._objects(objects, groups)
        for node in root.children:
            words = node.text.split()
            if words[0] == "access-list" and len(words) > 3 and words[2] == "extended":
                rules = self.acls.setdefault(words[1], [])
                line = len(rules) + 1
                if "inactive" in words:
                    continue
                label = "access-list %s line %d extended %s" % (words[1], line, " ".join(words[3:]))
                rules.extend(acl.parse_ace(words[3:], self.dialect, label))
            elif words[0] == "access-group" and len(words) >= 3:
                if words[2] == "global":
                    self.global_acl = words[1]
                elif len(words) >= 5 and words[3] == "interface":
                    self.bindings.setdefault(words[4], {})[words[2]] = words[1]
            elif words[0] == "route" and len(words) >= 5:
                self.add_route("%s/%s" % (words[2], words[3]), words[1])

    def _interface(self, node):
        nameif, level, addresses = None, None, []
        for child in node.children:
            words = child.text.split()
            if words[0] == "nameif" and len(words) == 2:
                nameif = words[1]
            elif words[0] == "security-level" and len(words) == 2:
                level = int(words[1])
            elif words[:2] == ["ip", "address"] and len(words) >= 4:
                addresses.append("%s/%s" % (words[2], words[3]))
        if nameif:
            self.levels[nameif] = 0 if level is None else level
            for address in addresses:
                self.add_address(nameif, address)

    def _objects(self, objects, groups):
        networks, services, ports = self.dialect.networks, self.dialect.services, \
            self.dialect.portgroups
        for name, (kind, node) in sorted(objects.items()):
            if kind == "network":
                out = flows.Addresses()
                for child in node.children:
                    words = child.text.split()
                    if words[0] == "host":
                        out.add(words[1])
                    elif words[0] == "subnet":
                        out.update(acl.mask_net(words[1], words[2]) or flows.Addresses())
                    elif words[0] == "range":
                        out.add_range(words[1], words[2])
                    elif words[0] == "fqdn":
                        out.add(words[-1])
                networks[name] = out
            else:
                entries = []
                for child in node.children:
                    entries += acl.service_entry(child.text.split()) or []
                services[name] = entries

        def resolve(name, depth=0):
            kind, args, node = groups[name]
            if depth > 8:
                return
            if kind == "network":
                out = flows.Addresses()
                for child in node.children:
                    words = child.text.split()
                    if words[0] == "network-object":
                        if words[1] == "host":
                            out.add(words[2])
                        elif words[1] == "object":
                            out.update(networks.get(words[2], flows.Addresses()))
                        else:
                            out.update(acl.mask_net(words[1], words[2]) or flows.Addresses())
                    elif words[0] == "group-object":
                        if words[1] not in networks and words[1] in groups:
                            resolve(words[1], depth + 1)
                        out.update(networks.get(words[1], flows.Addresses()))
                networks[name] = out
            elif kind == "service" and args:
                # a port group: object-group service NAME tcp|udp|tcp-udp
                out = flows.Ports()
                for child in node.children:
                    words = child.text.split()
                    if words[0] == "port-object":
                        found, _i = acl.read_ports(words, 1)
                        for low, high in (found.spans if found else []):
                            out.add(low, high)
                    elif words[0] == "group-object":
                        if words[1] not in ports and words[1] in groups:
                            resolve(words[1], depth + 1)
                        for low, high in ports.get(words[1], flows.Ports()).spans:
                            out.add(low, high)
                ports[name] = out
                protos = {"tcp-udp": ["tcp", "udp"]}.get(args[0], [args[0]])
                services[name] = [(protos, None, out)]
            elif kind == "service":
                out = []
                for child in node.children:
                    words = child.text.split()
                    if words[0] == "service-object" and len(words) >= 3 and words[1] == "object":
                        out += services.get(words[2], [])
                    elif words[0] == "service-object":
                        out += acl.service_entry(words) or []
                    elif words[0] == "group-object":
                        if words[1] not in services and words[1] in groups:
                            resolve(words[1], depth + 1)
                        out += services.get(words[1], [])
                services[name] = out
            elif kind == "protocol":
                protos = [c.text.split()[1] for c in node.children
                          if c.text.startswith("protocol-object ")]
                services[name] = [(protos, None, None)]

        for name in sorted(groups):
            resolve(name)

    # -- evaluation --------------------------------------------------------------------
    def _acl(self, name, flow, where, notes):
        for rule in self.acls.get(name, []):
            if rule.matches(flow):
                notes.extend("%s: %s not modelled" % (rule.label, n) for n in rule.unknown)
                return rule.action, "%s [%s]" % (rule.label, where)
        return None, None

    def verdict(self, flow):
        notes = []
        inside = (self.bindings.get(flow.ingress) or {}).get("in")
        decided = []
        if inside or self.global_acl:
            action, label = None, None
            if inside:
                action, label = self._acl(inside, flow, "%s in" % flow.ingress, notes)
            if action is None and self.global_acl:
                action, label = self._acl(self.global_acl, flow, "global", notes)
            if action is None:
                last = self.global_acl or inside
                return flows.Verdict(flows.DENY, "access-list %s: implicit deny at the end" % last,
                                     notes=notes)
            if action == flows.DENY:
                return flows.Verdict(flows.DENY, label, notes=notes)
            decided.append(label)
        else:
            level_in = self.levels.get(flow.ingress)
            level_out = self.levels.get(flow.egress)
            if level_in is None or level_out is None:
                notes.append("interface %s or %s has no nameif/security-level" % (
                    flow.ingress, flow.egress))
            elif level_in < level_out or (level_in == level_out and not self.same_security):
                return flows.Verdict(flows.DENY, "no access-list on %s: security-level %d to "
                                     "%d is denied" % (flow.ingress, level_in, level_out),
                                     notes=notes)
            else:
                decided.append("no access-list on %s: security-level %d to %d is allowed" % (
                    flow.ingress, level_in, level_out))
        outside = (self.bindings.get(flow.egress) or {}).get("out")
        if outside:
            action, label = self._acl(outside, flow, "%s out" % flow.egress, notes)
            if action != flows.PERMIT:
                return flows.Verdict(flows.DENY, label or "access-list %s: implicit deny at the "
                                     "end" % outside, notes=notes)
            decided.append(label)
        return flows.Verdict(flows.PERMIT, "; ".join(decided), notes=notes)

    def lines(self):
        out = []
        for name in sorted(self.bindings):
            for direction, acl_name in sorted(self.bindings[name].items()):
                out.append("%s %s: access-list %s" % (name, direction, acl_name))
                out += ["  " + r.label for r in self.acls.get(acl_name, [])]
        if self.global_acl:
            out.append("global: access-list %s" % self.global_acl)
        return out
