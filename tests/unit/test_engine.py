# -*- coding: utf-8 -*-
"""The engine's promises, proven on an in-memory device with fault injection:
check mode touches nothing, a push is read back and verified, a failed or
non-converging push is rolled back to the before state, and two runs on one device
do not interleave."""

import contextlib
import json
import os
import threading
import time

import pytest

from ansible_collections.voipready.network.plugins.module_utils import engine
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import PlatformDriver
from ansible_collections.voipready.network.plugins.module_utils.transport import TransportError


class LineDevice(object):
    """A device whose configuration is a set of lines; '+x' adds, '-x' removes."""

    def __init__(self, lines, fail_after=None, ignore=()):
        self.lines = set(lines)
        self.fail_after = fail_after
        self.ignore = set(ignore)
        self.pushes = []
        self.logins = 0
        self.probes = 0
        self.probe_error = None    # the fresh management connection after a push fails
        self.down = False          # the device stops answering (session cut, mgmt lost)
        self.cut_on_fail = False   # "session": fail_after cuts open sessions; "device": all
        self.generation = 0

    def apply(self, commands):
        self.pushes.append(list(commands))
        for index, command in enumerate(commands):
            if self.fail_after is not None and index >= self.fail_after:
                self.fail_after = None  # the fault happens once, like a dropped session
                if self.cut_on_fail:
                    self.generation += 1     # every open session dies
                    self.down = self.cut_on_fail == "device"
                    raise TransportError("connection dropped", field="host", value="192.0.2.1")
                raise VoipReadyError("connection dropped", field="transport", value="ssh")
            if command in self.ignore:
                continue
            (self.lines.add if command[0] == "+" else self.lines.discard)(command[1:])


class FakeTransport(object):
    def __init__(self, device):
        self.device = device

    def __enter__(self):
        if self.device.down:
            raise TransportError("cannot log in: timed out", field="host", value="192.0.2.1")
        self.device.logins += 1
        self.generation = self.device.generation
        return self

    def __exit__(self, *exc):
        return False

    def _alive(self):
        if self.device.down or self.generation != self.device.generation:
            raise TransportError("session timed out", field="host", value="192.0.2.1")

    def probe(self):
        self.device.probes += 1
        if self.device.probe_error:
            raise TransportError(self.device.probe_error, field="host", value="192.0.2.1")
        return "SSH-2.0-fake"

    def send_command(self, command):
        self._alive()
        return "\n".join(sorted(self.device.lines))

    def send_config(self, commands):
        self._alive()
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
    dev.backup_dir = str(tmp_path / "backups")
    return dev


def request(device, check_mode=False, rules=(RULE, RULE2), state="merged", **extra):
    return engine.Request("linux", {"allowlist": {"rules": list(rules)}}, state=state,
                          connection={"host": "192.0.2.1", "name": "edge1"},
                          check_mode=check_mode, lock_dir=device.lock_dir,
                          lock_wait=extra.pop("lock_wait", 1), backup_dir=device.backup_dir, **extra)


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


def test_before_after_and_commands_are_top_level_like_a_resource_module(device):
    """before / after: the owned configuration in gathered's structure, without --diff
    (the action drops only ``diff``); in check mode ``after`` is the prediction."""
    checked = engine.run(request(device, check_mode=True))
    assert checked["before"] == {"allowlist": ["VOIPREADY stale-rule"]}
    assert checked["after"] == {"allowlist": ["VOIPREADY lab-rtp-udp-6000-65535", "VOIPREADY lab-sip-udp-5060"]}
    assert device.pushes == []
    done = engine.run(request(device))
    assert done["before"] == checked["before"] and done["commands"] == checked["commands"]
    assert done["after"] == checked["after"]
    # gathered reads the same structure from the device: after is what is there now
    gathered = engine.run(request(device, state="gathered"))
    assert gathered["gathered"] == done["after"] and "before" not in gathered
    again = engine.run(request(device))
    assert again["before"] == again["after"] == done["after"] and again["commands"] == []


