"""EMULATOR, not a device: the configuration model behind the emulated FortiGate (vr-fgt1).

The FortiOS CLI language (``config`` sections, ``edit`` entries, ``set``/``unset``/
``append``/``unselect``, ``next``/``end``/``abort``, ``delete``, ``move``) with a schema
of the tables the lab uses: which fields each table has, their value types and ranges,
and which fields refer to entries of other tables (FortiOS "datasources": a policy's
``srcintf`` must name an interface, its ``srcaddr`` an address or group). A reference
to an entry that does not exist, an unknown field or a bad value is refused with the
FortiOS message, and nothing of that line is kept.

An entry's changes take effect at ``next``/``end`` (``abort`` drops them), as on
FortiOS; they are merged into the entry by hier_config's FortiOS driver ``future()``
(a ``set`` of an existing field replaces it). hier_config 3.7's FortiOS ``future()``
keeps the old ``set`` beside an ``unset`` (it strips ``unset`` but matches ``set X``),
so ``unset`` is applied here directly.

Where the behaviour comes from (per command family, with links: lab/README.md,
"Emulated devices"): the FortiOS 7.4 CLI Reference (system global, settings,
session-helper, session-ttl, interface, console; firewall address, addrgrp, service
custom, policy, shaping-policy) and the public captures in lab/emulators/captures/
fortios/ (SOURCE.md). Error texts: "entry not found in datasource", "node_check_object
fail!", "value parse error before", "command parse error before" and the
"Command fail. Return code" lines are FortiOS texts from public reports; which return
code goes with which refusal is our reading (marked in ERRORS below).

State changes only through this model; the collection's own drivers are never used.
"""

from __future__ import annotations

import ipaddress
import re
import shlex
import uuid

from hier_config import Platform, get_hconfig


# -- error texts ------------------------------------------------------------------------
def parse_error(word):
    return "command parse error before '%s'\nCommand fail. Return code -61" % word


def value_error(word):
    return "value parse error before '%s'\nCommand fail. Return code -651" % word


def datasource_error(word):
    return "entry not found in datasource\n\nvalue parse error before '%s'\nCommand fail. Return code -3" % word


def interface_error(word):
    return ("node_check_object fail! for name %s\n\nvalue parse error before '%s'\n"
            "Command fail. Return code -3" % (word, word))


def in_use_error(count):
    return "The entry is used by other %d entries\nCommand fail. Return code -23" % count


NOT_FOUND = "entry not found in datasource\nCommand fail. Return code -3"


class FortiError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# -- the schema -------------------------------------------------------------------------
# A field: (kind, argument). kinds: str (max length), enum (choices), int (low, high),
# ipmask, ip, ref (datasource tables, plus names always accepted), list (choices),
# portrange, bits6, uuid, any (accepted as typed; tables the collection never touches).
IFACE_REF = ("ref", (("system interface", "system zone", "system sdwan zone"), ("any",)))
ADDR_REF = ("ref", (("firewall address", "firewall addrgrp"), ()))
SERVICE_REF = ("ref", (("firewall service custom", "firewall service group"), ()))
ENABLE = ("enum", ("enable", "disable"))
ACCESS = ("list", ("ping", "https", "ssh", "http", "snmp", "telnet", "fgfm", "radius-acct",
                   "probe-response", "fabric", "ftm", "speed-test"))

