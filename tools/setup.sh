#!/usr/bin/env bash
# Installs what `make demo` and `make test` need on a fresh Debian 12 machine (as root),
# reusing whatever is already there:
#   1. system packages from bindep.txt's profiles (apt, only when one is missing);
#   2. the virtual environment .venv (rebuilt when requirements*.txt change);
#   3. the link .cache/collections/ansible_collections/voipready/network -> repo root,
#      so `voipready.network.*` resolves from this checkout.
# Usage: tools/setup.sh [PROFILE...]   (profiles from bindep.txt; default: none extra)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# -- 1. system packages ---------------------------------------------------------------
profiles=" ${*:-} "
wanted=()
while read -r pkg rest; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  tags=${rest#[}; tags=${tags%]}
  need=no
  for tag in $tags; do
    case "$tag" in
      platform:dpkg) [[ "$tags" == "platform:dpkg" ]] && need=yes ;;
      compile) ;;
      *) [[ "$profiles" == *" $tag "* ]] && need=yes ;;
    esac
  done
  [[ $need == yes ]] && wanted+=("$pkg")
done < bindep.txt
# python3 -m venv works without python3-venv on a Python built from source.
if python3 -c 'import ensurepip, venv' 2>/dev/null; then
  wanted=("${wanted[@]/python3-venv}")
fi
missing=()
for pkg in "${wanted[@]}"; do
  [[ -z "$pkg" ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then echo "setup: need root for apt-get (missing: ${missing[*]})" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# -- 2. virtual environment --------------------------------------------------------------
stamp=".venv/.requirements-$(cat requirements.txt requirements-test.txt | sha256sum | cut -c1-16)"
if [[ ! -x .venv/bin/python || ! -f "$stamp" ]]; then
  echo "setup: building .venv"
  [[ -x .venv/bin/python ]] || python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-test.txt
  rm -f .venv/.requirements-*
  touch "$stamp"
fi

# -- 3. the collection, importable from this checkout ------------------------------------
mkdir -p .cache/collections/ansible_collections/voipready
ln -sfn ../../../.. .cache/collections/ansible_collections/voipready/network
test -f .cache/collections/ansible_collections/voipready/network/galaxy.yml
