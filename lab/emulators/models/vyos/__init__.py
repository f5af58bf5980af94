"""VyOS configuration model for the emulators (lab test infrastructure, never a real device).

Built on the standard library (xml.etree) over vyos-1x's own ``interface-definitions`` (the
XML VyOS builds its CLI from; github.com/vyos/vyos-1x branch ``sagitta`` = VyOS 1.4, LGPL-2.1,
kept as data in ``interface-definitions/`` with its ``#include`` files, see SOURCE.md). The
definitions decide what a ``set``/``delete`` may name and what it does: ``node`` (a fixed
keyword), ``tagNode`` (a keyword followed by a name, validated by its constraint),
``leafNode`` (a value; ``<multi/>`` adds one more value, else the new value replaces the old;
``<valueless/>`` takes none). A value must pass one of the node's ``<constraint>`` entries
(``<regex>``, ``<validator>``); the validators are vyos-1x's (``src/validators``, vyos-utils'
``numeric``) written again in Python for the ones these definitions use. Refusals are VyOS's
own texts: ``Configuration path: [...] is not valid``, the node's ``constraintErrorMessage``
(or ``"V" is not a valid value``) then ``Value validation failed``, ``Set failed``.
hier_config's ``vyos`` driver reads configurations written in the curly (config.boot) form.
"""

import ipaddress
import os
import re
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DEFS = os.path.join(HERE, "interface-definitions")


