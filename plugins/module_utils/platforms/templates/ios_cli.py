# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the IOS and ASA drivers share: Cisco CLI text as a tree, port-name normalisation,
interface names, the allowlist flow plan, the command emitter, the simulator of a config
session, and :class:`CiscoDriver`, the driver interface both implement over their own
reader, diff and session.

Cisco running configurations are indented trees (``interface X`` / `` switchport ...``;
``policy-map P`` / `` class C`` / ``  inspect sip``). Both drivers read them into
:class:`Node` trees, compare what they own, and emit commands as (phase, context, line)
operations that :func:`emit` turns into indented CLI text. :func:`apply_commands` replays
such text on a tree the way the device would, which gives check-mode diffs and the
device-free idempotency tests.

Read-back normalisation: IOS and ASA print well-known ports by name (``eq sip``,
``eq www``, ``range sip 5061``); :func:`normalize_ports` turns them back into numbers so
that the drivers compare meaning, not text.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.netutil import PORT_NAMES
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    PlatformDriver, read_once)

PORT_OPERATORS = ("eq", "neq", "lt", "gt")

#: The owned-name prefix when the intent names none (allowlist.name's default).
DEFAULT_PREFIX = "VOIPREADY"

#: Longest object / ACL name used (ASA allows 64 characters, IOS more).
NAME_MAX = 64

#: Direction of a provider rule -> which way the voice networks open the flow.
OUTBOUND = ("outbound", "both")
INBOUND = ("inbound", "both")


# -- names ----------------------------------------------------------------------------------
def object_name(*parts):
    """``PREFIX-PART-...`` within NAME_MAX characters (a long name keeps a hash suffix)."""
    return plan.bounded_name("-".join(p for p in parts if p), NAME_MAX, 8)


def acl_role(name, prefixes):
    """(prefix, role, generation) of an allowlist ACL name (``P-INSIDE-3``), else None."""
    match = re.match(r"^(.+)-(INSIDE|OUTSIDE)-(\d+)$", name)
    if match and match.group(1) in prefixes:
        return match.group(1), match.group(2), int(match.group(3))
    return None


def owned_acls(acls, prefix):
    """The allowlist ACL names of ``prefix`` among ``acls``, by role, then generation."""
    return sorted((a for a in acls if acl_role(a, set([prefix]))),
                  key=lambda a: acl_role(a, set([prefix]))[1:])


def owned_name(name, prefixes):
    """True for an object named ``PREFIX-...`` by one of the owned ``prefixes``."""
    return any(name.startswith(p + "-") for p in prefixes)


def service_label(service):
    """A provider service name as an upper-case name part (``sip-tls`` -> ``SIP-TLS``)."""
    return re.sub(r"[^A-Z0-9]+", "-", str(service).upper()).strip("-") or "SERVICE"


