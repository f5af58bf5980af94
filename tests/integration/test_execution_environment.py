"""execution-environment.yml: `ansible-builder create` accepts it offline, and the build
context does what the image build would do with it.

No image is built (no registry here). Instead the test replays the two build steps
that depend on this repository, offline and in a scratch directory: the galaxy stage
(`ansible-galaxy collection install -r requirements.yml` from the context's _build
directory) and the builder stage's introspection (ansible-builder's own introspect.py
from the context), which must find the collection's Python dependencies through
meta/execution-environment.yml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
BIN = REPO / ".venv" / "bin"


def _run(args, cwd, env=None):
    p = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env, check=False)
    assert p.returncode == 0, "%s failed:\n%s\n%s" % (" ".join(map(str, args)), p.stdout[-3000:], p.stderr[-3000:])
    return p


def _isolated_env(tmp_path):
    """No user collections (~/.ansible) and no repository ansible.cfg: a clean builder."""
    home = tmp_path / "home"
    home.mkdir()
    cfg = home / "ansible.cfg"
    cfg.write_text("[defaults]\n")
    return {"HOME": str(home), "PATH": "%s:/usr/bin:/bin" % BIN, "ANSIBLE_CONFIG": str(cfg),
            "ANSIBLE_COLLECTIONS_PATH": str(tmp_path / "collections")}


def test_builder_v3_definition():
    ee = yaml.safe_load((REPO / "execution-environment.yml").read_text())
    assert ee["version"] == 3
    assert ee["images"]["base_image"]["name"]
    deps = ee["dependencies"]
    assert deps["ansible_core"]["package_pip"].startswith("ansible-core>=2.19")
    assert deps["ansible_runner"]["package_pip"].startswith("ansible-runner")
    meta = yaml.safe_load((REPO / "meta" / "execution-environment.yml").read_text())
    assert meta["dependencies"] == {"python": "requirements.txt", "system": "bindep.txt"}


def test_create_offline_and_replay_galaxy_and_introspection(tmp_path):
    context = tmp_path / "context"
    _run([BIN / "ansible-builder", "create", "-f", "execution-environment.yml", "-c", context,
          "--output-filename", "Containerfile"], cwd=REPO)
    containerfile = (context / "Containerfile").read_text()
    assert 'ARG EE_BASE_IMAGE="quay.io/centos/centos:stream9"' in containerfile
    assert "ansible-core>=2.19,<2.20" in containerfile and "ansible-runner>=2.4,<3" in containerfile
    build = context / "_build"
    assert (build / "requirements.yml").read_text() == (REPO / "meta" / "ee-requirements.yml").read_text()
    for name in ("galaxy.yml", "requirements.txt", "bindep.txt", "meta/execution-environment.yml",
                 "plugins/modules/voip_readiness.py", "roles/readiness/tasks/main.yml",
                 "catalog/schema.json", "playbooks/readiness.yml"):
        assert (build / "collection" / name).read_bytes() == (REPO / name).read_bytes(), name

    # The galaxy stage, offline: the collection installs from the copied files.
    env = _isolated_env(tmp_path)
    _run([BIN / "ansible-galaxy", "collection", "install", "-r", "requirements.yml",
          "--collections-path", tmp_path / "collections"], cwd=build, env=env)
    installed = tmp_path / "collections" / "ansible_collections" / "voipready" / "network"
    assert (installed / "MANIFEST.json").exists()
    assert (installed / "plugins" / "action" / "voip_readiness.py").exists()
    docs = _run([BIN / "ansible-doc", "-t", "module", "voipready.network.voip_readiness"], cwd=tmp_path, env=env)
    assert "target_connections" in docs.stdout and str(installed) in docs.stdout

    # The builder stage's introspection: the collection's own dependency declaration.
    found = _run([sys.executable, build / "scripts" / "introspect.py", "introspect", tmp_path / "collections"],
                 cwd=tmp_path)
    deps = yaml.safe_load(found.stdout)
    python = {line.split(">")[0].split("[")[0].strip().lower(): line for line in deps["python"]}
    for needed in ("netmiko", "napalm", "hier_config", "jmespath", "jsonschema"):
        assert needed in python and "from collection voipready.network" in python[needed], deps["python"]
    # required only where imported: address math is ipaddress, parsing is hier_config and
    # the drivers' readers (netaddr is a test dependency, textfsm comes with netmiko)
    for unused in ("netaddr", "textfsm"):
        assert unused not in python, deps["python"]
    # What an EE brings itself (ansible-core) or only tests need (ansible) stays out.
    assert "ansible" not in python and "ansible-core" not in python, deps["python"]