class VyosError(Exception):
    """A refusal; ``message`` is what VyOS prints."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class Node:
    __slots__ = ("name", "kind", "children", "multi", "valueless", "constraints", "error",
                 "tag_constraints")

    def __init__(self, name, kind):
        self.name, self.kind = name, kind
        self.children = {}
        self.multi = self.valueless = False
        self.constraints = []   # [("regex", rx) | ("validator", name, argument)]
        self.error = None


def _expand(path, seen=()):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()

    def include(match):
        return _expand(os.path.join(DEFS, match.group(1)), seen + (path,))
    return re.sub(r"#include <([^>]+)>", include, text)


def _merge(parent, element):
    for child in element:
        if child.tag not in ("node", "tagNode", "leafNode"):
            continue
        name = child.get("name")
        node = parent.children.get(name)
        if node is None:
            node = Node(name, child.tag)
            parent.children[name] = node
        props = child.find("properties")
        if props is not None:
            node.multi = node.multi or props.find("multi") is not None
            node.valueless = node.valueless or props.find("valueless") is not None
            constraint = props.find("constraint")
            if constraint is not None:
                for item in constraint:
                    if item.tag == "regex":
                        node.constraints.append(("regex", item.text or ""))
                    elif item.tag == "validator":
                        node.constraints.append(("validator", item.get("name"),
                                                 item.get("argument") or ""))
            message = props.find("constraintErrorMessage")
            if message is not None:
                node.error = " ".join((message.text or "").split())
        kids = child.find("children")
        if kids is not None:
            _merge(node, kids)


_SCHEMA = {}


def schema():
    """The definitions tree (root node), loaded once."""
    if "root" not in _SCHEMA:
        root = Node("", "node")
        for name in sorted(os.listdir(DEFS)):
            if name.endswith(".xml.in"):
                text = _expand(os.path.join(DEFS, name))
                text = re.sub(r"\$\{[a-z_]+\}", "", text)
                _merge(root, ET.fromstring(text))
        _SCHEMA["root"] = root
    return _SCHEMA["root"]


# -- validators (vyos-1x src/validators, vyos-utils numeric) --------------------------------
def _numeric(value, argument):
    args = argument.split()
    allow_range = "--allow-range" in args
    parts = value.split("-", 1) if allow_range and re.match(r"^\d+-\d+$", value) else [value]
    for part in parts:
        if not re.match(r"^-?\d+(\.\d+)?$", part) or ("." in part and "--float" not in args):
            return False
        number = float(part)
        if "--non-negative" in args and number < 0:
            return False
        if "--positive" in args and number <= 0:
            return False
        ranges = [args[i + 1] for i, a in enumerate(args) if a == "--range" and i + 1 < len(args)]
        if ranges and not any(float(r.split("-")[0]) <= number <= float(r.split("-")[1])
                              for r in ranges if "-" in r):
            return False
    return True


def _ip(value, version=None, kind="address"):
    try:
        if kind == "address":
            obj = ipaddress.ip_address(value)
        elif kind == "prefix":
            obj = ipaddress.ip_network(value, strict=True)
        else:  # host: an interface address, not the network address
            obj = ipaddress.ip_interface(value)
            if "/" not in value:
                return False
    except ValueError:
        return False
    return version is None or obj.version == version


def _range(value, version):
    if "-" not in value:
        return False
    lo, hi = value.split("-", 1)
    return _ip(lo, version) and _ip(hi, version) and \
        ipaddress.ip_address(lo) < ipaddress.ip_address(hi)


_PROTOCOLS = ("all ip hopopt icmp igmp ggp ipencap st tcp egp igp pup udp tcp_udp hmp xns-idp "
              "rdp iso-tp4 dccp xtp ddp idpr-cmtp ipv6 ipv6-route ipv6-frag idrp rsvp gre esp ah "
              "skip ipv6-icmp icmpv6 ipv6-nonxt ipv6-opts rspf vmtp eigrp ospf ax.25 ipip "
              "etherip encap pim ipcomp vrrp l2tp isis sctp fc mobility-header udplite "
              "mpls-in-ip manet hip shim6 wesp rohc").split()
_SERVICES = ("ssh", "http", "https", "domain", "ntp", "sip", "sip-tls", "snmp", "smtp", "ftp",
             "telnet", "bgp", "ldap", "imap", "pop3", "syslog", "tftp", "isakmp")


def _port(port):
    if re.match(r"^\d{1,5}-\d{1,5}$", port):
        lo, hi = (int(p) for p in port.split("-"))
        return 1 <= lo <= hi <= 65535
    if port.isdigit():
        return 1 <= int(port) <= 65535
    return port in _SERVICES


VALIDATORS = {
    "ipv4-address": lambda v, a: _ip(v, 4),
    "ipv6-address": lambda v, a: _ip(v, 6),
    "ip-address": lambda v, a: _ip(v),
    "ipv4": lambda v, a: _ip(v, 4) or _ip(v, 4, "prefix"),
    "ipv6": lambda v, a: _ip(v, 6) or _ip(v, 6, "prefix"),
    "ipv4-prefix": lambda v, a: _ip(v, 4, "prefix"),
    "ipv6-prefix": lambda v, a: _ip(v, 6, "prefix"),
    "ip-prefix": lambda v, a: _ip(v, None, "prefix"),
    "ipv4-host": lambda v, a: _ip(v, 4, "host"),
    "ipv6-host": lambda v, a: _ip(v, 6, "host"),
    "ip-host": lambda v, a: _ip(v, None, "host"),
    "ip-cidr": lambda v, a: _ip(v, None, "host") or _ip(v, None, "prefix"),
    "ipv4-range": lambda v, a: _range(v, 4),
    "ipv6-range": lambda v, a: _range(v, 6),
    "ipv4-address-exclude": lambda v, a: v.startswith("!") and _ip(v[1:], 4),
    "ipv4-prefix-exclude": lambda v, a: v.startswith("!") and _ip(v[1:], 4, "prefix"),
    "ipv4-range-exclude": lambda v, a: v.startswith("!") and _range(v[1:], 4),
    "mac-address": lambda v, a: re.fullmatch(r"([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}", v),
    "mac-address-exclude": lambda v, a: re.fullmatch(r"!([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}", v),
    "fqdn": lambda v, a: re.fullmatch(r"[A-Za-z0-9][-.A-Za-z0-9]*", v),
    "ip-protocol": lambda v, a: (v.isdigit() and int(v) < 256) or v.lstrip("!") in _PROTOCOLS,
    "port-range": lambda v, a: _port(v),
    "port-multi": lambda v, a: all(_port(p.lstrip("!")) for p in v.split(",")),
    "numeric": _numeric,
    "numeric-exclude": lambda v, a: v.startswith("!") and _numeric(v[1:], a),
    "vrf-name": lambda v, a: re.fullmatch(r"[a-zA-Z0-9\-_]{1,15}", v) and v not in (
        "add", "all", "delete", "default", "del", "dev", "down", "show", "up"),
}


def valid(node, value):
    """True when ``value`` passes one of ``node``'s constraints (or it has none)."""
    if not node.constraints:
        return True
    for item in node.constraints:
        if item[0] == "regex":
            if re.fullmatch(item[1], value):
                return True
        else:
            name, argument = item[1].split()[0], item[2]
            check = VALIDATORS.get(name)
            if check is None or check(value, argument):
                return True  # a validator not written here accepts (lab/README.md lists them)
    return False


def _refuse_value(node, value):
    message = node.error or '"%s" is not a valid value' % value
    return VyosError("\n  %s\n\n  Value validation failed\n" % message)


