# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VyOS 1.4 (sagitta) and 1.5 (circinus): the five features as ``set`` commands.

Read with ``show configuration commands``; every line is a path, so hier_config
(Platform.VYOS) computes the remediation between the running lines and "running minus
what we own plus what we render". Owned objects carry the allowlist prefix (default
VOIPREADY) in their name or description:

  firewall group network-group|domain-group P-<rule-id>, P-VOICE, P-DNS, P-NTP
  firewall ipv4 name P-OUT-<hash> / P-IN-<hash>      the chains (hash of their rules)
  firewall ipv4 forward filter rule 1 / 2            jumps into them ("the binding")
  system conntrack modules sip                        absent = SIP helper unloaded
  interfaces ethernet ethX vif N (description VOIPREADY:<name>)
  policy route VOIPREADY-QOS (+ network-group VOIPREADY-QOS-<class>-<n>)
  system conntrack timeout udp ... (1.4) / firewall global-options timeout udp ... (1.5)
  system conntrack timeout custom ipv4 rule 5060 (description VOIPREADY:sip-udp)

The syntax version comes from ``Driver(vyos_version="1.5")``; without it the running
configuration decides (``firewall global-options timeout`` only exists on 1.5), else 1.4.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import math
import re
from collections import OrderedDict

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key
from ansible_collections.voipready.network.plugins.module_utils.intent import field_label
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    PlatformDriver, read_once, refusals)
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.vyos_routeros_common import (
    DIRECTIONS, as_cidr, chain_hash, host_or_cidr, parse_port,
    port_text, pushed_rules)

VERSIONS = ("1.4", "1.5")
DEFAULT_VERSION = "1.4"
MARK = "VOIPREADY"                  # owner tag for the features that have no allowlist name
QOS_POLICY = MARK + "-QOS"
JUMP_RULES = {"out": 1, "in": 2}    # forward filter rules that bind the chains
SIP_TIMEOUT_RULE = 5060             # system conntrack timeout custom ipv4 rule number
SIP_PORTS = "5060"
DEFAULT_TIMEOUTS = {"udp": 30, "udp_stream": 180}   # vyos-1x defaults (sagitta/circinus)
#: what the CLI prints when it did not take a set/delete line (vyos-1x's own texts)
SET_FAILED = ("Set failed", "Delete failed", "Invalid command", "is not valid")
#: the line of VyOS's answer that says why (the first one per refused line is reported)
REFUSED = re.compile(r"^(Configuration path: .* (is not valid|requires a value)|Invalid command: .*|"
                     r"Nothing to delete.*|Value validation failed)$")

# Global timeout nodes per syntax version (S57: 1.5 moved them, T6394).
TIMEOUT_BASE = {"1.4": "system conntrack timeout", "1.5": "firewall global-options timeout"}
TIMEOUT_LEAVES = (("udp", "udp other"), ("udp_stream", "udp stream"),
                  ("tcp_established", "tcp established"))

# Leaves that hold one value: ``set`` replaces it, so the old value needs no delete.
SINGLE_LEAVES = frozenset(("action", "default-action", "description", "jump-target", "protocol",
                           "port", "dscp", "replied", "other", "stream", "established"))

# Object roots: a delete of everything below one of these collapses to one delete.
ROOT_PATTERNS = (
    re.compile(r"^(firewall ipv4 name \S+)"),
    re.compile(r"^(firewall ipv4 forward filter rule \d+)"),
    re.compile(r"^(firewall group \S+ \S+)"),
    re.compile(r"^(policy route \S+)"),
    re.compile(r"^(policy route \S+ rule \d+)"),
    re.compile(r"^(system conntrack timeout custom ipv4 rule \d+)"),
    re.compile(r"^(interfaces \S+ \S+ vif \d+)"),
)
# Push phases: removals first, then objects, rules, bindings, and last the old chains
# and groups nothing refers to any more.
PHASES = (
    ("delete", re.compile(r"^firewall ipv4 name \S+$"), 9),
    ("delete", re.compile(r"^firewall group \S+ \S+$"), 10),
    ("delete", re.compile(r""), 0),
    ("set", re.compile(r"^firewall group "), 1),
    ("set", re.compile(r"^firewall ipv4 forward "), 3),
    ("set", re.compile(r""), 2),
)

PARENT_TYPES = (("eth", "ethernet"), ("bond", "bonding"), ("br", "bridge"))


# -- reading set-lines -------------------------------------------------------------------
def tokens(line, number=0):
    """Split one ``set`` line into words, honouring VyOS's single quotes."""
    words, word, quoted, started = [], [], False, False
    for char in line:
        if char == "'":
            quoted, started = not quoted, True
        elif char.isspace() and not quoted:
            if started:
                words.append("".join(word))
            word, started = [], False
        else:
            word.append(char)
            started = True
    if quoted:
        raise VoipReadyError("running configuration line %d has an unclosed quote: %r"
                             % (number, line), field="running", value=line)
    if started:
        words.append("".join(word))
    return words