# -- ports ----------------------------------------------------------------------------------
def port_number(token):
    """A port as int from a number or a Cisco keyword; None when it is neither."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    return PORT_NAMES.get(token)


def normalize_ports(tokens):
    """Tokens with the port after eq/neq/lt/gt and both ports after range as numbers.

    Only ports are touched: an operand that is no port (an IP after ``range`` in a
    network group) stays as it is.
    """
    out = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        out.append(token)
        if token in PORT_OPERATORS and index + 1 < len(tokens):
            number = port_number(tokens[index + 1])
            if number is not None:
                out.append(str(number))
                index += 2
                continue
        if token == "range" and index + 2 < len(tokens):
            low, high = port_number(tokens[index + 1]), port_number(tokens[index + 2])
            if low is not None and high is not None:
                out.extend((str(low), str(high)))
                index += 3
                continue
        index += 1
    return out


def port_spec(low, high):
    """``eq 5060`` or ``range 6000 65535``."""
    if low == high:
        return "eq %d" % low
    return "range %d %d" % (low, high)


def merge_ports(ports):
    """(proto, low, high) tuples with overlapping or touching ranges of a protocol joined."""
    by_proto = {}
    for proto, low, high in ports:
        by_proto.setdefault(proto, []).append((low, high))
    merged = []
    for proto in sorted(by_proto):
        spans = []
        for low, high in sorted(by_proto[proto]):
            if spans and low <= spans[-1][1] + 1:
                spans[-1][1] = max(spans[-1][1], high)
            else:
                spans.append([low, high])
        merged.extend((proto, low, high) for low, high in spans)
    return tuple(merged)


# -- addresses ------------------------------------------------------------------------------
def is_ipv6(text):
    return ":" in text


def mask_form(cidr, keyword="host"):
    """``host 1.2.3.4`` for a /32, else ``1.2.3.0 255.255.255.0`` (IPv6: ``2001:db8::/32``)."""
    net = ipaddress.ip_network(cidr)
    if net.prefixlen == net.max_prefixlen:
        return "%s %s" % (keyword, net.network_address)
    if net.version == 6:
        return str(net)
    return "%s %s" % (net.network_address, net.netmask)


def wildcard_form(cidr):
    """ACE operand: ``host 1.2.3.4`` or ``1.2.3.0 0.0.0.255`` (IOS wildcard masks).

    ipaddress's hostmask, not netutils' netmask_to_wildcardmask: that refuses the /0 mask
    (``0.0.0.0 255.255.255.255``, a valid ACE operand), as wildcardmask_to_netmask does."""
    net = ipaddress.ip_network(cidr)
    if net.prefixlen == net.max_prefixlen:
        return "host %s" % net.network_address
    return "%s %s" % (net.network_address, net.hostmask)


def interface_address(text):
    """``192.0.2.1/24`` -> ``192.0.2.1 255.255.255.0``."""
    iface = ipaddress.ip_interface(text)
    return "%s %s" % (iface.ip, iface.network.netmask)


# -- VLAN lists -----------------------------------------------------------------------------
def parse_vlan_list(text):
    """``1-3,10`` -> {1, 2, 3, 10}; ``none`` -> empty set; ``all`` -> None (every VLAN).

    Raises ValueError for text that is no VLAN list. Not netutils' vlanconfig_to_list:
    reading device text it takes ``5-``, ``0``, ``3-1`` and ``10-20-30`` as lists."""
    text = text.strip().lower()
    if text == "all":
        return None
    if text in ("", "none"):
        return set()
    vlans = set()
    for part in text.split(","):
        match = re.match(r"^(\d{1,4})(?:-(\d{1,4}))?$", part)
        if not match:
            raise ValueError("not a VLAN list: %r" % text)
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if not 1 <= low <= high <= 4094:
            raise ValueError("not a VLAN list: %r" % text)
        vlans.update(range(low, high + 1))
    return vlans


def format_vlan_list(vlans):
    """{1, 2, 3, 10} -> ``1-3,10`` (the form IOS prints; two neighbours as ``1-2``)."""
    from netutils.vlan import vlanlist_to_config
    if vlans is None:
        return "all"
    if not vlans:
        return "none"
    # netutils wraps long lists into lines of a trunk command; the driver wants one list
    return ",".join(vlanlist_to_config(sorted(vlans), min_grouping_size=2))


# -- interface names and the device's refusals ---------------------------------------------
#: The interface types IOS prints (and ASA for its ports), as it spells them.
IOS_INTERFACE_TYPES = (
    "Ethernet", "FastEthernet", "GigabitEthernet", "TwoGigabitEthernet", "FiveGigabitEthernet",
    "TenGigabitEthernet", "TwentyFiveGigE", "FortyGigabitEthernet", "HundredGigE",
    "Port-channel", "Vlan")
#: Where netutils' table, read in any case, names another type: ``Hu`` ->
#: HundredGigabitEthernet, ``Fi`` -> FiftyGigabitEthernet, ``PO`` -> POS.
IOS_ABBREVIATIONS = {"hundredgigabitethernet": "HundredGigE", "fi": "FiveGigabitEthernet",
                     "po": "Port-channel"}


def _ios_type(word):
    """The IOS type an interface word abbreviates (any case), from netutils' table."""
    from netutils.interface import BASE_INTERFACES
    word = word.lower()
    full = IOS_ABBREVIATIONS.get(word)
    if full is None:
        names = dict((short.lower(), name) for short, name in BASE_INTERFACES.items())
        full = IOS_ABBREVIATIONS.get(names.get(word, word).lower(), names.get(word, word))
    return next((t for t in IOS_INTERFACE_TYPES if t.lower() == full.lower()), None)


