"""SIP INVITE (with SDP) sender and receiver, to see whether a SIP ALG rewrote it.

  send: python3 sip.py send --dst 203.0.113.10 [--dport 5060] [--proto udp|tcp] \
            [--sport 0] [--local-ip auto] [--rtp-port 16384] [--count 1] [--timeout 5]
  recv: python3 sip.py recv [--port 5060] [--proto udp|tcp] [--count 1] [--timeout 5]

The INVITE carries the phone's own (inside) address in Via, Contact and the SDP
c=/o= lines. Both sides print the same shape, so a test compares them field by field:
  {"proto","src","sport","dst","dport","request","via":[..],"contact":[..],
   "sdp_c":[..],"sdp_o":[..],"sdp_m":[..],"content_length","body_length","raw"}
The sender's line has "sent": true; recv starts with {"ready":...}; both end with
{"summary":...}. A UDP sender uses a fresh source port per run unless --sport is
given, because a conntrack entry keeps the helper it was created with.
Exit status: 0 when --count INVITEs were sent/received, 3 on timeout.
"""

import random
import socket
import sys
import time

from _probe import IP_PKTINFO, Deadline, emit, finish_recv, parsers


def local_ip_for(dst):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect((dst, 9))  # no packet is sent: only picks the route's source address
        return s.getsockname()[0]
    finally:
        s.close()


def build_invite(a, lip, sport, seq):
    tag = f"{random.getrandbits(32):08x}"
    body = ("v=0\r\n"
            f"o=phone1 {1000 + seq} {1000 + seq} IN IP4 {lip}\r\n"
            "s=vrlab\r\n"
            f"c=IN IP4 {lip}\r\n"
            "t=0 0\r\n"
            f"m=audio {a.rtp_port} RTP/AVP 0 101\r\n"
            "a=rtpmap:0 PCMU/8000\r\n"
            "a=rtpmap:101 telephone-event/8000\r\n")
    transport = a.proto.upper()
    head = (f"INVITE sip:lab@{a.dst}:{a.dport} SIP/2.0\r\n"
            f"Via: SIP/2.0/{transport} {lip}:{sport};branch=z9hG4bK{tag}{seq};rport\r\n"
            "Max-Forwards: 70\r\n"
            f"From: <sip:phone1@{lip}>;tag={tag}\r\n"
            f"To: <sip:lab@{a.dst}>\r\n"
            f"Call-ID: vrlab-{tag}-{seq}@{lip}\r\n"
            f"CSeq: {seq + 1} INVITE\r\n"
            f"Contact: <sip:phone1@{lip}:{sport};transport={a.proto}>\r\n"
            "User-Agent: voipready-lab-probe\r\n"
            "Content-Type: application/sdp\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return (head + body).encode()


def parse_sip(data):
    text = data.decode("utf-8", "replace")
    head, _sep, body = text.partition("\r\n\r\n")
    lines = head.split("\r\n")
    out = {"request": lines[0], "via": [], "contact": [], "sdp_c": [], "sdp_o": [], "sdp_m": [],
           "content_length": None, "body_length": len(body.encode()), "raw": text}
    for ln in lines[1:]:
        name, _sep, value = ln.partition(":")
        name = name.strip().lower()
        if name in ("via", "v"):
            out["via"].append(value.strip())
        elif name in ("contact", "m"):
            out["contact"].append(value.strip())
        elif name in ("content-length", "l"):
            out["content_length"] = int(value.strip() or 0)
    for ln in body.split("\r\n"):
        for key in ("c", "o", "m"):
            if ln.startswith(key + "="):
                out["sdp_" + key].append(ln[2:])
    return out


def send(a):
    deadline = Deadline(a.timeout)
    lip = a.local_ip if a.local_ip != "auto" else local_ip_for(a.dst)
    sent = 0
    for seq in range(a.count):
        if deadline.over():
            break
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if a.proto == "udp" else socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((lip, a.sport))
        sport = s.getsockname()[1]
        msg = build_invite(a, lip, sport, seq)
        try:
            if a.proto == "udp":
                s.sendto(msg, (a.dst, a.dport))
            else:
                s.settimeout(max(0.1, deadline.left()))
                s.connect((a.dst, a.dport))
                s.sendall(msg)
                time.sleep(0.2)  # let the far side read before FIN
            emit(dict(parse_sip(msg), sent=True, proto=a.proto, src=lip, sport=sport,
                      dst=a.dst, dport=a.dport))
            sent += 1
        except OSError as e:
            emit({"error": str(e), "seq": seq, "dst": a.dst, "dport": a.dport})
        finally:
            s.close()
        time.sleep(0.05)
    emit({"summary": {"sent": sent}})
    return 0 if sent == a.count else 3


def read_tcp_message(c, deadline):
    buf = b""
    while not deadline.over():
        c.settimeout(max(0.05, deadline.left()))
        try:
            d = c.recv(65535)
        except OSError:
            break
        if not d:
            break
        buf += d
        head, sep, body = buf.partition(b"\r\n\r\n")
        if sep:
            cl = parse_sip(head + sep)["content_length"] or 0
            if len(body) >= cl:
                break
    return buf


def recv(a):
    deadline = Deadline(a.timeout)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if a.proto == "udp" else socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((a.bind, a.port))
    if a.proto == "tcp":
        s.listen(16)
    else:
        s.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)  # to report the real destination
    emit({"ready": True, "proto": a.proto, "port": a.port})
    got = 0
    while got < a.count and not deadline.over():
        s.settimeout(max(0.05, deadline.left()))
        try:
            if a.proto == "udp":
                data, anc, _flags, src = s.recvmsg(65535, 256)
                dst = next((socket.inet_ntoa(v[8:12]) for lvl, typ, v in anc
                            if lvl == socket.IPPROTO_IP and typ == IP_PKTINFO), a.bind)
            else:
                c, src = s.accept()
                dst = c.getsockname()[0]
                data = read_tcp_message(c, deadline)
                c.close()
        except socket.timeout:
            break
        if not data.startswith(b"INVITE "):
            continue
        emit(dict(parse_sip(data), proto=a.proto, src=src[0], sport=src[1], dst=dst, dport=a.port))
        got += 1
    s.close()
    return finish_recv(got, a.count)


def main():
    ap, s, r = parsers(__doc__)
    s.add_argument("--dst", required=True)
    s.add_argument("--dport", type=int, default=5060)
    s.add_argument("--sport", type=int, default=0, help="0: a fresh port per INVITE")
    s.add_argument("--local-ip", default="auto", help="address written into Via/Contact/SDP")
    s.add_argument("--rtp-port", type=int, default=16384)
    s.add_argument("--proto", choices=["udp", "tcp"], default="udp")
    r.add_argument("--port", type=int, default=5060)
    r.add_argument("--bind", default="0.0.0.0")
    r.add_argument("--proto", choices=["udp", "tcp"], default="udp")
    a = ap.parse_args()
    return send(a) if a.cmd == "send" else recv(a)


if __name__ == "__main__":
    sys.exit(main())
