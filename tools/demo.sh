#!/usr/bin/env bash
# make demo: bring the lab up, run site.yml twice over the whole lab (the second run must
# change nothing), then show what the devices now hold. The whole lab is two inventories:
# inventories/lab (vr-fw1 nftables, vr-sw1 Open vSwitch: real software) and
# inventories/lab-emulated (the emulated vendor devices labctl starts beside them).
set -euo pipefail
cd "$(dirname "$0")/.."
export ANSIBLE_CONFIG=$PWD/ansible.cfg ANSIBLE_COLLECTIONS_PATH=$PWD/.cache/collections
playbook=.venv/bin/ansible-playbook
log=$(mktemp -d)/demo
inventories=(-i inventories/lab)
[ -f inventories/lab-emulated/hosts.yml ] && inventories+=(-i inventories/lab-emulated)

echo "== site.yml, first run (converges the lab) =="
$playbook "${inventories[@]}" site.yml | tee "$log.1"
echo
echo "== site.yml, second run (must change nothing) =="
$playbook "${inventories[@]}" site.yml | tee "$log.2"
if grep -E '^\S+\s+: ok=' "$log.2" | grep -vq 'changed=0 '; then
  echo "demo: the second run changed something: the collection is not idempotent" >&2
  exit 1
fi

echo
echo "== what the lab devices hold now =="
echo "-- vr-fw1: nft list table inet voipready"
podman exec vr-fw1 nft list table inet voipready
echo "-- vr-fw1: conntrack UDP timeouts"
podman exec vr-fw1 sysctl net.netfilter.nf_conntrack_udp_timeout net.netfilter.nf_conntrack_udp_timeout_stream
echo "-- vr-sw1: phone and uplink ports"
podman exec vr-sw1 ovs-vsctl --columns=name,tag,trunks,vlan_mode list Port phone1 uplink1
echo "-- vr-sw1: voice DSCP flows"
podman exec vr-sw1 ovs-ofctl -O OpenFlow13 dump-flows br0 | grep -v 'cookie=0x0,' || true
echo
echo "demo: second run changed nothing on $(grep -cE '^\S+\s+: ok=' "$log.2") hosts (the vendor ones are emulated, lab/README.md); SSH logins per device are in 'podman logs <host>'"
