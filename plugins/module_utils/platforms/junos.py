# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Juniper Junos: SRX security (address book, applications, zone policies, ALG) and EX
switching (ELS ``switch-options voip``), as ``set`` commands.

The device is read with ``show configuration | display set`` and written with ``set`` /
``delete`` / ``insert`` in one candidate that a ``commit confirmed`` activates as a whole.
Because a Junos commit is atomic, an owned security policy is edited in place (its
zone context keeps referencing it by name; traffic never sees a half-edited policy).
The QoS multifield filter bound to an interface still follows the generation swap
(``VOIPREADY-QOS-G<n>``: build the new filter, move the ``filter input`` binding, delete
the old filter) so that a load-merge or a partial push never leaves a bound filter
half-built.

Which features a host gets follows the intent: phone ports mean EX switching, zones and
inside/outside interfaces mean SRX security; a pure EX switch reports the security
features as not applicable.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import math
import re
from collections import OrderedDict

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError, unreadable
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key, port_names
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    DSCP_BY_VALUE, FEATURES)
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    INTERFACE_FIELDS, PlatformDriver, check_present, check_zone_member, read_once, refusals)

DEFAULT_PREFIX = "VOIPREADY"
#: what the Junos CLI answers to a configuration line it does not take (the line is not
#: in the candidate: committing the rest would be a partial change)
REFUSED = re.compile(r"^(error:.*|syntax error.*|unknown command\..*|number expected at .*|"
                     r"value \S+ is not within range .*)$", re.I)
NAME_MAX = 63  # Junos security object and policy names

# Port names Junos accepts in place of numbers (applications, firewall filters).
PORT_NAMES = port_names(
    "ftp", "ssh", "telnet", "smtp", "domain", "http", "www", "ntp", "snmp", "https", "sip")

# Junos built-in forwarding classes a DSCP class is mapped to for the rewrite rule.
# EF traffic goes to expedited-forwarding; every other class takes one loss priority of
# assured-forwarding (four exist), so each class gets its own rewrite code point.
AF_LOSS_PRIORITIES = ("low", "high", "medium-low", "medium-high")

# -- Read side: parsers as data (one regex per statement this driver owns) -----------------
# ``{p}`` is the owned-name prefix (allowlist.name, default VOIPREADY).
PARSERS = {
    "address": r"^security address-book global address ({p}-\S+) (?:dns-name )?(\S+)$",
    "address_set": r"^security address-book global address-set ({p}-\S+) address (\S+)$",
    "application": (r"^applications application ({p}-\S+) "
                    r"(protocol|destination-port|inactivity-timeout) (\S+)$"),
    "policy": (r"^security policies from-zone (\S+) to-zone (\S+) policy ({p}-\S+) "
               r"(?:match (source-address|destination-address|application) (\S+)|then (permit|deny))$"),
    "sip_alg": r"^security alg sip disable$",
    "voip": r"^switch-options voip interface (\S+) (vlan|forwarding-class) (\S+)$",
    "vlan": r"^vlans (\S+) vlan-id (\d+)$",
    "members": r"^interfaces (\S+) unit 0 family ethernet-switching vlan members (\S+)$",
    "classifier": r"^class-of-service interfaces (\S+) unit (\d+) classifiers dscp default$",
    "subif": r"^interfaces (\S+) unit (\d+) (?:vlan-id (\d+)|family inet address (\S+))$",
    "filter": (r"^firewall family inet filter ({p}-QOS-G(\d+)) term (\S+) "
               r"(?:from (protocol|destination-address|source-address|destination-port|"
               r"source-port) (\S+)|then (forwarding-class|loss-priority) (\S+)|then accept)$"),
    "rewrite": (r"^class-of-service rewrite-rules dscp ({p}-RW) forwarding-class (\S+) "
                r"loss-priority (\S+) code-point (\S+)$"),
    "rewrite_bind": r"^class-of-service interfaces (\S+) unit (\d+) rewrite-rules dscp ({p}-RW)$",
    "filter_bind": r"^interfaces (\S+) unit (\d+) family inet filter input (\S+)$",
}

# Object roots: a ``delete`` of a whole object is one command, the Junos idiom.
OBJECT_ROOTS = (
    r"^security policies from-zone \S+ to-zone \S+ policy \S+",
    r"^security address-book global address-set \S+",
    r"^security address-book global address \S+",
    r"^applications application \S+",
    r"^firewall family inet filter \S+",
    r"^class-of-service rewrite-rules dscp \S+",
    r"^switch-options voip interface \S+",
    r"^vlans \S+",
    r"^interfaces \S+ unit \d+(?= vlan-id| family inet address)",
)

# Single-valued leaves: a ``set`` replaces the old value, so no ``delete`` is needed.
SINGLE_VALUED = (
    r"^(applications application \S+ (?:protocol|destination-port|inactivity-timeout)) ",
    r"^(vlans \S+ vlan-id) ",
    r"^(switch-options voip interface \S+ (?:vlan|forwarding-class)) ",
    r"^(interfaces \S+ unit \d+ family inet filter input) ",
    r"^(interfaces \S+ unit \d+ vlan-id) ",
    r"^(class-of-service interfaces \S+ unit \d+ rewrite-rules dscp) ",
    r"^(security address-book global address \S+) (?!dns-name)\S+$",
)

# Apply order: referenced objects before their users; removals the other way round.
SET_ORDER = (
    r"^security address-book global address ", r"^security address-book global address-set ",
    r"^applications ", r"^firewall ", r"^class-of-service rewrite-rules ", r"^vlans ",
    r"^security policies ", r"^security alg ", r"^interfaces ", r"^switch-options ",
    r"^class-of-service interfaces ",
)

INSERT_RE = re.compile(r"^insert security policies from-zone (\S+) to-zone (\S+) policy (\S+) "
                       r"(before|after) policy (\S+)$")


def _prefix(intent):
    """The owned-name prefix: allowlist.name, VOIPREADY when there is no allowlist."""
    return (intent.get("allowlist") or {}).get("name") or DEFAULT_PREFIX


def _ifl(name):
    """'ge-0/0/1.0' -> ('ge-0/0/1', '0'); a bare name means unit 0."""
    ifd, _sep, unit = name.partition(".")
    return ifd, unit or "0"


