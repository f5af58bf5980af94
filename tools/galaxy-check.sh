#!/usr/bin/env bash
# What Galaxy / Automation Hub check before they accept the collection, offline:
#   1. `ansible-galaxy collection build` gives a tarball that carries COPYING;
#   2. galaxy-importer (Galaxy's own import pipeline, with its ansible-lint) on that
#      tarball prints no ERROR and no WARNING;
#   3. `antsibull-docs lint-collection-docs` on the installed tarball is clean;
#   4. `antsibull-changelog lint`: every changelog fragment is well-formed.
# Usage: tools/galaxy-check.sh [COLLECTION_DIR]   (default: this checkout)
#        GALAXY_IMPORTER_LOG=FILE tools/galaxy-check.sh   keeps galaxy-importer's whole output
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "${1:-$here}" && pwd)
bin=$here/.venv/bin
export PATH=$bin:$PATH ANSIBLE_NOCOLOR=1
work=$(mktemp -d "${TMPDIR:-/tmp}/voipready-galaxy.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0

ansible-galaxy collection build --force --output-path "$work" "$src" >/dev/null
tarball=$(ls "$work"/voipready-network-*.tar.gz)
for f in COPYING README.md changelogs/changelog.yaml; do
  tar -tzf "$tarball" "$f" >/dev/null 2>&1 || { echo "galaxy-check: $f is not in $(basename "$tarball")"; fail=1; }
done

# galaxy-importer's defaults are Galaxy's (ansible-doc, ansible-lint; no flake8, no ansible-test).
# Like Galaxy's server: only the collections the tarball declares are there, not the ones
# the `ansible` package in .venv brings (an undeclared one must show as a warning here).
mkdir -p "$work/none"
(cd "$work" && env -u GALAXY_IMPORTER_CONFIG ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=False \
   ANSIBLE_COLLECTIONS_PATH="$work/none" python3 -m galaxy_importer.main "$tarball" >importer.log 2>&1) \
  || { echo "galaxy-check: galaxy-importer failed"; fail=1; }
[[ -n "${GALAXY_IMPORTER_LOG:-}" ]] && cp "$work/importer.log" "$GALAXY_IMPORTER_LOG"
if grep -E '^(ERROR|WARNING)' "$work/importer.log"; then
  echo "galaxy-check: galaxy-importer reported the lines above"; fail=1
fi

ANSIBLE_COLLECTIONS_PATH=$work/installed ansible-galaxy collection install --offline --no-deps \
  -p "$work/installed" "$tarball" >/dev/null 2>&1
(cd "$work/installed/ansible_collections/voipready/network" &&
  ANSIBLE_COLLECTIONS_PATH=$work/installed antsibull-docs lint-collection-docs --plugin-docs .) \
  || { echo "galaxy-check: antsibull-docs lint-collection-docs failed"; fail=1; }

(cd "$src" && antsibull-changelog lint) || { echo "galaxy-check: antsibull-changelog lint failed"; fail=1; }

[[ $fail == 0 ]] && echo "galaxy-check: $(basename "$tarball") passes galaxy-importer, antsibull-docs and antsibull-changelog lint"
exit $fail
