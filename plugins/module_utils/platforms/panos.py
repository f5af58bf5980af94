# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Palo Alto Networks PAN-OS (single vsys firewall): the five features as ``set`` lines.

Running state is read in configure mode with ``set cli config-output-format set`` and
``show``: one leaf per line. Remediation is a set-line difference (setstyle.SetConfig);
everything lands in the candidate and takes effect at ``commit``.

allowlist  -- ``address`` (ip-netmask / fqdn), ``address-group <G> static``, ``service
              <P>-UDP-5060 protocol udp port 5060`` and ``rulebase security rules`` named
              ``<PREFIX>-<rule id>-OUT|IN``, ``-DNS``, ``-NTP``, ``-ENFORCE``, kept at the
              top of the rulebase with ``move ... top`` / ``after``. ``set`` APPENDS to
              member lists: a member that must go is ``delete address-group G static M``.
sip_alg    -- ``set shared alg-override application sip alg-disabled yes``.
voice_vlan -- layer3 sub-interfaces ``network interface ethernet <parent> layer3 units
              <parent>.<vlan>`` with zone and virtual-router membership; switch ports are
              not applicable (a PAN-OS firewall has no voice VLAN on access ports).
qos        -- ``rulebase security rules <R> qos marking ip-dscp ef`` on the owned rules
              whose traffic a class matches; PAN-OS never re-marks on its own (trust).
timeouts   -- ``deviceconfig setting session timeout-udp`` / ``timeout-tcp`` and the
              ``sip`` application's ``shared override application sip udp-timeout``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re
import time

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    DSCP_BY_VALUE, DSCP_NAMES, TIMEOUT_DEFAULTS)
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    PlatformDriver, check_present, check_zone_member, refusals as base_refusals)
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates.zone_policy import (
    MARK, firewall_plan, order_moves, parse_comment, plan_to_allowlist, readable)
from ansible_collections.voipready.network.plugins.module_utils.platforms.setstyle import SetConfig
from ansible_collections.voipready.network.plugins.module_utils.transport import TransportError

LIST_KEYS = ("static", "members", "from", "to", "source", "destination", "application",
             "service", "source-user", "category", "hip-profiles", "tag", "layer3",
             "interface", "ip")
ENTRIES = ("address *", "address-group *", "service *", "service-group *",
           "rulebase security rules *", "network interface ethernet * layer3 units *",
           "shared alg-override application *", "shared override application *")
CLASSES = ("network", "zone", "address", "address-group", "service", "service-group",
           "rulebase", "shared", "deviceconfig")
RULES = ("rulebase", "security", "rules")
SIP_ALG = ("shared", "alg-override", "application", "sip", "alg-disabled")
SIP_TIMEOUT = ("shared", "override", "application", "sip", "udp-timeout")
SESSION = ("deviceconfig", "setting", "session")
#: PAN-OS defaults (Device > Setup > Session > Session Timeouts)
DEFAULT_TIMEOUTS = {"timeout-udp": 30, "timeout-tcp": 3600}
#: what a multi-vsys configuration holds under ``vsys <name>``
VSYS_CLASSES = ("zone", "address", "address-group", "service", "service-group", "rulebase",
                "application", "import")
#: the interface kinds under ``network interface`` (layer3 units below ethernet/ae)
IFACE_KINDS = ("ethernet", "aggregate-ethernet", "vlan", "loopback", "tunnel")
#: lines ``show`` prints that are not configuration (prompts, the format switch)
NOISE = ("[edit]", "set cli config-output-format")


def new_config():
    return SetConfig(LIST_KEYS, ENTRIES, CLASSES)


def load(running):
    """PAN-OS set-format ``show`` output -> SetConfig (prompts and banners skipped)."""
    if not isinstance(running, str):
        raise VoipReadyError("PAN-OS running configuration must be text", field="running",
                             value=type(running).__name__)
    lines = [l for l in running.splitlines() if not l.strip().endswith("#")
             and not l.strip().endswith(">")]
    cfg = new_config().load("\n".join(lines), ignore=NOISE)
    vsys = [k for k, _v, _l in cfg.lines if k[0] == "vsys" and len(k) > 2 and k[2] in VSYS_CLASSES]
    if vsys:
        line = "set " + " ".join(vsys[0])
        raise VoipReadyError(
            "the PAN-OS configuration is in multi-vsys form (%r): zones, objects and rules "
            "live under 'vsys %s', and voipready's single-vsys paths ('set zone ...', 'set "
            "rulebase security ...') would build a second, unused policy beside them. "
            "voipready supports single-vsys firewalls only; on a multi-vsys firewall keep "
            "the voice policy in the vsys by hand" % (line, vsys[0][1]),
            field="running", value=line)
    return cfg


