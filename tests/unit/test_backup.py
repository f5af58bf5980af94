"""Backups keep no secret and lose nothing a rollback needs (plugins/module_utils/backup.py)."""
from __future__ import absolute_import, division, print_function

import json
import os
import re

import pytest

from ansible_collections.voipready.network.plugins.module_utils.backup import (
    latest_backup, read_backup, write_backup)
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

from platforms.intents import intent_for

FIXTURES = os.path.join(os.path.dirname(__file__), "platforms", "fixtures")
VENDOR = ("ios", "asa", "eos", "junos", "fortios", "panos", "routeros", "vyos")
#: the secrets planted in the fixtures' unrelated configuration
SECRETS = ("netops-ro", "$6$rounds=656000", "SH2sTUVWXYZ", "$6$REDACTED$0000", "rO-br17",
           "br17-ro", "$9$REDACTED")


def running_of(platform):
    with open(os.path.join(FIXTURES, platform, "running.conf")) as handle:
        return handle.read()


@pytest.mark.parametrize("platform", VENDOR)
def test_redaction_removes_secrets_and_keeps_every_rollback(platform):
    driver = get_driver(platform)
    before = running_of(platform)
    redacted = driver.redact(before)
    assert not [s for s in SECRETS if s in redacted], redacted
    intent = intent_for(platform, "kore-us-east")
    scope = dict((f, intent[f]) for f in driver.features_in_scope(intent))
    after = driver.simulate(before, driver.remediate(before, scope))
    inverse = driver.rollback(before, after)
    assert inverse, "the change must need an inverse for this test to mean anything"
    assert driver.rollback(redacted, after) == inverse


def test_the_fixtures_really_hold_those_secrets():
    # without this, the redaction test above could pass on fixtures that lost them
    text = "".join(running_of(p) for p in VENDOR)
    assert all(s in text for s in SECRETS)


def test_write_then_read_round_trip_and_permissions(tmp_path):
    driver = get_driver("ios")
    path = write_backup(str(tmp_path), "edge/1", "ios", {"allowlist": {}}, running_of("ios"),
                        driver, now=0)
    assert os.path.basename(path) == "19700101T000000Z-ios.json"
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(os.path.dirname(path)).st_mode & 0o777 == 0o700
    record = read_backup(latest_backup(str(tmp_path), "edge/1"), "ios")
    assert record["features"] == ["allowlist"] and record["host"] == "edge/1"
    assert "$9$REDACTED" not in open(path).read()
    with pytest.raises(VoipReadyError) as err:
        read_backup(path, "asa")
    assert err.value.field == "backup" and "'ios'" in str(err.value)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    for text, words in (("{", "not JSON"), (json.dumps({"format": 2}), "not a voipready backup")):
        bad = tmp_path / "b.json"
        bad.write_text(text)
        with pytest.raises(VoipReadyError) as err:
            read_backup(str(bad), "ios")
        assert re.search(words, str(err.value)) and err.value.value == str(bad)
