"""Raw Ethernet frame sender (802.1Q-tagged or untagged) and receiver that reports the VLAN tag.

  send: python3 l2.py send --iface sw0 [--vlan 110] [--pcp 5] [--marker voice] \
            [--dst-mac ff:ff:ff:ff:ff:ff] [--ip-src 192.0.2.10 --ip-dst 192.0.2.99 \
             --udp-dport 16384 --dscp 46] [--count 3] [--interval 0.05]
  recv: python3 l2.py recv --iface voice0 --iface data0 --iface trunk0 \
            [--marker voice] [--count 3] [--timeout 3]

Frames carry the payload "VRLAB <marker> <seq>" so receivers ignore all other traffic.
Without --ip-* the ethertype is 0x88B5 (local experimental); with them the frame is
an IPv4/UDP packet (for OpenFlow DSCP rules, which match IP only).
recv uses AF_PACKET with PACKET_AUXDATA: veth strips the 802.1Q tag into packet
metadata before a socket sees it, and auxdata gives it back.
recv prints {"ready":...}, then per frame
  {"iface","vlan": id or null,"pcp","src_mac","dst_mac","ethertype","marker","seq",
   "dscp" (IP frames only)}
then {"summary": {"received", "by_iface": {iface: [vlan,...]}, ...}}.
Exit status: 0 when --count frames arrived (or were sent), 3 on timeout with fewer.
"""

import selectors
import socket
import struct
import sys
import time

from _probe import (ETH_P_8021AD, ETH_P_8021Q, ETH_P_ALL, ETH_P_IP, ETH_P_LAB, MAGIC, Deadline, emit,
                    finish_recv, ip_checksum, mac_bytes, mac_str, parse_ipv4, parsers, stdin_closed,
                    watch_stdin)

SOL_PACKET = 263
PACKET_AUXDATA = 8
TP_STATUS_VLAN_VALID = 0x10
TP_STATUS_VLAN_TPID_VALID = 0x40
AUXDATA = struct.Struct("=IIIHHHH")  # struct tpacket_auxdata


def ipv4_udp(src, dst, sport, dport, dscp, payload):
    udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload  # UDP checksum 0: none
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, dscp << 2, 20 + len(udp), 0, 0x4000, 64, 17, 0,
                      socket.inet_aton(src), socket.inet_aton(dst))
    hdr = hdr[:10] + struct.pack("!H", ip_checksum(hdr)) + hdr[12:]
    return hdr + udp


def send(a):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((a.iface, 0))
    src = mac_bytes(a.src_mac) if a.src_mac else s.getsockname()[4][:6]
    dst = mac_bytes(a.dst_mac)
    deadline = Deadline(a.timeout)
    sent = 0
    for seq in range(a.count):
        if deadline.over():
            break
        payload = MAGIC + f" {a.marker} {seq}".encode()
        if a.ip_dst:
            etype, body = ETH_P_IP, ipv4_udp(a.ip_src, a.ip_dst, a.udp_sport, a.udp_dport, a.dscp, payload)
        else:
            etype, body = ETH_P_LAB, payload
        frame = dst + src
        if a.vlan is not None:
            frame += struct.pack("!HH", ETH_P_8021Q, (a.pcp << 13) | a.vlan)
        frame += struct.pack("!H", etype) + body
        frame += b"\0" * max(0, 60 - len(frame))  # Ethernet minimum frame size
        s.send(frame)
        emit({"sent": seq, "iface": a.iface, "vlan": a.vlan, "marker": a.marker,
              "src_mac": mac_str(src), "dst_mac": mac_str(dst), "ip": bool(a.ip_dst)})
        sent += 1
        time.sleep(a.interval)
    s.close()
    emit({"summary": {"sent": sent}})
    return 0 if sent == a.count else 3


