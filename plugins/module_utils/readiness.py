# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Readiness checks: can this site reach the provider well enough for voice?

Plain Python (no Ansible import) so the module, the action plugin and the tests share
one implementation. The checks, each a record with the measured value, the limit, the
unit and pass/fail:

- ``dns``: every FQDN the catalog names for the provider resolves, and to an address
  the catalog lists for it (an SBC that moved is what breaks an address allowlist).
- ``reachable``, ``rtt``, ``jitter``, ``packet_loss``: probes towards each SBC,
  compared with the provider's quality targets from the catalog (``targets``).
- ``bandwidth``: planned concurrent calls x the catalog's per-call codec rate (the
  ``voice_bandwidth`` helper) against the link's capacity.
- ``sip_options``, ``stun``, ``nat_mapping``, ``nat_filtering`` (``voice_probes``, from a
  Linux probe host in the voice network, see ``voiceprobe``): SIP OPTIONS to each SBC over
  UDP, TCP and TLS (their round-trip times compared with the targets as well), a STUN
  binding to each STUN server, and the NAT's RFC 5780 mapping and filtering behaviour.

Where the probes run: from the device when the platform can ping over the collection's
transport (``DEVICE_PING``: the ``linux`` platform, iputils or BusyBox ``ping``),
otherwise from the controller with a TCP connect to the SBC's SIP port (no raw socket
and no ping binary needed; a refused connection still is a round trip).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re
import shlex
import socket
import time

from ansible_collections.voipready.network.plugins.module_utils import bandwidth as bandwidth_mod
from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_mod
from ansible_collections.voipready.network.plugins.module_utils import voiceprobe
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

# -- ping output, parsed by patterns kept as data ------------------------------------------
# iputils-ping (Debian, RHEL) and BusyBox ping (OpenWrt, Alpine, many appliances' shells).
PING_PATTERNS = {
    # "64 bytes from 203.0.113.10: icmp_seq=1 ttl=64 time=0.061 ms" (BusyBox: "seq=0")
    "reply": re.compile(r"bytes from (?P<address>[0-9A-Fa-f.:]+?):? .*?\b(?:icmp_)?seq=(?P<seq>\d+)"
                        r".*?\btime[=<](?P<time>[\d.]+) ?ms"),
    # "5 packets transmitted, 4 received, 20% packet loss, time 803ms"
    # BusyBox: "5 packets transmitted, 5 packets received, 0% packet loss"
    "summary": re.compile(r"(?P<sent>\d+) packets transmitted, (?P<received>\d+) (?:packets )?received"),
    # "rtt min/avg/max/mdev = 0.045/0.061/0.080/0.012 ms" (BusyBox: "round-trip min/avg/max = ...")
    "rtt": re.compile(r"(?:rtt|round-trip) min/avg/max(?:/mdev)? = (?P<min>[\d.]+)/(?P<avg>[\d.]+)/"
                      r"(?P<max>[\d.]+)(?:/(?P<mdev>[\d.]+))? ms"),
    # What ping prints when it cannot even start: unknown host, no route, bad option.
    "error": re.compile(r"(unknown host|Name or service not known|bad address|Network is unreachable|"
                        r"invalid argument|usage:|not found|Operation not permitted)", re.I),
}

# Platforms whose device can ping towards the provider over the collection's transport,
# and the command that does it. Other platforms are probed from the controller.
DEVICE_PING = {
    "linux": "ping -n -c {count} -i {interval} -W {wait} {address}",
}
# Resolving names on the device: getent reads the device's own resolver configuration
# (/etc/hosts, resolv.conf), which is what its allowlist's FQDN objects would use.
DEVICE_RESOLVE = {
    "linux": "for n in {names}; do echo \"== $n\"; getent ahosts \"$n\" || echo \"!! $n\"; done",
}

# Catalog target metrics a probe measures, and the measurement field each one reads.
MEASURED = {"rtt": "rtt_avg_ms", "jitter": "jitter_ms", "packet_loss": "loss_pct"}
CHECK_ORDER = ("dns", "reachable", "sip_options", "rtt", "jitter", "packet_loss", "stun", "nat_mapping",
               "nat_filtering", "bandwidth")
# NAT behaviours (RFC 5780) a voice path can live with: the provider learns the phone's
# address from signalling or STUN and sends media there (Cloudoe: full cone / endpoint
# independent; symmetric NAT "risks blocked media or one-way audio").
GOOD_MAPPING = ("endpoint-independent",)
GOOD_FILTERING = ("endpoint-independent",)


