"""Molecule verify for scenario ovs_switch: vr-sw1 behaves as converged, by frames.

Run by molecule/ovs_switch/verify.yml (which sets VOIPREADY_LAB_CONVERGED=1) after
converge and idempotence. Standalone: converge the lab first, then
`VOIPREADY_LAB_CONVERGED=1 .venv/bin/pytest tests/lab/test_verify_ovs_switch.py`.
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


def test_voice_vlan_separation():
    results = checks.check_voice_vlan()
    for r in results:
        print(r)
    assert all(results), "\n".join(str(r) for r in results if not r.ok)


def test_voice_dscp_marked_by_the_switch():
    results = checks.check_ovs_dscp()
    for r in results:
        print(r)
    assert all(results), "\n".join(str(r) for r in results if not r.ok)
