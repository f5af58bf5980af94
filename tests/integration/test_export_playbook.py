"""Run playbooks/export_allowlist.yml with ansible-playbook, as a user would."""

import csv
import json
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTIONS_PATH = os.path.join(REPO, ".cache", "collections")
LINK = os.path.join(COLLECTIONS_PATH, "ansible_collections", "voipready", "network")
PLAYBOOK_BIN = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")

# Typed from seed 000, Germany (DE).
DE_SIP = ["3.70.125.14", "18.158.223.171"]
DE_EXPECTED = (
    {(a, p, lo, hi) for a in DE_SIP for p, lo, hi in [("udp", 5060, 5060), ("tcp", 5060, 5060), ("tcp", 5061, 5061),
                                                      ("udp", 6000, 65535), ("tcp", 443, 443), ("tcp", 8443, 8443)]}
)


def run_export(tmp_path, *extra):
    if not os.path.exists(LINK):
        os.makedirs(os.path.dirname(LINK), exist_ok=True)
        os.symlink(os.path.join("..", "..", "..", ".."), LINK)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_PATH, ANSIBLE_NOCOLOR="1",
               ANSIBLE_LOCALHOST_WARNING="0", ANSIBLE_INVENTORY_UNPARSED_WARNING="0")
    command = [PLAYBOOK_BIN, os.path.join(REPO, "playbooks", "export_allowlist.yml")] + list(extra)
    return subprocess.run(command, cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.skipif(not os.path.exists(PLAYBOOK_BIN), reason="ansible-playbook not in this Python's environment")
def test_export_kore_region(tmp_path):
    result = run_export(tmp_path, "-e", "voip_provider=kore", "-e", "voip_region=de", "-e", "export_path=out/de.json")
    assert result.returncode == 0, result.stdout + result.stderr
    rules = json.loads((tmp_path / "out" / "de.json").read_text())
    assert {(a, r["proto"], r["port_min"], r["port_max"]) for r in rules for a in r["addresses"]} == DE_EXPECTED
    for rule in rules:
        assert {"provider", "region", "service", "proto", "port_min", "port_max", "addresses", "fqdns",
                "direction"} <= set(rule)
        assert rule["provider"] == "kore" and rule["region"] == "de"
    with open(tmp_path / "out" / "de.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == [rule["id"] for rule in rules]
    assert {row["addresses"] for row in rows if row["service"] == "sip"} == {"3.70.125.14 18.158.223.171"}  # numeric order


@pytest.mark.skipif(not os.path.exists(PLAYBOOK_BIN), reason="ansible-playbook not in this Python's environment")
def test_export_bad_input_fails_and_writes_nothing(tmp_path):
    result = run_export(tmp_path, "-e", "voip_provider=ivrpowers", "-e", "voip_profile=user",
                        "-e", "export_path=out/ivr.json",
                        "-e", json.dumps({"voip_inputs": {"rtc_addresses": ["198.51.100.300"]}}))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "rtc_addresses" in output and "198.51.100.300" in output
    assert not (tmp_path / "out").exists()


def test_export_unknown_region_names_voip_region(tmp_path):
    result = run_export(tmp_path, "-e", "voip_provider=kore", "-e", "voip_region=mars", "-e", "export_path=out/k.json")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "voip_region='mars': unknown region 'mars' of provider 'kore'" in output, output
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not os.path.exists(PLAYBOOK_BIN), reason="ansible-playbook not in this Python's environment")
def test_export_path_ending_in_csv_writes_the_json_beside_it(tmp_path):
    """export_path=x.csv names the CSV file; the JSON goes to x.json (it used to be written to
    x.csv and then overwritten by the CSV: "written to …csv and …csv")."""
    result = run_export(tmp_path, "-e", "voip_provider=kore", "-e", "voip_region=de", "-e", "export_path=out/de.CSV")
    assert result.returncode == 0, result.stdout + result.stderr
    rules = json.loads((tmp_path / "out" / "de.json").read_text())
    with open(tmp_path / "out" / "de.CSV", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rules and [row["id"] for row in rows] == [rule["id"] for rule in rules]
    assert sorted(os.listdir(tmp_path / "out")) == ["de.CSV", "de.json"]
    out = os.path.realpath(tmp_path / "out")
    # whitespace-normalised: with make test's ansible.cfg (YAML results) a long message wraps
    said = " ".join(result.stdout.split())
    assert "written to %s and %s" % (os.path.join(out, "de.json"), os.path.join(out, "de.CSV")) in said