def test_after_is_the_read_back_not_the_prediction(device, monkeypatch):
    """After a push, ``after`` is parsed from the device's answer to the read-back, not
    from the simulation: this device records each commit, which no prediction knows."""
    monkeypatch.setattr(LineDriver, "parse", lambda self, running: {"allowlist": sorted(
        self._owned(running) | set(l for l in running.splitlines() if l.startswith("#commit")))})
    applied = device.apply

    def apply_and_record(commands):
        applied(commands)
        device.lines.add("#commit %d" % len(device.pushes))

    monkeypatch.setattr(device, "apply", apply_and_record)
    checked = engine.run(request(device, check_mode=True, rules=(RULE,)))
    assert checked["after"] == {"allowlist": ["VOIPREADY lab-sip-udp-5060"]}
    done = engine.run(request(device, rules=(RULE,)))
    assert done["after"] == {"allowlist": ["#commit 1", "VOIPREADY lab-sip-udp-5060"]}


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


def test_a_lock_wait_says_so_while_it_waits(device, monkeypatch):
    """A second run on a locked device says it is waiting (and for how long at most) when
    the wait starts and every PROGRESS_EVERY seconds, and says when it got the lock."""
    monkeypatch.setattr(engine, "PROGRESS_EVERY", 0.5)
    lock = engine.DeviceLock(device.lock_dir, {"host": "192.0.2.1"}, wait=5)
    holder, release = threading.Event(), threading.Event()

    def hold():
        with lock:
            holder.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    holder.wait()
    said = []
    timer = threading.Timer(2.0, release.set)
    timer.start()
    result = engine.run(request(device, lock_wait=5, progress=said.append))
    thread.join()
    assert result["changed"] is True
    assert said[0].startswith("edge1: waiting for the lock for device 192.0.2.1_22 (held by another "
                              "voipready run on this controller): ")
    assert "left of lock_timeout=" in said[0]
    assert len([m for m in said if "still waiting for the lock" in m]) >= 2
    assert said[-1] == "edge1: got the lock for device 192.0.2.1_22"


def test_no_wait_no_word(device):
    said = []
    engine.run(request(device, progress=said.append))
    assert said == []


def test_rendered_and_parsed_connect_to_nothing(device):
    rendered = engine.run(engine.Request("linux", {"allowlist": {"rules": [RULE]}},
                                         state="rendered"))
    assert rendered["rendered"] == ["VOIPREADY lab-sip-udp-5060"]   # lines, as cisco.ios returns them
    parsed = engine.run(engine.Request("linux", {}, state="parsed",
                                       running_config="VOIPREADY x\nhostname y"))
    assert parsed["parsed"] == {"allowlist": ["VOIPREADY x"]}
    assert device.logins == 0


def test_missing_host_is_a_clear_error(device):
    with pytest.raises(VoipReadyError) as err:
        engine.run(engine.Request("linux", {"allowlist": {"rules": [RULE]}}, connection={}))
    assert err.value.field == "connection.host"


# -- commit-confirm, lockout guard, backups (issue 5) -----------------------------------------
def test_a_change_is_confirmed_only_after_a_fresh_management_connection(device):
    result = engine.run(request(device))
    assert device.probes == 1 and result["confirmed_via"] == "session"
    engine.run(request(device))  # nothing to change: nothing to confirm
    assert device.probes == 1


def test_a_change_that_blocks_new_management_connections_is_rolled_back(device):
    before = set(device.lines)
    device.probe_error = "after the change, a fresh connection to 192.0.2.1:22 failed"
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device))
    assert "rolled back" in str(err.value) and "fresh connection" in str(err.value)
    assert device.lines == before


class GuardedDriver(LineDriver):
    """Blocks the management session when the intent holds a rule called 'ssh-drop'."""

    def management_check(self, before_running, after_running):
        if "VOIPREADY ssh-drop" in after_running.splitlines():
            return {"status": "blocked", "session": "198.51.100.1:40000 -> 192.0.2.1:22/tcp",
                    "rules": ["VOIPREADY ssh-drop"]}
        return {"status": "admitted", "session": "198.51.100.1:40000 -> 192.0.2.1:22/tcp"}