TABLES = {
    "system global": {"kind": "settings", "fields": {
        "hostname": ("str", 35), "alias": ("str", 35), "admin-sport": ("int", (1, 65535)),
        "admin-ssh-port": ("int", (1, 65535)), "admintimeout": ("int", (1, 480)),
        "timezone": ("str", 63), "udp-idle-timer": ("int", (1, 86400)),
        "tcp-halfclose-timer": ("int", (1, 86400)), "tcp-halfopen-timer": ("int", (1, 86400)),
        "gui-theme": ("enum", ("jade", "neutrino", "mariner", "graphite", "melongene",
                               "jet-stream", "security-fabric", "retro", "dark-matter",
                               "onyx", "eclipse")),
        "cfg-save": ("enum", ("automatic", "manual", "revert")),
        "cfg-revert-timeout": ("int", (10, 4294967295)), "switch-controller": ENABLE,
        "fds-statistics": ENABLE, "admin-https-redirect": ENABLE}},
    "system settings": {"kind": "settings", "fields": {
        "default-voip-alg-mode": ("enum", ("proxy-based", "kernel-helper-based")),
        "sip-expectation": ENABLE, "sip-nat-trace": ENABLE, "gui-voip-profile": ENABLE,
        "opmode": ("enum", ("nat", "transparent")), "inspection-mode": ("enum", ("proxy", "flow")),
        "gui-dns-database": ENABLE, "gui-explicit-proxy": ENABLE, "status": ENABLE,
        "allow-subnet-overlap": ENABLE, "central-nat": ENABLE}},
    "system console": {"kind": "settings", "fields": {
        "output": ("enum", ("standard", "more")), "baudrate": ("enum", (
            "9600", "19200", "38400", "57600", "115200")), "login": ENABLE,
        "mode": ("enum", ("batch", "line")), "fortiexplorer": ENABLE}},
    "system session-helper": {"kind": "table", "id": "int", "fields": {
        "name": ("enum", ("ftp", "tftp", "ras", "h323", "tns", "mms", "sip", "pptp", "rtsp",
                          "dns-udp", "dns-tcp", "pmap", "rsh", "dcerpc", "mgcp")),
        "protocol": ("int", (0, 255)), "port": ("int", (1, 65535))}},
    "system session-ttl": {"kind": "settings", "fields": {
        "default": ("int", (300, 2764800))}, "subs": ("port",)},
    "system session-ttl port": {"kind": "table", "id": "int", "fields": {
        "protocol": ("int", (0, 255)), "timeout": ("int", (1, 2764800)),
        "start-port": ("int", (0, 65535)), "end-port": ("int", (0, 65535))}},
    "system interface": {"kind": "table", "id": "name", "maxlen": 15, "fields": {
        "vdom": ("ref", (("system vdom",), ())), "ip": ("ipmask", None),
        "allowaccess": ACCESS, "type": ("enum", ("physical", "vlan", "aggregate",
                                                 "redundant", "tunnel", "loopback",
                                                 "hard-switch", "switch")),
        "role": ("enum", ("lan", "wan", "dmz", "undefined")), "snmp-index": ("int", (0, 2147483647)),
        "description": ("str", 255), "alias": ("str", 25),
        "interface": ("ref", (("system interface",), ())), "vlanid": ("int", (1, 4094)),
        "status": ("enum", ("up", "down")), "mode": ("enum", ("static", "dhcp", "pppoe")),
        "device-identification": ENABLE, "mtu-override": ENABLE, "mtu": ("int", (68, 9216)),
        "dedicated-to": ("enum", ("none", "management"))}},
    "system zone": {"kind": "table", "id": "name", "fields": {
        "interface": ("ref", (("system interface",), ())), "intrazone": ("enum", ("allow", "deny"))}},
    "system vdom": {"kind": "table", "id": "name", "fields": {}},
    "system sdwan": {"kind": "settings", "fields": {"status": ENABLE}, "subs": ("zone", "members")},
    "system sdwan zone": {"kind": "table", "id": "name", "fields": {}},
    "system sdwan members": {"kind": "table", "id": "int", "fields": {
        "interface": ("ref", (("system interface",), ())), "zone": ("ref", (("system sdwan zone",), ())),
        "gateway": ("ip", None)}},
    "firewall address": {"kind": "table", "id": "name", "maxlen": 79, "uuid": True, "fields": {
        "uuid": ("uuid", None), "type": ("enum", ("ipmask", "iprange", "fqdn", "geography",
                                                  "wildcard", "interface-subnet", "mac")),
        "subnet": ("ipmask", None), "fqdn": ("str", 255), "start-ip": ("ip", None),
        "end-ip": ("ip", None), "comment": ("str", 255), "color": ("int", (0, 32)),
        "associated-interface": IFACE_REF, "allow-routing": ENABLE}},
    "firewall addrgrp": {"kind": "table", "id": "name", "maxlen": 79, "uuid": True, "fields": {
        "uuid": ("uuid", None), "member": ("ref", (("firewall address", "firewall addrgrp"), ()), ),
        "comment": ("str", 255), "color": ("int", (0, 32))}},
    "firewall service category": {"kind": "table", "id": "name", "fields": {"comment": ("str", 255)}},
    "firewall service custom": {"kind": "table", "id": "name", "maxlen": 79, "fields": {
        "tcp-portrange": ("portrange", None), "udp-portrange": ("portrange", None),
        "sctp-portrange": ("portrange", None), "protocol": ("enum", (
            "TCP/UDP/SCTP", "ICMP", "ICMP6", "IP", "HTTP", "FTP", "CONNECT", "SOCKS-TCP",
            "SOCKS-UDP", "ALL")), "protocol-number": ("int", (0, 254)),
        "icmptype": ("int", (0, 4294967295)), "category": ("ref", (("firewall service category",), ())),
        "comment": ("str", 255), "color": ("int", (0, 32)), "visibility": ENABLE}},
    "firewall service group": {"kind": "table", "id": "name", "fields": {
        "member": SERVICE_REF, "comment": ("str", 255), "color": ("int", (0, 32))}},
    "firewall schedule recurring": {"kind": "table", "id": "name", "fields": {
        "day": ("list", ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
                         "saturday", "none")), "start": ("str", 5), "end": ("str", 5)}},
    "voip profile": {"kind": "table", "id": "name", "fields": {"comment": ("str", 255)},
                     "opaque_subs": True},
    "firewall policy": {"kind": "table", "id": "int", "uuid": True, "fields": {
        "name": ("str", 35), "uuid": ("uuid", None), "srcintf": IFACE_REF, "dstintf": IFACE_REF,
        "srcaddr": ADDR_REF, "dstaddr": ADDR_REF, "action": ("enum", ("accept", "deny", "ipsec")),
        "schedule": ("ref", (("firewall schedule recurring",), ())), "service": SERVICE_REF,
        "nat": ENABLE, "comments": ("str", 1023), "logtraffic": ("enum", ("all", "utm", "disable")),
        "voip-profile": ("ref", (("voip profile",), ())), "status": ENABLE,
        "inspection-mode": ("enum", ("proxy", "flow")), "utm-status": ENABLE,
        "ssl-ssh-profile": ("str", 35), "av-profile": ("str", 35),
        "logtraffic-start": ENABLE}},
    "firewall shaping-policy": {"kind": "table", "id": "int", "uuid": True, "fields": {
        "name": ("str", 35), "uuid": ("uuid", None), "comment": ("str", 1023),
        "status": ENABLE, "service": SERVICE_REF, "srcintf": IFACE_REF, "dstintf": IFACE_REF,
        "srcaddr": ADDR_REF, "dstaddr": ADDR_REF, "diffserv-forward": ENABLE,
        "diffserv-reverse": ENABLE, "diffservcode-forward": ("bits6", None),
        "diffservcode-rev": ("bits6", None), "traffic-shaper": ("str", 35)}},
}
#: sections kept as the device printed them; ``set`` there is accepted as typed
OPAQUE = ("system accprofile", "system admin", "system dns", "system ntp", "system snmp sysinfo",
          "system snmp community", "router static", "log syslogd setting", "system ha",
          "system dhcp server", "firewall vip", "firewall ippool")
