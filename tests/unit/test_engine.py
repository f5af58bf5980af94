# -*- coding: utf-8 -*-
"""The engine's promises, proven on an in-memory device with fault injection:
check mode touches nothing, a push is read back and verified, a failed or
non-converging push is rolled back to the before state, and two runs on one device
do not interleave."""

import threading
import time

import pytest

from ansible_collections.voipready.network.plugins.module_utils import engine
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import PlatformDriver


class LineDevice(object):
    """A device whose configuration is a set of lines; '+x' adds, '-x' removes."""

    def __init__(self, lines, fail_after=None, ignore=()):
        self.lines = set(lines)
        self.fail_after = fail_after
        self.ignore = set(ignore)
        self.pushes = []
        self.logins = 0

    def apply(self, commands):
        self.pushes.append(list(commands))
        for index, command in enumerate(commands):
            if self.fail_after is not None and index >= self.fail_after:
                self.fail_after = None  # the fault happens once, like a dropped session
                raise VoipReadyError("connection dropped", field="transport", value="ssh")
            if command in self.ignore:
                continue
            (self.lines.add if command[0] == "+" else self.lines.discard)(command[1:])


class FakeTransport(object):
    def __init__(self, device):
        self.device = device

    def __enter__(self):
        self.device.logins += 1
        return self

    def __exit__(self, *exc):
        return False

    def send_command(self, command):
        return "\n".join(sorted(self.device.lines))

    def send_config(self, commands):
        self.device.apply(commands)


class LineDriver(PlatformDriver):
    """Owned lines start with 'VOIPREADY '; the allowlist owns one line per rule id."""

    platform = "linux"
    gather_commands = ("show",)

    @staticmethod
    def _owned(running):
        return set(l for l in running.splitlines() if l.startswith("VOIPREADY "))

    def parse(self, running):
        return {"allowlist": sorted(self._owned(running))}

    def render(self, intent):
        if "allowlist" not in intent:
            return ""
        rules = intent["allowlist"]["rules"]
        if rules and isinstance(rules[0], str):
            return "\n".join(rules)
        return "\n".join("VOIPREADY " + r["id"] for r in rules)

    def remediate(self, running, intent, state="merged"):
        have = self._owned(running)
        want = set(self.render(intent).splitlines()) if state != "deleted" else set()
        return ["-" + l for l in sorted(have - want)] + ["+" + l for l in sorted(want - have)]

    def simulate(self, running, commands):
        device = LineDevice(running.splitlines())
        device.apply(commands)
        return "\n".join(sorted(device.lines))

    def view(self, running, intent):
        return "\n".join(sorted(self._owned(running)))

    def rollback(self, before_running, after_running):
        want = self._owned(before_running)
        have = self._owned(after_running)
        return ["-" + l for l in sorted(have - want)] + ["+" + l for l in sorted(want - have)]


RULE = {"id": "lab-sip-udp-5060", "service": "sip", "proto": "udp", "port_min": 5060,
        "port_max": 5060, "direction": "both", "addresses": ["203.0.113.10"]}
RULE2 = dict(RULE, id="lab-rtp-udp-6000-65535", service="rtp", port_min=6000, port_max=65535)
UNRELATED = ["hostname edge1", "route 0.0.0.0/0 via 203.0.113.1"]


@pytest.fixture
def device(monkeypatch, tmp_path):
    dev = LineDevice(UNRELATED + ["VOIPREADY stale-rule"])
    monkeypatch.setattr(engine, "get_driver", lambda platform: LineDriver())
    monkeypatch.setattr(engine, "make_transport", lambda driver, conn, kind: FakeTransport(dev))
    dev.lock_dir = str(tmp_path / "locks")
    return dev


def request(device, check_mode=False, rules=(RULE, RULE2), state="merged"):
    return engine.Request("linux", {"allowlist": {"rules": list(rules)}}, state=state,
                          connection={"host": "192.0.2.1"}, check_mode=check_mode,
                          lock_dir=device.lock_dir, lock_wait=1)


def test_check_mode_reports_the_change_and_touches_nothing(device):
    before = set(device.lines)
    result = engine.run(request(device, check_mode=True))
    assert result["changed"] is True
    assert result["commands"] == ["-VOIPREADY stale-rule", "+VOIPREADY lab-rtp-udp-6000-65535",
                                  "+VOIPREADY lab-sip-udp-5060"]
    assert device.lines == before and device.pushes == []
    assert result["diff"]["before"] == "VOIPREADY stale-rule"
    assert result["diff"]["after"] == "VOIPREADY lab-rtp-udp-6000-65535\nVOIPREADY lab-sip-udp-5060"
    assert result["features"]["allowlist"]["status"] == "drift"


def test_apply_then_second_run_changes_nothing_with_one_login_each(device):
    first = engine.run(request(device))
    assert first["changed"] is True and len(device.pushes) == 1
    assert device.lines == set(UNRELATED + ["VOIPREADY lab-sip-udp-5060",
                                            "VOIPREADY lab-rtp-udp-6000-65535"])
    second = engine.run(request(device))
    assert second["changed"] is False and second["commands"] == []
    assert second["features"]["allowlist"] == {"status": "compliant", "commands": []}
    assert device.logins == 2 and len(device.pushes) == 1


def test_push_cut_part_way_is_rolled_back_to_the_before_state(device):
    before = set(device.lines)
    device.fail_after = 2  # the stale rule is removed, then the session drops
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device))
    assert "rolled back" in str(err.value) and "connection dropped" in str(err.value)
    assert device.lines == before
    assert len(device.pushes) == 2  # the failed push, then the inverse


def test_push_that_does_not_converge_is_rolled_back(device):
    before = set(device.lines)
    device.ignore = {"+VOIPREADY lab-sip-udp-5060"}  # the device silently refuses one line
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device))
    assert "did not converge" in str(err.value)
    assert device.lines == before


def test_deleted_removes_only_owned_lines(device):
    engine.run(request(device))
    result = engine.run(request(device, state="deleted"))
    assert result["changed"] is True
    assert device.lines == set(UNRELATED)


def test_a_second_run_on_the_same_device_waits_then_fails_clearly(device):
    lock = engine.DeviceLock(device.lock_dir, {"host": "192.0.2.1"}, wait=1)
    holder = threading.Event()

    def hold():
        with lock:
            holder.set()
            time.sleep(2.5)

    thread = threading.Thread(target=hold)
    thread.start()
    holder.wait()
    started = time.time()
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device))
    thread.join()
    assert "another voipready run holds the lock" in str(err.value)
    assert time.time() - started >= 0.9  # it waited before failing
    assert device.pushes == []


def test_rendered_and_parsed_connect_to_nothing(device):
    rendered = engine.run(engine.Request("linux", {"allowlist": {"rules": [RULE]}},
                                         state="rendered"))
    assert rendered["rendered"] == "VOIPREADY lab-sip-udp-5060"
    parsed = engine.run(engine.Request("linux", {}, state="parsed",
                                       running_config="VOIPREADY x\nhostname y"))
    assert parsed["parsed"] == {"allowlist": ["VOIPREADY x"]}
    assert device.logins == 0


def test_missing_host_is_a_clear_error(device):
    with pytest.raises(VoipReadyError) as err:
        engine.run(engine.Request("linux", {"allowlist": {"rules": [RULE]}}, connection={}))
    assert err.value.field == "connection.host"
