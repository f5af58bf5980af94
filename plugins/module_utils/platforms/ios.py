# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cisco IOS / IOS-XE: routers and Catalyst switches, from one running configuration.

What a host gets follows its intent: ``voice_vlan.phone_ports`` make it a Catalyst access
switch (VLANs, ``switchport voice vlan``, trunked uplinks), ``voice_vlan.subinterfaces``
a router (``interface Gi0/1.110`` / ``encapsulation dot1Q 110``); allowlist, QoS, SIP ALG
and NAT timeouts are router features.

allowlist -- ``object-group network`` (destinations, the voice networks) and
    ``object-group service`` (ports; ``-REPLY`` groups hold the same ports as *source*
    ports, because IOS ACLs are stateless and return traffic needs its own entry), used by
    two extended ACLs with explicit sequence numbers: ``PREFIX-INSIDE-<n>`` bound ``in`` on
    the inside interfaces (traffic from the voice networks) and ``PREFIX-OUTSIDE-<n>``
    bound ``in`` on the outside interfaces (traffic to them). An ACL bound to an interface
    is never edited: a changed ACL is built under the next generation number, the
    ``ip access-group`` binding is moved, then the old ACL is removed (capirca #334).
    With ``enforce`` the inside ACL drops other traffic from the voice networks (DHCP
    broadcasts and renewals to the router's address in the voice network stay open) and
    the outside ACL other traffic to them; every
    other host keeps passing (``permit ip any any`` ends both ACLs).
sip_alg -- ``no ip nat service sip udp port 5060`` and ``... tcp port 5060``.
voice_vlan -- ``vlan N`` / ``name``, phone ports ``switchport mode access`` +
    ``switchport access vlan <data>`` + ``switchport voice vlan <voice>``, uplinks
    ``switchport mode trunk`` carrying both VLANs (an existing allowed list only grows:
    ``switchport trunk allowed vlan add``), router sub-interfaces. DSCP trust: IOS-XE
    switches (Catalyst 9000, 3850) trust DSCP by default, so nothing is configured; on
    legacy IOS Catalyst (12.x / 15.x) ``mls qos`` + ``mls qos trust dscp`` on phone ports
    and uplinks.
qos -- one ACL per class (``VOIPREADY-QOS-<class>``), ``class-map match-any``,
    ``policy-map VOIPREADY-QOS`` with ``set dscp ef|cs3``, bound ``service-policy output``
    on the provider-facing ``qos.interfaces``.
timeouts -- ``ip nat translation udp-timeout <udp_stream>``,
    ``ip nat translation port-timeout udp 5060 <sip>`` and, when set,
    ``ip nat translation tcp-timeout <tcp_established>``. IOS prints no line for a
    default value (udp 300 s, tcp 86400 s); the driver models those defaults.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import ipaddress
import re

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError, invalid
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    DSCP_BY_VALUE, DSCP_NAMES, FEATURES)
from ansible_collections.voipready.network.plugins.module_utils.intent import field_label
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    INTERFACE_FIELDS, check_present, read_once)
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import ios_cli as cli
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.ios_cli import (
    DEFAULT_PREFIX, acl_role, canonical_interface, check_output, owned_acls, owned_name)

#: QoS objects carry this prefix (the qos intent has no name of its own).
QOS_PREFIX = "VOIPREADY"
QOS_POLICY = QOS_PREFIX + "-QOS"

#: IOS defaults that ``show running-config`` does not print.
NAT_DEFAULTS = {"udp-timeout": 300, "tcp-timeout": 86400, "timeout": 86400}
SIP_PORT = 5060

# Phases: the order of operations across features (see cli.emit).
P_VLAN, P_MLS, P_SUBIF, P_PORT = 10, 12, 15, 20
P_GROUP_ADD, P_ACL, P_CMAP, P_PMAP, P_BIND = 30, 40, 45, 48, 50
P_PMAP_DEL, P_CMAP_DEL, P_ACL_DEL, P_GROUP_DEL = 62, 64, 66, 70
P_GLOBAL, P_SUBIF_DEL, P_VLAN_DEL = 80, 90, 95

#: Interface-level lines the driver manages: key -> pattern (matched case-insensitively).
IFACE_KEYS = (
    ("switchport mode", r"^switchport mode \S+$"),
    ("switchport access vlan", r"^switchport access vlan \d+$"),
    ("switchport voice vlan", r"^switchport voice vlan \S+$"),
    ("mls qos trust", r"^mls qos trust( \S+)?$"),
    ("encapsulation dot1q", r"^encapsulation dot1q \d+( native)?$"),
    ("ip address", r"^ip address \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+$"),
    ("ip access-group in", r"^ip access-group \S+ in$"),
    ("ip access-group out", r"^ip access-group \S+ out$"),
    ("service-policy input", r"^service-policy input \S+$"),
    ("service-policy output", r"^service-policy output \S+$"),
)
TRUNK_KEY = "switchport trunk allowed vlan"
BIND_KEYS = ("ip access-group in", "ip access-group out", "service-policy input",
             "service-policy output")


# -- reading ---------------------------------------------------------------------------------
def _empty_state():
    return {"groups": {}, "acls": {}, "keys": {}, "cmaps": {}, "pmaps": {}, "vlans": {},
            "subifs": set(), "ifaces": set(), "routed": {}, "flavour": "xe", "zbf_sip": [],
            "offline": False}


def _owned_qos_acl(name):
    return name.startswith(QOS_PREFIX + "-QOS-")


def _owned_cmap(name):
    return name.startswith(QOS_PREFIX + "-")


def canonical_network_member(text):
    words = text.split()
    if len(words) == 2 and words[1] == "255.255.255.255":
        return "host " + words[0]
    return " ".join(words)


def canonical_service_member(text):
    """``tcp smtp`` / ``tcp eq smtp`` -> ``tcp eq 25``; ``udp source range sip 5061``
    -> ``udp source range 5060 5061``."""
    words = text.split()
    out = []
    index = 0
    while index < len(words):
        word = words[index]
        out.append(word)
        nxt = words[index + 1] if index + 1 < len(words) else None
        if (word in ("tcp", "udp", "tcp-udp", "source") and nxt is not None
                and nxt not in cli.PORT_OPERATORS and nxt not in ("range", "source")
                and cli.port_number(nxt) is not None):
            out.append("eq")
        index += 1
    return " ".join(cli.normalize_ports(out))


def canonical_ace(text):
    return " ".join(cli.normalize_ports(text.split()))


def _iface_key(text):
    for key, pattern in IFACE_KEYS:
        if re.match(pattern, text, re.I):
            if key == "encapsulation dot1q":
                return key, re.sub(r"(?i)^encapsulation dot1q", "encapsulation dot1Q", text)
            if key == "mls qos trust" and text == "mls qos trust":
                return key, "mls qos trust dscp"
            return key, text
    return None, None


def _iface_ctx(name):
    return ("interface %s" % name,)