# -- paths -----------------------------------------------------------------------------------
def resolve(words, partial=False, verb="set"):
    """[(node, tag value or leaf value)] of ``words``; raises VyosError with VyOS's text."""
    node, out, i = schema(), [], 0
    failed = "Set failed" if verb == "set" else "Delete failed"
    while i < len(words):
        child = node.children.get(words[i])
        if child is None or node.kind == "leafNode":
            raise VyosError("\n  Configuration path: [%s] is not valid\n  %s\n" % (
                " ".join(words[:i + 1]), failed))
        i += 1
        if child.kind == "tagNode":
            if i >= len(words):
                if partial:
                    out.append((child, None))
                    return out
                raise VyosError("\n  Configuration path: [%s] requires a value\n  %s\n"
                                % (" ".join(words[:i]), failed))
            if verb == "set" and not valid(child, words[i]):
                error = _refuse_value(child, words[i])
                raise VyosError(error.message + "  %s\n" % failed)
            out.append((child, words[i]))
            i += 1
        elif child.kind == "leafNode":
            if child.valueless:
                if i < len(words):
                    raise VyosError("\n  Configuration path: [%s] is not valid\n  %s\n" % (
                        " ".join(words[:i + 1]), failed))
                out.append((child, True))
                return out
            if i >= len(words):
                if partial:
                    out.append((child, None))
                    return out
                raise VyosError("\n  Configuration path: [%s] requires a value\n  %s\n"
                                % (" ".join(words[:i]), failed))
            value = " ".join(words[i:]) if i < len(words) - 1 else words[i]
            if i < len(words) - 1:
                raise VyosError("\n  Configuration path: [%s] is not valid\n  %s\n" % (
                    " ".join(words[:i + 2]), failed))
            if verb == "set" and not valid(child, value):
                error = _refuse_value(child, value)
                raise VyosError(error.message + "  %s\n" % failed)
            out.append((child, value))
            return out
        else:
            out.append((child, None))
        node = child
    if verb == "set" and out and out[-1][0].kind == "node" and not partial:
        pass  # an empty node may be set (``set service ssh``)
    return out


# -- the tree --------------------------------------------------------------------------------
def apply_set(tree, steps):
    cur = tree
    for node, value in steps:
        if node.kind == "node":
            cur = cur.setdefault(node.name, {})
        elif node.kind == "tagNode":
            cur = cur.setdefault(node.name, {}).setdefault(value, {})
        elif node.multi:
            values = cur.setdefault(node.name, [])
            if value in values:
                return False
            values.append(value)
        else:
            cur[node.name] = value
    return True


def apply_delete(tree, steps):
    """False when the path does not exist."""
    trail, cur = [], tree
    for node, value in steps[:-1]:
        nxt = cur.get(node.name)
        if node.kind == "tagNode":
            nxt = (nxt or {}).get(value)
        if nxt is None:
            return False
        trail.append((cur, node, value))
        cur = nxt
    node, value = steps[-1]
    if node.name not in cur:
        return False
    if node.kind == "tagNode" and value is not None:
        if value not in cur[node.name]:
            return False
        del cur[node.name][value]
        if not cur[node.name]:
            del cur[node.name]
    elif node.kind == "leafNode" and node.multi and value not in (None, True):
        if value not in cur[node.name]:
            return False
        cur[node.name].remove(value)
        if not cur[node.name]:
            del cur[node.name]
    elif node.kind == "leafNode" and not node.multi and value not in (None, True) \
            and cur[node.name] != value:
        return False
    else:
        del cur[node.name]
    # VyOS removes parents left empty (a tag value keeps its node, as ``set`` made it)
    for parent, pnode, pvalue in reversed(trail):
        child = parent[pnode.name] if pnode.kind != "tagNode" else parent[pnode.name][pvalue]
        if child:
            break
        if pnode.kind == "tagNode":
            del parent[pnode.name][pvalue]
            if not parent[pnode.name]:
                del parent[pnode.name]
        else:
            del parent[pnode.name]
    return True


def _natural(text):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def commands(tree, prefix=()):
    """``show configuration commands``: every leaf as a ``set`` line (values quoted)."""
    out = []
    _walk(tree, schema(), list(prefix), out)
    return out


def _walk(cur, node, words, out):
    for name in sorted(cur):
        child = node.children.get(name)
        value = cur[name]
        if child is None:
            continue
        if child.kind == "tagNode":
            for tag in sorted(value, key=_natural):
                here = words + [name, tag]
                if value[tag]:
                    _walk(value[tag], child, here, out)
                else:
                    out.append("set " + " ".join(here))
        elif child.kind == "node":
            if value:
                _walk(value, child, words + [name], out)
            else:
                out.append("set " + " ".join(words + [name]))
        elif value is True:
            out.append("set " + " ".join(words + [name]))
        else:
            for item in (value if isinstance(value, list) else [value]):
                out.append("set %s '%s'" % (" ".join(words + [name]), item))


