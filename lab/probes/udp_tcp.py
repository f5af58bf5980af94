"""UDP/TCP sender and receiver that report addresses, ports, DSCP and payload.

  send: python3 udp_tcp.py send --proto udp --dst 203.0.113.10 --dport 5060 \
            [--sport 40000] [--dscp 46] [--count 3] [--interval 0.05] [--payload TEXT]
  recv: python3 udp_tcp.py recv --proto udp --ports 5060,10000-10002 [--bind 0.0.0.0] \
            [--count 3] [--timeout 5] [--iface eth0]

recv prints {"ready":...}, then per packet (UDP) or per connection (TCP)
{"proto","src","sport","dst","dport","dscp","tos","payload"}, then {"summary":...}.
UDP DSCP comes from IP_RECVTOS; TCP DSCP from an AF_PACKET capture of the
connection's first segment (needs CAP_NET_RAW and --iface, default: all).
Exit status: 0 when --count arrived (or was sent), 3 on timeout with fewer.
"""

import selectors
import socket
import sys
import threading
import time


from _probe import (ETH_P_ALL, IP_PKTINFO, Deadline, emit, finish_recv, parse_ipv4, parsers, ports, stdin_closed,
                    watch_stdin)

IP_RECVTOS = getattr(socket, "IP_RECVTOS", 13)


def send(a):
    deadline = Deadline(a.timeout)
    sent = errors = 0
    fam_type = socket.SOCK_DGRAM if a.proto == "udp" else socket.SOCK_STREAM
    udp = None
    for i in range(a.count):
        if deadline.over():
            break
        payload = (a.payload or f"vrlab {a.proto} seq={i}").encode()
        try:
            s = udp or socket.socket(socket.AF_INET, fam_type)
            if s is not udp:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if a.dscp is not None:
                    s.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, a.dscp << 2)
                if a.sport or a.src:
                    s.bind((a.src or "0.0.0.0", a.sport or 0))
            if a.proto == "udp":
                udp = s
                s.sendto(payload, (a.dst, a.dport))
            else:
                s.settimeout(max(0.1, min(a.connect_timeout, deadline.left())))
                s.connect((a.dst, a.dport))
                s.sendall(payload)
            src = s.getsockname()
            if a.proto == "tcp":
                s.close()
            emit({"sent": i, "proto": a.proto, "src": src[0], "dst": a.dst, "dport": a.dport,
                  "sport": src[1], "payload": payload.decode()})
            sent += 1
        except OSError as e:
            errors += 1
            emit({"error": str(e), "seq": i, "proto": a.proto, "dst": a.dst, "dport": a.dport})
            if a.proto == "tcp":
                s.close()
        time.sleep(a.interval)
    if udp:
        udp.close()
    emit({"summary": {"sent": sent, "errors": errors}})
    return 0 if sent == a.count else 3


def capture_tcp_tos(iface, port_set, seen, stop):
    """Remember the TOS of the first segment of each TCP connection to our ports."""
    try:
        s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_ALL))
        if iface:
            s.bind((iface, 0))
    except OSError as e:
        emit({"warning": f"no TCP DSCP capture: {e}"})
        return
    s.settimeout(0.2)
    while not stop.is_set():
        try:
            pkt, addr = s.recvfrom(65535)
        except socket.timeout:
            continue
        if addr[2] == socket.PACKET_OUTGOING:
            continue
        ip = parse_ipv4(pkt)
        if ip and ip["proto"] == "tcp" and ip.get("dport") in port_set:
            seen.setdefault((ip["src"], ip["sport"], ip["dport"]), ip)
    s.close()


def recv(a):
    deadline = Deadline(a.timeout)
    plist = ports(a.ports)
    sel = selectors.DefaultSelector()
    for p in plist:
        if a.proto == "udp":
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.setsockopt(socket.IPPROTO_IP, IP_RECVTOS, 1)
            s.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((a.bind, p))
        if a.proto == "tcp":
            s.listen(64)
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, p)
    seen, stop = {}, threading.Event()
    cap = None
    if a.proto == "tcp":
        cap = threading.Thread(target=capture_tcp_tos, args=(a.iface, set(plist), seen, stop), daemon=True)
        cap.start()
        time.sleep(0.1)
    watch_stdin(sel, a)
    emit({"ready": True, "proto": a.proto, "ports": a.ports, "bind": a.bind})
    got = 0
    eof = False
    while got < a.count and not deadline.over() and not eof:
        for key, _unused in sel.select(timeout=min(0.2, deadline.left())):
            if key.data == "stdin":
                eof = eof or stdin_closed(key)
                continue
            s, port = key.fileobj, key.data
            if a.proto == "udp":
                data, anc, _flags, src = s.recvmsg(65535, 256)
                tos, dst = None, a.bind
                for level, typ, val in anc:
                    # Linux delivers the IP_RECVTOS value with cmsg type IP_TOS.
                    if level == socket.IPPROTO_IP and typ in (socket.IP_TOS, IP_RECVTOS):
                        tos = val[0]
                    elif level == socket.IPPROTO_IP and typ == IP_PKTINFO:
                        dst = socket.inet_ntoa(val[8:12])  # struct in_pktinfo.ipi_addr
                emit({"proto": "udp", "src": src[0], "sport": src[1], "dst": dst, "dport": port,
                      "tos": tos, "dscp": None if tos is None else tos >> 2,
                      "payload": data.decode("utf-8", "replace")})
            else:
                c, src = s.accept()
                c.settimeout(max(0.1, min(1.0, deadline.left())))
                chunks = []
                try:
                    while True:
                        d = c.recv(65535)
                        if not d:
                            break
                        chunks.append(d)
                except OSError:
                    pass
                dst = c.getsockname()[0]
                c.close()
                time.sleep(0.05)  # let the capture thread see the segments
                ip = seen.get((src[0], src[1], port))
                emit({"proto": "tcp", "src": src[0], "sport": src[1], "dst": dst, "dport": port,
                      "tos": ip and ip["tos"], "dscp": ip and ip["dscp"],
                      "payload": b"".join(chunks).decode("utf-8", "replace")})
            got += 1
            if got >= a.count:
                break
    stop.set()
    return finish_recv(got, a.count)


def main():
    ap, s, r = parsers(__doc__)
    s.add_argument("--proto", choices=["udp", "tcp"], default="udp")
    s.add_argument("--dst", required=True)
    s.add_argument("--dport", type=int, required=True)
    s.add_argument("--sport", type=int, default=0, help="fixed source port (0: kernel's choice)")
    s.add_argument("--src", default="", help="source address to bind")
    s.add_argument("--dscp", type=int, help="DSCP to set on sent packets (IP_TOS = dscp<<2)")
    s.add_argument("--interval", type=float, default=0.05)
    s.add_argument("--connect-timeout", type=float, default=2.0)
    s.add_argument("--payload")
    r.add_argument("--proto", choices=["udp", "tcp"], default="udp")
    r.add_argument("--ports", required=True, help="e.g. 5060 or 5060,10000-10002")
    r.add_argument("--bind", default="0.0.0.0")
    r.add_argument("--iface", default="", help="TCP DSCP capture interface (default: all)")
    a = ap.parse_args()
    return send(a) if a.cmd == "send" else recv(a)


if __name__ == "__main__":
    sys.exit(main())