def extract(root, prefixes):
    """The state of everything the driver manages, read from a running-config tree."""
    state = _empty_state()
    for node in root.children:
        text = node.text
        match = re.match(r"^version (\d+)\.", text)
        if match:
            state["flavour"] = "legacy" if int(match.group(1)) < 16 else "xe"
            continue
        if text == "mls qos":
            state["keys"][((), "mls qos")] = "mls qos"
            continue
        match = re.match(r"^object-group (network|service) (\S+)$", text)
        if match and owned_name(match.group(2), prefixes):
            canon = canonical_network_member if match.group(1) == "network" else canonical_service_member
            state["groups"][match.group(2)] = (match.group(1), frozenset(
                canon(c.text) for c in node.children if not c.text.lower().startswith("description")))
            continue
        match = re.match(r"^ip access-list extended (\S+)$", text)
        if match and (acl_role(match.group(1), prefixes) or _owned_qos_acl(match.group(1))):
            state["acls"][match.group(1)] = _acl_entries(node)
            continue
        match = re.match(r"^class-map(?: (match-any|match-all))? (\S+)$", text)
        if match and _owned_cmap(match.group(2)):
            state["cmaps"][match.group(2)] = (match.group(1) or "match-all", frozenset(
                c.text for c in node.children if c.text.startswith("match ")))
            continue
        match = re.match(r"^class-map type inspect(?: match-any| match-all)? (\S+)$", text)
        if match and any(re.match(r"^match protocol sip\b", c.text) for c in node.children):
            state["zbf_sip"].append(match.group(1))
            continue
        match = re.match(r"^policy-map (\S+)$", text)
        if match and match.group(1) == QOS_POLICY:
            classes = []
            for child in node.children:
                cm = re.match(r"^class (\S+)$", child.text)
                if cm and cm.group(1) != "class-default":
                    classes.append((cm.group(1), frozenset(_canonical_action(a.text)
                                                           for a in child.children)))
            state["pmaps"][match.group(1)] = tuple(classes)
            continue
        match = re.match(r"^vlan ([\d,-]+)$", text)
        if match:
            names = [c.text[5:] for c in node.children if c.text.startswith("name ")]
            try:
                vids = cli.parse_vlan_list(match.group(1)) or set()
            except ValueError:
                continue
            for vid in sorted(vids):
                state["vlans"][vid] = names[0] if names else None
            continue
        match = re.match(r"^interface (\S+)$", text)
        if match:
            name = match.group(1)
            state["ifaces"].add(name)
            if "." in name:
                state["subifs"].add(name)
            _read_interface(state, name, node)
            continue
        match = re.match(r"^no ip nat service sip (udp|tcp) port %d$" % SIP_PORT, text)
        if match:
            state["keys"][((), "ip nat service sip " + match.group(1))] = text
            continue
        match = re.match(r"^ip nat translation (udp-timeout|tcp-timeout) (\d+|never)$", text)
        if match:
            state["keys"][((), "ip nat translation " + match.group(1))] = text
            continue
        match = re.match(r"^ip nat translation port-timeout (udp|tcp) (\d+) (\d+|never)$", text)
        if match:
            state["keys"][((), "ip nat translation port-timeout %s %s" % match.groups()[:2])] = text
    return state


def _acl_entries(node):
    """((seq, canonical entry), ...) of an extended ACL; numbers are implied (10, 20, ...)
    where the running configuration prints none (classic IOS)."""
    entries = []
    last = 0
    for child in node.children:
        words = child.text.split()
        seq = None
        if words and words[0].isdigit():
            seq, words = int(words[0]), words[1:]
        if not words or words[0] == "remark":
            continue
        if seq is None:
            seq = last + 10
        last = seq
        entries.append((seq, canonical_ace(" ".join(words))))
    return tuple(entries)


def _canonical_action(text):
    match = re.match(r"^set dscp (\S+)$", text)
    if match:
        value = match.group(1).lower()
        number = DSCP_NAMES.get(value, int(value) if value.isdigit() else None)
        if number is not None:
            return "set dscp %s" % DSCP_BY_VALUE.get(number, str(number))
    return text


def _read_interface(state, name, node):
    ctx = _iface_ctx(name)
    allowed = None
    for child in node.children:
        text = child.text
        if text == "no switchport" or text.startswith("ip address "):
            # a routed port: 'switchport ...' lines are refused there, or would turn it
            # into a switch port and drop its address
            state["routed"].setdefault(name, text)
        match = re.match(r"^switchport trunk allowed vlan (add |remove |except )?(\S+)$", text)
        if match:
            try:
                change, vlans = (match.group(1) or "").strip(), cli.parse_vlan_list(match.group(2))
            except ValueError:
                continue
            if change == "add":
                allowed = (allowed or set()) | (vlans or set())
            elif change == "remove" and allowed is not None:
                allowed = allowed - (vlans or set())
            elif not change:
                allowed = vlans
            continue
        key, line = _iface_key(text)
        if key:
            state["keys"][(ctx, key)] = line
    if any(c.text.startswith("switchport trunk allowed vlan") for c in node.children):
        state["keys"][(ctx, TRUNK_KEY)] = "%s %s" % (TRUNK_KEY, cli.format_vlan_list(allowed))


def _trunk_set(line):
    """The VLAN set of a canonical ``switchport trunk allowed vlan`` line (None: all)."""
    if line is None:
        return None
    try:
        return cli.parse_vlan_list(line[len(TRUNK_KEY) + 1:])
    except ValueError:
        return set()


def discover_prefixes(*texts):
    """Allowlist prefixes found in running configurations (from ACL generation names)."""
    found = set()
    for text in texts:
        for match in re.finditer(r"(?m)^ip access-list extended (\S+)-(INSIDE|OUTSIDE)-\d+\s*$",
                                 text or ""):
            found.add(match.group(1))
    return found