def show_output(transcript):
    """What ``show`` printed, cut out of a configure-mode transcript (netmiko's
    send_config_set returns ``configure``, ``Entering configuration mode``, the prompts,
    ``exit`` and ``Exiting configuration mode`` around it). Text without a ``show`` echo
    is returned as it is (already cut, or a device that echoes differently)."""
    lines = transcript.splitlines()
    start = [i for i, line in enumerate(lines) if re.match(r"^\S+@\S+#\s*show\s*$", line)]
    if not start:
        return transcript
    body = []
    for line in lines[start[0] + 1:]:
        if line.strip().startswith("[edit") or re.match(r"^\S+@\S+[#>]", line):
            break
        body.append(line)
    return "\n".join(body) + "\n"


#: what the PAN-OS CLI answers to a line it does not take (the line is not applied)
REFUSED = re.compile(r"^(Invalid syntax\.|Unknown command: .*|Server error ?: .*)$")
#: the ``[edit]`` context line and the ``user@host#`` prompt PAN-OS prints after the answer
#: to every line in configure mode (also after ``commit``: it blocks until the job ends)
CONFIG_PROMPT = r"\[edit[^\n]*\]\r?\n\S+#"
#: where the answer to one line ends: that prompt, or the operational ``user@host>``
#: (after ``exit``, or a refused ``configure``)
ANSWER_END = r"(%s\s*$|(^|\n)\S+@\S+>\s*$)" % CONFIG_PROMPT


def refusals(transcript):
    """``command -> answer`` for every line of a configure-mode transcript the CLI refused."""
    return base_refusals(transcript, REFUSED)


def _say(session, line, read_timeout=60):
    """One line to the CLI, read up to the prompt that ends its answer."""
    return session.send_command(line, expect_string=ANSWER_END, read_timeout=read_timeout,
                                strip_prompt=False, strip_command=False, cmd_verify=False)


#: seconds to wait for the answer to one configuration line
READ_TIMEOUT = 60


def configure(session, lines, read_timeout=None):
    """``configure``, ``lines`` and ``exit`` on a netmiko session: the transcript, as
    netmiko's send_config_set returns it. send_config_set tells the mode by timing:
    paloalto_panos's check_config_mode reads until the channel has been quiet for 2 s,
    five times an exchange, about 11 s of waiting on any PAN-OS (netmiko issues #3062,
    #3845). Here every read ends at the prompt PAN-OS prints after each answer; the
    lines go in one stream (scripting mode is on, as for a pasted configuration) and
    the read ends at the prompt after the last one."""
    read_timeout = read_timeout or READ_TIMEOUT
    out = _say(session, "configure")
    if not re.search(CONFIG_PROMPT + r"\s*$", out):
        raise VoipReadyError("PAN-OS did not enter configuration mode: %s" % " | ".join(
            t.strip() for t in out.splitlines()[1:] if t.strip()), field="commands",
            value="configure")
    for line in lines:
        session.write_channel(session.normalize_cmd(line))
    # a slow device is not a stalled one: the wait starts again at every answer
    answer, answered, deadline = "", 0, time.time() + read_timeout
    while answered < len(lines):
        if time.time() > deadline:
            # out of step with the CLI: the caller's netmiko exchange recovers (push)
            raise TransportError("PAN-OS answered %d of %d configuration lines, then nothing "
                                 "for %ss" % (answered, len(lines), read_timeout),
                                 field="commands", value=len(lines))
        data = session.read_channel()
        answer += data
        if not data:
            time.sleep(0.01)
            continue
        count = len(re.findall(CONFIG_PROMPT, answer))
        if count > answered:
            answered, deadline = count, time.time() + read_timeout
    return out + session.normalize_linefeeds(answer) + _say(session, "exit")


