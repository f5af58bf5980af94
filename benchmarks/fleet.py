"""The benchmark's own fleet of lab firewalls: N containers from the lab image
``localhost/voipready-fw:1``, separate from the shared lab (no lab label, own networks,
own names ``vr-bench-fw<NNN>``, own SSH ports from 127.0.0.1:2300), so ``lab/labctl
down`` run by someone else never touches it and this fleet never touches the lab.

Image build and the SSH secrets come from lab/labctl (imported, not copied); every
container is made the way labctl makes vr-fw1: --privileged (conntrack sysctls),
interfaces mgmt0/inside0/outside0 (the names inventories/lab/group_vars/all.yml uses),
the lab's masquerade table ``lab_nat`` and, as on a router shipped with SIP ALG on, a
customer table that assigns the kernel's SIP helper to UDP 5060.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
STATE = BENCH / ".state"


def _load_labctl():
    loader = importlib.machinery.SourceFileLoader("labctl", str(REPO / "lab" / "labctl"))
    spec = importlib.util.spec_from_loader("labctl", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


labctl = _load_labctl()

PREFIX = "vr-bench-fw"
SSH_BASE = 2300
BENCH_LABEL = "org.voipready.bench"   # NOT labctl's org.voipready.lab: `labctl down` ignores us
# Management networks with IPAM (port publishing needs it); 60 devices per /26.
MGMT_NETS = [("vr-bench-mgmt", "198.51.100.64/26"), ("vr-bench-mgmt2", "198.51.100.128/26")]
PER_MGMT = 60
DATA_NETS = ("vr-bench-inside", "vr-bench-outside")   # internal, no IPAM, no traffic needed
MAX_N = PER_MGMT * len(MGMT_NETS)

# The factory state of a device before either tool runs: the lab's NAT (not owned by
# either tool, must survive) and a SIP ALG that both tools have to switch off.
BASE_NFT = labctl.LAB_NAT + """\
table ip customer_alg {
    ct helper sip-5060 {
        type "sip" protocol udp
        l3proto ip
    }
    chain prerouting {
        type filter hook prerouting priority filter; policy accept;
        udp dport 5060 ct helper set "sip-5060"
    }
}
"""

# Back to clean: remove what either tool owns (tables, files, include lines, sysctls),
# then load the factory tables again.
RESET = """\
nft list tables | while read -r _ fam name; do nft delete table "$fam" "$name"; done
rm -f /etc/nftables.d/voipready.nft /etc/nftables.d/peer-voice.nft \
      /etc/sysctl.d/90-voipready.conf /etc/sysctl.d/90-peer-voice.conf