# -- simulation -----------------------------------------------------------------------------
class IosSession(cli.Session):
    """A configuration session on IOS as far as this driver's commands go."""

    GLOBAL_KEYS = (
        (r"^(?:no )?ip nat service sip (udp|tcp) port \d+$", "natsip-%s"),
        (r"^ip nat translation (udp-timeout|tcp-timeout|timeout|dns-timeout|finrst-timeout|"
         r"icmp-timeout|syn-timeout|pptp-timeout) ", "nat-%s"),
        (r"^ip nat translation port-timeout (\S+ \d+) ", "natport-%s"),
    )

    def key(self, path, text):
        if not path:
            for pattern, fmt in self.GLOBAL_KEYS:
                match = re.match(pattern, text)
                if match:
                    return fmt % match.group(1)
            return None
        head = path[-1]
        if len(path) == 1 and head.startswith("interface "):
            key, _line = _iface_key(text)
            if key:
                return key
            if re.match(r"^(description|switchport trunk native vlan|switchport trunk encapsulation) ",
                        text):
                return " ".join(text.split()[:-1])
            return None
        if len(path) == 1 and head.startswith("vlan ") and text.startswith("name "):
            return "name"
        if len(path) == 2 and head.startswith("class ") and text.startswith("set dscp "):
            return "set dscp"
        return None

    def is_default(self, path, text):
        if not path:
            match = re.match(r"^ip nat translation (udp-timeout|tcp-timeout|timeout) (\d+)$", text)
            if match and NAT_DEFAULTS[match.group(1)] == int(match.group(2)):
                return True
            return bool(re.match(r"^ip nat service sip (udp|tcp) port \d+$", text))
        if len(path) == 1 and path[0].startswith("interface "):
            return text == "switchport access vlan 1"
        return False

    def special(self, path, parent, text):
        if not path and text.startswith("no ip nat service "):
            key = self.key(path, text)
            parent.children = [n for n in parent.children if self.key(path, n.text) != key]
            parent.add(text)
            return True
        if len(path) == 1 and path[0].startswith("interface ") and text.startswith(TRUNK_KEY):
            self._trunk(parent, text)
            return True
        if len(path) == 1 and path[0].startswith("ip access-list "):
            return self._acl(parent, text)
        return False

    @staticmethod
    def _trunk(parent, text):
        lines = [n for n in parent.children if n.text.startswith(TRUNK_KEY)]
        current = None
        for node in lines:
            current = _trunk_set("%s %s" % (TRUNK_KEY, cli.format_vlan_list(current)))
            rest = node.text[len(TRUNK_KEY) + 1:]
            try:
                if rest.startswith("add "):
                    current = (current or set()) | (cli.parse_vlan_list(rest[4:]) or set())
                else:
                    current = cli.parse_vlan_list(rest)
            except ValueError:
                continue
        rest = text[len(TRUNK_KEY) + 1:] if len(text) > len(TRUNK_KEY) else ""
        if text.startswith("no "):
            current = None
        elif rest.startswith("add "):
            current = (current or set()) | (cli.parse_vlan_list(rest[4:]) or set())
        elif rest.startswith("remove "):
            if current is None:
                current = set(range(1, 4095))
            current = current - (cli.parse_vlan_list(rest[7:]) or set())
        else:
            current = cli.parse_vlan_list(rest)
        index = parent.children.index(lines[0]) if lines else None
        parent.children = [n for n in parent.children if not n.text.startswith(TRUNK_KEY)]
        if current is not None:
            parent.add("%s %s" % (TRUNK_KEY, cli.format_vlan_list(current)), index)

    @staticmethod
    def _acl(parent, text):
        words = text.split()
        if words[0] == "no" and len(words) == 2 and words[1].isdigit():
            parent.children = [n for n in parent.children if n.text.split()[0] != words[1]]
            return True
        if words[0].isdigit():
            seq = int(words[0])
            parent.children = [n for n in parent.children
                               if not (n.text.split()[0] == words[0]
                                       and n.text.split()[1:2] != ["remark"])]
            index = len(parent.children)
            for pos, node in enumerate(parent.children):
                first = node.text.split()[0]
                if first.isdigit() and int(first) > seq:
                    index = pos
                    break
            parent.add(text, index)
            return True
        return False


def number_acls(root):
    """Give the entries of every extended ACL explicit sequence numbers, as IOS-XE prints
    them (a remark carries the number of the entry that follows it)."""
    for node in root.children:
        if node.text.startswith("ip access-list "):
            last = 0
            for child in node.children:
                first = child.text.split()[0]
                if first.isdigit():
                    last = int(first)
                elif first == "remark":
                    child.text = "%d %s" % (last + 10, child.text)
                else:
                    last += 10
                    child.text = "%d %s" % (last, child.text)
    return root