def commit(session):
    """``commit`` in configure mode, read until the prompt after it: the job's result,
    either way. netmiko's own commit() waits for '100%' only, which a refused commit
    never prints (netmiko issue #3033): it would sit out its read timeout and report a
    timeout, not the refusal."""
    out = configure(session, ["commit"], read_timeout=600)
    if "configuration committed successfully" not in out.lower():
        lines = [text.strip() for text in out.splitlines() if text.strip()
                 and not text.strip().startswith(("[edit", "commit", "Commit job", "configure",
                                                  "Entering configuration", "exit",
                                                  "Exiting configuration"))
                 and not re.match(r"^[.\d%]+$", text.strip())
                 and not re.match(r"^\S+@\S+[#>]", text.strip())]
        raise VoipReadyError("PAN-OS refused the commit (the candidate is reverted): %s"
                             % " | ".join(lines[:12]), field="commands", value="commit")
    return out


def dscp_name(value):
    """PAN-OS marks with codepoint names (ef, cs3, af41...)."""
    if value not in DSCP_BY_VALUE:
        raise VoipReadyError("dscp=%r has no PAN-OS codepoint name (ip-dscp takes ef, csN, "
                             "afNN)" % value, field="qos.classes.dscp", value=value)
    return DSCP_BY_VALUE[value]


# --------------------------------------------------------------------------------------
# render: one function per feature, each adding set lines
# --------------------------------------------------------------------------------------
def render_allowlist(cfg, allowlist):
    """Addresses, groups, services, then the rules in evaluation order."""
    plan = firewall_plan(allowlist, name_limit=63, object_limit=63,
                         wildcard_why=Driver.wildcard_why)
    for name, (kind, value) in sorted(plan["addresses"].items()):
        net = ipaddress.ip_network(value) if kind == "net" else None
        cfg.add(("address", name, "ip-netmask" if net else "fqdn"),
                [str(net) if net else value], False)
    for name, members in sorted(plan["groups"].items()):
        cfg.add(("address-group", name, "static"), members, True)
    for name, (proto, low, high) in sorted(plan["services"].items()):
        ports = str(low) if low == high else "%d-%d" % (low, high)
        cfg.add(("service", name, "protocol", proto, "port"), [ports], False)
    zones = (allowlist["inside_zone"], allowlist["outside_zone"])
    for pol in plan["policies"]:
        rule = RULES + (pol["name"],)
        src_zone, dst_zone = zones if pol["outbound"] else zones[::-1]
        for key, values in (("from", [src_zone]), ("to", [dst_zone]),
                            ("source", [pol["src"] or "any"]),
                            ("destination", [pol["dst"] or "any"]), ("source-user", ["any"]),
                            ("category", ["any"]), ("application", ["any"]),
                            ("service", pol["services"] or ["any"]),
                            ("action", ["allow" if pol["action"] == "accept" else "deny"]),
                            ("description", [pol["comment"]])):
            cfg.add(rule + (key,), values, key in LIST_KEYS)
    return plan["notes"]


def render_qos(cfg, qos, rules):
    """Mark each owned rule whose service and far end a class matches."""
    for name, rule in rules:
        for cls in qos["classes"]:
            if any(class_matches(match, rule) for match in cls["matches"]):
                cfg.add(RULES + (name, "qos", "marking", "ip-dscp"), [dscp_name(cls["dscp"])],
                        False)
                break


def class_matches(match, rule):
    """A rule's proto/ports inside a match, its addresses inside the match's (if any)."""
    if (rule["proto"], rule["port_min"], rule["port_max"]) != (
            match["proto"], match["port_min"], match["port_max"]):
        return False
    if not match["addresses"]:
        return True
    nets = [ipaddress.ip_network(a) for a in match["addresses"]]
    return bool(rule["addresses"]) and all(
        any(ipaddress.ip_network(a).subnet_of(n) for n in nets
            if n.version == ipaddress.ip_network(a).version) for a in rule["addresses"])


def unit_name(sub):
    return "%s.%d" % (sub["parent"], sub["vlan"])