def canonical_interface(name):
    """``Gi1/0/1`` -> ``GigabitEthernet1/0/1`` (any case); full names stay as they are."""
    from netutils.interface import split_interface
    if not re.match(r"^[A-Za-z-]+\d", name):
        return name
    word, rest = split_interface(name)
    full = _ios_type(word)
    return full + rest if full else name


ERROR_RE = re.compile(r"^\s*(% ?(Invalid|Incomplete|Ambiguous|Unknown|Unrecognized|Error|"
                      r"Bad mask|Cannot|Duplicate|Removal of)|Command rejected|ERROR:)",
                      re.M | re.I)


def check_output(output, count):
    """Raise when the device refused a command (its own words in the message)."""
    match = ERROR_RE.search(output or "")
    if match:
        start = max(0, (output or "").rfind("\n", 0, max(0, match.start() - 1)) - 200)
        snippet = (output or "")[start:match.end() + 200].strip()
        raise VoipReadyError("the device rejected a command: %s" % snippet,
                             field="commands", value=count)


# -- the configuration tree -----------------------------------------------------------------
#: Lines that carry no configuration: IOS banners of ``show running-config``, ASA's
#: ``: Saved`` header, separators, ``end``.
_NOISE = re.compile(r"^(Building configuration|Current configuration|: |:$|end$|"
                    r"Cryptochecksum|!|#|\S+#\s*show |show running)")


class Node(object):
    """One configuration line and the lines indented below it."""

    __slots__ = ("text", "children")

    def __init__(self, text=""):
        self.text = text
        self.children = []

    def child(self, text):
        for node in self.children:
            if node.text == text:
                return node
        return None

    def startswith(self, prefix):
        """Children whose text starts with ``prefix`` (token-wise)."""
        return [n for n in self.children if token_prefix(prefix, n.text)]

    def add(self, text, index=None):
        node = Node(text)
        if index is None:
            self.children.append(node)
        else:
            self.children.insert(index, node)
        return node

    def copy(self):
        node = Node(self.text)
        node.children = [c.copy() for c in self.children]
        return node


def squash(text):
    """A line with runs of whitespace collapsed (``20 deny   udp`` -> ``20 deny udp``)."""
    return " ".join(text.split())


def token_prefix(prefix, text):
    """True when ``prefix``'s tokens start ``text``'s tokens."""
    head, words = prefix.split(), text.split()
    return words[:len(head)] == head


def parse_tree(text):
    """Running-configuration text -> root :class:`Node` (indentation gives the nesting)."""
    root = Node()
    stack = [(-1, root)]
    for raw in (text or "").splitlines():
        line = raw.rstrip()
        if not line.strip() or _NOISE.match(line.strip()):
            continue
        indent = len(line) - len(line.lstrip(" "))
        while stack[-1][0] >= indent:
            stack.pop()
        node = stack[-1][1].add(squash(line))
        stack.append((indent, node))
    return root


def dump_tree(root):
    """The tree as configuration text, one space of indent per level."""
    out = []

    def walk(node, depth):
        for child in node.children:
            out.append(" " * depth + child.text)
            walk(child, depth + 1)

    walk(root, 0)
    return "\n".join(out) + ("\n" if out else "")


