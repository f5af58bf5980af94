# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fortinet FortiOS (FortiGate, single VDOM): the five features in FortiOS CLI.

Reads like the FortiOS CLI reference: one table per feature saying which
``config`` section holds it, which entries we own and how they are written.

allowlist  -- ``config firewall address`` / ``addrgrp`` / ``service custom`` and
              ``config firewall policy`` entries named ``<PREFIX>-...``. Policies use
              fixed ids from POLICY_ID_BASE (19000) up, never ``edit 0``: the id must be
              known to ``move`` the new policy in the same change. Owned policies sit
              at the top of the policy list, allows first, then DNS/NTP, then the
              enforcing deny.
sip_alg    -- Fortinet's procedure: ``config system settings`` /
              ``set default-voip-alg-mode kernel-helper-based``, ``set sip-expectation
              disable``, ``set sip-nat-trace disable``; delete every ``config system
              session-helper`` entry whose ``set name sip``; ``unset voip-profile`` on
              policies (a VoIP profile on a policy always wins over the mode).
voice_vlan -- VLAN sub-interfaces (``config system interface`` / ``set vlanid``); switch
              ports are not applicable (FortiSwitch ports are out of scope).
qos        -- ``config firewall shaping-policy`` with ``set diffserv-forward enable`` /
              ``set diffservcode-forward 101110`` (6-bit binary DSCP); FortiOS never
              re-marks on its own, so "trust" needs no command.
timeouts   -- ``config system global`` / ``set udp-idle-timer``; ``config system
              session-ttl`` / ``config port`` / ``edit 5060`` (UDP 5060-5061 = SIP) and
              ``set default`` for established TCP.