#: values always accepted by these datasources (FortiOS built-in names)
BUILTIN = {"firewall address": ("all", "none")}
#: default values ``show full-configuration`` prints and ``show`` omits
DEFAULTS = {
    "system global": {"udp-idle-timer": "180", "tcp-halfclose-timer": "120",
                      "tcp-halfopen-timer": "10", "admintimeout": "5", "cfg-save": "automatic",
                      "cfg-revert-timeout": "600", "admin-sport": "443", "admin-ssh-port": "22"},
    "system settings": {"default-voip-alg-mode": "proxy-based", "sip-expectation": "disable",
                        "sip-nat-trace": "enable", "opmode": "nat", "inspection-mode": "flow",
                        "central-nat": "disable", "allow-subnet-overlap": "disable"},
    "system console": {"output": "more", "baudrate": "9600", "login": "enable",
                       "mode": "line", "fortiexplorer": "enable"},
    "system session-ttl": {"default": "3600"},
    "firewall policy": {"action": "deny", "nat": "disable", "status": "enable",
                        "logtraffic": "utm", "schedule": '""'},
}
#: which kinds print quoted (FortiOS prints strings and names in double quotes)
QUOTED = ("str", "ref", "fqdn")


def _words(line):
    try:
        return shlex.split(line)
    except ValueError:
        raise FortiError("token line: Unmatched double quote.")