def _prefixlen(text):
    """A Junos address (host or prefix) -> the intent's canonical network string."""
    try:
        net = ipaddress.ip_network(text, strict=False)
    except ValueError:
        unreadable("junos", "address", text)
    return str(net.network_address) if net.prefixlen == net.max_prefixlen else str(net)


def _with_len(address):
    net = ipaddress.ip_network(address)
    return "%s/%d" % (net.network_address, net.prefixlen)


def _port_range(text):
    """'5060', 'sip', '6000-65535' -> (low, high)."""
    parts = text.split("-")
    try:
        ports = [PORT_NAMES[p] if p in PORT_NAMES else int(p) for p in parts]
    except ValueError:
        unreadable("junos", "port", text)
    if text == "0":
        return 0, 0
    if len(ports) not in (1, 2) or not 1 <= ports[0] <= ports[-1] <= 65535:
        unreadable("junos", "port range", text)
    return ports[0], ports[-1]


def _ports(low, high):
    return str(low) if low == high else "%d-%d" % (low, high)


def _name(prefix, *parts):
    name = "-".join((prefix,) + parts)
    if len(name) > NAME_MAX:
        raise VoipReadyError("junos: object name %r is longer than %d characters; shorten "
                             "allowlist.name or the rule id" % (name, NAME_MAX),
                             field="allowlist.name", value=prefix)
    return name


def _addr_name(prefix, address):
    """Address-book entry name for an IP/CIDR or FQDN: 44.215.230.111 -> VOIPREADY-44.215.230.111."""
    return _name(prefix, address.replace("/", "_"))


# -- running text -> set lines --------------------------------------------------------------
def set_lines(running):
    """``display set`` (or curly) text -> the statements without their ``set `` keyword."""
    if not isinstance(running, str):
        unreadable("junos", "running configuration (not text)", type(running).__name__)
    text = running
    if "{" in text and not re.search(r"^set ", text, re.M):
        if text.count("{") != text.count("}"):
            unreadable("junos", "configuration (unbalanced braces)", text[-60:])
        from hier_config.platforms.functions import convert_to_set_commands
        text = convert_to_set_commands(text)
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", "##", "/*", "{master", "{primary", "[edit")):
            continue
        if line.startswith("set "):
            lines.append(re.sub(r"\s+", " ", line[4:]))
        elif not line.startswith(("deactivate ", "activate ", "protect ")):
            unreadable("junos", "line %d (expected a 'set' statement)" % number, line)
    # a statement set twice is set once (and hier_config refuses duplicate children)
    return list(OrderedDict.fromkeys(lines))


def inactive_lines(running):
    """The ``deactivate``/``protect`` statements of ``display set`` text, in order: not
    configuration values, but marks on a path that must survive every change."""
    if not isinstance(running, str) or ("{" in running and not re.search(r"^set ", running, re.M)):
        return []
    out = []
    for raw in running.splitlines():
        line = re.sub(r"\s+", " ", raw.strip())
        if line.startswith(("deactivate ", "protect ")) and line not in out:
            out.append(line)
    return out


def _covers(mark, line):
    """Does the mark ``deactivate PATH`` apply to the statement ``line``?"""
    path = mark.split(" ", 1)[1] if " " in mark else ""
    return line == path or line.startswith(path + " ")


def _with_marks(lines, marks):
    """``display set`` text: each mark after the last statement it covers (the way Junos
    prints it); a mark whose statements are all gone goes with them."""
    after = {}
    for mark in marks:
        covered = [i for i, line in enumerate(lines) if _covers(mark, line)]
        if covered:
            after.setdefault(covered[-1], []).append(mark)
    out = []
    for index, line in enumerate(lines):
        out.append("set " + line)
        out.extend(after.get(index, []))
    return out


def _match(prefix, kind, line):
    return re.match(PARSERS[kind].format(p=re.escape(prefix)), line)


def _owned_by_prefix(prefix, line):
    return re.search(r"(^| )%s-\S" % re.escape(prefix), line) is not None