# -- the driver -------------------------------------------------------------------------------
class Driver(cli.CiscoDriver):
    """Cisco IOS / IOS-XE (routers and Catalyst switches)."""

    platform = "ios"
    netmiko_device_type = "cisco_ios"   # cisco_xe is the same netmiko class
    napalm_driver = "ios"               # core NAPALM driver: merge, compare, commit, revert_in
    privileged_exec = True
    interface_fields = INTERFACE_FIELDS  # checked by _check_iface (abbreviations expanded)
    gather_commands = ("show running-config",)
    unsupported = {}
    comment = "!"
    binds_inside = True
    qos_binding = "egress"       # service-policy output
    wildcard_why = (
        "IOS ACLs match addresses only; there is no FQDN object")

    def canonical_interface(self, name):
        return canonical_interface(name)

    def subinterface_name(self, sub, voice_vlan):
        return "%s.%d" % (canonical_interface(sub["parent"]), sub["vlan"])

    session = IosSession
    extract = staticmethod(extract)
    discover_prefixes = staticmethod(discover_prefixes)
    empty_state = staticmethod(_empty_state)

    def __init__(self):
        super(Driver, self).__init__()
        self._des = _empty_state()

    def _tree(self, running):
        # a copy of the step's tree: numbering the ACLs edits it
        return number_acls(read_once(cli.parse_tree, running).copy())

    # -- reading ---------------------------------------------------------------------------
    def parse(self, running):
        """Per feature, what the device holds, in the intent's terms where they exist:
        allowlist flows (direction, proto, ports, addresses) read back from the owned ACLs
        and object-groups, the voice VLAN plan of the switch ports, QoS classes with their
        matches, the NAT timeouts -- plus the raw owned objects for review."""
        state = self._state(running)
        known = self._prefixes | discover_prefixes(running)
        prefixes = sorted(set(acl_role(a, known)[0] for a in state["acls"] if acl_role(a, known)))
        keys = state["keys"]
        bindings = {}
        for (ctx, key), line in sorted(keys.items()):
            if key in ("ip access-group in", "ip access-group out") and ctx:
                name = line.split()[2]
                if name in state["acls"]:
                    bindings.setdefault(ctx[0][len("interface "):], {})[key.split()[-1]] = name
        prefix = prefixes[0] if len(prefixes) == 1 else DEFAULT_PREFIX
        voice = state["groups"].get(cli.object_name(prefix, "VOICE"))
        allowlist = {
            "name": prefix,
            "voice_networks": _operand_addresses(("object-group", cli.object_name(prefix, "VOICE")),
                                                 state["groups"]) if voice else [],
            "flows": self._flows(state, known),
            "object_groups": dict((n, {"type": k, "members": _sorted_members(m)})
                                  for n, (k, m) in sorted(state["groups"].items())),
            "acls": dict((n, [e for _s, e in entries]) for n, entries in sorted(state["acls"].items())
                         if not _owned_qos_acl(n)),
            "bindings": bindings,
        }
        sip = {
            "enabled": not (keys.get(((), "ip nat service sip udp"))
                            and keys.get(((), "ip nat service sip tcp"))) or bool(state["zbf_sip"]),
            "nat_sip_udp_off": bool(keys.get(((), "ip nat service sip udp"))),
            "nat_sip_tcp_off": bool(keys.get(((), "ip nat service sip tcp"))),
            "zbf_sip_inspection": list(state["zbf_sip"]),
        }
        return {"allowlist": allowlist, "sip_alg": sip, "voice_vlan": _voice_plan(state),
                "qos": _qos_plan(state),
                "timeouts": {"udp_stream": _nat_value(keys, "udp-timeout"),
                             "sip": _port_timeout(keys),
                             "tcp_established": _nat_value(keys, "tcp-timeout")}}

    @staticmethod
    def _flows(state, prefixes):
        """The flows the owned allowlist ACLs permit: PORTS groups in the inside ACL are
        outbound flows, in the outside ACL inbound ones (REPLY groups only answer them)."""
        flows = []
        for role, direction in (("INSIDE", "outbound"), ("OUTSIDE", "inbound")):
            names = [a for a in state["acls"] if (acl_role(a, prefixes) or (0, None))[1] == role]
            bound = [a for a in names if any(line and line.split()[2] == a for (c, k), line in
                                             state["keys"].items() if k == "ip access-group in")]
            chosen = sorted(bound or names, key=lambda a: acl_role(a, prefixes)[2])
            for _seq, entry in state["acls"][chosen[-1]] if chosen else ():
                words = entry.split()
                if words[:2] != ["permit", "object-group"] or len(words) < 3:
                    continue
                service = state["groups"].get(words[2])
                operands = cli.ace_operands(words[3:])
                if not service or service[0] != "service" or not operands:
                    continue
                peer = operands[1] if role == "INSIDE" else operands[0]
                addresses = _operand_addresses(peer, state["groups"])
                for member in service[1]:
                    match = re.match(r"^(tcp|udp|tcp-udp) (eq (\d+)|range (\d+) (\d+))$", member)
                    if not match or addresses is None:
                        continue
                    low = int(match.group(3) or match.group(4))
                    high = int(match.group(3) or match.group(5))
                    for proto in (("tcp", "udp") if match.group(1) == "tcp-udp" else (match.group(1),)):
                        flows.append({"direction": direction, "proto": proto, "port_min": low,
                                      "port_max": high, "addresses": addresses, "fqdns": []})
        return cli.join_flows(flows)

    # -- building the wanted state -----------------------------------------------------------
    #: voice_vlan first: the sub-interfaces it creates may carry ACLs and policies.
    BUILD_ORDER = ("voice_vlan",) + tuple(f for f in FEATURES if f != "voice_vlan")

    def _build(self, cur, intent, state, notes):
        des = copy.deepcopy(cur)
        self._des = des
        for feature in self.BUILD_ORDER:
            if feature in intent:
                getattr(self, "_want_" + feature)(cur, des, intent[feature], state, notes)
        return des

    def _check_iface(self, cur, value, field):
        """``value`` as the intent gives it (``Gi1/0/1``): an interface of this device."""
        if cur["offline"]:
            return
        check_present(field, [(value, canonical_interface(value))],
                      cur["ifaces"] | self._des["ifaces"], source="its running configuration, "
                      "'interface ...' lines")

    @staticmethod
    def _check_switchport(cur, value, field):
        """A phone port or uplink must be a switch port: ``switchport`` lines on a routed
        port are refused by the device, or turn it into a switch port and drop its address."""
        name = canonical_interface(value)
        line = cur["routed"].get(name)
        if line:
            raise VoipReadyError(
                "%s names %r, a routed port on this device ('%s' under interface %s): "
                "voice VLAN access and trunk settings ('switchport mode access', 'switchport "
                "voice vlan') need a switch port, and would drop the port's routing. List "
                "switch ports only, or make it a switch port first ('switchport', after "
                "removing the address)" % (field_label(field), value, line, name),
                field=field, value=value)

    def _want_allowlist(self, cur, des, cfg, state, notes):
        prefix = cfg["name"]
        self._prefixes.add(prefix)
        inside = [canonical_interface(i) for i in cfg["inside_interfaces"]]
        outside = [canonical_interface(i) for i in cfg["outside_interfaces"]]
        for field in ("inside_interfaces", "outside_interfaces"):
            for value in cfg[field]:
                self._check_iface(cur, value, "allowlist." + field)

        def owned_acl(name):
            return acl_role(name, set([prefix])) is not None

        for name in list(des["groups"]):
            if name.startswith(prefix + "-"):
                del des["groups"][name]
        for name in list(des["acls"]):
            if owned_acl(name):
                del des["acls"][name]
        if state == "deleted":
            for (ctx, key), line in list(des["keys"].items()):
                if key in ("ip access-group in", "ip access-group out") and owned_acl(line.split()[2]):
                    des["keys"][(ctx, key)] = None
            return
        voice_nets = [n for n in cfg["voice_networks"] if not cli.is_ipv6(n)]
        skipped_v6 = [n for n in cfg["voice_networks"] if cli.is_ipv6(n)]
        if skipped_v6:
            notes.append("IPv6 voice networks %s are not matched: IOS object-groups hold IPv4 only"
                         % ", ".join(skipped_v6))
        if cfg["enforce"] and not voice_nets and (inside or outside):
            invalid("allowlist.voice_networks", cfg["voice_networks"],
                    "must name the voice subnets on ios when enforce is true: IOS ACLs are "
                    "stateless, so dropping 'everything else' for any host would also drop the "
                    "return traffic and management traffic of every other host on those interfaces")
        if cfg["fqdn_mode"] == "objects":
            invalid("allowlist.fqdn_mode", "objects",
                    "is not possible on ios: IOS extended ACLs cannot match DNS names; use auto "
                    "(addresses only, FQDN-only rules reported) or resolve")
        flows = self._flows_of(cfg, prefix, notes, ipv6=False)
        voice_name = cli.object_name(prefix, "VOICE")
        if voice_nets:
            des["groups"][voice_name] = ("network", frozenset(
                cli.mask_form(n) for n in voice_nets))
            voice = "object-group " + voice_name
        else:
            voice = "any"
        inside_acl, outside_acl = [], []
        if cfg["enforce"]:
            # DHCP, no wider than it needs: DISCOVER/REQUEST broadcasts (from 0.0.0.0 too)
            # and renewals to the router's own address, which sits in the voice network
            inside_acl.append("permit udp any eq 68 host 255.255.255.255 eq 67")
            if voice_nets:
                inside_acl.append("permit udp %s eq 68 %s eq 67" % (voice, voice))
        for flow in flows:
            des["groups"][flow["net"]] = ("network", frozenset(
                cli.mask_form(d) for kind, d in flow["dests"]))
            des["groups"][flow["ports_name"]] = ("service", frozenset(
                "%s %s" % (proto, cli.port_spec(low, high)) for proto, low, high in flow["ports"]))
            des["groups"][flow["reply_name"]] = ("service", frozenset(
                "%s source %s" % (proto, cli.port_spec(low, high))
                for proto, low, high in flow["ports"]))
            net = "object-group " + flow["net"]
            if flow["direction"] in cli.OUTBOUND:
                inside_acl.append("permit object-group %s %s %s" % (flow["ports_name"], voice, net))
                outside_acl.append("permit object-group %s %s %s" % (flow["reply_name"], net, voice))
            if flow["direction"] in cli.INBOUND:
                inside_acl.append("permit object-group %s %s %s" % (flow["reply_name"], voice, net))
                outside_acl.append("permit object-group %s %s %s" % (flow["ports_name"], net, voice))
        if cfg["enforce"]:
            inside_acl.append("deny ip %s any" % voice)
            outside_acl.append("deny ip any %s" % voice)
        inside_acl.append("permit ip any any")
        outside_acl.append("permit ip any any")
        for role, entries, ifaces in (("INSIDE", inside_acl, inside), ("OUTSIDE", outside_acl, outside)):
            entries = tuple((10 * (i + 1), canonical_ace(e)) for i, e in enumerate(entries))
            name = self._generation(cur, prefix, role, entries)
            des["acls"][name] = entries
            old = set(a for a in cur["acls"] if (acl_role(a, set([prefix])) or ("", "", 0))[1] == role)
            wanted = set(_iface_ctx(i) for i in ifaces)
            owned_any = self._prefixes | set([prefix])
            for ctx in sorted(wanted):
                found = cur["keys"].get((ctx, "ip access-group in"))
                cli.check_no_conflict("ip access-group in on", ctx[0][len("interface "):],
                                      found and found.split()[2],
                                      lambda acl: acl_role(acl, owned_any) is not None)
                des["keys"][(ctx, "ip access-group in")] = "ip access-group %s in" % name
            for (ctx, key), line in list(cur["keys"].items()):
                if key in ("ip access-group in", "ip access-group out") and line.split()[2] in old \
                        and not (key == "ip access-group in" and ctx in wanted):
                    keep = state == "merged"
                    des["keys"][(ctx, key)] = ("ip access-group %s %s" % (name, key.split()[-1])
                                               if keep else None)

    @staticmethod
    def _same_acl(current, wanted):
        """IOS entries are (sequence, text): the texts decide (sequences are renumbered)."""
        return bool(current) and [e for _s, e in current] == [e for _s, e in wanted]

    def _want_sip_alg(self, cur, des, cfg, state, notes):
        if cur["zbf_sip"] and state != "deleted" and not cfg["enabled"]:
            invalid("sip_alg", ", ".join(cur["zbf_sip"]),
                    "cannot be switched off by voipready: zone-based firewall class-map(s) inspect "
                    "SIP ('match protocol sip'), which voipready does not own; remove that match "
                    "(or inspect SIP as pass) before running again")
        if state == "deleted":
            return  # the SIP ALG stays off: switching it back on is never what is asked for
        for proto in ("udp", "tcp"):
            des["keys"][((), "ip nat service sip " + proto)] = (
                None if cfg["enabled"] else "no ip nat service sip %s port %d" % (proto, SIP_PORT))

    def _want_voice_vlan(self, cur, des, cfg, state, notes):
        phones = [canonical_interface(p) for p in cfg["phone_ports"]]
        uplinks = [canonical_interface(p) for p in cfg["uplink_ports"]]
        for field in ("phone_ports", "uplink_ports"):
            for value in cfg[field]:
                self._check_iface(cur, value, "voice_vlan." + field)
                self._check_switchport(cur, value, "voice_vlan." + field)
        voice, data = cfg["voice_vlan"], cfg["data_vlan"]
        trust = self._legacy_trust(cur, cfg, phones + uplinks, state, notes)
        subifs = [("%s.%d" % (canonical_interface(s["parent"]), s["vlan"]), s) for s in cfg["subinterfaces"]]
        for _name, sub in subifs:
            self._check_iface(cur, sub["parent"], "voice_vlan.subinterfaces.parent")
        if state == "deleted":
            for name in phones:
                ctx = _iface_ctx(name)
                if cur["keys"].get((ctx, "switchport voice vlan")) == "switchport voice vlan %d" % voice["id"]:
                    des["keys"][(ctx, "switchport voice vlan")] = None
                if cur["keys"].get((ctx, "mls qos trust")) == "mls qos trust dscp":
                    des["keys"][(ctx, "mls qos trust")] = None
            for name, _sub in subifs:
                des["subifs"].discard(name)
                for key in list(des["keys"]):
                    if key[0] == _iface_ctx(name):
                        del des["keys"][key]
            return
        if phones or uplinks:
            for vlan in (data, voice):
                des["vlans"][vlan["id"]] = vlan["name"]
            if trust:
                des["keys"][((), "mls qos")] = "mls qos"
        elif not subifs:
            notes.append("voice_vlan names no phone ports, uplinks or sub-interfaces: nothing "
                         "to configure")
        if cfg["trust_dscp"] and phones and cur["flavour"] != "legacy":
            notes.append("DSCP trust: IOS-XE switches (Catalyst 9000/3850) trust DSCP by default, "
                         "so no trust command is configured; on legacy IOS Catalyst switches "
                         "(12.x/15.x) 'mls qos trust dscp' is set on the phone ports and uplinks "
                         "when 'mls qos' is on, and 'mls qos' itself only with "
                         "voice_vlan.enable_mls_qos (see docs/platforms/ios.md)")
        for name in phones:
            ctx = _iface_ctx(name)
            des["keys"][(ctx, "switchport mode")] = "switchport mode access"
            des["keys"][(ctx, "switchport access vlan")] = (
                None if data["id"] == 1 else "switchport access vlan %d" % data["id"])
            des["keys"][(ctx, "switchport voice vlan")] = "switchport voice vlan %d" % voice["id"]
            if trust:
                des["keys"][(ctx, "mls qos trust")] = "mls qos trust dscp"
        for name in uplinks:
            ctx = _iface_ctx(name)
            need = set([data["id"], voice["id"]])
            was_trunk = cur["keys"].get((ctx, "switchport mode")) == "switchport mode trunk"
            current = cur["keys"].get((ctx, TRUNK_KEY))
            des["keys"][(ctx, "switchport mode")] = "switchport mode trunk"
            if was_trunk and current is None:
                pass  # a trunk that carries every VLAN already carries both
            else:
                allowed = (_trunk_set(current) or set()) if was_trunk else set()
                des["keys"][(ctx, TRUNK_KEY)] = "%s %s" % (TRUNK_KEY, cli.format_vlan_list(
                    allowed | need))
            if trust:
                des["keys"][(ctx, "mls qos trust")] = "mls qos trust dscp"
        for name, sub in subifs:
            ctx = _iface_ctx(name)
            des["subifs"].add(name)
            des["ifaces"].add(name)
            des["keys"][(ctx, "encapsulation dot1q")] = "encapsulation dot1Q %d" % sub["vlan"]
            if sub["address"]:
                des["keys"][(ctx, "ip address")] = "ip address " + cli.interface_address(sub["address"])

    def _legacy_trust(self, cur, cfg, ports, state, notes):
        """Whether ``mls qos trust dscp`` goes on the listed ports (legacy Catalyst only).

        With ``mls qos`` off (the default) a legacy Catalyst passes DSCP unchanged: the
        phones' marking survives and nothing is configured. With it on, every port that
        does not trust re-marks DSCP to 0, so the listed ports get trust. Switching it on
        is global -- it changes every port of the switch -- and happens only on request
        (``enable_mls_qos``), and only when every port that carries the voice VLAN is
        listed (else those ports would start zeroing voice marking)."""
        if cur["flavour"] != "legacy" or not cfg["trust_dscp"] or state == "deleted":
            return False
        if cur["keys"].get(((), "mls qos")):
            return True
        if not cfg["enable_mls_qos"]:
            notes.append("legacy Catalyst with 'mls qos' off: DSCP passes unchanged, so no "
                         "trust is configured; voice_vlan.enable_mls_qos switches QoS on")
            return False
        listed = set(ports)
        others = [n for n in _voice_carriers(cur, cfg["voice_vlan"]["id"]) if n not in listed]
        if others:
            field = "voice_vlan.enable_mls_qos"
            raise VoipReadyError(
                "%s=true would switch on 'mls qos' for the whole switch: every port that does "
                "not trust DSCP then re-marks it to 0, and %s carr%s voice VLAN %d without "
                "being listed in %s or %s. List %s there (they get 'mls qos trust dscp'), or "
                "leave %s false (with 'mls qos' off the switch passes DSCP unchanged)" % (
                    field_label(field), ", ".join(others), "ies" if len(others) == 1 else "y",
                    cfg["voice_vlan"]["id"], field_label("voice_vlan.phone_ports"),
                    field_label("voice_vlan.uplink_ports"),
                    "it" if len(others) == 1 else "them", field),
                field=field, value=True)
        return True

    def _want_qos(self, cur, des, cfg, state, notes):
        ifaces = [canonical_interface(i) for i in cfg["interfaces"]]
        for value in cfg["interfaces"]:
            self._check_iface(cur, value, "qos.interfaces")
        for table in ("cmaps", "pmaps"):
            des[table] = {}
        for name in list(des["acls"]):
            if _owned_qos_acl(name):
                del des["acls"][name]
        classes = cfg["classes"] if state != "deleted" else []
        if cfg["trust"] and state != "deleted":
            notes.append("qos.trust: IOS routers and IOS-XE switches keep the DSCP they receive "
                         "unless a policy rewrites it; nothing to configure")
        policy = []
        for cls in classes:
            label = cli.service_label(cls["name"])
            cmap = cli.object_name(QOS_PREFIX, label)
            acl = cli.object_name(QOS_PREFIX, "QOS", label)
            entries = []
            for match in cls["matches"]:
                spec = cli.port_spec(match["port_min"], match["port_max"])
                v4 = [a for a in match["addresses"] if not cli.is_ipv6(a)]
                v6 = [a for a in match["addresses"] if cli.is_ipv6(a)]
                if v6:
                    notes.append("qos class %s: IPv6 destinations %s are not marked (IPv4 ACL)"
                                 % (cls["name"], ", ".join(v6)))
                if not match["addresses"]:
                    entries.append("permit %s any any %s" % (match["proto"], spec))
                for address in v4:
                    entries.append("permit %s any %s %s" % (match["proto"], cli.wildcard_form(address), spec))
            if not entries:
                continue
            des["acls"][acl] = tuple((10 * (i + 1), canonical_ace(e)) for i, e in enumerate(entries))
            des["cmaps"][cmap] = ("match-any", frozenset(["match access-group name " + acl]))
            policy.append((cmap, frozenset(["set dscp %s" % DSCP_BY_VALUE.get(cls["dscp"], cls["dscp"])])))
        if policy:
            des["pmaps"][QOS_POLICY] = tuple(policy)
        wanted = set(_iface_ctx(i) for i in ifaces) if policy else set()
        for ctx in sorted(wanted):
            found = cur["keys"].get((ctx, "service-policy output"))
            cli.check_no_conflict("service-policy output on", ctx[0][len("interface "):],
                                  found and found.split()[2], lambda p: p == QOS_POLICY)
            des["keys"][(ctx, "service-policy output")] = "service-policy output " + QOS_POLICY
        for (ctx, key), line in list(cur["keys"].items()):
            if key.startswith("service-policy") and line.split()[2] == QOS_POLICY and ctx not in wanted:
                keep = state == "merged" and policy and key == "service-policy output"
                des["keys"][(ctx, key)] = line if keep else None

    def _want_timeouts(self, cur, des, cfg, state, notes):
        def put(key, name, value):
            default = NAT_DEFAULTS.get(name)
            if value is None or value == default:
                des["keys"][((), key)] = None
            else:
                des["keys"][((), key)] = "%s %d" % (key, value)
        if state == "deleted":
            put("ip nat translation udp-timeout", "udp-timeout", None)
            des["keys"][((), "ip nat translation port-timeout udp %d" % SIP_PORT)] = None
            if cfg["tcp_established"] is not None:
                put("ip nat translation tcp-timeout", "tcp-timeout", None)
            return
        # IOS keeps one UDP timer for replied and unreplied translations: the longer
        # (udp_stream) is the one that keeps a phone's mapping alive between keep-alives.
        put("ip nat translation udp-timeout", "udp-timeout", cfg["udp_stream"])
        des["keys"][((), "ip nat translation port-timeout udp %d" % SIP_PORT)] = (
            "ip nat translation port-timeout udp %d %d" % (SIP_PORT, cfg["sip"]))
        if cfg["tcp_established"] is not None:
            put("ip nat translation tcp-timeout", "tcp-timeout", cfg["tcp_established"])

    # -- comparing ---------------------------------------------------------------------------
    def diff(self, cur, des):
        """(phase, context, line) operations that turn state ``cur`` into ``des``."""
        ops = []
        self._diff_vlans(cur, des, ops)
        self._diff_keys(cur, des, ops)
        cli.diff_object_groups(cur["groups"], des["groups"], ops, _sorted_members,
                               P_GROUP_ADD, P_GROUP_DEL)
        self._diff_acls(cur, des, ops)
        self._diff_cmaps(cur, des, ops)
        self._diff_pmaps(cur, des, ops)
        return ops

    @staticmethod
    def _diff_vlans(cur, des, ops):
        for vid in sorted(des["vlans"]):
            name, old = des["vlans"][vid], cur["vlans"].get(vid, False)
            if old is False and not name:
                ops.append((P_VLAN, (), "vlan %d" % vid))
            elif name and old != name:
                ops.append((P_VLAN, ("vlan %d" % vid,), "name %s" % name))
            elif not name and old:
                ops.append((P_VLAN, ("vlan %d" % vid,), "no name %s" % old))
        for vid in sorted(set(cur["vlans"]) - set(des["vlans"])):
            ops.append((P_VLAN_DEL, (), "no vlan %d" % vid))

    @staticmethod
    def _diff_keys(cur, des, ops):
        gone = cur["subifs"] - des["subifs"]
        for ctx, key in sorted(set(cur["keys"]) | set(des["keys"]), key=_key_order):
            if ctx and ctx[0][len("interface "):] in gone:
                continue
            old, new = cur["keys"].get((ctx, key)), des["keys"].get((ctx, key))
            if old == new:
                continue
            if key == TRUNK_KEY:
                ops.extend((P_PORT, ctx, line) for line in _trunk_ops(old, new))
                continue
            if not ctx:
                phase = P_MLS if key == "mls qos" and new else P_GLOBAL
            elif key in BIND_KEYS:
                phase = P_BIND
            elif ctx[0][len("interface "):] in des["subifs"]:
                phase = P_SUBIF
            else:
                phase = P_PORT
            ops.append((phase, ctx, new if new is not None else _negate(old)))
        for name in sorted(gone):
            ops.append((P_SUBIF_DEL, (), "no interface %s" % name))

    @staticmethod
    def _diff_acls(cur, des, ops):
        for name in sorted(des["acls"]):
            header = ("ip access-list extended %s" % name,)
            new = des["acls"][name]
            old = cur["acls"].get(name)
            if old is not None and [e for _s, e in old] == [e for _s, e in new]:
                continue
            old_map = dict(old or ())
            new_map = dict(new)
            for seq, entry in (old or ()):
                if new_map.get(seq) != entry:
                    ops.append((P_ACL, header, "no %d" % seq))
            for seq, entry in new:
                if old_map.get(seq) != entry:
                    ops.append((P_ACL, header, "%d %s" % (seq, entry)))
        for name in sorted(set(cur["acls"]) - set(des["acls"])):
            ops.append((P_ACL_DEL, (), "no ip access-list extended %s" % name))

    @staticmethod
    def _diff_cmaps(cur, des, ops):
        for name in sorted(des["cmaps"]):
            mtype, matches = des["cmaps"][name]
            header = ("class-map %s %s" % (mtype, name),)
            old = cur["cmaps"].get(name)
            if old is not None and old[0] != mtype:
                ops.append((P_CMAP - 1, (), "no class-map %s %s" % (old[0], name)))
                old = None
            have = old[1] if old else frozenset()
            for match in sorted(matches - have):
                ops.append((P_CMAP, header, match))
            for match in sorted(have - matches):
                ops.append((P_CMAP, header, "no " + match))
        for name in sorted(set(cur["cmaps"]) - set(des["cmaps"])):
            ops.append((P_CMAP_DEL, (), "no class-map %s %s" % (cur["cmaps"][name][0], name)))

    @staticmethod
    def _diff_pmaps(cur, des, ops):
        for name in sorted(des["pmaps"]):
            header = "policy-map %s" % name
            new = list(des["pmaps"][name])
            old = list(cur["pmaps"].get(name, ()))
            new_names = [c for c, _a in new]
            old_names = [c for c, _a in old]
            # Class order is match order: keep the longest common prefix, rebuild the rest.
            keep = 0
            while keep < min(len(new), len(old)) and new_names[keep] == old_names[keep]:
                keep += 1
            for cname, _actions in old[keep:]:
                ops.append((P_PMAP, (header,), "no class %s" % cname))
            old_actions = dict(old[:keep])
            for cname, actions in new:
                have = old_actions.get(cname, frozenset())
                if cname not in old_actions and not actions:
                    ops.append((P_PMAP, (header,), "class %s" % cname))
                for action in sorted(actions - have):
                    ops.append((P_PMAP, (header, "class %s" % cname), action))
                for action in sorted(have - actions):
                    if not any(a.split()[:2] == action.split()[:2] for a in actions):
                        ops.append((P_PMAP, (header, "class %s" % cname), "no " + action))
        for name in sorted(set(cur["pmaps"]) - set(des["pmaps"])):
            ops.append((P_PMAP_DEL, (), "no policy-map %s" % name))

    # -- the interface ---------------------------------------------------------------------
    # -- text of the owned configuration ---------------------------------------------------
    def _text(self, st, intent):
        out = []
        keys = st["keys"]
        iface_keys = {}

        def want_iface(name, key_filter):
            ctx = _iface_ctx(name)
            for (kctx, key), line in keys.items():
                if kctx == ctx and key_filter(key) and line is not None:
                    iface_keys.setdefault(name, {})[key] = line

        if "voice_vlan" in intent:
            cfg = intent["voice_vlan"]
            ids = [cfg["data_vlan"]["id"], cfg["voice_vlan"]["id"]]
            for vid in sorted(ids):
                if vid in st["vlans"]:
                    out.append("vlan %d" % vid)
                    if st["vlans"][vid]:
                        out.append(" name %s" % st["vlans"][vid])
            for port in cfg["phone_ports"] + cfg["uplink_ports"]:
                want_iface(canonical_interface(port), lambda k: k not in BIND_KEYS)
            for sub in cfg["subinterfaces"]:
                name = "%s.%d" % (canonical_interface(sub["parent"]), sub["vlan"])
                if name in st["subifs"]:
                    iface_keys.setdefault(name, {})
                    want_iface(name, lambda k: k in ("encapsulation dot1q", "ip address"))
        if "allowlist" in intent:
            prefix = intent["allowlist"]["name"]
            for name in sorted(st["groups"]):
                if name.startswith(prefix + "-"):
                    kind, members = st["groups"][name]
                    out.append("object-group %s %s" % (kind, name))
                    out.extend(" " + m for m in _sorted_members(members))
            owned = owned_acls(st["acls"], prefix)
            for name in owned:
                out.append("ip access-list extended %s" % name)
                out.extend(" %d %s" % (seq, entry) for seq, entry in st["acls"][name])
            listed = set(canonical_interface(i) for i in intent["allowlist"]["inside_interfaces"]
                         + intent["allowlist"]["outside_interfaces"])
            for (ctx, key), line in keys.items():
                if key.startswith("ip access-group") and line and ctx and (
                        line.split()[2] in owned or ctx[0][len("interface "):] in listed):
                    iface_keys.setdefault(ctx[0][len("interface "):], {})[key] = line
        if "qos" in intent:
            for name in sorted(a for a in st["acls"] if _owned_qos_acl(a)):
                out.append("ip access-list extended %s" % name)
                out.extend(" %d %s" % (seq, entry) for seq, entry in st["acls"][name])
            for name in sorted(st["cmaps"]):
                mtype, matches = st["cmaps"][name]
                out.append("class-map %s %s" % (mtype, name))
                out.extend(" " + m for m in sorted(matches))
            for name in sorted(st["pmaps"]):
                out.append("policy-map %s" % name)
                for cname, actions in st["pmaps"][name]:
                    out.append(" class %s" % cname)
                    out.extend("  " + a for a in sorted(actions))
            listed = set(canonical_interface(i) for i in intent["qos"]["interfaces"])
            for (ctx, key), line in keys.items():
                if key.startswith("service-policy") and line and ctx and (
                        line.split()[2] == QOS_POLICY or ctx[0][len("interface "):] in listed):
                    iface_keys.setdefault(ctx[0][len("interface "):], {})[key] = line
        for name in sorted(iface_keys, key=_iface_sort):
            out.append("interface %s" % name)
            for _key, line in sorted(iface_keys[name].items(), key=lambda kv: _key_rank(kv[0])):
                out.append(" " + line)
        if "voice_vlan" in intent and keys.get(((), "mls qos")):
            out.append("mls qos")
        if "sip_alg" in intent:
            for proto in ("udp", "tcp"):
                line = keys.get(((), "ip nat service sip " + proto))
                if line:
                    out.append(line)
        if "timeouts" in intent:
            for key in sorted(k for c, k in keys if not c and k.startswith("ip nat translation")):
                if keys[((), key)]:
                    out.append(keys[((), key)])
        return "\n".join(out) + ("\n" if out else "")

    # -- pushing ---------------------------------------------------------------------------
    def push(self, transport, commands, confirm_timeout=None):
        """netmiko: config mode, errors (``% Invalid input`` ...) fail the run; NAPALM:
        load-merge the commands as a candidate and commit (``revert_in`` when confirming)."""
        if getattr(transport, "kind", "") == "napalm":
            transport.load_merge("\n".join(commands) + "\n")
            return transport.commit(confirm_timeout)
        output = transport.send_config(list(commands))
        check_output(output, len(commands))
        return output

    def confirm(self, transport):
        if getattr(transport, "kind", "") == "napalm":
            return transport.confirm()
        return None

    def save(self, transport):
        """``write memory`` (NAPALM commits already write the startup configuration)."""
        if getattr(transport, "kind", "") == "napalm":
            return None
        return transport.send_command("write memory")


