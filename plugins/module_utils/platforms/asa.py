# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cisco ASA (9.x; FQDN objects need 8.4 or later).

allowlist -- ``object network PREFIX-FQDN-<name>`` / ``fqdn <name>`` for DNS names (the
    ASA resolves them itself: it needs ``dns domain-lookup`` and a DNS server group),
    ``object-group network`` for destinations and voice networks, protocol-less
    ``object-group service`` with ``service-object <proto> destination eq|range``, and
    flat ACLs ``access-list PREFIX-INSIDE-<n> extended ...`` bound with
    ``access-group ... in interface <nameif>``. The ASA is stateful, so only the opening
    direction is listed: outbound flows in the inside ACL (which ends with
    ``permit ip any any`` so other hosts keep their access, after a
    ``deny ip <voice> any`` when ``enforce``), inbound flows in the outside ACL (no
    catch-all permit: an ACL on the outside keeps the ASA's default deny). A changed ACL
    is built under the next generation number, ``access-group`` moves to it in one
    command, and ``clear configure access-list`` removes the old one. An ACL that does
    differ in place (only after a change outside voipready) is edited line by line with
    ``no access-list NAME <entry>`` and ``access-list NAME line N <entry>``.
sip_alg -- ``no inspect sip`` under every policy-map class that inspects SIP
    (``policy-map global_policy`` / ``class inspection_default`` on a default ASA).
voice_vlan -- only as sub-interfaces (``interface Gi0/1.110`` / ``vlan 110`` / ``nameif``
    / ``security-level 100`` / ``ip address``); a firewall has no phone ports.
qos -- not applicable: the ASA cannot mark DSCP (it preserves it and can only
    prioritise with ``priority-queue``).
timeouts -- ``timeout udp <udp_stream>``, ``timeout sip <sip>`` and, when set,
    ``timeout conn <tcp_established>`` (H:MM:SS; the ASA prints several timers on one
    line, and prints every timer, defaults included). ``timeout sip_media`` is left
    alone: it times media of SIP inspection, which this collection switches off.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import ipaddress
import re

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.errors import invalid
from ansible_collections.voipready.network.plugins.module_utils.netutil import address_key
from ansible_collections.voipready.network.plugins.module_utils.intent import FEATURES
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import check_present
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import ios_cli as cli
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.ios_cli import (
    DEFAULT_PREFIX, acl_role, canonical_interface, check_output, owned_acls, owned_name)


#: Timers this driver manages: name -> (default seconds, minimum seconds the ASA accepts).
TIMEOUTS = {"udp": (120, 60), "sip": (1800, 300), "conn": (3600, 300)}
SECURITY_LEVEL = 100

P_OBJECT, P_GROUP_ADD, P_ACL, P_BIND = 28, 30, 40, 50
P_SUBIF, P_ACL_DEL, P_GROUP_DEL, P_OBJECT_DEL = 15, 66, 70, 72
P_GLOBAL, P_SUBIF_DEL = 80, 90

SUBIF_KEYS = (
    ("vlan", r"^vlan \d+$"),
    ("nameif", r"^nameif \S+$"),
    ("security-level", r"^security-level \d+$"),
    ("ip address", r"^ip address \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+( standby \S+)?$"),
)

_TIME_RE = re.compile(r"^\d+:\d{1,2}:\d{2}$")


def hms(seconds):
    """600 -> ``0:10:00``."""
    return "%d:%02d:%02d" % (seconds // 3600, seconds % 3600 // 60, seconds % 60)


def seconds(text):
    hours, minutes, secs = (int(p) for p in text.split(":"))
    return hours * 3600 + minutes * 60 + secs


def timeout_pairs(line):
    """``timeout conn 1:00:00 half-closed 0:10:00 udp 0:02:00`` -> [(conn, 1:00:00), ...];
    a key may have several words (``igp stale-route``) and a trailing qualifier
    (``uauth 0:05:00 absolute``)."""
    words = line.split()[1:]
    pairs = []
    key = []
    index = 0
    while index < len(words):
        word = words[index]
        if _TIME_RE.match(word) and key:
            value = word
            if index + 1 < len(words) and words[index + 1] in ("absolute", "inactivity"):
                value += " " + words[index + 1]
                index += 1
            pairs.append((" ".join(key), value))
            key = []
        else:
            key.append(word)
        index += 1
    return pairs


# -- reading ---------------------------------------------------------------------------------
def _empty_state():
    return {"groups": {}, "objects": {}, "acls": {}, "keys": {}, "subifs": set(),
            "ifaces": set(), "nameifs": {}, "offline": False}


def canonical_member(text):
    words = text.split()
    if words[0] == "network-object" and len(words) == 3 and words[2] == "255.255.255.255":
        return "network-object host " + words[1]
    if words[0] == "network-object" and len(words) == 2 and "/" in words[1]:
        try:
            net = ipaddress.ip_network(words[1], strict=False)
        except ValueError:
            return " ".join(words)
        if net.prefixlen == net.max_prefixlen:
            return "network-object host %s" % net.network_address
        return "network-object %s" % net
    return " ".join(cli.normalize_ports(words))


def canonical_ace(text):
    """The part of an ACE after ``access-list NAME``: port names as numbers, ``any4`` as
    ``any`` (voipready writes ``any``; some releases print ``any4`` back)."""
    words = cli.normalize_ports(text.split())
    return " ".join("any" if w == "any4" else w for w in words)


def canonical_object(text):
    words = text.split()
    if words[0] == "fqdn" and len(words) == 3 and words[1] in ("v4", "v6"):
        return "fqdn " + words[2]
    return " ".join(words)


def extract(root, prefixes):
    """Everything the driver manages, read from a running-config tree."""
    state = _empty_state()
    for node in root.children:
        text = node.text
        match = re.match(r"^object-group (network|service) (\S+)( \S+)?$", text)
        if match and owned_name(match.group(2), prefixes):
            kind = match.group(1) + (match.group(3) or "")
            state["groups"][match.group(2)] = (kind, frozenset(
                canonical_member(c.text) for c in node.children
                if not c.text.startswith("description")))
            continue
        match = re.match(r"^object network (\S+)$", text)
        if match and owned_name(match.group(1), prefixes):
            values = [canonical_object(c.text) for c in node.children
                      if not c.text.startswith("description")]
            state["objects"][match.group(1)] = values[0] if values else ""
            continue
        match = re.match(r"^access-list (\S+) (.*)$", text)
        if match and acl_role(match.group(1), prefixes):
            # Remarks stay entries: ``line N`` counts them, and voipready writes none, so
            # one found in an owned ACL is a difference to remove.
            state["acls"][match.group(1)] = state["acls"].get(match.group(1), ()) + (
                canonical_ace(match.group(2)),)
            continue
        match = re.match(r"^access-group (\S+) (in|out) interface (\S+)$", text)
        if match:
            state["keys"][((), "access-group %s %s" % (match.group(2), match.group(3)))] = text
            continue
        if text.startswith("timeout "):
            for key, value in timeout_pairs(text):
                if key in TIMEOUTS:
                    state["keys"][((), "timeout " + key)] = "timeout %s %s" % (
                        key, hms(seconds(value.split()[0])))
            continue
        match = re.match(r"^policy-map (\S+)$", text)
        if match:
            for child in node.children:
                if child.text.startswith("class "):
                    for grand in child.children:
                        if re.match(r"^inspect sip( |$)", grand.text):
                            state["keys"][(("policy-map " + match.group(1), child.text),
                                           "inspect sip")] = grand.text
            continue
        match = re.match(r"^interface (\S+)$", text)
        if match:
            name = match.group(1)
            state["ifaces"].add(name)
            ctx = ("interface " + name,)
            for child in node.children:
                nm = re.match(r"^nameif (\S+)$", child.text)
                if nm:
                    state["nameifs"][nm.group(1)] = name
            if "." in name:
                state["subifs"].add(name)
                for child in node.children:
                    for key, pattern in SUBIF_KEYS:
                        if re.match(pattern, child.text):
                            line = child.text
                            if key == "ip address":
                                line = " ".join(line.split()[:4])
                            state["keys"][(ctx, key)] = line
    for name in TIMEOUTS:
        state["keys"].setdefault(((), "timeout " + name), "timeout %s %s" % (
            name, hms(TIMEOUTS[name][0])))
    return state


def discover_prefixes(*texts):
    found = set()
    for text in texts:
        for match in re.finditer(r"(?m)^access-list (\S+)-(INSIDE|OUTSIDE)-\d+ ", text or ""):
            found.add(match.group(1))
    return found


# -- simulation -----------------------------------------------------------------------------
class AsaSession(cli.Session):
    """A configuration session on an ASA as far as this driver's commands go."""

    def key(self, path, text):
        if not path:
            match = re.match(r"^access-group \S+ (in|out) interface (\S+)$", text)
            if match:
                return "access-group %s %s" % match.groups()
            return None
        if len(path) == 1 and path[0].startswith("interface "):
            for key, pattern in SUBIF_KEYS + (("description", r"^description "),):
                if re.match(pattern, text):
                    return key
            return None
        if len(path) == 1 and path[0].startswith("object network "):
            if re.match(r"^(host|subnet|range|fqdn) ", text):
                return "value"
        return None

    def special(self, path, parent, text):
        if path:
            return False
        match = re.match(r"^timeout (\S+) (\S+)$", text)
        if match:
            self._timeout(parent, match.group(1), match.group(2))
            return True
        match = re.match(r"^clear configure access-list (\S+)$", text)
        if match:
            parent.children = [n for n in parent.children
                               if not n.text.startswith("access-list %s " % match.group(1))]
            return True
        match = re.match(r"^no access-list (\S+) (.*)$", text)
        if match:
            target = "access-list %s %s" % (match.group(1), canonical_ace(match.group(2)))
            for node in parent.children:
                if node.text.startswith("access-list ") and \
                        "access-list %s %s" % (node.text.split()[1], canonical_ace(
                            node.text.split(" ", 2)[2])) == target:
                    parent.children.remove(node)
                    break
            return True
        match = re.match(r"^access-list (\S+) (?:line (\d+) )?(.*)$", text)
        if match:
            name, line, entry = match.groups()
            positions = [i for i, n in enumerate(parent.children)
                         if n.text.startswith("access-list %s " % name)]
            if line is not None and int(line) <= len(positions):
                index = positions[int(line) - 1]
            elif positions:
                index = positions[-1] + 1
            else:
                index = len(parent.children)
            parent.add("access-list %s %s" % (name, entry), index)
            return True
        return False

    @staticmethod
    def _timeout(parent, key, value):
        for node in parent.children:
            if node.text.startswith("timeout "):
                pairs = timeout_pairs(node.text)
                if any(k == key for k, _v in pairs):
                    node.text = "timeout " + " ".join(
                        "%s %s" % (k, value if k == key else v) for k, v in pairs)
                    return
        parent.add("timeout %s %s" % (key, value))


# -- the driver -------------------------------------------------------------------------------
class Driver(cli.CiscoDriver):
    """Cisco ASA."""

    platform = "asa"
    netmiko_device_type = "cisco_asa"
    #: NAPALM has no core ASA driver; the community napalm-asa (REST API, 2021) has getters
    #: only, no candidate configuration -- so netmiko is the only transport.
    napalm_driver = None
    privileged_exec = True
    #: inside/outside are nameifs (_check_nameif); switch ports and qos do not exist here
    interface_fields = ("allowlist.inside_interfaces", "allowlist.outside_interfaces",
                        "voice_vlan.subinterfaces.parent")
    gather_commands = ("show running-config",)
    unsupported = {
        "qos": "the ASA cannot mark or re-mark DSCP: it preserves the DSCP it receives and "
               "can only prioritise (priority-queue with LLQ); mark on the LAN switch or router",
    }
    comment = "!"
    binds_inside = True          # access-group ... in interface <nameif>
    wildcard_why = (
        "ASA FQDN objects resolve one exact name each; there is no wildcard FQDN object")
    fqdn_objects = True
    names_beside_addresses = plan.NAME_MODES

    def canonical_interface(self, name):
        return canonical_interface(name) if name[:1].isupper() else name

    def subinterface_name(self, sub, voice_vlan):
        """The nameif the sub-interface gets (what access-groups name)."""
        if sub["vlan"] == voice_vlan["voice_vlan"]["id"]:
            return voice_vlan["voice_vlan"]["name"].lower()
        if sub["vlan"] == voice_vlan["data_vlan"]["id"]:
            return voice_vlan["data_vlan"]["name"].lower()
        return "vlan%d" % sub["vlan"]

    session = AsaSession
    extract = staticmethod(extract)
    discover_prefixes = staticmethod(discover_prefixes)
    empty_state = staticmethod(_empty_state)

    def not_applicable(self, feature, intent):
        if feature == "voice_vlan" and "voice_vlan" in intent and \
                not intent["voice_vlan"].get("subinterfaces"):
            return ("the ASA is a firewall: voice VLANs on phone ports belong on the access "
                    "switch; list voice_vlan.subinterfaces to give the voice VLAN its own "
                    "ASA sub-interface")
        return self.unsupported.get(feature)

    # -- reading ---------------------------------------------------------------------------
    def parse(self, running):
        """Per feature, what the ASA holds, in the intent's terms where they exist (allowlist
        flows with addresses and DNS names, SIP inspection, sub-interfaces, timers in
        seconds), plus the raw owned objects for review."""
        state = self._state(running)
        keys = state["keys"]
        known = self._prefixes | discover_prefixes(running)
        prefixes = sorted(set(acl_role(a, known)[0] for a in state["acls"]))
        bindings = {}
        for (_ctx, key), line in sorted(keys.items()):
            if key.startswith("access-group ") and line.split()[1] in state["acls"]:
                bindings.setdefault(line.split()[-1], {})[line.split()[2]] = line.split()[1]
        prefix = prefixes[0] if len(prefixes) == 1 else DEFAULT_PREFIX
        voice = state["groups"].get(cli.object_name(prefix, "VOICE"))
        allowlist = {
            "name": prefix,
            "voice_networks": sorted(_group_addresses(voice[1], state) or []) if voice else [],
            "flows": self._flows(state, known),
            "objects": dict(sorted(state["objects"].items())),
            "object_groups": dict((n, {"type": k, "members": _sorted_members(m)})
                                  for n, (k, m) in sorted(state["groups"].items())),
            "acls": dict((n, list(e)) for n, e in sorted(state["acls"].items())),
            "bindings": bindings,
        }
        inspecting = sorted("%s/%s" % (ctx[0].split()[1], ctx[1].split()[1])
                            for (ctx, key), line in keys.items() if key == "inspect sip" and line)
        subifs = []
        for name in sorted(state["subifs"]):
            ctx = ("interface " + name,)
            vlan = keys.get((ctx, "vlan"))
            addr = keys.get((ctx, "ip address"))
            nameif = keys.get((ctx, "nameif"))
            if vlan:
                subifs.append({"parent": name.split(".")[0], "vlan": int(vlan.split()[1]),
                               "nameif": nameif.split()[1] if nameif else None,
                               "address": cli.mask_to_cidr(*addr.split()[2:4]) and str(
                                   ipaddress.ip_interface("%s/%s" % tuple(addr.split()[2:4])))
                               if addr else None})
        timers = dict((name, seconds(keys[((), "timeout " + name)].split()[2])) for name in TIMEOUTS)
        return {"allowlist": allowlist,
                "sip_alg": {"enabled": bool(inspecting), "inspecting": inspecting},
                "voice_vlan": {"subinterfaces": subifs},
                "timeouts": {"udp_stream": timers["udp"], "sip": timers["sip"],
                             "tcp_established": timers["conn"]}}

    @staticmethod
    def _flows(state, prefixes):
        """Flows the owned ACLs permit: inside ACL lines are outbound, outside ones inbound."""
        flows = []
        for role, direction in (("INSIDE", "outbound"), ("OUTSIDE", "inbound")):
            names = [a for a in state["acls"] if acl_role(a, prefixes)[1] == role]
            bound = [a for a in names if any(line and line.split()[1] == a for (c, k), line in
                                             state["keys"].items() if k.startswith("access-group"))]
            chosen = sorted(bound or names, key=lambda a: acl_role(a, prefixes)[2])
            for entry in state["acls"][chosen[-1]] if chosen else ():
                words = entry.split()
                if words[:3] != ["extended", "permit", "object-group"] or len(words) < 4:
                    continue
                service = state["groups"].get(words[3])
                operands = cli.ace_operands(words[4:])
                if not service or not service[0].startswith("service") or not operands:
                    continue
                peer = operands[1] if role == "INSIDE" else operands[0]
                if peer[0] != "object-group" or peer[1] not in state["groups"]:
                    continue
                addresses, fqdns = [], []
                for member in state["groups"][peer[1]][1]:
                    words_m = member.split()
                    if words_m[1:2] == ["object"] and len(words_m) == 3:
                        value = state["objects"].get(words_m[2], "")
                        if value.startswith("fqdn "):
                            fqdns.append(value.split()[1])
                    else:
                        found = _group_addresses([member], state)
                        addresses.extend(found or [])
                for member in service[1]:
                    match = re.match(r"^service-object (tcp|udp|tcp-udp) destination "
                                     r"(eq (\d+)|range (\d+) (\d+))$", member)
                    if not match:
                        continue
                    low = int(match.group(3) or match.group(4))
                    high = int(match.group(3) or match.group(5))
                    for proto in (("tcp", "udp") if match.group(1) == "tcp-udp" else (match.group(1),)):
                        flows.append({"direction": direction, "proto": proto, "port_min": low,
                                      "port_max": high,
                                      "addresses": sorted(set(addresses), key=address_key),
                                      "fqdns": sorted(set(fqdns))})
        return cli.join_flows(flows)

    # -- building the wanted state -----------------------------------------------------------
    def _build(self, cur, intent, state, notes):
        des = copy.deepcopy(cur)
        for feature in FEATURES:
            if feature in intent and not self.not_applicable(feature, intent):
                getattr(self, "_want_" + feature)(cur, des, intent[feature], state, notes)
        return des

    def _check_nameif(self, cur, name, field):
        if cur["offline"]:
            return
        check_present(field, [name], cur["nameifs"], what="nameif",
                      source="its running configuration, 'nameif' lines",
                      hint="ASA access-groups bind to interface names (nameif), not ports")

    def _want_allowlist(self, cur, des, cfg, state, notes):
        prefix = cfg["name"]
        self._prefixes.add(prefix)
        for field in ("inside_interfaces", "outside_interfaces"):
            for name in cfg[field]:
                self._check_nameif(cur, name, "allowlist." + field)
        for table in ("groups", "objects"):
            for name in list(des[table]):
                if name.startswith(prefix + "-"):
                    del des[table][name]

        def mine(name):
            return acl_role(name, set([prefix])) is not None

        for name in list(des["acls"]):
            if mine(name):
                del des["acls"][name]
        if state == "deleted":
            for (ctx, key), line in list(des["keys"].items()):
                if key.startswith("access-group ") and line and mine(line.split()[1]):
                    des["keys"][(ctx, key)] = None
            return
        if cfg["fqdn_mode"] in ("auto", "objects"):
            notes.append("FQDN objects are resolved by the ASA itself: it needs 'dns "
                         "domain-lookup <interface>' and a DNS server group")
        flows = self._flows_of(cfg, prefix, notes, ipv6=True)
        voice_name = cli.object_name(prefix, "VOICE")
        if cfg["voice_networks"]:
            des["groups"][voice_name] = ("network", frozenset(
                "network-object " + cli.mask_form(n) for n in cfg["voice_networks"]))
            voice = "object-group " + voice_name
        else:
            voice = "any"
        inside_acl, outside_acl = [], []
        for flow in flows:
            members = set()
            for kind, dest in flow["dests"]:
                if kind == "fqdn":
                    obj = cli.fqdn_object_name(prefix, dest)
                    des["objects"][obj] = "fqdn " + dest
                    members.add("network-object object " + obj)
                else:
                    members.add("network-object " + cli.mask_form(dest))
            des["groups"][flow["net"]] = ("network", frozenset(members))
            des["groups"][flow["ports_name"]] = ("service", frozenset(
                "service-object %s destination %s" % (proto, cli.port_spec(low, high))
                for proto, low, high in flow["ports"]))
            net = "object-group " + flow["net"]
            if flow["direction"] in cli.OUTBOUND:
                inside_acl.append("extended permit object-group %s %s %s"
                                  % (flow["ports_name"], voice, net))
            if flow["direction"] in cli.INBOUND:
                outside_acl.append("extended permit object-group %s %s %s"
                                   % (flow["ports_name"], net, voice))
        if cfg["enforce"]:
            inside_acl.append("extended deny ip %s any" % voice)
        inside_acl.append("extended permit ip any any")
        for role, entries, ifaces in (("INSIDE", inside_acl, cfg["inside_interfaces"]),
                                      ("OUTSIDE", outside_acl, cfg["outside_interfaces"])):
            entries = tuple(canonical_ace(e) for e in entries)
            old = set(a for a in cur["acls"] if acl_role(a, set([prefix]))
                      and acl_role(a, set([prefix]))[1] == role)
            name = self._generation(cur, prefix, role, entries) if entries else None
            if name:
                des["acls"][name] = entries
            wanted = set(ifaces) if name else set()
            owned_any = self._prefixes | set([prefix])
            for iface in sorted(wanted):
                found = cur["keys"].get(((), "access-group in " + iface))
                cli.check_no_conflict("access-group in on interface", iface,
                                      found and found.split()[1],
                                      lambda acl: acl_role(acl, owned_any) is not None)
                des["keys"][((), "access-group in " + iface)] = \
                    "access-group %s in interface %s" % (name, iface)
            for (ctx, key), line in list(cur["keys"].items()):
                if key.startswith("access-group ") and line.split()[1] in old and \
                        line.split()[-1] not in wanted:
                    keep = state == "merged" and name
                    des["keys"][(ctx, key)] = ("access-group %s %s interface %s" % (
                        name, line.split()[2], line.split()[-1]) if keep else None)
        if not outside_acl and cfg["outside_interfaces"]:
            notes.append("no provider flow is inbound: the outside interfaces get no ACL "
                         "(the ASA is stateful; replies to outbound flows pass)")

    def _want_sip_alg(self, cur, des, cfg, state, notes):
        if state == "deleted":
            return  # the SIP inspection stays off
        for (ctx, key), line in list(cur["keys"].items()):
            if key == "inspect sip" and line and not cfg["enabled"]:
                des["keys"][(ctx, key)] = None
        if cfg["enabled"]:
            ctx = ("policy-map global_policy", "class inspection_default")
            des["keys"][(ctx, "inspect sip")] = cur["keys"].get((ctx, "inspect sip")) or "inspect sip"

    def _want_voice_vlan(self, cur, des, cfg, state, notes):
        if cfg["phone_ports"] or cfg["uplink_ports"]:
            notes.append("voice_vlan.phone_ports and uplink_ports are ignored on the ASA (no "
                         "switch ports); only the sub-interfaces are configured")
        for sub in cfg["subinterfaces"]:
            parent = canonical_interface(sub["parent"])
            name = "%s.%d" % (parent, sub["vlan"])
            ctx = ("interface " + name,)
            if not cur["offline"]:
                check_present("voice_vlan.subinterfaces.parent", [(sub["parent"], parent)],
                              cur["ifaces"], source="its running configuration, "
                              "'interface ...' lines")
            if state == "deleted":
                des["subifs"].discard(name)
                for key in list(des["keys"]):
                    if key[0] == ctx:
                        del des["keys"][key]
                continue
            if sub["vlan"] == cfg["voice_vlan"]["id"]:
                nameif = cfg["voice_vlan"]["name"].lower()
            elif sub["vlan"] == cfg["data_vlan"]["id"]:
                nameif = cfg["data_vlan"]["name"].lower()
            else:
                nameif = "vlan%d" % sub["vlan"]
            owner = cur["nameifs"].get(nameif)
            if owner and owner != name:
                invalid("voice_vlan.subinterfaces", nameif,
                        "is already the nameif of %s; rename it or the VLAN" % owner)
            des["subifs"].add(name)
            des["keys"][(ctx, "vlan")] = "vlan %d" % sub["vlan"]
            des["keys"][(ctx, "nameif")] = "nameif " + nameif
            des["keys"][(ctx, "security-level")] = "security-level %d" % SECURITY_LEVEL
            if sub["address"]:
                des["keys"][(ctx, "ip address")] = "ip address " + cli.interface_address(sub["address"])

    def _want_timeouts(self, cur, des, cfg, state, notes):
        wanted = {"udp": cfg["udp_stream"], "sip": cfg["sip"], "conn": cfg["tcp_established"]}
        for name, value in sorted(wanted.items()):
            default, minimum = TIMEOUTS[name]
            if name == "conn" and value is None:
                continue
            if state == "deleted":
                value = default
            elif value < minimum:
                field = {"udp": "timeouts.udp_stream", "sip": "timeouts.sip",
                         "conn": "timeouts.tcp_established"}[name]
                invalid(field, value, "is below the ASA minimum for 'timeout %s' (%s)"
                        % (name, hms(minimum)))
            des["keys"][((), "timeout " + name)] = "timeout %s %s" % (name, hms(value))

    # -- comparing ---------------------------------------------------------------------------
    def diff(self, cur, des):
        ops = []
        gone = cur["subifs"] - des["subifs"]
        for ctx, key in sorted(set(cur["keys"]) | set(des["keys"])):
            old, new = cur["keys"].get((ctx, key)), des["keys"].get((ctx, key))
            if old == new or (ctx and ctx[0].startswith("interface ") and ctx[0][10:] in gone):
                continue
            if key.startswith("access-group "):
                phase = P_BIND
            elif ctx and ctx[0].startswith("interface "):
                phase = P_SUBIF
            else:
                phase = P_GLOBAL
            ops.append((phase, ctx, new if new is not None else "no " + old))
        for name in sorted(gone):
            ops.append((P_SUBIF_DEL, (), "no interface %s" % name))
        for name in sorted(des["objects"]):
            if cur["objects"].get(name) != des["objects"][name]:
                ops.append((P_OBJECT, ("object network %s" % name,), des["objects"][name]))
        for name in sorted(set(cur["objects"]) - set(des["objects"])):
            ops.append((P_OBJECT_DEL, (), "no object network %s" % name))
        cli.diff_object_groups(cur["groups"], des["groups"], ops, _sorted_members,
                               P_GROUP_ADD, P_GROUP_DEL)
        for name in sorted(des["acls"]):
            new = des["acls"][name]
            old = cur["acls"].get(name)
            if old == new:
                continue
            for line in acl_edit(name, old or (), new):
                ops.append((P_ACL, (), line))
        for name in sorted(set(cur["acls"]) - set(des["acls"])):
            ops.append((P_ACL_DEL, (), "clear configure access-list %s" % name))
        return ops

    # -- the interface ---------------------------------------------------------------------
    def _offline_text(self, intent):
        if "sip_alg" in intent and not intent["sip_alg"]["enabled"]:
            # Offline there is no policy-map to read: show the change a default ASA gets.
            return "policy-map global_policy\n class inspection_default\n  no inspect sip\n"
        return ""

    def _text(self, st, intent):
        out = []
        keys = st["keys"]
        if "voice_vlan" in intent and not self.not_applicable("voice_vlan", intent):
            for sub in intent["voice_vlan"]["subinterfaces"]:
                name = "%s.%d" % (canonical_interface(sub["parent"]), sub["vlan"])
                if name in st["subifs"]:
                    out.append("interface %s" % name)
                    for key, _pattern in SUBIF_KEYS:
                        line = keys.get((("interface " + name,), key))
                        if line:
                            out.append(" " + line)
        if "allowlist" in intent:
            prefix = intent["allowlist"]["name"]
            for name in sorted(n for n in st["objects"] if n.startswith(prefix + "-")):
                out.append("object network %s" % name)
                out.append(" " + st["objects"][name])
            for name in sorted(n for n in st["groups"] if n.startswith(prefix + "-")):
                kind, members = st["groups"][name]
                out.append("object-group %s %s" % (kind, name))
                out.extend(" " + m for m in _sorted_members(members))
            owned = owned_acls(st["acls"], prefix)
            for name in owned:
                out.extend("access-list %s %s" % (name, entry) for entry in st["acls"][name])
            listed = set(intent["allowlist"]["inside_interfaces"] + intent["allowlist"]["outside_interfaces"])
            for (_ctx, key), line in sorted(keys.items()):
                if key.startswith("access-group ") and line and (
                        line.split()[1] in owned or line.split()[-1] in listed):
                    out.append(line)
        if "sip_alg" in intent:
            for (ctx, key), line in sorted(keys.items()):
                if key == "inspect sip" and line:
                    out.extend([ctx[0], " " + ctx[1], "  " + line])
        if "timeouts" in intent:
            for name in ("udp", "sip", "conn"):
                if name == "conn" and intent["timeouts"]["tcp_established"] is None:
                    continue
                out.append(keys[((), "timeout " + name)])
        return "\n".join(out) + ("\n" if out else "")

    # -- pushing ---------------------------------------------------------------------------
    def push(self, transport, commands, confirm_timeout=None):
        """Config mode through netmiko; ``ERROR:`` lines fail the run (and roll it back)."""
        output = transport.send_config(list(commands))
        check_output(output, len(commands))
        return output

    def save(self, transport):
        return transport.send_command("write memory")


def acl_edit(name, current, target):
    """Commands that turn ACL ``current`` into ``target`` in place: remove what is not in
    their longest common subsequence, then insert each missing entry at its line."""
    lines = []
    if not current:
        return ["access-list %s %s" % (name, entry) for entry in target]
    keep = cli.lcs_keep(list(current), list(target))
    for index, entry in enumerate(current):
        if index not in keep:
            lines.append("no access-list %s %s" % (name, entry))
    now = [e for i, e in enumerate(current) if i in keep]
    for position, entry in enumerate(target):
        if position < len(now) and now[position] == entry:
            continue
        if position >= len(now):
            lines.append("access-list %s %s" % (name, entry))
        else:
            lines.append("access-list %s line %d %s" % (name, position + 1, entry))
        now.insert(position, entry)
    return lines


def _member_key(member):
    words = member.split()
    for word in words:
        try:
            addr = ipaddress.ip_address(word.split("/")[0])
            return (0, addr.version, int(addr), member)
        except ValueError:
            continue
    ports = [int(w) for w in words if w.isdigit()]
    return (1, words[1] if len(words) > 1 else "", ports, member)


def _sorted_members(members):
    return sorted(members, key=_member_key)


def _group_addresses(members, state):
    """Addresses (CIDR form) of ``network-object`` members; objects are skipped."""
    out = []
    for member in members:
        words = member.split()
        if len(words) == 3 and words[1] == "host":
            out.append(words[2])
        elif len(words) == 3 and words[1] != "object" and cli.mask_to_cidr(words[1], words[2]):
            out.append(cli.mask_to_cidr(words[1], words[2]))
        elif len(words) == 2 and "/" in words[1]:
            out.append(words[1])
    return out