def render_voice_vlan(cfg, voice_vlan, zone):
    """A layer3 sub-interface per subinterface, in the inside zone and default VR."""
    for sub in voice_vlan["subinterfaces"]:
        unit = ("network", "interface", "ethernet", sub["parent"], "layer3", "units",
                unit_name(sub))
        cfg.add(unit + ("tag",), [str(sub["vlan"])], False)
        if sub["address"]:
            cfg.add(unit + ("ip",), [sub["address"]], True)
        cfg.add(unit + ("comment",), ["%s voice-vlan %s" % (MARK, voice_vlan["voice_vlan"][
            "name"])], False)
        cfg.add(("zone", zone, "network", "layer3"), [unit_name(sub)], True)
        cfg.add(("network", "virtual-router", "default", "interface"), [unit_name(sub)], True)


def render_knobs(cfg, intent):
    """SIP ALG override and session timeouts (deleted: the lines are simply absent)."""
    if "sip_alg" in intent and not intent["sip_alg"].get("enabled"):
        cfg.add(SIP_ALG, ["yes"], False)
    if "timeouts" in intent:
        t = intent["timeouts"]
        cfg.add(SESSION + ("timeout-udp",), [str(t["udp_stream"])], False)
        if t.get("tcp_established"):
            cfg.add(SESSION + ("timeout-tcp",), [str(t["tcp_established"])], False)
        cfg.add(SIP_TIMEOUT, [str(t["sip"])], False)