def _ms(value):
    return None if value is None else round(float(value), 3)


def parse_ping(text, address=None):
    """Sent, received, loss (%), RTT min/avg/max and jitter (ms) from one ping run.

    Jitter is the mean absolute difference between consecutive replies' round-trip
    times (RFC 3550's interarrival difference D(i-1, i), unsmoothed), which is what a
    voice stream feels; with per-reply lines missing it falls back to ping's mdev.
    """
    text = text or ""
    summary = PING_PATTERNS["summary"].search(text)
    if not summary:
        error = PING_PATTERNS["error"].search(text)
        first = (text.strip().splitlines() or [""])[0]
        raise VoipReadyError("ping to %s produced no summary line%s: %r" % (
            address or "the address", " (%s)" % error.group(1) if error else "", first[:200]),
            "ping_output", first[:200])
    sent, received = int(summary.group("sent")), int(summary.group("received"))
    replies = {}
    for match in PING_PATTERNS["reply"].finditer(text):
        replies.setdefault(int(match.group("seq")), float(match.group("time")))  # DUP! replies ignored
    rtts = [replies[seq] for seq in sorted(replies)]
    rtt = PING_PATTERNS["rtt"].search(text)
    out = {
        "sent": sent,
        "received": received,
        "loss_pct": _ms(100.0 * (sent - received) / sent) if sent else None,
        "rtts_ms": [_ms(value) for value in rtts],
        "rtt_min_ms": None, "rtt_avg_ms": None, "rtt_max_ms": None, "jitter_ms": None,
    }
    if rtt:
        out.update(rtt_min_ms=_ms(rtt.group("min")), rtt_avg_ms=_ms(rtt.group("avg")),
                   rtt_max_ms=_ms(rtt.group("max")))
    elif rtts:
        out.update(rtt_min_ms=_ms(min(rtts)), rtt_avg_ms=_ms(sum(rtts) / len(rtts)), rtt_max_ms=_ms(max(rtts)))
    out["jitter_ms"] = jitter(rtts)
    if out["jitter_ms"] is None and rtt and rtt.group("mdev") is not None and received > 1:
        out["jitter_ms"] = _ms(rtt.group("mdev"))
    return out


def jitter(rtts):
    """Mean |rtt[i] - rtt[i-1]| in ms; None with fewer than two samples."""
    if len(rtts) < 2:
        return None
    return _ms(sum(abs(b - a) for a, b in zip(rtts, rtts[1:])) / (len(rtts) - 1))


def measurement_from_samples(samples):
    """The same record as parse_ping from a list of per-probe times (None = lost)."""
    rtts = [value for value in samples if value is not None]
    sent, received = len(samples), len(rtts)
    return {
        "sent": sent,
        "received": received,
        "loss_pct": _ms(100.0 * (sent - received) / sent) if sent else None,
        "rtts_ms": [_ms(value) for value in rtts],
        "rtt_min_ms": _ms(min(rtts)) if rtts else None,
        "rtt_avg_ms": _ms(sum(rtts) / len(rtts)) if rtts else None,
        "rtt_max_ms": _ms(max(rtts)) if rtts else None,
        "jitter_ms": jitter(rtts),
    }


def parse_getent(text):
    """{name: [addresses]} from DEVICE_RESOLVE output ("== name" headers, "!! name" misses)."""
    out, name = {}, None
    for line in (text or "").splitlines():
        line = line.strip()
        if line.startswith("== "):
            name = line[3:].strip()
            out.setdefault(name, [])
        elif line.startswith("!! "):
            out[line[3:].strip()] = []
            name = None
        elif name and line:
            candidate = line.split()[0]
            try:
                ipaddress.ip_address(candidate)
            except ValueError:
                continue
            if candidate not in out[name]:
                out[name].append(candidate)
    return dict((key, _sorted_addresses(value)) for key, value in out.items())


def _sorted_addresses(values):
    return sorted(set(values), key=lambda a: (ipaddress.ip_address(a).version, ipaddress.ip_address(a)))