def test_lockout_guard_refuses_before_touching_the_device(device, monkeypatch):
    monkeypatch.setattr(engine, "get_driver", lambda platform: GuardedDriver())
    before = set(device.lines)
    cut = dict(RULE, id="ssh-drop")
    for check_mode in (True, False):
        with pytest.raises(VoipReadyError) as err:
            engine.run(request(device, check_mode=check_mode, rules=(RULE, cut)))
        assert err.value.field == "accept_lockout_risk"
        assert "198.51.100.1:40000 -> 192.0.2.1:22/tcp" in str(err.value)
        assert "VOIPREADY ssh-drop" in str(err.value)
    assert device.lines == before and device.pushes == []
    result = engine.run(request(device, rules=(RULE, cut), accept_lockout_risk=True))
    assert result["lockout_guard"]["status"] == "blocked" and "VOIPREADY ssh-drop" in device.lines


def test_every_change_leaves_a_backup_and_restored_puts_it_back(device):
    before = set(device.lines)
    first = engine.run(request(device))
    path = first["backup"]
    assert os.stat(path).st_mode & 0o777 == 0o600
    record = json.load(open(path))
    assert set(record["running"].splitlines()) == before and record["host"] == "edge1"
    assert os.path.exists(os.path.join(device.backup_dir, "edge1", "latest.json"))
    assert device.lines != before

    check = engine.run(engine.Request("linux", {}, state="restored", check_mode=True,
                                      connection={"host": "192.0.2.1", "name": "edge1"},
                                      lock_dir=device.lock_dir, backup=path,
                                      backup_dir=device.backup_dir))
    assert check["changed"] is True and device.lines != before
    restored = engine.run(engine.Request("linux", {}, state="restored",
                                         connection={"host": "192.0.2.1", "name": "edge1"},
                                         lock_dir=device.lock_dir, backup=path,
                                         backup_dir=device.backup_dir))
    assert restored["changed"] is True and restored["restored_from"] == record["taken_at"]
    assert device.lines == before


def test_restored_from_a_wrong_backup_fails_before_logging_in(device, tmp_path):
    bad = tmp_path / "other.json"
    bad.write_text(json.dumps({"format": 1, "platform": "ios", "running": "x"}))
    for path, words in ((str(bad), "platform 'ios'"), (str(tmp_path / "none.json"), "cannot read")):
        with pytest.raises(VoipReadyError) as err:
            engine.run(engine.Request("linux", {}, state="restored", backup=path,
                                      connection={"host": "192.0.2.1"}, lock_dir=device.lock_dir))
        assert err.value.field == "backup" and words in str(err.value)
    assert device.logins == 0


def test_a_backup_that_cannot_be_written_stops_the_change(device, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    before = set(device.lines)
    with pytest.raises(VoipReadyError) as err:
        engine.run(engine.Request("linux", {"allowlist": {"rules": [RULE]}},
                                  connection={"host": "192.0.2.1"}, lock_dir=device.lock_dir,
                                  backup_dir=str(blocker)))
    assert err.value.field == "backup_dir" and device.lines == before and device.pushes == []


def test_session_cut_mid_push_rolls_back_over_a_fresh_login(device):
    before = set(device.lines)
    device.fail_after, device.cut_on_fail = 1, "session"
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device))
    assert "rolled back" in str(err.value) and "connection dropped" in str(err.value)
    assert device.lines == before and device.logins == 2


def test_unreachable_without_revert_timer_says_restore_the_backup(device):
    device.fail_after, device.cut_on_fail = 1, "device"
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device, confirm_timeout=0))
    assert err.value.value == "unreachable" and "no revert timer" in str(err.value)


def test_unreachable_device_reverts_by_itself_and_the_engine_verifies_it(device, monkeypatch):
    before = set(device.lines)
    device.fail_after, device.cut_on_fail = 1, "device"
    slept = []

    def device_timer_fires(seconds):
        # what the armed revert does on the device at the deadline; management comes back
        slept.append(seconds)
        device.lines = set(before)
        device.down = False

    monkeypatch.setattr(engine.time, "sleep", device_timer_fires)
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device, confirm_timeout=30))
    assert "reverted by itself" in str(err.value) and "verified" in str(err.value)
    assert 30 <= sum(slept) <= 30 + engine.REVERT_GRACE
    assert device.lines == before