def _negate(line):
    return line[3:] if line.startswith("no ") else "no " + line


def _trunk_ops(old, new):
    cur, want = _trunk_set(old), _trunk_set(new)
    if old is None:
        cur = None
    if new is None:
        return ["no " + TRUNK_KEY]
    if cur is None:
        return ["%s %s" % (TRUNK_KEY, cli.format_vlan_list(want))]
    if want >= cur:
        return ["%s add %s" % (TRUNK_KEY, cli.format_vlan_list(want - cur))]
    if want <= cur:
        return ["%s remove %s" % (TRUNK_KEY, cli.format_vlan_list(cur - want))]
    return ["%s %s" % (TRUNK_KEY, cli.format_vlan_list(want))]


_KEY_RANK = dict((k, i) for i, k in enumerate(
    ["switchport mode", "switchport access vlan", TRUNK_KEY, "switchport voice vlan",
     "mls qos trust", "encapsulation dot1q", "ip address", "ip access-group in",
     "ip access-group out", "service-policy input", "service-policy output"]))


def _key_rank(key):
    return (_KEY_RANK.get(key, 99), key)


def _key_order(item):
    ctx, key = item
    if not ctx:
        return (0, (), _key_rank(key))
    return (1, _iface_sort(ctx[0].split(" ", 1)[1]) + tuple(ctx[1:]), _key_rank(key))


