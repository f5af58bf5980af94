"""site.yml and playbooks/compliance.yml as one task per device, without the lab.

* Every host is tried (issue 14.1): the example inventory with every device on a closed
  loopback port (``-e ansible_host=127.0.0.1 -e ansible_port=9``, never the example's
  documentation addresses): the recap and the reports list all 12 hosts.
* The intent is what the filters and voipready_apply give: the example inventory rendered
  by site.yml equals, byte for byte, the same hosts rendered by a play that builds each
  feature's intent with the public filters (provider_rules, qos_classes) the way the
  roles used to, and hands it to voipready_apply.
* ``ansible_network_os`` names the platform (issue 14.2): a host with only
  ``ansible_network_os: cisco.ios.ios`` renders exactly as one with voipready_platform=ios.
* Bad input through site.yml (the site cases of tests/lab/test_bad_input.py, one host
  each, all in one run): every host fails before any login with a message that names the
  inventory variable, the module field and the value, never wrapped in "The filter
  plugin ... failed".
* One task per device: the recap has one task per host in every run above.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PLAYBOOK_BIN = Path(sys.executable).parent / "ansible-playbook"
ENV = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"),
           ANSIBLE_COLLECTIONS_PATH=str(REPO / ".cache" / "collections"), ANSIBLE_NOCOLOR="1")
EXAMPLE_HOSTS = sorted(h for g in yaml.safe_load((REPO / "inventories" / "example" / "hosts.yml").read_text())
                       ["all"]["children"].values() for h in g["hosts"])
CLOSED = ["-e", "ansible_host=127.0.0.1", "-e", "ansible_port=9"]


def playbook(*args, env=None, cwd=REPO):
    return subprocess.run([str(PLAYBOOK_BIN), *map(str, args)], cwd=str(cwd), env=dict(ENV, **(env or {})),
                          capture_output=True, text=True, timeout=600, check=False)


def recap(output):
    out = {}
    for m in re.finditer(r"^(\S+)\s+:\s+((?:\w+=\d+\s*)+)$", output.split("PLAY RECAP")[-1], re.M):
        out[m.group(1)] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", m.group(2))}
    return out


@pytest.fixture(scope="module")
def port_9_closed():
    with socket.socket() as s:
        s.settimeout(2)
        assert s.connect_ex(("127.0.0.1", 9)) != 0, "something listens on 127.0.0.1:9; the test needs it closed"


# -- every host is tried ----------------------------------------------------------------

def test_check_diff_with_every_device_unreachable_tries_all_12_hosts(port_9_closed):
    p = playbook("-i", "inventories/example", "site.yml", "--check", "--diff", *CLOSED)
    out = p.stdout + p.stderr
    assert p.returncode != 0
    rc = recap(p.stdout)
    assert sorted(rc) == EXAMPLE_HOSTS and len(rc) == 12, rc
    for host, counts in rc.items():
        assert counts["failed"] == 1 and counts["ok"] == 0, (host, counts)   # one task, tried, failed
    fatal = re.findall(r"^fatal: \[([^\]]+)\]", p.stdout, re.M)
    assert sorted(fatal) == EXAMPLE_HOSTS
    assert out.count("cannot log in to 127.0.0.1:9 as netops") >= 12
    assert not re.search(r"192\.0\.2\.\d+:", out), "a documentation address was contacted"


def test_compliance_with_every_device_unreachable_reports_all_12_hosts(port_9_closed, tmp_path):
    p = playbook("-i", "inventories/example", "playbooks/compliance.yml", *CLOSED,
                 "-e", "compliance_report_dir=%s" % tmp_path)
    assert p.returncode != 0 and "not compliant:" in p.stdout
    data = json.loads((tmp_path / "compliance.json").read_text())
    assert sorted(data["hosts"]) == EXAMPLE_HOSTS
    assert data["summary"]["unreachable"] == EXAMPLE_HOSTS
    rc = recap(p.stdout)
    assert set(EXAMPLE_HOSTS) <= set(rc)
    for host in EXAMPLE_HOSTS:
        assert rc[host]["failed"] == 0, (host, rc[host])     # reported, never dropped
        for cell in data["hosts"][host]["features"].values():
            assert cell["status"] == "unreachable" and "127.0.0.1:9" in cell["reason"]


def test_sliced_compliance_merges_into_the_unsliced_report(port_9_closed, tmp_path):
    """Three slices, every 3rd host (AWX's way), each with compliance_slice, into one
    directory; compliance_merge.yml gives the unsliced run's three reports byte for byte.
    (--limit includes localhost, where the report play runs; without it the run warns.)"""
    stamp = ["-e", "compliance_generated_at=2026-01-01T00:00:00Z"]
    whole, sliced = tmp_path / "whole", tmp_path / "sliced"
    playbook("-i", "inventories/example", "playbooks/compliance.yml", *CLOSED, *stamp,
             "-e", "compliance_report_dir=%s" % whole)
    for k in range(3):
        p = playbook("-i", "inventories/example", "playbooks/compliance.yml", *CLOSED, *stamp,
                     "--limit", ",".join(EXAMPLE_HOSTS[k::3] + ["localhost"]), "-e", "compliance_slice=s%d" % k,
                     "-e", "compliance_report_dir=%s" % sliced, env={"ANSIBLE_SHOW_CUSTOM_STATS": "1"})
        assert "voipready_compliance_slice_s%d" % k in p.stdout, p.stdout[-2000:]
        assert (sliced / ("compliance-slice-s%d.json" % k)).is_file()
    assert not (sliced / "compliance.json").exists()
    p = playbook("-i", "inventories/example", "playbooks/compliance.yml", *CLOSED, "--limit", EXAMPLE_HOSTS[0],
                 "-e", "compliance_report_dir=%s" % (tmp_path / "nolocal"))
    assert "leaves out localhost" in p.stdout and not (tmp_path / "nolocal").exists()
    m = playbook("playbooks/compliance_merge.yml", *stamp, "-e", "compliance_report_dir=%s" % sliced,
                 "-e", "compliance_slice_count=3", env={"ANSIBLE_SHOW_CUSTOM_STATS": "1"})
    assert m.returncode != 0 and "not compliant:" in m.stdout        # fails like the run
    assert "voipready_compliance" in m.stdout.split("CUSTOM STATS")[-1]
    for ext in ("json", "xml", "html"):
        assert (sliced / ("compliance." + ext)).read_bytes() == (whole / ("compliance." + ext)).read_bytes(), ext
    # a slice missing is refused, not merged into a report without its hosts
    (sliced / "compliance-slice-s2.json").unlink()
    m = playbook("playbooks/compliance_merge.yml", "-e", "compliance_report_dir=%s" % sliced,
                 "-e", "compliance_slice_count=3")
    assert m.returncode != 0 and "found 2 slice report(s)" in m.stdout, m.stdout[-2000:]


# -- long waits are shown while they last -------------------------------------------------

def test_a_lock_wait_is_shown_while_the_task_waits(port_9_closed, tmp_path):
    """Another run holds the device's lock (this test, with the engine's own lock file):
    site.yml says it is waiting for it while the task runs, and carries on when it is
    released (issue 14.6: progress on long waits, through ansible's display from the worker)."""
    import fcntl
    import hashlib
    import threading
    import time

    locks = tmp_path / ".cache" / "voipready" / "locks"
    locks.mkdir(parents=True)
    host = EXAMPLE_HOSTS[0]
    lines = []
    with open(locks / (hashlib.sha256(b"127.0.0.1_9").hexdigest()[:16] + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        proc = subprocess.Popen([str(PLAYBOOK_BIN), "-i", "inventories/example", "site.yml", "--check",
                                 "--limit", host, *CLOSED], cwd=str(REPO), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True,
                                env=dict(ENV, HOME=str(tmp_path), PYTHONUNBUFFERED="1"))
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout))
        reader.start()
        deadline = time.time() + 120
        while time.time() < deadline and not any("waiting for the lock" in line for line in lines):
            time.sleep(0.2)
        waited = any("waiting for the lock" in line for line in lines)
        finished_while_locked = proc.poll() is not None
        fcntl.flock(handle, fcntl.LOCK_UN)
    proc.wait(timeout=300)
    reader.join()
    out = "".join(lines)
    assert waited and not finished_while_locked, out[-3000:]
    said = [line for line in lines if "waiting for the lock" in line][0]
    assert said.startswith("%s: waiting for the lock for device 127.0.0.1_9" % host), said
    assert "%s: got the lock for device 127.0.0.1_9" % host in out
    assert out.index("got the lock") < out.index("fatal: [%s]" % host)     # then it tried the device
    assert "cannot log in to 127.0.0.1:9" in out


# -- the same intent as the filters + voipready_apply ------------------------------------

# What the roles' Jinja did before there was one task per device (the filters are public
# API and stay): each feature's intent from the variables, then one voipready_apply.
FILTER_PATH_PLAY = """
- name: The example inventory through the filters and voipready_apply
  hosts: switches:firewalls:routers
  gather_facts: false
  vars:
    rules: >-
      {{ voip_provider | default('kore') | voipready.network.provider_rules(region=voip_region | default(none),
         profile=voip_profile | default(none), services=(voip_services | default([]) or none),
         inputs=voip_inputs | default({}), catalog_dirs=voipready_catalog_dirs | default([])) }}
    allowlist:
      name: VOIPREADY
      rules: "{{ rules }}"
      voice_networks: "{{ voipready_voice_networks | default([]) }}"
      essentials: {dns: "{{ voipready_dns_servers | default([]) }}", ntp: "{{ voipready_ntp_servers | default([]) }}"}
      inside_interfaces: "{{ voipready_inside_interfaces | default([]) }}"
      outside_interfaces: "{{ voipready_outside_interfaces | default([]) }}"
    qos:
      trust: true
      classes: "{{ rules | voipready.network.qos_classes }}"
      interfaces: >-
        {{ voipready_qos_interfaces | default(voipready_platform | voipready.network.qos_interfaces(
           voipready_inside_interfaces | default([]), voipready_outside_interfaces | default([]))) }}
    timeouts:
      udp: "{{ voipready_udp_timeout }}"
      udp_stream: "{{ voipready_udp_stream_timeout }}"
      sip: "{{ voipready_sip_timeout }}"
      keepalive_interval: "{{ voipready_keepalive_interval }}"
    voice_vlan:
      voice_vlan: "{{ voipready_voice_vlan | default({'id': 110, 'name': 'VOICE'}) }}"
      data_vlan: "{{ voipready_data_vlan | default({'id': 10, 'name': 'DATA'}) }}"
      phone_ports: "{{ voipready_phone_ports | default([]) }}"
      uplink_ports: "{{ voipready_uplink_ports | default([]) }}"
      subinterfaces: "{{ voipready_subinterfaces | default([]) }}"
  tasks:
    - name: Render
      voipready.network.voipready_apply:
        state: rendered
        features: >-
          {{ {'voice_vlan': voice_vlan, 'qos': qos} if 'switches' in group_names else
             {'allowlist': allowlist, 'sip_alg': {'enabled': false}, 'qos': qos, 'timeouts': timeouts}
             | combine({'voice_vlan': voice_vlan} if voipready_subinterfaces | default([]) else {}) }}
      register: out
    - name: Keep it (rendered is a list of lines; the file has each with its newline)
      ansible.builtin.copy:
        content: |-
          {% for line in out.rendered %}{{ line }}
          {% endfor %}
        dest: "{{ dest }}/{{ inventory_hostname }}.conf"
        mode: "0644"
      delegate_to: localhost
"""


def test_rendered_example_equals_the_filters_and_voipready_apply(tmp_path):
    ours, theirs = tmp_path / "site", tmp_path / "filters"
    theirs.mkdir()
    p = playbook("-i", "inventories/example", "site.yml", "-e", "voipready_state=rendered",
                 "-e", "voipready_render_dir=%s" % ours)
    assert p.returncode == 0, p.stdout[-3000:]
    rc = recap(p.stdout)
    assert sorted(rc) == EXAMPLE_HOSTS and all(c["ok"] == 1 for c in rc.values()), rc   # one task per host
    play = tmp_path / "filters.yml"
    play.write_text(FILTER_PATH_PLAY)
    q = playbook("-i", REPO / "inventories" / "example", play, "-e", "dest=%s" % theirs)
    assert q.returncode == 0, q.stdout[-3000:]
    for host in EXAMPLE_HOSTS:
        mine, other = (ours / ("%s.conf" % host)).read_text(), (theirs / ("%s.conf" % host)).read_text()
        assert mine and mine == other, host


def test_ansible_network_os_alone_names_the_platform(tmp_path):
    inventory = tmp_path / "hosts.yml"
    inventory.write_text(yaml.safe_dump({"all": {
        "vars": {"voip_provider": "kore", "voip_region": "eu", "voipready_voice_networks": ["198.51.100.0/25"]},
        "children": {"routers": {"hosts": {
            "by-network-os": {"ansible_network_os": "cisco.ios.ios"},
            "by-short-name": {"ansible_network_os": "ios"},
            "by-platform": {"voipready_platform": "ios"},
            "no-platform": {}}}}}}))
    p = playbook("-i", inventory, "site.yml", "-e", "voipready_state=rendered", "-e", "voipready_render_dir=%s" % tmp_path)
    rc = recap(p.stdout)
    assert rc["no-platform"]["failed"] == 1
    assert "neither voipready_platform nor ansible_network_os is set" in p.stdout
    for host in ("by-network-os", "by-short-name", "by-platform"):
        assert rc[host]["failed"] == 0, p.stdout[-3000:]
    rendered = (tmp_path / "by-network-os.conf").read_text()
    assert rendered == (tmp_path / "by-platform.conf").read_text() == (tmp_path / "by-short-name.conf").read_text()
    assert "ip access-list extended VOIPREADY" in rendered and "no ip nat service sip" in rendered


FQCN = {"ios": "cisco.ios.ios", "asa": "cisco.asa.asa", "eos": "arista.eos.eos",
        "junos": "junipernetworks.junos.junos", "fortios": "fortinet.fortios.fortios",
        "panos": "paloaltonetworks.panos.panos", "routeros": "community.routeros.routeros",
        "vyos": "vyos.vyos.vyos", "openvswitch": "openvswitch.openvswitch.openvswitch"}


def test_the_example_inventory_by_ansible_network_os_renders_the_same(tmp_path):
    """The example inventory with every voipready_platform replaced by the
    ansible_network_os a cisco.ios / arista.eos / ... inventory has (the FQCN for the first
    host of a platform, the short form for the second; linux has none and keeps
    voipready_platform) renders every host byte for byte as the original does."""
    import shutil

    copy = tmp_path / "inventory"
    shutil.copytree(REPO / "inventories" / "example", copy)
    hosts = yaml.safe_load((copy / "hosts.yml").read_text())
    seen = set()
    for group in hosts["all"]["children"].values():
        for name, host in group["hosts"].items():
            platform = host.get("voipready_platform")
            if platform in FQCN:
                del host["voipready_platform"]
                host["ansible_network_os"] = platform if platform in seen else FQCN[platform]
                seen.add(platform)
    assert seen == set(FQCN)       # every platform but linux is named only by ansible_network_os
    (copy / "hosts.yml").write_text(yaml.safe_dump(hosts))
    ours, original = tmp_path / "by-network-os", tmp_path / "original"
    for inventory, dest in ((copy, ours), (REPO / "inventories" / "example", original)):
        p = playbook("-i", inventory, "site.yml", "-e", "voipready_state=rendered", "-e", "voipready_render_dir=%s" % dest)
        assert p.returncode == 0, p.stdout[-3000:]
    for host in EXAMPLE_HOSTS:
        assert (ours / ("%s.conf" % host)).read_text() == (original / ("%s.conf" % host)).read_text(), host


def test_the_common_role_alone_names_voip_region(tmp_path):
    """The common role resolves voipready_rules through the provider_rules filter (the
    one path that still templates it): an unknown region names voip_region, as the device
    task does, inside Ansible's filter wrapper."""
    play = tmp_path / "common.yml"
    play.write_text("- hosts: localhost\n  gather_facts: false\n  roles: [voipready.network.common]\n")
    p = playbook("-i", "localhost,", "-c", "local", play, "-e", "voip_provider=kore", "-e", "voip_region=mars")
    assert p.returncode != 0
    assert "voip_region='mars': unknown region 'mars' of provider 'kore'" in p.stdout, p.stdout[-3000:]
    good = playbook("-i", "localhost,", "-c", "local", play, "-e", "voip_provider=kore", "-e", "voip_region=eu")
    assert good.returncode == 0, good.stdout[-3000:]


# -- bad input: variable, module field and value, before any login ------------------------

def _lab_bad_input_cases():
    spec = importlib.util.spec_from_file_location("lab_bad_input", REPO / "tests" / "lab" / "test_bad_input.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [c for c in module.CASES if c[2] == "site"], module.names


def test_bad_input_through_site_yml_names_variable_field_and_value(port_9_closed, tmp_path):
    cases, names = _lab_bad_input_cases()
    lab_vars = yaml.safe_load((REPO / "inventories" / "lab" / "group_vars" / "all.yml").read_text())
    firewalls, switches = {}, {}
    for case, host, _unused, extra, _unused, _unused in cases:
        vars_ = {"voipready_platform": "openvswitch" if host == "vr-sw1" else "linux"}
        vars_.update(extra)
        (switches if host == "vr-sw1" else firewalls)[case] = vars_
    inventory = tmp_path / "hosts.yml"
    inventory.write_text(yaml.safe_dump({"all": {
        "vars": dict(lab_vars, voipready_repo=str(REPO), ansible_host="127.0.0.1", ansible_port=9, ansible_user="root"),
        "children": {"firewalls": {"hosts": firewalls}, "switches": {"hosts": switches}}}}))
    p = playbook("-i", inventory, "site.yml", env={"ANSIBLE_CALLBACK_RESULT_FORMAT": "json"})
    assert "Traceback" not in p.stdout + p.stderr
    rc = recap(p.stdout)
    results = {}
    for line in p.stdout.splitlines():
        m = re.match(r"^fatal: \[([^\]]+)\]: FAILED! => (.*)$", line)
        if m:
            results[m.group(1)] = json.loads(m.group(2))
    assert len(cases) >= 25
    for case, _unused, _unused, extra, field, value in cases:
        assert rc[case]["failed"] == 1, (case, rc[case])
        msg = results[case]["msg"]
        assert "cannot log in" not in msg, "%s: validation let it through to the login: %s" % (case, msg)
        assert "filter plugin" not in msg, (case, msg)
        assert names(msg, field), "%s: no field %r in %s" % (case, field, msg)
        assert names(msg, value), "%s: no value %r in %s" % (case, value, msg)
        assert any(variable in msg for variable in extra), \
            "%s: none of the inventory variables %s is named: %s" % (case, sorted(extra), msg)
