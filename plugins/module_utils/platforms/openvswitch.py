# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Platform ``openvswitch``: Open vSwitch driven with ovs-vsctl / ovs-ofctl over SSH.

Owned (see docs/platforms/openvswitch.md): the VLAN columns of the listed phone and
uplink ports, bridge ``external_ids`` keys ``voipready-*`` (OVS keeps no VLAN names, so
the names live there), and OpenFlow flows carrying our cookies: 0x5601ce (qos marking)
and 0x5601cd (voice_vlan ``trust_dscp: false`` reset). No other flow is ever touched;
the bridge's default NORMAL flow stays.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import json

from ansible_collections.voipready.network.plugins.module_utils.errors import fail
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import PlatformDriver
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.shell import (
    MARK, guarded, heredoc, run_step, split_sections)

COOKIES = {"qos": 0x5601ce, "voice_vlan": 0x5601cd}
OFCTL = "ovs-ofctl -O OpenFlow13 --names"
GATHER = (
    "echo '%(m)sport'; ovs-vsctl --format=json --columns=_uuid,name,tag,trunks,vlan_mode list Port; "
    "echo '%(m)sbridge'; ovs-vsctl --format=json --columns=name,ports,external_ids list Bridge; "
    "for b in $(ovs-vsctl list-br); do echo \"%(m)sflows:$b\"; %(of)s dump-flows $b; done; "
    "echo '%(m)send'"
    % {"m": MARK, "of": OFCTL})
SECTIONS = ("port", "bridge")
IGNORED = ("duration", "n_packets", "n_bytes", "idle_age", "hard_age", "table", "reset_counts")
NA = "Open vSwitch is a layer-2 switch here: %s belongs on the router/firewall (platform linux)"


def port_prefixes(low, high):
    """[low, high] as OpenFlow (value, mask) pairs whose union is exactly the range."""
    out = []
    while low <= high:
        size = 1
        while size < 65536 and low % (size * 2) == 0 and low + size * 2 - 1 <= high:
            size *= 2
        out.append((low, 0xffff ^ (size - 1)))
        low += size
    return out


def _cell(value):
    """An ovs-vsctl JSON cell -> Python (set -> list, map -> dict, uuid -> str)."""
    if isinstance(value, list) and len(value) == 2 and value[0] == "set":
        return [_cell(v) for v in value[1]]
    if isinstance(value, list) and len(value) == 2 and value[0] == "map":
        return dict((k, _cell(v)) for k, v in value[1])
    if isinstance(value, list) and len(value) == 2 and value[0] == "uuid":
        return value[1]
    return value


def _table(text):
    if not text.lstrip().startswith("{"):
        # ovs-vsctl printed an error instead of its JSON: say what OVS said, not a JSON slip
        # (seen when ovsdb-server is not running: "database connection failed").
        fail("Open vSwitch did not answer: %s" % (text.strip().splitlines() or ["no output"])[0][:200],
             "running", text.strip()[:80])
    data = json.loads(text)
    heads = data["headings"]
    return [dict(zip(heads, (_cell(c) for c in row))) for row in data["data"]]


def _one(value):
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _listed(value):
    return tuple(sorted(value if isinstance(value, list) else [value]))


def flow_key(text):
    """A flow line (dump-flows or add-flows syntax) -> a comparable tuple."""
    text = text.strip()
    for verb in ("add ", "delete_strict "):
        if text.startswith(verb):
            text = text[len(verb):]
    match, sep, actions = text.partition(" actions=")
    if not sep:
        fail("a flow without actions", "running", text[:80])
    items, cookie, priority = [], None, 32768
    for token in match.replace(", ", ",").split(","):
        key, eq, value = token.strip().partition("=")
        if not key or key in IGNORED:
            continue
        if key == "cookie":
            cookie = int(value.split("/")[0], 16)
        elif key == "priority":
            priority = int(value)
        elif key in ("tp_dst", "tp_src"):
            num, _sep, mask = value.partition("/")
            items.append((key, (int(num, 0), int(mask, 0) if mask else 0xffff)))
        elif key in ("nw_dst", "nw_src", "ipv6_dst", "ipv6_src"):
            items.append((key, str(ipaddress.ip_network(value, strict=False))))
        elif key == "dl_vlan":
            items.append((key, int(value)))
        else:
            items.append((key, value if eq else None))
    acts = []
    for action in actions.strip().split(","):
        low = action.lower()
        if low.startswith("mod_nw_tos:"):
            acts.append(("dscp", int(low.split(":")[1]) >> 2))
        elif low.startswith("set_field:") and low.endswith("->ip_dscp"):
            acts.append(("dscp", int(low[len("set_field:"):-len("->ip_dscp")], 0)))
        else:
            acts.append((low, None))
    return (cookie, priority, tuple(sorted(items, key=str)), tuple(acts))


