# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Voice probes from a probe host in the voice network (issue 13): what a phone's own kind
of traffic meets on its way through the edge.

Plain Python, no Ansible and no other module of the collection imported (lab/labvoice.py
loads this file by path to read the same programs' output in the lab tests).

- SIP OPTIONS to each SBC over UDP, TCP and TLS: a small Python 3 script the collection
  brings along (``SIP_OPTIONS_SCRIPT``, run as ``python3 -`` on the probe host; standard
  library only): response code, round-trip time per request, the server's name.
- STUN binding: coturn's ``turnutils_stunclient`` (Debian/Ubuntu package ``coturn``) on the
  probe host: the reflexive address the NAT mapped the probe host to, and (RFC 5780) the
  server's other address.
- NAT behaviour discovery (RFC 5780, mapping and filtering): coturn's
  ``turnutils_natdiscovery -m -f``, against a STUN server that offers it (two addresses).

Nothing here compiles or installs anything; a probe host without the coturn clients gets
the SIP checks and a clear "not measured" for STUN.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import json
import re
import shlex

# -- SIP OPTIONS ------------------------------------------------------------------------------
# argv[1]: JSON {"targets": [{"address", "port", "transport"}], "count", "interval",
# "timeout", "tls_verify"}; one JSON line per target on stdout.
SIP_OPTIONS_SCRIPT = r'''
import json, os, socket, ssl, sys, time
cfg = json.loads(sys.argv[1])


def request(t, lip, lport, seq):
    via = {"udp": "UDP", "tcp": "TCP", "tls": "TLS"}[t["transport"]]
    host = "%s:%d" % (t["address"], t["port"])
    return ("OPTIONS sip:%s;transport=%s SIP/2.0\r\n"
            "Via: SIP/2.0/%s %s:%d;branch=z9hG4bK-vr-%d-%d;rport\r\n"
            "Max-Forwards: 70\r\nFrom: <sip:readiness@%s>;tag=vr%d\r\nTo: <sip:%s>\r\n"
            "Call-ID: vr-%d-%s@%s\r\nCSeq: %d OPTIONS\r\n"
            "Contact: <sip:readiness@%s:%d;transport=%s>\r\nAccept: application/sdp\r\n"
            "User-Agent: voipready.network readiness\r\nContent-Length: 0\r\n\r\n" % (
                host, t["transport"], via, lip, lport, os.getpid(), seq, lip, os.getpid(), host,
                os.getpid(), t["transport"], lip, seq, lip, lport, t["transport"])).encode()


def read_stream(sock, pending):
    """One message from a stream: the head, then Content-Length bytes of body; what
    follows stays in PENDING[0] for the next read."""
    while b"\r\n\r\n" not in pending[0]:
        chunk = sock.recv(4096)
        if not chunk:
            break
        pending[0] += chunk
    head, sep, rest = pending[0].partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        key, _sep, value = line.partition(b":")
        if key.strip().lower() in (b"content-length", b"l") and value.strip().isdigit():
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(4096)
        if not chunk:
            break
        rest += chunk
    pending[0] = rest[length:]
    return head + sep + rest[:length]


def probe(t):
    out = {"address": t["address"], "port": t["port"], "transport": t["transport"],
           "samples": [], "codes": [], "server": None, "error": None}
    sock = None
    try:
        if t["transport"] == "udp":
            sock = socket.socket(socket.AF_INET6 if ":" in t["address"] else socket.AF_INET, socket.SOCK_DGRAM)
            sock.connect((t["address"], t["port"]))
        else:
            sock = socket.create_connection((t["address"], t["port"]), timeout=cfg["timeout"])
            if t["transport"] == "tls":
                ctx = ssl.create_default_context()
                if not cfg["tls_verify"]:
                    ctx.check_hostname = False
                    ctx.verify_mode = ssl.CERT_NONE
                sock = ctx.wrap_socket(sock, server_hostname=t.get("name") or t["address"])
        sock.settimeout(cfg["timeout"])
        lip, lport = sock.getsockname()[:2]
        pending = [b""]
        for seq in range(1, cfg["count"] + 1):
            if seq > 1:
                time.sleep(cfg["interval"])
            start = time.monotonic()
            sock.send(request(t, lip, lport, seq))
            try:
                while True:
                    data = sock.recv(65535) if t["transport"] == "udp" else read_stream(sock, pending)
                    if not data:
                        raise socket.timeout()
                    head = data.split(b"\r\n\r\n")[0].decode("utf-8", "replace").split("\r\n")
                    if ("CSeq: %d OPTIONS" % seq) in head or any(
                            h.lower().replace(" ", "") == "cseq:%doptions" % seq for h in head):
                        break
                code = int(head[0].split()[1])
                if code >= 200:
                    out["samples"].append(round((time.monotonic() - start) * 1000.0, 3))
                    out["codes"].append(code)
                    for h in head:
                        if h.lower().startswith("server:"):
                            out["server"] = h.split(":", 1)[1].strip()
                else:
                    out["samples"].append(None)
            except (socket.timeout, ValueError, IndexError):
                out["samples"].append(None)
    except (OSError, ssl.SSLError) as exc:
        out["error"] = "%s: %s" % (type(exc).__name__, exc)
    finally:
        if sock is not None:
            sock.close()
    out["samples"] += [None] * (cfg["count"] - len(out["samples"]))
    return out


for target in cfg["targets"]:
    print("VOIPREADY_SIP " + json.dumps(probe(target), sort_keys=True), flush=True)
'''

TRANSPORT_ORDER = ("udp", "tcp", "tls")


def sip_targets(rules, transports=TRANSPORT_ORDER):
    """(address, port, transport, name) of every SIP rule with single addresses: UDP and TCP
    from the SIP services, TLS from a service whose name says tls (the catalogs'
    ``sip-tls``), at the rule's lowest port; sorted, one per combination."""
    out = set()
    for rule in rules:
        service = rule.get("service") or ""
        if not service.startswith("sip") or not rule.get("addresses"):
            continue
        transport = "udp" if rule["proto"] == "udp" else ("tls" if "tls" in service else "tcp")
        if transport not in transports:
            continue
        names = [n for n in rule.get("fqdns") or [] if not n.startswith("*")]
        for value in rule["addresses"]:
            network = ipaddress.ip_network(value, strict=False)
            if network.num_addresses == 1:
                out.add((str(network.network_address), rule["port_min"], transport, names[0] if names else None))
    return sorted(out, key=lambda t: (ipaddress.ip_address(t[0]), TRANSPORT_ORDER.index(t[2]), t[1]))


def sip_options_command(targets, count, interval, timeout, tls_verify=True):
    """The probe host's command: the script on python3's standard input, its settings as
    one JSON argument."""
    cfg = {"targets": [{"address": a, "port": p, "transport": t, "name": n} for a, p, t, n in targets],
           "count": count, "interval": interval, "timeout": timeout, "tls_verify": bool(tls_verify)}
    return "python3 - %s <<'VOIPREADY_PY'\n%s\nVOIPREADY_PY" % (
        shlex.quote(json.dumps(cfg, sort_keys=True)), SIP_OPTIONS_SCRIPT.strip("\n"))


def parse_sip_options(text):
    """The script's ``VOIPREADY_SIP {json}`` lines; anything else (no python3) in ``other``."""
    found, other = [], []
    for line in (text or "").splitlines():
        if line.startswith("VOIPREADY_SIP "):
            found.append(json.loads(line[len("VOIPREADY_SIP "):]))
        elif line.strip():
            other.append(line.strip())
    return found, other


# -- coturn's turnutils ------------------------------------------------------------------------
ADDRESS_PORT = r"[: ]*(\d+\.\d+\.\d+\.\d+):(\d+)"


def parse_stunclient(text):
    """turnutils_stunclient: the reflexive address, and (RFC 5780) the server's other address
    and the response origin, each as (ip, port) or None."""
    def find(label):
        match = re.search(re.escape(label) + ADDRESS_PORT, text or "")
        return (match.group(1), int(match.group(2))) if match else None
    return {"reflexive": find("UDP reflexive addr"), "other": find("Other addr"),
            "origin": find("Response origin")}


def stunclient_command(address, port, timeout=10):
    return "timeout %d turnutils_stunclient -p %d %s 2>&1; echo VOIPREADY_RC=$?" % (
        int(timeout), int(port), shlex.quote(address))


def natdiscovery_command(address, port, timeout=60):
    return "timeout %d turnutils_natdiscovery -m -f -p %d %s 2>&1; echo VOIPREADY_RC=$?" % (
        int(timeout), int(port), shlex.quote(address))


def parse_natdiscovery(text):
    """turnutils_natdiscovery: {"mapping": [results], "filtering": [results], ...} in the
    program's words ("NAT with Endpoint Independent Mapping!", "No NAT! (...)")."""
    out = {}
    section = None
    for line in (text or "").splitlines():
        match = re.match(r"-= (\w+) (?:Lifetime )?Behavior Discovery =-", line.strip())
        if match:
            section = match.group(1).lower()
            out.setdefault(section, [])
        elif section and re.match(r"(No NAT!|NAT with )", line.strip()):
            out[section].append(line.strip())
    return out


BEHAVIOUR = (("Endpoint Independent", "endpoint-independent"),
             ("Address and Port Dependent", "address-and-port-dependent"),
             ("Address Dependent", "address-dependent"))


def _behaviour(results):
    for result in reversed(results or []):
        for words, name in BEHAVIOUR:
            if words in result:
                return name
    return None


def nat_behaviour(text):
    """RFC 5780 mapping and filtering behaviour from turnutils_natdiscovery -m -f, with the
    tests that got no answer counted per section.

    coturn's mapping test III goes to the server's other address and port (e.g. 3479); when
    a firewall drops it, the program keeps test II's answer and prints "Address Dependent
    Mapping" although it could not tell address from address-and-port dependent:
    ``mapping_unanswered`` says so, and ``mapping`` is then "address-dependent or
    address-and-port-dependent"."""
    sections, unanswered, name = {}, {}, None
    for line in (text or "").splitlines():
        match = re.match(r"-= (\w+) (?:Lifetime )?Behavior Discovery =-", line.strip())
        if match:
            name = match.group(1).lower()
            sections.setdefault(name, [])
            unanswered.setdefault(name, 0)
        elif name and "STUN receive timeout" in line:
            unanswered[name] += 1
        elif name and re.match(r"(No NAT!|NAT with )", line.strip()):
            sections[name].append(line.strip())
    mapping = _behaviour(sections.get("mapping"))
    if mapping == "address-dependent" and unanswered.get("mapping"):
        mapping = "address-dependent or address-and-port-dependent"
    return {"mapping": mapping, "filtering": _behaviour(sections.get("filtering")),
            # test I's reflexive address is the probe host's own: no NAT in the path
            "no_nat": any(r.startswith("No NAT!") for r in sections.get("mapping") or []),
            "mapping_said": (sections.get("mapping") or [None])[-1],
            "filtering_said": (sections.get("filtering") or [None])[-1],
            "mapping_unanswered": unanswered.get("mapping", 0),
            "filtering_unanswered": unanswered.get("filtering", 0)}


def rc_of(text):
    """The exit status the commands above append (``VOIPREADY_RC=N``), or None."""
    codes = re.findall(r"VOIPREADY_RC=(\d+)", text or "")
    return int(codes[-1]) if codes else None
