"""Shared bits of the lab probes: JSON-lines output, deadlines, small parsers.

Every probe prints one JSON object per line on stdout: first {"ready": ...}
(receivers, once listening), then one line per packet/frame, then {"summary": ...}.
Every probe is bounded by --count and --timeout and exits by itself.
"""

import argparse
import json
import sys
import time

ETH_P_ALL = 0x0003
ETH_P_8021Q = 0x8100
ETH_P_8021AD = 0x88A8
ETH_P_IP = 0x0800
ETH_P_LAB = 0x88B5  # IEEE "local experimental" ethertype: never anyone else's traffic
MAGIC = b"VRLAB"
IP_PKTINFO = 8  # linux/in.h; the socket module lacks the IPv4 one


def emit(obj):
    sys.stdout.write(json.dumps(obj, sort_keys=True) + "\n")
    sys.stdout.flush()


def add_bounds(p, count=1, timeout=5.0):
    p.add_argument("--count", type=int, default=count, help="stop after this many (default %(default)s)")
    p.add_argument("--timeout", type=float, default=timeout,
                   help="stop after this many seconds (default %(default)s)")
    return p


STDIN = "stdin"  # selector key data of the stop-on-EOF watch


def watch_stdin(sel, a):
    """With --stop-on-eof, a receiver also ends when its standard input closes: the test
    closes it once every sender has finished and a grace period has passed, so a slow
    sender start (podman exec on a loaded machine) never eats the receiving window."""
    if getattr(a, "stop_on_eof", False):
        import os
        import selectors
        os.set_blocking(0, False)
        sel.register(0, selectors.EVENT_READ, STDIN)


def stdin_closed(key):
    """True when KEY is the stdin watch and stdin reached EOF (drains anything written)."""
    import os
    if key.data != STDIN:
        return False
    try:
        return os.read(0, 4096) == b""
    except BlockingIOError:
        return False


def parsers(doc):
    """(parser, send subparser, recv subparser) with --count/--timeout on both."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    recv = add_bounds(sub.add_parser("recv"))
    recv.add_argument("--stop-on-eof", action="store_true",
                      help="also stop when standard input closes (--timeout stays the ceiling)")
    return ap, add_bounds(sub.add_parser("send")), recv


def finish_recv(got, count, **extra):
    """Print the receiver's summary; exit status 3 tells a short count from success."""
    emit({"summary": dict(received=got, expected=count, timed_out=got < count, **extra)})
    return 0 if got >= count else 3


def ports(spec):
    """'5060,10000-10002' -> [5060, 10000, 10001, 10002]."""
    out = []
    for part in str(spec).split(","):
        lo, _sep, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    if len(out) > 4096:
        raise SystemExit("probe: at most 4096 ports per receiver")
    return out


class Deadline:
    def __init__(self, seconds):
        self.end = time.monotonic() + seconds

    def left(self):
        return max(0.0, self.end - time.monotonic())

    def over(self):
        return self.left() <= 0


def mac_str(b):
    return ":".join(f"{x:02x}" for x in b)


def mac_bytes(s):
    return bytes(int(x, 16) for x in s.split(":"))


def ip_checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def parse_ipv4(pkt):
    """IPv4 header (+ UDP/TCP ports) of a packet -> dict, or None."""
    if len(pkt) < 20 or pkt[0] >> 4 != 4:
        return None
    ihl = (pkt[0] & 0x0F) * 4
    proto = pkt[9]
    info = {"src": ".".join(map(str, pkt[12:16])), "dst": ".".join(map(str, pkt[16:20])),
            "tos": pkt[1], "dscp": pkt[1] >> 2, "ecn": pkt[1] & 3, "ttl": pkt[8],
            "proto": {6: "tcp", 17: "udp", 1: "icmp"}.get(proto, proto)}
    l4 = pkt[ihl:]
    if proto in (6, 17) and len(l4) >= 4:
        info["sport"] = int.from_bytes(l4[0:2], "big")
        info["dport"] = int.from_bytes(l4[2:4], "big")
        if proto == 17:
            info["payload"] = l4[8:].decode("utf-8", "replace")
        elif len(l4) >= 14:
            off = (l4[12] >> 4) * 4
            info["flags"] = l4[13]
            info["payload"] = l4[off:].decode("utf-8", "replace")
    return info