def flow_text(key):
    cookie, priority, items, acts = key
    parts = ["cookie=0x%x" % cookie, "priority=%d" % priority]
    for name, value in items:
        if value is None:
            parts.append(name)
        elif name in ("tp_dst", "tp_src"):
            parts.append("%s=%d" % (name, value[0]) if value[1] == 0xffff
                         else "%s=0x%x/0x%x" % (name, value[0], value[1]))
        else:
            parts.append("%s=%s" % (name, value))
    actions = ",".join("mod_nw_tos:%d" % (v << 2) if a == "dscp" else a.upper() if a == "normal"
                       else a for a, v in acts)
    return "%s actions=%s" % (",".join(parts), actions)


def parse_state(running):
    return guarded("openvswitch", _parse_state, running)


def _parse_state(running):
    sections = split_sections(running, SECTIONS)
    ports = {}
    for row in _table(sections["port"]):
        ports[row["name"]] = {"uuid": row["_uuid"], "tag": _one(row["tag"]),
                              "trunks": _listed(row["trunks"]),
                              "vlan_mode": _one(row["vlan_mode"]), "bridge": None}
    by_uuid = dict((p["uuid"], n) for n, p in ports.items())
    bridges = {}
    for row in _table(sections["bridge"]):
        ids = row["external_ids"] if isinstance(row["external_ids"], dict) else {}
        bridges[row["name"]] = {"external_ids": dict(
            (k, v) for k, v in ids.items() if k.startswith("voipready-")), "flows": set()}
        for uuid in _listed(row["ports"]):
            if uuid in by_uuid:
                ports[by_uuid[uuid]]["bridge"] = row["name"]
    for name in bridges:
        for line in sections.get("flows:" + name, "").splitlines():
            if "actions=" not in line:
                continue
            key = flow_key(line)
            if key[0] in COOKIES.values():
                bridges[name]["flows"].add(key)
    return {"ports": ports, "bridges": bridges}


# -- desired state ------------------------------------------------------------------------
def port_settings(cfg):
    data, voice = cfg["data_vlan"]["id"], cfg["voice_vlan"]["id"]
    trunks = tuple(sorted((data, voice)))
    out = dict((p, {"tag": data, "trunks": trunks, "vlan_mode": "native-untagged"})
               for p in cfg["phone_ports"])
    out.update((p, {"tag": None, "trunks": trunks, "vlan_mode": "trunk"})
               for p in cfg["uplink_ports"])
    return out


def bridge_ids(cfg):
    return {"voipready-vlan-%d" % cfg["voice_vlan"]["id"]: cfg["voice_vlan"]["name"],
            "voipready-vlan-%d" % cfg["data_vlan"]["id"]: cfg["data_vlan"]["name"],
            "voipready-voice-vlan": str(cfg["voice_vlan"]["id"])}


def reset_flows(cookie, ports):
    return set((cookie, 100, tuple(sorted([(eth, None), ("in_port", p)], key=str)),
                (("dscp", 0), ("normal", None))) for p in ports for eth in ("ip", "ipv6"))