# -- probes ------------------------------------------------------------------------------------
def tcp_probe(address, port, count=10, interval=0.2, timeout=1.0, clock=time.monotonic, sleep=time.sleep):
    """Round-trip times (ms) of ``count`` TCP connects; None for a probe that got no answer.

    A SYN answered by SYN-ACK or by RST (connection refused) is a round trip; a timeout
    or an unreachable network is a loss.
    """
    samples = []
    for index in range(count):
        if index:
            sleep(interval)
        start = clock()
        try:
            sock = socket.create_connection((address, port), timeout=timeout)
        except ConnectionRefusedError:
            samples.append((clock() - start) * 1000.0)
            continue
        except (socket.timeout, OSError):
            samples.append(None)
            continue
        samples.append((clock() - start) * 1000.0)
        sock.close()
    return samples


def controller_resolver(name):
    """Addresses the controller's resolver returns for ``name`` ([] when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(name, None)
    except (socket.gaierror, UnicodeError):
        return []
    return _sorted_addresses(info[4][0] for info in infos)


# -- what to measure, from the catalog -------------------------------------------------------
def select_targets(profile, connections=None):
    """(targets to compare, targets no probe measures) for the chosen target connections.

    A provider may give targets for several connections (Kore: client, edge, phone
    calls). Towards the SBCs one of them applies; with more than one measurable
    connection the caller must name it, so a default never silently picks the wrong one.
    """
    targets = profile.get("targets") or []
    measurable = [t for t in targets if t["metric"] in MEASURED]
    valid = sorted(set(t["connection"] for t in measurable))
    if connections is None or connections == []:
        if len(valid) > 1:
            raise VoipReadyError(
                "provider %r gives quality targets for several connections (%s); name the ones that "
                "apply to the SBCs in target_connections" % (profile["provider"], ", ".join(valid)),
                "target_connections", None)
        chosen = set(valid)
    else:
        for name in connections:
            if name not in valid:
                raise VoipReadyError("target_connections: %r is not a connection with measurable targets "
                                     "of provider %r; valid: %s" % (name, profile["provider"], ", ".join(valid) or "none"),
                                     "target_connections", name)
        chosen = set(connections)
    selected = [t for t in measurable if t["connection"] in chosen]
    unmeasured = [t for t in targets if t not in selected]
    return selected, unmeasured


def sbc_addresses(rules, services):
    """Single addresses of the rules' services (networks cannot be probed; listed apart)."""
    hosts, networks = set(), set()
    for rule in rules:
        if rule["service"] not in services:
            continue
        for value in rule["addresses"]:
            network = ipaddress.ip_network(value, strict=False)
            if network.num_addresses == 1:
                hosts.add(str(network.network_address))
            else:
                networks.add(str(network))
    return _sorted_addresses(hosts), sorted(networks)


def tcp_port_for(rules, address, services):
    """The lowest TCP port the catalog lists for ``address`` in ``services``; 5060 otherwise
    (an RTP-only address has no TCP port: a RST from 5060 still is a round trip)."""
    ports = [r["port_min"] for r in rules if r["service"] in services and r["proto"] == "tcp"
             and any(ipaddress.ip_address(address) in ipaddress.ip_network(a, strict=False)
                     for a in r["addresses"])]
    return min(ports) if ports else 5060


def catalog_fqdns(rules):
    """{fqdn: [addresses the catalog lists beside it]} for every name that is not a wildcard."""
    out = {}
    for rule in rules:
        for name in rule["fqdns"]:
            if name.startswith("*"):
                continue
            out.setdefault(name, set()).update(rule["addresses"])
    return dict((name, sorted(addresses)) for name, addresses in sorted(out.items()))


# -- comparison --------------------------------------------------------------------------------
def evaluate(address, measurement, targets):
    """Checks for one probed address: reachable, then one per selected target.

    A target passes when the measured value is below the catalog's max (the providers
    write "RTT < 300 ms", "< 1,5 %"). A value that could not be measured (no replies:
    no RTT; fewer than two replies: no jitter) fails: an unreachable SBC is not ready.
    """
    checks = [{
        "check": "reachable", "target": address, "value": measurement["received"], "limit": 0,
        "unit": "replies", "comparison": ">", "passed": measurement["received"] > 0,
        "reason": "%d of %d probes answered" % (measurement["received"], measurement["sent"]),
    }]
    for target in targets:
        value = measurement.get(MEASURED[target["metric"]])
        passed = value is not None and value < target["max"]
        if value is None:
            reason = "not measurable: %d of %d probes answered" % (measurement["received"], measurement["sent"])
        else:
            reason = "%s %s %s %s %s" % (target["metric"], _fmt(value), target["unit"],
                                         "<" if passed else ">=", "%s %s" % (_fmt(target["max"]), target["unit"]))
        check = {"check": target["metric"], "target": address, "value": value, "limit": target["max"],
                 "unit": target["unit"], "comparison": "<", "passed": passed, "reason": reason,
                 "connection": target["connection"], "source": target["source"]}
        checks.append(check)
    return checks


