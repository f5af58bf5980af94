# -*- coding: utf-8 -*-
"""`ansible-galaxy collection build` gives an installable tarball: installed into a clean
collections path, its filter answers by FQCN and its modules have documentation."""

import json
import os
import subprocess
import sys

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)


def run(args, env=None, cwd=REPO):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, "%s failed:\n%s\n%s" % (" ".join(args), done.stdout, done.stderr)
    return done


def test_build_install_and_call_a_filter_by_fqcn(tmp_path):
    version = yaml.safe_load(open(os.path.join(REPO, "galaxy.yml")))["version"]
    run([os.path.join(BIN, "ansible-galaxy"), "collection", "build", "--force",
         "--output-path", str(tmp_path), REPO])
    tarball = tmp_path / ("voipready-network-%s.tar.gz" % version)
    assert tarball.is_file()

    clean = tmp_path / "collections"
    run([os.path.join(BIN, "ansible-galaxy"), "collection", "install", "--offline", "--force",
         "-p", str(clean), str(tarball)])
    # Only the clean path: no repository ansible.cfg, no checkout link.
    (tmp_path / "ansible.cfg").write_text("[defaults]\n")
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(clean),
               ANSIBLE_CONFIG=str(tmp_path / "ansible.cfg"))
    out = run([os.path.join(BIN, "ansible"), "localhost", "-m", "ansible.builtin.debug",
               "-a", "msg={{ 'kore' | voipready.network.provider_rules(region='eu') "
                     "| map(attribute='service') | unique | sort | join(',') }}"],
              env=env, cwd=str(tmp_path))
    assert "cloud-domains,rtp,sip,sip-tls,webrtc-https,webrtc-rtp,webrtc-wss" in out.stdout, out.stdout
    doc = run([os.path.join(BIN, "ansible-doc"), "--json", "voipready.network.allowlist"],
              env=env, cwd=str(tmp_path))
    assert "config" in json.loads(doc.stdout)["voipready.network.allowlist"]["doc"]["options"]
    # Nothing from the working tree's caches or the lab's secrets ends up in the tarball.
    listing = run(["tar", "-tzf", str(tarball)]).stdout
    assert ".venv/" not in listing and "lab/.state" not in listing and ".cache/" not in listing
