"""PAN-OS configuration model for the EMULATED PAN-OS firewall (lab test infrastructure, never
a real device; never the collection's drivers).

Built on the standard library (``ipaddress``, ``difflib``). A PAN-OS configuration is an XML
tree the CLI shows as a path tree: containers (``deviceconfig system``), named entries
(``address <name>``), scalar leaves (``hostname PA-VM``) and member lists (``from [ trust
dmz ]``). The schema below holds the part of a single-vsys firewall's tree the lab uses; the
element names and ranges follow the PAN-OS XML API / CLI schema as the PAN-OS CLI Quick Start
("Modify the Configuration", "Commit Configuration Changes", "CLI Cheat Sheet: Networking")
and the PAN-OS Administrator's Guide describe them (session timeouts 1-15999999 s, default
UDP 30 s and TCP 3600 s; object names up to 63 characters; layer3 sub-interface tags 1-4094).
Layouts of the ``set`` and brace formats follow public captures (captures/panos/SOURCE.md).

Semantics that the device has and this model keeps:
- ``set`` on a member list APPENDS members; a scalar is replaced; one ``set`` may assign
  several sibling leaves (``set rulebase security rules R from trust to untrust ...``);
- mutually exclusive choices (``address X ip-netmask|fqdn|ip-range``, ``service X protocol
  tcp|udp``) replace each other;
- ``delete PATH [MEMBER]`` removes a subtree, a leaf, or one member;
- ``move rulebase security rules R top|bottom|before X|after X`` reorders entries;
- entries print in the order they were created, containers in schema order;
- references (zones, addresses, services, applications, interfaces) are checked only at
  commit (``validate()``), with the device's ``Validation Error:`` lines.
"""

import difflib
import ipaddress
import re

NAME_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._/: -]{0,62}$")