Remediation: every owned ``edit`` entry present on both sides is diffed with hier_config
(Platform.FORTINET_FORTIOS: ``set`` of an existing key replaces it, a missing key becomes
``unset``); entries only on one side become ``edit`` + sets or ``delete``: hier_config's
FortiOS driver prints a bare ``edit "X"`` for a removed entry, so whole-entry adds and
deletes are decided here. ``set member`` replaces the whole list (we always send the full
list deliberately, never ``append``/``unselect``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re
import shlex

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key
from ansible_collections.voipready.network.plugins.module_utils.intent import TIMEOUT_DEFAULTS
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import PlatformDriver
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.zone_policy import (
    MARK, address_object, firewall_plan, order_moves, parse_comment, plan_to_allowlist, readable,
    service_name, short_name)

POLICY_ID_BASE = 19000
SIP_TTL_ID = "5060"
#: the SIP entry under ``config system session-ttl / config port`` (UDP 5060-5061), less its timeout
SIP_TTL_PORT = (("protocol", "17"), ("start-port", "5060"), ("end-port", "5061"))


class Section(object):
    """``config X`` or ``edit N``: set-lines, nested sections and ordered entries."""

    def __init__(self):
        self.sets = {}
        self.subs = {}
        self.edits = {}

    def sub(self, path):
        node = self
        for name in path:
            node = node.subs.setdefault(name, Section())
        return node

    def empty(self):
        return not (self.sets or self.edits or any(not s.empty() for s in self.subs.values()))

    def find(self, path):
        node = self
        for name in path:
            node = node.subs.get(name)
            if node is None:
                return Section()
        return node


IGNORED_KEYS = ("uuid",)
LINE_RE = re.compile(r"^(config|edit|set|unset|delete|move|next|end|append|unselect)\b\s*(.*)$")


def _words(text, lineno):
    try:
        return shlex.split(text)
    except ValueError as exc:
        raise VoipReadyError("FortiOS configuration line %d cannot be read (%s): %r"
                             % (lineno, exc, text), field="running", value=text)


def parse_tree(text):
    """FortiOS ``show`` output -> Section tree; unreadable text -> VoipReadyError."""
    if not isinstance(text, str):
        raise VoipReadyError("FortiOS running configuration must be text", field="running",
                             value=type(text).__name__)
    root = Section()
    stack = [("root", root)]
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE_RE.match(line)
        if not match:
            raise VoipReadyError("FortiOS configuration line %d is not a config/edit/set "
                                 "line: %r" % (lineno, line), field="running", value=line)
        verb, rest = match.groups()
        kind, node = stack[-1]
        if verb == "config":
            if not rest:
                raise VoipReadyError("line %d: 'config' without a section name" % lineno,
                                     field="running", value=line)
            if rest == "vdom" or rest == "global":
                raise VoipReadyError("multi-VDOM configuration (config %s) is not supported; "
                                     "run against one VDOM" % rest, field="running", value=line)
            stack.append(("config", node.subs.setdefault(rest, Section())))
        elif verb == "edit":
            if kind != "config" or not rest:
                raise VoipReadyError("line %d: 'edit' outside a config section" % lineno,
                                     field="running", value=line)
            words = _words(rest, lineno)
            stack.append(("edit", node.edits.setdefault(" ".join(words), Section())))
        elif verb == "set":
            words = rest.split(None, 1)
            if kind == "root" or not words:
                raise VoipReadyError("line %d: 'set' outside a section" % lineno,
                                     field="running", value=line)
            _words(rest, lineno)
            node.sets[words[0]] = words[1] if len(words) > 1 else ""
        elif verb == "next":
            if kind != "edit":
                raise VoipReadyError("line %d: 'next' without 'edit'" % lineno,
                                     field="running", value=line)
            stack.pop()
        elif verb == "end":
            if kind != "config":
                raise VoipReadyError("line %d: 'end' without 'config'" % lineno,
                                     field="running", value=line)
            stack.pop()
        else:
            raise VoipReadyError("line %d: %r is a command, not configuration" % (lineno, verb),
                                 field="running", value=line)
    if len(stack) != 1:
        raise VoipReadyError("FortiOS configuration is truncated: a section is not closed "
                             "with next/end", field="running", value=len(stack) - 1)
    return root


def dump_tree(node, depth=0):
    """Section tree -> FortiOS ``show`` text (4-space indent, strings quoted)."""
    pad = "    " * depth
    lines = []
    for key, value in node.sets.items():
        lines.append(("%sset %s %s" % (pad, key, value)).rstrip())
    for name, sub in node.subs.items():
        if sub.empty():
            continue  # an emptied section (all our entries deleted) prints nothing
        lines.append("%sconfig %s" % (pad, name))
        lines.extend(dump_tree(sub, depth + 1))
        lines.append("%send" % pad)
    for name, entry in node.edits.items():
        lines.append("%sedit %s" % (pad, q(name) if not name.isdigit() else name))
        lines.extend(dump_tree(entry, depth + 1))
        lines.append("%snext" % pad)
    return lines


def q(*names):
    """FortiOS prints string values double-quoted."""
    return " ".join('"%s"' % n for n in names)


def unq(value):
    """The words of a set-line value, quotes removed."""
    try:
        return shlex.split(value)
    except ValueError:
        return value.split()


def apply_commands(root, commands):
    """Replay CLI commands on a tree, as the FortiGate would (simulate)."""
    stack = [root]
    for command in commands:
        match = LINE_RE.match(command.strip())
        if not match:
            raise VoipReadyError("cannot simulate FortiOS command %r" % command,
                                 field="commands", value=command)
        verb, rest = match.groups()
        node = stack[-1]
        if verb == "config":
            stack.append(node.subs.setdefault(rest, Section()))
        elif verb == "edit":
            stack.append(node.edits.setdefault(" ".join(unq(rest)), Section()))
        elif verb in ("next", "end"):
            stack.pop()
        elif verb == "set":
            key, _sep, value = rest.partition(" ")
            node.sets[key] = value
        elif verb == "unset":
            node.sets.pop(rest.strip(), None)
        elif verb == "delete":
            node.edits.pop(" ".join(unq(rest)), None)
        elif verb == "move":
            name, where, other = unq(rest)
            entry = node.edits.pop(name)
            items = list(node.edits.items())
            at = [k for k, _unused in items].index(other) + (1 if where == "after" else 0)
            items.insert(at, (name, entry))
            node.edits = dict(items)
    return root


# --------------------------------------------------------------------------------------
# Declarative tables: which entries each feature owns
# --------------------------------------------------------------------------------------
ADDRESS, ADDRGRP, SERVICE, POLICY, SHAPING, INTERFACE = (
    "firewall address", "firewall addrgrp", "firewall service custom", "firewall policy",
    "firewall shaping-policy", "system interface")
#: creation order (objects before what references them); deletion is the reverse
TABLE_ORDER = (INTERFACE, ADDRESS, ADDRGRP, SERVICE, POLICY, SHAPING)
#: global knobs: section -> {key: FortiOS default (what `show` omits)}
KNOBS = {
    "sip_alg": {"system settings": {"default-voip-alg-mode": "proxy-based",
                                    "sip-expectation": "disable",
                                    "sip-nat-trace": "enable"}},
    "timeouts": {"system global": {"udp-idle-timer": "180"},
                 "system session-ttl": {"default": "3600"}},
}
SIP_HELPER = {"name": "sip", "protocol": "17", "port": "5060"}


def dscp_bits(value):
    """FortiOS writes DSCP as six binary digits (EF 46 = 101110)."""
    return format(int(value), "06b")


def owner(feature, prefix):
    """table -> predicate(name, entry) for the entries ``feature`` owns."""
    def named(entry, key="name"):
        return unq(entry.sets.get(key, '""'))[:1] or [""]

    qos = "%s-QOS-" % prefix
    if feature == "allowlist":
        def obj(name, entry):
            return name.startswith(prefix + "-") and not name.startswith(qos)

        def pol(name, entry):
            return named(entry)[0].startswith(prefix + "-") and \
                parse_comment(unq(entry.sets.get("comments", '""'))[0] if
                              entry.sets.get("comments") else "") is not None
        return {ADDRESS: obj, ADDRGRP: obj, SERVICE: obj, POLICY: pol}
    if feature == "qos":
        def qobj(name, entry):
            return name.startswith(qos)

        def shp(name, entry):
            return named(entry)[0].startswith(qos)
        return {ADDRESS: qobj, ADDRGRP: qobj, SERVICE: qobj, SHAPING: shp}
    if feature == "voice_vlan":
        def vif(name, entry):
            return MARK in entry.sets.get("description", "") and "vlanid" in entry.sets
        return {INTERFACE: vif}
    return {}


# --------------------------------------------------------------------------------------
# render: intent -> desired tree
# --------------------------------------------------------------------------------------
def render_allowlist(tree, allowlist, policy_ids=None):
    """Addresses, groups, services and policies; returns the plan's notes."""
    plan = firewall_plan(allowlist, name_limit=35, object_limit=79, wildcards=Driver.wildcard_objects)
    _render_objects(tree, plan)
    inside = allowlist["inside_interfaces"] or ["any"]
    outside = allowlist["outside_interfaces"] or ["any"]
    table = tree.sub([POLICY])
    ids = policy_ids or {}
    next_id = POLICY_ID_BASE
    for pol in plan["policies"]:
        if pol["name"] not in ids:
            while str(next_id) in ids.values():
                next_id += 1
            ids[pol["name"]] = str(next_id)
            next_id += 1
        entry = table.edits.setdefault(ids[pol["name"]], Section())
        src_if, dst_if = (inside, outside) if pol["outbound"] else (outside, inside)
        entry.sets.update([
            ("name", q(pol["name"])), ("srcintf", q(*src_if)), ("dstintf", q(*dst_if)),
            ("action", pol["action"]), ("srcaddr", q(pol["src"] or "all")),
            ("dstaddr", q(pol["dst"] or "all")), ("schedule", q("always")),
            ("service", q(*(pol["services"] or ["ALL"]))), ("comments", q(pol["comment"]))])
        if pol["action"] == "deny":
            # deny is the default action and ``show`` never prints a default: a policy
            # that holds it reads back without the line, so none is wanted either
            del entry.sets["action"]
        if pol["outbound"] and pol["action"] == "accept":
            entry.sets["nat"] = "enable"  # policy-based NAT mode: source NAT to wan
    return plan["notes"]


def _render_objects(tree, plan):
    """FortiOS address, addrgrp and service custom entries of a plan."""
    for name, (kind, value) in sorted(plan["addresses"].items()):
        entry = tree.sub([ADDRESS]).edits.setdefault(name, Section())
        if kind == "fqdn":
            entry.sets.update([("type", "fqdn"), ("fqdn", q(value))])
        else:
            net = ipaddress.ip_network(value)
            entry.sets["subnet"] = "%s %s" % (net.network_address, net.netmask)
    for name, members in sorted(plan["groups"].items()):
        tree.sub([ADDRGRP]).edits.setdefault(name, Section()).sets["member"] = q(*members)
    for name, (proto, low, high) in sorted(plan["services"].items()):
        ports = str(low) if low == high else "%d-%d" % (low, high)
        tree.sub([SERVICE]).edits.setdefault(name, Section()).sets[
            "%s-portrange" % proto] = ports


def render_qos(tree, qos, prefix, ids=None):
    """One shaping-policy per class marking its matches (forward direction)."""
    plan = {"addresses": {}, "groups": {}, "services": {}}
    table = tree.sub([SHAPING])
    ids = ids or {}
    next_id = POLICY_ID_BASE
    for cls in qos["classes"]:
        base = "%s-QOS-%s" % (prefix, cls["name"])
        services, members = [], []
        for match in cls["matches"]:
            svc = service_name(prefix + "-QOS", match["proto"], match["port_min"],
                               match["port_max"])
            plan["services"][svc] = (match["proto"], match["port_min"], match["port_max"])
            services.append(svc)
            for addr in match["addresses"]:
                obj = address_object(prefix + "-QOS", "net", addr)
                plan["addresses"][obj] = ("net", addr)
                members.append(obj)
        dst = "all"
        if members:
            dst = short_name(base, 79)
            plan["groups"][dst] = sorted(set(members))
        name = short_name(base, 35)
        if name not in ids:
            while str(next_id) in ids.values():
                next_id += 1
            ids[name] = str(next_id)
            next_id += 1
        entry = table.edits.setdefault(ids[name], Section())
        entry.sets.update([
            ("name", q(name)),
            ("comment", q("%s qos=%s dscp=%d" % (MARK, cls["name"], cls["dscp"]))),
            ("service", q(*sorted(set(services)))),
            ("dstintf", q(*(qos["interfaces"] or ["any"]))),
            ("srcaddr", q("all")), ("dstaddr", q(dst)), ("diffserv-forward", "enable"),
            ("diffservcode-forward", dscp_bits(cls["dscp"]))])
    _render_objects(tree, plan)


def render_voice_vlan(tree, voice_vlan):
    """A VLAN sub-interface per ``subinterfaces`` entry."""
    for sub in voice_vlan["subinterfaces"]:
        entry = tree.sub([INTERFACE]).edits.setdefault(vlan_ifname(sub), Section())
        entry.sets["vdom"] = q("root")
        if sub["address"]:
            iface = ipaddress.ip_interface(sub["address"])
            entry.sets["ip"] = "%s %s" % (iface.ip, iface.network.netmask)
            entry.sets["allowaccess"] = "ping"
        entry.sets.update([("description", q("%s voice-vlan %s" % (
            MARK, voice_vlan["voice_vlan"]["name"]))), ("role", "lan"),
            ("interface", q(sub["parent"])), ("vlanid", str(sub["vlan"]))])


def vlan_ifname(sub):
    """FortiOS interface names hold at most 15 characters."""
    return short_name("%s.%d" % (sub["parent"], sub["vlan"]), 15)


def knob_values(feature, config):
    """section -> {key: value} the feature wants (None: back to the default)."""
    if feature == "sip_alg":
        if config.get("enabled"):
            return {"system settings": dict((k, None) for k in
                                            KNOBS["sip_alg"]["system settings"])}
        return {"system settings": {"default-voip-alg-mode": "kernel-helper-based",
                                    "sip-expectation": "disable", "sip-nat-trace": "disable"}}
    if feature == "timeouts":
        tcp = config.get("tcp_established")
        return {"system global": {"udp-idle-timer": str(config["udp_stream"])},
                "system session-ttl": {"default": str(tcp) if tcp else None}}
    return {}


def render_tree(intent, ids=None):
    """The owned configuration of ``intent`` as a tree, plus notes."""
    tree, notes, ids = Section(), [], ids or {}
    if "voice_vlan" in intent:
        render_voice_vlan(tree, intent["voice_vlan"])
    if "allowlist" in intent:
        notes += render_allowlist(tree, intent["allowlist"], ids.get(POLICY))
    if "qos" in intent:
        prefix = intent.get("allowlist", {}).get("name", "VOIPREADY")
        render_qos(tree, intent["qos"], prefix, ids.get(SHAPING))
    for feature in ("sip_alg", "timeouts"):
        if feature not in intent:
            continue
        for section, values in knob_values(feature, intent[feature]).items():
            for key, value in values.items():
                if value is not None:
                    tree.sub([section]).sets[key] = value
    if "timeouts" in intent:
        ttl = tree.sub(["system session-ttl", "port"]).edits.setdefault(SIP_TTL_ID, Section())
        ttl.sets.update(SIP_TTL_PORT + (("timeout", str(intent["timeouts"]["sip"])),))
    if "sip_alg" in intent and intent["sip_alg"].get("enabled"):
        helper = tree.sub(["system session-helper"]).edits.setdefault("13", Section())
        helper.sets.update(SIP_HELPER)
    elif "sip_alg" in intent:
        # what the push also does, beyond the settings below: the file says it too
        notes.append("sip_alg: the push also deletes every 'config system session-helper' "
                     "entry whose 'set name' is sip (found by name: the id varies, often 13), "
                     "and sends 'unset voip-profile' to every firewall policy that has one; "
                     "with default-voip-alg-mode kernel-helper-based, no sip helper and no "
                     "VoIP profile, nothing rewrites SIP")
    return tree, notes


# --------------------------------------------------------------------------------------
# remediate helpers
# --------------------------------------------------------------------------------------
def entry_lines(entry):
    return ["set %s %s" % (k, v) for k, v in entry.sets.items() if k not in IGNORED_KEYS]


def hier_remediation(running_entry, wanted_entry):
    """set/unset lines for one entry, computed by hier_config's FortiOS driver."""
    from hier_config import Platform, WorkflowRemediation, get_hconfig
    run = get_hconfig(Platform.FORTINET_FORTIOS, "\n".join(entry_lines(running_entry)))
    gen = get_hconfig(Platform.FORTINET_FORTIOS, "\n".join(entry_lines(wanted_entry)))
    rem = WorkflowRemediation(run, gen).remediation_config
    lines = [child.text for child in rem.all_children_sorted()]
    wanted_keys = set(wanted_entry.sets)
    return sorted(lines, key=lambda l: (l.startswith("set "), l.split()[1] not in wanted_keys))


#: how FortiOS refuses a line: the line is dropped and the session goes on, so the text is
#: the only sign (FortiOS CLI: "command parse error before", "value parse error before",
#: "entry not found in datasource", and the "Command fail. Return code N" that ends each)
REFUSED_RE = re.compile(r"^(Command fail\. Return code -?\d+|command parse error before .*|"
                        r"value parse error before .*|entry not found in datasource|"
                        r"node_check_object fail!.*)\s*$", re.M)


def check_output(output, count):
    """Raise when the FortiGate refused a line of the push, quoting its own words."""
    match = REFUSED_RE.search(output or "")
    if match:
        text = output or ""
        start = max(0, text.rfind("\n", 0, max(0, match.start() - 1)) - 300)
        end = text.find("Return code", match.start())
        end = text.find("\n", end) if end >= 0 else match.end()
        snippet = text[start:end if end >= 0 else len(text)].strip()
        raise VoipReadyError("the device rejected a command: %s" % snippet,
                             field="commands", value=count)


#: top-level SNMP blocks whose names are secrets (community strings, v3 users)
SNMP_BLOCK = re.compile(r"(?ms)^(config system snmp (?:community|user)\n).*?^end$")


class Driver(PlatformDriver):
    """FortiGate, FortiOS 6.4-7.4, one VDOM, over netmiko ``fortinet``."""

    platform = "fortios"
    netmiko_device_type = "fortinet"
    napalm_driver = None  # napalm-fortios (pyFG, last commit 2020) is unmaintained
    #: policies name interfaces/zones; switch ports do not exist on a FortiGate
    interface_fields = ("allowlist.inside_interfaces", "allowlist.outside_interfaces",
                        "voice_vlan.subinterfaces.parent", "qos.interfaces")
    gather_commands = (
        "show system global", "show system settings", "show system session-helper",
        "show system session-ttl", "show system interface", "show system zone",
        "show system sdwan", "show firewall address",
        "show firewall addrgrp", "show firewall service custom", "show firewall policy",
        "show firewall shaping-policy")
    unsupported = {}
    needs_commit = False
    comment = "#"
    binds_inside = True          # srcintf / dstintf
    qos_binding = "egress"       # shaping-policy dstintf
    # FQDN and wildcard FQDN (6.2.2+) addresses; names join addresses with fqdn_mode=objects
    fqdn_objects = True
    wildcard_objects = True
    names_beside_addresses = ("objects",)

    def subinterface_name(self, sub, voice_vlan):
        return vlan_ifname(sub)

    # -- applicability ---------------------------------------------------------------

    def redact(self, running):
        """Line redaction, plus the SNMP community and user blocks whole: there the secret
        is a plain ``set name`` line. Never owned by the collection."""
        text = PlatformDriver.redact(self, running)
        return SNMP_BLOCK.sub(r"\1    # <redacted>\nend", text)

    def not_applicable(self, feature, intent):
        """Switch ports do not exist on a FortiGate; VLAN sub-interfaces do."""
        if feature == "voice_vlan":
            cfg = intent.get("voice_vlan", {})
            if cfg.get("phone_ports") and not cfg.get("subinterfaces"):
                return ("a FortiGate has no switch ports with a voice VLAN (FortiSwitch "
                        "ports managed by FortiLink are out of scope); give "
                        "voice_vlan.subinterfaces for VLAN sub-interfaces instead")
        return None

    # -- render / parse --------------------------------------------------------------
    def render(self, intent):
        """The owned configuration as ``show`` would print it, notes as # comments."""
        tree, notes = render_tree(self._scope(intent))
        header = ["# voipready: %s" % note for note in notes]
        return "\n".join(header + dump_tree(tree)) + "\n"

    @readable
    def parse(self, running):
        """Running text -> {feature: state in the intent's structure}."""
        tree = parse_tree(running)
        prefix = self._prefix(tree)
        state = {"allowlist": self._parse_allowlist(tree, prefix)}
        settings = tree.find(["system settings"]).sets
        helpers = [n for n, e in tree.find(["system session-helper"]).edits.items()
                   if unq(e.sets.get("name", ""))[:1] == ["sip"]]
        profiles = [n for n, e in tree.find([POLICY]).edits.items() if "voip-profile" in e.sets]
        state["sip_alg"] = {"enabled": bool(
            helpers or profiles or
            settings.get("default-voip-alg-mode", "proxy-based") != "kernel-helper-based")}
        subs = []
        for name, entry in tree.find([INTERFACE]).edits.items():
            if owner("voice_vlan", prefix)[INTERFACE](name, entry):
                ip = entry.sets.get("ip", "").split()
                addr = str(ipaddress.ip_interface("%s/%s" % tuple(ip))) if len(ip) == 2 else None
                subs.append({"parent": unq(entry.sets.get("interface", '""'))[0],
                             "vlan": int(entry.sets["vlanid"]), "address": addr})
        state["voice_vlan"] = {
            "voice_vlan": {"id": subs[0]["vlan"] if subs else 110, "name": "VOICE"},
            "data_vlan": {"id": 10, "name": "DATA"}, "phone_ports": [], "uplink_ports": [],
            "trust_dscp": True, "subinterfaces": sorted(subs, key=lambda s: (s["parent"],
                                                                             s["vlan"]))}
        state["qos"] = self._parse_qos(tree, prefix)
        glob = tree.find(["system global"]).sets
        ttl = tree.find(["system session-ttl"])
        sip = ttl.find(["port"]).edits.get(SIP_TTL_ID)
        try:
            udp = int(glob.get("udp-idle-timer", "180"))
            state["timeouts"] = {
                "udp": min(TIMEOUT_DEFAULTS["udp"], udp), "udp_stream": udp,
                "sip": int(sip.sets.get("timeout", "0")) if sip else udp,
                "tcp_established": int(ttl.sets["default"]) if "default" in ttl.sets else None,
                "keepalive_interval": TIMEOUT_DEFAULTS["keepalive_interval"]}
        except ValueError as exc:
            raise VoipReadyError("FortiOS timeout value cannot be read: %s" % exc,
                                 field="running", value=str(exc))
        return state

    def _prefix(self, tree):
        for entry in tree.find([POLICY]).edits.values():
            name = unq(entry.sets.get("name", '""'))[:1]
            comment = unq(entry.sets.get("comments", '""'))[:1]
            if name and comment and parse_comment(comment[0]) is not None:
                return name[0].split("-")[0]
        return "VOIPREADY"

    def _parse_allowlist(self, tree, prefix):
        addresses = {}
        for name, entry in tree.find([ADDRESS]).edits.items():
            if "fqdn" in entry.sets:
                addresses[name] = ("fqdn", unq(entry.sets["fqdn"])[0])
            elif "subnet" in entry.sets:
                try:
                    ip, mask = entry.sets["subnet"].split()
                    net = ipaddress.ip_network("%s/%s" % (ip, mask), strict=False)
                except ValueError:
                    raise VoipReadyError("firewall address %r has an unreadable subnet %r"
                                         % (name, entry.sets["subnet"]), field="running",
                                         value=entry.sets["subnet"])
                addresses[name] = ("net", str(net.network_address) if net.prefixlen ==
                                   net.max_prefixlen else str(net))
        groups = dict((n, unq(e.sets.get("member", ""))) for n, e in
                      tree.find([ADDRGRP]).edits.items())
        services = {}
        for name, entry in tree.find([SERVICE]).edits.items():
            for proto in ("udp", "tcp"):
                ports = entry.sets.get("%s-portrange" % proto)
                if ports:
                    low, _sep, high = ports.split()[0].split(":")[0].partition("-")
                    services[name] = (proto, int(low), int(high or low))
        policies = []
        own = owner("allowlist", prefix)[POLICY]
        for name, entry in tree.find([POLICY]).edits.items():
            if not own(name, entry):
                continue
            policies.append({
                "comment": unq(entry.sets["comments"])[0],
                "src": unq(entry.sets.get("srcaddr", ""))[0],
                "dst": unq(entry.sets.get("dstaddr", ""))[0],
                "services": unq(entry.sets.get("service", "")),
                "from": [i for i in unq(entry.sets.get("srcintf", "")) if i != "any"],
                "to": [i for i in unq(entry.sets.get("dstintf", "")) if i != "any"]})
        return plan_to_allowlist(prefix, policies, groups, addresses, services)

    def _parse_qos(self, tree, prefix):
        classes = []
        services, addrs = {}, {}
        for name, entry in tree.find([SERVICE]).edits.items():
            for proto in ("udp", "tcp"):
                if entry.sets.get("%s-portrange" % proto):
                    low, _sep, high = entry.sets["%s-portrange" % proto].partition("-")
                    services[name] = (proto, int(low), int(high or low))
        for name, entry in tree.find([ADDRESS]).edits.items():
            if "subnet" in entry.sets:
                ip, mask = entry.sets["subnet"].split()
                net = ipaddress.ip_network("%s/%s" % (ip, mask), strict=False)
                addrs[name] = str(net.network_address) if net.prefixlen == 32 else str(net)
        groups = tree.find([ADDRGRP]).edits
        for name, entry in tree.find([SHAPING]).edits.items():
            info = parse_comment((unq(entry.sets.get("comment", '""')) or [""])[0])
            if not info or "qos" not in info:
                continue
            dst = unq(entry.sets.get("dstaddr", '"all"'))[0]
            members = unq(groups[dst].sets.get("member", "")) if dst in groups else []
            nets = sorted((addrs[m] for m in members if m in addrs), key=address_key)
            matches = [{"proto": services[s][0], "port_min": services[s][1],
                        "port_max": services[s][2], "addresses": nets}
                       for s in unq(entry.sets.get("service", "")) if s in services]
            classes.append({"name": info["qos"], "dscp": int(entry.sets.get(
                "diffservcode-forward", "0"), 2), "matches": matches})
        ifaces = sorted(set(i for e in tree.find([SHAPING]).edits.values()
                            for i in unq(e.sets.get("dstintf", "")) if i != "any"))
        return {"trust": True, "classes": sorted(classes, key=lambda c: (-c["dscp"], c["name"])),
                "interfaces": ifaces}

    def _scope(self, intent):
        return dict((f, intent[f]) for f in intent if not self.not_applicable(f, intent))

    # -- remediate -------------------------------------------------------------------
    @readable
    def remediate(self, running, intent, state="merged"):
        """Ordered FortiOS commands: objects, policies, moves, then deletions."""
        have = parse_tree(running)
        intent = self._scope(intent)
        self._check_interfaces(have, intent)
        prefix = intent.get("allowlist", {}).get("name", "VOIPREADY")
        if state == "deleted":
            want = Section()
        else:
            ids = dict((t, self._owned_ids(have, t, prefix)) for t in (POLICY, SHAPING))
            want, _unused = render_tree(intent, ids)
        owners = {}
        for feature in intent:
            for table, pred in owner(feature, prefix).items():
                owners.setdefault(table, []).append(pred)
        adds, moves, deletes = [], [], []
        for table in TABLE_ORDER:
            if table not in owners:
                continue
            preds = owners[table]
            have_t, want_t = have.find([table]), want.find([table])
            mine = [n for n, e in have_t.edits.items() if any(p(n, e) for p in preds)]
            block = []
            for name, entry in want_t.edits.items():
                if name in have_t.edits and name in mine:
                    lines = hier_remediation(have_t.edits[name], entry)
                else:
                    lines = entry_lines(entry)
                if lines:
                    block += ["edit %s" % self._key(name)] + lines + ["next"]
            if block:
                adds += ["config %s" % table] + block + ["end"]
            if table in (POLICY, SHAPING):
                moves += self._moves(have_t, want_t, table)
            gone = [n for n in mine if n not in want_t.edits]
            if gone:
                deletes.insert(0, ["config %s" % table] +
                               ["delete %s" % self._key(n) for n in gone] + ["end"])
        adds += self._knobs(have, intent, state)
        return adds + moves + [c for block in deletes for c in block]

    def _key(self, name):
        return name if name.isdigit() else q(name)

    def _check_interfaces(self, have, intent):
        """Policies name interfaces or zones (``srcintf``/``dstintf``): each one the intent
        gives must be a ``config system interface`` entry, a ``config system zone`` or an
        SD-WAN zone of the device, or a VLAN sub-interface this change makes."""
        known = set(have.find([INTERFACE]).edits) | set(have.find(["system zone"]).edits)
        known |= set(have.find(["system sdwan", "zone"]).edits)
        subs = (intent.get("voice_vlan") or {}).get("subinterfaces") or []
        self.check_interfaces(intent, known | set(["any"]),
                              created=(vlan_ifname(sub) for sub in subs),
                              source="its configuration: 'show system interface', 'show "
                                     "system zone' and 'show system sdwan'")

    def _owned_ids(self, tree, table, prefix):
        """policy name -> id for owned entries; other ids are reserved (never reused)."""
        out = {}
        for pid, entry in tree.find([table]).edits.items():
            name = unq(entry.sets.get("name", '""'))[:1]
            if name and name[0].startswith(prefix + "-"):
                out[name[0]] = pid
            else:
                out[" taken %s" % pid] = pid
        return out

    def _moves(self, have_t, want_t, table):
        """Owned entries first, in rendered order; new entries were appended at the end."""
        current = list(have_t.edits) + [n for n in want_t.edits if n not in have_t.edits]
        desired = list(want_t.edits)
        if not desired:
            return []
        lines = ["move %s %s %s" % move for move in order_moves(current, desired)]
        return ["config %s" % table] + lines + ["end"] if lines else []

    def _knobs(self, have, intent, state):
        """Global settings, the SIP session helper, VoIP profiles and session-ttl."""
        out = []
        for feature in ("sip_alg", "timeouts"):
            if feature not in intent:
                continue
            wanted = knob_values(feature, intent[feature])
            if state == "deleted" and feature == "timeouts":
                wanted = dict((s, dict((k, None) for k in v)) for s, v in wanted.items())
            for section, values in sorted(wanted.items()):
                current = have.find([section]).sets
                lines = []
                for key, value in sorted(values.items()):
                    default = KNOBS[feature][section][key]
                    if (value or default) != current.get(key, default):
                        lines.append("set %s %s" % (key, value) if value else "unset %s" % key)
                if lines:
                    out += ["config %s" % section] + lines + ["end"]
        if "sip_alg" in intent:
            out += self._sip_helpers(have, intent["sip_alg"].get("enabled") and
                                     state != "deleted")
        if "timeouts" in intent:
            port = have.find(["system session-ttl", "port"]).edits.get(SIP_TTL_ID)
            wanted = None if state == "deleted" else str(intent["timeouts"]["sip"])
            lines = []
            entry = SIP_TTL_PORT + (("timeout", wanted),)
            # every setting, not only the timeout: an entry without its port range is no SIP entry
            if wanted and (port is None or any(port.sets.get(k) != v for k, v in entry)):
                lines = ["edit %s" % SIP_TTL_ID] + ["set %s %s" % kv for kv in entry] + ["next"]
            elif not wanted and port is not None:
                lines = ["delete %s" % SIP_TTL_ID]
            if lines:
                out += ["config system session-ttl", "config port"] + lines + ["end", "end"]
        return out

    def _sip_helpers(self, have, enabled):
        helpers = have.find(["system session-helper"]).edits
        sip = [n for n, e in helpers.items() if unq(e.sets.get("name", ""))[:1] == ["sip"]]
        out = []
        if enabled and not sip:
            free = next(str(i) for i in range(13, 1000) if str(i) not in helpers)
            out += ["config system session-helper", "edit %s" % free] + \
                ["set %s %s" % kv for kv in SIP_HELPER.items()] + ["next", "end"]
        elif not enabled and sip:
            out += ["config system session-helper"] + ["delete %s" % n for n in sip] + ["end"]
        if not enabled:
            policies = [n for n, e in have.find([POLICY]).edits.items() if "voip-profile" in e.sets]
            if policies:
                out += ["config firewall policy"]
                for pid in policies:
                    out += ["edit %s" % pid, "unset voip-profile", "next"]
                out += ["end"]
        return out

    # -- simulate / push -------------------------------------------------------------
    @readable
    def simulate(self, running, commands):
        """The running text after ``commands``, replayed on the parsed tree."""
        tree = apply_commands(parse_tree(running), commands)
        return "\n".join(dump_tree(tree)) + "\n"

    def push(self, transport, commands, confirm_timeout=None):
        """FortiOS applies each ``end`` at once: no candidate, no commit.

        The closest safe equivalent of commit-confirm is ``config system global`` /
        ``set cfg-save revert`` + ``set cfg-revert-timeout <s>``: changes stay unsaved
        and the unit reverts (reboots to the saved config) unless ``execute
        cfg save`` arrives in time. ``confirm`` sends that save and puts both settings
        back as the device had them before the run.
        """
        lines = list(commands)
        if confirm_timeout:
            lines = ["config system global", "set cfg-save revert",
                     "set cfg-revert-timeout %d" % int(confirm_timeout), "end"] + lines
        output = transport.send_config(lines)
        check_output(output, len(lines))
        return output

    def gather(self, transport):
        """The running text; the first read of a run also keeps the device's own
        ``cfg-save`` / ``cfg-revert-timeout`` (the settings the revert timer borrows)."""
        running = PlatformDriver.gather(self, transport)
        if getattr(self, "_own_global", None) is None:
            try:
                sets = parse_tree(running).find(["system global"]).sets
            except VoipReadyError:
                sets = {}
            self._own_global = dict((k, sets.get(k)) for k in ("cfg-save", "cfg-revert-timeout"))
        return running

    def confirm(self, transport):
        """Keep the change: save it and leave revert mode, with the device's own
        ``cfg-save`` and ``cfg-revert-timeout`` back (a default is unset: FortiOS does not
        print it, so a device that had none has none again)."""
        transport.send_command("execute cfg save")
        own = getattr(self, "_own_global", None) or {}
        lines = ["config system global"]
        for key in ("cfg-save", "cfg-revert-timeout"):
            lines.append("set %s %s" % (key, own[key]) if own.get(key) else "unset %s" % key)
        return transport.send_config(lines + ["end"])

    def save(self, transport):
        """FortiOS saves automatically in the default ``cfg-save automatic`` mode."""
        return None