# -- the driver ----------------------------------------------------------------------------
class Driver(PlatformDriver):
    """Junos SRX / EX."""

    platform = "junos"
    netmiko_device_type = "juniper_junos"
    napalm_driver = "junos"
    gather_commands = ("show configuration | display set | no-more",)
    interface_fields = INTERFACE_FIELDS  # checked by _check_interfaces (units, ports)
    needs_commit = True
    comment = "#"
    unsupported = {}
    binds_inside = True          # the zones of the inside interfaces
    qos_binding = "both"         # filter input classifies, the rewrite rule marks on egress
    wildcard_why = (
        "SRX address-book dns-name entries resolve one exact name each; there is no wildcard "
        "domain entry")
    fqdn_objects = True

    # -- applicability -----------------------------------------------------------------
    def not_applicable(self, feature, intent):
        """Security features on a pure EX switch (phone ports, no zones) do not exist."""
        vv = intent.get("voice_vlan") or {}
        al = intent.get("allowlist") or {}
        switch_only = bool(vv.get("phone_ports")) and not (
            al.get("inside_interfaces") or al.get("outside_interfaces"))
        if switch_only and feature in ("allowlist", "sip_alg", "timeouts"):
            return ("Junos EX switching has no stateful security policies, SIP ALG or "
                    "session timeouts; apply %s on the SRX or router in front of the voice "
                    "VLAN" % feature)
        return None

    # -- render: intent -> set statements, per feature -----------------------------------
    def render(self, intent):
        """The owned configuration as ``set`` commands, feature by feature."""
        prefix = _prefix(intent)
        out = ["# voipready.network: Junos configuration (%s)" % prefix]
        state = {"filter_gen": 1}
        for feature in FEATURES:
            if feature in intent:
                notes, lines = self._feature_lines(feature, intent, prefix, None, state)
                out.append("# %s" % feature)
                out.extend("# " + note for note in notes)
                out.extend("set " + line for line in lines)
        return "\n".join(out) + "\n"

    def _feature_lines(self, feature, intent, prefix, parsed, state):
        """(notes, statements) for one feature; ``parsed`` is running state when known."""
        return getattr(self, "_lines_" + feature)(intent, prefix, parsed, state)

    def _allowlist_rules(self, cfg):
        """The rules pushed here (plan.choose_rules): addresses, or exact FQDNs (dns-name)
        for a rule that has none."""
        notes, rules = [], []
        for choice in plan.choose_rules(cfg, names=self.fqdn_objects):
            rule = choice.rule
            if choice.skipped == plan.SKIP_NAMES:
                notes.append("skipped %s: no address and fqdn_mode=%s" % (
                    rule["id"], cfg.get("fqdn_mode")))
            elif choice.skipped:
                notes.append(self.unenforceable_note(choice))
            else:
                rules.append((rule, list(choice.addresses), list(choice.names)))
        return notes, rules

    def _lines_allowlist(self, intent, prefix, parsed, state):
        """Address book, one application per rule, zone policies (permits, then enforce)."""
        cfg = intent["allowlist"]
        notes, rules = self._allowlist_rules(cfg)
        book, apps, policies = [], [], []
        inside, outside = cfg.get("inside_zone", "trust"), cfg.get("outside_zone", "untrust")
        voice = cfg.get("voice_networks") or []
        voice_set = _name(prefix, "VOICE-NETS") if voice else "any"

        def address_set(set_name, addresses, fqdns):
            for item in list(addresses) + list(fqdns):
                entry = _addr_name(prefix, item)
                value = ("dns-name " + item) if item in fqdns else _with_len(item)
                line = "security address-book global address %s %s" % (entry, value)
                if line not in book:
                    book.append(line)
                book.append("security address-book global address-set %s address %s" % (
                    set_name, entry))

        def policy(name, src_zone, dst_zone, src, dst, app, action):
            base = "security policies from-zone %s to-zone %s policy %s " % (
                src_zone, dst_zone, name)
            policies.extend([base + "match source-address " + src,
                             base + "match destination-address " + dst,
                             base + "match application " + app, base + "then " + action])

        if voice:
            address_set(voice_set, voice, [])
        for rule, addresses, fqdns in rules:
            name = _name(prefix, rule["id"])
            address_set(name, addresses, fqdns)
            app = "applications application %s " % name
            apps.extend([app + "protocol " + rule["proto"],
                         app + "destination-port " + _ports(rule["port_min"], rule["port_max"])])
            if rule["direction"] in ("outbound", "both"):
                policy(_name(prefix, rule["id"], "OUT"), inside, outside, voice_set, name, name,
                       "permit")
            if rule["direction"] in ("inbound", "both"):
                policy(_name(prefix, rule["id"], "IN"), outside, inside, name, voice_set, name,
                       "permit")
        essentials = cfg.get("essentials") or {}
        for kind, builtin in (("dns", ("junos-dns-udp", "junos-dns-tcp")), ("ntp", ("junos-ntp",))):
            if essentials.get(kind):
                name = _name(prefix, kind.upper())
                address_set(name, essentials[kind], [])
                base = "security policies from-zone %s to-zone %s policy %s-OUT " % (
                    inside, outside, name)
                policies.extend([base + "match source-address " + voice_set,
                                 base + "match destination-address " + name]
                                + [base + "match application " + a for a in builtin]
                                + [base + "then permit"])
        if cfg.get("enforce") and voice:
            policy(_name(prefix, "ENFORCE-OUT"), inside, outside, voice_set, "any", "any", "deny")
            policy(_name(prefix, "ENFORCE-IN"), outside, inside, "any", voice_set, "any", "deny")
        book = [l for l in book if " address-set " not in l] + [l for l in book if " address-set " in l]
        return notes, book + apps + policies

    def _lines_sip_alg(self, intent, prefix, parsed, state):
        """SIP ALG off: ``security alg sip disable`` (the ALG is on by default)."""
        if intent["sip_alg"].get("enabled"):
            return ["sip_alg.enabled=true: the ALG is left at its default (on)"], []
        return [], ["security alg sip disable"]

    def _lines_voice_vlan(self, intent, prefix, parsed, state):
        """ELS voice VLAN: vlans, access data VLAN, switch-options voip, trunk members, trust."""
        cfg = intent["voice_vlan"]
        voice, data = cfg["voice_vlan"], cfg["data_vlan"]
        lines = []
        if cfg.get("phone_ports") or cfg.get("uplink_ports"):
            lines += ["vlans %s vlan-id %d" % (data["name"], data["id"]),
                      "vlans %s vlan-id %d" % (voice["name"], voice["id"])]
        for port in cfg.get("phone_ports") or []:
            ifd, unit = _ifl(port)
            es = "interfaces %s unit %s family ethernet-switching " % (ifd, unit)
            lines += [es + "interface-mode access", es + "vlan members " + data["name"],
                      "switch-options voip interface %s.%s vlan %s" % (ifd, unit, voice["name"]),
                      "switch-options voip interface %s.%s forwarding-class expedited-forwarding"
                      % (ifd, unit)]
            if cfg.get("trust_dscp", True):
                lines.append("class-of-service interfaces %s unit %s classifiers dscp default"
                             % (ifd, unit))
        for port in cfg.get("uplink_ports") or []:
            ifd, unit = _ifl(port)
            es = "interfaces %s unit %s family ethernet-switching " % (ifd, unit)
            lines += [es + "interface-mode trunk", es + "vlan members " + data["name"],
                      es + "vlan members " + voice["name"]]
        for sub in cfg.get("subinterfaces") or []:
            unit = "interfaces %s unit %d " % (sub["parent"], sub["vlan"])
            lines += ["interfaces %s vlan-tagging" % sub["parent"], unit + "vlan-id %d" % sub["vlan"]]
            if sub.get("address"):
                lines.append(unit + "family inet address " + sub["address"])
        return [], lines

    def _lines_qos(self, intent, prefix, parsed, state):
        """MF classifier filter (forwarding class per class) + DSCP rewrite rule + trust."""
        cfg = intent["qos"]
        notes, lines, rewrite = [], [], []
        fc_of = self._forwarding_classes(cfg.get("classes") or [])
        filt = "firewall family inet filter %s " % _name(prefix, "QOS-G%d" % state["filter_gen"])
        for cls in cfg.get("classes") or []:
            fc, loss = fc_of[cls["name"]]
            rewrite.append("class-of-service rewrite-rules dscp %s forwarding-class %s "
                           "loss-priority %s code-point %s" % (
                               _name(prefix, "RW"), fc, loss,
                               DSCP_BY_VALUE.get(cls["dscp"], format(cls["dscp"], "06b"))))
            for index, match in enumerate(cls["matches"], 1):
                for side, suffix in (("destination", ""), ("source", "R")):
                    term = filt + "term %s-%d%s " % (cls["name"], index, suffix)
                    lines += [term + "from %s-address %s" % (side, _with_len(a))
                              for a in match["addresses"]]
                    lines += [term + "from protocol " + match["proto"],
                              term + "from %s-port %s" % (side, _ports(match["port_min"],
                                                                       match["port_max"])),
                              term + "then forwarding-class " + fc,
                              term + "then loss-priority " + loss, term + "then accept"]
        if lines:
            lines.append(filt + "term ACCEPT-ALL then accept")
        lines = lines + sorted(set(rewrite), key=rewrite.index)
        for name in cfg.get("interfaces") or []:
            ifd, unit = _ifl(name)
            if rewrite:
                lines.append("class-of-service interfaces %s unit %s rewrite-rules dscp %s" % (
                    ifd, unit, _name(prefix, "RW")))
                lines.append("interfaces %s unit %s family inet filter input %s" % (
                    ifd, unit, filt.split()[4]))
            if cfg.get("trust", True):
                lines.append("class-of-service interfaces %s unit %s classifiers dscp default"
                             % (ifd, unit))
        return notes, lines

    @staticmethod
    def _forwarding_classes(classes):
        """{class name: (forwarding class, loss priority)} for the rewrite rule."""
        out, free = {}, list(AF_LOSS_PRIORITIES)
        for cls in classes:
            if cls["dscp"] == 46:
                out[cls["name"]] = ("expedited-forwarding", "low")
            elif not free:
                raise VoipReadyError("junos: at most one EF and four other DSCP classes fit the "
                                     "built-in forwarding classes", field="qos.classes",
                                     value=cls["name"])
            else:
                out[cls["name"]] = ("assured-forwarding", free.pop(0))
        return out

    def _lines_timeouts(self, intent, prefix, parsed, state):
        """Per-application ``inactivity-timeout`` on the owned applications (SRX)."""
        cfg = intent["timeouts"]
        if "allowlist" in intent:
            apps = [(_name(prefix, r["id"]), r["proto"], r["port_min"], r["port_max"])
                    for r, _a, _f in self._allowlist_rules(intent["allowlist"])[1]]
        else:
            apps = sorted((parsed or {}).get("timeouts", {}).get("_applications", {}).items())
            apps = [(name, a["proto"], a["port_min"], a["port_max"]) for name, a in apps]
        lines = []
        for name, proto, low, high in apps:
            seconds = _timeout_for(cfg, proto, low, high)
            if seconds:
                lines.append("applications application %s inactivity-timeout %d" % (name, seconds))
        notes = ["the UDP unreplied timeout (udp=%ss) has no Junos equivalent; applications "
                 "carry one inactivity-timeout" % cfg.get("udp")]
        return notes, lines

    # -- parse: set statements -> intent-shaped state --------------------------------------
    def parse(self, running, name=DEFAULT_PREFIX):
        """Running ``display set`` text -> {feature: state} for the owned statements."""
        full = self._read(read_once(set_lines, running), name)
        return dict((f, dict((k, v) for k, v in state.items() if not k.startswith("_")))
                    for f, state in full.items())

    def _read(self, lines, name):
        """parse() plus the private details remediate needs (applications, generation)."""
        owned_kind = re.compile(
            r"^(security address-book global address(-set)? |applications application |"
            r"security policies from-zone \S+ to-zone \S+ policy |firewall family inet filter |"
            r"class-of-service rewrite-rules dscp )%s-" % re.escape(name))
        for line in lines:
            if owned_kind.match(line) and not self._known(name, line):
                unreadable("junos", "owned statement", "set " + line)
        return {
            "allowlist": self._parse_allowlist(lines, name),
            "sip_alg": {"enabled": "security alg sip disable" not in lines},
            "voice_vlan": self._parse_voice_vlan(lines),
            "qos": self._parse_qos(lines, name),
            "timeouts": self._parse_timeouts(lines, name),
        }

    def _known(self, prefix, line):
        kinds = ("address", "address_set", "application", "policy", "filter", "rewrite",
                 "rewrite_bind", "filter_bind")
        return any(_match(prefix, kind, line) for kind in kinds)

    def _applications(self, lines, prefix):
        apps = {}
        for line in lines:
            m = _match(prefix, "application", line)
            if m:
                apps.setdefault(m.group(1), {})[m.group(2)] = m.group(3)
        out = {}
        for app, leaves in apps.items():
            if leaves.get("protocol", "tcp") not in ("tcp", "udp"):
                unreadable("junos", "application protocol", leaves["protocol"])
            low, high = _port_range(leaves.get("destination-port", "0"))
            if "protocol" not in leaves:
                continue
            timeout = leaves.get("inactivity-timeout")
            if timeout is not None and not timeout.isdigit():
                unreadable("junos", "inactivity-timeout", timeout)
            out[app] = {"proto": leaves["protocol"], "port_min": low, "port_max": high,
                        "timeout": int(timeout) if timeout else None}
        return out

    def _parse_allowlist(self, lines, prefix):
        """Rules back from policies named <prefix>-<rule id>-OUT/-IN and their objects."""
        addresses, sets, policies = {}, {}, {}
        for line in lines:
            m = _match(prefix, "address", line)
            if m:
                addresses[m.group(1)] = m.group(2)
            m = _match(prefix, "address_set", line)
            if m:
                sets.setdefault(m.group(1), []).append(m.group(2))
            m = _match(prefix, "policy", line)
            if m:
                pol = policies.setdefault(m.group(3), {"zones": (m.group(1), m.group(2))})
                if m.group(4):
                    pol.setdefault(m.group(4), []).append(m.group(5))
                else:
                    pol["action"] = m.group(6)
        apps = self._applications(lines, prefix)

        def members(set_name):
            nets, names = [], []
            for entry in sets.get(set_name, []):
                value = addresses.get(entry)
                if value is None:
                    continue
                if re.match(r"^[0-9a-fA-F:.]+(/\d+)?$", value):
                    nets.append(_prefixlen(value))
                else:
                    names.append(value)
            return sorted(set(nets), key=address_key), sorted(set(names))

        rules, zones, essentials, enforce = {}, None, {"dns": [], "ntp": []}, False
        special = dict(("%s-%s-OUT" % (prefix, k), k) for k in ("DNS", "NTP"))
        for pol_name, pol in sorted(policies.items()):
            if pol_name in special:
                essentials[special[pol_name].lower()] = members(
                    pol.get("destination-address", [""])[0])[0]
                continue
            if pol_name.startswith(prefix + "-ENFORCE-"):
                enforce = enforce or pol.get("action") == "deny"
                continue
            m = re.match(r"^%s-(.+)-(OUT|IN)$" % re.escape(prefix), pol_name)
            app = apps.get((pol.get("application") or [""])[0])
            if not m or not app:
                continue
            rid = m.group(1)
            if m.group(2) == "OUT":
                zones = pol["zones"]
            nets, fqdns = members(prefix + "-" + rid)
            rule = rules.setdefault(rid, {
                "id": rid, "service": None, "proto": app["proto"], "port_min": app["port_min"],
                "port_max": app["port_max"], "addresses": nets, "fqdns": fqdns,
                "direction": set(), "enforceable": True})
            rule["direction"].add("outbound" if m.group(2) == "OUT" else "inbound")
        for rule in rules.values():
            rule["direction"] = "both" if len(rule["direction"]) == 2 else rule["direction"].pop()
        voice = members(prefix + "-VOICE-NETS")[0]
        out = {"name": prefix, "rules": [rules[k] for k in sorted(rules)],
               "voice_networks": voice, "essentials": essentials, "enforce": enforce}
        if zones:
            out["inside_zone"], out["outside_zone"] = zones
        out["_applications"] = dict((k, v) for k, v in apps.items())
        return out

    def _parse_voice_vlan(self, lines):
        """Voice VLAN from ``switch-options voip``; data VLAN from the phone ports' access VLAN."""
        vlans, voip, members, trust, subs = {}, {}, {}, set(), {}
        for line in lines:
            m = re.match(PARSERS["vlan"], line)
            if m:
                vlans[m.group(1)] = int(m.group(2))
            m = re.match(PARSERS["voip"], line)
            if m:
                voip.setdefault(m.group(1), {})[m.group(2)] = m.group(3)
            m = re.match(PARSERS["members"], line)
            if m:
                members.setdefault(m.group(1), []).append(m.group(2))
            m = re.match(PARSERS["classifier"], line)
            if m:
                trust.add(m.group(1))
            m = re.match(PARSERS["subif"], line)
            if m and m.group(2) != "0":
                sub = subs.setdefault((m.group(1), int(m.group(2))), {})
                sub.update({"vlan": int(m.group(3))} if m.group(3) else {"address": m.group(4)})
        phones = sorted(port.split(".")[0] for port in voip)
        voice_name = next((v.get("vlan") for _p, v in sorted(voip.items()) if v.get("vlan")), None)
        data_name = next((n for p in phones for n in members.get(p, []) if n != voice_name), None)
        out = {"phone_ports": phones,
               "uplink_ports": sorted(p for p, names in members.items()
                                      if voice_name in names and p not in phones),
               "trust_dscp": bool(phones) and all(p in trust for p in phones),
               "subinterfaces": [{"parent": parent, "vlan": sub.get("vlan", unit),
                                  "address": sub.get("address")}
                                 for (parent, unit), sub in sorted(subs.items())
                                 if sub.get("vlan") == unit]}
        if voice_name in vlans:
            out["voice_vlan"] = {"id": vlans[voice_name], "name": voice_name}
        if data_name in vlans:
            out["data_vlan"] = {"id": vlans[data_name], "name": data_name}
        return out

    def _parse_qos(self, lines, prefix):
        """Classes back from the newest owned filter's terms and the rewrite rule."""
        terms, gens, code = {}, set(), {}
        interfaces, trust = [], set()
        for line in lines:
            m = _match(prefix, "filter", line)
            if m:
                gens.add(int(m.group(2)))
                term = terms.setdefault((int(m.group(2)), m.group(3)), {"addresses": []})
                if m.group(4) in ("destination-address", "source-address"):
                    term["addresses"].append(_prefixlen(m.group(5)))
                elif m.group(4):
                    term[m.group(4).split("-")[-1] if "port" in m.group(4) else m.group(4)] = \
                        m.group(5)
                elif m.group(6):
                    term[m.group(6)] = m.group(7)
            m = _match(prefix, "rewrite", line)
            if m:
                code[(m.group(2), m.group(3))] = m.group(4)
            m = _match(prefix, "rewrite_bind", line)
            if m:
                interfaces.append("%s.%s" % (m.group(1), m.group(2)))
            m = re.match(PARSERS["classifier"], line)
            if m:
                trust.add("%s.%s" % (m.group(1), m.group(2)))
        gen = max(gens) if gens else None
        classes = {}
        for (term_gen, term_name), term in sorted(terms.items()):
            m = re.match(r"^(.+)-(\d+)$", term_name)
            if term_gen != gen or not m or "forwarding-class" not in term:
                continue
            point = code.get((term["forwarding-class"], term.get("loss-priority", "low")))
            dscp = _dscp(point)
            if dscp is None or "protocol" not in term or "port" not in term:
                continue
            low, high = _port_range(term["port"])
            cls = classes.setdefault(m.group(1), {"name": m.group(1), "dscp": dscp, "matches": []})
            cls["matches"].append({"proto": term["protocol"], "port_min": low, "port_max": high,
                                   "addresses": sorted(set(term["addresses"]), key=address_key)})
        out = {"classes": [classes[k] for k in sorted(classes, key=lambda n: (-classes[n]["dscp"], n))],
               "interfaces": sorted(set(interfaces)),
               "trust": bool(interfaces) and all(i in trust for i in interfaces),
               "_generation": gen}
        return out

    def _parse_timeouts(self, lines, prefix):
        """Inactivity timeouts of the owned applications, summarised per kind."""
        apps = self._applications(lines, prefix)
        found = {}
        for app in apps.values():
            kind = _timeout_kind(app["proto"], app["port_min"], app["port_max"])
            if app["timeout"] and kind:
                found.setdefault(kind, app["timeout"])
        return {"udp_stream": found.get("udp_stream"), "sip": found.get("sip"),
                "tcp_established": found.get("tcp_established"), "_applications": apps}

    # -- remediate ------------------------------------------------------------------------
    def remediate(self, running, intent, state="merged"):
        """Ordered ``set``/``delete``/``insert`` commands taking running to the intent."""
        prefix = _prefix(intent)
        lines = read_once(set_lines, running)
        parsed = self._read(lines, prefix)
        self._check_interfaces(lines, intent)
        owned, target, required = [], [], []
        for feature in FEATURES:
            if feature not in intent or self.not_applicable(feature, intent):
                continue
            if state == "deleted" and feature == "sip_alg":
                continue  # the ALG stays off: switching it back on is never the ask
            feat_owned = [l for l in lines if self._owns(feature, l, intent, prefix, parsed, state)]
            owned += [l for l in feat_owned if l not in owned]
            if state == "deleted":
                continue
            st = {"filter_gen": self._filter_generation(intent, prefix, parsed, lines)}
            _notes, wanted = self._feature_lines(feature, intent, prefix, parsed, st)
            for line in wanted:
                if self._owns(feature, line, intent, prefix, parsed, "replaced"):
                    target.append(line)
                elif line not in required:
                    required.append(line)
        self._guard_bindings(lines, target, prefix)
        if state != "deleted" and "allowlist" in intent and not self.not_applicable("allowlist", intent):
            self._check_zones(lines, intent, target)
        _check_marks(read_once(inactive_lines, running), owned + target + required)
        commands = self._diff(owned, target, [l for l in lines if l not in owned])
        commands += ["set " + l for l in required if l not in lines and "set " + l not in commands]
        commands = self._order(commands, prefix)
        commands += self._policy_inserts(simulate_lines(lines, commands), intent, prefix, state)
        return commands

    def _check_interfaces(self, lines, intent):
        """Every interface the intent names is configured on the device: a physical port
        has ``interfaces NAME ...`` statements, a logical one (zones, filters: ``ge-0/0/1.0``,
        a bare name is unit 0) ``interfaces NAME unit N ...``. ``show configuration`` is
        the source: a port with no statement at all is refused too (EX factory defaults
        configure every port)."""
        physical, logical = set(), set()
        for line in lines:
            m = re.match(r"^interfaces (\S+)(?: unit (\d+))?", line)
            if m and m.group(1) not in ("interface-range", "traceoptions"):
                physical.add(m.group(1))
                if m.group(2):
                    logical.add("%s.%s" % m.groups())
            m = re.match(r"^interfaces interface-range \S+ member (\S+)$", line)
            if m:
                physical.add(m.group(1))
        vv = intent.get("voice_vlan") or {}
        logical |= set("%s.%d" % (sub["parent"], sub["vlan"]) for sub in vv.get("subinterfaces") or [])

        def unit(name):
            return "%s.%s" % _ifl(name)

        scope = [f for f in FEATURES if f in intent and not self.not_applicable(f, intent)]
        checks = []
        if "allowlist" in scope:
            checks += [("allowlist." + k, intent["allowlist"].get(k) or [], True)
                       for k in ("inside_interfaces", "outside_interfaces")]
        if "voice_vlan" in scope:
            checks += [("voice_vlan.phone_ports", vv.get("phone_ports") or [], False),
                       ("voice_vlan.uplink_ports", vv.get("uplink_ports") or [], False),
                       ("voice_vlan.subinterfaces.parent",
                        [sub["parent"] for sub in vv.get("subinterfaces") or []], False)]
        if "qos" in scope:
            checks.append(("qos.interfaces", intent["qos"].get("interfaces") or [], True))
        for field, names, is_unit in checks:
            if is_unit:
                check_present(field, [(n, unit(n)) for n in names], logical,
                              what="logical interface", source="its configuration, "
                              "'interfaces NAME unit N' statements")
            else:
                check_present(field, names, physical, source="its configuration, "
                              "'interfaces NAME' statements")

    def _check_zones(self, lines, intent, target):
        """The zones the owned policies name exist, and the inside/outside interfaces are
        in the zones those policies assume: a policy between the wrong zones never sees
        the voice traffic, and one naming an absent zone fails the commit."""
        pairs = _zone_pairs(target)
        if not pairs:
            return
        zones, member = set(["junos-host"]), {}
        for line in lines:
            m = re.match(r"^security zones security-zone (\S+)(?: interfaces (\S+))?", line)
            if m:
                zones.add(m.group(1))
                if m.group(2):
                    member.setdefault(m.group(2), m.group(1))
        cfg = intent["allowlist"]
        policies = ", ".join("from-zone %s to-zone %s" % pair for pair in pairs)
        for side in ("inside", "outside"):
            zone = cfg.get(side + "_zone") or ("trust" if side == "inside" else "untrust")
            check_present("allowlist.%s_zone" % side, [zone], zones, what="security zone",
                          source="its configuration, 'security zones security-zone' statements",
                          hint="The allowlist's policies go %s" % policies)
            for name in cfg.get(side + "_interfaces") or []:
                check_zone_member("allowlist.%s_interfaces" % side, name,
                                  member.get("%s.%s" % _ifl(name)), "allowlist.%s_zone" % side,
                                  zone, policies, what="security zone")

    def _owns(self, feature, line, intent, prefix, parsed, state):
        """True when ``line`` belongs to this collection for ``feature``."""
        if feature == "allowlist":
            return (bool(re.match(r"^(security address-book global address(-set)? |"
                                  r"security policies from-zone \S+ to-zone \S+ policy )", line))
                    or (line.startswith("applications application ")
                        and " inactivity-timeout " not in line)) and _owned_by_prefix(prefix, line)
        if feature == "sip_alg":
            return line == "security alg sip disable"
        if feature == "timeouts":
            return line.startswith("applications application " + prefix + "-") and \
                " inactivity-timeout " in line
        if feature == "qos":
            return bool(_match(prefix, "filter", line) or _match(prefix, "rewrite", line)
                        or _match(prefix, "rewrite_bind", line)
                        or re.match(r"^interfaces \S+ unit \d+ family inet filter input %s-QOS-G"
                                    % re.escape(prefix), line)
                        or self._qos_trust_line(line, intent, parsed))
        return self._owns_voice(line, intent["voice_vlan"], parsed, state)

    @staticmethod
    def _qos_trust_line(line, intent, parsed):
        m = re.match(PARSERS["classifier"], line)
        if not m:
            return False
        names = set(intent["qos"].get("interfaces") or []) | set(parsed["qos"]["interfaces"])
        return "%s.%s" % (m.group(1), m.group(2)) in names or m.group(1) in names

    @staticmethod
    def _owns_voice(line, cfg, parsed, state):
        voice = cfg["voice_vlan"]["name"]
        phones = set(cfg.get("phone_ports") or [])
        if state != "merged":
            phones |= set(parsed["voice_vlan"]["phone_ports"])
        uplinks = set(cfg.get("uplink_ports") or []) | (
            set(parsed["voice_vlan"]["uplink_ports"]) if state != "merged" else set())
        m = re.match(PARSERS["voip"], line)
        if m:
            return m.group(1).split(".")[0] in phones
        if line.startswith("vlans %s " % voice):
            return True
        m = re.match(PARSERS["members"], line)
        if m:
            return m.group(1) in uplinks and m.group(2) == voice
        m = re.match(PARSERS["classifier"], line)
        if m:
            return m.group(1) in phones
        m = re.match(PARSERS["subif"], line)
        subs = set((s["parent"], str(s["vlan"])) for s in cfg.get("subinterfaces") or [])
        return bool(m) and (m.group(1), m.group(2)) in subs

    def _filter_generation(self, intent, prefix, parsed, lines):
        """Keep the filter's generation when its terms are unchanged, else the next one."""
        current = parsed["qos"].get("_generation")
        if "qos" not in intent or current is None:
            return current or 1
        _n, wanted = self._lines_qos(intent, prefix, parsed, {"filter_gen": current})
        head = "firewall family inet filter %s-QOS-G%d " % (prefix, current)
        have = sorted(l for l in lines if l.startswith(head))
        return current if have == sorted(l for l in wanted if l.startswith(head)) else current + 1

    def _guard_bindings(self, lines, target, prefix):
        """Refuse to replace a filter someone else bound to an interface we must mark on."""
        for line in target:
            m = re.match(r"^(interfaces \S+ unit \d+ family inet filter input) ", line)
            if not m:
                continue
            for have in lines:
                if have.startswith(m.group(1) + " ") and not _owned_by_prefix(prefix, have):
                    raise VoipReadyError(
                        "junos: %r already has an input filter that voipready does not own; "
                        "add it to the QoS filter by hand or remove the interface from "
                        "qos.interfaces" % have, field="qos.interfaces", value=have.split()[1])

    def _diff(self, owned, target, others):
        """hier_config's set/delete difference of the owned statements, deletes folded."""
        from hier_config import Platform, WorkflowRemediation, get_hconfig
        running = get_hconfig(Platform.JUNIPER_JUNOS, "\n".join("set " + l for l in owned))
        wanted = get_hconfig(Platform.JUNIPER_JUNOS, "\n".join("set " + l for l in target))
        remediation = WorkflowRemediation(running, wanted).remediation_config
        commands = [child.text for child in remediation.all_children_sorted()]
        sets = [c[4:] for c in commands if c.startswith("set ")]
        set_keys = set(_single_key(s) for s in sets) - {None}
        out, folded = [], set()
        for cmd in commands:
            if not cmd.startswith("delete "):
                out.append(cmd)
                continue
            stmt = cmd[7:]
            if _single_key(stmt) in set_keys:
                continue
            root = _root(stmt)
            if root and not any(t == root or t.startswith(root + " ") for t in target + others):
                if root not in folded:
                    folded.add(root)
                    out.append("delete " + root)
            else:
                out.append(cmd)
        return out

    def _order(self, commands, prefix):
        """Deletes (users first), sets (referenced objects first), old filter generations last."""
        old_filters = [c for c in commands if re.match(
            r"^delete firewall family inet filter %s-QOS-G\d+$" % re.escape(prefix), c)]
        deletes = [c for c in commands if c.startswith("delete ") and c not in old_filters]
        sets = [c for c in commands if c.startswith("set ")]

        def rank(cmd):
            body = cmd.split(" ", 1)[1]
            return next((i for i, pat in enumerate(SET_ORDER) if re.match(pat, body)),
                        len(SET_ORDER))
        deletes.sort(key=lambda c: (-rank(c), c))
        sets = sorted(sets, key=lambda c: (rank(c), sets.index(c)))
        return deletes + sets + old_filters

    def _policy_inserts(self, after, intent, prefix, state):
        """``insert ... before/after`` so owned policies lead each zone pair, in render order."""
        if "allowlist" not in intent or state == "deleted" or self.not_applicable("allowlist", intent):
            return []
        _notes, wanted = self._lines_allowlist(intent, prefix, None, {})
        cmds = []
        for pair in _zone_pairs(wanted):
            desired = _policy_order(wanted, pair)
            current = _policy_order(after, pair)
            for index, name in enumerate(desired):
                if index == 0:
                    if current[0] != name:
                        cmds.append(_insert(pair, name, "before", current[0]))
                else:
                    pos = current.index(desired[index - 1])
                    if pos + 1 >= len(current) or current[pos + 1] != name:
                        cmds.append(_insert(pair, name, "after", desired[index - 1]))
                if cmds:
                    current = _policy_order(simulate_lines(after, cmds), pair)
        return cmds

    # -- simulate -------------------------------------------------------------------------
    def simulate(self, running, commands):
        """The ``display set`` text after ``commands`` (set/delete/insert semantics);
        ``deactivate``/``protect`` marks stay on the statements they cover."""
        lines = simulate_lines(read_once(set_lines, running), commands)  # edits its own copy
        out = _with_marks(lines, read_once(inactive_lines, running))
        return "\n".join(out) + ("\n" if out else "")

    def view(self, running, intent):
        """The owned part of ``running``, rendered from what parse() read back."""
        parsed = self.parse(running, name=_prefix(intent))
        shown = dict((f, parsed[f]) for f in intent if f in parsed)
        if "voice_vlan" in shown:
            shown["voice_vlan"] = _voice_defaults(shown["voice_vlan"], intent["voice_vlan"])
        if "timeouts" in shown:
            shown["timeouts"] = dict(intent["timeouts"], **dict(
                (k, v) for k, v in shown["timeouts"].items() if v is not None))
        if "allowlist" in intent:
            shown["allowlist"] = dict(shown["allowlist"], name=_prefix(intent))
        return self.render(shown)

    def rollback(self, before_running, after_running):
        """Commands from ``after`` back to ``before``: converge toward the parsed before state."""
        before = self.parse(before_running)
        before["voice_vlan"] = _voice_defaults(before["voice_vlan"], {})
        before["timeouts"] = _timeouts_from(before["timeouts"])
        return self.remediate(after_running, before, state="replaced")

    # -- transport ------------------------------------------------------------------------
    def push(self, transport, commands, confirm_timeout=None):
        """Load into a private candidate and ``commit confirmed`` (minutes) or ``commit``."""
        if getattr(transport, "kind", "") == "napalm":
            transport.load_merge("\n".join(commands))
            return transport.commit(confirm_timeout)
        session = transport.session
        minutes = int(math.ceil(confirm_timeout / 60.0)) if confirm_timeout else None
        try:
            output = session.send_config_set(list(commands), config_mode_command="configure private",
                                             exit_config_mode=False, cmd_verify=False,
                                             read_timeout=120)
            # the device's words and the line they answer (the tail of the transcript is
            # the later lines' echo, not the refusal)
            refused = refusals(output, REFUSED)
            if refused:
                raise VoipReadyError("junos rejected a statement: %s" % "; ".join(refused[:3]),
                                     field="commands", value=len(commands))
            output += session.commit(confirm=bool(minutes), confirm_delay=minutes,
                                     comment="voipready", and_quit=True)
        except VoipReadyError:
            session.exit_config_mode()
            raise
        except Exception as exc:
            raise VoipReadyError("junos commit failed: %s" % exc, field="commands",
                                 value=len(commands))
        return output

    def confirm(self, transport):
        """A plain ``commit`` confirms a pending ``commit confirmed``."""
        if getattr(transport, "kind", "") == "napalm":
            return transport.confirm()
        return transport.session.commit(comment="voipready confirm", and_quit=True)

    def save(self, transport):
        """A Junos commit is persistent: nothing to save."""
        return None


