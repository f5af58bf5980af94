# -*- coding: utf-8 -*-
"""What Galaxy and Automation Hub check before they take the collection (tools/galaxy-check.sh):
galaxy-importer on the built tarball with no error or warning, COPYING in it,
antsibull-docs lint-collection-docs and antsibull-changelog lint clean. The same script
on a copy with a role README, the licence and a module description taken away fails,
naming each."""

import os
import shutil
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECK = os.path.join(REPO, "tools", "galaxy-check.sh")


def _galaxy_check(src):
    return subprocess.run(["bash", CHECK, str(src)], capture_output=True, text=True, timeout=600, check=False)


def _copy_of_repo(dest):
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    for rel in files:
        src = os.path.join(REPO, rel)
        if os.path.isfile(src):
            os.makedirs(os.path.join(dest, os.path.dirname(rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(dest, rel))


def test_galaxy_accepts_the_tarball():
    done = _galaxy_check(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "passes galaxy-importer, antsibull-docs and antsibull-changelog lint" in done.stdout


def test_galaxy_check_names_what_galaxy_would_refuse(tmp_path):
    copy = tmp_path / "network"
    _copy_of_repo(copy)
    os.remove(copy / "roles" / "qos" / "README.md")
    os.remove(copy / "COPYING")
    spec = copy / "roles" / "apply" / "meta" / "argument_specs.yml"
    text = spec.read_text()
    start = text.index("  main:\n")
    cut = text.index("    description:\n", start)
    end = text.index("    options:\n", cut)
    spec.write_text(text[:cut] + text[end:])  # the main entry point without a description
    done = _galaxy_check(copy)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "galaxy-check: COPYING is not in" in out
    assert "No role readme found" in out
    assert "entry_points -> main -> description" in out
