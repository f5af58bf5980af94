"""The configuration the collection does not own, before and after a converge, must be
byte-identical (Molecule scenarios ios, cat, eos, asa, fortios, junos_srx, junos_ex,
vyos, panos, routeros on the emulated devices).

    unrelated.py --scenario ios|cat|eos|asa|fortios|junos_srx|junos_ex|vyos|panos|routeros \
        BEFORE AFTER

Both texts are the device's own ``show running-config`` (Junos: ``show configuration |
display set``, VyOS: ``show configuration commands``: every line a top-level statement).
What the features own is cut out of both (sections by header, lines by (section, line)
patterns, the voice VLAN taken out of
a trunk's allowed list); the header comment lines that carry a time are dropped and runs of
``!`` separators collapsed; what is left must be the same bytes. The owned patterns are
written here from the feature descriptions (docs/features.md), not from the drivers.
"""
import argparse
import difflib
import re
import sys

VOICE = "110"

#: section headers owned as a whole
OWNED_SECTIONS = {
    "ios": [r"^(object-group \S+|ip access-list extended|class-map match-any|policy-map) VOIPREADY",
            r"^interface GigabitEthernet0/1\.110$"],
    "cat": [r"^(ip access-list extended|class-map match-any|policy-map) VOIPREADY",
            r"^vlan %s$" % VOICE],
    "eos": [r"^(ip access-list|class-map type qos match-any|policy-map type quality-of-service) "
            r"VOIPREADY", r"^vlan %s$" % VOICE],
    "asa": [r"^(object-group (network|service)|object network) VOIPREADY-",
            r"^interface GigabitEthernet0/1\.%s$" % VOICE],
    "junos_srx": [], "junos_ex": [], "vyos": [],
}
#: (section header, line) owned; section None = top level
OWNED_LINES = {
    "ios": [(None, r"^no ip nat service sip (udp|tcp) port 5060$"),
            (None, r"^ip nat translation (udp-timeout|tcp-timeout|port-timeout) "),
            (r"^interface ", r"^ip access-group VOIPREADY-\S+ in$"),
            (r"^interface ", r"^service-policy output VOIPREADY-QOS$")],
    "cat": [(None, r"^mls qos$"),
            (r"^interface GigabitEthernet0/[12]$", r"^switchport voice vlan %s$" % VOICE),
            (r"^interface GigabitEthernet0/[128]$", r"^mls qos trust dscp$")],
    "eos": [(r"^interface Ethernet[34]$",
             r"^switchport (trunk native vlan 10|phone vlan %s|phone trunk tagged|"
             r"mode trunk phone)$" % VOICE),
            (r"^interface Ethernet(3|4|48)$", r"^qos trust dscp$")],
    # the ASA prints timers grouped: the lines holding udp/conn and sip are owned whole
    "asa": [(None, r"^access-(list|group) VOIPREADY-"), (None, r"^timeout (conn|sip) "),
            (r"^policy-map global_policy$", r"^inspect sip$")],
    # set-style: the owned statements anywhere in the line (docs/features.md, per feature)
    "junos_srx": [(None, r"^set .*VOIPREADY"), (None, r"^set security alg sip disable$"),
                  (None, r"^set class-of-service interfaces ge-0/0/[01] unit 0 classifiers "
                         r"dscp default$")],
    "junos_ex": [(None, r"^set .*VOIPREADY"), (None, r"^set vlans VOICE "),
                 (None, r"^set switch-options voip interface ge-0/0/[12]\.0 "),
                 (None, r"^set interfaces ge-0/0/47 unit 0 family ethernet-switching vlan "
                        r"members VOICE$"),
                 (None, r"^set class-of-service interfaces ge-0/0/[12] unit 0 classifiers "
                        r"dscp default$")],
    "vyos": [(None, r"^set .*VOIPREADY"), (None, r"^set system conntrack modules sip$"),
             # the two forward-filter rules that jump into the owned chains (docs/features.md)
             (None, r"^set firewall ipv4 forward filter rule [12] "),
             (None, r"^set system conntrack timeout "),
             (None, r"^set firewall global-options timeout "),
             (None, r"^set interfaces ethernet eth1 vif %s " % VOICE)],
}
TIMESTAMPS = re.compile(r"^(! Last configuration change at |! NVRAM config last updated |"
                        r"Current configuration : |Cryptochecksum:)")

#: FortiOS: entries owned as a whole, by section and a test on the entry's name and lines
FORTI_OWNED_ENTRIES = (
    (r"^firewall (address|addrgrp|service custom)$", lambda name, sets: name.startswith("VOIPREADY-")),
    (r"^firewall (policy|shaping-policy)$",
     lambda name, sets: any(s.startswith('set name "VOIPREADY-') for s in sets)),
    (r"^system interface$", lambda name, sets: name == "internal1.%s" % VOICE),
    (r"^system session-helper$", lambda name, sets: "set name sip" in sets),
)
#: FortiOS: sections owned whole (the session-ttl timers; the console setting netmiko
#: changes for its session and puts back) and set-lines owned by section
FORTI_OWNED_SECTIONS = (r"^system session-ttl$", r"^system console$")
FORTI_OWNED_LINES = (
    (r"^system settings$", r"^set (default-voip-alg-mode|sip-expectation|sip-nat-trace) "),
    (r"^system global$", r"^set udp-idle-timer "),
    (r"^firewall policy$", r"^set voip-profile "),
)