def _iface_sort(name):
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", name))


def _member_key(member):
    words = member.split()
    for word in words:
        try:
            addr = ipaddress.ip_address(word)
            return (0, addr.version, int(addr), member)
        except ValueError:
            continue
    ports = [int(w) for w in words if w.isdigit()]
    return (1, words[0], ports, member)


def _sorted_members(members):
    return sorted(members, key=_member_key)


def _prefix_form(line):
    words = line.split()
    try:
        return str(ipaddress.ip_interface("%s/%s" % (words[2], words[3])))
    except (ValueError, IndexError):
        return None


def _nat_value(keys, name):
    line = keys.get(((), "ip nat translation " + name))
    if line is None:
        return NAT_DEFAULTS[name]
    value = line.split()[-1]
    return value if value == "never" else int(value)


def _port_timeout(keys):
    line = keys.get(((), "ip nat translation port-timeout udp %d" % SIP_PORT))
    if line is None:
        return None
    value = line.split()[-1]
    return value if value == "never" else int(value)


def _operand_addresses(operand, groups):
    """Addresses an ACE operand stands for (``any`` -> ["any"]); None when unknown."""
    if operand[0] == "any":
        return ["any"]
    if operand[0] == "host":
        return [operand[1]]
    if operand[0] == "net":
        cidr = cli.mask_to_cidr(operand[1], _wildcard_to_mask(operand[2]))
        return [cidr] if cidr else None
    if operand[0] == "object-group" and operand[1] in groups and groups[operand[1]][0] == "network":
        out = []
        for member in groups[operand[1]][1]:
            words = member.split()
            if words[0] == "host" and len(words) == 2:
                out.append(words[1])
            elif len(words) == 2 and cli.mask_to_cidr(words[0], words[1]):
                out.append(cli.mask_to_cidr(words[0], words[1]))
        return sorted(out, key=address_key)
    return None


