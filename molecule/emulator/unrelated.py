"""The configuration the collection does not own, before and after a converge, must be
byte-identical (Molecule scenarios ios, cat, eos on the emulated devices).

    unrelated.py --scenario ios|cat|eos BEFORE AFTER

Both texts are the device's own ``show running-config``. What the features own is cut out
of both (sections by header, lines by (section, line) patterns, the voice VLAN taken out of
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
}
TIMESTAMPS = re.compile(r"^(! Last configuration change at |! NVRAM config last updated |"
                        r"Current configuration : )")


def _strip_voice(line):
    match = re.match(r"^(\s*switchport trunk allowed vlan )(\S+)$", line)
    if not match:
        return line
    kept = [v for v in match.group(2).split(",") if v != VOICE]
    return match.group(1) + ",".join(kept)


def unrelated(text, scenario):
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
    parser.add_argument("--scenario", required=True, choices=sorted(OWNED_SECTIONS))
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