# -- commands -------------------------------------------------------------------------------
def emit(ops):
    """(phase, context, line) operations -> indented CLI lines.

    Operations run in phase order (stable within a phase); consecutive operations in one
    context share its header lines. A context is a tuple of section headers, e.g.
    ``("policy-map P", "class C")``.
    """
    ordered = sorted(enumerate(ops), key=lambda item: (item[1][0], item[0]))
    lines = []
    current = ()
    for _index, (_phase, context, line) in ordered:
        context = tuple(context)
        if context != current:
            common = 0
            while (common < min(len(context), len(current))
                   and context[common] == current[common]):
                common += 1
            for depth in range(common, len(context)):
                lines.append(" " * depth + context[depth])
            current = context
        lines.append(" " * len(context) + line)
    return lines


class Session(object):
    """Replays configuration commands on a tree the way a Cisco CLI session would.

    Platform specifics come from the subclass: which lines replace each other
    (:meth:`key`), which values are defaults a device does not print
    (:meth:`is_default`), and special commands (:meth:`special`).
    """

    def __init__(self, root):
        self.root = root

    # hooks ------------------------------------------------------------------------------
    def key(self, path, text):
        """A key for lines of which a section holds one at a time, else None."""
        return None

    def is_default(self, path, text):
        """True when setting ``text`` restores a default the device does not print."""
        return False

    def special(self, path, parent, text):
        """Handle a command completely (return True) or leave it to the generic rules."""
        return False

    def insert_index(self, path, parent, text):
        """Where a new child goes (None: at the end)."""
        return None

    # replay -----------------------------------------------------------------------------
    def apply(self, lines):
        contexts = [self.root]
        paths = [()]
        for raw in lines:
            if not raw.strip():
                continue
            depth = len(raw) - len(raw.lstrip(" "))
            depth = min(depth, len(contexts) - 1)
            del contexts[depth + 1:]
            del paths[depth + 1:]
            parent, path = contexts[depth], paths[depth]
            text = squash(raw)
            node = self.command(path, parent, text)
            if node is not None:
                contexts.append(node)
                paths.append(path + (node.text,))
            else:
                # A leaf command: deeper lines that follow have no section to go into.
                contexts.append(Node())
                paths.append(path + (text,))
        return self.root

    def command(self, path, parent, text):
        handled = self.special(path, parent, text)
        if handled is not False:
            return handled if isinstance(handled, Node) else None
        if text.startswith("no "):
            target = text[3:]
            parent.children = [n for n in parent.children if not token_prefix(target, n.text)]
            return None
        key = self.key(path, text)
        if key is not None:
            parent.children = [n for n in parent.children
                               if n.text == text or self.key(path, n.text) != key]
        if self.is_default(path, text):
            parent.children = [n for n in parent.children if n.text != text]
            return None
        existing = parent.child(text)
        if existing is not None:
            return existing
        return parent.add(text, self.insert_index(path, parent, text))


