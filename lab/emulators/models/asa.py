"""EMULATOR, not a device: the configuration model behind the emulated Cisco ASA (vr-asa1).

Built on hier_config: every top-level block of the running configuration is an HConfig
tree, and a sub-command changes its block through hier_config's ``future()`` with a
small ASA driver of our own rules (which sub-commands replace each other, e.g. a new
``nameif`` replaces ``no nameif``). What is ASA and not plain IOS is written here:
ACL entries are ordered top-level lines with ``line N`` insertion, timers print
grouped on fixed lines, a port number prints as its ASA name, references
(object-groups, objects, nameifs, class-maps, ACLs) must exist, an object-group in use
cannot be removed, and a block goes where the ASA prints its family.

Where the behaviour comes from (per command family, with links: lab/README.md,
"Emulated devices"): the Cisco ASA Series Command Reference and Firewall CLI
Configuration Guide 9.x, and public captures kept in lab/emulators/captures/asa/
(SOURCE.md there). Error texts seen in captures are marked "captured"; the others are
our reading of the ASA parser, marked "analog".

State changes only through this model; the collection's own drivers are never used.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re

from hier_config import get_hconfig
from hier_config.models import IdempotentCommandsRule, MatchRule
from hier_config.platforms.driver_base import HConfigDriverBase, HConfigDriverRules

# -- error texts ------------------------------------------------------------------------
INVALID = "ERROR: % Invalid input detected at '^' marker."                 # captured
INCOMPLETE = "ERROR: % Incomplete command"                                  # captured
GROUP_NOT_FOUND = "ERROR: specified object group <%s> not found"            # captured
GROUP_IN_USE = "Removing object-group (%s) not allowed, it is being used."  # captured
ACL_NOT_FOUND = "ERROR: access-list <%s> does not exist"                    # captured
OBJECT_NOT_FOUND = "ERROR: specified object <%s> not found"                 # analog
OBJECT_IN_USE = "Removing object (%s) not allowed, it is being used."       # analog
CLASS_NOT_FOUND = "ERROR: class-map %s does not exist"                      # analog
ACL_EMPTY = "ERROR: access-list <%s> is empty or holds only remarks"        # analog


class AsaError(Exception):
    """A line the ASA refuses. ``pos`` is the column of the offending word in the line
    (the caret goes under it, after the prompt), or None: a message without a caret."""

    def __init__(self, message, pos=None):
        super().__init__(message)
        self.message = message
        self.pos = pos


def _key(parent, pattern):
    """hier_config idempotency: lines under ``parent`` matching ``pattern`` (with or
    without ``no``) are one setting; a lookahead keeps the key equal for all values."""
    return IdempotentCommandsRule(match_rules=(MatchRule(startswith=parent),
                                               MatchRule(re_search=pattern)))


class AsaDriver(HConfigDriverBase):
    """The ASA's one-value sub-commands (Command Reference: interface, object network)."""

    @staticmethod
    def _instantiate_rules():
        rules = [_key("interface ", r"^(?=(?:no )?%s( |$))" % k) for k in (
            "nameif", "security-level", "ip address", "vlan", "description", "mtu",
            "management-only", "shutdown")]
        rules.append(_key("object network ", r"^(?=(?:host|subnet|range|fqdn) )"))
        rules.append(_key("object ", r"^(?=description )"))
        rules.append(_key("object-group ", r"^(?=description )"))
        return HConfigDriverRules(idempotent_commands=rules, indentation=1)


DRIVER = AsaDriver()

# -- timers (Firewall CLI Configuration Guide 9.x, "Configure Global Timeouts") -----------
MAXT = 1193 * 3600
#: key -> (default seconds, minimum, maximum, 0 allowed)
TIMERS = {
    "xlate": (10800, 60, MAXT, False), "pat-xlate": (30, 30, 300, False),
    "conn": (3600, 300, MAXT, True), "half-closed": (600, 30, MAXT, True),
    "udp": (120, 60, MAXT, True), "sctp": (120, 60, MAXT, True), "icmp": (2, 2, MAXT, False),
    "sunrpc": (600, 60, MAXT, True), "h323": (300, 0, MAXT, True),
    "h225": (3600, 0, MAXT, True), "mgcp": (300, 0, MAXT, True),
    "mgcp-pat": (300, 0, MAXT, True), "sip": (1800, 300, MAXT, True),
    "sip_media": (120, 60, MAXT, True), "sip-invite": (180, 60, 1800, False),
    "sip-disconnect": (120, 1, 600, False), "sip-provisional-media": (120, 60, 1800, False),
    "uauth": (300, 0, MAXT, True), "tcp-proxy-reassembly": (60, 10, MAXT, False),
    "floating-conn": (0, 0, MAXT, True), "conn-holddown": (15, 0, 15, True),
    "igp stale-route": (70, 0, MAXT, True),
}
#: how ``show running-config`` groups the timers (ASA 9.x layout, captured)
TIMER_LINES = (("xlate",), ("pat-xlate",), ("conn", "half-closed", "udp", "sctp", "icmp"),
               ("sunrpc", "h323", "h225", "mgcp", "mgcp-pat"),
               ("sip", "sip_media", "sip-invite", "sip-disconnect"),
               ("sip-provisional-media", "uauth"), ("tcp-proxy-reassembly",),
               ("floating-conn",), ("conn-holddown",), ("igp stale-route",))

# -- ports: the ASA's literal names per protocol (Command Reference, "Ports") -------------
TCP_NAMES = {
    5190: "aol", 179: "bgp", 19: "chargen", 3020: "cifs", 1494: "citrix-ica", 514: "cmd",
    2748: "ctiqbe", 13: "daytime", 9: "discard", 53: "domain", 7: "echo", 512: "exec",
    79: "finger", 21: "ftp", 20: "ftp-data", 70: "gopher", 1720: "h323", 101: "hostname",
    80: "www", 443: "https", 113: "ident", 143: "imap4", 194: "irc", 750: "kerberos",
    543: "klogin", 544: "kshell", 389: "ldap", 636: "ldaps", 513: "login",
    1352: "lotusnotes", 515: "lpd", 42: "nameserver", 139: "netbios-ssn", 2049: "nfs",
    119: "nntp", 5631: "pcanywhere-data", 496: "pim-auto-rp", 109: "pop2", 110: "pop3",
    1723: "pptp", 554: "rtsp", 5060: "sip", 25: "smtp", 1521: "sqlnet", 22: "ssh",
    111: "sunrpc", 49: "tacacs", 517: "talk", 23: "telnet", 540: "uucp", 43: "whois"}