def _wildcard_to_mask(wildcard):
    try:
        return str(ipaddress.IPv4Address(int(ipaddress.IPv4Address(wildcard)) ^ 0xFFFFFFFF))
    except ValueError:
        return wildcard


def _voice_carriers(state, vid):
    """Switch ports that carry VLAN ``vid``: its voice or access VLAN, or a trunk that
    allows it (a trunk without an allowed list carries every VLAN)."""
    out = set()
    for (ctx, key), line in state["keys"].items():
        if not ctx or not line:
            continue
        name = ctx[0][len("interface "):]
        if line in ("switchport voice vlan %d" % vid, "switchport access vlan %d" % vid):
            out.add(name)
        elif line == "switchport mode trunk":
            allowed = _trunk_set(state["keys"].get((ctx, TRUNK_KEY)))
            if allowed is None or vid in allowed:
                out.add(name)
    return sorted(out, key=_iface_sort)


def _voice_plan(state):
    """The switch ports and sub-interfaces read back in the voice_vlan intent's terms."""
    keys = state["keys"]
    ports = {}
    for (ctx, key), line in keys.items():
        if ctx and ctx[0].startswith("interface ") and line:
            ports.setdefault(ctx[0][len("interface "):], {})[key] = line
    phones = sorted((n for n, k in ports.items() if "switchport voice vlan" in k), key=_iface_sort)
    voice_ids = sorted(set(ports[n]["switchport voice vlan"].split()[-1] for n in phones))
    data_ids = sorted(set((ports[n].get("switchport access vlan") or "x 1").split()[-1]
                          for n in phones))

    def vlan(ids):
        if len(ids) == 1 and ids[0].isdigit():
            return {"id": int(ids[0]), "name": state["vlans"].get(int(ids[0]))}
        return None

    voice = vlan(voice_ids)
    uplinks = []
    for name, k in sorted(ports.items(), key=lambda kv: _iface_sort(kv[0])):
        if k.get("switchport mode") == "switchport mode trunk" and voice:
            allowed = _trunk_set(k.get(TRUNK_KEY))
            if allowed is None or voice["id"] in allowed:
                uplinks.append(name)
    if state["flavour"] == "xe" or not keys.get(((), "mls qos")):
        trust = True  # IOS-XE trusts by default; with 'mls qos' off DSCP passes unchanged
    else:
        trust = bool(phones) and all(ports[n].get("mls qos trust") == "mls qos trust dscp"
                                     for n in phones)
    subifs = []
    for name in sorted(state["subifs"], key=_iface_sort):
        ctx = _iface_ctx(name)
        enc = keys.get((ctx, "encapsulation dot1q"))
        addr = keys.get((ctx, "ip address"))
        if enc:
            subifs.append({"parent": name.split(".")[0], "vlan": int(enc.split()[2]),
                           "address": _prefix_form(addr) if addr else None})
    return {"voice_vlan": voice, "data_vlan": vlan(data_ids), "phone_ports": phones,
            "uplink_ports": uplinks, "trust_dscp": trust, "subinterfaces": subifs,
            "vlans": dict(sorted(state["vlans"].items()))}


