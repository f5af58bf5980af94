# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``eos`` (Arista EOS): the whole ``show running-config``.

Like IOS: the ACL bound ``in`` on the ingress interface, then the one bound ``out`` on
the egress interface (connected networks, then ``ip route``), first match with an
implicit deny; an unbound interface filters nothing. EOS ACLs keep no state, so the
reply of every admitted provider flow must pass too. Addresses as prefixes
(``192.0.2.0/24``), ``host``, ``any`` or address + wildcard; port names.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import acl
from ansible_collections.voipready.network.plugins.module_utils.platforms.flows.ios import IosPolicy
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import ios_cli as cli


def from_running(running):
    return EosPolicy(cli.parse_tree(running))


class EosDialect(acl.Dialect):
    mask = "eos"


class EosPolicy(IosPolicy):
    platform = "eos"
    stateful = False
    dialect_class = EosDialect

    def __init__(self, root):
        flows.Policy.__init__(self)  # pylint: disable=non-parent-init-called  # skips IosPolicy.__init__: EOS has its own parse
        self.dialect = EosDialect()
        self.acls, self.bindings, self.zoned = {}, {}, set()
        for node in root.children:
            words = node.text.split()
            if words[:2] == ["ip", "access-list"]:
                kind = words[2] if words[2] in ("standard", "extended") else "extended"
                name = words[-1]
                self._acl(name, kind, [c.text for c in node.children])
            elif words[0] == "interface" and len(words) == 2:
                self._interface(words[1], node)
            elif words[:2] == ["ip", "route"] and len(words) >= 4:
                target = words[3]
                via = self.interface_of(target) if target[0].isdigit() else target
                if via:
                    self.add_route(words[2], via)

    def _interface(self, name, node):
        binding = self.bindings.setdefault(name, {})
        for child in node.children:
            words = child.text.split()
            if words[:2] == ["ip", "address"] and len(words) >= 3:
                self.add_address(name, words[2] if "/" in words[2] else
                                 "%s/%s" % (words[2], words[3]))
            elif words[:2] == ["ip", "access-group"] and len(words) == 4:
                binding[words[3]] = words[2]