UDP_NAMES = {
    512: "biff", 68: "bootpc", 67: "bootps", 3020: "cifs", 195: "dnsix", 53: "domain",
    7: "echo", 500: "isakmp", 750: "kerberos", 434: "mobile-ip", 42: "nameserver",
    138: "netbios-dgm", 137: "netbios-ns", 2049: "nfs", 123: "ntp", 5632: "pcanywhere-status",
    496: "pim-auto-rp", 1645: "radius", 1646: "radius-acct", 520: "rip", 5510: "secureid-udp",
    5060: "sip", 161: "snmp", 162: "snmptrap", 111: "sunrpc", 514: "syslog", 49: "tacacs",
    517: "talk", 69: "tftp", 37: "time", 513: "who", 177: "xdmcp", 4789: "vxlan"}
PORT_NUMBERS = dict([(v, k) for k, v in UDP_NAMES.items()] + [(v, k) for k, v in TCP_NAMES.items()])
PORT_NUMBERS["http"] = 80
IP_PROTOCOLS = ("ip", "tcp", "udp", "icmp", "icmp6", "sctp", "esp", "ah", "gre", "igmp",
                "igrp", "ipinip", "ipsec", "nos", "ospf", "pcp", "pim", "pptp", "snp", "eigrp")
PORTED = ("tcp", "udp", "sctp", "tcp-udp")
ICMP_TYPES = ("echo", "echo-reply", "unreachable", "time-exceeded", "source-quench",
              "redirect", "parameter-problem", "traceroute", "information-request",
              "information-reply", "mask-request", "mask-reply", "timestamp-request",
              "timestamp-reply", "router-advertisement", "router-solicitation",
              "alternate-address", "conversion-error", "mobile-redirect")
INSPECT = ("ctiqbe", "dcerpc", "diameter", "dns", "esmtp", "ftp", "gtp", "h323", "http",
           "icmp", "ils", "im", "ip-options", "ipsec-pass-thru", "ipv6", "lisp", "m3ua",
           "mgcp", "mmp", "netbios", "pptp", "rsh", "rtsp", "scansafe", "sctp", "sip",
           "skinny", "snmp", "sqlnet", "stun", "sunrpc", "tftp", "waas", "xdmcp", "vxlan")
NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-+:@]{0,63}$")
IFACE_TYPES = ("GigabitEthernet", "TenGigabitEthernet", "Management", "Port-channel",
               "Ethernet", "Redundant")
#: the order of families in ``show running-config``: a new block goes after its family
FAMILY_ORDER = ("hostname", "domain-name", "enable", "names", "no-mac", "interface", "ftp",
                "dns", "same-security-traffic", "object", "object-group", "access-list",
                "pager", "logging", "mtu", "failover", "icmp", "asdm", "arp", "nat-object",
                "access-group", "route", "timeout", "user-identity", "aaa", "http",
                "snmp-server", "crypto", "telnet", "ssh", "console", "threat-detection",
                "dynamic-access-policy-record", "username", "class-map", "policy-map",
                "service-policy", "prompt", "call-home")
#: where the ASA prints an interface's sub-commands
IFACE_ORDER = ("description", "speed", "duplex", "shutdown", "management-only", "vlan",
               "mac-address", "nameif", "security-level", "ip address")