# -- helpers over set statements ------------------------------------------------------------
def _check_marks(marks, statements):
    """Refuse owned statements under a ``deactivate`` or ``protect`` mark: an inactive
    statement does not apply (a ``set`` under it stays inactive), a protected one cannot be
    changed -- and neither mark is the collection's to remove."""
    for mark in marks:
        hit = next((line for line in statements if _covers(mark, line)), None)
        if hit:
            verb = mark.split(" ", 1)[0]
            raise VoipReadyError(
                "junos: the device has %r, which covers %r that voipready manages: %s. "
                "Run '%s %s' on the device (or delete that configuration) first" % (
                    mark, hit, "an inactive statement does not apply, and one set beneath it "
                    "stays inactive" if verb == "deactivate" else "protected configuration "
                    "cannot be changed", "activate" if verb == "deactivate" else "unprotect",
                    mark.split(" ", 1)[1]), field="running", value=mark)


def _first_match(patterns, stmt, group):
    """The ``group`` of the first pattern matching ``stmt``, or None."""
    for pat in patterns:
        m = re.match(pat, stmt)
        if m:
            return m.group(group)
    return None


def _single_key(stmt):
    """The path of a single-valued leaf (a later ``set`` replaces its value)."""
    return _first_match(SINGLE_VALUED, stmt, 1)