def class_flows(classes, vlan):
    flows = set()
    for cls in classes:
        for match in cls["matches"]:
            addresses = match["addresses"] or [None]
            for address in addresses:
                version = ipaddress.ip_network(address).version if address else None
                for v in ((version,) if version else (4, 6)):
                    proto = match["proto"] + ("6" if v == 6 else "")
                    field = "ipv6" if v == 6 else "nw"
                    for side in ("dst", "src"):
                        for pair in port_prefixes(match["port_min"], match["port_max"]):
                            items = [(proto, None), ("dl_vlan", vlan), ("tp_" + side, pair)]
                            if address:
                                items.append(("%s_%s" % (field, side),
                                              str(ipaddress.ip_network(address))))
                            flows.add((COOKIES["qos"], 200 + cls["dscp"],
                                       tuple(sorted(items, key=str)),
                                       (("dscp", cls["dscp"]), ("normal", None))))
    return flows


class Driver(PlatformDriver):
    """Open vSwitch over a shell (netmiko ``linux``)."""

    platform = "openvswitch"
    netmiko_device_type = "linux"
    gather_commands = (GATHER,)
    comment = "#"
    #: phone ports and uplinks; qos.interfaces only where they are used (trust: false)
    interface_fields = ("voice_vlan.phone_ports", "voice_vlan.uplink_ports", "qos.interfaces")
    unsupported = {
        "allowlist": NA % "an address/port allowlist (OVS has no stateful firewall policy here)",
        "sip_alg": NA % "SIP ALG (OVS has no SIP helper; there is nothing to switch off)",
        "timeouts": NA % "NAT/conntrack session timeouts (no NAT on this switch)",
    }

    def parse(self, running):
        state = parse_state(running)
        out = {"voice_vlan": {"ports": dict((n, dict((k, v) for k, v in p.items() if k != "uuid"))
                                            for n, p in sorted(state["ports"].items())),
                              "names": dict((b, v["external_ids"])
                                            for b, v in sorted(state["bridges"].items()))},
               "qos": {"flows": dict((b, sorted(flow_text(f) for f in v["flows"]))
                                     for b, v in sorted(state["bridges"].items()))}}
        return out

    def _desired(self, state, intent, mode):
        """{bridge: flows} per owning cookie, port settings, bridge ids."""
        ports, ids, flows = {}, {}, {}
        bridges_of = dict((n, p["bridge"]) for n, p in state["ports"].items())
        vv = intent.get("voice_vlan")
        on_bridge = [n for n, b in bridges_of.items() if b]
        checked = dict(intent)
        if (intent.get("qos") or {}).get("trust", True) or mode == "deleted":
            checked.pop("qos", None)  # qos.interfaces are used by trust: false alone
        self.check_interfaces(checked, on_bridge, source="the ports of its bridges "
                              "('ovs-vsctl list Port' / 'list Bridge')")
        if vv:
            listed = vv["phone_ports"] + vv["uplink_ports"]
            if mode != "deleted":
                ports = port_settings(vv)
            else:
                data = vv["data_vlan"]["id"]
                ports = dict((p, {"tag": data, "trunks": (), "vlan_mode": None})
                             for p in vv["phone_ports"])
                ports.update((p, {"tag": None, "trunks": (data,), "vlan_mode": "trunk"})
                             for p in vv["uplink_ports"])
            for bridge in sorted(set(bridges_of[p] for p in listed)):
                ids[bridge] = {} if mode == "deleted" else bridge_ids(vv)
                want = set()
                if mode != "deleted" and not vv["trust_dscp"]:
                    want = reset_flows(COOKIES["voice_vlan"],
                                       [p for p in vv["phone_ports"] if bridges_of[p] == bridge])
                flows.setdefault(bridge, {})[COOKIES["voice_vlan"]] = want
        qos = intent.get("qos")
        if qos:
            for bridge, info in sorted(state["bridges"].items()):
                vlan = (vv["voice_vlan"]["id"] if vv else
                        info["external_ids"].get("voipready-voice-vlan"))
                want = set()
                if mode != "deleted":
                    if vlan is None:
                        continue
                    want = class_flows(qos["classes"], int(vlan))
                    if not qos["trust"]:
                        want |= reset_flows(COOKIES["qos"], [
                            p for p in qos["interfaces"] if bridges_of.get(p) == bridge])
                flows.setdefault(bridge, {})[COOKIES["qos"]] = want
            if mode != "deleted" and not vv and not any(
                    b["external_ids"].get("voipready-voice-vlan") for b in state["bridges"].values()):
                fail("qos on openvswitch marks voice-VLAN traffic: give voice_vlan in the same "
                     "run or apply it first", "qos", "voice_vlan")
        return ports, ids, flows

    def remediate(self, running, intent, state="merged"):
        current = parse_state(running)
        intent = dict((f, c) for f, c in intent.items() if not self.not_applicable(f, intent))
        ports, ids, flows = self._desired(current, intent, state)
        commands, vsctl = [], []
        for name in sorted(ports):
            want, have = ports[name], current["ports"][name]
            if all(want[k] == have[k] for k in want):
                continue
            vsctl.append("set port %s vlan_mode=%s tag=%s trunks=%s" % (
                name, want["vlan_mode"] or "[]", want["tag"] if want["tag"] else "[]",
                ",".join(str(t) for t in want["trunks"]) or "[]"))
        for bridge in sorted(ids):
            have = current["bridges"][bridge]["external_ids"]
            for key in sorted(set(have) - set(ids[bridge])):
                vsctl.append("br-set-external-id %s %s" % (bridge, key))
            for key in sorted(ids[bridge]):
                if have.get(key) != ids[bridge][key]:
                    vsctl.append("br-set-external-id %s %s %s" % (bridge, key, ids[bridge][key]))
        if vsctl:
            commands.append("ovs-vsctl " + " ".join("-- " + c for c in vsctl))
        for bridge in sorted(flows):
            have = current["bridges"][bridge]["flows"]
            lines = []
            for cookie in sorted(flows[bridge]):
                mine = set(f for f in have if f[0] == cookie)
                lines += ["delete_strict " + flow_text(f).replace(
                    "cookie=0x%x," % cookie, "cookie=0x%x/-1," % cookie).split(" actions=", 1)[0]
                    for f in sorted(mine - flows[bridge][cookie])]
                lines += ["add " + flow_text(f) for f in sorted(flows[bridge][cookie] - mine)]
            if lines:
                commands.append(heredoc("%s add-flows %s -" % (OFCTL, bridge), "\n".join(lines),
                                        "VOIPREADY_FLOWS"))
        return commands

    def render(self, intent):
        lines = []
        vv, qos = intent.get("voice_vlan"), intent.get("qos")
        if vv:
            settings = port_settings(vv)
            lines += ["ovs-vsctl set port %s vlan_mode=%s tag=%s trunks=%s" % (
                p, s["vlan_mode"], s["tag"] or "[]", ",".join(str(t) for t in s["trunks"]))
                for p, s in sorted(settings.items())]
            lines += ["ovs-vsctl br-set-external-id BRIDGE %s %s" % (k, v)
                      for k, v in sorted(bridge_ids(vv).items())]
            if not vv["trust_dscp"]:
                lines += [flow_text(f) for f in sorted(reset_flows(COOKIES["voice_vlan"],
                                                                   vv["phone_ports"]))]
        if qos:
            vlan = vv["voice_vlan"]["id"] if vv else 110
            lines += [flow_text(f) for f in sorted(class_flows(qos["classes"], vlan))]
            if not qos["trust"]:
                lines += [flow_text(f) for f in sorted(reset_flows(COOKIES["qos"],
                                                                   qos["interfaces"]))]
        for feature in ("allowlist", "sip_alg", "timeouts"):
            if feature in intent:
                lines.append("# %s: not applicable: %s" % (feature, self.unsupported[feature]))
        return "\n".join(lines) + "\n"

    def view(self, running, intent):
        parsed = self.parse(running)
        lines = []
        if "voice_vlan" in intent:
            vv = intent["voice_vlan"]
            for name in vv["phone_ports"] + vv["uplink_ports"]:
                port = parsed["voice_vlan"]["ports"].get(name, {})
                lines.append("port %s bridge=%s vlan_mode=%s tag=%s trunks=%s" % (
                    name, port.get("bridge"), port.get("vlan_mode"), port.get("tag"),
                    ",".join(str(t) for t in port.get("trunks", ()))))
            for bridge, ids in sorted(parsed["voice_vlan"]["names"].items()):
                lines += ["bridge %s external_ids:%s=%s" % (bridge, k, v)
                          for k, v in sorted(ids.items())]
        for bridge, flows in sorted(parsed["qos"]["flows"].items()):
            lines += ["flow %s: %s" % (bridge, f) for f in flows
                      if ("qos" in intent and "0x5601ce" in f) or
                      ("voice_vlan" in intent and "0x5601cd" in f)]
        return "\n".join(lines) + "\n"

    def simulate(self, running, commands):
        state = parse_state(running)
        sections = split_sections(running, SECTIONS)
        ports = _table(sections["port"])
        bridges = _table(sections["bridge"])
        flows = dict((b, set(v["flows"])) for b, v in state["bridges"].items())
        foreign = dict((b, [line for line in sections.get("flows:" + b, "").splitlines()
                            if "actions=" in line and flow_key(line)[0] not in COOKIES.values()])
                       for b in flows)
        for command in commands:
            first, _sep, body = command.partition("\n")
            if first.startswith("ovs-vsctl "):
                for part in first[len("ovs-vsctl "):].split("-- ")[1:]:
                    words = part.split()
                    if words[0] == "set":
                        row = [r for r in ports if r["name"] == words[2]][0]
                        for item in words[3:]:
                            key, _sep, value = item.partition("=")
                            values = [] if value == "[]" else [int(v) if v.isdigit() else v
                                                               for v in value.split(",")]
                            row[key] = values
                    else:
                        row = [r for r in bridges if r["name"] == words[1]][0]
                        ids = row["external_ids"] if isinstance(row["external_ids"], dict) else {}
                        if len(words) > 3:
                            ids[words[2]] = words[3]
                        else:
                            ids.pop(words[2], None)
                        row["external_ids"] = ids
            elif first.startswith(OFCTL + " add-flows "):
                bridge = first.split()[5]
                for line in body.rpartition("\n")[0].splitlines():
                    if line.startswith("delete_strict "):
                        gone = flow_key(line + " actions=drop")
                        flows[bridge] = set(f for f in flows[bridge] if f[:3] != gone[:3])
                    else:
                        flows[bridge].add(flow_key(line))
            else:
                fail("simulate() does not know this command", "commands", first[:60])
        return emit_running(ports, bridges, flows, foreign)

    def push(self, transport, commands, confirm_timeout=None):
        """Each step is one ovs-vsctl transaction or one add-flows batch, exit status checked.
        OVS has no revert timer: a failed step is undone by the engine's rollback."""
        return "\n".join(run_step(transport, c, c.split("\n")[0]) for c in commands)


