"""Drive the lab's real voice software (lab/images/voice) from the host, for tests, and read
what the programs print. Nothing here speaks SIP, STUN or RTP itself: every exchange is
Kamailio, coturn, SIPp, baresip, openssl or tshark inside the containers (`podman exec`).

    sys.path.insert(0, "lab"); import labvoice as lv
    lv.sipp("vr-phone1", "203.0.113.10", "register.xml", "-s", "phone1", local_ip="192.0.2.10")
    aors, raw = lv.ul_dump("vr-provider1")      # {AoR: [{"Address": ..., "Received": ..., "Socket": ...}]}
    with lv.Capture("vr-provider1") as cap:     # tshark on the provider's eth0
        lv.sipp(... "call.xml" ...)
    streams, text = cap.rtp_streams()          # {(src, sport, dst, dport): {"packets", "lost", ...}}
    lv.parse_allocation(...), lv.parse_stunclient(...), lv.parse_natdiscovery(...)

The parsers take the programs' text as they print it in Debian bookworm (Kamailio 5.6.3's
kamcmd, tshark 4.0.17, coturn 4.6.1's turnutils), so the readiness code can take them over.
"""

from __future__ import annotations

import importlib.util
import re
import select
import subprocess
import time
from pathlib import Path

CONF = "/etc/voipready-voice"           # configs and SIPp scenarios in the image
RUN = "/run/voipready-voice"            # made at start: tls/lab.crt, turn-credentials, ready
LOGS = "/var/log/voipready-voice"       # kamailio.log, turnserver.log, echo-messages.log, ...
CTL = "unix:/run/kamailio/kamailio_ctl"
TONE = CONF + "/sipp/tone-440hz-1s.pcmu"  # 1 s of PCMU: SIPp rtp_stream loops it


class VoiceError(RuntimeError):
    pass


def run(container: str, *argv: str, timeout: float = 60, stdin: str | None = None) -> subprocess.CompletedProcess:
    """ARGV in CONTAINER; STDIN (text) is its standard input, nothing (/dev/null) otherwise."""
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run(["podman", "exec", "-i", container, *argv], capture_output=True, text=True,
                          timeout=timeout, check=False, **feed)


def sh(container: str, script: str, check: bool = True, timeout: float = 60,
       stdin: str | None = None) -> subprocess.CompletedProcess:
    p = run(container, "sh", "-ec", script, timeout=timeout, stdin=stdin)
    if check and p.returncode != 0:
        raise VoiceError("in %s: %s\nrc %d\n%s\n%s" % (container, script, p.returncode, p.stdout, p.stderr))
    return p


ENTRYPOINT = "/usr/local/sbin/voice-entrypoint"


def start_provider(container: str, env: dict | None = None, timeout: float = 90) -> None:
    """Start the provider services (Kamailio, coturn, the SIPp echo) on demand in an idle
    voice container, and wait until every one listens."""
    args = ["podman", "exec", "-d", "-e", "VOICE_ROLE=provider"]
    for key, value in sorted((env or {}).items()):
        args += ["-e", "%s=%s" % (key, value)]
    p = subprocess.run(args + [container, ENTRYPOINT], capture_output=True, text=True, timeout=60, check=False)
    if p.returncode != 0:
        raise VoiceError("podman exec -d %s %s: %s" % (container, ENTRYPOINT, p.stderr))
    wait_ready(container, timeout)


def stop_provider(container: str) -> None:
    """Stop them again (returns once every service has exited)."""
    sh(container, "%s stop" % ENTRYPOINT, timeout=30)


def wait_ready(container: str, timeout: float = 90) -> None:
    """Until the entrypoint says every provider service listens; fails early when the
    container or the entrypoint died (with the entrypoint's log)."""
    start = time.monotonic()
    while sh(container, "test -f %s/ready" % RUN, check=False).returncode != 0:
        state = subprocess.run(["podman", "inspect", "--format", "{{.State.Status}}", container],
                               capture_output=True, text=True, check=False).stdout.strip()
        gone = sh(container, "test -s %s/supervisor.pid" % RUN, check=False).returncode != 0
        elapsed = time.monotonic() - start
        if state != "running" or (gone and elapsed > 3) or elapsed > timeout:
            logs = sh(container, "cat %s/entrypoint.log" % LOGS, check=False) if state == "running" else \
                subprocess.run(["podman", "logs", container], capture_output=True, text=True, check=False)
            raise VoiceError("provider services in %s not ready (container %s, %.0f s):\n%s"
                             % (container, state, elapsed, (logs.stdout + logs.stderr)[-4000:]))
        time.sleep(0.3)