def _qos_plan(state):
    """The owned policy-map read back as qos intent classes (name, dscp, matches)."""
    classes = []
    for cname, actions in state["pmaps"].get(QOS_POLICY, ()):
        dscp = [a.split()[-1] for a in actions if a.startswith("set dscp ")]
        label = cname[len(QOS_PREFIX) + 1:]
        matches = {}
        for match in state["cmaps"].get(cname, ("", ()))[1]:
            acl = match.split()[-1] if match.startswith("match access-group name ") else None
            for _seq, entry in state["acls"].get(acl, ()):
                words = entry.split()
                if len(words) < 4 or words[0] != "permit" or words[1] not in ("tcp", "udp"):
                    continue
                tail = words[2:]
                ports = None
                if len(tail) >= 2 and tail[-2] == "eq" and tail[-1].isdigit():
                    ports, tail = (int(tail[-1]), int(tail[-1])), tail[:-2]
                elif len(tail) >= 3 and tail[-3] == "range" and tail[-1].isdigit() and tail[-2].isdigit():
                    ports, tail = (int(tail[-2]), int(tail[-1])), tail[:-3]
                operands = cli.ace_operands(tail)
                if not ports or not operands:
                    continue
                dest = _operand_addresses(operands[1], state["groups"])
                entry_key = (words[1], ports[0], ports[1])
                matches.setdefault(entry_key, [])
                if dest and dest != ["any"]:
                    matches[entry_key].extend(dest)
        value = DSCP_NAMES.get(dscp[0]) if dscp and dscp[0] in DSCP_NAMES else (
            int(dscp[0]) if dscp and dscp[0].isdigit() else None)
        classes.append({"name": label, "dscp": value, "matches": [
            {"proto": proto, "port_min": low, "port_max": high,
             "addresses": sorted(set(addrs), key=address_key)}
            for (proto, low, high), addrs in sorted(matches.items())]})
    interfaces = sorted((ctx[0][len("interface "):] for (ctx, key), line in state["keys"].items()
                         if key.startswith("service-policy") and line
                         and line.split()[2] == QOS_POLICY), key=_iface_sort)
    return {"trust": True, "classes": classes, "interfaces": interfaces}
