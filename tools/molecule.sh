#!/usr/bin/env bash
# The Molecule scenarios, one after the other: linux_firewall and ovs_switch share the
# podman lab (their create/destroy bring it up and take it down: see molecule/README.md);
# ios, cat, eos, asa, fortios, junos_srx, junos_ex, vyos, panos and routeros each start one
# emulated device of their own (molecule/emulator/) and never touch the lab.
#   tools/molecule.sh                   # linux_firewall ovs_switch ios cat eos asa fortios
#                                       # junos_srx junos_ex vyos panos routeros
#   tools/molecule.sh ovs_switch        # one scenario
# The lab is taken down at the end only when this run found it down and ran a scenario that
# brings it up (VOIPREADY_KEEP_LAB=1: never); a lab that was already up, or half up, is
# someone else's and stays as it was.
# Exits non-zero when any scenario fails (every scenario is still attempted).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export ANSIBLE_COLLECTIONS_PATH="$ROOT/.cache/collections"
export ANSIBLE_CONFIG="$ROOT/ansible.cfg"
export ANSIBLE_NOCOLOR=1 PY_COLORS=0 ANSIBLE_FORCE_COLOR=0 NO_COLOR=1
export PATH="$ROOT/.venv/bin:$PATH"

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(linux_firewall ovs_switch ios cat eos asa fortios
                                          junos_srx junos_ex vyos panos routeros)

[ -e "$ANSIBLE_COLLECTIONS_PATH/ansible_collections/voipready/network" ] || tools/setup.sh test
lab/labctl build || { echo "molecule.sh: lab/labctl build failed" >&2; exit 1; }

# Molecule must test this checkout and nothing else: the scenarios say `prerun: false`
# (no collection copy installed into ~/.ansible), and this fails the run if any other
# copy of voipready.network is visible to Ansible, before or after.
only_checkout() {
  local where
  where=$(ansible-galaxy collection list voipready.network 2>/dev/null | sed -n 's/^# //p' | sort -u)
  # ~/.ansible/collections is where Molecule's prerun installs, and Molecule adds it to the
  # provisioner's search path whatever ANSIBLE_COLLECTIONS_PATH says.
  local home_copy="${ANSIBLE_HOME:-$HOME/.ansible}/collections/ansible_collections/voipready/network"
  [ -e "$home_copy" ] && where="$where
$home_copy"
  if [ "$where" != "$ANSIBLE_COLLECTIONS_PATH/ansible_collections" ]; then
    echo "molecule.sh: voipready.network is visible from other places than the checkout ($1):" >&2
    echo "$where" >&2
    echo "molecule.sh: remove the copy (it is not this checkout) and run again" >&2
    return 1
  fi
}
only_checkout "before" || exit 1

# Whose lab is it? labctl status: 0 up, 3 partial, 4 down (nothing of it exists). A lab
# found up or partial is not this run's: VOIPREADY_KEEP_LAB=1 makes linux_firewall's and
# ovs_switch's destroy (molecule/shared/destroy.yml) leave it up as well.
lab/labctl status >/dev/null 2>&1
case $? in
  4) lab_at_start=down ;;
  *) lab_at_start=up; export VOIPREADY_KEEP_LAB=1 ;;
esac

rc=0
summary=()
for s in "${scenarios[@]}"; do
  start=$(date +%s)
  if molecule test -s "$s"; then result=passed; else result=FAILED; rc=1; fi
  only_checkout "after $s" || { result="$result (and a stale collection copy appeared)"; rc=1; }
  summary+=("$s: $result in $(( $(date +%s) - start ))s")
done
# A failed scenario can leave the lab up (Molecule destroys on failure, but be sure), but
# only a lab this run brought up is ours to take down: one that was up at the start belongs
# to whoever started it (an unconditional `labctl down` here once removed a lab another
# engineer was testing against, from a run of emulator scenarios that never used it).
# Only the lab scenarios (create: ../shared/create.yml) bring it up at all.
uses_lab=0
for s in "${scenarios[@]}"; do
  grep -qs 'create: \.\./shared/create\.yml' "molecule/$s/molecule.yml" && uses_lab=1
done
if [ "$lab_at_start" = down ] && [ $uses_lab = 1 ] && [ "${VOIPREADY_KEEP_LAB:-}" != 1 ]; then
  lab/labctl status >/dev/null 2>&1
  [ $? -ne 4 ] && lab/labctl down >/dev/null 2>&1
fi
printf 'molecule: %s\n' "${summary[@]}"
exit $rc
