#!/usr/bin/env bash
# ansible-test insists on running from .../ansible_collections/NAMESPACE/NAME, and a
# symlinked path resolves back to the checkout, so test a copy of the tracked files.
set -euo pipefail
cd "$(dirname "$0")/.."
# ansible-test bootstraps pip in its venvs with a get-pip.py it downloads; this machine
# is offline apart from the package registries, so give it the ensurepip shim instead.
pip_version=$(sed -n "s/^ *pip='\\([0-9.]*\\)',/\\1/p" .venv/lib/python3*/site-packages/ansible_test/_internal/python_requirements.py | head -1)
pip_version=${pip_version:-24.2}
mkdir -p ~/.ansible/test/cache
cp tools/ansible-test/get_pip_shim.py ~/.ansible/test/cache/get_pip_${pip_version//./_}.py
dest=.cache/sanity/ansible_collections/voipready/network
rm -rf .cache/sanity && mkdir -p "$dest"
git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} "$dest"/ 2>/dev/null || true
cd "$dest"
# ansible-test lists targets from git; give the copy an index of its own.
git init -q . && git add -A . >/dev/null
# Skipped: pslint (needs PowerShell, which Debian does not package) and shellcheck (the
# shell scripts are not shellcheck-clean yet). pylint runs: Galaxy and Automation Hub gate on it.
../../../../../.venv/bin/ansible-test sanity --python 3.11 --local --color no "$@" \
  --skip-test pslint --skip-test shellcheck 2>&1 | grep -vE "^(Collecting|Downloading|Installing|Successfully|Looking|WARNING: Location|  Downloading|     ━|Processing|  Attempting|    Found|    Uninstalling|      Successfully|Requirement already)"