def _root(stmt):
    """The whole object a statement belongs to (what one ``delete`` removes)."""
    return _first_match(OBJECT_ROOTS, stmt, 0)


def _zone_pairs(lines):
    pairs = []
    for line in lines:
        m = re.match(r"^security policies from-zone (\S+) to-zone (\S+) policy ", line)
        if m and (m.group(1), m.group(2)) not in pairs:
            pairs.append((m.group(1), m.group(2)))
    return pairs


def _policy_order(lines, pair):
    order = []
    head = "security policies from-zone %s to-zone %s policy " % pair
    for line in lines:
        if line.startswith(head):
            name = line[len(head):].split()[0]
            if name not in order:
                order.append(name)
    return order


def _insert(pair, name, where, other):
    return "insert security policies from-zone %s to-zone %s policy %s %s policy %s" % (
        pair[0], pair[1], name, where, other)


def simulate_lines(lines, commands):
    """Apply set/delete/insert commands to a list of statements (Junos candidate semantics)."""
    lines = list(lines)
    for cmd in commands:
        if cmd.startswith("set "):
            stmt = cmd[4:]
            key = _single_key(stmt)
            if stmt in lines:
                continue
            same = [i for i, l in enumerate(lines) if key and _single_key(l) == key]
            if same:
                lines[same[0]] = stmt
                for i in reversed(same[1:]):
                    del lines[i]
            else:
                lines.append(stmt)
        elif cmd.startswith("delete "):
            stmt = cmd[7:]
            lines = [l for l in lines if l != stmt and not l.startswith(stmt + " ")]
        elif INSERT_RE.match(cmd):
            frm, to, name, where, other = INSERT_RE.match(cmd).groups()
            head = "security policies from-zone %s to-zone %s policy " % (frm, to)
            moving = [l for l in lines if l.startswith(head + name + " ")]
            rest = [l for l in lines if l not in moving]
            anchor = [i for i, l in enumerate(rest) if l.startswith(head + other + " ")]
            if not moving or not anchor:
                raise VoipReadyError("junos: cannot simulate %r" % cmd, field="commands", value=cmd)
            at = anchor[0] if where == "before" else anchor[-1] + 1
            lines = rest[:at] + moving + rest[at:]
        elif cmd.strip():
            raise VoipReadyError("junos: cannot simulate %r" % cmd, field="commands", value=cmd)
    return lines