def _fmt(value):
    return ("%.3f" % value).rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def dns_checks(expected, resolved, match_catalog=True):
    """One check per FQDN: it resolves, and (match_catalog) to an address the catalog lists."""
    checks = []
    for name in sorted(expected):
        got = resolved.get(name) or []
        listed = expected[name]
        in_catalog = [a for a in got if any(ipaddress.ip_address(a) in ipaddress.ip_network(n, strict=False)
                                            for n in listed)]
        if not got:
            passed, reason = False, "does not resolve"
        elif match_catalog and listed and not in_catalog:
            passed, reason = False, "resolves to %s, none of which the catalog lists (%s)" % (
                ", ".join(got), ", ".join(listed))
        else:
            passed, reason = True, "resolves to %s" % ", ".join(got)
        checks.append({"check": "dns", "target": name, "value": got, "limit": listed, "unit": "addresses",
                       "comparison": "in" if match_catalog else "resolves", "passed": passed, "reason": reason})
    return checks


def bandwidth_check(catalog, provider, calls, link_kbps, codec=None, media="audio", headroom=None,
                    per_call_kbps=None, basis="max"):
    """Planned calls x per-call rate (+ signalling, + headroom) against the link, per direction."""
    if isinstance(link_kbps, bool) or not isinstance(link_kbps, (int, float)) or link_kbps <= 0:
        raise VoipReadyError("link_kbps: %r is not a positive number of kbps" % (link_kbps,), "link_kbps", link_kbps)
    if basis not in ("min", "max"):
        raise VoipReadyError("bandwidth_basis: %r is not min or max" % (basis,), "bandwidth_basis", basis)
    figures = bandwidth_mod.voice_bandwidth(
        calls, provider=provider, codec=codec, media=media,
        headroom=bandwidth_mod.DEFAULT_HEADROOM if headroom is None else headroom,
        per_call_kbps=per_call_kbps, catalog=catalog)
    need = figures["total_kbps_%s" % basis]
    passed = need <= link_kbps
    return {"check": "bandwidth", "target": "link", "value": need, "limit": link_kbps, "unit": "kbps",
            "comparison": "<=", "passed": passed, "detail": figures,
            "reason": "%d calls need %s kbps per direction (%s), link has %s kbps" % (
                figures["calls"], _fmt(need), basis, _fmt(link_kbps))}


# -- the whole run -----------------------------------------------------------------------------
def _positive(params, name, kind=float, maximum=None):
    value = params.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0 or \
            (maximum is not None and value > maximum):
        raise VoipReadyError("%s: %r must be a number above 0%s" % (
            name, value, " and at most %s" % maximum if maximum else ""), name, value)
    return kind(value)


