"""Molecule verify for scenario linux_firewall: vr-fw1 behaves as converged, by packets.

Run by molecule/linux_firewall/verify.yml (which sets VOIPREADY_LAB_CONVERGED=1) after
converge and idempotence. Standalone: converge the lab first
(`ansible-playbook -i inventories/lab site.yml`), then
`VOIPREADY_LAB_CONVERGED=1 .venv/bin/pytest tests/lab/test_verify_linux_firewall.py`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks  # noqa: E402

pytestmark = pytest.mark.skipif(os.environ.get("VOIPREADY_LAB_CONVERGED") != "1",
                                reason="needs a converged lab: run by Molecule verify (tools/molecule.sh)")


def assert_all(results):
    results = results if isinstance(results, list) else [results]
    for r in results:
        print(r)
    failed = [r for r in results if not r.ok]
    assert not failed, "\n".join(str(r) for r in failed)


def test_allowlist_allowed_pass_and_others_dropped():
    assert_all(checks.check_allowlist())


@pytest.mark.parametrize("proto", ["udp", "tcp"])
def test_sip_alg_off(proto):
    assert_all(checks.check_sip_alg_off(proto))


def test_dscp_marked_on_the_provider_side():
    assert_all(checks.check_fw_dscp())


def test_conntrack_timeouts_in_effect():
    assert_all(checks.check_conntrack_timeouts())


def test_lab_nat_table_unchanged():
    assert_all(checks.check_lab_nat_unchanged())