def _q(text):
    return '"%s"' % text.replace('"', '\\"')


class Node(object):
    """A ``config`` section or an ``edit`` entry: its set-lines (in print order), nested
    sections and, for a table, its entries in order."""

    def __init__(self, path):
        self.path = path          # schema key: "firewall policy", "system session-ttl port"
        self.sets = {}            # field -> value as printed
        self.subs = {}            # name -> Node (nested ``config``)
        self.entries = {}         # id -> Node (``edit``), in order

    def copy(self):
        other = Node(self.path)
        other.sets = dict(self.sets)
        other.subs = dict((k, v.copy()) for k, v in self.subs.items())
        other.entries = dict((k, v.copy()) for k, v in self.entries.items())
        return other


class FortiConfig(object):
    """The running configuration of the emulated FortiGate and its CLI session language."""

    def __init__(self, text):
        self.root = Node("")
        self.header = []
        self._load(text)

    # -- loading and printing ------------------------------------------------------------
    def _load(self, text):
        stack = [self.root]
        for raw in text.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("#"):
                self.header.append(line)
                continue
            verb, _sep, rest = line.partition(" ")
            node = stack[-1]
            if verb == "config":
                path = rest if node is self.root else "%s %s" % (node.path, rest)
                sub = node.subs.setdefault(rest, Node(path))
                stack.append(sub)
            elif verb == "edit":
                name = _words(rest)[0]
                stack.append(node.entries.setdefault(name, Node(node.path)))
            elif verb == "set":
                key, _sep, value = rest.partition(" ")
                node.sets[key] = value
            elif verb in ("next", "end"):
                stack.pop()
        if len(stack) != 1:
            raise ValueError("start configuration is not closed")

    def table(self, path):
        """The Node of a top-level ``config`` path or a nested one ("system session-ttl port")."""
        node = self.root
        for name in self._split(path):
            node = node.subs.get(name)
            if node is None:
                return None
        return node

    def _split(self, path):
        if path in self.root.subs or path in TABLES or path in OPAQUE:
            return [path]
        for top in list(self.root.subs) + list(TABLES):
            if path.startswith(top + " "):
                return [top] + path[len(top) + 1:].split()
        return [path]

    def names(self, path):
        node = self.table(path)
        return list(node.entries) if node else []

    def dump(self, node=None, depth=0, full=False):
        node = node or self.root
        pad = "    " * depth
        out = []
        defaults = DEFAULTS.get(node.path, {})
        if full:
            sets = dict(node.sets)
            for key, value in defaults.items():
                sets.setdefault(key, value)
        else:
            # ``show`` prints what differs from the default (FortiOS CLI, show vs
            # show full-configuration): a field set to its default value is not listed
            sets = dict((k, v) for k, v in node.sets.items() if defaults.get(k) != v)
        for key, value in sets.items():
            out.append(("%sset %s %s" % (pad, key, value)).rstrip())
        for name, sub in node.subs.items():
            out.append("%sconfig %s" % (pad, name))
            out.extend(self.dump(sub, depth + 1, full))
            out.append("%send" % pad)
        for name, entry in node.entries.items():
            out.append("%sedit %s" % (pad, name if name.isdigit() else _q(name)))
            out.extend(self.dump(entry, depth + 1, full))
            out.append("%snext" % pad)
        return out

    def show(self, words, full=False):
        """``show [full-configuration] [PATH [ENTRY]]``."""
        if not words:
            return "\n".join(self.header + self.dump(full=full)) + "\n"
        path, entry = self._resolve(words)
        node = self.table(path)
        if node is None:
            if path in TABLES or path in OPAQUE:
                return "config %s\nend\n" % path
            raise FortiError(parse_error(words[0]))
        if entry is not None:
            if entry not in node.entries:
                raise FortiError(NOT_FOUND)
            body = ["config %s" % path, "    edit %s" % (entry if entry.isdigit() else _q(entry))]
            body += self.dump(node.entries[entry], 2, full) + ["    next", "end"]
            return "\n".join(body) + "\n"
        return "\n".join(["config %s" % path] + self.dump(node, 1, full) + ["end"]) + "\n"

    def _resolve(self, words):
        """Words of a path, longest known prefix first; what follows is an entry name."""
        for size in range(len(words), 0, -1):
            path = " ".join(words[:size])
            if path in TABLES or path in OPAQUE or self.table(path) is not None:
                rest = words[size:]
                return path, (rest[0] if rest else None)
        groups = set(p.split()[0] for p in list(TABLES) + list(OPAQUE))
        # FortiOS names the first word it could not place: 'system sdwanx' -> 'sdwanx'
        raise FortiError(parse_error(words[1] if words[0] in groups and len(words) > 1
                                     else words[0]))

    # -- the session -------------------------------------------------------------------
    def session(self):
        return Session(self)

    def references(self, path, name):
        """Entries whose datasource fields name ``path``/``name``."""
        count = 0

        def walk(node):
            nonlocal count
            spec = TABLES.get(node.path, {})
            for key, value in node.sets.items():
                field = spec.get("fields", {}).get(key)
                if field and field[0] == "ref" and path in field[1][0] and name in _words(value):
                    count += 1
            for sub in node.subs.values():
                walk(sub)
            for entry in node.entries.values():
                walk(entry)
        walk(self.root)
        return count