def plan(params, catalog=None):
    """Validate the parameters and work out what to probe and compare, without probing."""
    catalog = catalog if catalog is not None else catalog_mod.load_catalog(params.get("catalog_dirs") or [])
    provider = params["provider"]
    profile = catalog_mod.provider_profile(catalog, provider)
    rules = catalog_mod.provider_rules(catalog, provider, region=params.get("region"),
                                       profile=params.get("profile"), inputs=params.get("inputs") or {})
    # Default: every service of the scope that lists addresses (SIP, RTP, WebRTC...).
    services = params.get("services") or sorted(profile["services"])
    valid_services = sorted(profile["services"])
    for service in services:
        if service not in valid_services:
            raise VoipReadyError("services: unknown service %r of provider %r; valid services: %s"
                                 % (service, provider, ", ".join(valid_services)), "services", service)
    targets, unmeasured = select_targets(profile, params.get("target_connections"))
    if params.get("addresses"):
        addresses = []
        for value in params["addresses"]:
            try:
                addresses.append(str(ipaddress.ip_address(value)))
            except ValueError:
                raise VoipReadyError("addresses: %r is not an IP address" % (value,), "addresses", value)
        addresses, networks = _sorted_addresses(addresses), []
    else:
        addresses, networks = sbc_addresses(rules, services)
    fqdns = catalog_fqdns(rules) if params.get("dns", True) else {}
    if params.get("fqdns") is not None:
        fqdns = dict((name, fqdns.get(name, [])) for name in params["fqdns"])
    platform = params.get("platform")
    measure_from = params.get("measure_from") or "auto"
    probe = params.get("probe") or "auto"
    if measure_from == "auto":
        measure_from = "device" if platform in DEVICE_PING and probe in ("auto", "icmp") else "controller"
    if measure_from == "device":
        if platform not in DEVICE_PING:
            raise VoipReadyError("measure_from=device: platform %r cannot ping over this collection's transport; "
                                 "platforms that can: %s (use measure_from=controller)"
                                 % (platform, ", ".join(sorted(DEVICE_PING))), "measure_from", "device")
        if probe == "tcp":
            raise VoipReadyError("probe=tcp runs from the controller only; use probe=icmp or measure_from=controller",
                                 "probe", probe)
        probe = "icmp"
    elif probe == "auto":
        probe = "tcp"
    voice = bool(params.get("voice_probes"))
    if voice and platform not in DEVICE_PING:
        raise VoipReadyError("voice_probes: the probes run on a Linux probe host in the voice network "
                             "(platform linux), not on platform %r; name such a host (docs/readiness.md)"
                             % (platform,), "voice_probes", True)
    nat_filtering = params.get("nat_filtering") or "report"
    if nat_filtering not in ("report", "endpoint-independent"):
        raise VoipReadyError("nat_filtering: %r is not report or endpoint-independent" % (nat_filtering,),
                             "nat_filtering", nat_filtering)
    calls = params.get("calls")
    if calls is not None and params.get("link_kbps") is None:
        raise VoipReadyError("calls is set but link_kbps is not: the bandwidth check needs the link's kbps",
                             "link_kbps", None)
    return {
        "catalog": catalog, "provider": provider, "region": params.get("region"), "rules": rules,
        "services": services, "targets": targets, "unmeasured": unmeasured, "addresses": addresses,
        "networks": networks, "fqdns": fqdns, "measure_from": measure_from, "probe": probe,
        "dns_from": params.get("dns_from") or ("device" if measure_from == "device" else "controller"),
        "count": int(_positive(params, "count", int, 100)), "interval": _positive(params, "interval", float, 10),
        "wait": _positive(params, "probe_timeout", float, 30),
        "quality": params.get("quality_probes", True) is not False,
        "voice": voice, "nat_filtering": nat_filtering, "guidance": nat_guidance(profile),
        "sip_targets": voiceprobe.sip_targets(rules) if voice else [],
        "stun_targets": stun_targets(rules) if voice and params.get("stun", True) is not False else [],
    }


def stun_targets(rules):
    """(address, port) of the catalog's STUN servers: UDP rules of a service whose name says
    stun (the catalogs' ``stun-turn``), single addresses, the rule's lowest port."""
    out = set()
    for rule in rules:
        if "stun" not in (rule["service"] or "") or rule["proto"] != "udp":
            continue
        for value in rule["addresses"]:
            network = ipaddress.ip_network(value, strict=False)
            if network.num_addresses == 1:
                out.add((str(network.network_address), rule["port_min"]))
    return sorted(out, key=lambda t: (ipaddress.ip_address(t[0]), t[1]))


def nat_guidance(profile):
    """The provider's own words about NAT (catalog guidance, topic nat), for the report."""
    return [dict(text=g["text"], source=g.get("source")) for g in profile.get("guidance") or []
            if g.get("topic") == "nat"]


class DeviceSession(object):
    """Commands on the device over the collection's netmiko transport (one login per run)."""

    def __init__(self, platform, connection):
        from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
        from ansible_collections.voipready.network.plugins.module_utils.transport import make_transport
        self.platform = platform
        self.transport = make_transport(get_driver(platform), connection, "netmiko")

    def __enter__(self):
        self.transport.open()
        return self

    def __exit__(self, *exc):
        self.transport.close()

    def ping(self, address, count, interval, wait):
        command = DEVICE_PING[self.platform].format(count=count, interval=interval, wait=int(max(1, wait)),
                                                    address=shlex.quote(address))
        return self.transport.send_command(command, read_timeout=int(count * (interval + wait)) + 30)

    def command(self, command, read_timeout=60):
        """A voice probe's command on the probe host (voiceprobe builds them)."""
        return self.transport.send_command(command, read_timeout=int(read_timeout))

    def resolve(self, names):
        if not names:
            return {}
        command = DEVICE_RESOLVE[self.platform].format(names=" ".join(shlex.quote(n) for n in names))
        return parse_getent(self.transport.send_command(command, read_timeout=30 + 5 * len(names)))


