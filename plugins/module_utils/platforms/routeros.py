# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""MikroTik RouterOS v7: the five features as ``/export terse`` entries.

RouterOS has no hier_config driver, so the export is read into entries (menu path,
add/set, properties) and diffed here. Owned entries are found by name or comment:

  /ip firewall address-list   list=P-<rule-id>, P-VOICE, P-DNS, P-NTP, VOIPREADY-QOS-*
  /ip firewall filter         chain=P-OUT-<hash> / P-IN-<hash>; jumps comment=P:jump-out|in
  /ip firewall mangle         comment=VOIPREADY:qos:<class>:<n>:<out|in>
  /ip firewall service-port   set sip disabled=yes
  /interface bridge vlan      comment=VOIPREADY:voice-vlan (+ pvid of the phone ports,
  /ip neighbor discovery-settings lldp-med-net-policy-vlan)
  /interface vlan, /ip address comment=VOIPREADY:voice-vlan (routers)
  /ip firewall connection tracking  udp-timeout / udp-stream-timeout

Filter rules are ordered entries: a changed ruleset becomes a new chain (hash in its
name), the jump moves to it (``set ... jump-target=``), then the old chain is removed.
New jumps go to the top of forward with ``place-before=0`` so they run before the
default configuration's FastTrack rule (FastTrack would bypass mangle and the filter).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import PlatformDriver
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.vyos_routeros_common import (
    DIRECTIONS, chain_hash, host_or_cidr, is_address, parse_port,
    port_text, pushed_rules)

MARK = "VOIPREADY"
QOS_LIST = MARK + "-QOS"
ADDRESS_LIST = "/ip firewall address-list"
FILTER = "/ip firewall filter"
MANGLE = "/ip firewall mangle"
SERVICE_PORT = "/ip firewall service-port"
CONNTRACK = "/ip firewall connection tracking"
BRIDGE = "/interface bridge"
BRIDGE_VLAN = "/interface bridge vlan"
BRIDGE_PORT = "/interface bridge port"
DISCOVERY = "/ip neighbor discovery-settings"
VLAN = "/interface vlan"
IP_ADDRESS = "/ip address"
#: properties RouterOS derives when an entry leaves them out, and /export then prints
#: (an address's subnet: ``network=192.0.2.0`` of ``address=192.0.2.1/24``)
DERIVED = {IP_ADDRESS: {"network": lambda props: str(ipaddress.ip_interface(props["address"]).network.network_address)
                        if "address" in props else None}}
VOICE_TAG = MARK + ":voice-vlan"

# RouterOS v7 defaults, which /export leaves out (S53; v6 had udp-timeout=10s).
DEFAULTS = {CONNTRACK: {"udp-timeout": "30s", "udp-stream-timeout": "3m",
                        "tcp-established-timeout": "1d"},
            DISCOVERY: {"lldp-med-net-policy-vlan": "disabled"}}
TIMEOUT_PROPS = (("udp", "udp-timeout"), ("udp_stream", "udp-stream-timeout"),
                 ("tcp_established", "tcp-established-timeout"))
UNITS = (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60), ("s", 1))
#: what a line of an export (or a script written like one) may run in a menu
COMMAND_WORDS = "add|set|remove|import|enable|disable|unset|move|comment|reset"
WORD = re.compile(r'\s*(\[[^\]]*\]|[^\s=]+="(?:[^"\\]|\\.)*"|[^\s=]+=\S*|\S+)')


class Entry(object):
    """One export line: menu path, verb (add/set), optional set target, properties."""

    def __init__(self, path, verb, target, props, raw=None):
        self.path, self.verb, self.target, self.props, self.raw = path, verb, target, props, raw

    def line(self):
        if self.raw is not None:
            return self.raw
        words = [self.path, self.verb] + ([self.target] if self.target else [])
        return " ".join(words + ["%s=%s" % (k, quote(v)) for k, v in sorted(self.props.items())])

    def matches(self, query):
        return all(self.props.get(k) == v for k, v in query.items())


def quote(value):
    """Quote a value the way /export does: only when it needs it."""
    if value and re.match(r'^[\w.:,/@+*-]+$', value):
        return value
    return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"')


def unquote(value):
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def split_words(text, number):
    """key=value words of one command, keeping quoted values and [ find ] together."""
    words, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        found = WORD.match(text, pos)
        if not found:
            raise VoipReadyError("export line %d cannot be read near %r" % (number, text[pos:pos + 40]),
                                 field="running", value=text[:120])
        words.append(found.group(1))
        pos = found.end()
    if re.sub(r"\\.", "", text).count('"') % 2:
        raise VoipReadyError("export line %d has an unclosed quote: %r" % (number, text[:120]),
                             field="running", value=text[:120])
    return words