def canonical(words):
    """Words back to one line, quoting only what needs it."""
    return " ".join("'%s'" % w if (not w or " " in w) else w for w in words)


def config_lines(running):
    """Running text -> canonical paths (without 'set '); anything else is refused."""
    if not isinstance(running, str):
        raise VoipReadyError("running configuration must be text, got %s" % type(running).__name__,
                             field="running", value=type(running).__name__)
    paths = []
    for number, raw in enumerate(running.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = tokens(line, number)
        if len(words) < 3 or words[0] != "set":
            raise VoipReadyError(
                "running configuration line %d is not a 'set' command from 'show configuration "
                "commands': %r" % (number, raw[:120]), field="running", value=raw[:120])
        paths.append(canonical(words[1:]))
    # a statement set twice is set once (and hier_config refuses duplicate children)
    return list(OrderedDict.fromkeys(paths))


def node_values(paths, prefix):
    """Values of the leaf ``prefix <value>`` in order of appearance."""
    start = prefix + " "
    return [p[len(start):].strip("'") for p in paths if p.startswith(start)]


#: configuration that only VyOS 1.3 and older hold (1.4 moved the firewall to
#: ``firewall ipv4 ...``, interface bindings to the base chains, zones under ``firewall``)
PRE_14 = (re.compile(r"^firewall (?:name|ipv6-name) \S+"),
          re.compile(r"^interfaces \S+ \S+(?: vif \d+)? firewall (?:in|out|local) "),
          re.compile(r"^firewall state-policy "), re.compile(r"^zone-policy "))
#: the line gather() puts before the configuration: the release ``show version`` names
VERSION_LINE = re.compile(r"^# vyos-version (\S+)", re.M)


def detect_version(paths):
    """1.5 when the running configuration uses 1.5-only nodes, else None."""
    if any(p.startswith("firewall global-options timeout") for p in paths):
        return "1.5"
    return None


def release_syntax(release):
    """``show version`` release -> the syntax it takes: '1.3' (older), '1.4', '1.5', or
    None when unknown. Rolling releases are dated (2025.01.01-0020-rolling): 1.5 and later."""
    found = re.match(r"^(\d+)\.(\d+)", release or "")
    if not found:
        return None
    major, minor = int(found.group(1)), int(found.group(2))
    if major >= 2024 or (major, minor) >= (1, 5):
        return "1.5"
    return "1.4" if (major, minor) == (1, 4) else "1.3"


def parent_path(parent):
    """eth1 -> 'interfaces ethernet eth1' (bond0 -> bonding, br0 -> bridge)."""
    for stem, kind in PARENT_TYPES:
        if parent.startswith(stem):
            return "interfaces %s %s" % (kind, parent)
    raise VoipReadyError("voice_vlan.subinterfaces.parent=%r is not a VyOS ethernet, bonding or "
                         "bridge interface (ethN, bondN, brN)" % parent,
                         field="voice_vlan.subinterfaces.parent", value=parent)


# -- rendering: one function per feature, each a list of paths ----------------------------
def render_allowlist(cfg):
    """Groups, the OUT/IN chains (named by a hash of their rules) and the two jumps."""
    prefix = cfg.get("name") or MARK
    if not cfg.get("rules") and not cfg.get("voice_networks"):
        return []
    if not cfg.get("voice_networks"):
        raise VoipReadyError("allowlist.voice_networks=[] must name the voice subnets on vyos: the "
                             "chains match traffic from and to them", field="allowlist.voice_networks",
                             value=[])
    voice = "%s-VOICE" % prefix
    groups = ["firewall group network-group %s network %s" % (voice, as_cidr(n))
              for n in cfg["voice_networks"]]
    for key, _ports in plan.essential_services():
        groups += ["firewall group network-group %s-%s network %s" % (prefix, key.upper(), as_cidr(a))
                   for a in cfg["essentials"].get(key, [])]
    chains = {"out": ["default-action %s" % ("drop" if cfg.get("enforce", True) else "return")],
              "in": ["default-action %s" % ("drop" if cfg.get("enforce", True) else "return")]}
    for direction in ("out", "in"):
        chains[direction] += [
            "rule 10 action accept", "rule 10 description %s:established" % prefix,
            "rule 10 state established", "rule 10 state related"]
    number = 20
    for name, proto, port in plan.ESSENTIALS:
        if cfg["essentials"].get(name):
            chains["out"] += _rule(number, "%s:%s-%s" % (prefix, name, proto), proto, port_text(port, port),
                                   ("network-group", voice), ("network-group", "%s-%s" % (prefix, name.upper())))
            number += 10
    numbers = {"out": 100, "in": 100}
    pushed, _notes = pushed_rules(cfg)
    for rule, members, kind in pushed:
        group = "%s-%s" % (prefix, rule["id"])
        if kind == "addresses":
            groups += ["firewall group network-group %s network %s" % (group, as_cidr(a)) for a in members]
            remote = ("network-group", group)
        else:
            groups += ["firewall group domain-group %s address %s" % (group, f) for f in members]
            remote = ("domain-group", group)
        for direction in DIRECTIONS[rule["direction"]]:
            src, dst = (("network-group", voice), remote) if direction == "out" else (remote, ("network-group", voice))
            chains[direction] += _rule(numbers[direction], "%s:%s" % (prefix, rule["id"]), rule["proto"],
                                       port_text(rule["port_min"], rule["port_max"]), src, dst)
            numbers[direction] += 10
    paths = sorted(set(groups), key=_group_sort)
    for direction in ("out", "in"):
        name = chain_name(prefix, direction, chains[direction])
        paths += ["firewall ipv4 name %s %s" % (name, line) for line in chains[direction]]
        rule = "firewall ipv4 forward filter rule %d" % JUMP_RULES[direction]
        side = "source" if direction == "out" else "destination"
        paths += ["%s action jump" % rule, "%s description %s:jump-%s" % (rule, prefix, direction),
                  "%s %s group network-group %s" % (rule, side, voice), "%s jump-target %s" % (rule, name)]
    return paths


def chain_name(prefix, direction, lines):
    """P-OUT-1a2b3c: a changed ruleset is a new chain, never an edit of the bound one."""
    return "%s-%s-%s" % (prefix, direction.upper(), chain_hash(lines))


def _rule(number, description, proto, port, src, dst):
    base = "rule %d " % number
    return [base + "action accept", base + "description " + description,
            base + "destination group %s %s" % dst, base + "destination port " + port,
            base + "protocol " + proto, base + "source group %s %s" % src]


def _group_sort(path):
    words = path.split()
    return (words[3], words[2], words[4:])


def render_sip_alg(cfg):
    """The SIP helper is on only while 'system conntrack modules sip' exists (S57)."""
    return ["system conntrack modules sip"] if cfg.get("enabled") else []


def render_voice_vlan(cfg):
    """Routed voice VLAN: one vif per sub-interface, tagged with its owner."""
    paths = []
    for sub in cfg.get("subinterfaces", []):
        vif = "%s vif %d" % (parent_path(sub["parent"]), sub["vlan"])
        if sub.get("address"):
            paths.append("%s address %s" % (vif, sub["address"]))
        paths.append("%s description %s:%s" % (vif, MARK, cfg["voice_vlan"]["name"]))
    return paths


def render_qos(cfg):
    """Policy route marking both directions of each class match, bound to the interfaces."""
    if not cfg.get("classes"):
        return []
    policy = "policy route %s" % QOS_POLICY
    groups, rules, number = [], [], 10
    for cls in cfg["classes"]:
        for index, match in enumerate(cls["matches"], 1):
            group = "%s-%s-%d" % (QOS_POLICY, cls["name"], index)
            groups += ["firewall group network-group %s network %s" % (group, as_cidr(a))
                       for a in match["addresses"]]
            for direction, side in (("out", "destination"), ("in", "source")):
                base = "%s rule %d " % (policy, number)
                rules += [base + "description %s:%s:%s" % (MARK, cls["name"], direction),
                          base + "protocol " + match["proto"],
                          base + "%s port %s" % (side, port_text(match["port_min"], match["port_max"])),
                          base + "set dscp %d" % cls["dscp"]]
                if match["addresses"]:
                    rules.append(base + "%s group network-group %s" % (side, group))
                number += 10
    binds = ["%s interface %s" % (policy, i) for i in cfg.get("interfaces", [])]
    return sorted(groups) + binds + rules


def render_timeouts(cfg, version):
    """Global UDP timers where this version keeps them, plus a custom rule for SIP."""
    base = TIMEOUT_BASE[version]
    paths = ["%s %s %d" % (base, leaf, cfg[key]) for key, leaf in TIMEOUT_LEAVES
             if cfg.get(key) is not None]
    rule = "system conntrack timeout custom ipv4 rule %d" % SIP_TIMEOUT_RULE
    if cfg.get("sip") is not None:
        paths += ["%s description %s:sip-udp" % (rule, MARK), "%s destination port %s" % (rule, SIP_PORTS),
                  "%s protocol udp replied %d" % (rule, cfg["sip"])]
    return paths


# -- ownership -----------------------------------------------------------------------------
def owned_roots(paths, feature, intent_cfg, version):
    """Prefixes of the running paths that ``feature`` owns (and so may change)."""
    if feature == "allowlist":
        prefixes = set([intent_cfg.get("name") or MARK]) | set(found_prefixes(paths))
        roots = set()
        for prefix in prefixes:
            esc = re.escape(prefix)
            group = re.compile(r"^(firewall group (?:network|domain)-group %s-(?!QOS-)\S+)" % esc)
            chain = re.compile(r"^(firewall ipv4 name %s-(?:OUT|IN)-[0-9a-f]{6})( |$)" % esc)
            jump = re.compile(r"^(firewall ipv4 forward filter rule \d+) description %s:jump-(?:out|in)$" % esc)
            for path in paths:
                for regex in (group, chain, jump):
                    found = regex.match(path)
                    if found:
                        roots.add(found.group(1))
        return roots
    if feature == "sip_alg":
        return set(["system conntrack modules sip"])
    if feature == "voice_vlan":
        owned = re.compile(r"^(interfaces \S+ \S+ vif \d+) description %s:" % MARK)
        return set(m.group(1) for m in map(owned.match, paths) if m)
    if feature == "qos":
        return set(["policy route %s" % QOS_POLICY, "firewall group network-group %s-" % QOS_POLICY])
    if feature == "timeouts":
        roots = set()
        for base in TIMEOUT_BASE.values():
            roots |= set("%s %s" % (base, leaf) for key, leaf in TIMEOUT_LEAVES
                         if key != "tcp_established" or intent_cfg.get("tcp_established") is not None)
        owned = re.compile(r"^(system conntrack timeout custom ipv4 rule \d+) description %s:" % MARK)
        roots |= set(m.group(1) for m in map(owned.match, paths) if m)
        return roots
    return set()


def found_prefixes(paths):
    """Allowlist prefixes present in running, read from the jump rules' descriptions."""
    jump = re.compile(r"^firewall ipv4 forward filter rule \d+ description ([A-Za-z][\w-]*):jump-(?:out|in)$")
    return sorted(set(m.group(1) for m in map(jump.match, paths) if m))


def is_owned(path, roots):
    return any(path == r or path.startswith(r + " ") or (r.endswith("-") and path.startswith(r))
               for r in roots)


# -- parsing: running -> the intent's structure ---------------------------------------------
def parse_allowlist(paths):
    """Rules, voice networks, essentials and enforcement from the owned groups and chains."""
    prefixes = found_prefixes(paths) or [MARK]
    prefix = prefixes[0]
    groups = {}
    for path in paths:
        found = re.match(r"^firewall group (network|domain)-group (%s-\S+) (?:network|address) (\S+)$"
                         % re.escape(prefix), path)
        if found:
            groups.setdefault(found.group(2), []).append(found.group(3))
    rules, enforce = {}, True
    for direction in ("out", "in"):
        chain = _bound_chain(paths, prefix, direction)
        if not chain:
            continue
        base = "firewall ipv4 name %s" % chain
        enforce = enforce and node_values(paths, base + " default-action") == ["drop"]
        pattern = r"^%s rule (\d+) " % re.escape(base)
        for number in sorted(set(int(n) for n in re.findall(pattern, "\n".join(paths), re.M))):
            rule = _parse_rule(paths, "%s rule %d" % (base, number), prefix, groups, direction)
            if rule:
                known = rules.setdefault(rule["id"], rule)
                if known is not rule:
                    known["direction"] = "both"
    voice = groups.get("%s-VOICE" % prefix, [])
    return {
        "name": prefix, "rules": sorted(rules.values(), key=lambda r: r["id"]),
        "voice_networks": sorted(set(host_or_cidr(n) for n in voice), key=address_key),
        "essentials": dict((k, sorted(set(host_or_cidr(a) for a in groups.get("%s-%s" % (prefix, k.upper()), [])), key=address_key))
                           for k in ("dns", "ntp")),
        "enforce": enforce if rules or voice else True, "fqdn_mode": "auto",
        "inside_interfaces": [], "outside_interfaces": [],
        "inside_zone": "trust", "outside_zone": "untrust",
    }


def _bound_chain(paths, prefix, direction):
    rule = "firewall ipv4 forward filter rule %d" % JUMP_RULES[direction]
    if ("%s description %s:jump-%s" % (rule, prefix, direction)) not in paths:
        return None
    targets = node_values(paths, rule + " jump-target")
    return targets[0] if targets else None


def _parse_rule(paths, base, prefix, groups, direction):
    """One chain rule -> a provider rule (None for the established/essential rules)."""
    desc = node_values(paths, base + " description")
    if not desc or not desc[0].startswith(prefix + ":"):
        return None
    rule_id = desc[0][len(prefix) + 1:]
    if not re.match(r"^[a-z0-9][a-z0-9.-]*$", rule_id) or rule_id in ("established",) \
            or rule_id.startswith(("dns-", "ntp-")):
        return None
    side = "destination" if direction == "out" else "source"
    protos = node_values(paths, base + " protocol")
    ports = parse_port((node_values(paths, base + " destination port") or [""])[0])
    if protos not in (["tcp"], ["udp"]) or not ports:
        raise VoipReadyError("%s: cannot read protocol/port of rule %s (protocol %s, port %s)" % (
            base, rule_id, protos, node_values(paths, base + " destination port")),
            field="running", value=base)
    members, fqdns = [], []
    for kind in ("network-group", "domain-group"):
        for group in node_values(paths, "%s %s group %s" % (base, side, kind)):
            if kind == "network-group":
                members += [host_or_cidr(a) for a in groups.get(group, [])]
            else:
                fqdns += groups.get(group, [])
    return {"id": rule_id, "service": None, "proto": protos[0], "port_min": ports[0],
            "port_max": ports[1], "addresses": sorted(set(members)), "fqdns": sorted(set(fqdns)),
            "wildcard": False, "enforceable": True,
            "direction": "outbound" if direction == "out" else "inbound", "dscp": None}


def parse_voice_vlan(paths):
    """Owned vifs -> subinterfaces (the voice VLAN name rides in the description)."""
    subs, name = [], "VOICE"
    owned = re.compile(r"^interfaces \S+ (\S+) vif (\d+) description %s:(\S+)$" % MARK)
    for path in paths:
        found = owned.match(path)
        if found:
            vif = path[:path.index(" description ")]
            address = node_values(paths, vif + " address")
            subs.append({"parent": found.group(1), "vlan": int(found.group(2)),
                         "address": address[0] if address else None})
            name = found.group(3)
    subs.sort(key=lambda s: (s["parent"], s["vlan"]))
    vlan = subs[0]["vlan"] if subs else 110
    return {"voice_vlan": {"id": vlan, "name": name}, "data_vlan": {"id": 10 if vlan != 10 else 1, "name": "DATA"},
            "phone_ports": [], "uplink_ports": [], "trust_dscp": True, "subinterfaces": subs}


def parse_qos(paths):
    """Policy-route classes (outbound rules carry the class) and their bindings."""
    policy = "policy route %s" % QOS_POLICY
    classes = {}
    numbers = sorted(set(int(n) for n in re.findall(r"^%s rule (\d+) " % re.escape(policy),
                                                    "\n".join(paths), re.M)))
    for number in numbers:
        base = "%s rule %d" % (policy, number)
        desc = (node_values(paths, base + " description") or [""])[0]
        found = re.match(r"^%s:([A-Za-z][\w-]*):out$" % MARK, desc)
        if not found:
            continue
        dscp = node_values(paths, base + " set dscp")
        ports = parse_port((node_values(paths, base + " destination port") or [""])[0])
        protos = node_values(paths, base + " protocol")
        if not dscp or not dscp[0].isdigit() or not ports or protos not in (["tcp"], ["udp"]):
            raise VoipReadyError("%s: cannot read the DSCP class %r" % (base, found.group(1)),
                                 field="running", value=base)
        addresses = []
        for group in node_values(paths, base + " destination group network-group"):
            addresses += [host_or_cidr(a) for a in
                          node_values(paths, "firewall group network-group %s network" % group)]
        fresh = {"name": found.group(1), "dscp": int(dscp[0]), "matches": []}
        cls = classes.setdefault(found.group(1), fresh)
        cls["matches"].append({"proto": protos[0], "port_min": ports[0], "port_max": ports[1],
                               "addresses": sorted(set(addresses))})
    return {"trust": True, "classes": sorted(classes.values(), key=lambda c: (-c["dscp"], c["name"])),
            "interfaces": sorted(node_values(paths, policy + " interface"))}


def parse_timeouts(paths):
    """Global UDP timers (either version's node) and the SIP custom rule."""
    out = {"udp": DEFAULT_TIMEOUTS["udp"], "udp_stream": DEFAULT_TIMEOUTS["udp_stream"],
           "sip": None, "tcp_established": None, "keepalive_interval": None}
    for base in TIMEOUT_BASE.values():
        for key, leaf in TIMEOUT_LEAVES:
            values = node_values(paths, "%s %s" % (base, leaf))
            if values:
                if not values[0].isdigit():
                    raise VoipReadyError("%s %s=%r is not a number of seconds" % (base, leaf, values[0]),
                                         field="running", value=values[0])
                out[key] = int(values[0])
    rule = "system conntrack timeout custom ipv4 rule %d" % SIP_TIMEOUT_RULE
    replied = node_values(paths, rule + " protocol udp replied")
    if ("%s description %s:sip-udp" % (rule, MARK)) in paths and replied and replied[0].isdigit():
        out["sip"] = int(replied[0])
    return out


# -- remediation helpers --------------------------------------------------------------------
def collapse(commands, generated):
    """``delete`` every leaf of an object that is gone -> one ``delete <object>``."""
    out, seen = [], set()
    for command in commands:
        if command.startswith("delete "):
            path = command[len("delete "):]
            for regex in ROOT_PATTERNS:
                found = regex.match(path)
                if found and not any(is_owned(g, [found.group(1)]) for g in generated):
                    path = found.group(1)
                    break
            command = "delete " + path
        if command not in seen:
            seen.add(command)
            out.append(command)
    sets = set(c[4:].rsplit(" ", 1)[0] for c in out if c.startswith("set "))
    return [c for c in out if not (c.startswith("delete ") and _single_leaf(c[7:])
                                   and c[7:].rsplit(" ", 1)[0] in sets)]


def _single_leaf(path):
    words = path.split()
    return len(words) >= 2 and words[-2] in SINGLE_LEAVES and not path.startswith("firewall group ")


def order(commands):
    """Removals, objects, rules, bindings; old chains and groups go last."""
    def phase(command):
        verb, path = command.split(" ", 1)
        for want, regex, rank in PHASES:
            if verb == want and regex.search(path):
                return rank
        return 5
    return [c for _index, c in sorted(enumerate(commands), key=lambda ic: (phase(ic[1]), ic[0]))]


class Driver(PlatformDriver):
    """VyOS through netmiko ``vyos``: configure, set/delete, commit-confirm, confirm, save."""

    platform = "vyos"
    netmiko_device_type = "vyos"
    # napalm-vyos (community, 2020) is neither installed nor verified on 1.4/1.5.
    napalm_driver = None
    gather_commands = ("show version", "show configuration commands")
    #: the chains match the voice networks, not interfaces: inside/outside are not used
    interface_fields = ("voice_vlan.subinterfaces.parent", "qos.interfaces")
    needs_commit = True
    comment = "#"
    unsupported = {}
    qos_binding = "ingress"      # policy route <name> interface <if>
    wildcard_why = (
        "VyOS firewall domain-groups resolve exact names only")
    fqdn_objects = True

    def __init__(self, vyos_version=None):
        if vyos_version is not None and str(vyos_version) not in VERSIONS:
            raise VoipReadyError("vyos_version=%r is not supported; valid: %s"
                                 % (vyos_version, ", ".join(VERSIONS)),
                                 field="vyos_version", value=vyos_version)
        self.vyos_version = str(vyos_version) if vyos_version is not None else None

    def gather(self, transport):
        """``show version`` then the configuration; the release rides in a comment line
        (``# vyos-version 1.4.0``) so the syntax is known wherever the text goes."""
        version = transport.send_command("show version")
        config = transport.send_command("show configuration commands")
        found = re.search(r"^\s*Version:\s*VyOS\s+(\S+)", version or "", re.M)
        return ("# vyos-version %s (show version)\n" % found.group(1) if found else "") + config

    def version(self, paths=(), running=""):
        """The syntax version: explicit option, else the release ``show version`` gave,
        else what running shows, else 1.4."""
        found = VERSION_LINE.search(running or "")
        release = release_syntax(found.group(1)) if found else None
        return (self.vyos_version or (release if release in VERSIONS else None)
                or detect_version(paths) or DEFAULT_VERSION)

    @staticmethod
    def _check_release(paths, running):
        """Refuse VyOS 1.3 and older: its firewall syntax (``firewall name``, ``interfaces ...
        firewall in name``) is not what this driver writes, and 1.3 rejects 1.4 paths."""
        found = VERSION_LINE.search(running or "")
        old = found and release_syntax(found.group(1)) == "1.3"
        line = next((p for p in paths if any(r.match(p) for r in PRE_14)), None)
        if old or line:
            raise VoipReadyError(
                "this is VyOS %s: voipready writes the VyOS 1.4/1.5 configuration "
                "('firewall ipv4 name', 'firewall ipv4 forward filter', 'firewall zone'), which "
                "1.3 and older reject, and it cannot read their firewall. Upgrade to 1.4 or "
                "later first" % (
                    "%s (show version)" % found.group(1) if old else
                    "1.3 or older (its configuration has 'set %s')" % line),
                field="running", value=found.group(1) if old else line)

    @staticmethod
    def _check_vifs(paths, roots, intent):
        """Never take over a vif someone else configured: one this collection owns carries
        ``description VOIPREADY:...``; a foreign one with the same parent and VLAN is
        refused (adding to it, then "converging" it, would change its addresses and VRF)."""
        for sub in (intent.get("voice_vlan") or {}).get("subinterfaces") or []:
            vif = "%s vif %d" % (parent_path(sub["parent"]), sub["vlan"])
            theirs = [p[len(vif) + 1:] for p in paths if p.startswith(vif + " ")]
            if theirs and vif not in roots:
                field = "voice_vlan.subinterfaces"
                raise VoipReadyError(
                    "%s names %s.%d, but '%s' already exists on the device and is not "
                    "voipready's (no 'description %s:...'): it holds %s. voipready never "
                    "changes a sub-interface it does not own: choose another VLAN or parent, "
                    "or remove that vif (or give it the description '%s:%s' to hand it over, "
                    "after which its other settings are replaced)" % (
                        field_label(field), sub["parent"], sub["vlan"], vif, MARK,
                        "; ".join(theirs[:6]) + (" ..." if len(theirs) > 6 else ""), MARK,
                        intent["voice_vlan"]["voice_vlan"]["name"]),
                    field=field, value="%s.%d" % (sub["parent"], sub["vlan"]))

    def _check_interfaces(self, paths, intent):
        """The vif parents and QoS interfaces are interfaces of the device (``interfaces
        TYPE NAME``, vifs as ``NAME.VLAN``)."""
        have = set()
        for path in paths:
            found = re.match(r"^interfaces \S+ (\S+)(?: vif (\d+))?", path)
            if found:
                have.add(found.group(1))
                if found.group(2):
                    have.add("%s.%s" % found.groups())
        subs = (intent.get("voice_vlan") or {}).get("subinterfaces") or []
        self.check_interfaces(intent, have, created=("%s.%d" % (s["parent"], s["vlan"]) for s in subs),
                              source="its configuration, 'interfaces TYPE NAME' lines")

    def not_applicable(self, feature, intent):
        """VyOS routes: without sub-interfaces there is no voice VLAN to terminate here."""
        if feature == "voice_vlan" and not (intent.get("voice_vlan") or {}).get("subinterfaces"):
            return ("VyOS is a router without switch ports: phone ports and LLDP-MED voice VLANs "
                    "belong on the access switch; give voice_vlan.subinterfaces to terminate the "
                    "voice VLAN on a VyOS vif")
        return self.unsupported.get(feature)

    # -- intent -> paths --
    def owned_paths(self, intent, version):
        """The owned configuration as paths (no 'set '), feature by feature."""
        paths = []
        for feature, render in (("allowlist", render_allowlist), ("sip_alg", render_sip_alg),
                                ("voice_vlan", render_voice_vlan), ("qos", render_qos)):
            if feature in intent and not self.not_applicable(feature, intent):
                paths += render(intent[feature])
        if "timeouts" in intent:
            paths += render_timeouts(intent["timeouts"], version)
        return paths

    def render(self, intent):
        version = self.version()
        head = ["# voipready.network -- VyOS %s (set commands)" % version]
        if "allowlist" in intent:
            head += ["# allowlist: %s" % note for note in pushed_rules(
                intent["allowlist"], wildcard_why=self.wildcard_why)[1]]
        if "sip_alg" in intent and not intent["sip_alg"].get("enabled"):
            head.append("# sip_alg: 'system conntrack modules sip' must be absent (helper unloaded)")
        for feature in ("voice_vlan",):
            if feature in intent and self.not_applicable(feature, intent):
                head.append("# %s: not applicable: %s" % (feature, self.not_applicable(feature, intent)))
        return "\n".join(head + ["set " + p for p in self.owned_paths(intent, version)]) + "\n"

    def parse(self, running):
        paths = read_once(config_lines, running)
        return {"allowlist": parse_allowlist(paths),
                "sip_alg": {"enabled": "system conntrack modules sip" in paths},
                "voice_vlan": parse_voice_vlan(paths),
                "qos": parse_qos(paths),
                "timeouts": parse_timeouts(paths)}

    def remediate(self, running, intent, state="merged"):
        paths = read_once(config_lines, running)
        self._check_release(paths, running)
        version = self.version(paths, running)
        features = [f for f in intent if not self.not_applicable(f, intent)]
        roots = set()
        for feature in features:
            if feature == "sip_alg" and state == "deleted":
                continue    # deleted never switches an ALG back on (base.py)
            roots |= owned_roots(paths, feature, intent[feature], version)
        self._check_conflicts(paths, roots, intent)
        scoped = dict((f, intent[f]) for f in features)
        self._check_interfaces(paths, scoped)
        if state != "deleted":
            self._check_vifs(paths, roots, scoped)
        keep = [p for p in paths if not is_owned(p, roots)]
        wanted = [] if state == "deleted" else self.owned_paths(
            dict((f, intent[f]) for f in features), version)
        generated = keep + [p for p in wanted if p not in set(keep)]
        if set(generated) == set(paths):
            return []
        from hier_config import Platform, WorkflowRemediation, get_hconfig
        before = get_hconfig(Platform.VYOS, "\n".join("set " + p for p in paths))
        after = get_hconfig(Platform.VYOS, "\n".join("set " + p for p in generated))
        remediation = WorkflowRemediation(before, after).remediation_config
        commands = [c.text for c in remediation.all_children_sorted()]
        return order(collapse(commands, generated))

    @staticmethod
    def _check_conflicts(paths, roots, intent):
        """Refuse to take over forward-filter rule numbers someone else uses."""
        for direction, number in sorted(JUMP_RULES.items()):
            rule = "firewall ipv4 forward filter rule %d" % number
            if "allowlist" in intent and any(p.startswith(rule + " ") for p in paths) \
                    and rule not in roots:
                raise VoipReadyError(
                    "firewall ipv4 forward filter rule %d exists and is not owned by voipready: the "
                    "%s jump needs that number; renumber the existing rule" % (number, direction),
                    field="running", value=rule)

    def simulate(self, running, commands):
        lines = running.splitlines()
        keyed = []
        for line in lines:
            stripped = line.strip()
            words = tokens(stripped) if stripped.startswith("set ") else None
            keyed.append((canonical(words[1:]) if words else None, line))
        for command in commands:
            verb, path = command.split(" ", 1)
            path = canonical(tokens(path))
            if verb == "delete":
                keyed = [(k, l) for k, l in keyed if not (k and (k == path or k.startswith(path + " ")))]
            elif verb == "set":
                if _single_leaf(path):
                    stem = path.rsplit(" ", 1)[0]
                    keyed = [(k, l) for k, l in keyed if not (k and k.rsplit(" ", 1)[0] == stem)]
                if not any(k == path for k, _unused in keyed):
                    keyed.append((path, "set " + path))
        return "\n".join(l for _unused, l in keyed) + "\n"

    def view(self, running, intent):
        paths = read_once(config_lines, running)
        version = self.version(paths, running)
        roots = set()
        for feature in intent:
            roots |= owned_roots(paths, feature, intent[feature], version)
        return "\n".join("set " + p for p in paths if is_owned(p, roots)) + "\n"

    # -- pushing: configure, set/delete, commit-confirm N (minutes) --
    def push(self, transport, commands, confirm_timeout=None):
        """Load the commands and commit; with a timeout, ``commit-confirm <minutes>``."""
        session = getattr(transport, "session", None)
        if session is None or not hasattr(session, "send_config_set"):
            return transport.send_config(list(commands) + ["commit"])
        output = session.send_config_set(list(commands), exit_config_mode=False, cmd_verify=False)
        # a line VyOS did not take is not in the working configuration: committing the rest
        # would put a part of the change live; stop here, before any commit
        self._refused(session, output, commands, SET_FAILED)
        if confirm_timeout:
            minutes = max(1, int(math.ceil(int(confirm_timeout) / 60.0)))
            answer = session.send_command_timing("commit-confirm %d" % minutes)
            if "[confirm]" in answer or "Proceed" in answer:
                answer += session.send_command_timing("y")
        else:
            answer = session.send_command_timing("commit")
        self._refused(session, answer, commands, SET_FAILED + ("Commit failed",))
        session.exit_config_mode()
        return output + answer

    @staticmethod
    def _refused(session, output, commands, markers):
        """Discard the working configuration and fail in VyOS's words: the lines it refused
        (the tail of a set/delete transcript is the later lines' echo), else the tail of the
        answer (a commit's)."""
        failed = [m for m in markers if m in output]
        if failed:
            session.send_command_timing("exit discard")
            named = refusals(output, REFUSED)
            raise VoipReadyError("VyOS refused the change (%s): %s" % (
                failed[0], "; ".join(named[:3]) if named else output[-500:]),
                field="commands", value=len(commands))

    def confirm(self, transport):
        """Stop the commit-confirm timer (run from a fresh session)."""
        session = getattr(transport, "session", None)
        if session is None:
            return None
        session.config_mode()
        output = session.send_command_timing("confirm")
        session.exit_config_mode()
        return output

    def save(self, transport):
        session = getattr(transport, "session", None)
        return session.save_config() if session is not None else None