# -- the allowlist flow plan ----------------------------------------------------------------
def plan_flows(allowlist, fqdn_objects, ipv6=True, wildcard_why="they cannot be matched by an ACL",
               names_beside_addresses=plan.NAME_MODES):
    """Group the allowlist's rules into flows the ACLs permit, plus notes on what cannot be.

    A flow is one direction, one exact destination set and the ports opened to it::

        {"direction": "both", "dests": (("net", "3.224.189.218"), ("fqdn", "x.example")),
         "ports": (("tcp", 5060, 5060), ("udp", 5060, 5060)), "services": ("sip",)}

    Rules merge only when they share service, direction and exact destination set, and
    flows of several services merge only when direction, destinations and ports are
    identical: every flow permits exactly the union of what its rules permit, never more.
    ``fqdn_objects`` says whether DNS names may be destinations (ASA FQDN objects: beside
    a rule's addresses with the fqdn_modes ``names_beside_addresses``, plan.choose_rules);
    wildcard names never can. The site's DNS and NTP servers (``essentials``) join as outbound
    flows of the services ``dns`` and ``ntp``.
    """
    notes = []
    mode = allowlist.get("fqdn_mode", "auto")
    rules = list(allowlist.get("rules") or [])
    essentials = allowlist.get("essentials") or {}
    for service, proto, port in plan.ESSENTIALS:
        servers = essentials.get(service) or []
        if servers:
            rules.append({"id": "essentials-%s-%s-%d" % (service, proto, port), "service": service,
                          "proto": proto, "port_min": port, "port_max": port,
                          "addresses": list(servers), "fqdns": [], "direction": "outbound"})
    grouped = {}
    for choice in plan.choose_rules({"fqdn_mode": mode, "rules": rules}, names=fqdn_objects,
                                    names_beside_addresses=names_beside_addresses):
        rule = choice.rule
        dropped_v6 = [a for a in choice.addresses if is_ipv6(a) and not ipv6]
        dests = set(("net", a) for a in choice.addresses if a not in dropped_v6)
        dests.update(("fqdn", name) for name in choice.names)
        names, wildcards = choice.left_names, choice.left_wildcards
        if not dests:
            why = []
            if wildcards:
                why.append("wildcard domains (%s) cannot be enforced: %s"
                           % (", ".join(wildcards), wildcard_why))
            if names:
                why.append("DNS names (%s) are not usable here (fqdn_mode=%s)"
                           % (", ".join(names), mode))
            if dropped_v6:
                why.append("IPv6 destinations (%s) are not supported here" % ", ".join(dropped_v6))
            if not why:
                why.append("the provider names no destination")
            notes.append("%s not pushed: %s" % (rule["id"], "; ".join(why)))
            continue
        partial = []
        if wildcards:
            partial.append("wildcards %s" % ", ".join(wildcards))
        if names:
            partial.append("DNS names %s" % ", ".join(names))
        if dropped_v6:
            partial.append("IPv6 %s" % ", ".join(dropped_v6))
        if partial:
            notes.append("%s pushed for its other destinations only; not matched: %s"
                         % (rule["id"], "; ".join(partial)))
        key = (rule["service"], rule["direction"], tuple(sorted(dests)))
        grouped.setdefault(key, set()).add((rule["proto"], int(rule["port_min"]),
                                            int(rule["port_max"])))
    merged = {}
    for (service, direction, dests), ports in sorted(grouped.items()):
        merged.setdefault((direction, dests, merge_ports(ports)), []).append(service)
    flows = [{"direction": direction, "dests": dests, "ports": ports, "services": tuple(services)}
             for (direction, dests, ports), services in merged.items()]
    flows.sort(key=lambda f: (f["services"][0], f["direction"], f["dests"], f["ports"]))
    return flows, notes


def name_flows(prefix, flows):
    """Give every flow its object names: ``net`` (shared by flows with the same
    destinations), ``ports`` and ``reply``, all ``PREFIX-<SERVICE>[-n]-...``."""
    used = set()
    nets = {}

    def unique(base, suffix):
        index = 1
        while True:
            name = object_name(prefix, base if index == 1 else "%s-%d" % (base, index), suffix)
            if name not in used:
                used.add(name)
                return name
            index += 1

    for flow in flows:
        label = service_label(flow["services"][0])
        if flow["dests"] not in nets:
            nets[flow["dests"]] = unique(label, "NET")
        flow["net"] = nets[flow["dests"]]
        flow["ports_name"] = unique(label, "PORTS")
        flow["reply_name"] = flow["ports_name"][:-len("PORTS")] + "REPLY"
    return flows


def fqdn_object_name(prefix, fqdn):
    return object_name(prefix, "FQDN", fqdn.lower())


