"""NetBox as the source of truth (issue 14.3, docs/netbox.md), with a real NetBox.

lab/netbox_lab.py starts NetBox 4.7 from PyPI with PostgreSQL and Redis from Debian, on
127.0.0.1, as this test's own processes (migrations cached per NetBox version). Through the
REST API the test loads one site with five devices of five platforms -- the lab's vr-fw1
(Linux nftables) and vr-sw1 (Open vSwitch), the emulated vr-ios1, vr-eos1 and vr-asa1 --
holding what the lab inventories hold, in NetBox's places: platform, tags, primary IP, a
site config context (inventories/lab/group_vars/all.yml) and each device's local context
data (its host_vars, its SSH port). A retired device is there too. Then, from
inventories/netbox/netbox.yml (copied unchanged, with the lab's credentials in group_vars
beside it):

- ansible-inventory gives exactly the active devices, each with the voip* variables, the
  port and the platform the lab inventories give it, in the groups its tags name;
- site.yml -e voipready_state=rendered writes the same bytes as from the lab inventories;
- site.yml converges the five devices from it (a second run changes nothing) and
  playbooks/compliance.yml finds every one compliant, the flow check included;
- neither the NetBox token nor the admin password is in any output or NetBox log.

Brings the lab up when it is down (and takes it down again afterwards). The converge is the
same one the lab inventories give (the rendered bytes are identical), so the lab ends as
site.yml leaves it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import checks  # noqa: E402

sys.path.insert(0, str(checks.REPO / "lab"))
import netbox_lab  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("podman") is None, reason="podman is not installed: the lab needs it")
REPO = checks.REPO
LAB_INVENTORIES = ["-i", "inventories/lab", "-i", "inventories/lab-emulated"]
SITE = {"name": "VoipReady lab", "slug": "vr-lab", "status": "active"}
# What NetBox says about each device beyond what the lab inventories say (group, port,
# host_vars): its role, its platform as NetBox teams name it, its type.
DEVICES = {
    "vr-fw1": {"role": "firewall", "platform": "linux", "manufacturer": "Debian",
               "model": "nftables firewall (lab container)"},
    "vr-sw1": {"role": "access-switch", "platform": "openvswitch", "manufacturer": "Open vSwitch",
               "model": "OVS netdev bridge (lab container)"},
    "vr-ios1": {"role": "router", "platform": "cisco-ios", "manufacturer": "Cisco", "model": "IOSv (emulated)"},
    "vr-eos1": {"role": "access-switch", "platform": "arista-eos", "manufacturer": "Arista",
                "model": "DCS-7010T-48 (emulated)"},
    "vr-asa1": {"role": "firewall", "platform": "cisco-asa", "manufacturer": "Cisco", "model": "ASAv (emulated)"},
}
PLATFORM_NAMES = {"linux": "Linux", "openvswitch": "Open vSwitch", "cisco-ios": "Cisco IOS",
                  "arista-eos": "Arista EOS", "cisco-asa": "Cisco ASA"}
# In NetBox, tagged and addressed like the others, but being decommissioned: not in the inventory.
RETIRED = {"name": "vr-fw0", "status": "decommissioning", "like": "vr-fw1"}
# Set by the inventory beside netbox.yml (controller side), not by NetBox.
NOT_FROM_NETBOX = {"voipready_catalog_dirs"}
OUTPUTS = []      # every captured output, for the secrets check


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def ansible(tool: str, args: list, env: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    p = subprocess.run([str(REPO / ".venv" / "bin" / tool), *args], capture_output=True, text=True,
                       timeout=timeout, cwd=REPO, env=env, check=False)
    OUTPUTS.append(p.stdout + p.stderr)
    return p


def inventory(args: list, env: dict) -> dict:
    p = ansible("ansible-inventory", [*args, "--list"], env, timeout=600)
    assert p.returncode == 0, "ansible-inventory %s failed:\n%s\n%s" % (args, p.stdout[-3000:], p.stderr[-3000:])
    return plain(json.loads(p.stdout))


def plain(value):
    """ansible-inventory's JSON without its markers of data that is never templated
    ({"__ansible_unsafe": value}: what an inventory plugin read from NetBox)."""
    if isinstance(value, dict):
        if list(value) == ["__ansible_unsafe"]:
            return plain(value["__ansible_unsafe"])
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def members(listing: dict, group: str) -> set:
    return set(listing.get(group, {}).get("hosts", []))


def lab_facts() -> dict:
    """{host: (group, emulated)} from the inventories labctl wrote."""
    out = {}
    for inv, emulated in (("inventories/lab", False), ("inventories/lab-emulated", True)):
        data = yaml.safe_load((REPO / inv / "hosts.yml").read_text())
        for group, body in data["all"]["children"].items():
            for host in body["hosts"]:
                out[host] = (group, emulated)
    return out


def host_vars(host: str) -> dict:
    path = REPO / "inventories" / "lab" / "host_vars" / ("%s.yml" % host)
    return yaml.safe_load(path.read_text()) if path.exists() else {}


def load(nb, lab_view: dict, facts: dict) -> dict:
    """The site, its devices and their context into NetBox through the REST API; {name: id}."""
    def post(path, body):
        return nb.api("POST", path, body)["id"]

    groups = sorted({facts[h][0] for h in DEVICES} | {"emulated"})
    tags = {t: post("/api/extras/tags/", {"name": t, "slug": t}) for t in groups}
    site = post("/api/dcim/sites/", SITE)
    makers = {m: post("/api/dcim/manufacturers/", {"name": m, "slug": slug(m)})
              for m in sorted({d["manufacturer"] for d in DEVICES.values()})}
    types = {d["model"]: post("/api/dcim/device-types/", {"manufacturer": makers[d["manufacturer"]],
                                                          "model": d["model"], "slug": slug(d["model"])})
             for d in DEVICES.values()}
    roles = {r: post("/api/dcim/device-roles/", {"name": r, "slug": r, "color": "2196f3"})
             for r in sorted({d["role"] for d in DEVICES.values()})}
    platforms = {p: post("/api/dcim/platforms/", {"name": PLATFORM_NAMES[p], "slug": p})
                 for p in sorted({d["platform"] for d in DEVICES.values()})}
    # group_vars/all.yml of the lab -> one config context for the site
    site_context = yaml.safe_load((REPO / "inventories" / "lab" / "group_vars" / "all.yml").read_text())
    for key in NOT_FROM_NETBOX:
        site_context.pop(key, None)
    post("/api/extras/config-contexts/", {"name": "voipready: VoipReady lab", "weight": 1000,
                                          "sites": [site], "data": site_context})
    ids = {}
    for name, status in [(n, "active") for n in DEVICES] + [(RETIRED["name"], RETIRED["status"])]:
        like = RETIRED["like"] if name == RETIRED["name"] else name
        spec, (group, emulated) = DEVICES[like], facts[like]
        device = post("/api/dcim/devices/", {
            "name": name, "site": site, "status": status, "role": roles[spec["role"]],
            "device_type": types[spec["model"]], "platform": platforms[spec["platform"]],
            "tags": [tags[group]] + ([tags["emulated"]] if emulated else []),
            # host_vars -> the device's local context data, with its SSH port
            "local_context_data": dict(host_vars(like), ansible_port=lab_view["_meta"]["hostvars"][like]["ansible_port"])})
        iface = post("/api/dcim/interfaces/", {"device": device, "name": "mgmt0", "type": "virtual", "mgmt_only": True})
        ip = post("/api/ipam/ip-addresses/", {"address": "127.0.0.1/32", "status": "active",
                                              "assigned_object_type": "dcim.interface", "assigned_object_id": iface})
        nb.api("PATCH", "/api/dcim/devices/%d/" % device, {"primary_ip4": ip})
        ids[name] = device
    return ids


@pytest.fixture(scope="module")
def lab():
    for _unused in checks.lab_session():
        yield


@pytest.fixture(scope="module")
def netbox(lab, tmp_path_factory):
    t0 = time.monotonic()
    tmp = tmp_path_factory.mktemp("netbox")
    with netbox_lab.running() as nb:
        env = dict(os.environ, **checks.ENV_KEYS)
        env["PATH"] = "%s:%s" % (REPO / ".venv" / "bin", env.get("PATH", ""))
        env.update(NETBOX_API=nb.url, NETBOX_TOKEN=nb.token)
        facts = lab_facts()
        lab_view = inventory(LAB_INVENTORIES, env)
        t1 = time.monotonic()
        load(nb, lab_view, facts)
        # the shipped inventory file, unchanged; the lab's credentials beside it (group_vars),
        # as a team keeps its own beside netbox.yml (or in AWX), never in NetBox
        inv = tmp / "inventory"
        (inv / "group_vars").mkdir(parents=True)
        shutil.copyfile(REPO / "inventories" / "netbox" / "netbox.yml", inv / "netbox.yml")
        secret = REPO / "lab" / ".state" / "secrets" / "root_password"
        password = "{{ lookup('ansible.builtin.file', '%s') }}" % secret
        (inv / "group_vars" / "all.yml").write_text("---\n" + yaml.safe_dump({
            "ansible_user": "root", "ansible_password": password,
            "ansible_ssh_private_key_file": str(REPO / "lab" / ".state" / "id_ed25519"),
            "ansible_host_key_checking": False,
            "ansible_ssh_common_args": "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
            "voipready_catalog_dirs": [str(REPO / "lab" / "catalog")]}, sort_keys=True))
        (inv / "group_vars" / "emulated.yml").write_text("---\n" + yaml.safe_dump({
            "ansible_user": "admin", "ansible_become_password": password,
            "ansible_ssh_private_key_file": ""}, sort_keys=True))
        print("NetBox %s: up in %.1fs (%s), loaded in %.1fs" % (
            nb.version, t1 - t0, ", ".join("%s %.1fs" % kv for kv in nb.timings.items()), time.monotonic() - t1))
        yield {"nb": nb, "env": env, "inventory": inv, "lab": lab_view, "facts": facts, "tmp": tmp}
        print("NetBox test module: %.1fs in all" % (time.monotonic() - t0))


def test_inventory_from_netbox_gives_each_device_the_lab_inventory_variables(netbox):
    got = inventory(["-i", str(netbox["inventory"])], netbox["env"])
    want = netbox["lab"]
    assert set(got["_meta"]["hostvars"]) == set(DEVICES), \
        "the active devices with a primary IP, and only them (%s is decommissioning)" % RETIRED["name"]
    for host, spec in DEVICES.items():
        mine, theirs = got["_meta"]["hostvars"][host], want["_meta"]["hostvars"][host]
        # NetBox's own fields as the plugin names them ...
        assert mine["platform"] == spec["platform"] and mine["site"] == SITE["slug"], mine
        assert mine["role"] == spec["role"], mine
        # ... and what they become
        assert mine["ansible_host"] == "127.0.0.1", mine.get("ansible_host")
        assert mine["voipready_platform"] == theirs["voipready_platform"], (host, spec["platform"])
        assert mine["ansible_port"] == theirs["ansible_port"], host
        voip = {k: v for k, v in mine.items() if k.startswith("voip") and k not in NOT_FROM_NETBOX}
        lab_voip = {k: v for k, v in theirs.items() if k.startswith("voip") and k not in NOT_FROM_NETBOX}
        assert voip == lab_voip, "%s: from NetBox %s, from the lab inventory %s" % (host, voip, lab_voip)
        assert {"voip_provider", "voip_region", "voipready_voice_networks", "voipready_voice_vlan",
                "voipready_phone_ports", "voipready_inside_interfaces"} <= set(voip), sorted(voip)
        # tags -> groups: the group site.yml converges it in, and any other tag
        group, emulated = netbox["facts"][host]
        assert host in members(got, group), (host, group)
        assert (host in members(got, "emulated")) == emulated, host
        assert host in members(got, "site_vr_lab"), host
        assert host in members(got, "platform_%s" % spec["platform"].replace("-", "_")), host
        assert host in members(got, "role_%s" % spec["role"].replace("-", "_")), host
    for group in ("firewalls", "switches", "routers"):
        assert members(got, group) == members(want, group) & set(DEVICES), group
    assert got["_meta"]["hostvars"]["vr-ios1"]["voipready_platform"] == "ios"     # the cisco-ios slug, mapped
    assert got["_meta"]["hostvars"]["vr-asa1"]["voipready_voice_networks"] == ["192.0.2.0/25"]  # local context wins


def test_rendered_from_netbox_is_byte_identical_to_the_lab_inventory(netbox):
    out = {}
    for name, inventory_args, extra in (("netbox", ["-i", str(netbox["inventory"])], []),
                                        ("lab", LAB_INVENTORIES, ["--limit", ",".join(sorted(DEVICES))])):
        directory = netbox["tmp"] / ("rendered-" + name)
        p = ansible("ansible-playbook", [*inventory_args, "site.yml", "-e", "voipready_state=rendered",
                                         "-e", "voipready_render_dir=%s" % directory, *extra], netbox["env"])
        assert p.returncode == 0, "%s: site.yml rendered failed:\n%s\n%s" % (name, p.stdout[-5000:], p.stderr[-2000:])
        out[name] = {f.name: f.read_bytes() for f in sorted(directory.glob("*.conf"))}
    assert sorted(out["netbox"]) == sorted("%s.conf" % h for h in DEVICES), sorted(out["netbox"])
    assert sorted(out["lab"]) == sorted(out["netbox"])
    for name, text in out["netbox"].items():
        assert text.strip(), "%s is empty" % name
        assert text == out["lab"][name], "%s differs between NetBox and the lab inventory" % name


def test_site_converges_and_is_compliant_from_netbox(netbox):
    """The day-one path from NetBox: site.yml (a real push to the five lab devices, real
    nftables and Open vSwitch, emulated IOS, EOS and ASA), a second run that changes nothing,
    then playbooks/compliance.yml, every device compliant on every feature it has, the flow
    check included. The inventory is NetBox's, nothing else."""
    args = ["-i", str(netbox["inventory"])]
    for run in (1, 2):
        p = ansible("ansible-playbook", [*args, "site.yml"], netbox["env"])
        assert p.returncode == 0, "site.yml run %d from NetBox failed:\n%s\n%s" % (
            run, "\n".join(line for line in p.stdout.splitlines() if line.startswith(("fatal:", "failed:")))
            or p.stdout[-5000:], p.stderr[-2000:])
        counts = checks.recap(p.stdout)
        assert set(counts) >= set(DEVICES), sorted(counts)
    assert {h: c["changed"] for h, c in counts.items() if c["changed"]} == {}, \
        "the second site.yml run from NetBox changed something"
    report_dir = netbox["tmp"] / "compliance"
    p = ansible("ansible-playbook", [*args, "playbooks/compliance.yml",
                                     "-e", "compliance_report_dir=%s" % report_dir], netbox["env"])
    data = json.loads((report_dir / "compliance.json").read_text()) if (report_dir / "compliance.json").exists() else {}
    cells = {(h, f): c for h, e in data.get("hosts", {}).items() for f, c in e["features"].items()}
    bad = {"%s/%s" % k: "%s: %s" % (c["status"], c["reason"][:300]) for k, c in cells.items()
           if c["status"] not in ("compliant", "not_applicable")}
    assert p.returncode == 0 and not bad, "compliance from NetBox (rc %d):\n%s\n%s" % (
        p.returncode, json.dumps(bad, indent=1, sort_keys=True)[:6000], p.stdout[-3000:])
    assert {h for h, _unused in cells} == set(DEVICES), sorted({h for h, _unused in cells})
    assert data["summary"]["compliant"] is True, data["summary"]
    # the flow check ran where there is a filter to read: the firewalls and the router
    flows_ran = {h for (h, f), c in cells.items() if f == "flows" and c["status"] == "compliant"}
    assert {"vr-fw1", "vr-ios1", "vr-asa1"} <= flows_ran, sorted(flows_ran)


def test_no_netbox_secret_in_any_output(netbox):
    nb = netbox["nb"]
    secret_part = nb.token.rsplit(".", 1)[-1]
    assert len(secret_part) >= 20 and len(nb.admin_password) >= 20
    for text in OUTPUTS + ["".join(p.read_text(errors="replace") for p in netbox_lab.RUN.glob("*.log"))]:
        assert secret_part not in text, "the NetBox token is in an output"
        assert nb.admin_password not in text, "the NetBox admin password is in an output"