def _json_cell(value):
    if isinstance(value, dict):
        return ["map", sorted([k, v] for k, v in value.items())]
    if isinstance(value, (list, tuple)):
        if len(value) == 1:
            return _json_cell(value[0])
        return ["set", [_json_cell(v) for v in value]]
    if isinstance(value, str) and len(value) == 36 and value.count("-") == 4:
        return ["uuid", value]
    return value


def emit_running(ports, bridges, flows, foreign=None):
    """Text in the GATHER format from port/bridge rows, {bridge: flow keys} and
    {bridge: other flows' lines, kept as printed}."""
    def table(rows, heads):
        return json.dumps({"headings": heads, "data": [
            [_json_cell(r.get(h)) if r.get(h) not in (None, []) else ["set", []] for h in heads]
            for r in rows]})
    out = [MARK + "port", table(ports, ["_uuid", "name", "tag", "trunks", "vlan_mode"]),
           MARK + "bridge", table(bridges, ["name", "ports", "external_ids"])]
    for bridge in sorted(flows):
        out.append(MARK + "flows:" + bridge)
        out += (foreign or {}).get(bridge, [])
        out += [" " + flow_text(f).replace(",priority", ", duration=1s, table=0, priority", 1)
                for f in sorted(flows[bridge])]
    out.append(MARK + "end")
    return "\n".join(out) + "\n"