class CliError(Exception):
    """A command the CLI refuses before it reaches the candidate: ``text`` is what it prints."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


# -- schema -------------------------------------------------------------------------------
class V(object):
    """A scalar leaf of type ``kind`` (str, int, ip, ipnet, yesno, enum, port)."""

    def __init__(self, kind="str", lo=None, hi=None, values=()):
        self.kind, self.lo, self.hi, self.values = kind, lo, hi, tuple(values)

    def check(self, value):
        """The canonical value, or None when the device refuses it."""
        if self.kind == "str":
            return value if len(value) <= 1023 else None
        if self.kind == "int":
            if not value.isdigit() or not self.lo <= int(value) <= self.hi:
                return None
            return str(int(value))
        if self.kind == "yesno":
            return value if value in ("yes", "no") else None
        if self.kind == "enum":
            return value if value in self.values else None
        if self.kind == "ip":
            try:
                return str(ipaddress.ip_address(value))
            except ValueError:
                return None
        if self.kind == "ipnet":  # ip-netmask: a host or a prefix, host bits allowed
            try:
                ipaddress.ip_interface(value)
            except ValueError:
                return None
            return value
        if self.kind == "port":  # 5060 | 5060-5061 | 80,443
            for part in value.split(","):
                low, _sep, high = part.partition("-")
                if not low.isdigit() or not 0 < int(low) < 65536 or (
                        high and (not high.isdigit() or not int(low) <= int(high) < 65536)):
                    return None
            return value
        raise ValueError(self.kind)


class L(V):
    """A member list; ``ref`` names what each member must be (checked at commit)."""

    def __init__(self, kind="str", ref=None, **kw):
        super().__init__(kind, **kw)
        self.ref = ref


class E(object):
    """Named entries, each with the container schema ``child``."""

    def __init__(self, child):
        self.child = child


#: values (not objects) PAN-OS predefines
PREDEFINED = {
    "application": {"any", "sip", "rtp", "rtcp", "rtp-base", "dns", "ntp", "ssl", "ssh",
                    "web-browsing", "ping", "icmp", "ms-rdp", "snmp", "syslog", "stun",
                    "google-base", "ms-update", "paloalto-updates", "ike", "ipsec-esp"},
    "service": {"any", "application-default", "service-http", "service-https"},
}
DSCP = ("ef", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "af11", "af12", "af13",
        "af21", "af22", "af23", "af31", "af32", "af33", "af41", "af42", "af43")

PORTS = {"port": V("port"), "source-port": V("port"),
         "override": {"no": {}, "yes": {"timeout": V("int", 1, 604800),
                                        "halfclose-timeout": V("int", 1, 604800),
                                        "timewait-timeout": V("int", 1, 600)}}}
RULE = {
    "to": L(ref="zone"), "from": L(ref="zone"), "source": L(ref="address"),
    "destination": L(ref="address"), "source-user": L(), "category": L(),
    "application": L(ref="application"), "service": L(ref="service"),
    "hip-profiles": L(), "tag": L(ref="tag"), "negate-source": V("yesno"),
    "negate-destination": V("yesno"), "disabled": V("yesno"),
    "action": V("enum", values=("allow", "deny", "drop", "reset-client", "reset-server",
                                "reset-both")),
    "log-start": V("yesno"), "log-end": V("yesno"), "log-setting": V(),
    "description": V(), "rule-type": V("enum", values=("universal", "intrazone", "interzone")),
    "profile-setting": {"group": L()},
    "qos": {"marking": {"ip-dscp": V("enum", values=DSCP), "ip-precedence": V(),
                        "follow-c2s-flow": {}}},
}
NAT_RULE = {
    "source-translation": {"dynamic-ip-and-port": {"interface-address": {
        "interface": V(), "ip": V("ipnet")}, "translated-address": L(ref="address")}},
    "destination-translation": {"translated-address": V(), "translated-port": V("port")},
    "to": L(ref="zone"), "from": L(ref="zone"), "source": L(ref="address"),
    "destination": L(ref="address"), "service": V(), "to-interface": V(),
    "description": V(), "disabled": V("yesno"),
}
UNIT = {"ip": L("ipnet"), "interface-management-profile": V(), "tag": V("int", 1, 4094),
        "comment": V(), "mtu": V("int", 576, 9216)}
SCHEMA = {
    "mgt-config": {"users": E({"phash": V(), "permissions": {"role-based": {
        "superuser": V("yesno"), "superreader": V("yesno")}}})},
    "deviceconfig": {
        "system": {"ip-address": V("ip"), "netmask": V("ip"), "default-gateway": V("ip"),
                   "hostname": V(), "domain": V(), "timezone": V(), "login-banner": V(),
                   "dns-setting": {"servers": {"primary": V("ip"), "secondary": V("ip")}},
                   "ntp-servers": {"primary-ntp-server": {"ntp-server-address": V()},
                                   "secondary-ntp-server": {"ntp-server-address": V()}},
                   "service": {"disable-telnet": V("yesno"), "disable-http": V("yesno")},
                   "type": {"static": {}}},
        "setting": {"config": {"rematch": V("yesno")},
                    "session": {"timeout-tcp": V("int", 1, 15999999),
                                "timeout-udp": V("int", 1, 15999999),
                                "timeout-icmp": V("int", 1, 15999999),
                                "timeout-default": V("int", 1, 15999999),
                                "timeout-tcpinit": V("int", 1, 60),
                                "timeout-tcp-half-closed": V("int", 1, 604800),
                                "timeout-tcp-time-wait": V("int", 1, 600)}},
    },
    "network": {
        "interface": {"ethernet": E({"layer3": {
            "ip": L("ipnet"), "interface-management-profile": V(), "mtu": V("int", 576, 9216),
            "units": E(UNIT)}, "link-state": V("enum", values=("auto", "up", "down")),
            "comment": V()})},
        "profiles": {"interface-management-profile": E({
            "ping": V("yesno"), "ssh": V("yesno"), "https": V("yesno"),
            "permitted-ip": L("ipnet")})},
        "virtual-router": E({"interface": L(ref="interface"), "routing-table": {"ip": {
            "static-route": E({"destination": V("ipnet"), "interface": V(),
                               "nexthop": {"ip-address": V("ipnet"), "next-vr": V(),
                                           "discard": {}},
                               "admin-dist": V("int", 10, 240),
                               "metric": V("int", 1, 65535)})}}}),
    },
    "shared": {
        "alg-override": {"application": E({"alg-disabled": V("yesno")})},
        "override": {"application": E({"timeout": V("int", 0, 604800),
                                       "tcp-timeout": V("int", 0, 604800),
                                       "udp-timeout": V("int", 0, 604800),
                                       "tcp-half-closed-timeout": V("int", 1, 604800),
                                       "tcp-time-wait-timeout": V("int", 1, 600)})},
    },
    "zone": E({"network": {"layer3": L(ref="interface"), "virtual-wire": L(ref="interface")},
               "enable-user-identification": V("yesno")}),
    "tag": E({"color": V(), "comments": V()}),
    "address": E({"ip-netmask": V("ipnet"), "ip-range": V(), "fqdn": V(), "description": V(),
                  "tag": L(ref="tag")}),
    "address-group": E({"static": L(ref="address"), "description": V(), "tag": L(ref="tag")}),
    "service": E({"protocol": {"tcp": dict(PORTS), "udp": dict(PORTS)}, "description": V(),
                  "tag": L(ref="tag")}),
    "service-group": E({"members": L(ref="service"), "tag": L(ref="tag")}),
    "application-group": E({"members": L(ref="application")}),
    "rulebase": {"security": {"rules": E(RULE)}, "nat": {"rules": E(NAT_RULE)}},
}
#: children that exclude each other (setting one removes the others)
CHOICES = (("address", "*", ("ip-netmask", "ip-range", "fqdn")),
           ("service", "*", "protocol", ("tcp", "udp")))
#: XML order of the top-level elements as ``show`` prints them
TOP_ORDER = ("mgt-config", "deviceconfig", "network", "shared", "zone", "tag", "address",
             "address-group", "service", "service-group", "application-group", "rulebase")


def choice_group(path, key):
    for choice in CHOICES:
        pattern, group = choice[:-1], choice[-1]
        if len(pattern) == len(path) and all(p in ("*", w) for p, w in zip(pattern, path)) \
                and key in group:
            return group
    return ()


# -- words ------------------------------------------------------------------------------
def tokens(line):
    """PAN-OS CLI words: double-quoted strings kept whole, ``[`` ``]`` as words."""
    out, pos = [], 0
    while pos < len(line):
        char = line[pos]
        if char.isspace():
            pos += 1
        elif char == '"':
            end = pos + 1
            while end < len(line) and line[end] != '"':
                end += 2 if line[end] == "\\" else 1
            if end >= len(line):
                raise CliError("Invalid syntax.")
            out.append(re.sub(r"\\(.)", r"\1", line[pos + 1:end]))
            pos = end + 1
        elif char in "[]":
            out.append(char)
            pos += 1
        else:
            match = re.compile(r'[^\s\[\]"]+').match(line, pos)
            out.append(match.group(0))
            pos = match.end()
    return out


_BARE = re.compile(r'^[^\s"\[\];{}]+$')


def quote(word):
    if word and _BARE.match(word):
        return word
    return '"%s"' % word.replace('"', '\\"')


# -- the tree -------------------------------------------------------------------------------
class Config(object):
    """One configuration (running or candidate): nested dicts, lists for members."""

    def __init__(self, tree=None):
        self.tree = tree if tree is not None else {}

    def copy(self):
        def dup(node):
            if isinstance(node, dict):
                return dict((k, dup(v)) for k, v in node.items())
            return list(node) if isinstance(node, list) else node
        return Config(dup(self.tree))

    # -- reading paths against the schema ------------------------------------------------
    @staticmethod
    def walk(words, schema=None, allow_partial=True):
        """Split ``words`` into (path, schema node at the end, rest). A container path may
        stop anywhere; a leaf keeps the words after it as its value."""
        path, node, index = [], SCHEMA if schema is None else schema, 0
        while index < len(words):
            word = words[index]
            if isinstance(node, E):
                if word in "[]" or not NAME_RE.match(word):
                    raise CliError("Invalid syntax.")
                path.append(word)
                node, index = node.child, index + 1
                continue
            if isinstance(node, V):
                return path, node, words[index:]
            if not isinstance(node, dict) or word not in node:
                raise CliError("Unknown command: %s" % word if index == 0 else "Invalid syntax.")
            path.append(word)
            node, index = node[word], index + 1
        return path, node, []

    def get(self, path):
        node = self.tree
        for word in path:
            if not isinstance(node, dict) or word not in node:
                return None
            node = node[word]
        return node

    def _container(self, path):
        node = self.tree
        schema = SCHEMA
        for at, word in enumerate(path):
            schema = schema.child if isinstance(schema, E) else schema[word]
            if word not in node:
                group = choice_group(path[:at], word)
                for other in group:
                    if other != word:
                        node.pop(other, None)
                node[word] = {} if not isinstance(schema, V) else None
            node = node[word]
        return node

    def set(self, line_words):
        """``set`` with the words after it; CliError when the CLI refuses the line."""
        if not line_words:
            raise CliError("Invalid syntax.")
        path, schema, rest = self.walk(line_words)
        if not isinstance(schema, V):
            if rest:
                raise CliError("Invalid syntax.")
            self._container(path)  # an empty entry or container
            return
        assignments = []
        while True:
            values, rest = self._values(schema, rest)
            assignments.append((list(path), schema, values))
            if not rest:
                break
            parent_schema = self.walk(path[:-1])[1]
            parent_schema = parent_schema.child if isinstance(parent_schema, E) else parent_schema
            if rest[0] not in parent_schema:
                raise CliError("Invalid syntax.")
            sub, schema, rest = self.walk(rest, parent_schema)
            if not isinstance(schema, V):
                raise CliError("Invalid syntax.")
            path = path[:-1] + sub
        for path, schema, values in assignments:
            parent = self._container(path[:-1])
            for other in choice_group(path[:-1], path[-1]):
                if other != path[-1]:
                    parent.pop(other, None)
            if isinstance(schema, L):
                members = parent.get(path[-1]) if isinstance(parent.get(path[-1]), list) else []
                parent[path[-1]] = members + [v for v in values if v not in members]
            else:
                parent[path[-1]] = values[0]

    @staticmethod
    def _values(schema, rest):
        """(values, remaining words) for a leaf; CliError on a refused value."""
        if not rest:
            raise CliError("Invalid syntax.")
        if rest[0] == "[":
            if "]" not in rest or not isinstance(schema, L):
                raise CliError("Invalid syntax.")
            end = rest.index("]")
            raw, rest = rest[1:end], rest[end + 1:]
        else:
            raw, rest = [rest[0]], rest[1:]
        values = []
        for value in raw:
            checked = schema.check(value)
            if checked is None or value in "[]":
                raise CliError("Invalid syntax.")
            values.append(checked)
        return values, rest

    def delete(self, words):
        """``delete PATH`` or ``delete LIST MEMBER``; a path that is not there is no error."""
        path, schema, rest = self.walk(words)
        parent = self.get(path[:-1]) if path else None
        if not path or not isinstance(parent, dict) or path[-1] not in parent:
            return False
        if rest:
            if not isinstance(schema, L) or not isinstance(parent[path[-1]], list):
                raise CliError("Invalid syntax.")
            members = [w for w in rest if w not in "[]"]
            parent[path[-1]] = [m for m in parent[path[-1]] if m not in members]
        else:
            del parent[path[-1]]
        return True

    def move(self, words):
        """``move PATH-TO-ENTRY top|bottom|before X|after X``."""
        where = [i for i, w in enumerate(words) if w in ("top", "bottom", "before", "after")]
        if not where:
            raise CliError("Invalid syntax.")
        at = where[-1] if words[where[-1]] in ("top", "bottom") else where[-1]
        path, how, other = words[:at], words[at], words[at + 1:]
        if (how in ("top", "bottom") and other) or (how in ("before", "after") and len(other) != 1):
            raise CliError("Invalid syntax.")
        parent_path, schema, _rest = self.walk(path[:-1]) if path else (None, None, None)
        if not isinstance(schema, E):
            raise CliError("Invalid syntax.")
        parent = self.get(path[:-1])
        name = path[-1]
        if not isinstance(parent, dict) or name not in parent or (other and other[0] not in parent):
            missing = name if not isinstance(parent, dict) or name not in parent else other[0]
            raise CliError("Move failed. %s does not exist." % missing)
        items = [(k, v) for k, v in parent.items() if k != name]
        if how == "top":
            index = 0
        elif how == "bottom":
            index = len(items)
        else:
            index = [k for k, _v in items].index(other[0]) + (1 if how == "after" else 0)
        items.insert(index, (name, parent[name]))
        parent.clear()
        parent.update(items)

    # -- printing --------------------------------------------------------------------------
    @staticmethod
    def _ordered(node, schema):
        if isinstance(schema, E):
            return list(node.items())
        order = TOP_ORDER if schema is SCHEMA else list(schema)
        rank = dict((k, i) for i, k in enumerate(order))
        return sorted(node.items(), key=lambda kv: rank.get(kv[0], len(rank)))

    def set_lines(self, prefix=(), node=None, schema=None, lead=None):
        """The configuration in ``set`` format (``set cli config-output-format set``)."""
        if node is None:
            node, schema = self.get(prefix), self.walk(list(prefix))[1] if prefix else SCHEMA
            if node is None:
                return []
        if lead is None:
            lead = " ".join(["set"] + [quote(w) for w in prefix])
        out = []
        for key, child in self._ordered(node, schema):
            sub = schema.child if isinstance(schema, E) else schema[key]
            head = lead + " " + quote(key)
            if isinstance(child, dict):
                inner = self.set_lines(list(prefix) + [key], child, sub, head)
                out += inner or [head]
            elif isinstance(child, list):
                if len(child) == 1:
                    out.append("%s %s" % (head, quote(child[0])))
                elif child:
                    out.append("%s [ %s ]" % (head, " ".join(quote(c) for c in child)))
                else:
                    out.append(head)
            elif child is not None:
                out.append("%s %s" % (head, quote(child)))
        return out

    def brace_lines(self, node=None, schema=None, depth=0):
        """The configuration in PAN-OS's default (brace) format."""
        node = self.tree if node is None else node
        schema = SCHEMA if schema is None else schema
        out, pad = [], "  " * depth
        for key, child in self._ordered(node, schema):
            sub = schema.child if isinstance(schema, E) else schema[key]
            if isinstance(child, dict):
                if child:
                    out.append("%s%s {" % (pad, quote(key)))
                    out += self.brace_lines(child, sub, depth + 1)
                    out.append(pad + "}")
                else:
                    out.append("%s%s;" % (pad, quote(key)))
            elif isinstance(child, list):
                value = quote(child[0]) if len(child) == 1 else "[ %s ]" % " ".join(
                    quote(c) for c in child)
                out.append("%s%s %s;" % (pad, key, value) if child else "%s%s;" % (pad, key))
            elif child is not None:
                out.append("%s%s %s;" % (pad, key, quote(child)))
        return out

    def text(self):
        """The stored form (the device's own ``set`` format, one leaf a line)."""
        return "\n".join(self.set_lines()) + "\n"

    @classmethod
    def from_text(cls, text):
        """Reads ``set`` lines (the stored form, or a starting configuration)."""
        config = cls()
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            words = tokens(line)
            if words[0] != "set":
                raise ValueError("line %d is not a set line: %r" % (number, line))
            try:
                config.set(words[1:])
            except CliError as exc:
                raise ValueError("line %d refused (%s): %r" % (number, exc.text, line))
        return config

    # -- commit validation -------------------------------------------------------------------
    def interfaces(self):
        names = set()
        for parent, body in (self.get(["network", "interface", "ethernet"]) or {}).items():
            layer3 = body.get("layer3") if isinstance(body, dict) else None
            if isinstance(layer3, dict):
                names.add(parent)
                names.update((layer3.get("units") or {}).keys())
        return names

    def names(self, kind):
        """What a reference of ``kind`` may name."""
        if kind == "zone":
            return set(self.get(["zone"]) or {}) | {"any"}
        if kind == "address":
            return set(self.get(["address"]) or {}) | set(self.get(["address-group"]) or {}) \
                | {"any"}
        if kind == "service":
            return set(self.get(["service"]) or {}) | set(self.get(["service-group"]) or {}) \
                | PREDEFINED["service"]
        if kind == "application":
            return set(self.get(["application-group"]) or {}) | PREDEFINED["application"]
        if kind == "tag":
            return set(self.get(["tag"]) or {})
        if kind == "interface":
            return self.interfaces()
        raise ValueError(kind)

    def validate(self):
        """The ``Validation Error`` lines a commit of this configuration gets (empty: valid)."""
        errors = []

        def where(path):
            return " -> ".join(path)

        def refs(node, schema, path):
            for key, child in (node or {}).items():
                sub = schema.child if isinstance(schema, E) else schema.get(key)
                if isinstance(child, dict):
                    refs(child, sub, path + [key])
                elif isinstance(child, list) and isinstance(sub, L) and sub.ref:
                    known = self.names(sub.ref)
                    for member in child:
                        if member in known or (sub.ref == "address" and _literal(member)):
                            continue
                        errors.append("%s '%s' is not a valid reference" % (
                            where(path + [key]), member))
                        errors.append("%s is invalid" % where(path + [key]))
        refs(self.tree, SCHEMA, [])
        for name, body in (self.get(["address"]) or {}).items():
            if not any(k in body for k in ("ip-netmask", "ip-range", "fqdn")):
                errors.append("address -> %s is missing 'ip-netmask', 'ip-range' or 'fqdn'"
                              % name)
        for name, body in (self.get(["service"]) or {}).items():
            protocol = body.get("protocol") or {}
            if not any(isinstance(p, dict) and p.get("port") for p in protocol.values()):
                errors.append("service -> %s -> protocol is missing 'port'" % name)
        for name, body in (self.get(["rulebase", "security", "rules"]) or {}).items():
            for key in ("from", "to", "source", "destination", "application", "service"):
                if not body.get(key):
                    errors.append("rulebase -> security -> rules -> %s is missing '%s'"
                                  % (name, key))
        for parent, body in (self.get(["network", "interface", "ethernet"]) or {}).items():
            units = ((body or {}).get("layer3") or {}).get("units") or {}
            for unit, spec in units.items():
                if not unit.startswith(parent + "."):
                    errors.append("network -> interface -> ethernet -> %s -> layer3 -> units "
                                  "-> %s is not a valid sub-interface name" % (parent, unit))
                if not (spec or {}).get("tag"):
                    errors.append("network -> interface -> ethernet -> %s -> layer3 -> units "
                                  "-> %s is missing 'tag'" % (parent, unit))
        seen = {}
        for zone, body in (self.get(["zone"]) or {}).items():
            for iface in ((body or {}).get("network") or {}).get("layer3") or []:
                if iface in seen:
                    errors.append("zone -> %s -> network -> layer3 '%s' is already in use by "
                                  "zone %s" % (zone, iface, seen[iface]))
                seen.setdefault(iface, zone)
        return errors


def _literal(value):
    """An address given as itself in a rule (10.1.1.1, 10.0.0.0/8, a-b range)."""
    try:
        ipaddress.ip_network(value, strict=False)
        return True
    except ValueError:
        parts = value.split("-")
        if len(parts) == 2:
            try:
                ipaddress.ip_address(parts[0])
                ipaddress.ip_address(parts[1])
                return True
            except ValueError:
                return False
    return False


def diff(before_lines, after_lines):
    """``show config diff``: a unified diff of the two renderings, without file headers."""
    lines = list(difflib.unified_diff(before_lines, after_lines, lineterm="", n=3))
    return [line for line in lines if not line.startswith(("---", "+++"))]