def _dscp(point):
    """Rewrite code point (alias or 6 bits) -> DSCP value."""
    if point is None:
        return None
    aliases = dict((v, k) for k, v in DSCP_BY_VALUE.items())
    if point in aliases:
        return aliases[point]
    if re.match(r"^[01]{6}$", point):
        return int(point, 2)
    unreadable("junos", "code point", point)


def _timeout_kind(proto, low, high):
    """Which timeout an application gets: SIP ports, other UDP (media), other TCP."""
    if low <= 5061 and high >= 5060 and high - low < 100:
        return "sip"
    return "udp_stream" if proto == "udp" else "tcp_established"


def _timeout_for(cfg, proto, low, high):
    return cfg.get(_timeout_kind(proto, low, high))


def _voice_defaults(parsed, wanted):
    """Fill what parse() could not see (a device with no voice VLAN) from the intent."""
    out = {"voice_vlan": wanted.get("voice_vlan", {"id": 110, "name": "VOICE"}),
           "data_vlan": wanted.get("data_vlan", {"id": 10, "name": "DATA"}),
           "trust_dscp": True, "phone_ports": [], "uplink_ports": [], "subinterfaces": []}
    out.update(parsed)
    return out


def _timeouts_from(parsed):
    out = {"udp": 60, "udp_stream": None, "sip": None, "tcp_established": None,
           "keepalive_interval": 30}
    out.update(dict((k, v) for k, v in parsed.items() if k in out))
    return out