def run(params, session_factory=None, resolver=None, prober=None):
    """Measure, compare, and return the module result (``changed`` is always false).

    ``session_factory(platform, connection)``, ``resolver(name)`` and ``prober(address,
    port, count, interval, timeout)`` are injectable so tests can run every step without
    a device; the defaults are DeviceSession, controller_resolver and tcp_probe.
    """
    todo = plan(params)
    session_factory = session_factory or DeviceSession
    resolver = resolver or controller_resolver
    prober = prober or tcp_probe
    measurements, checks = {}, []
    needs_device = (todo["measure_from"] == "device" and todo["quality"]) or \
        (todo["dns_from"] == "device" and todo["fqdns"]) or todo["voice"]
    session = None
    if needs_device:
        if params.get("platform") not in DEVICE_RESOLVE:
            raise VoipReadyError("dns_from=device: platform %r cannot resolve names over this collection's "
                                 "transport; use dns_from=controller" % params.get("platform"),
                                 "dns_from", "device")
        session = session_factory(params["platform"], params.get("connection") or {})
    try:
        if session is not None:
            session.__enter__()
        resolved = {}
        if todo["fqdns"]:
            if todo["dns_from"] == "device":
                resolved = session.resolve(sorted(todo["fqdns"]))
            else:
                resolved = dict((name, resolver(name)) for name in sorted(todo["fqdns"]))
            checks.extend(dns_checks(todo["fqdns"], resolved, params.get("dns_match_catalog", True)))
        for address in (todo["addresses"] if todo["quality"] else []):
            if todo["measure_from"] == "device":
                output = session.ping(address, todo["count"], todo["interval"], todo["wait"])
                measurement = parse_ping(output, address)
                measurement["probe"] = "icmp"
            else:
                port = params.get("tcp_port") or tcp_port_for(todo["rules"], address, todo["services"])
                measurement = measurement_from_samples(
                    prober(address, port, todo["count"], todo["interval"], todo["wait"]))
                measurement["probe"] = "tcp/%d" % port
            measurements[address] = measurement
            checks.extend(evaluate(address, measurement, todo["targets"]))
        voice = voice_probes(session, todo, params) if todo["voice"] else None
        if voice:
            checks.extend(voice.pop("checks"))
    finally:
        if session is not None:
            session.__exit__(None, None, None)
    if params.get("calls") is not None:
        checks.append(bandwidth_check(
            todo["catalog"], todo["provider"], params["calls"], params["link_kbps"], codec=params.get("codec"),
            media=params.get("media") or "audio", headroom=params.get("headroom"),
            per_call_kbps=params.get("per_call_kbps"), basis=params.get("bandwidth_basis") or "max"))
    checks.sort(key=lambda c: (CHECK_ORDER.index(c["check"]), str(c["target"])))
    missed = ["%s %s: %s" % (c["check"], c["target"], c["reason"]) for c in checks if not c["passed"]]
    return {
        "changed": False,
        "provider": todo["provider"],
        "region": todo["region"],
        "measured_from": todo["measure_from"],
        "dns_from": todo["dns_from"] if todo["fqdns"] else None,
        "probe": todo["probe"],
        "addresses": todo["addresses"] if todo["quality"] else [],
        "skipped_networks": todo["networks"],
        "measurements": measurements,
        "checks": checks,
        "passed": not missed,
        "missed": missed,
        "targets": todo["targets"],
        "unmeasured_targets": todo["unmeasured"],
        "voice": voice,
    }


