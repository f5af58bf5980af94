# -*- coding: utf-8 -*-
"""The installed collection's playbooks, run by name (issue 14.4): the built tarball
installed into a temporary collections path, nothing of the checkout on any path, then

* ``ansible-playbook voipready.network.site -e voipready_state=rendered`` on
  inventories/example writes rendered/<host>.conf for all 12 hosts in the working
  directory, byte for byte what the checkout's root site.yml renders, and nothing inside
  the installed collection;
* ``voipready.network.compliance`` with every device on a closed loopback port writes
  reports/compliance.{json,xml,html} in the working directory too.
"""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
EXAMPLE = REPO / "inventories" / "example"
EXAMPLE_HOSTS = sorted(h for g in yaml.safe_load((EXAMPLE / "hosts.yml").read_text())["all"]["children"].values()
                       for h in g["hosts"])
CLOSED = ["-e", "ansible_host=127.0.0.1", "-e", "ansible_port=9"]


def run(args, cwd, env=None):
    return subprocess.run([str(a) for a in args], cwd=str(cwd), env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def listing(root):
    """Every file and directory under ``root`` but Python's bytecode caches (importing the
    collection's plugins writes those; they are not outputs of a run)."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("installed")
    version = yaml.safe_load((REPO / "galaxy.yml").read_text())["version"]
    built = run([BIN / "ansible-galaxy", "collection", "build", "--force", "--output-path", base, REPO], cwd=base)
    assert built.returncode == 0, built.stdout + built.stderr
    collections = base / "collections"
    # only the target path: with make test's ANSIBLE_COLLECTIONS_PATH (the checkout link)
    # ansible-galaxy finds voipready.network "already installed" and installs nothing
    done = run([BIN / "ansible-galaxy", "collection", "install", "--offline", "--no-deps", "-p", collections,
                base / ("voipready-network-%s.tar.gz" % version)], cwd=base,
               env=dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections)))
    assert done.returncode == 0, done.stdout + done.stderr
    root = collections / "ansible_collections" / "voipready" / "network"
    assert (root / "playbooks" / "site.yml").is_file()
    # no repository ansible.cfg, no checkout link: only the installed collection (and the
    # collections of the `ansible` package, as on any controller that has it)
    (base / "ansible.cfg").write_text("[defaults]\nhost_key_checking = False\n")
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections), ANSIBLE_CONFIG=str(base / "ansible.cfg"),
               ANSIBLE_NOCOLOR="1")
    env.pop("ANSIBLE_ROLES_PATH", None)
    work = base / "work"
    work.mkdir()
    return root, env, work


def test_site_by_name_renders_into_the_working_directory(installed, tmp_path):
    root, env, work = installed
    before = listing(root)
    done = run([BIN / "ansible-playbook", "-i", EXAMPLE, "voipready.network.site", "-e", "voipready_state=rendered"],
               cwd=work, env=env)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    rendered = work / "rendered"
    assert sorted(p.name for p in rendered.iterdir()) == ["%s.conf" % h for h in EXAMPLE_HOSTS]
    assert listing(root) == before, "the run wrote inside the installed collection"
    # the checkout's root site.yml (which imports playbooks/site.yml) renders the same bytes
    ours = tmp_path / "checkout"
    checkout_env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_NOCOLOR="1",
                        ANSIBLE_COLLECTIONS_PATH=str(REPO / ".cache" / "collections"))
    again = run([BIN / "ansible-playbook", "-i", EXAMPLE, "site.yml", "-e", "voipready_state=rendered",
                 "-e", "voipready_render_dir=%s" % ours], cwd=REPO, env=checkout_env)
    assert again.returncode == 0, again.stdout[-4000:] + again.stderr[-2000:]
    for host in EXAMPLE_HOSTS:
        mine = (rendered / ("%s.conf" % host)).read_bytes()
        assert mine and mine == (ours / ("%s.conf" % host)).read_bytes(), host


def test_compliance_by_name_reports_into_the_working_directory(installed):
    root, env, work = installed
    with socket.socket() as probe:
        probe.settimeout(2)
        assert probe.connect_ex(("127.0.0.1", 9)) != 0, "something listens on 127.0.0.1:9; the test needs it closed"
    before = listing(root)
    done = run([BIN / "ansible-playbook", "-i", EXAMPLE, "voipready.network.compliance", *CLOSED], cwd=work, env=env)
    assert done.returncode != 0 and "not compliant:" in done.stdout, done.stdout[-4000:] + done.stderr[-2000:]
    for name in ("compliance.json", "compliance.xml", "compliance.html"):
        assert (work / "reports" / name).is_file(), name
    assert listing(root) == before, "the run wrote inside the installed collection"
