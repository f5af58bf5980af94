# -*- coding: utf-8 -*-
"""The resource-module shape of results on all ten platforms (issue 14.5), through the
engine on each platform's realistic running configuration (fixtures/, the flows tests'
sites): ``before``, ``after`` and ``commands`` at the top level, ``before`` / ``after`` in
the structure ``gathered`` returns (the driver's parse of the owned configuration),
``after`` the parse of what the commands leave, JSON-clean as Ansible returns it, and
``rendered`` a list of lines (cisco.ios, arista.eos). The text diff stays under ``diff``."""
from __future__ import absolute_import, division, print_function

import json
import os

import pytest

from ansible_collections.voipready.network.plugins.module_utils import engine
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from intents import intent_for as golden_intent
from test_flows import SITES, fixture, intent_for

HERE = os.path.dirname(os.path.abspath(__file__))
KORE = ("kore", "us-east", None)


def run(driver, intent, running, tmp_path, monkeypatch, **extra):
    """engine.run with ``driver`` (one instance: the Linux driver simulates only the nft
    transactions it rendered) on a device that holds ``running``."""
    platform = driver.platform
    monkeypatch.setattr(driver, "gather", lambda transport: running, raising=False)
    monkeypatch.setattr(engine, "get_driver", lambda name: driver)
    monkeypatch.setattr(engine, "make_transport", lambda drv, conn, kind: NoTransport())
    return engine.run(engine.Request(platform, intent, connection={"host": "192.0.2.250", "name": "dev"},
                                     lock_dir=str(tmp_path / "locks"), backup_dir=str(tmp_path / "backups"),
                                     accept_lockout_risk=True, **extra))


class NoTransport(object):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize("platform", sorted(SITES))
def test_check_mode_returns_before_after_and_commands_in_the_gathered_structure(platform, tmp_path, monkeypatch):
    driver = get_driver(platform)
    running = fixture(platform)
    intent = intent_for(platform, KORE)
    checked = run(driver, intent, running, tmp_path, monkeypatch, check_mode=True)
    assert checked["commands"] and checked["changed"]
    assert set(checked["before"]) == set(checked["after"]) == set(intent), sorted(checked["before"])
    gathered = run(driver, intent, running, tmp_path, monkeypatch, state="gathered")["gathered"]
    assert checked["before"] == dict((f, gathered[f]) for f in checked["before"])
    after_running = driver.simulate(running, checked["commands"])
    parsed_after = driver.parse(after_running)
    assert checked["after"] == dict((f, parsed_after[f]) for f in checked["after"])
    assert checked["after"] != checked["before"]
    json.dumps([checked["before"], checked["after"]], sort_keys=True)   # what Ansible can return
    assert isinstance(checked["diff"]["before"], str) and checked["diff"]["before"] != checked["diff"]["after"]
    # on the converged device nothing changes, and before is the previous after
    again = run(driver, intent, after_running, tmp_path, monkeypatch, check_mode=True)
    assert again["commands"] == [] and again["before"] == again["after"] == checked["after"]


@pytest.mark.parametrize("platform", sorted(SITES))
def test_rendered_is_a_list_of_lines_and_says_what_is_not_applicable(platform):
    driver = get_driver(platform)
    intent = golden_intent(platform, "kore-us-east")
    lines = engine.run(engine.Request(platform, intent, state="rendered"))["rendered"]
    assert isinstance(lines, list) and lines and all(isinstance(line, str) and "\n" not in line for line in lines)
    notes = [line for line in lines if line.startswith(driver.comment + " NOT APPLICABLE ")]
    assert len(notes) == len([f for f in intent if driver.not_applicable(f, intent)])
    if not notes:   # every feature applies: the lines are the golden file's
        with open(os.path.join(HERE, "golden", platform, "kore-us-east.conf")) as handle:
            assert lines == handle.read().splitlines()