def test_the_revert_wait_says_what_it_waits_for_while_it_lasts(device, monkeypatch):
    """A failed push on a device that cannot be reached waits for its revert timer (up to
    confirm_timeout + REVERT_GRACE, 130 s by default): the user is told so when the wait
    starts and every PROGRESS_EVERY seconds, each time with what is left (issue 14.6)."""
    before = set(device.lines)
    device.fail_after, device.cut_on_fail = 1, "device"
    events = []

    def sleep(seconds):
        events.append(("sleep", seconds))
        if sum(s for kind, s in events if kind == "sleep") >= 90:
            device.lines, device.down = set(before), False   # the timer fired on the device

    monkeypatch.setattr(engine.time, "sleep", sleep)
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device, confirm_timeout=90, progress=lambda m: events.append(("say", m))))
    assert "reverted by itself" in str(err.value)
    said = [m for kind, m in events if kind == "say"]
    assert said[0].startswith("edge1: the change failed (connection dropped")
    assert "revert timer (confirm_timeout=90s)" in said[0]
    waits = [(kind, m) for kind, m in events if kind == "sleep" or "s left" in m]
    # said before every step, never longer than PROGRESS_EVERY without a word
    assert [event[0] for event in waits] == ["say", "sleep"] * (len(waits) // 2) and len(waits) >= 8
    assert all(s <= engine.PROGRESS_EVERY for kind, s in waits if kind == "sleep")
    lefts = [int(m.rsplit(": ", 1)[1].split("s")[0]) for kind, m in waits if kind == "say"]
    assert lefts == sorted(lefts, reverse=True) and 90 < lefts[0] <= 90 + engine.REVERT_GRACE
    assert said[-1] == "edge1: revert timer passed: logging in to check that the device reverted"


def test_unreachable_device_that_does_not_revert_is_reported_not_hidden(device, monkeypatch):
    device.fail_after, device.cut_on_fail = 1, "device"
    monkeypatch.setattr(engine.time, "sleep", lambda seconds: None)
    with pytest.raises(VoipReadyError) as err:
        engine.run(request(device, confirm_timeout=30))
    assert err.value.field == "rollback" and err.value.value == "unreachable"
    assert "still unreachable" in str(err.value)


def test_confirm_timeout_out_of_range_names_field_and_value(device):
    for bad in (-1, 3601, "soon"):
        with pytest.raises(VoipReadyError) as err:
            request(device, confirm_timeout=bad)
        assert err.value.field == "confirm_timeout" and repr(bad) in str(err.value)


class CountingDriver(LineDriver):
    """LineDriver that records every question the engine asks it: (entry point, text,
    features or commands)."""

    def __init__(self):
        super(CountingDriver, self).__init__()
        self.asked = []

    def parse(self, running):
        self.asked.append(("parse", running, None))
        return super(CountingDriver, self).parse(running)

    def remediate(self, running, intent, state="merged"):
        self.asked.append(("remediate", running, tuple(sorted(intent))))
        return super(CountingDriver, self).remediate(running, intent, state)

    def view(self, running, intent):
        self.asked.append(("view", running, tuple(sorted(intent))))
        return super(CountingDriver, self).view(running, intent)

    def simulate(self, running, commands):
        self.asked.append(("simulate", running, tuple(commands)))
        return super(CountingDriver, self).simulate(running, commands)


@pytest.mark.parametrize("check_mode", [True, False])
def test_the_engine_asks_the_driver_each_question_once(device, monkeypatch, check_mode):
    """Issue 15.4: one feature's remediation serves its status, the commands and the
    simulation; its view serves the diff and the missing/extra lines. The driver is
    asked each (entry point, text, features) once, and gives the same answers."""
    driver = CountingDriver()
    monkeypatch.setattr(engine, "get_driver", lambda platform: driver)
    result = engine.run(request(device, check_mode=check_mode))
    asked = [question[0] for question in driver.asked]
    assert len(driver.asked) == len(set(driver.asked)), driver.asked
    # running and the after state: parsed, viewed; running remediated and simulated;
    # after a push the read-back is remediated (the residual) and parsed once more
    assert asked.count("remediate") == (1 if check_mode else 2)
    assert asked.count("view") == 2 and asked.count("simulate") == 1
    assert result["commands"] == ["-VOIPREADY stale-rule", "+VOIPREADY lab-rtp-udp-6000-65535",
                                  "+VOIPREADY lab-sip-udp-5060"]
    assert result["features"]["allowlist"]["commands"] == result["commands"]
    assert result["features"]["allowlist"]["commands"] is not result["commands"]
    assert result["features"]["allowlist"]["missing"] == ["VOIPREADY lab-rtp-udp-6000-65535",
                                                          "VOIPREADY lab-sip-udp-5060"]


def _parse_count():
    """benchmarks/parse_count.py, the run these tests count."""
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), "benchmarks"))
    try:
        import parse_count
    finally:
        sys.path.pop(0)
    return parse_count


