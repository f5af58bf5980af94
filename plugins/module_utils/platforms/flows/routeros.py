# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow model of ``routeros`` (RouterOS v7): the whole ``/export terse``.

A forwarded packet meets ``/ip firewall raw`` chain ``prerouting`` (``drop`` ends it),
then ``/ip firewall filter`` chain ``forward``, rules in export order: the first rule that
matches and decides (``accept``, ``drop``, ``reject``, ``tarpit``; ``jump`` into a chain
that may ``return``; ``passthrough``/``log``/``add-*-to-address-list`` go on) wins; a chain
that runs out accepts. Stateful (``connection-state``: a sampled flow is ``new``, not NATed,
not IPsec). Matchers: addresses and address-lists (DNS names in address-lists match flows
to that name, as v7 resolves them), ``!`` negation, protocol, ports, interfaces and
interface lists; a matcher the model does not know is reported.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils import flows
from ansible_collections.voipready.network.plugins.module_utils.platforms import routeros as driver

DECIDE = {"accept": flows.PERMIT, "drop": flows.DENY, "reject": flows.DENY,
          "tarpit": flows.DENY}
CONTINUE = ("passthrough", "log", "add-src-to-address-list", "add-dst-to-address-list",
            "fasttrack-connection", "notrack", "change-dscp", "mark-connection", "mark-packet",
            "mark-routing", "change-ttl", "change-mss", "sniff-tzsp", "set-priority",
            "strip-ipv4-options", "clear-df")
IGNORED = ("chain", "action", "comment", "jump-target", "disabled", "log", "log-prefix",
           "hw-offload", "reject-with", "address-list", "address-list-timeout", "new-dscp",
           "passthrough", "place-before", "new-connection-mark", "new-packet-mark",
           "new-routing-mark")


def from_running(running):
    return RouterosPolicy(driver.read_export(running))


def _neg(value):
    return (True, value[1:]) if value.startswith("!") else (False, value)


def _ports(text):
    out = flows.Ports()
    for part in text.split(","):
        low, _sep, high = part.partition("-")
        if low.isdigit():
            out.add(int(low), int(high or low))
    return out


class RouterosPolicy(flows.Policy):
    platform = "routeros"
    stateful = True
    fqdn_objects = True

    def __init__(self, entries):
        flows.Policy.__init__(self)
        self.lists, self.iface_lists = {}, {}
        self.chains = {"filter": {}, "raw": {}}
        pending_routes = []
        for entry in entries:
            props = entry.props
            if entry.verb != "add" or props.get("disabled") == "yes":
                continue
            if entry.path == "/ip address" and props.get("address") and props.get("interface"):
                self.add_address(props["interface"], props["address"])
            elif entry.path == "/ip firewall address-list" and props.get("list"):
                self.lists.setdefault(props["list"], flows.Addresses()).add(props["address"])
            elif entry.path == "/interface list member" and props.get("list"):
                self.iface_lists.setdefault(props["list"], set()).add(props.get("interface"))
            elif entry.path in ("/ip firewall filter", "/ip firewall raw"):
                table = entry.path.rsplit(" ", 1)[1]
                self.chains[table].setdefault(props.get("chain"), []).append(entry)
            elif entry.path == "/ip route" and props.get("dst-address"):
                pending_routes.append(props)
        for props in pending_routes:
            via = props.get("gateway", "")
            via = self.interface_of(via) if via[:1].isdigit() else via.split("%")[-1]
            if via:
                self.add_route(props["dst-address"], via)

    def _match(self, entry, flow, notes):
        label = entry.line()
        for key, value in sorted(entry.props.items()):
            if key in IGNORED:
                continue
            negate, text = _neg(value)
            if key in ("src-address", "dst-address"):
                address = flow.src if key == "src-address" else flow.dst
                if flows.is_name(address):
                    hit = False
                else:
                    try:
                        hit = address in flows.Addresses([text])
                    except ValueError:
                        hit = False
            elif key in ("src-address-list", "dst-address-list"):
                address = flow.src if key == "src-address-list" else flow.dst
                hit = address in self.lists.get(text, flows.Addresses())
            elif key == "protocol":
                hit = flows.proto_name(text) == flow.proto
            elif key in ("src-port", "dst-port", "port"):
                if flow.dport is None:
                    return False
                ports = _ports(text)
                hit = {"src-port": flow.sport in ports, "dst-port": flow.dport in ports,
                       "port": flow.sport in ports or flow.dport in ports}[key]
            elif key in ("in-interface", "out-interface"):
                name = flow.ingress if key == "in-interface" else flow.egress
                hit = name == text or (text.endswith("+") and (name or "").startswith(text[:-1]))
            elif key in ("in-interface-list", "out-interface-list"):
                name = flow.ingress if key == "in-interface-list" else flow.egress
                members = self.iface_lists.get(text, set())
                hit = text == "all" or name in members
            elif key == "connection-state":
                hit = flow.state in text.split(",")
            elif key == "connection-nat-state":
                hit = False     # a sampled flow is neither src- nor dst-NATed
            elif key == "ipsec-policy":
                hit = text.split(",")[-1] == "none"
            elif key == "connection-type":
                hit = False
            else:
                notes.append("%s: matcher %s=%s not modelled; taken to match" % (label, key, value))
                continue
            if hit == negate:
                return False
        return True

    def _chain(self, table, chain, flow, notes, depth=0):
        if depth > 16:
            notes.append("%s chain %s: jump loop" % (table, chain))
            return None, None
        for entry in self.chains[table].get(chain, []):
            if not self._match(entry, flow, notes):
                continue
            action = entry.props.get("action", "accept")
            label = "/ip firewall %s %s" % (table, entry.line().split(" add ", 1)[-1])
            if action in DECIDE:
                return DECIDE[action], label
            if action == "jump":
                found = self._chain(table, entry.props.get("jump-target"), flow, notes, depth + 1)
                if found[0] is not None:
                    return found
            elif action == "return":
                return None, None
            elif action not in CONTINUE:
                notes.append("%s: action %s not modelled" % (label, action))
        return None, None

    def verdict(self, flow):
        notes = []
        action, label = self._chain("raw", "prerouting", flow, notes)
        if action == flows.DENY:
            return flows.Verdict(flows.DENY, label, notes=notes)
        action, label = self._chain("filter", "forward", flow, notes)
        if action is None:
            return flows.Verdict(flows.PERMIT, "/ip firewall filter chain forward: no rule "
                                 "decides (the chain accepts)", notes=notes)
        return flows.Verdict(action, label, notes=notes)

    def lines(self):
        return [e.line() for table in ("raw", "filter") for chain in sorted(self.chains[table])
                for e in self.chains[table][chain]]