class Frame(object):
    """One level of the session: a section or an entry being edited (on a copy)."""

    def __init__(self, path, node, entry=None, new=False):
        self.path = path      # schema path
        self.node = node      # the live Node of the section
        self.entry = entry    # the entry id when this frame is an ``edit``
        self.work = None      # the entry's working copy
        self.new = new
        self.sets = []        # set lines given in this frame (for hier_config future())
        self.unsets = []

    @property
    def label(self):
        """What the prompt shows: ``(policy)``, ``(19000)``, ``(global)``."""
        if self.entry is not None:
            return self.entry
        return self.path.split()[-1]


class Session(object):
    """A CLI session: the stack of ``config``/``edit`` frames over a FortiConfig."""

    def __init__(self, config):
        self.config = config
        self.stack = []
        self.events = []  # (kind, text) for the device's own log: what took effect

    def prompt_label(self):
        return self.stack[-1].label if self.stack else None

    def handle(self, line):
        """One line typed at the prompt. Returns output text ('' for none); raises
        FortiError with the FortiOS message when the line is refused."""
        text = line.strip()
        if not text:
            return ""
        words = _words(text)
        verb = words[0]
        if verb == "config":
            return self._config(words[1:])
        if not self.stack:
            raise FortiError(parse_error(verb))
        frame = self.stack[-1]
        if verb == "end":
            self._close_to_section(commit=True)
            self._end_section()
            return ""
        if verb == "abort":
            if frame.entry is not None:
                self.stack.pop()
            self._end_section()
            return ""
        if verb == "next":
            if frame.entry is None:
                raise FortiError(parse_error(verb))
            self.stack.pop()  # a refused entry is discarded, as FortiOS does
            self._commit(frame)
            return ""
        if verb == "edit":
            return self._edit(frame, words[1:])
        if verb == "delete":
            return self._delete(frame, words[1:])
        if verb == "move":
            return self._move(frame, words[1:])
        if verb in ("set", "unset", "append", "unselect"):
            return self._set(frame, verb, words[1:], text)
        if verb in ("show", "get"):
            target = self._target(frame)
            return "\n".join(self.config.dump(target, 0)) + "\n"
        if verb == "purge":
            raise FortiError(parse_error(verb))  # never needed by the lab; too destructive
        raise FortiError(parse_error(verb))

    # -- sections and entries -----------------------------------------------------------
    def _config(self, words):
        if not words:
            raise FortiError(parse_error("config"))
        if self.stack:
            frame = self.stack[-1]
            spec = TABLES.get(frame.path, {})
            name = " ".join(words)
            if name not in spec.get("subs", ()) and frame.path not in OPAQUE and \
                    not spec.get("opaque_subs"):
                raise FortiError(parse_error(words[0]))
            parent = self._target(frame)
            node = parent.subs.setdefault(name, Node("%s %s" % (frame.path, name)))
            self.stack.append(Frame("%s %s" % (frame.path, name), node))
            return ""
        path = " ".join(words)
        if path not in TABLES and path not in OPAQUE:
            raise FortiError(parse_error(words[-1] if len(words) > 1 else words[0]))
        node = self.config.root.subs.get(path)
        if node is None:
            node = self.config.root.subs.setdefault(path, Node(path))
        frame = Frame(path, node)
        if TABLES.get(path, {}).get("kind") == "settings":
            frame.work = node.copy()
        self.stack.append(frame)
        return ""

    def _target(self, frame):
        return frame.work if frame.work is not None else frame.node

    def _edit(self, frame, words):
        spec = TABLES.get(frame.path, {"kind": "table", "id": "name"})
        if frame.entry is not None or spec.get("kind") != "table" and frame.path not in OPAQUE:
            raise FortiError(parse_error("edit"))
        if len(words) != 1:
            raise FortiError(parse_error(words[1] if len(words) > 1 else "edit"))
        name = words[0]
        table = self._target(frame)
        if spec.get("id") == "int":
            if not name.isdigit() or int(name) > 4294967294:
                raise FortiError(value_error(name))
            if name == "0":  # FortiOS: edit 0 takes the next free id
                name = str(max([int(k) for k in table.entries] or [0]) + 1)
        elif len(name) > spec.get("maxlen", 79):
            raise FortiError(value_error(name))
        new = name not in table.entries
        entry = Frame(frame.path, table, entry=name, new=new)
        entry.work = table.entries[name].copy() if not new else Node(frame.path)
        if new and spec.get("uuid"):
            entry.work.sets["uuid"] = str(uuid.uuid5(uuid.NAMESPACE_URL, "%s/%s" % (frame.path, name)))
        self.stack.append(entry)
        return ""

    def _delete(self, frame, words):
        if frame.entry is not None or len(words) != 1:
            raise FortiError(parse_error("delete"))
        table = self._target(frame)
        name = words[0]
        if name not in table.entries:
            raise FortiError(NOT_FOUND)
        used = self.config.references(frame.path, name)
        if used:
            raise FortiError(in_use_error(used))
        del table.entries[name]
        self.events.append(("delete", "%s %s" % (frame.path, name)))
        return ""

    def _move(self, frame, words):
        if frame.entry is not None or len(words) != 3 or words[1] not in ("before", "after"):
            raise FortiError(parse_error(words[1] if len(words) > 1 else "move"))
        table = self._target(frame)
        name, where, other = words
        for item in (name, other):
            if item not in table.entries:
                raise FortiError(NOT_FOUND)
        entry = table.entries.pop(name)
        items = list(table.entries.items())
        at = [k for k, _v in items].index(other) + (1 if where == "after" else 0)
        items.insert(at, (name, entry))
        table.entries = dict(items)
        self.events.append(("move", "%s %s %s %s" % (frame.path, name, where, other)))
        return ""

    def _close_to_section(self, commit):
        while self.stack and self.stack[-1].entry is not None:
            frame = self.stack.pop()
            if commit:
                self._commit(frame)

    def _end_section(self):
        if not self.stack:
            return
        frame = self.stack.pop()
        if frame.work is not None and frame.entry is None:
            self._apply_settings(frame)

    # -- set / unset ----------------------------------------------------------------------
    def _set(self, frame, verb, words, text):
        spec = TABLES.get(frame.path)
        opaque = spec is None
        if not opaque and spec["kind"] == "table" and frame.entry is None:
            raise FortiError(parse_error(verb))
        if not words:
            raise FortiError(parse_error(verb))
        key = words[0]
        fields = spec["fields"] if spec else {}
        if not opaque and (key not in fields or not _applies(frame.path, key, self._target(frame))):
            raise FortiError(parse_error(key))
        target = self._target(frame)
        if verb == "unset":
            if len(words) > 1:
                raise FortiError(parse_error(words[1]))
            target.sets.pop(key, None)
            frame.unsets.append(key)
            return ""
        values = words[1:]
        if opaque:
            rest = text.split(None, 2)[2] if len(text.split(None, 2)) > 2 else ""
            frame.sets.append("set %s %s" % (key, rest))
            target.sets[key] = rest
            return ""
        if not values:
            raise FortiError(value_error(key) if verb == "set" else parse_error(key))
        field = fields[key]
        if verb in ("append", "unselect"):
            if field[0] not in ("ref", "list"):
                raise FortiError(parse_error(verb))
            current = _words(target.sets.get(key, ""))
            if verb == "append":
                values = current + [v for v in values if v not in current]
            else:
                values = [v for v in current if v not in values]
                if not values:
                    target.sets.pop(key, None)
                    frame.unsets.append(key)
                    return ""
        printed = self._value(frame, target, key, field, values)
        target.sets[key] = printed
        frame.sets.append("set %s %s" % (key, printed))
        return ""

    def _value(self, frame, target, key, field, values):
        """Check one value against its field and return it as ``show`` prints it."""
        kind, arg = field
        if kind == "str":
            if len(values) != 1:
                raise FortiError(parse_error(values[1]))
            if len(values[0]) > arg:
                raise FortiError(value_error(values[0]))
            return _q(values[0])
        if kind == "enum":
            if len(values) != 1 or values[0] not in arg:
                raise FortiError(value_error(values[0] if values[0] not in arg else values[1]))
            return values[0]
        if kind == "int":
            if len(values) != 1 or not values[0].isdigit() or not arg[0] <= int(values[0]) <= arg[1]:
                raise FortiError(value_error(values[0]))
            return str(int(values[0]))
        if kind == "list":
            for value in values:
                if value not in arg:
                    raise FortiError(value_error(value))
            return " ".join(values)
        if kind == "ip":
            try:
                ipaddress.IPv4Address(values[0])
            except ValueError:
                raise FortiError(value_error(values[0]))
            return values[0]
        if kind == "ipmask":
            return _ipmask(values)
        if kind == "uuid":
            try:
                return str(uuid.UUID(values[0]))
            except ValueError:
                raise FortiError(value_error(values[0]))
        if kind == "bits6":
            if len(values) != 1 or not re.match(r"^[01]{6}$", values[0]):
                raise FortiError(value_error(values[0]))
            return values[0]
        if kind == "portrange":
            for value in values:
                if not _portrange(value):
                    raise FortiError(value_error(value))
            return " ".join(values)
        if kind == "ref":
            tables, builtin = arg
            for value in values:
                if value in builtin or self._exists(tables, value, target):
                    continue
                if IFACE_REF[1][0] == tables:
                    raise FortiError(interface_error(value))
                raise FortiError(datasource_error(value))
            return " ".join(_q(v) for v in values)
        raise FortiError(value_error(values[0]))

    def _exists(self, tables, name, target):
        for path in tables:
            if name in self.config.names(path) or name in BUILTIN.get(path, ()):
                return True
            if path == "system vdom" and name == "root":
                return True
        return False

    def _commit(self, frame):
        """``next``/``end`` of an entry: its settings take effect, merged by hier_config."""
        table = frame.node
        if frame.path == "firewall address" and frame.work.sets.get("type") == "fqdn" and \
                "subnet" in frame.work.sets:
            del frame.work.sets["subnet"]
        if frame.path == "system interface" and frame.new and not (
                "interface" in frame.work.sets and "vlanid" in frame.work.sets):
            # a new interface is a VLAN sub-interface (the hardware ones exist)
            raise FortiError("node_check_object fail! for interface\n\nattribute set operator "
                             "error, -3, discard the setting\nCommand fail. Return code -3")
        current = table.entries.get(frame.entry)
        merged = _future(current.sets if current else {}, frame.work.sets, frame.unsets)
        entry = current or Node(frame.path)
        entry.sets = merged
        entry.subs = frame.work.subs
        table.entries[frame.entry] = entry
        self.events.append(("commit", "%s %s" % (frame.path, frame.entry)))

    def _apply_settings(self, frame):
        merged = _future(frame.node.sets, frame.work.sets, frame.unsets)
        if merged != frame.node.sets:
            self.events.append(("commit", frame.path))
        frame.node.sets = merged
        frame.node.subs = frame.work.subs if frame.work.subs else frame.node.subs