def hms(seconds):
    return "%d:%02d:%02d" % (seconds // 3600, seconds % 3600 // 60, seconds % 60)


def parse_hms(text):
    """``0:5:0`` / ``0:05:00`` -> seconds; ``0`` -> 0; anything else -> None."""
    if text == "0":
        return 0
    match = re.match(r"^(\d{1,4}):(\d{1,2}):(\d{1,2})$", text or "")
    if not match or int(match.group(2)) > 59 or int(match.group(3)) > 59:
        return None
    return int(match.group(1)) * 3600 + int(match.group(2)) * 60 + int(match.group(3))


class Words(object):
    """The words of one command with their columns, read left to right."""

    def __init__(self, line):
        self.items = [(m.group(0), m.start()) for m in re.finditer(r"\S+", line)]
        self.index = 0

    def peek(self, ahead=0):
        at = self.index + ahead
        return self.items[at][0] if at < len(self.items) else None

    def take(self):
        if self.index >= len(self.items):
            raise AsaError(INCOMPLETE)
        self.index += 1
        return self.items[self.index - 1][0]

    def col(self):
        if self.index < len(self.items):
            return self.items[self.index][1]
        word, col = self.items[-1]
        return col + len(word) + 1

    def bad(self):
        return AsaError(INVALID, self.col())

    def last(self):
        """An error under the word just read."""
        return AsaError(INVALID, self.items[self.index - 1][1])

    def expect(self, *choices):
        word = self.peek()
        if word is None:
            raise AsaError(INCOMPLETE)
        if word not in choices:
            raise self.bad()
        return self.take()

    def number(self, low, high):
        word = self.peek()
        if word is None:
            raise AsaError(INCOMPLETE)
        if not word.isdigit() or not low <= int(word) <= high:
            raise self.bad()
        return int(self.take())

    def name(self):
        word = self.peek()
        if word is None:
            raise AsaError(INCOMPLETE)
        if not NAME_RE.match(word):
            raise self.bad()
        return self.take()

    def ip(self, version=None):
        word = self.peek()
        if word is None:
            raise AsaError(INCOMPLETE)
        try:
            addr = ipaddress.ip_address(word)
        except ValueError:
            raise self.bad()
        if version and addr.version != version:
            raise self.bad()
        self.take()
        return addr

    def mask(self):
        word = self.peek()
        if word is None:
            raise AsaError(INCOMPLETE)
        try:
            net = ipaddress.ip_network("0.0.0.0/%s" % word)
        except ValueError:
            raise self.bad()
        self.take()
        return net.netmask

    def rest(self):
        words = [w for w, _c in self.items[self.index:]]
        self.index = len(self.items)
        return words

    def done(self):
        if self.peek() is not None:
            raise self.bad()


# -- blocks -----------------------------------------------------------------------------
SEPARATOR = None  # a ``!`` line of the printed configuration


class Block(object):
    """One top-level command and its sub-commands, as an HConfig tree."""

    def __init__(self, lines, nat=False):
        self.tree = get_hconfig(DRIVER, "\n".join(lines))
        self.nat = nat  # the second ``object network X`` (its NAT rule) is its own block

    @property
    def node(self):
        return self.tree.children[0]

    @property
    def text(self):
        return self.node.text

    def lines(self, indent=0):
        out = []

        def walk(node, depth):
            out.append(" " * depth + node.text)
            for child in node.children:
                walk(child, depth + 1)
        walk(self.node, indent)
        return out

    @property
    def family(self):
        words = self.text.split()
        if self.nat:
            return "nat-object"
        if words[:2] == ["no", "mac-address"]:
            return "no-mac"
        if words[0] == "no" and len(words) > 1:
            return words[1]
        return words[0]

    def rank(self):
        return FAMILY_ORDER.index(self.family) if self.family in FAMILY_ORDER else len(FAMILY_ORDER)

    def find(self, path):
        """The HConfigChild at ``path`` (texts below the block's own line) or None."""
        node = self.node
        for text in path:
            node = node.get_child(equals=text)
            if node is None:
                return None
        return node

    def merge(self, path, line):
        """One sub-command at ``path`` below this block, through hier_config's future().
        The ASA keeps its print order: an untouched line stays, a replacing line takes
        the replaced one's place, a new line goes last."""
        node = self.find(path)
        before = [c.text for c in node.children]
        lineage = [self.text] + list(path)
        change = get_hconfig(DRIVER, "\n".join(
            [" " * i + t for i, t in enumerate(lineage)] + [" " * len(lineage) + line]))
        future = self.tree.future(change)
        target = future.children[0]
        for text in path:
            target = target.get_child(equals=text)
        after = [c.text for c in target.children]
        new = [t for t in after if t not in before]
        order = []
        for text in before:
            if text in after:
                order.append(text)
            elif new and _same_key(text, new[0]):
                order.append(new.pop(0))
        order.extend(new)
        kept = dict((c.text, c) for c in node.children)
        node.children.clear()
        for text in order:
            if text in kept:
                node.children.append(kept[text])
            else:
                node.add_child(text)


def _positive(text):
    return text[3:] if text.startswith("no ") else text


def _same_key(old, new):
    return _positive(old).split()[:1] == _positive(new).split()[:1]


class AsaConfig(object):
    """The running configuration of the emulated ASA, and the commands that change it."""

    def __init__(self, text):
        self.header = []
        self.version = "9.5(2)204"
        self.blocks = []
        self.timers = dict((k, (v[0], "absolute" if k == "uauth" else None))
                           for k, v in TIMERS.items())
        current, seen = None, set()
        for raw in text.splitlines():
            line = raw.rstrip()
            if line.startswith(": ") and not self.blocks:
                if ":" in line[2:]:
                    self.header.append(line)
                continue
            if line.startswith(":") or line.startswith("Cryptochecksum:"):
                continue
            if line.startswith("ASA Version "):
                self.version = line.split()[2]
                continue
            if line in ("!", ""):
                self.blocks.append(SEPARATOR if line == "!" else "")
                current = None
                continue
            if line.startswith(" ") and current is not None:
                current.append(line)
                continue
            if line.startswith("timeout "):
                self._read_timers(line)
                if "timeout" not in [getattr(b, "family", None) for b in self.blocks]:
                    self.blocks.append(TimerBlock())
                current = None
                continue
            current = [line]
            nat = line.startswith("object network ") and line in seen
            seen.add(line)
            self.blocks.append(_Pending(current, nat))
        self.blocks = [Block(b.lines, b.nat) if isinstance(b, _Pending) else b for b in self.blocks]
        while self.blocks and self.blocks[0] is SEPARATOR:
            self.blocks.pop(0)

    # -- reading ----------------------------------------------------------------------
    def _read_timers(self, line):
        words = line.split()[1:]
        index = 0
        while index + 1 < len(words):
            key = words[index]
            if key == "igp":
                key, index = "igp stale-route", index + 1
            value = parse_hms(words[index + 1])
            index += 2
            qualifier = None
            if index < len(words) and words[index] in ("absolute", "inactivity"):
                qualifier, index = words[index], index + 1
            if key in TIMERS and value is not None:
                self.timers[key] = (value, qualifier)

    def real_blocks(self):
        return [b for b in self.blocks if isinstance(b, Block)]

    def block(self, text, nat=False):
        for b in self.real_blocks():
            if b.text == text and b.nat == nat:
                return b
        return None

    def nameifs(self):
        """nameif -> interface name."""
        out = {}
        for b in self.real_blocks():
            if b.family == "interface":
                for child in b.node.children:
                    if child.text.startswith("nameif "):
                        out[child.text.split()[1]] = b.text.split()[1]
        return out

    def interfaces(self):
        return [b.text.split()[1] for b in self.real_blocks() if b.text.startswith("interface ")]

    def groups(self):
        """object-group name -> kind."""
        return dict((b.text.split()[2], b.text.split()[1]) for b in self.real_blocks()
                    if b.text.startswith("object-group "))

    def objects(self):
        return dict((b.text.split()[2], b.text.split()[1]) for b in self.real_blocks()
                    if re.match(r"^object (network|service) ", b.text) and not b.nat)

    def acl(self, name):
        return [b for b in self.real_blocks() if b.text.startswith("access-list %s " % name)]

    def class_maps(self):
        return [b.text.split()[-1] for b in self.real_blocks() if b.text.startswith("class-map ")]

    def references(self):
        """Every word that names an object or object-group, in ACLs and groups."""
        used = []
        for b in self.real_blocks():
            for line in b.lines():
                words = line.split()
                for index, word in enumerate(words[:-1]):
                    if word in ("object-group", "object", "group-object") and not (
                            index == 0 and b.text.startswith(word + " ")) and not (
                            line == b.text and index == 0):
                        used.append(words[index + 1])
        return used

    # -- printing ---------------------------------------------------------------------
    def body_lines(self, defaults=False):
        out = []
        for b in self.blocks:
            if b is SEPARATOR:
                out.append("!")
            elif b == "":
                out.append("")
            elif isinstance(b, TimerBlock):
                out.extend(self.timer_lines())
            else:
                out.extend(b.lines())
                if defaults:
                    out.extend(_defaults_for(b))
        return out

    def timer_lines(self):
        out = []
        for group in TIMER_LINES:
            parts = []
            for key in group:
                value, qualifier = self.timers[key]
                parts.append("%s %s%s" % (key, hms(value), " " + qualifier if qualifier else ""))
            out.append("timeout " + " ".join(parts))
        return out

    def render(self, defaults=False, filters=None):
        """``show running-config [all] [FAMILY [NAME]]``."""
        body = self.body_lines(defaults)
        if filters:
            lines = _filter(body, filters)
            return "\n".join(lines) + "\n" if lines else ""
        text = "\n".join(["ASA Version %s" % self.version, "!"] + body) + "\n"
        head = [": Saved", ":"] + self.header + [":"]
        return "\n".join(head) + "\n" + text + "Cryptochecksum:%s\n: end\n" % (
            hashlib.md5(text.encode()).hexdigest())

    # -- placing blocks ----------------------------------------------------------------
    def add_block(self, lines, after=None, nat=False):
        """A new top-level block where the ASA prints its family (after ``after`` when
        given: a sub-interface after its parent, an ACL entry after its ACL)."""
        block = Block(lines, nat)
        if after is not None:
            position = self.blocks.index(after) + 1
        else:
            position = len(self.blocks)
            rank = block.rank()
            last_same = None
            for index, other in enumerate(self.blocks):
                if isinstance(other, Block) and other.rank() == rank:
                    last_same = index
            if last_same is not None:
                position = last_same + 1
            else:
                for index, other in enumerate(self.blocks):
                    orank = other.rank() if isinstance(other, Block) else (
                        FAMILY_ORDER.index("timeout") if isinstance(other, TimerBlock) else None)
                    if orank is not None and orank > rank:
                        position = index
                        break
        if block.family == "interface":
            self.blocks.insert(position, SEPARATOR)
            position += 1
        self.blocks.insert(position, block)
        return block

    def remove_block(self, block):
        index = self.blocks.index(block)
        del self.blocks[index]
        if block.family == "interface" and index > 0 and self.blocks[index - 1] is SEPARATOR:
            del self.blocks[index - 1]

    # -- configuration commands -------------------------------------------------------
    def configure(self, mode, line):
        """Apply one line typed in configuration mode ``mode`` (a tuple of the block
        texts entered: () global, ("interface X",), ("policy-map P", "class C")).
        Returns the new mode; raises AsaError when the ASA refuses the line. Like the
        ASA, a line that is no sub-command of the current mode is tried one level up."""
        if not line.strip():
            return mode
        levels = list(range(len(mode), -1, -1))
        first_error = None
        for depth in levels:
            try:
                return self._configure_at(mode[:depth], line)
            except AsaError as exc:
                if first_error is None:
                    first_error = exc
                if exc.message != INVALID or exc.pos != _first_col(line):
                    raise  # the command was understood here and refused for a reason
        raise first_error

    def _configure_at(self, mode, line):
        words = Words(line)
        if not mode:
            return self._global(words, line)
        handler = {"interface": self._interface_sub, "object": self._object_sub,
                   "object-group": self._group_sub, "policy-map": self._pmap_sub,
                   "class-map": self._cmap_sub}.get(mode[0].split()[0])
        if handler is None:
            raise words.bad()
        return handler(mode, words, line)

    def _global(self, words, line):
        negate = words.peek() == "no"
        if negate:
            words.take()
        command = words.peek()
        handlers = {
            "hostname": self._hostname, "interface": self._interface,
            "object": self._object, "object-group": self._object_group,
            "access-list": self._access_list, "access-group": self._access_group,
            "timeout": self._timeout, "policy-map": self._policy_map,
            "class-map": self._class_map, "service-policy": self._service_policy,
            "mtu": self._mtu, "route": self._nameif_line, "ssh": self._nameif_line,
            "http": self._nameif_line, "logging": self._logging, "username": self._username,
            "clear": self._clear,
        }
        handler = handlers.get(command)
        if handler is None:
            raise words.bad()
        return handler(words, negate, line)

    # hostname -------------------------------------------------------------------------
    def _hostname(self, words, negate, line):
        words.take()
        name = words.name()
        words.done()
        index = next(i for i, b in enumerate(self.blocks)
                     if isinstance(b, Block) and b.family == "hostname")
        self.blocks[index] = Block(["hostname " + name])
        return ()

    # interfaces (Command Reference: interface, nameif, security-level, ip address, vlan)
    def canonical_interface(self, word):
        """``gi0/1.110`` -> ``GigabitEthernet0/1.110`` (the ASA expands abbreviations)."""
        match = re.match(r"^([A-Za-z-]+)([\d/.]+)$", word)
        if not match:
            return None
        for full in IFACE_TYPES:
            if full.lower().startswith(match.group(1).lower()):
                return full + match.group(2)
        return None

    def _interface(self, words, negate, line):
        words.take()
        at = words.col()
        name = self.canonical_interface(words.peek() or "")
        if words.peek() is None:
            raise AsaError(INCOMPLETE)
        words.take()
        words.done()
        known = self.interfaces()
        parent = name.split(".")[0] if name else None
        if name is None or (name not in known and ("." not in name or parent not in known
                                                   or "." in parent)):
            raise AsaError(INVALID, at)
        if "." in name and not 1 <= int(name.split(".")[1] or 0) <= 2147483647:
            raise AsaError(INVALID, at)
        block = self.block("interface " + name)
        if negate:
            if "." not in name:
                raise AsaError(INVALID, at)  # a physical interface cannot be removed
            if block is not None:
                nameif = next((c.text.split()[1] for c in block.node.children
                               if c.text.startswith("nameif ")), None)
                self.remove_block(block)
                if nameif:
                    self._drop_nameif(nameif)
            return ()
        if block is None:
            anchor = [b for b in self.real_blocks() if b.text.split()[:2] == ["interface", parent]
                      or b.text.startswith("interface %s." % parent)][-1]
            self.add_block(["interface " + name, " no nameif", " no security-level",
                            " no ip address"], after=anchor)
        return ("interface " + name,)

    def _interface_sub(self, mode, words, line):
        block = self.block(mode[0])
        name = mode[0].split()[1]
        negate = words.peek() == "no"
        if negate:
            words.take()
        command = words.expect("nameif", "security-level", "ip", "vlan", "description",
                               "shutdown", "management-only", "mtu")
        text = command
        if command == "nameif":
            if negate:
                words.done()
                old = next((c.text.split()[1] for c in block.node.children
                            if c.text.startswith("nameif ")), None)
                block.merge((), "no nameif")
                if old:
                    self._drop_nameif(old)
                return mode
            nameif = words.name()
            words.done()
            text = "nameif " + nameif
        elif command == "security-level":
            if not negate:
                text += " %d" % words.number(0, 100)
            words.done()
        elif command == "ip":
            words.expect("address")
            text = "ip address"
            if not negate:
                if words.peek() == "dhcp":
                    text += " " + " ".join(words.rest())
                else:
                    addr = words.ip(4)
                    mask = words.mask()
                    text += " %s %s" % (addr, mask)
                    if words.peek() == "standby":
                        words.take()
                        text += " standby %s" % words.ip(4)
            words.done()
        elif command == "vlan":
            if "." not in name:
                raise words.last()  # only a sub-interface takes a VLAN
            if not negate:
                text += " %d" % words.number(1, 4094)
            words.done()
        elif command == "description":
            rest = words.rest()
            if not negate and not rest:
                raise AsaError(INCOMPLETE)
            text = "description " + " ".join(rest) if not negate else "description"
        elif command == "mtu":
            raise words.bad()  # the ASA sets mtu per nameif at global level
        else:
            words.done()
        if negate and command in ("nameif", "security-level", "ip"):
            block.merge((), "no " + text)
        elif negate:
            for child in list(block.node.children):
                if child.text == text or child.text.startswith(text + " "):
                    child.delete()
        else:
            block.merge((), text)
        _order_interface(block)
        return mode

    def _drop_nameif(self, nameif):
        """Removing a nameif removes what is bound to it (access-group, mtu, route...)."""
        for b in list(self.real_blocks()):
            words = b.text.split()
            if (b.family == "access-group" and words[-1] == nameif) or (
                    b.family in ("mtu", "route") and words[1] == nameif) or (
                    b.family in ("ssh", "http") and words[-1] == nameif and len(words) == 4):
                self.remove_block(b)

    # objects (Command Reference: object network, object-group) --------------------------
    def _object(self, words, negate, line):
        words.take()
        kind = words.expect("network", "service")
        name = words.name()
        words.done()
        text = "object %s %s" % (kind, name)
        block = self.block(text)
        if negate:
            if block is None:
                raise AsaError(OBJECT_NOT_FOUND % name)
            if name in self.references():
                raise AsaError(OBJECT_IN_USE % name)
            self.remove_block(block)
            nat = self.block(text, nat=True)
            if nat:
                self.remove_block(nat)
            return ()
        if name in self.groups() or (name in self.objects() and self.objects()[name] != kind):
            raise AsaError(INVALID, words.items[2][1])
        if block is None:
            self.add_block([text])
        return (text,)

    def _object_sub(self, mode, words, line):
        block = self.block(mode[0])
        negate = words.peek() == "no"
        if negate:
            words.take()
        kind = mode[0].split()[1]
        command = words.expect(*(("host", "subnet", "range", "fqdn", "description", "nat")
                                 if kind == "network" else ("service", "description")))
        if command == "description":
            rest = words.rest()
            text = "description " + " ".join(rest)
        elif command == "host":
            text = "host %s" % words.ip()
        elif command == "subnet":
            if ":" in (words.peek() or ""):
                word = words.peek()
                try:
                    net = ipaddress.ip_network(word, strict=True)
                except ValueError:
                    raise words.bad()
                words.take()
                text = "subnet %s" % net
            else:
                addr = words.ip(4)
                mask = words.mask()
                if int(addr) & ~int(mask) & 0xFFFFFFFF:
                    raise AsaError(INVALID, words.items[1][1])
                text = "subnet %s %s" % (addr, mask)
        elif command == "range":
            low = words.ip()
            high = words.ip(low.version)
            text = "range %s %s" % (low, high)
        elif command == "fqdn":
            version = words.peek() if words.peek() in ("v4", "v6") else None
            if version:
                words.take()
            fqdn = words.take()
            if not re.match(r"^[A-Za-z0-9*]([A-Za-z0-9.\-]*[A-Za-z0-9])?$", fqdn) or "." not in fqdn:
                raise AsaError(INVALID, words.items[-1][1])
            text = "fqdn %s%s" % (version + " " if version else "", fqdn)
        elif command == "nat":
            text = "nat " + " ".join(words.rest())
            match = re.match(r"^nat \((\S+),(\S+)\) ", text + " ")
            if not match or any(n not in self.nameifs() and n != "any" for n in match.groups()):
                raise AsaError(INVALID, words.items[1][1] if len(words.items) > 1 else 0)
            nat = self.block(mode[0], nat=True) or self.add_block([mode[0]], nat=True)
            nat.merge((), text)
            return mode
        else:
            proto = words.expect("tcp", "udp", "tcp-udp", "icmp", "ip")
            text = "service " + proto + self._ports(words, proto, ("source", "destination"))
        words.done()
        if negate:
            for child in list(block.node.children):
                if child.text == text:
                    child.delete()
        else:
            block.merge((), text)
        return mode

    def _object_group(self, words, negate, line):
        words.take()
        kind = words.expect("network", "service", "protocol", "icmp-type")
        name = words.name()
        proto = None
        if kind == "service" and words.peek() in ("tcp", "udp", "tcp-udp"):
            proto = words.take()
        words.done()
        block = next((b for b in self.real_blocks() if b.text.split()[:3] ==
                      ["object-group", kind, name]), None)
        if negate:
            if block is None:
                raise AsaError(GROUP_NOT_FOUND % name)
            if name in self.references():
                raise AsaError(GROUP_IN_USE % name)
            self.remove_block(block)
            return ()
        if name in self.objects() or (name in self.groups() and self.groups()[name] != kind):
            raise AsaError(INVALID, words.items[2][1])
        text = "object-group %s %s%s" % (kind, name, " " + proto if proto else "")
        if block is None:
            block = self.add_block([text])
        elif block.text != text:
            raise AsaError(INVALID, words.items[3][1] if len(words.items) > 3 else words.items[2][1])
        return (block.text,)

    def _group_sub(self, mode, words, line):
        block = self.block(mode[0])
        head = mode[0].split()
        kind = head[1]
        negate = words.peek() == "no"
        if negate:
            words.take()
        options = {"network": ("network-object", "group-object", "description"),
                   "service": ("port-object", "group-object", "description") if len(head) > 3
                   else ("service-object", "group-object", "description"),
                   "protocol": ("protocol-object", "group-object", "description"),
                   "icmp-type": ("icmp-object", "group-object", "description")}[kind]
        command = words.expect(*options)
        if command == "description":
            text = "description " + " ".join(words.rest())
        elif command == "group-object":
            name = words.name()
            if self.groups().get(name) != kind:
                raise AsaError(GROUP_NOT_FOUND % name)
            text = "group-object " + name
        elif command == "network-object":
            text = "network-object " + self._address(words, objects_only=True)
        elif command == "port-object":
            text = "port-object" + self._port_op(words, head[3])
        elif command == "service-object":
            if words.peek() in ("object",):
                words.take()
                name = words.name()
                if self.objects().get(name) != "service":
                    raise AsaError(OBJECT_NOT_FOUND % name)
                text = "service-object object " + name
            else:
                proto = words.peek()
                if proto in PORTED:
                    words.take()
                    text = "service-object " + proto + self._ports(
                        words, proto, ("source", "destination"))
                elif proto in IP_PROTOCOLS or (proto or "").isdigit() and 0 <= int(proto) <= 255:
                    words.take()
                    text = "service-object " + proto
                    if proto == "icmp" and words.peek() in ICMP_TYPES:
                        text += " " + words.take()
                elif proto is None:
                    raise AsaError(INCOMPLETE)
                else:
                    raise words.bad()
        elif command == "protocol-object":
            proto = words.take()
            if proto not in IP_PROTOCOLS and not (proto.isdigit() and int(proto) <= 255):
                raise AsaError(INVALID, words.items[-1][1])
            text = "protocol-object " + proto
        else:
            icmp = words.expect(*ICMP_TYPES)
            text = "icmp-object " + icmp
        words.done()
        if negate:
            for child in list(block.node.children):
                if child.text == text:
                    child.delete()
        elif block.node.get_child(equals=text) is None:
            block.merge((), text)
        return mode

    def _address(self, words, objects_only=False, acl=False):
        """An address operand: ``host A``, ``A M``, ``A/len`` (IPv6), ``object N``,
        ``object-group N`` (ACLs), ``any``/``any4``/``any6`` and ``interface IF`` (ACLs)."""
        word = words.peek()
        if word is None:
            raise AsaError(INCOMPLETE)
        if word == "host":
            words.take()
            return "host %s" % words.ip()
        if word == "object":
            words.take()
            name = words.name()
            if self.objects().get(name) != "network":
                raise AsaError(OBJECT_NOT_FOUND % name)
            return "object " + name
        if acl and word == "object-group":
            words.take()
            name = words.name()
            if self.groups().get(name) != "network":
                raise AsaError(GROUP_NOT_FOUND % name)
            return "object-group " + name
        if acl and word in ("any", "any4", "any6"):
            return words.take()
        if acl and word == "interface":
            words.take()
            if words.peek() not in self.nameifs():
                raise words.bad()
            return "interface " + words.take()
        if "/" in word:
            try:
                net = ipaddress.ip_network(word, strict=True)
            except ValueError:
                raise words.bad()
            if net.version != 6:
                raise words.bad()
            words.take()
            return ("host %s" % net.network_address) if net.prefixlen == 128 else str(net)
        addr = words.ip(4)
        mask = words.mask()
        if int(addr) & ~int(mask) & 0xFFFFFFFF:
            raise AsaError(INVALID, words.items[words.index - 2][1])
        if str(mask) == "255.255.255.255":
            return "host %s" % addr
        return "%s %s" % (addr, mask)

    def _port(self, words, proto):
        """A port as number or name -> the ASA's display (its name when it has one)."""
        word = words.peek()
        if word is None:
            raise AsaError(INCOMPLETE)
        if word.isdigit() and 0 < int(word) <= 65535:
            number = int(word)
        elif word in PORT_NUMBERS:
            number = PORT_NUMBERS[word]
        else:
            raise words.bad()
        words.take()
        names = {"tcp": TCP_NAMES, "udp": UDP_NAMES}.get(proto)
        if proto == "tcp-udp":
            both = TCP_NAMES.get(number)
            return both if both and both == UDP_NAMES.get(number) else str(number)
        return (names or {}).get(number, str(number))

    def _port_op(self, words, proto):
        op = words.expect("eq", "neq", "lt", "gt", "range")
        if op == "range":
            return " range %s %s" % (self._port(words, proto), self._port(words, proto))
        return " %s %s" % (op, self._port(words, proto))

    def _ports(self, words, proto, sides):
        out = ""
        for side in sides:
            if words.peek() == side:
                words.take()
                out += " " + side + self._port_op(words, proto)
        return out

    # access lists (Command Reference: access-list extended, access-list remark) ----------
    def _access_list(self, words, negate, line):
        words.take()
        name = words.name()
        position = None
        if words.peek() == "line":
            words.take()
            position = words.number(1, 2147483647)
        kind = words.peek()
        if kind == "remark":
            words.take()
            rest = words.rest()
            if not rest:
                raise AsaError(INCOMPLETE)
            entry = "remark " + " ".join(rest)
        elif kind == "extended":
            words.take()
            entry = "extended " + self._ace(words)
        elif kind is None and negate:
            entry = None
        elif kind is None:
            raise AsaError(INCOMPLETE)
        else:
            raise words.bad()
        entries = self.acl(name)
        if negate:
            if not entries:
                raise AsaError(ACL_NOT_FOUND % name)
            if entry is None and position is None:
                victims = entries
            elif entry is None:
                victims = entries[position - 1:position]
            else:
                victims = [b for b in entries if b.text == "access-list %s %s" % (name, entry)]
            for b in victims:
                self.remove_block(b)
            if not [b for b in self.acl(name) if " remark " not in b.text]:
                self._unbind(name)
            return ()
        text = "access-list %s %s" % (name, entry)
        if any(b.text == text for b in entries):
            return ()  # the ASA keeps one copy of an entry
        if not entries:
            self.add_block([text])
        elif position is None or position > len(entries):
            self.add_block([text], after=entries[-1])
        else:
            target = entries[position - 1]
            index = self.blocks.index(target)
            self.blocks.insert(index, Block([text]))
        return ()

    def _ace(self, words):
        action = words.expect("permit", "deny")
        parts = [action]
        proto = words.peek()
        service_group = False
        if proto is None:
            raise AsaError(INCOMPLETE)
        if proto == "object-group":
            words.take()
            name = words.name()
            kind = self.groups().get(name)
            if kind not in ("service", "protocol"):
                raise AsaError(GROUP_NOT_FOUND % name)
            service_group = kind == "service"
            parts.append("object-group " + name)
            proto = None
        elif proto == "object":
            words.take()
            name = words.name()
            if self.objects().get(name) != "service":
                raise AsaError(OBJECT_NOT_FOUND % name)
            parts.append("object " + name)
            service_group, proto = True, None
        elif proto in IP_PROTOCOLS or proto.isdigit() and int(proto) <= 255:
            parts.append(words.take())
        else:
            raise words.bad()
        for side in ("source", "destination"):
            parts.append(self._address(words, acl=True))
            following = words.peek()
            if proto in PORTED and not service_group:
                if following in ("eq", "neq", "lt", "gt", "range"):
                    parts.append(self._port_op(words, proto).strip())
                elif following == "object-group" and (
                        self.groups().get(words.peek(1)) == "service" or side == "destination"):
                    words.take()
                    name = words.name()
                    if self.groups().get(name) != "service":
                        raise AsaError(GROUP_NOT_FOUND % name)
                    parts.append("object-group " + name)
            if proto in ("icmp", "icmp6") and side == "destination" and following in ICMP_TYPES:
                parts.append(words.take())
        while words.peek() is not None:
            word = words.peek()
            if word == "log":
                words.take()
                log = ["log"]
                if words.peek() in ("disable", "default"):
                    log.append(words.take())
                else:
                    if words.peek() in ("emergencies", "alerts", "critical", "errors", "warnings",
                                        "notifications", "informational", "debugging") or \
                            (words.peek() or "").isdigit():
                        log.append(words.take())
                    if words.peek() == "interval":
                        words.take()
                        log.append("interval %d" % words.number(1, 600))
                parts.append(" ".join(log))
            elif word == "inactive":
                parts.append(words.take())
            elif word == "time-range":
                words.take()
                parts.append("time-range " + words.name())
            else:
                raise words.bad()
        return " ".join(parts)

    def _unbind(self, acl):
        for b in list(self.real_blocks()):
            if b.family == "access-group" and b.text.split()[1] == acl:
                self.remove_block(b)

    def _clear(self, words, negate, line):
        if negate:
            raise words.bad()
        words.take()
        words.expect("configure")
        what = words.expect("access-list")
        name = words.peek()
        if name is None:
            victims = [b for b in self.real_blocks() if b.family == what]
        else:
            words.take()
            victims = self.acl(name)
        words.done()
        for b in victims:
            self.remove_block(b)
        for acl in set(b.text.split()[1] for b in victims):
            if not self.acl(acl):
                self._unbind(acl)
        return ()

    # access-group (Command Reference: access-group) -------------------------------------
    def _access_group(self, words, negate, line):
        words.take()
        name = words.name()
        direction = words.expect("in", "out", "global")
        nameif = None
        if direction != "global":
            words.expect("interface")
            if words.peek() is None:
                raise AsaError(INCOMPLETE)
            if words.peek() not in self.nameifs():
                raise words.bad()
            nameif = words.take()
            if words.peek() in ("per-user-override", "control-plane"):
                words.take()
        words.done()
        existing = [b for b in self.real_blocks() if b.family == "access-group" and (
            b.text.split()[2:] == [direction, "interface", nameif] if nameif else
            b.text.split()[2] == "global")]
        if negate:
            for b in existing:
                if b.text.split()[1] == name:
                    self.remove_block(b)
            return ()
        entries = self.acl(name)
        if not entries:
            raise AsaError(ACL_NOT_FOUND % name)
        if all(" remark " in b.text for b in entries):
            raise AsaError(ACL_EMPTY % name)
        text = "access-group %s %s" % (name, direction) + (" interface " + nameif if nameif else "")
        for b in existing:
            self.remove_block(b)  # one ACL per direction per interface: the new one replaces
        self.add_block([text])
        return ()

    # timeout (Configuration Guide: global timeouts) -------------------------------------
    def _timeout(self, words, negate, line):
        words.take()
        if negate:
            words.done()
            for key, spec in TIMERS.items():
                self.timers[key] = (spec[0], "absolute" if key == "uauth" else None)
            return ()
        changes = []
        while words.peek() is not None or not changes:
            key = words.peek()
            if key is None:
                raise AsaError(INCOMPLETE)
            if key == "igp":
                words.take()
                words.expect("stale-route")
                key = "igp stale-route"
            elif key in TIMERS:
                words.take()
            else:
                raise words.bad()
            at = words.col()
            value = parse_hms(words.peek() or "")
            if words.peek() is None:
                raise AsaError(INCOMPLETE)
            _default, low, high, zero = TIMERS[key]
            if value is None or (value == 0 and not zero) or (value and not low <= value <= high):
                raise AsaError(INVALID, at)
            words.take()
            qualifier = self.timers[key][1]
            if key == "uauth" and words.peek() in ("absolute", "inactivity"):
                qualifier = words.take()
            changes.append((key, (value, qualifier)))
        for key, value in changes:
            self.timers[key] = value
        return ()

    # modular policy framework (Command Reference: class-map, policy-map, inspect) ---------
    def _class_map(self, words, negate, line):
        words.take()
        if words.peek() == "type":
            raise words.bad()
        name = words.name()
        words.done()
        block = self.block("class-map " + name)
        if negate:
            if block:
                self.remove_block(block)
            return ()
        if block is None:
            self.add_block(["class-map " + name])
        return ("class-map " + name,)

    def _cmap_sub(self, mode, words, line):
        block = self.block(mode[0])
        negate = words.peek() == "no"
        if negate:
            words.take()
        words.expect("match", "description")
        rest = words.rest()
        if not rest:
            raise AsaError(INCOMPLETE)
        text = line.strip()[3:] if negate else line.strip()
        text = " ".join(text.split())
        if negate:
            for child in list(block.node.children):
                if child.text == text:
                    child.delete()
        else:
            block.merge((), text)
        return mode

    def _policy_map(self, words, negate, line):
        words.take()
        if words.peek() == "type":
            raise words.bad()  # inspection maps: outside this emulator's command set
        name = words.name()
        words.done()
        block = self.block("policy-map " + name)
        if negate:
            if block is None:
                raise AsaError(INVALID, words.items[1][1])
            if any(b.text.split()[1] == name for b in self.real_blocks()
                   if b.family == "service-policy"):
                raise AsaError(INVALID, words.items[1][1])
            self.remove_block(block)
            return ()
        if block is None:
            self.add_block(["policy-map " + name])
        return ("policy-map " + name,)

    def _pmap_sub(self, mode, words, line):
        block = self.block(mode[0])
        negate = words.peek() == "no"
        if negate:
            words.take()
        if len(mode) == 1:
            words.expect("class", "description")
            if words.items[words.index - 1][0] == "description":
                block.merge((), "description " + " ".join(words.rest()))
                return mode
            name = words.name()
            words.done()
            if name != "class-default" and name not in self.class_maps():
                raise AsaError(CLASS_NOT_FOUND % name)
            text = "class " + name
            if negate:
                child = block.node.get_child(equals=text)
                if child:
                    child.delete()
                return mode
            if block.node.get_child(equals=text) is None:
                block.merge((), text)
            return mode + (text,)
        command = words.expect("inspect", "set")
        if command == "set":
            words.expect("connection")
            rest = words.rest()
            if not rest:
                raise AsaError(INCOMPLETE)
            text = "set connection " + " ".join(rest)
        else:
            proto = words.expect(*INSPECT)
            args = words.rest()
            if proto == "h323" and (not args or args[0] not in ("h225", "ras")):
                raise AsaError(INCOMPLETE) if not args else AsaError(INVALID, words.items[-1][1])
            text = " ".join(["inspect", proto] + args)
        path = mode[1:]
        node = block.find(path)
        if negate:
            # ``no inspect dns`` also removes ``inspect dns preset_dns_map``
            bare = command == "inspect" and len(text.split()) == 2
            for child in list(node.children):
                if child.text == text or (bare and child.text.split()[:2] == text.split()):
                    child.delete()
        elif node.get_child(equals=text) is None:
            block.merge(path, text)
        return mode

    def _service_policy(self, words, negate, line):
        words.take()
        name = words.name()
        if not self.block("policy-map " + name):
            raise AsaError(INVALID, words.items[1][1])
        scope = words.expect("global", "interface")
        text = "service-policy %s %s" % (name, scope)
        if scope == "interface":
            if words.peek() not in self.nameifs():
                raise words.bad()
            text += " " + words.take()
        words.done()
        existing = self.block(text)
        if negate:
            if existing:
                self.remove_block(existing)
        elif existing is None:
            self.add_block([text])
        return ()

    # lines bound to a nameif (Command Reference: mtu, route, ssh, http) -------------------
    def _mtu(self, words, negate, line):
        words.take()
        if words.peek() not in self.nameifs():
            raise words.bad()
        nameif = words.take()
        size = words.number(64, 9198)
        words.done()
        for b in [b for b in self.real_blocks() if b.family == "mtu" and b.text.split()[1] == nameif]:
            self.remove_block(b)
        if not negate:
            self.add_block(["mtu %s %d" % (nameif, size)])
        return ()

    def _nameif_line(self, words, negate, line):
        command = words.take()
        if command == "route":
            if words.peek() not in self.nameifs():
                raise words.bad()
            nameif = words.take()
            parts = [command, nameif, str(words.ip(4)), str(words.mask()), str(words.ip(4))]
            parts.append(str(words.number(1, 255)) if words.peek() else "1")
        else:
            if command == "http" and words.peek() == "server":
                words.take()
                words.expect("enable")
                parts = ["http server enable"]
            elif words.peek() in ("timeout", "version", "key-exchange", "stricthostkeycheck",
                                  "scopy", "cipher"):
                parts = [command] + words.rest()
                for b in [b for b in self.real_blocks() if b.text.split()[:2] == parts[:2]]:
                    self.remove_block(b)  # one value per ssh setting
            else:
                addr, mask = words.ip(4), words.mask()
                if words.peek() not in self.nameifs():
                    raise words.bad()
                parts = [command, str(addr), str(mask), words.take()]
        words.done()
        text = " ".join(parts)
        existing = self.block(text)
        if negate:
            if existing:
                self.remove_block(existing)
        elif existing is None:
            self.add_block([text])
        return ()

    def _logging(self, words, negate, line):
        words.take()
        option = words.expect("enable", "timestamp", "buffered", "trap", "asdm", "host",
                              "buffer-size", "console", "monitor", "facility")
        rest = words.rest()
        if option == "host":
            if not rest or rest[0] not in self.nameifs():
                raise AsaError(INVALID, words.items[2][1] if len(words.items) > 2 else 0)
        text = " ".join(["logging", option] + rest)
        existing = [b for b in self.real_blocks() if b.text == text or (
            b.family == "logging" and option not in ("host",) and b.text.split()[:2] == ["logging", option])]
        for b in existing:
            self.remove_block(b)
        if not negate:
            self.add_block([text])
        return ()

    def _username(self, words, negate, line):
        words.take()
        name = words.name()
        rest = words.rest()
        for b in [b for b in self.real_blocks() if b.family == "username" and b.text.split()[1] == name]:
            self.remove_block(b)
        if not negate:
            if not rest:
                raise AsaError(INCOMPLETE)
            # a password is stored hashed, as the ASA does: never the clear text
            if rest[0] == "password" and len(rest) > 1:
                rest[1:2] = ["*****", "pbkdf2"]
                if len(rest) > 3 and rest[3] in ("encrypted", "pbkdf2"):
                    del rest[3]
            self.add_block(["username %s %s" % (name, " ".join(rest))])
        return ()


class TimerBlock(object):
    """Where the grouped ``timeout`` lines print."""

    family = "timeout"

    def rank(self):
        return FAMILY_ORDER.index("timeout")


class _Pending(object):
    def __init__(self, lines, nat):
        self.lines = lines
        self.nat = nat


def _first_col(line):
    match = re.search(r"\S", line)
    words = line.split()
    if words and words[0] == "no" and len(words) > 1:
        return line.index(words[1], match.start() + 2)
    return match.start() if match else 0


def _order_interface(block):
    """Sub-commands where the ASA prints them; ``no X`` where X is unset on the ASA's
    own list (nameif, security-level, ip address)."""
    node = block.node
    texts = [c.text for c in node.children]
    for key in ("nameif", "security-level", "ip address"):
        has = any(t.startswith(key + " ") for t in texts)
        if has and ("no " + key) in texts:
            node.children.delete("no " + key)
        if not has and ("no " + key) not in texts:
            node.add_child("no " + key)

    def rank(child):
        text = child.text[3:] if child.text.startswith("no ") else child.text
        for index, key in enumerate(IFACE_ORDER):
            if text == key or text.startswith(key + " "):
                return index
        return len(IFACE_ORDER)
    ordered = sorted(node.children, key=rank)
    node.children.clear()
    for child in ordered:
        node.children.append(child)


def _defaults_for(block):
    """What ``show running-config all`` adds below a block: the documented defaults of
    the DNS inspection map (Command Reference, ``parameters`` under ``policy-map type
    inspect dns``). Other blocks print as ``show running-config`` prints them."""
    if block.text == "policy-map type inspect dns preset_dns_map":
        have = set(c.text for c in block.node.all_children())
        defaults = ("dns-guard", "protocol-enforcement", "nat-rewrite", "no id-randomization",
                    "no id-mismatch", "no tsig enforced")
        return ["  " + d for d in defaults if d not in have]
    return []


def _filter(lines, filters):
    """``show running-config FAMILY [NAME]``: the top-level blocks starting that way."""
    out, keep = [], False
    want = " ".join(filters)
    for line in lines:
        if line in ("!", ""):
            continue
        if not line.startswith(" "):
            keep = (line + " ").startswith(want + " ")
        if keep:
            out.append(line)
    return out