def lab_certificate(provider: str) -> str:
    return sh(provider, "cat %s/tls/lab.crt" % RUN).stdout


def turn_credentials(provider: str) -> tuple[str, str]:
    user, _sep, password = sh(provider, "cat %s/turn-credentials" % RUN).stdout.strip().partition(":")
    return user, password


def log(provider: str, name: str) -> str:
    return sh(provider, "cat %s/%s" % (LOGS, name)).stdout


# ---------------------------------------------------------------- Kamailio's registrar

def parse_ul_dump(text: str) -> dict:
    """`kamcmd ul.dump` (indented `Key: value` lines) as {AoR: [contact fields]}."""
    aors: dict = {}
    aor = None
    for line in text.splitlines():
        key, _sep, value = line.strip().partition(": ")
        if key == "AoR":
            aor = value
            aors.setdefault(aor, [])
        elif key == "Address" and aor is not None:
            aors[aor].append({"Address": value})
        elif aor is not None and aors[aor] and value and value != "{":
            aors[aor][-1].setdefault(key, value)
    return aors


def ul_dump(provider: str) -> tuple[dict, str]:
    out = sh(provider, "kamcmd -s %s ul.dump" % CTL).stdout
    return parse_ul_dump(out), out


# ---------------------------------------------------------------- SIPp