# -- voice probes from the probe host (issue 13) ---------------------------------------------
def voice_probes(session, todo, params):
    """SIP OPTIONS, STUN bindings and NAT behaviour discovery on the probe host: the voice
    section of the result, its ``checks`` included (taken out by the caller)."""
    out = {"sip_options": [], "stun": [], "nat": None, "checks": []}
    checks = out["checks"]
    if todo["sip_targets"]:
        command = voiceprobe.sip_options_command(todo["sip_targets"], todo["count"], todo["interval"],
                                                 todo["wait"], params.get("sip_tls_verify", True))
        budget = len(todo["sip_targets"]) * (todo["count"] * (todo["interval"] + todo["wait"]) + todo["wait"]) + 30
        found, other = voiceprobe.parse_sip_options(session.command(command, read_timeout=budget))
        if not found:
            raise VoipReadyError("the SIP OPTIONS probe printed no result on the probe host (it runs "
                                 "python3 there): %s" % ("; ".join(other[-3:]) or "no output"),
                                 "voice_probes", (other[-1] if other else "")[:200])
        for record in found:
            label = "%s %s/%d" % (record["address"], record["transport"], record["port"])
            measurement = measurement_from_samples(record["samples"])
            measurement.update(target=label, codes=record["codes"], server=record["server"],
                               error=record["error"], probe="sip-options/%s" % record["transport"])
            out["sip_options"].append(measurement)
            checks.append(_sip_check(label, measurement))
            checks.extend(c for c in evaluate(label, measurement, todo["targets"]) if c["check"] != "reachable")
    rfc5780 = None
    for address, port in todo["stun_targets"]:
        text = session.command(voiceprobe.stunclient_command(address, port), read_timeout=40)
        got = voiceprobe.parse_stunclient(text)
        label = "%s udp/%d" % (address, port)
        missing = voiceprobe.rc_of(text) == 127
        record = {"target": label, "reflexive": _hostport(got["reflexive"]), "other": _hostport(got["other"]),
                  "origin": _hostport(got["origin"]), "rc": voiceprobe.rc_of(text)}
        out["stun"].append(record)
        if missing:
            reason = "not measured: turnutils_stunclient is not on the probe host (coturn's clients, " \
                     "Debian/Ubuntu package coturn)"
        elif got["reflexive"]:
            reason = "binding answered: the NAT maps the probe host to %s" % record["reflexive"]
            if got["other"] and rfc5780 is None:
                rfc5780 = (address, port)
        else:
            reason = "no STUN answer from %s (blocked on the way, or no STUN server there)" % label
        checks.append({"check": "stun", "target": label, "value": record["reflexive"], "limit": "a binding response",
                       "unit": "reflexive address", "comparison": "answered", "passed": bool(got["reflexive"]),
                       "reason": reason})
    if todo["stun_targets"]:
        out["nat"] = nat_discovery(session, todo, rfc5780, checks)
    return out


def _hostport(pair):
    return None if not pair else "%s:%d" % pair


def _sip_check(label, measurement):
    codes = measurement["codes"]
    passed = any(200 <= code < 300 for code in codes)
    if measurement["error"]:
        reason = "no answer: %s" % measurement["error"]
    elif not codes:
        reason = "no answer to %d OPTIONS" % measurement["sent"]
    else:
        reason = "answered %s to %d of %d OPTIONS, round trip %s ms%s" % (
            "/".join(str(c) for c in sorted(set(codes))), measurement["received"], measurement["sent"],
            _fmt(measurement["rtt_avg_ms"]), " (%s)" % measurement["server"] if measurement["server"] else "")
    return {"check": "sip_options", "target": label, "value": codes[-1] if codes else None, "limit": "2xx",
            "unit": "SIP response", "comparison": "in", "passed": passed, "reason": reason}