def boot_text(tree):
    """config.boot (``show configuration``): the curly form, 4 spaces an indent."""
    out = []
    _curly(tree, schema(), 0, out)
    return out


def _q(value):
    return '"%s"' % value if re.search(r"[\s\"';{}]", value) or value == "" else value


def _curly(cur, node, depth, out):
    pad = "    " * depth
    for name in sorted(cur):
        child = node.children.get(name)
        value = cur[name]
        if child is None:
            continue
        if child.kind == "tagNode":
            for tag in sorted(value, key=_natural):
                if value[tag]:
                    out.append("%s%s %s {" % (pad, name, _q(tag)))
                    _curly(value[tag], child, depth + 1, out)
                    out.append(pad + "}")
                else:
                    out.append("%s%s %s {\n%s}" % (pad, name, _q(tag), pad))
        elif child.kind == "node":
            if value:
                out.append("%s%s {" % (pad, name))
                _curly(value, child, depth + 1, out)
                out.append(pad + "}")
            else:
                out.append("%s%s {\n%s}" % (pad, name, pad))
        elif value is True:
            out.append(pad + name)
        else:
            for item in (value if isinstance(value, list) else [value]):
                out.append("%s%s %s" % (pad, name, _q(item)))


def load(lines):
    """A tree from ``set`` lines (``show configuration commands``); VyosError names the line."""
    tree = {}
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = split(line)
        if words[0] != "set":
            raise VyosError("line %d: not a set command: %r" % (number, line))
        try:
            apply_set(tree, resolve(words[1:]))
        except VyosError as exc:
            raise VyosError("line %d %r: %s" % (number, line, exc.message.strip()))
    return tree


def from_curly(text):
    """config.boot text -> ``set`` lines (hier_config's VyOS preprocessor)."""
    from hier_config.platforms.functions import convert_to_set_commands
    return convert_to_set_commands(text).splitlines()


def split(line):
    """Words of a command line; single or double quotes group words."""
    words, word, quote, started = [], [], None, False
    for char in line:
        if quote:
            if char == quote:
                quote = None
            else:
                word.append(char)
        elif char in ("'", '"'):
            quote, started = char, True
        elif char.isspace():
            if started:
                words.append("".join(word))
            word, started = [], False
        else:
            word.append(char)
            started = True
    if started:
        words.append("".join(word))
    return words


# -- commit checks (vyos-1x src/conf_mode/firewall.py verify(), messages as it raises them) --
def commit_check(tree):
    """[(section, message)] of the ConfigErrors VyOS's commit scripts would raise."""
    problems = []
    fw = tree.get("firewall", {})
    groups = fw.get("group", {})
    names = set(fw.get("ipv4", {}).get("name", {}))
    chains = []
    for hook in ("forward", "input", "output"):
        for prio, chain in fw.get("ipv4", {}).get(hook, {}).items():
            chains.append(chain)
    chains += list(fw.get("ipv4", {}).get("name", {}).values())
    for chain in chains:
        for number, rule in chain.get("rule", {}).items():
            action = rule.get("action")
            if action is None:
                problems.append(("firewall", "Rule action must be defined"))
            if action == "jump" and "jump-target" not in rule:
                problems.append(("firewall", "Action set to jump, but no jump-target specified"))
            if "jump-target" in rule:
                if action != "jump":
                    problems.append(("firewall", "jump-target defined, but action jump needed "
                                                 "and it is not defined"))
                elif rule["jump-target"] not in names:
                    problems.append(("firewall", "Invalid jump-target. Firewall name %s does "
                                                 "not exist on the system" % rule["jump-target"]))
            for side in ("source", "destination"):
                spec = rule.get(side, {})
                for kind, group_name in spec.get("group", {}).items():
                    have = groups.get(kind, {})
                    if group_name.lstrip("!") not in have:
                        problems.append(("firewall", 'Invalid %s "%s" on firewall rule' % (
                            kind, group_name)))
                if "port" in spec or "port-group" in spec.get("group", {}):
                    proto = rule.get("protocol")
                    if proto is None:
                        problems.append(("firewall", "Protocol must be defined if specifying "
                                                     "a port or port-group"))
                    elif proto not in ("tcp", "udp", "tcp_udp"):
                        problems.append(("firewall", "Protocol must be tcp, udp, or tcp_udp "
                                                     "when specifying a port or port-group"))
    return problems