def sipp_server(container: str, scenario: str, *args: str, local_ip: str, port: int,
                wait: float) -> subprocess.Popen:
    """SIPp answering with SCENARIO on LOCAL_IP:PORT in the background (at most WAIT s);
    the caller waits for it (returncode 0: the scenario went as written)."""
    return subprocess.Popen(
        ["podman", "exec", container, "sipp", "-sf", "%s/sipp/%s" % (CONF, scenario), "-i", local_ip,
         "-p", str(port), "-m", "1", "-nostdin", "-timeout", "%ds" % wait, "-trace_err",
         "-error_file", "/tmp/sipp-%s-%d-errors.log" % (scenario, port), *args],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def sipp(phone: str, sbc: str, scenario: str, *args: str, local_ip: str, port: int = 5060,
         timeout: float = 60) -> subprocess.CompletedProcess:
    """One SIPp call of SCENARIO (lab/images/voice/sipp) from PHONE to SBC:PORT; SIPp exits
    0 when the call went as the scenario says."""
    return run(phone, "sipp", "%s:%d" % (sbc, port), "-sf", "%s/sipp/%s" % (CONF, scenario),
               "-i", local_ip, "-m", "1", "-nostdin", "-timeout", "40s", "-recv_timeout", "15s",
               "-trace_err", "-error_file", "/tmp/sipp-%s-errors.log" % scenario, *args, timeout=timeout)


# ---------------------------------------------------------------- tshark

_STREAM = re.compile(
    r"(?P<src>\d+\.\d+\.\d+\.\d+)\s+(?P<sport>\d+)\s+(?P<dst>\d+\.\d+\.\d+\.\d+)\s+(?P<dport>\d+)\s+"
    r"(?P<ssrc>0x[0-9A-Fa-f]+)\s+(?P<payload>.+?)\s+(?P<packets>\d+)\s+(?P<lost>-?\d+)\s+"
    r"\((?P<lost_pct>-?[\d.]+)%\)\s+(?P<rest>.*)$")


def parse_rtp_streams(text: str) -> dict:
    """Rows of `tshark -q -z rtp,streams` as {(src, sport, dst, dport): row}; a row has
    ssrc, payload, packets, lost, lost_pct, delta_ms and jitter_ms ([min, mean, max])."""
    out = {}
    for line in text.splitlines():
        m = _STREAM.search(line)
        if not m:
            continue
        row = m.groupdict()
        nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", row.pop("rest"))]
        row["delta_ms"], row["jitter_ms"] = nums[0:3], nums[3:6]
        row["packets"], row["lost"], row["lost_pct"] = int(row["packets"]), int(row["lost"]), float(row["lost_pct"])
        out[(row["src"], int(row["sport"]), row["dst"], int(row["dport"]))] = row
    return out


class Capture:
    """tshark on CONTAINER's IFACE for the duration of a `with` block (started before the
    block, so no packet of it is missed; stopped with SIGINT after it)."""

    def __init__(self, container: str, iface: str = "eth0", bpf: str = "udp", name: str = "vr-capture"):
        self.container, self.iface, self.bpf = container, iface, bpf
        self.pcap, self.pidfile = "/tmp/%s.pcap" % name, "/tmp/%s.pid" % name
        self.proc = None

    def __enter__(self):
        sh(self.container, "rm -f %s %s" % (self.pcap, self.pidfile))
        self.proc = subprocess.Popen(
            ["podman", "exec", self.container, "sh", "-c", "echo $$ > %s; exec tshark -i %s -f '%s' -w %s"
             % (self.pidfile, self.iface, self.bpf, self.pcap)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seen, deadline = "", time.monotonic() + 30
        while "Capturing on" not in seen:
            ready, _unused, _unused2 = select.select([self.proc.stderr], [], [], max(0.0, deadline - time.monotonic()))
            line = self.proc.stderr.readline() if ready else ""
            if not line:
                self.__exit__(None, None, None)
                raise VoiceError("tshark did not start capturing on %s %s: %s" % (self.container, self.iface, seen))
            seen += line
        return self

    def __exit__(self, *exc):
        time.sleep(0.5)  # the last echoed packets
        sh(self.container, 'kill -INT "$(cat %s)"' % self.pidfile, check=False)
        try:
            self.proc.wait(30)
        finally:
            self.proc.stderr.close()

    def dscp(self, display_filter: str = "udp") -> dict:
        """{(src, sport, dst, dport): {dscp: packets}} of the captured UDP packets that
        DISPLAY_FILTER selects, as tshark reads the IP header's DS field."""
        text = sh(self.container, "tshark -r %s -Y '%s' -T fields -e ip.src -e udp.srcport -e ip.dst "
                  "-e udp.dstport -e ip.dsfield.dscp" % (self.pcap, display_filter)).stdout
        out: dict = {}
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) != 5 or not all(parts):
                continue
            key = (parts[0], int(parts[1]), parts[2], int(parts[3]))
            out.setdefault(key, {})
            out[key][int(parts[4])] = out[key].get(int(parts[4]), 0) + 1
        return out

    def rtp_streams(self, rtp_ports=(6000,)) -> tuple[dict, str]:
        decode = " ".join("-d udp.port==%d,rtp" % port for port in rtp_ports)
        text = sh(self.container, "tshark -r %s -q -o rtp.heuristic_rtp:TRUE %s -z rtp,streams"
                  % (self.pcap, decode)).stdout
        return parse_rtp_streams(text), text


# ---------------------------------------------------------------- coturn's turnutils

# The turnutils parsers are the collection's own (the readiness check reads the same
# programs): plugins/module_utils/voiceprobe.py, loaded by path (it imports nothing of the
# collection), so the lab and the module can never read the output differently.
_spec = importlib.util.spec_from_file_location(
    "voipready_voiceprobe", Path(__file__).resolve().parents[1] / "plugins" / "module_utils" / "voiceprobe.py")
voiceprobe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(voiceprobe)
parse_stunclient = voiceprobe.parse_stunclient
parse_natdiscovery = voiceprobe.parse_natdiscovery
_ADDR = voiceprobe.ADDRESS_PORT


def parse_allocation(text: str, rc: int) -> dict:
    """turnutils_uclient -v: relay addresses allocated, messages sent/received, packets lost."""
    relays = [(a, int(p)) for a, p in re.findall(r"Received relay addr" + _ADDR, text)]
    # progress lines first ("msz=2, tot_send_msgs=0, ..."), the run's totals last
    totals = re.findall(r"tot_send_msgs=(\d+), tot_recv_msgs=(\d+)", text)
    lost = re.search(r"Total lost packets (\d+)", text)
    rtt = re.search(r"Average round trip delay ([\d.]+) ms", text)
    jitter = re.search(r"Average jitter ([\d.]+) ms", text)
    return {"rc": rc, "relays": relays,
            "sent": int(totals[-1][0]) if totals else 0, "received": int(totals[-1][1]) if totals else 0,
            "lost": int(lost.group(1)) if lost else None,
            "rtt_ms": float(rtt.group(1)) if rtt else None, "jitter_ms": float(jitter.group(1)) if jitter else None,
            "text": text[-3000:]}


def uclient(phone: str, server: str, user: str, password: str, *args: str, local_ip: str,
            timeout: int = 30) -> dict:
    """turnutils_uclient client-to-client (-y: two allocations relaying to each other)."""
    p = run(phone, "timeout", str(timeout), "turnutils_uclient", "-y", "-c", "-v", "-n", "20", "-l", "172",
            "-u", user, "-w", password, "-L", local_ip, *args, server, timeout=timeout + 15)
    return parse_allocation(p.stdout + p.stderr, p.returncode)