# -- reading ACLs back into flows ----------------------------------------------------------
def ace_operands(words):
    """Split ``<src> <dst>`` operand words: each is ``any``/``any4``/``any6``,
    ``host A``, ``object-group N``, ``object N`` or ``A M``; returns (src, dst) as word
    tuples, or None when the words are something else."""
    operands = []
    index = 0
    while index < len(words) and len(operands) < 2:
        word = words[index]
        if word in ("any", "any4", "any6"):
            operands.append(("any",))
            index += 1
        elif word in ("host", "object-group", "object") and index + 1 < len(words):
            operands.append((word, words[index + 1]))
            index += 2
        elif index + 1 < len(words):
            operands.append(("net", word, words[index + 1]))
            index += 2
        else:
            return None
    if len(operands) != 2 or index != len(words):
        return None
    return tuple(operands)


def mask_to_cidr(address, mask):
    """``192.0.2.0 255.255.255.0`` -> ``192.0.2.0/24``; None when it is no address/mask."""
    try:
        net = ipaddress.ip_network("%s/%s" % (address, mask), strict=False)
    except ValueError:
        return None
    if net.prefixlen == net.max_prefixlen:
        return str(net.network_address)
    return str(net)


def join_flows(flows):
    """Merge flow dicts that differ only in direction into ``both`` and sort them."""
    by_key = {}
    for flow in flows:
        key = (flow["proto"], flow["port_min"], flow["port_max"], tuple(flow["addresses"]),
               tuple(flow["fqdns"]))
        by_key.setdefault(key, set()).add(flow["direction"])
    out = []
    for (proto, low, high, addresses, fqdns), directions in sorted(by_key.items()):
        direction = "both" if directions == set(["outbound", "inbound"]) else directions.pop()
        out.append({"direction": direction, "proto": proto, "port_min": low, "port_max": high,
                    "addresses": list(addresses), "fqdns": list(fqdns)})
    return out


