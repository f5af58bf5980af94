"""How often one engine run reads the running configuration (issue 15, "the engine reads once").

    .venv/bin/python benchmarks/parse_count.py [--platform ios] [--json]

One check-mode converge of a four-feature intent (allowlist, sip_alg, qos, timeouts) on
the platform's unit-test fixture (tests/unit/platforms/fixtures/<platform>/, IOS by
default), through the real engine (module_utils/engine.run) with a transport that
answers every show command with that text: no device, no network. It counts the calls,
during that one run, to

* ``text_reads``: the platform's reader of configuration text (READERS: IOS/ASA
  ``templates/ios_cli.parse_tree``, EOS ``eos.tree``, Junos ``junos.set_lines``, VyOS
  ``vyos.config_lines``, Linux ``linux.parse_state``), which every parse, remediation,
  view, rollback and simulation goes through. EOS's count also holds the hier_config
  trees of text the driver builds itself (the owned and wanted blocks its remediation
  compares, each command block its simulation replays), not reads of the device's;
* ``running_reads``: those of them that read the device's running configuration;
* ``parse``, ``remediate``, ``view``, ``simulate``: the driver's entry points.

The engine re-reading the same text is what issue 15 asks to bring down to one read per
step; the numbers are a count, not a time, so they do not depend on the machine's load.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLLECTIONS = os.path.join(ROOT, ".cache", "collections")
sys.path.insert(0, COLLECTIONS)

# The unit tests' link makes the checkout importable as ansible_collections.voipready.network.
LINK = os.path.join(COLLECTIONS, "ansible_collections", "voipready", "network")
if not os.path.exists(LINK):
    os.makedirs(os.path.dirname(LINK), exist_ok=True)
    os.symlink(os.path.join("..", "..", "..", ".."), LINK)

from ansible_collections.voipready.network.plugins.module_utils import engine, plan  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver  # noqa: E402
from ansible_collections.voipready.network.plugins.module_utils.platforms import (  # noqa: E402
    eos, junos, linux, vyos)
from ansible_collections.voipready.network.plugins.module_utils.platforms.templates import (  # noqa: E402
    ios_cli)

FIXTURES = os.path.join(ROOT, "tests", "unit", "platforms", "fixtures")
RULES = [
    {"id": "bench-sip-udp-5060", "service": "sip", "proto": "udp", "port_min": 5060,
     "port_max": 5060, "direction": "both", "addresses": ["203.0.113.10"], "dscp": 24},
    {"id": "bench-rtp-udp-10000-20000", "service": "rtp", "proto": "udp", "port_min": 10000,
     "port_max": 20000, "direction": "both", "addresses": ["203.0.113.0/28"], "dscp": 46},
]


def four_features(platform, inside, outside):
    """The run's intent, as a role user would give it (engine.Request validates it), on
    the fixture's inside and outside interfaces; QoS where the qos role puts it."""
    return {
        "allowlist": {"rules": RULES, "voice_networks": ["192.0.2.0/24"],
                      "essentials": {"dns": ["203.0.113.53"], "ntp": ["203.0.113.123"]},
                      "inside_interfaces": inside, "outside_interfaces": outside},
        "sip_alg": {"enabled": False},
        "qos": {"classes": [{"name": "VOICE-RTP", "dscp": 46, "matches": [
            {"proto": "udp", "port_min": 10000, "port_max": 20000}]}],
            "interfaces": plan.qos_interfaces(get_driver(platform), inside, outside)},
        "timeouts": {"udp": 60, "udp_stream": 600, "sip": 900, "keepalive_interval": 30},
    }


#: platform -> the run's features
FEATURES = dict((platform, four_features(platform, inside, outside)) for platform, inside, outside in (
    ("ios", ["GigabitEthernet0/1"], ["GigabitEthernet0/0"]),
    ("asa", ["inside"], ["outside"]),
    ("eos", ["Ethernet2"], ["Ethernet1"]),
    ("junos", ["ge-0/0/1.0"], ["ge-0/0/0.0"]),
    ("vyos", ["eth1"], ["eth0"]),
    ("linux", ["eth1"], ["eth0"])))
#: platform -> its fixture (tests/unit/platforms/fixtures/)
FIXTURE = dict((platform, os.path.join(platform, "running.conf")) for platform in FEATURES)
FIXTURE["linux"] = os.path.join("linux", "customer.running")
#: platform -> (module, name) of its reader of configuration text
READERS = {"ios": (ios_cli, "parse_tree"), "asa": (ios_cli, "parse_tree"),
           "eos": (eos, "tree"), "junos": (junos, "set_lines"),
           "vyos": (vyos, "config_lines"), "linux": (linux, "parse_state")}


class FixedTransport(object):
    """Answers every show command with one running configuration; refuses to push."""

    def __init__(self, running):
        self.running = running

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_command(self, command):
        return self.running

    def send_config(self, commands):
        raise AssertionError("a check-mode run pushed %r" % (commands,))


def counted(calls, name, function, running=None):
    def wrapper(*args, **kwargs):
        calls[name] += 1
        if running is not None and args[0] == running:
            calls["running_reads"] += 1
        return function(*args, **kwargs)
    return wrapper


def measure(platform="ios"):
    """{counter: calls} for one check-mode engine run on ``platform``."""
    with open(os.path.join(FIXTURES, FIXTURE[platform])) as handle:
        running = handle.read()
    calls = collections.Counter()
    driver_class = type(get_driver(platform))
    reader, reader_name = READERS[platform]
    saved = [(reader, reader_name, getattr(reader, reader_name)),
             (engine, "make_transport", engine.make_transport)]
    # the entry points wherever the driver inherits them from (wrapped on its own class,
    # removed again afterwards when the class did not define them itself)
    methods = [(name, driver_class.__dict__.get(name), getattr(driver_class, name))
               for name in ("parse", "remediate", "view", "simulate")]
    try:
        setattr(reader, reader_name, counted(calls, "text_reads", getattr(reader, reader_name),
                                             running))
        for name, _own, function in methods:
            setattr(driver_class, name, counted(calls, name, function))
        engine.make_transport = lambda driver, connection, kind: FixedTransport(running)
        with tempfile.TemporaryDirectory() as tmp:
            request = engine.Request(platform, FEATURES[platform], check_mode=True,
                                     connection={"host": "192.0.2.1", "name": "bench"},
                                     lock_dir=tmp, backup_dir=tmp)
            result = engine.run(request)
    finally:
        for owner, name, function in saved:
            setattr(owner, name, function)
        for name, own, _function in methods:
            if own is None:
                delattr(driver_class, name)
            else:
                setattr(driver_class, name, own)
    out = dict((name, calls[name]) for name in
               ("text_reads", "running_reads", "parse", "remediate", "view", "simulate"))
    out["features"] = sorted(FEATURES[platform])
    out["changed"] = result["changed"]
    out["commands"] = len(result["commands"])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", default="ios", choices=sorted(FEATURES))
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()
    counts = measure(args.platform)
    if args.json:
        print(json.dumps(counts, sort_keys=True))
        return
    print("%s check-mode run of %s: %d commands" % (
        args.platform, ", ".join(counts["features"]), counts["commands"]))
    for name in ("text_reads", "running_reads", "parse", "remediate", "view", "simulate"):
        print("  %-13s %3d" % (name, counts[name]))


if __name__ == "__main__":
    main()