BENCH_PLATFORMS = ["asa", "eos", "ios", "junos", "linux", "vyos"]


@pytest.mark.parametrize("platform", BENCH_PLATFORMS)
def test_one_check_run_reads_each_text_once(platform):
    """The four-feature check-mode run of benchmarks/parse_count.py reads the device's
    running configuration once (before issue 15.4: 10 to 12 times), and two texts in all:
    it and the simulated after state (EOS's reader also builds trees of the blocks its
    driver compares and replays, which are no device text). The driver is still asked
    every distinct question: IOS remediates four features and the whole scope, and views
    four features and the scope, before and after."""
    counts = _parse_count().measure(platform)
    assert counts["running_reads"] == 1, counts
    if platform != "eos":
        assert counts["text_reads"] == 2, counts
    if platform == "ios":
        assert (counts["parse"], counts["remediate"], counts["view"], counts["simulate"],
                counts["commands"]) == (2, 5, 10, 1, 64), counts


def test_reading_once_is_the_engine_step_only():
    """Outside the engine's step a driver reads every time (its unit tests, render); inside
    it, once per text; the memo goes when the step ends, even when it ends in an error."""
    from ansible_collections.voipready.network.plugins.module_utils.platforms import base
    texts = []

    def reader(text):
        texts.append(text)
        return [text]

    assert base.read_once(reader, "a") == base.read_once(reader, "a") == ["a"]
    assert texts == ["a", "a"]
    with pytest.raises(ValueError):
        with base.reading_once():
            assert base.read_once(reader, "b") is base.read_once(reader, "b")
            base.read_once(reader, "c")
            raise ValueError("the step failed")
    assert texts == ["a", "a", "b", "c"]
    base.read_once(reader, "b")
    assert texts == ["a", "a", "b", "c", "b"]


@pytest.mark.parametrize("platform", BENCH_PLATFORMS)
def test_reading_once_changes_no_answer(monkeypatch, tmp_path, platform):
    """The benchmark's run gives the same result, to the last line of its diff, with each
    text read once as with every entry point reading it again (the engine before issue
    15.4): nothing the simulation edits leaks into the before state."""
    bench = _parse_count()
    with open(os.path.join(bench.FIXTURES, bench.FIXTURE[platform])) as handle:
        running = handle.read()
    monkeypatch.setattr(engine, "make_transport",
                        lambda driver, conn, kind: bench.FixedTransport(running))

    def check():
        return engine.run(engine.Request(
            platform, bench.FEATURES[platform], check_mode=True, lock_dir=str(tmp_path),
            backup_dir=str(tmp_path), connection={"host": "192.0.2.1", "name": "bench"}))

    remembered = check()
    monkeypatch.setattr(engine, "Step", lambda driver, intent: driver)
    monkeypatch.setattr(engine, "reading_once", contextlib.nullcontext)
    assert check() == remembered
    assert remembered["diff"]["before"] != remembered["diff"]["after"]