def nat_discovery(session, todo, server, checks):
    """RFC 5780 behaviour discovery against SERVER (a STUN server that told its other
    address); the nat_mapping and nat_filtering checks go into CHECKS."""
    report = {"server": None, "mapping": None, "filtering": None, "guidance": todo["guidance"]}
    if server is None:
        checks.append({"check": "nat_mapping", "target": "nat", "value": None, "limit": GOOD_MAPPING[0],
                       "unit": "RFC 5780 mapping", "comparison": "is", "passed": False,
                       "reason": "not measured: no STUN server of the catalog answered with an OTHER-ADDRESS "
                                 "(RFC 5780 behaviour discovery needs one)"})
        return report
    text = session.command(voiceprobe.natdiscovery_command(*server), read_timeout=90)
    found = voiceprobe.nat_behaviour(text)
    report.update(found, server="%s udp/%d" % server)
    said = "turnutils_natdiscovery: %s" % (found["mapping_said"] or "no result")
    mapping = found["mapping"]
    if found["no_nat"]:
        passed, reason = True, "no NAT between the probe host and the STUN server (%s)" % said
    elif mapping in GOOD_MAPPING:
        passed, reason = True, "%s mapping (%s)" % (mapping, said)
    elif mapping is None:
        passed, reason = False, "not measured: %s" % said
    else:
        passed = False
        reason = ("%s mapping: a symmetric NAT gives each destination its own public port, so media "
                  "sent to the address learnt from signalling or STUN may not arrive (one-way audio); "
                  "the provider needs endpoint-independent mapping (%s)" % (mapping, said))
        if found["mapping_unanswered"]:
            reason += "; %d discovery test(s) unanswered: the STUN server's alternative address or port " \
                      "is not open on the way" % found["mapping_unanswered"]
    checks.append({"check": "nat_mapping", "target": report["server"], "value": "no-nat" if found["no_nat"] else mapping,
                   "limit": GOOD_MAPPING[0], "unit": "RFC 5780 mapping", "comparison": "is", "passed": passed,
                   "reason": reason})
    filtering = found["filtering"]
    said = "turnutils_natdiscovery: %s" % (found["filtering_said"] or "no result")
    good = filtering in GOOD_FILTERING or found["no_nat"]
    advice = "; the provider says: %s" % todo["guidance"][0]["text"] if todo["guidance"] else ""
    if todo["nat_filtering"] == "report":
        passed = True
        reason = "%s filtering, reported only (nat_filtering=report): %s%s" % (filtering or "unknown", said, advice)
    else:
        passed = good
        reason = "%s filtering, %s endpoint-independent (%s)%s" % (
            filtering or "unknown", "is" if good else "is not", said, advice)
    checks.append({"check": "nat_filtering", "target": report["server"], "value": filtering,
                   "limit": "endpoint-independent" if todo["nat_filtering"] != "report" else "reported",
                   "unit": "RFC 5780 filtering", "comparison": "is", "passed": passed, "reason": reason})
    return report


def argument_spec():
    """The module's options (shared by the module and its action plugin)."""
    from ansible_collections.voipready.network.plugins.module_utils.intent import PLATFORMS
    from ansible_collections.voipready.network.plugins.module_utils.runner import CONNECTION_SPEC
    return dict(
        provider=dict(type="str", required=True),
        region=dict(type="str"),
        profile=dict(type="str"),
        inputs=dict(type="dict", default={}),
        catalog_dirs=dict(type="list", elements="path", default=[]),
        services=dict(type="list", elements="str"),
        addresses=dict(type="list", elements="str"),
        dns=dict(type="bool", default=True),
        fqdns=dict(type="list", elements="str"),
        dns_match_catalog=dict(type="bool", default=True),
        dns_from=dict(type="str", choices=["device", "controller"]),
        target_connections=dict(type="list", elements="str"),
        measure_from=dict(type="str", default="auto", choices=["auto", "device", "controller"]),
        probe=dict(type="str", default="auto", choices=["auto", "icmp", "tcp"]),
        count=dict(type="int", default=10),
        interval=dict(type="float", default=0.2),
        probe_timeout=dict(type="float", default=1.0),
        tcp_port=dict(type="int"),
        calls=dict(type="int"),
        link_kbps=dict(type="float"),
        codec=dict(type="str"),
        media=dict(type="str", default="audio"),
        headroom=dict(type="float", default=bandwidth_mod.DEFAULT_HEADROOM),
        per_call_kbps=dict(type="raw"),
        bandwidth_basis=dict(type="str", default="max", choices=["min", "max"]),
        fail_on_miss=dict(type="bool", default=True),
        quality_probes=dict(type="bool", default=True),
        voice_probes=dict(type="bool", default=False),
        sip_tls_verify=dict(type="bool", default=True),
        stun=dict(type="bool", default=True),
        nat_filtering=dict(type="str", default="report", choices=["report", "endpoint-independent"]),
        platform=dict(type="str", choices=list(PLATFORMS)),
        connection=dict(type="dict", options=CONNECTION_SPEC),
    )


def execute(params, session_factory=None, resolver=None, prober=None):
    """(result, error message): a known error or, with fail_on_miss, a missed target."""
    try:
        result = run(params, session_factory=session_factory, resolver=resolver, prober=prober)
    except VoipReadyError as exc:
        value = exc.value if isinstance(exc.value, (str, int, float, bool, list, dict, type(None))) else str(exc.value)
        return {"changed": False, "field": exc.field, "value": value}, str(exc)
    if result["missed"] and params.get("fail_on_miss", True):
        return result, "readiness targets missed: %s" % "; ".join(result["missed"])
    return result, None