#: fields that exist only for some values of another field (FortiOS hides the others)
CONDITIONAL = {"firewall address": {"subnet": ("type", ("ipmask",)), "fqdn": ("type", ("fqdn",)),
                                    "start-ip": ("type", ("iprange",)),
                                    "end-ip": ("type", ("iprange",))}}


def _applies(path, key, node):
    rule = CONDITIONAL.get(path, {}).get(key)
    if rule is None:
        return True
    other, values = rule
    return node.sets.get(other, DEFAULTS.get(path, {}).get(other, "ipmask")) in values


def _future(current, wanted, unsets):
    """The set-lines after a change: hier_config's FortiOS ``future()`` of the current
    lines with the changed ones (a ``set`` of a present field replaces it); the print
    order of fields already present is kept, new fields go last."""
    changed = ["set %s %s" % (k, v) for k, v in wanted.items() if current.get(k) != v]
    running = get_hconfig(Platform.FORTINET_FORTIOS,
                          "\n".join("set %s %s" % kv for kv in current.items() if kv[0] not in unsets))
    future = running.future(get_hconfig(Platform.FORTINET_FORTIOS, "\n".join(changed)))
    result = {}
    for child in future.children:
        key, _sep, value = child.text[4:].partition(" ")
        result[key] = value
    ordered = dict((k, result[k]) for k in current if k in result)
    ordered.update((k, v) for k, v in result.items() if k not in ordered)
    return ordered


def _ipmask(values):
    text = " ".join(values)
    try:
        if len(values) == 1:
            iface = ipaddress.IPv4Interface(values[0])
        elif len(values) == 2:
            iface = ipaddress.IPv4Interface("%s/%s" % tuple(values))
        else:
            raise ValueError(text)
    except ValueError:
        raise FortiError(value_error(values[-1]))
    return "%s %s" % (iface.ip, iface.netmask)


def _portrange(text):
    match = re.match(r"^(\d+)(?:-(\d+))?(?::(\d+)(?:-(\d+))?)?$", text)
    if not match:
        return False
    low, high = int(match.group(1)), int(match.group(2) or match.group(1))
    return 0 <= low <= high <= 65535 and (match.group(3) is None or int(match.group(3)) <= 65535)