#: PAN-OS (set format): lines owned, and the voice unit taken out of member lists
PAN_OWNED = (r"^set (address|address-group|service|service-group) VOIPREADY-",
             r"^set rulebase security rules VOIPREADY-",
             r"^set shared (alg-override|override) application sip ",
             r"^set deviceconfig setting session timeout-(udp|tcp) ",
             r"^set network interface ethernet \S+ layer3 units \S+\.%s " % VOICE)
#: RouterOS (/export terse): entries owned by menu and a test on the line
ROS_OWNED = (r"^/ip firewall address-list add .*list=VOIPREADY",
             r"^/ip firewall filter add .*(chain=VOIPREADY-|comment=VOIPREADY:)",
             r"^/ip firewall mangle add .*comment=VOIPREADY:",
             r"^/(interface bridge vlan|interface vlan|ip address) add .*comment=VOIPREADY:",
             r"^/ip firewall service-port set sip ",
             r"^/ip firewall connection tracking set ")


def unrelated_panos(text):
    """``show config running`` in set format: owned lines cut, the voice unit taken out of
    the zone's and the virtual router's member lists (a list of one prints without [ ])."""
    out = []
    for line in text.splitlines():
        if not line.startswith("set ") or any(re.match(rx, line) for rx in PAN_OWNED):
            continue
        match = re.match(r"^(set (zone \S+ network layer3|network virtual-router \S+ interface) )"
                         r"(\[ (.*) \]|(\S+))$", line)
        if match:
            members = [m for m in (match.group(4) or match.group(5)).split()
                       if not m.endswith(".%s" % VOICE)]
            line = match.group(1) + (members[0] if len(members) == 1 else
                                     "[ %s ]" % " ".join(members))
        out.append(line)
    return "\n".join(out) + "\n"


def unrelated_routeros(text):
    """``/export terse``: the header comment (it carries the time) and owned entries cut; the
    voice VLAN's pvid on the phone ports is the data VLAN's (unchanged) and stays; the
    LLDP-MED voice VLAN word is taken out of the neighbor discovery settings (a settings
    line left with nothing else is dropped)."""
    out = [re.sub(r" lldp-med-net-policy-vlan=\S+", "", line) for line in text.splitlines()
           if line.startswith("/") and not any(re.match(rx, line) for rx in ROS_OWNED)]
    return "\n".join(line for line in out if not line.endswith(" set")) + "\n"


def unrelated_fortios(text):
    """FortiOS ``show``: sections (config ... end) and entries (edit ... next) by
    indentation, what the features own cut out, the rest printed back as it was."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out = []

    def block(index, section, entry):
        """Copy lines from ``index`` up to this block's closing line; returns the index
        after it. ``section``: the config path; ``entry``: True inside an edit."""
        while index < len(lines):
            line = lines[index]
            words = line.split()
            if words[0] in ("end", "next"):
                out.append(line)
                return index + 1
            if words[0] == "config":
                path = " ".join(words[1:]) if section is None else section + " " + " ".join(words[1:])
                start = len(out)
                out.append(line)
                index = block(index + 1, path, False)
                if section is None and any(re.match(rx, path) for rx in FORTI_OWNED_SECTIONS):
                    del out[start:]
                continue
            if words[0] == "edit":
                start = len(out)
                out.append(line)
                index = block(index + 1, section, True)
                name = line.split(None, 1)[1].strip().strip('"')
                sets = [ln.strip() for ln in out[start + 1:]]
                if any(re.match(rx, section or "") and owned(name, sets)
                       for rx, owned in FORTI_OWNED_ENTRIES):
                    del out[start:]
                continue
            if not any(re.match(srx, section or "") and re.match(lrx, line.strip())
                       for srx, lrx in FORTI_OWNED_LINES):
                out.append(line)
            index += 1
        return index

    block(0, None, False)
    return "\n".join(out) + "\n"


def _strip_voice(line):
    match = re.match(r"^(\s*switchport trunk allowed vlan )(\S+)$", line)
    if not match:
        return line
    kept = [v for v in match.group(2).split(",") if v != VOICE]
    return match.group(1) + ",".join(kept)


def unrelated(text, scenario):
    if scenario in ("fortios", "panos", "routeros"):
        return {"fortios": unrelated_fortios, "panos": unrelated_panos,
                "routeros": unrelated_routeros}[scenario](text)
    out, section, skipping = [], None, False
    for line in text.splitlines():
        if TIMESTAMPS.match(line):
            continue
        top = bool(line) and not line[0].isspace()
        if top:
            section = line
            skipping = any(re.match(rx, line) for rx in OWNED_SECTIONS[scenario])
            if skipping:
                continue
        elif skipping:
            continue
        stripped = line.strip()
        if any((sect is None and top or sect is not None and not top and section
                and re.match(sect, section)) and re.match(rx, stripped)
               for sect, rx in OWNED_LINES[scenario]):
            continue
        out.append(_strip_voice(line))
    collapsed = []
    for line in out:
        if line == "!" and collapsed and collapsed[-1] == "!":
            continue
        collapsed.append(line)
    return "\n".join(collapsed) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True, choices=sorted(OWNED_SECTIONS) + ["fortios", "panos", "routeros"])
    parser.add_argument("before")
    parser.add_argument("after")
    args = parser.parse_args()
    with open(args.before) as handle:
        before = unrelated(handle.read(), args.scenario)
    with open(args.after) as handle:
        after = unrelated(handle.read(), args.scenario)
    if before != after:
        sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                                   "before (unrelated)", "after (unrelated)"))
        return 1
    print("unrelated configuration byte-identical (%d lines)" % before.count("\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