# -- ordered lists --------------------------------------------------------------------------
def lcs_keep(current, target):
    """Indexes of ``current`` that stay when editing it into ``target`` with the fewest
    removals and insertions (longest common subsequence)."""
    n, m = len(current), len(target)
    table = [[0] * (m + 1) for _index in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if current[i] == target[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    keep = set()
    i = j = 0
    while i < n and j < m:
        if current[i] == target[j]:
            keep.add(i)
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return keep


def check_no_conflict(kind, where, found, owned):
    """Refuse to take over a binding the collection does not own."""
    if found and not owned(found):
        raise VoipReadyError(
            "%s %s already uses %r, which voipready does not own; it never replaces a "
            "binding it did not make. Remove that binding, or leave %s out of the intent "
            "(the objects are still created for you to reference)" % (kind, where, found, where),
            field="interfaces", value=where)


def diff_object_groups(current, desired, ops, sort_members, add_phase, del_phase):
    """Object-group changes as (phase, context, command) ops, IOS and ASA alike.

    Members are added before the ACL swap and removed after it (the phases), so a
    bound ACL never points at a group missing a member it still needs; a group whose
    kind changes (network <-> service) is removed first, as the CLI cannot retype it.
    ``sort_members`` is the platform's member order (IOS and ASA word them differently).
    """
    for name in sorted(desired):
        kind, members = desired[name]
        header = ("object-group %s %s" % (kind, name),)
        old = current.get(name)
        if old is not None and old[0] != kind:
            ops.append((add_phase - 1, (), "no object-group %s %s" % (old[0], name)))
            old = None
        have = old[1] if old else frozenset()
        for member in sort_members(members - have):
            ops.append((add_phase, header, member))
        for member in sort_members(have - members):
            ops.append((del_phase, header, "no " + member))
    for name in sorted(set(current) - set(desired)):
        ops.append((del_phase, (), "no object-group %s %s" % (current[name][0], name)))


# -- the driver IOS and ASA share ---------------------------------------------------------------
class CiscoDriver(PlatformDriver):
    """The interface of a Cisco CLI driver over its platform's reader and session.

    A subclass reads the owned state out of a parsed tree (``extract``), finds the owned
    name prefixes in a text (``discover_prefixes``), builds the wanted state per feature
    (``_build``), diffs two states into phased operations (``diff``), writes the owned
    configuration of a state (``_text``) and replays commands on a tree (``session``)."""

    #: the platform's config-session replay (a Session subclass)
    session = None
    comment = "!"
    privileged_exec = True

    def __init__(self):
        self._prefixes = set([DEFAULT_PREFIX])

    @staticmethod
    def extract(root, prefixes):
        """must implement: the owned state of a parsed tree."""
        raise NotImplementedError

    @staticmethod
    def discover_prefixes(*texts):
        """must implement: the owned name prefixes that ``texts`` use."""
        raise NotImplementedError

    @staticmethod
    def empty_state():
        """must implement: the state of a device that holds nothing of ours."""
        raise NotImplementedError

    def _state(self, running, intent=None):
        prefixes = set([DEFAULT_PREFIX]) | self.discover_prefixes(running) | self._prefixes
        if intent and "allowlist" in intent:
            prefixes.add(intent["allowlist"]["name"])
        return self.extract(read_once(parse_tree, running), prefixes)

    def _tree(self, running):
        """The tree a simulated session starts from (its own copy: the session edits it)."""
        return read_once(parse_tree, running).copy()

    def _offline_text(self, intent):
        """What render() adds after the owned configuration (nothing to read offline)."""
        return ""

    @staticmethod
    def _same_acl(current, wanted):
        """Whether an existing ACL generation already holds ``wanted``."""
        return current == wanted

    def _generation(self, cur, prefix, role, entries):
        """The ACL name for ``entries``: the active generation when its content is the same,
        else the next generation number (an ACL bound to an interface is never edited)."""
        gens = {}
        for name in cur["acls"]:
            owner = acl_role(name, set([prefix]))
            if owner and owner[1] == role:
                gens[owner[2]] = name
        for gen in sorted(gens, reverse=True):
            if self._same_acl(cur["acls"][gens[gen]], entries):
                return gens[gen]
        return object_name(prefix, role, str(max(gens) + 1 if gens else 1))

    def _flows_of(self, cfg, prefix, notes, ipv6):
        """The allowlist's named flows (plan_flows over the declared FQDN capabilities); its
        notes join ``notes``, with the warning that enforce drops what was not pushed."""
        flows, plan_notes = plan_flows(cfg, fqdn_objects=self.fqdn_objects, ipv6=ipv6,
                                       wildcard_why=self.wildcard_why,
                                       names_beside_addresses=self.names_beside_addresses)
        notes.extend(plan_notes)
        skipped = [n for n in plan_notes if " not pushed: " in n and "names no destination" not in n]
        if cfg["enforce"] and skipped:
            notes.append("enforce is true: the voice networks' traffic of the %d rule(s) not "
                         "pushed above is dropped; use fqdn_mode=resolve (addresses resolved on "
                         "the controller) or enforce=false if those services are needed"
                         % len(skipped))
        return name_flows(prefix, flows)

    def remediate(self, running, intent, state="merged"):
        cur = self._state(running, intent)
        des = self._build(cur, intent, state, [])
        return emit(self.diff(cur, des))

    def render(self, intent):
        cur = self.empty_state()
        cur["offline"] = True
        notes = []
        des = self._build(cur, intent, "merged", notes)
        lines = ["! voipready.network intended configuration (platform %s)" % self.platform]
        lines.extend("! NOTE: " + note for note in notes)
        return "\n".join(lines) + "\n" + self._text(des, intent) + self._offline_text(intent)

    def view(self, running, intent):
        return self._text(self._state(running, intent), intent)

    def rollback(self, before_running, after_running):
        """Commands that put every managed line of ``after`` back as it was in ``before``."""
        prefixes = set([DEFAULT_PREFIX]) | self._prefixes | self.discover_prefixes(
            before_running, after_running)
        before = self.extract(read_once(parse_tree, before_running), prefixes)
        after = self.extract(read_once(parse_tree, after_running), prefixes)
        return emit(self.diff(after, before))

    def simulate(self, running, commands):
        root = self._tree(running)
        self.session(root).apply(commands)
        return dump_tree(root)