class Driver(PlatformDriver):
    """PAN-OS 9.1-11.x firewall, one vsys, over netmiko ``paloalto_panos``."""

    platform = "panos"
    netmiko_device_type = "paloalto_panos"
    #: ends the CLI session (every exchange leaves configure mode): netmiko's disconnect()
    #: would first wait 2 s of silence to tell the mode (paloalto_panos cleanup())
    logout_command = "exit"
    napalm_driver = None  # community napalm-panos exists but is not installed here
    gather_commands = ("set cli config-output-format set", "configure", "show", "exit")
    #: inside/outside must be in the rules' zones; QoS marks rules, not interfaces
    interface_fields = ("allowlist.inside_interfaces", "allowlist.outside_interfaces",
                        "voice_vlan.subinterfaces.parent")
    unsupported = {}
    needs_commit = True
    comment = "#"
    wildcard_why = (
        "PAN-OS FQDN address objects take one exact name; wildcard domains match only in "
        "custom URL categories, which see HTTP/TLS server names but not STUN/TURN on 3478, so "
        "a security rule cannot enforce them here")
    fqdn_objects = True
    names_beside_addresses = ("objects",)

    def not_applicable(self, feature, intent):
        """Switch ports: none on a firewall. DSCP marking lives on security rules."""
        cfg = intent.get("voice_vlan", {})
        if feature == "voice_vlan" and cfg.get("phone_ports") and not cfg.get("subinterfaces"):
            return ("a PAN-OS firewall has no switch ports with a voice VLAN; give "
                    "voice_vlan.subinterfaces for layer3 VLAN sub-interfaces instead")
        if feature == "qos" and "allowlist" not in intent:
            return ("PAN-OS marks DSCP on the security rule that allows the flow (qos "
                    "marking ip-dscp); the qos feature needs the allowlist feature too")
        return None

    def gather(self, transport):
        """Configure-mode ``show`` in set format (one leaf per line)."""
        transport.send_command("set cli config-output-format set")
        return show_output(self._configure(transport, ["show"]))

    @staticmethod
    def _configure(transport, lines):
        """Through the prompt-ended exchange (configure()) on a netmiko session, else the
        transport's own configure-mode call."""
        session = getattr(transport, "session", None)
        if session is None or not hasattr(session, "send_command"):
            return transport.send_config(lines)
        try:
            return configure(session, lines)
        except VoipReadyError:
            raise
        except Exception as exc:  # netmiko's ReadTimeout, a closed channel
            raise TransportError("PAN-OS configure-mode exchange failed on %s: %s" % (
                transport.connection_label(), str(exc).strip().split("\n", 1)[0]),
                field="commands", value=len(lines))

    def _scope(self, intent):
        return dict((f, intent[f]) for f in intent if not self.not_applicable(f, intent))

    def _desired(self, intent, have_rules=None):
        cfg, notes = new_config(), []
        if "voice_vlan" in intent:
            zone = intent.get("allowlist", {}).get("inside_zone", "trust")
            render_voice_vlan(cfg, intent["voice_vlan"], zone)
        if "allowlist" in intent:
            notes = render_allowlist(cfg, intent["allowlist"])
        if "qos" in intent:
            rules = have_rules if have_rules is not None else self._rules(cfg)
            render_qos(cfg, intent["qos"], rules)
        render_knobs(cfg, intent)
        return cfg, notes

    def render(self, intent):
        """The owned configuration as set lines, notes as # comments."""
        cfg, notes = self._desired(self._scope(intent))
        return "\n".join(["# voipready: %s" % n for n in notes] + cfg.dump()) + "\n"

    # -- parse -----------------------------------------------------------------------
    def _rules(self, cfg):
        """(rule name, rule dict) for owned rules, in rulebase order."""
        allow = self._allowlist(cfg)
        by_id = dict((r["id"], r) for r in allow["rules"])
        out = []
        for name in cfg.order(RULES):
            info = parse_comment(self._leaf(cfg, RULES + (name, "description")))
            if info and info.get("rule") in by_id:
                out.append((name, by_id[info["rule"]]))
        return out

    def _leaf(self, cfg, key, default=None):
        for k, values, _unused in cfg.lines:
            if k == key:
                return values[0] if len(values) == 1 else values
        return default

    def _allowlist(self, cfg):
        addresses, groups, services, policies = {}, {}, {}, []
        zones = [None, None]
        for key, values, _unused in cfg.lines:
            if key[0] == "address" and len(key) == 3 and key[2] in ("ip-netmask", "fqdn"):
                if key[2] == "fqdn":
                    addresses[key[1]] = ("fqdn", values[0])
                else:
                    net = ipaddress.ip_network(values[0], strict=False)
                    addresses[key[1]] = ("net", str(net.network_address) if net.prefixlen ==
                                         net.max_prefixlen else str(net))
            elif key[0] == "address-group" and key[2:] == ("static",):
                groups[key[1]] = list(values)
            elif key[0] == "service" and len(key) == 5 and key[2] == "protocol":
                low, _sep, high = values[0].split(",")[0].partition("-")
                services[key[1]] = (key[3], int(low), int(high or low))
        for name in cfg.order(RULES):
            rule = RULES + (name,)
            info = parse_comment(self._leaf(cfg, rule + ("description",), ""))
            if info is None:
                continue
            leaf = dict((k[4], v) for k, v, _unused in cfg.lines if k[:4] == rule and len(k) == 5)
            policies.append({"comment": self._leaf(cfg, rule + ("description",)),
                             "src": (leaf.get("source") or [None])[0],
                             "dst": (leaf.get("destination") or [None])[0],
                             "services": leaf.get("service") or []})
            if info.get("dir") != "inbound" and leaf.get("from") and leaf.get("to"):
                zones = [leaf["from"][0], leaf["to"][0]]
        prefix = "VOIPREADY"
        for name in cfg.order(RULES):
            if parse_comment(self._leaf(cfg, RULES + (name, "description"), "")):
                prefix = name.split("-")[0]
                break
        return plan_to_allowlist(prefix, policies, groups, addresses, services,
                                 zones=(zones[0] or "trust", zones[1] or "untrust"))

    @readable
    def parse(self, running):
        """Running set lines -> {feature: state in the intent's structure}."""
        cfg = load(running)
        state = {"allowlist": self._allowlist(cfg)}
        state["sip_alg"] = {"enabled": self._leaf(cfg, SIP_ALG) != "yes"}
        subs = []
        for key, values, _unused in cfg.lines:
            if key[:3] == ("network", "interface", "ethernet") and key[4:6] == (
                    "layer3", "units") and key[7:] == ("comment",) and MARK in values[0]:
                unit = key[:7]
                ips = self._leaf(cfg, unit + ("ip",))
                subs.append({"parent": key[3], "vlan": int(self._leaf(cfg, unit + ("tag",))),
                             "address": ips if isinstance(ips, str) else None})
        state["voice_vlan"] = {
            "voice_vlan": {"id": subs[0]["vlan"] if subs else 110, "name": "VOICE"},
            "data_vlan": {"id": 10, "name": "DATA"}, "phone_ports": [], "uplink_ports": [],
            "trust_dscp": True, "subinterfaces": subs}
        classes = {}
        for name, rule in self._rules(cfg):
            mark = self._leaf(cfg, RULES + (name, "qos", "marking", "ip-dscp"))
            if mark:
                cls = classes.setdefault(mark, {"name": "VOICE-%s" % mark.upper(),
                                                "dscp": _dscp_value(mark), "matches": []})
                match = {"proto": rule["proto"], "port_min": rule["port_min"],
                         "port_max": rule["port_max"], "addresses": rule["addresses"]}
                if match not in cls["matches"]:
                    cls["matches"].append(match)
        state["qos"] = {"trust": True, "interfaces": [], "classes": sorted(
            classes.values(), key=lambda c: (-c["dscp"], c["name"]))}
        udp = int(self._leaf(cfg, SESSION + ("timeout-udp",), DEFAULT_TIMEOUTS["timeout-udp"]))
        tcp = self._leaf(cfg, SESSION + ("timeout-tcp",))
        state["timeouts"] = {"udp": min(udp, TIMEOUT_DEFAULTS["udp"]), "udp_stream": udp,
                             "sip": int(self._leaf(cfg, SIP_TIMEOUT, udp)),
                             "tcp_established": int(tcp) if tcp else None,
                             "keepalive_interval": TIMEOUT_DEFAULTS["keepalive_interval"]}
        return state

    # -- remediate -------------------------------------------------------------------
    def _owned(self, cfg, intent):
        """The atoms of running that the features in ``intent`` own."""
        prefix = intent.get("allowlist", {}).get("name", "VOIPREADY") + "-"
        units = set(k[6] for k, v, _unused in cfg.lines
                    if k[:3] == ("network", "interface", "ethernet")
                    and k[4:6] == ("layer3", "units") and k[7:] == ("comment",) and MARK in v[0])
        owned = set()
        for key, value in cfg.atoms():
            # a rule's leaves sit below its name; ``set rulebase security rules R`` alone
            # (an entry with no leaf) has none
            rule = key[:3] == RULES and len(key) > 4 and key[3].startswith(prefix)
            if "allowlist" in intent and (
                    (key[0] in ("address", "address-group", "service", "service-group") and
                     len(key) > 1 and key[1].startswith(prefix)) or (rule and key[4] != "qos")):
                owned.add((key, value))
            elif "qos" in intent and rule and key[4] == "qos":
                owned.add((key, value))
            elif "sip_alg" in intent and key == SIP_ALG:
                owned.add((key, value))
            elif "timeouts" in intent and (key == SIP_TIMEOUT or (
                    key[:3] == SESSION and key[3:] in (("timeout-udp",), ("timeout-tcp",)))):
                owned.add((key, value))
            elif "voice_vlan" in intent and (
                    (key[:3] == ("network", "interface", "ethernet") and len(key) > 6 and
                     key[6] in units) or
                    (key[0] == "zone" and key[2:] == ("network", "layer3") and value in units) or
                    (key == ("network", "virtual-router", "default", "interface") and
                     value in units)):
                owned.add((key, value))
        return owned

    @readable
    def remediate(self, running, intent, state="merged"):
        """Leaf deletes, sets (objects before rules), moves, then entry deletes."""
        have = load(running)
        intent = self._scope(intent)
        if state != "deleted":
            self._check_context(have, intent)
        if state == "deleted":
            want = new_config()
            if "sip_alg" in intent:  # the ALG stays off
                want.add(SIP_ALG, ["yes"], False)
        else:
            rules = None if "allowlist" in intent else self._rules(have)
            want, _unused = self._desired(intent, rules)
        owned = self._owned(have, intent)
        leaf_deletes, sets, entry_deletes = have.diff(owned, want)
        moves = []
        if "allowlist" in intent and state != "deleted":
            current = have.order(RULES)
            current += [n for n in want.order(RULES) if n not in current]
            for name, where, other in order_moves(current, want.order(RULES)):
                moves.append("move rulebase security rules %s %s" % (
                    name, "top" if where == "before" else "after %s" % other))
        return leaf_deletes + sets + moves + entry_deletes

    def _check_context(self, cfg, intent):
        """Zones, interfaces and zone membership the owned rules and units rely on: a
        rule naming an absent zone fails the commit, and a unit added to an absent zone
        would create that zone."""
        zones, member, interfaces = set(), {}, set()
        for key, values, _unused in cfg.lines:
            if key[0] == "zone" and len(key) > 1:
                zones.add(key[1])
                if key[2:3] == ("network",) and len(key) == 4:
                    for name in values:
                        member.setdefault(name, key[1])
            elif key[:2] == ("network", "interface") and len(key) > 3 and key[2] in IFACE_KINDS:
                interfaces.add(key[3])
                if key[4:6] == ("layer3", "units") and len(key) > 6:
                    interfaces.add(key[6])
        al = intent.get("allowlist") or {}
        vv = intent.get("voice_vlan") or {}
        inside = al.get("inside_zone", "trust")
        for sub in vv.get("subinterfaces") or []:
            interfaces.add(unit_name(sub))
            member.setdefault(unit_name(sub), inside)
        self.check_interfaces(intent, interfaces, source="its configuration, 'network "
                              "interface' entries")
        source = "its configuration, 'zone' entries"
        if vv.get("subinterfaces"):
            check_present("allowlist.inside_zone", [inside], zones, what="zone", source=source,
                          hint="The voice sub-interfaces join this zone")
        if not al or not firewall_plan(al, name_limit=63, object_limit=63)["policies"]:
            return
        for side in ("inside", "outside"):
            zone_field = "allowlist.%s_zone" % side
            zone = al.get(side + "_zone") or ("trust" if side == "inside" else "untrust")
            check_present(zone_field, [zone], zones, what="zone", source=source,
                          hint="The allowlist's security rules go from zone %s to zone %s and "
                               "back" % (inside, al.get("outside_zone", "untrust")))
            for name in al.get(side + "_interfaces") or []:
                check_zone_member("allowlist.%s_interfaces" % side, name, member.get(name),
                                  zone_field, zone, "from zone %s to zone %s and back" % (
                                      inside, al.get("outside_zone", "untrust")))

    @readable
    def rollback(self, before_running, after_running):
        """Nothing when the owned leaves are already as they were (a refused commit was
        reverted on the device): remediating toward the parsed before state would write
        defaults that were absent (timeout-udp 30) and commit them."""
        before = self.parse(before_running)
        if self._owned(load(before_running), before) == self._owned(load(after_running), before):
            return []
        return self.remediate(after_running, before, state="replaced")

    @readable
    def simulate(self, running, commands):
        """The running set lines after ``commands`` (candidate as ``show`` prints it)."""
        return "\n".join(load(running).apply(commands).dump()) + "\n"

    # -- push / commit ---------------------------------------------------------------
    def push(self, transport, commands, confirm_timeout=None):
        """Candidate edits in configure mode, then ``commit`` (netmiko's commit()).

        PAN-OS has no commit-confirm. Closest safe equivalent: nothing is live until
        ``commit``; a push that fails before it is discarded with ``revert config``
        (PAN-OS 9.0+); a commit whose read-back does not converge is undone by the
        engine's inverse commands and a second commit (``load config version <n>`` is
        the manual fallback).
        """
        try:
            out = self._configure(transport, list(commands))
            refused = refusals(out)
            if refused:
                raise VoipReadyError("PAN-OS refused a configuration command, nothing was "
                                     "committed: %s" % "; ".join(refused[:5]),
                                     field="commands", value=len(commands))
            session = getattr(transport, "session", None)
            out += commit(session) if session is not None and hasattr(session, "send_command") \
                else transport.send_config(["commit"])
        except TransportError:
            transport.send_config(["revert config"])
            raise
        except VoipReadyError:
            # the device answered (a refused line or commit): the session is in step
            self._configure(transport, ["revert config"])
            raise
        except Exception:
            # a broken read: netmiko's own, timing-based exchange finds the prompt again
            transport.send_config(["revert config"])
            raise
        return out

    def confirm(self, transport):
        """Nothing to confirm: a PAN-OS commit is final (see push)."""
        return None

    def save(self, transport):
        """A commit already persists the running configuration."""
        return None


def _dscp_value(name):
    return DSCP_NAMES.get(name, 0)