def parse_command(path, text, number):
    """'add k=v ...' / 'set target k=v' / 'remove [find ...]' under ``path`` -> Entry."""
    words = split_words(text, number)
    if not words or words[0] not in ("add", "set", "remove"):
        raise VoipReadyError("export line %d is not an add/set command under %s: %r"
                             % (number, path, text[:120]), field="running", value=text[:120])
    verb, target, props = words[0], None, {}
    for word in words[1:]:
        if "=" in word and not word.startswith("["):
            key, value = word.split("=", 1)
            props[key] = unquote(value)
        elif re.match(r"^![a-z][a-z0-9-]*$", word):
            # '/export verbose' prints a property that has no value as '!name' (unset):
            # the same as the property being absent
            continue
        elif target is None and (verb != "add"):
            target = word
        else:
            raise VoipReadyError("export line %d: %r is not key=value" % (number, word),
                                 field="running", value=text[:120])
    return Entry(path, verb, target, props)


def read_export(running):
    """``/export terse`` (or a sectioned /export) -> entries in order."""
    if not isinstance(running, str):
        raise VoipReadyError("running configuration must be text, got %s" % type(running).__name__,
                             field="running", value=type(running).__name__)
    # A long line continues after a trailing backslash; the next line's indentation is
    # not part of it. /export breaks between words ('name=ether1 \\') and inside a value
    # ('comment=\\' then '    "defconf: ..."'), so only the backslash and the indentation
    # go: the space before the backslash, where there is one, separates the words.
    joined, buffer = [], None
    for raw in running.splitlines():
        text = raw.rstrip() if buffer is None else raw.strip()
        if text.endswith("\\"):
            buffer = (buffer or "") + text[:-1]
            continue
        joined.append(text if buffer is None else buffer + text)
        buffer = None
    if buffer is not None:
        raise VoipReadyError("the export ends inside a continued line: %r" % buffer[:120],
                             field="running", value=buffer[:120])
    entries, section = [], None
    for number, line in enumerate(joined, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("/"):
            found = re.match(r"^(/[a-z0-9][a-z0-9 /-]*?)(?: (%s)\b(.*))?$" % COMMAND_WORDS, text)
            if found and not found.group(2):
                section = found.group(1).strip()
                continue
            base, rest = None, text
        elif section:
            base, rest = section, text
        else:
            base, rest, found = None, None, None
        # a command may name a sub-menu first: 'ssh-keys import ...' under /user
        command = re.match(r"^((?:/?[a-z0-9][a-z0-9-]*[ /])*?)(%s)\b(.*)$" % COMMAND_WORDS, rest) \
            if (base or found) else None
        if not command:
            raise VoipReadyError("export line %d is not RouterOS export syntax: %r" % (number, text[:120]),
                                 field="running", value=text[:120])
        path = " ".join(w for w in ((base or "") + " " + command.group(1).replace("/", " ")).split())
        if command.group(2) not in ("add", "set", "remove"):
            continue  # an action ('import', 'enable'...), not a configuration entry
        entry = parse_command("/" + path.lstrip("/"), command.group(2) + command.group(3), number)
        entry.raw = "%s %s" % (base, text) if base else text
        entries.append(entry)
    return entries


def export_interfaces(entries):
    """Interface names an export defines (``/interface <kind> add name=``, ``/interface
    ethernet set [ find default-name=X ] name=Y``) or refers to (``interface=``,
    ``tagged=``/``untagged=`` lists)."""
    names = set()
    for entry in entries:
        if entry.path.startswith("/interface") and not entry.path.startswith("/interface list"):
            if entry.verb == "add" and entry.props.get("name"):
                names.add(entry.props["name"])
            found = re.search(r"default-name=(\S+?) ?\]", entry.target or "")
            if found:
                names.add(found.group(1))
                if entry.props.get("name"):
                    names.add(entry.props["name"])
        for key in ("interface", "tagged", "untagged"):
            value = entry.props.get(key) or ""
            names.update(n for n in value.split(",") if n and n != "all" and not n.startswith("!"))
    return names


def seconds(value):
    """RouterOS duration ('1m30s', '10m', '1d', '00:01:30') -> seconds."""
    if re.match(r"^\d+:\d\d:\d\d$", value):
        h, m, s = (int(x) for x in value.split(":"))
        return h * 3600 + m * 60 + s
    parts = re.findall(r"(\d+)(w|d|h|m|s)", value)
    if not parts or "".join(n + u for n, u in parts) != value:
        raise VoipReadyError("%r is not a RouterOS duration" % value, field="running", value=value)
    return sum(int(n) * dict(UNITS)[u] for n, u in parts)


def duration(total):
    """Seconds -> the shortest RouterOS duration ('1m', '10m', '1h30m')."""
    out = []
    for unit, size in UNITS:
        if total >= size:
            out.append("%d%s" % (total // size, unit))
            total %= size
    return "".join(out) or "0s"


def singleton(entries, path, target=None):
    """Merged properties of the 'set' lines of a singleton menu, defaults underneath."""
    props = dict(DEFAULTS.get(path, {}))
    for entry in entries:
        if entry.path == path and entry.verb == "set" and entry.target == target:
            props.update(entry.props)
    return props


# -- rendering: entries per feature --------------------------------------------------------
def render_allowlist(cfg):
    """Address-lists, OUT/IN chains named by a hash of their rules, and the two jumps."""
    prefix = cfg.get("name") or MARK
    if not cfg.get("rules") and not cfg.get("voice_networks"):
        return []
    if not cfg.get("voice_networks"):
        raise VoipReadyError("allowlist.voice_networks=[] must name the voice subnets on routeros",
                             field="allowlist.voice_networks", value=[])
    voice = "%s-VOICE" % prefix
    lists = [(voice, n) for n in cfg["voice_networks"]]
    for key, _ports in plan.essential_services():
        lists += [("%s-%s" % (prefix, key.upper()), a) for a in cfg["essentials"].get(key, [])]
    chains = dict((d, [{"action": "accept", "comment": "%s:established" % prefix,
                        "connection-state": "established,related"}]) for d in ("out", "in"))
    for name, proto, port in plan.ESSENTIALS:
        if cfg["essentials"].get(name):
            chains["out"].append({"action": "accept", "comment": "%s:%s-%s" % (prefix, name, proto),
                                  "dst-address-list": "%s-%s" % (prefix, name.upper()),
                                  "dst-port": str(port), "protocol": proto})
    for rule, members, _kind in pushed_rules(cfg)[0]:
        group = "%s-%s" % (prefix, rule["id"])
        lists += [(group, m) for m in members]
        for direction in DIRECTIONS[rule["direction"]]:
            side = "dst" if direction == "out" else "src"
            chains[direction].append({"action": "accept", "comment": "%s:%s" % (prefix, rule["id"]),
                                      side + "-address-list": group, "protocol": rule["proto"],
                                      "dst-port": port_text(rule["port_min"], rule["port_max"])})

    def list_order(item):
        name, address = item
        return (name, address_key(address), address)

    entries = [Entry(ADDRESS_LIST, "add", None, {"list": n, "address": a, "comment": MARK})
               for n, a in sorted(set(lists), key=list_order)]
    jumps = []
    for direction in ("out", "in"):
        if cfg.get("enforce", True):
            chains[direction].append({"action": "drop", "comment": "%s:enforce" % prefix})
        name = chain_name(prefix, direction, chains[direction])
        entries += [Entry(FILTER, "add", None, dict(props, chain=name)) for props in chains[direction]]
        side = "src" if direction == "out" else "dst"
        jumps.append(Entry(FILTER, "add", None, {"action": "jump", "chain": "forward", "jump-target": name,
                                                 side + "-address-list": voice,
                                                 "comment": "%s:jump-%s" % (prefix, direction)}))
    return jumps + entries


def chain_name(prefix, direction, rules):
    """P-OUT-1a2b3c: a changed ruleset is a new chain, never an edit of the bound one."""
    return "%s-%s-%s" % (prefix, direction.upper(), chain_hash(
        [" ".join("%s=%s" % kv for kv in sorted(r.items())) for r in rules]))


def render_sip_alg(cfg):
    """The SIP helper is the service-port 'sip' (S55)."""
    return [Entry(SERVICE_PORT, "set", "sip", {"disabled": "no" if cfg.get("enabled") else "yes"})]


def render_voice_vlan(cfg, bridge="bridge1"):
    """Switch: voice VLAN tagged on the phone ports (+ LLDP-MED); router: a VLAN interface."""
    vid, entries = cfg["voice_vlan"]["id"], []
    if cfg.get("phone_ports"):
        tagged = [bridge] + sorted(cfg["phone_ports"] + cfg.get("uplink_ports", []))
        entries.append(Entry(BRIDGE_VLAN, "add", None, {"bridge": bridge, "vlan-ids": str(vid),
                                                        "tagged": ",".join(tagged), "comment": VOICE_TAG}))
        entries += [Entry(BRIDGE_PORT, "set", "[ find interface=%s ]" % port,
                          {"pvid": str(cfg["data_vlan"]["id"])}) for port in sorted(cfg["phone_ports"])]
        entries.append(Entry(DISCOVERY, "set", None, {"lldp-med-net-policy-vlan": str(vid)}))
    for sub in cfg.get("subinterfaces", []):
        name = "vlan%d-%s" % (sub["vlan"], cfg["voice_vlan"]["name"])
        entries.append(Entry(VLAN, "add", None, {"interface": sub["parent"], "vlan-id": str(sub["vlan"]),
                                                 "name": name, "comment": VOICE_TAG}))
        if sub.get("address"):
            entries.append(Entry(IP_ADDRESS, "add", None, {"address": sub["address"], "interface": name,
                                                           "comment": VOICE_TAG}))
    return entries


def render_qos(cfg):
    """Mangle change-dscp in postrouting, both directions of every class match."""
    entries = []
    for cls in cfg.get("classes", []):
        for index, match in enumerate(cls["matches"], 1):
            group = "%s-%s-%d" % (QOS_LIST, cls["name"], index)
            entries += [Entry(ADDRESS_LIST, "add", None, {"list": group, "address": a, "comment": MARK})
                        for a in match["addresses"]]
            for direction, side in (("out", "dst"), ("in", "src")):
                props = {"action": "change-dscp", "chain": "postrouting", "new-dscp": str(cls["dscp"]),
                         "passthrough": "yes", "protocol": match["proto"],
                         side + "-port": port_text(match["port_min"], match["port_max"]),
                         "comment": "%s:qos:%s:%d:%s" % (MARK, cls["name"], index, direction)}
                if match["addresses"]:
                    props[side + "-address-list"] = group
                entries.append(Entry(MANGLE, "add", None, props))
    return entries


def render_timeouts(cfg):
    """Global UDP timers; RouterOS has no per-port timer, so SIP raises the stream timer."""
    props = {"udp-timeout": duration(cfg["udp"]),
             "udp-stream-timeout": duration(max(cfg["udp_stream"], cfg.get("sip") or 0))}
    if cfg.get("tcp_established") is not None:
        props["tcp-established-timeout"] = duration(cfg["tcp_established"])
    return [Entry(CONNTRACK, "set", None, props)]


RENDERERS = (("allowlist", render_allowlist), ("sip_alg", render_sip_alg),
             ("voice_vlan", render_voice_vlan), ("qos", render_qos), ("timeouts", render_timeouts))


# -- ownership and parsing --------------------------------------------------------------------
def prefixes_in(entries):
    found = set()
    for entry in entries:
        match = re.match(r"^([A-Za-z][\w-]*):jump-(?:out|in)$", entry.props.get("comment", ""))
        if entry.path == FILTER and match:
            found.add(match.group(1))
    return sorted(found) or [MARK]


def owned(entry, feature, prefixes):
    """Does ``feature`` own this add-entry? (set-lines are handled per property)."""
    comment = entry.props.get("comment", "")
    if feature == "allowlist":
        for prefix in prefixes:
            if entry.path == ADDRESS_LIST and entry.props.get("list", "").startswith(prefix + "-") \
                    and not entry.props["list"].startswith(QOS_LIST + "-"):
                return True
            if entry.path == FILTER and (re.match(r"^%s-(OUT|IN)-[0-9a-f]{6}$" % re.escape(prefix),
                                                  entry.props.get("chain", ""))
                                         or comment in ("%s:jump-out" % prefix, "%s:jump-in" % prefix)):
                return True
    if feature == "qos":
        return (entry.path == MANGLE and comment.startswith(MARK + ":qos:")) or (
            entry.path == ADDRESS_LIST and entry.props.get("list", "").startswith(QOS_LIST + "-"))
    if feature == "voice_vlan":
        return entry.path in (BRIDGE_VLAN, VLAN, IP_ADDRESS) and comment == VOICE_TAG
    return False


def list_members(entries, name):
    return [e.props.get("address", "") for e in entries
            if e.path == ADDRESS_LIST and e.verb == "add" and e.props.get("list") == name]


def split_members(members):
    addresses = sorted(set(host_or_cidr(m) for m in members if is_address(m)), key=address_key)
    return addresses, sorted(set(m for m in members if not is_address(m)))


def parse_allowlist(entries):
    """Rules from the chains the jumps point at, addresses from the address-lists."""
    prefix = prefixes_in(entries)[0]
    rules, enforce = {}, True
    for direction in ("out", "in"):
        jump = [e for e in entries if e.path == FILTER and e.props.get("comment") == "%s:jump-%s"
                % (prefix, direction)]
        if not jump:
            continue
        chain = [e for e in entries if e.path == FILTER and e.props.get("chain") ==
                 jump[0].props.get("jump-target")]
        enforce = enforce and any(e.props.get("action") == "drop" for e in chain)
        for entry in chain:
            rule_id = entry.props.get("comment", "")[len(prefix) + 1:]
            if not re.match(r"^[a-z0-9][a-z0-9.-]*$", rule_id) or rule_id in ("established", "enforce") \
                    or rule_id.startswith(("dns-", "ntp-")):
                continue
            ports = parse_port(entry.props.get("dst-port", ""))
            if entry.props.get("protocol") not in ("tcp", "udp") or not ports:
                raise VoipReadyError("%s chain=%s: cannot read protocol/port of %s" % (
                    FILTER, entry.props.get("chain"), rule_id), field="running", value=entry.line())
            side = "dst" if direction == "out" else "src"
            addresses, fqdns = split_members(list_members(entries, entry.props.get(side + "-address-list")))
            rule = rules.setdefault(rule_id, {
                "id": rule_id, "service": None, "proto": entry.props["protocol"], "port_min": ports[0],
                "port_max": ports[1], "addresses": addresses, "fqdns": fqdns, "wildcard": False,
                "enforceable": True, "dscp": None,
                "direction": "outbound" if direction == "out" else "inbound"})
            if rule["direction"] != ("outbound" if direction == "out" else "inbound"):
                rule["direction"] = "both"
    voice = split_members(list_members(entries, "%s-VOICE" % prefix))[0]
    return {"name": prefix, "rules": sorted(rules.values(), key=lambda r: r["id"]),
            "voice_networks": voice,
            "essentials": dict((k, split_members(list_members(entries, "%s-%s" % (prefix, k.upper())))[0])
                               for k in ("dns", "ntp")),
            "enforce": enforce, "fqdn_mode": "auto", "inside_interfaces": [], "outside_interfaces": [],
            "inside_zone": "trust", "outside_zone": "untrust"}


def _vlan_number(text, entry):
    """A VLAN ID read from the device, or a clear refusal when the value is cut short."""
    if not text.isdigit():
        raise VoipReadyError("running configuration: VLAN ID %r cannot be read in %s" % (
            text, entry.line()), field="running", value=text)
    return int(text)


def parse_voice_vlan(entries):
    """The owned bridge VLAN (switch) or VLAN interfaces (router)."""
    vlan = [e for e in entries if e.path == BRIDGE_VLAN and e.props.get("comment") == VOICE_TAG]
    ports = dict((e.props.get("interface"), e.props.get("pvid", "1")) for e in entries
                 if e.path == BRIDGE_PORT and e.verb == "add")
    out = {"voice_vlan": {"id": 110, "name": "VOICE"}, "data_vlan": {"id": 10, "name": "DATA"},
           "phone_ports": [], "uplink_ports": [], "trust_dscp": True, "subinterfaces": []}
    if vlan:
        props = vlan[0].props
        out["voice_vlan"]["id"] = _vlan_number(props.get("vlan-ids", "110").split(",")[0], vlan[0])
        tagged = [p for p in props.get("tagged", "").split(",") if p and p != props.get("bridge")]
        out["phone_ports"] = sorted(p for p in tagged if ports.get(p, "1") != "1")
        out["uplink_ports"] = sorted(p for p in tagged if ports.get(p, "1") == "1")
        if out["phone_ports"]:
            out["data_vlan"]["id"] = int(ports[out["phone_ports"][0]])
    for entry in entries:
        if entry.path == VLAN and entry.props.get("comment") == VOICE_TAG:
            name = entry.props.get("name", "")
            address = [e.props.get("address") for e in entries if e.path == IP_ADDRESS
                       and e.props.get("interface") == name and e.props.get("comment") == VOICE_TAG]
            out["subinterfaces"].append({"parent": entry.props.get("interface"),
                                         "vlan": int(entry.props.get("vlan-id", "0") or 0),
                                         "address": address[0] if address else None})
            out["voice_vlan"] = {"id": int(entry.props.get("vlan-id") or 0),
                                 "name": name.split("-", 1)[-1] if "-" in name else "VOICE"}
    return out


def parse_qos(entries):
    """Classes from the outbound mangle rules (their comment names the class)."""
    classes = {}
    for entry in entries:
        found = re.match(r"^%s:qos:([A-Za-z][\w-]*):\d+:out$" % MARK, entry.props.get("comment", ""))
        if entry.path != MANGLE or not found:
            continue
        ports = parse_port(entry.props.get("dst-port", ""))
        dscp = entry.props.get("new-dscp", "")
        if not ports or not dscp.isdigit() or entry.props.get("protocol") not in ("tcp", "udp"):
            raise VoipReadyError("%s: cannot read the DSCP class %s" % (MANGLE, found.group(1)),
                                 field="running", value=entry.line())
        addresses = split_members(list_members(entries, entry.props.get("dst-address-list")))[0]
        cls = classes.setdefault(found.group(1), {"name": found.group(1), "dscp": int(dscp), "matches": []})
        cls["matches"].append({"proto": entry.props["protocol"], "port_min": ports[0],
                               "port_max": ports[1], "addresses": addresses})
    return {"trust": True, "classes": sorted(classes.values(), key=lambda c: (-c["dscp"], c["name"])),
            "interfaces": []}


def parse_timeouts(entries):
    props = singleton(entries, CONNTRACK)
    stream = seconds(props["udp-stream-timeout"])
    return {"udp": seconds(props["udp-timeout"]), "udp_stream": stream, "sip": stream,
            "tcp_established": seconds(props["tcp-established-timeout"]), "keepalive_interval": None}


def late_rank(command):
    """Unbind first, then the old chains, then the address-lists they used."""
    if command.startswith(FILTER + " remove [ find comment="):
        return 0
    return 1 if command.startswith(FILTER) else 2


class Driver(PlatformDriver):
    """RouterOS v7 through netmiko ``mikrotik_routeros``; no candidate, no commit."""

    platform = "routeros"
    netmiko_device_type = "mikrotik_routeros"
    # napalm-ros (community) has getters only: no configuration management (S64).
    napalm_driver = None
    gather_commands = ("/export terse",)
    #: filters and mangle match the voice networks, not interfaces: inside/outside and
    #: qos.interfaces are not used
    interface_fields = ("voice_vlan.phone_ports", "voice_vlan.uplink_ports",
                        "voice_vlan.subinterfaces.parent")
    needs_commit = False
    comment = "#"
    unsupported = {}
    wildcard_why = (
        "RouterOS address-lists resolve exact DNS names only; tls-host matching sees TLS "
        "server names (443, 8443, 5349) but not STUN on 3478, so it is not used")
    fqdn_objects = True

    def subinterface_name(self, sub, voice_vlan):
        return "vlan%d-%s" % (sub["vlan"], voice_vlan["voice_vlan"]["name"])

    def render(self, intent, bridge="bridge1"):
        lines = ["# voipready.network -- RouterOS v7 (/export terse)"]
        if "allowlist" in intent:
            lines += ["# allowlist: %s" % n for n in pushed_rules(
                intent["allowlist"], wildcard_why=self.wildcard_why)[1]]
        for entry in self.owned_entries(intent, bridge):
            lines.append(entry.line())
        return "\n".join(lines) + "\n"

    def owned_entries(self, intent, bridge="bridge1"):
        entries = []
        for feature, render in RENDERERS:
            if feature in intent and not self.not_applicable(feature, intent):
                entries += render(intent[feature], bridge) if feature == "voice_vlan" else render(intent[feature])
        return entries

    def parse(self, running):
        entries = read_export(running)
        return {"allowlist": parse_allowlist(entries),
                "sip_alg": {"enabled": singleton(entries, SERVICE_PORT, "sip").get("disabled") != "yes"},
                "voice_vlan": parse_voice_vlan(entries), "qos": parse_qos(entries),
                "timeouts": parse_timeouts(entries)}

    def remediate(self, running, intent, state="merged"):
        entries = read_export(running)
        prefixes = prefixes_in(entries)
        if "allowlist" in intent:
            prefixes = sorted(set(prefixes) | set([intent["allowlist"].get("name") or MARK]))
        features = [f for f in intent if not self.not_applicable(f, intent)]
        self.check_interfaces(dict((f, intent[f]) for f in features), export_interfaces(entries),
                              source="its /export, which names an interface where it defines or "
                                     "uses it (an ethernet port nothing configures is left out: "
                                     "make it a bridge port, or give it a comment, first)")
        bridge = self._bridge(entries, intent) if "voice_vlan" in features and state != "deleted" else "bridge1"
        wanted = [] if state == "deleted" else self.owned_entries(
            dict((f, intent[f]) for f in features), bridge)
        removes, adds, binds, late = [], [], [], []
        for feature in features:
            have = [e for e in entries if e.verb == "add" and owned(e, feature, prefixes)]
            want = [e for e in wanted if e.verb == "add" and owned(e, feature, prefixes)]
            self._diff_lists(have, want, removes, adds, late)
            if feature == "allowlist":
                self._diff_filter(entries, have, want, prefixes, adds, binds, late)
            elif feature in ("qos", "voice_vlan"):
                self._diff_keyed(have, want, removes, adds)
        for entry in wanted:
            if entry.verb == "set":
                self._diff_set(entries, entry, adds)
        if state == "deleted":
            if "timeouts" in features:
                self._diff_set(entries, Entry(CONNTRACK, "set", None, {
                    k: DEFAULTS[CONNTRACK][k] for k in ("udp-timeout", "udp-stream-timeout")}), adds)
            if "voice_vlan" in features and self._owned_lldp(entries):
                self._diff_set(entries, Entry(DISCOVERY, "set", None, dict(DEFAULTS[DISCOVERY])), adds)
        return removes + adds + binds + sorted(late, key=late_rank)

    @staticmethod
    def _diff_lists(have, want, removes, adds, late):
        """Address-list entries: add what is missing; remove stale ones (late if the list goes)."""
        have_keys = set((e.props["list"], e.props["address"]) for e in have if e.path == ADDRESS_LIST)
        want_keys = set((e.props["list"], e.props["address"]) for e in want if e.path == ADDRESS_LIST)
        kept_lists = set(name for name, _unused in want_keys)
        for name, address in sorted(have_keys - want_keys):
            command = '%s remove [ find list=%s address=%s ]' % (ADDRESS_LIST, name, quote(address))
            (removes if name in kept_lists else late).append(command)
        for entry in want:
            if entry.path == ADDRESS_LIST and (entry.props["list"], entry.props["address"]) not in have_keys:
                adds.append(entry.line())

    @staticmethod
    def _diff_filter(entries, have, want, prefixes, adds, binds, late):
        """Chains are built whole under a new name; the jump moves; the old chain goes."""
        have_chains = set(e.props["chain"] for e in have if e.path == FILTER and e.props["chain"] != "forward")
        want_chains = set(e.props["chain"] for e in want if e.path == FILTER and e.props["chain"] != "forward")
        adds += [e.line() for e in want if e.path == FILTER and e.props["chain"] in want_chains - have_chains]
        # The name is a hash of the intended rules, so a chain of that name that lost or
        # changed a rule on the device is no longer that chain: rebuild it in place.
        for chain in sorted(want_chains & have_chains):
            have_rules = [e.props for e in have if e.path == FILTER and e.props["chain"] == chain]
            want_rules = [e for e in want if e.path == FILTER and e.props["chain"] == chain]
            if len(have_rules) != len(want_rules) or any(
                    any(h.get(k) != v for k, v in w.props.items()) for h, w in zip(have_rules, want_rules)):
                adds.append("%s remove [ find chain=%s ]" % (FILTER, chain))
                adds += [e.line() for e in want_rules]
        have_jumps = dict((e.props["comment"], e) for e in have if e.path == FILTER and e.props["chain"] == "forward")
        want_jumps = [e for e in want if e.path == FILTER and e.props["chain"] == "forward"]
        for entry in reversed(want_jumps):
            current = have_jumps.pop(entry.props["comment"], None)
            if current is None:
                binds.append(entry.line() + " place-before=0")
            elif current.props != entry.props:
                changed = dict((k, v) for k, v in entry.props.items() if current.props.get(k) != v)
                binds.append('%s set [ find comment=%s ] %s' % (FILTER, quote(entry.props["comment"]), " ".join(
                    "%s=%s" % (k, quote(v)) for k, v in sorted(changed.items()))))
        late += ["%s remove [ find comment=%s ]" % (FILTER, quote(c)) for c in sorted(have_jumps)]
        late += ["%s remove [ find chain=%s ]" % (FILTER, c) for c in sorted(have_chains - want_chains)]

    @staticmethod
    def _diff_keyed(have, want, removes, adds):
        """Entries keyed by comment (mangle, bridge VLAN, VLAN interface): replace when different."""
        def same(current, wanted):
            # what RouterOS derives and /export prints (an address's network=) is not a difference
            derived = DERIVED.get(wanted.path, {})
            return dict((k, v) for k, v in current.props.items() if k not in derived or k in wanted.props
                        or v != derived[k](current.props)) == wanted.props

        for path in (MANGLE, BRIDGE_VLAN, VLAN, IP_ADDRESS):
            have_by = dict((e.props.get("comment", "") + "|" + e.props.get("interface", "") * (path == IP_ADDRESS)
                            + e.props.get("name", ""), e) for e in have if e.path == path)
            want_by = dict((e.props.get("comment", "") + "|" + e.props.get("interface", "") * (path == IP_ADDRESS)
                            + e.props.get("name", ""), e) for e in want if e.path == path)
            for key in sorted(set(have_by) - set(want_by)) + sorted(
                    k for k in set(have_by) & set(want_by) if not same(have_by[k], want_by[k])):
                query = " ".join("%s=%s" % (k, quote(v)) for k, v in sorted(have_by[key].props.items())
                                 if k in ("comment", "name", "interface", "address"))
                removes.append("%s remove [ find %s ]" % (path, query))
            for key in sorted(want_by):
                if key not in have_by or not same(have_by[key], want_by[key]):
                    adds.append(want_by[key].line())

    @staticmethod
    def _diff_set(entries, entry, adds):
        """A 'set' line: only the properties whose value differs."""
        if entry.path == BRIDGE_PORT:
            port = re.search(r"interface=(\S+) \]", entry.target).group(1)
            current = dict((e.props.get("interface"), e.props) for e in entries
                           if e.path == BRIDGE_PORT and e.verb == "add").get(port, {})
            current = dict({"pvid": "1"}, **current)
        else:
            current = singleton(entries, entry.path, entry.target)
        changed = dict((k, v) for k, v in entry.props.items() if current.get(k) != v
                       and not (k.endswith("timeout") and v and current.get(k) and seconds(v) == seconds(current[k])))
        if changed:
            adds.append(Entry(entry.path, "set", entry.target, changed).line())

    @staticmethod
    def _owned_lldp(entries):
        return singleton(entries, DISCOVERY).get("lldp-med-net-policy-vlan") != "disabled"

    @staticmethod
    def _bridge(entries, intent):
        """The bridge holding the phone ports; refuses a bridge without VLAN filtering."""
        phones = intent["voice_vlan"].get("phone_ports") or []
        if not phones:
            return "bridge1"
        bridges = set(e.props.get("bridge") for e in entries if e.path == BRIDGE_PORT and e.verb == "add"
                      and e.props.get("interface") in phones)
        if len(bridges) != 1:
            raise VoipReadyError("voice_vlan.phone_ports=%r must all be ports of one bridge (found %s)"
                                 % (phones, sorted(b for b in bridges if b) or "none"),
                                 field="voice_vlan.phone_ports", value=phones)
        bridge = bridges.pop()
        filtering = [e.props.get("vlan-filtering") for e in entries if e.path == BRIDGE
                     and e.props.get("name") == bridge]
        if filtering != ["yes"]:
            raise VoipReadyError(
                "bridge %s runs without vlan-filtering: switching it on re-forwards every port and can "
                "cut the management session; add the management VLAN to /interface bridge vlan, then "
                "'/interface bridge set %s vlan-filtering=yes' in Safe Mode (Ctrl-X) before using "
                "voice_vlan" % (bridge, bridge), field="voice_vlan.phone_ports", value=bridge)
        return bridge

    def simulate(self, running, commands):
        entries = read_export(running)
        for number, command in enumerate(commands, 1):
            found = re.match(r"^(/[a-z0-9 /-]+?) ((?:add|set|remove)\b.*)$", command)
            path, rest = found.group(1), found.group(2)
            if rest.startswith("remove"):
                query = dict(w.split("=", 1) for w in rest[len("remove [ find "):-2].split())
                query = dict((k, unquote(v)) for k, v in query.items())
                entries = [e for e in entries if not (e.path == path and e.verb == "add" and e.matches(query))]
                continue
            place = re.search(r" place-before=0$", rest)
            entry = parse_command(path, rest[:place.start()] if place else rest, number)
            if entry.verb == "add":
                same = [i for i, e in enumerate(entries) if e.path == path]
                where = same[0] if place and same else (same[-1] + 1 if same else len(entries))
                entries.insert(where, entry)
            elif entry.target and entry.target.startswith("[ find"):
                query = dict(w.split("=", 1) for w in entry.target[len("[ find "):-2].split())
                query = dict((k, unquote(v)) for k, v in query.items())
                for old in entries:
                    if old.path == path and old.verb == "add" and old.matches(query):
                        old.props.update(entry.props)
                        old.raw = None
            else:
                self._merge_set(entries, entry)
        return "\n".join(e.line() for e in entries) + "\n"

    @staticmethod
    def _merge_set(entries, entry):
        """Fold a singleton 'set' into its export line, dropping defaults as /export does."""
        target = [e for e in entries if e.path == entry.path and e.verb == "set" and e.target == entry.target]
        if target:
            target[0].props.update(entry.props)
            target[0].raw = None
        else:
            entries.append(entry)
            target = [entry]
        for key, value in list(target[0].props.items()):
            if DEFAULTS.get(entry.path, {}).get(key) == value:
                del target[0].props[key]
        if not target[0].props:
            entries.remove(target[0])

    def view(self, running, intent):
        entries = read_export(running)
        prefixes = prefixes_in(entries)
        lines = [e.line() for e in entries if any(owned(e, f, prefixes) for f in intent)]
        lines += [e.line() for e in entries if e.verb == "set" and e.path in (SERVICE_PORT, CONNTRACK, DISCOVERY)]
        return "\n".join(lines) + "\n"

    # -- pushing: RouterOS applies each line at once; there is no candidate to commit --
    def push(self, transport, commands, confirm_timeout=None):
        """Arm a scheduler that restores the pre-change backup, then send the commands.

        Safe Mode (Ctrl-X) is tied to the interactive session and cannot be driven
        reliably through netmiko's prompt handling; the closest safe equivalent is a
        backup plus a one-shot /system scheduler that loads it unless confirm() removes it.
        """
        if confirm_timeout:
            transport.send_command("/system backup save name=voipready-before dont-encrypt=yes")
            transport.send_command(
                '/system scheduler add name=voipready-revert start-time=[:totime ([/system clock get time] + %ds)] '
                'interval=0 on-event="/system backup load name=voipready-before.backup password=\\"\\""'
                % int(confirm_timeout))
        output = transport.send_config(list(commands))
        bad = [m for m in ("failure:", "bad command name", "expected end of command", "syntax error",
                           "no such item", "input does not match", "invalid value for argument",
                           "out of range") if m in (output or "")]
        if bad:
            raise VoipReadyError("RouterOS refused a command (%s): %s" % (bad[0], output[-500:]),
                                 field="commands", value=len(commands))
        return output

    def confirm(self, transport):
        """Disarm the revert scheduler (run from a fresh session)."""
        return transport.send_command("/system scheduler remove [ find name=voipready-revert ]")

    def save(self, transport):
        """RouterOS writes every change to its configuration at once: nothing to save."""
        return None
