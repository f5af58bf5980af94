# -*- coding: utf-8 -*-
"""Every role has a README (Galaxy refuses a collection without), and its variables
section says what meta/argument_specs.yml says."""

import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _check(root):
    return subprocess.run([sys.executable, os.path.join(root, "tools", "role_readmes.py"), "--check"],
                          capture_output=True, text=True, check=False)


def test_every_role_readme_is_current():
    roles = sorted(d for d in os.listdir(os.path.join(REPO, "roles"))
                   if os.path.isfile(os.path.join(REPO, "roles", d, "meta", "argument_specs.yml")))
    assert roles and all(os.path.isfile(os.path.join(REPO, "roles", r, "README.md")) for r in roles)
    done = _check(REPO)
    assert done.returncode == 0, done.stderr


def test_a_changed_argument_spec_makes_the_readme_stale(tmp_path):
    for part in ("tools", "roles"):
        shutil.copytree(os.path.join(REPO, part), tmp_path / part)
    spec = tmp_path / "roles" / "qos" / "meta" / "argument_specs.yml"
    spec.write_text(spec.read_text().replace("Trust DSCP received from the voice side.",
                                             "Trust nothing."))
    done = _check(str(tmp_path))
    assert done.returncode == 1
    assert "roles/qos/README.md: out of date" in done.stderr
    subprocess.run([sys.executable, str(tmp_path / "tools" / "role_readmes.py")], check=True)
    assert "Trust nothing." in (tmp_path / "roles" / "qos" / "README.md").read_text()
    assert _check(str(tmp_path)).returncode == 0