rm -rf /run/voipready
if [ -f /etc/nftables.conf ]; then sed -i '/nftables.d/d' /etc/nftables.conf; fi
sysctl -qw net.netfilter.nf_conntrack_udp_timeout=30
sysctl -qw net.netfilter.nf_conntrack_udp_timeout_stream=120
nft -f - <<'EOF'
%s
EOF
""" % BASE_NFT


def name(i: int) -> str:
    return "%s%03d" % (PREFIX, i)


def port(i: int) -> int:
    return SSH_BASE + i


def podman(*args: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
    p = subprocess.run(["podman", *args], capture_output=True, text=True, **kw, check=False)
    if check and p.returncode != 0:
        raise RuntimeError("podman %s failed (%d): %s" % (" ".join(args[:3]), p.returncode,
                                                          p.stderr.strip()[-2000:]))
    return p


def parallel(fn, items, workers: int = 8) -> list:
    with ThreadPoolExecutor(max_workers=workers) as ex:
        return list(ex.map(fn, items))


def existing() -> list[str]:
    p = podman("ps", "-a", "--filter", "label=%s=1" % BENCH_LABEL, "--format", "{{.Names}}")
    return sorted(p.stdout.split())


def networks_needed(n: int) -> list[tuple[str, str]]:
    return MGMT_NETS[: (n + PER_MGMT - 1) // PER_MGMT]


def create_networks(n: int) -> None:
    have = set(podman("network", "ls", "--format", "{{.Name}}").stdout.split())
    for net, subnet in networks_needed(n):
        if net not in have:
            podman("network", "create", "--label", "%s=1" % BENCH_LABEL, "--disable-dns",
                   "--subnet", subnet, net)
    for net in DATA_NETS:
        if net not in have:
            podman("network", "create", "--label", "%s=1" % BENCH_LABEL, "--disable-dns",
                   "--internal", "--ipam-driver", "none", net)


def start_one(i: int) -> None:
    mgmt = MGMT_NETS[(i - 1) // PER_MGMT][0]
    podman("run", "-d", "--name", name(i), "--hostname", name(i), "--init",
           "--label", "%s=1" % BENCH_LABEL, "--pull=never", "--privileged",
           "--sysctl", "net.ipv6.conf.all.disable_ipv6=1",
           "--sysctl", "net.ipv6.conf.default.disable_ipv6=1",
           "--sysctl", "net.ipv4.ip_forward=1",
           "-v", "%s:/run/lab-secrets:ro" % labctl.SECRETS,
           "--network", "%s:interface_name=mgmt0" % mgmt,
           "--network", "%s:interface_name=inside0" % DATA_NETS[0],
           "--network", "%s:interface_name=outside0" % DATA_NETS[1],
           "-p", "127.0.0.1:%d:22" % port(i), labctl.IMAGES["fw"])
    exec_sh(name(i), "ip link set inside0 up; ip link set outside0 up; "
                     "ip addr replace 192.0.2.1/24 dev inside0; "
                     "ip addr replace 203.0.113.1/24 dev outside0; "
                     "ip route del default 2>/dev/null || true")


def exec_sh(container: str, script: str, check: bool = True) -> str:
    p = podman("exec", "-i", container, "sh", "-e", check=False, input=script)
    if check and p.returncode != 0:
        raise RuntimeError("in %s: %s" % (container, p.stderr.strip()[-1000:]))
    return p.stdout


def up(n: int, log=print) -> list[str]:
    if not 1 <= n <= MAX_N:
        raise ValueError("BENCH_N=%r: must be between 1 and %d" % (n, MAX_N))
    labctl.build()
    labctl.ensure_secrets()
    down(log=lambda *_: None)          # leftovers of an interrupted run
    t0 = time.monotonic()
    create_networks(n)
    # podman run is serialised by podman's own lock; a few at a time is all it takes.
    parallel(start_one, range(1, n + 1), workers=4)
    for i in range(1, n + 1):
        labctl.wait_for(lambda p=port(i): labctl.ssh_banner(p), 60, "sshd of %s" % name(i))
    names = [name(i) for i in range(1, n + 1)]
    reset(names)
    log("fleet: %d devices up in %.1fs" % (n, time.monotonic() - t0))
    return names


def down(log=print) -> None:
    names = existing()
    if names:
        podman("rm", "-f", "-t", "0", *names, check=False)
    have = set(podman("network", "ls", "--format", "{{.Name}}").stdout.split())
    nets = [net for net, _unused in MGMT_NETS if net in have] + [net for net in DATA_NETS if net in have]
    if nets:
        podman("network", "rm", "-f", *nets, check=False)
    if names or nets:
        log("fleet: removed %d containers, %d networks" % (len(names), len(nets)))


def reset(names: list[str]) -> None:
    parallel(lambda c: exec_sh(c, RESET), names)


def login_counts(names: list[str]) -> dict[str, int]:
    """Accepted SSH logins each device's sshd has logged since it started (sshd -D -e)."""
    def count(c):
        p = podman("logs", c, check=False)
        return sum(1 for ln in (p.stdout + p.stderr).splitlines() if "Accepted " in ln)
    return dict(zip(names, parallel(count, names)))


def lab_group_vars() -> dict:
    """inventories/lab/group_vars/all.yml with the catalog dir made absolute (the lab file
    finds it relative to its own inventory dir, which the generated one is not)."""
    import yaml
    data = yaml.safe_load((REPO / "inventories" / "lab" / "group_vars" / "all.yml").read_text())
    data["voipready_catalog_dirs"] = [str(REPO / "lab" / "catalog")]
    return data


def write_inventory(names: list[str], directory: Path, group_vars: dict | None = None) -> Path:
    """An inventory dir: hosts.yml (group firewalls, platform linux, key login) and, when
    given, group_vars/all.yml (JSON is YAML)."""
    directory.mkdir(parents=True, exist_ok=True)
    hosts = {n: {"ansible_port": port(int(n[len(PREFIX):]))} for n in names}
    inv = {"all": {
        "vars": {
            "ansible_host": "127.0.0.1", "ansible_user": "root",
            "ansible_ssh_private_key_file": str(labctl.STATE / "id_ed25519"),
            "ansible_host_key_checking": False,
            "ansible_ssh_common_args": "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
            "voipready_platform": "linux",
        },
        "children": {"firewalls": {"hosts": hosts}},
    }}
    (directory / "hosts.yml").write_text("---\n" + json.dumps(inv, indent=1, sort_keys=True) + "\n")
    if group_vars is not None:
        (directory / "group_vars").mkdir(exist_ok=True)
        (directory / "group_vars" / "all.yml").write_text(
            "---\n" + json.dumps(group_vars, indent=1, sort_keys=True) + "\n")
    return directory