def decode(iface, frame, anc):
    vlan = pcp = None
    for level, typ, data in anc:
        if level == SOL_PACKET and typ == PACKET_AUXDATA and len(data) >= AUXDATA.size:
            status, _len, _snap, _mac, _net, tci, _tpid = AUXDATA.unpack(data[:AUXDATA.size])
            if status & TP_STATUS_VLAN_VALID or tci:
                vlan, pcp = tci & 0x0FFF, tci >> 13
    dst, src = frame[0:6], frame[6:12]
    etype = int.from_bytes(frame[12:14], "big")
    rest = frame[14:]
    inner = []
    # A tag still in the frame (not stripped by the kernel): read it from the bytes.
    while etype in (ETH_P_8021Q, ETH_P_8021AD) and len(rest) >= 4:
        tci = int.from_bytes(rest[0:2], "big")
        if vlan is None:
            vlan, pcp = tci & 0x0FFF, tci >> 13
        else:
            inner.append(tci & 0x0FFF)
        etype = int.from_bytes(rest[2:4], "big")
        rest = rest[4:]
    if MAGIC not in rest:
        return None
    words = rest[rest.index(MAGIC):].split(b"\0")[0].decode("ascii", "replace").split()
    out = {"iface": iface, "vlan": vlan, "pcp": pcp, "src_mac": mac_str(src), "dst_mac": mac_str(dst),
           "ethertype": f"0x{etype:04x}", "marker": words[1] if len(words) > 1 else "",
           "seq": int(words[2]) if len(words) > 2 and words[2].isdigit() else None}
    if inner:
        out["inner_vlans"] = inner
    if etype == ETH_P_IP:
        ip = parse_ipv4(rest)
        if ip:
            out.update(dscp=ip["dscp"], ip_src=ip["src"], ip_dst=ip["dst"])
    return out


def recv(a):
    sel = selectors.DefaultSelector()
    for iface in a.iface:
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        s.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
        s.bind((iface, 0))
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, iface)
    watch_stdin(sel, a)
    emit({"ready": True, "ifaces": a.iface})
    deadline = Deadline(a.timeout)
    got = 0
    by_iface = {i: [] for i in a.iface}
    eof = False
    while got < a.count and not deadline.over() and not eof:
        for key, _unused in sel.select(timeout=min(0.2, deadline.left())):
            if key.data == "stdin":
                eof = eof or stdin_closed(key)
                continue
            frame, anc, _flags, addr = key.fileobj.recvmsg(65535, socket.CMSG_SPACE(AUXDATA.size))
            if addr[2] == socket.PACKET_OUTGOING:
                continue  # our own sends
            info = decode(key.data, frame, anc)
            if info is None or (a.marker and info["marker"] != a.marker):
                continue
            emit(info)
            by_iface[key.data].append(info["vlan"])
            got += 1
    return finish_recv(got, a.count, by_iface=by_iface)


def main():
    ap, s, r = parsers(__doc__)
    s.add_argument("--iface", required=True)
    s.add_argument("--vlan", type=int, help="802.1Q VLAN id; untagged when absent")
    s.add_argument("--pcp", type=int, default=0, help="802.1p priority in the tag")
    s.add_argument("--marker", default="x", help="word put in the payload, to tell flows apart")
    s.add_argument("--src-mac", default="", help="default: the interface's MAC")
    s.add_argument("--dst-mac", default="ff:ff:ff:ff:ff:ff")
    s.add_argument("--ip-src", default="192.0.2.10")
    s.add_argument("--ip-dst", default="", help="send IPv4/UDP inside the frame")
    s.add_argument("--udp-sport", type=int, default=16384)
    s.add_argument("--udp-dport", type=int, default=16384)
    s.add_argument("--dscp", type=int, default=0)
    s.add_argument("--interval", type=float, default=0.05)
    r.set_defaults(timeout=3.0)
    r.add_argument("--iface", action="append", required=True, help="repeat for several interfaces")
    r.add_argument("--marker", default="", help="only report frames with this marker")
    a = ap.parse_args()
    return send(a) if a.cmd == "send" else recv(a)


if __name__ == "__main__":
    sys.exit(main())
