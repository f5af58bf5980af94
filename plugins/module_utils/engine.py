# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The engine: the same order of operations for every platform and every feature.

    validate intent -> (one login) gather running -> remediate per feature
      -> diff before/after -> [push -> read back -> verify] -> result

Drivers know syntax; the engine knows safety. A push that fails, or whose read-back
does not converge, is rolled back to the before state with the driver's inverse
commands and read back again, so a device ends in its before or its after state.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import errno
import hashlib
import os
import time

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.backup import (
    latest_backup, read_backup, write_backup)
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    FEATURES, validate_intent, validate_platform)
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import (
    STATES, reading_once)
from ansible_collections.voipready.network.plugins.module_utils.transport import (
    TransportError, make_transport)

WRITE_STATES = ("merged", "replaced", "overridden", "deleted", "restored")
#: seconds past the revert deadline before the engine looks whether the device reverted
REVERT_GRACE = 10
#: a long wait (revert timer, device lock) says what it waits for when it starts and
#: again this often, in seconds, so a run is never silent for minutes
PROGRESS_EVERY = 30
DEFAULT_BACKUP_DIR = "~/.local/state/voipready/backups"


class Request(object):
    """Everything one run on one device needs; built by runner.py from module params."""

    def __init__(self, platform, features, state="merged", connection=None, check_mode=False,
                 transport="netmiko", running_config=None, confirm_timeout=None,
                 lock_dir=None, lock_wait=120, accept_lockout_risk=False, backup_dir=None,
                 backup=None, flows=False, progress=None):
        self.platform = validate_platform(platform)
        if state not in STATES:
            raise VoipReadyError("state=%r is not valid; valid states: %s" % (state, ", ".join(STATES)),
                                 field="state", value=state)
        self.state = state
        self.intent = validate_intent(features or {})
        if not self.intent and state not in ("gathered", "parsed", "restored"):
            raise VoipReadyError("features={} names no feature; give at least one of: %s"
                                 % ", ".join(FEATURES), field="features", value={})
        self.connection = connection or {}
        self.check_mode = bool(check_mode)
        self.transport = transport
        self.running_config = running_config
        self.confirm_timeout = confirm_timeout
        self.lock_dir = lock_dir
        self.lock_wait = lock_wait
        self.accept_lockout_risk = bool(accept_lockout_risk)
        self.backup_dir = backup_dir or DEFAULT_BACKUP_DIR
        self.backup = backup
        self.flows = bool(flows)
        # progress(message): where the user sees a long wait (the action's display);
        # None where nobody can (a module on a host)
        self.progress = progress
        if confirm_timeout is not None and (not isinstance(confirm_timeout, int) or isinstance(
                confirm_timeout, bool) or not 0 <= confirm_timeout <= 3600):
            raise VoipReadyError("confirm_timeout=%r must be whole seconds from 0 (no revert "
                                 "timer) to 3600" % (confirm_timeout,), field="confirm_timeout",
                                 value=confirm_timeout)

    @property
    def host(self):
        """The device's name for messages and backups (the inventory name when known)."""
        return self.connection.get("name") or self.connection.get("host")

    def say(self, message):
        """Tell the user, while the run goes on, what it is waiting for."""
        if self.progress is not None:
            self.progress("%s: %s" % (self.host, message))


def wait_saying(seconds, say, what):
    """Sleep ``seconds``, saying ``what`` and the time left before each PROGRESS_EVERY
    step. Counted in steps rather than against the clock: the sleeps are the wait."""
    left = max(0.0, float(seconds))
    while left > 0:
        say("%s: %ds left" % (what, int(left + 0.999)))
        step = min(PROGRESS_EVERY, left)
        time.sleep(step)
        left -= step


class Step(object):
    """The driver's answers about the texts of one read of the device, each computed once:
    the status, commands, before/after and diff of a run ask for the same parse, view and
    remediation of the same text several times. Everything else goes to the driver."""

    def __init__(self, driver, intent):
        self.driver = driver
        self.intent = intent
        self.memo = {}

    def __getattr__(self, name):
        return getattr(self.driver, name)

    def _once(self, key, compute):
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def _features(self, intent):
        # within a run each feature has one intent: its name is the key (rollback targets,
        # parsed from a backup, are not the run's intent and are not remembered)
        if any(self.intent.get(f) is not intent[f] for f in intent):
            return None
        return tuple(sorted(intent))

    def parse(self, running):
        return self._once(("parse", running), lambda: self.driver.parse(running))

    def view(self, running, intent):
        features = self._features(intent)
        if features is None:
            return self.driver.view(running, intent)
        return self._once(("view", running, features), lambda: self.driver.view(running, intent))

    def remediate(self, running, intent, state="merged"):
        features = self._features(intent)
        if features is None:
            return self.driver.remediate(running, intent, state)
        # a copy: the same commands serve a feature's status and the run's own list
        return list(self._once(("remediate", running, features, state),
                               lambda: self.driver.remediate(running, intent, state)))

    def simulate(self, running, commands):
        return self._once(("simulate", running, tuple(commands)),
                          lambda: self.driver.simulate(running, commands))


def feature_status(driver, running, intent, state):
    """Per feature: compliant, drift (with the commands that fix it) or not_applicable."""
    report = {}
    for feature in FEATURES:
        if feature not in intent:
            continue
        reason = driver.not_applicable(feature, intent)
        if reason:
            report[feature] = {"status": "not_applicable", "reason": reason, "commands": []}
            continue
        commands = _feature_commands(driver, running, intent, feature, state)
        report[feature] = {"status": "drift" if commands else "compliant", "commands": commands}
    return report


def flows_status(driver, running, intent):
    """The ``flows`` check: what the device's whole policy (as read) admits for the
    provider's flows and, with enforce, for every other flow of the voice networks
    (module_utils/flows.py and the platform's model in platforms/flows/)."""
    from ansible_collections.voipready.network.plugins.module_utils import flows
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import (
        policy_from_running)
    try:
        policy = policy_from_running(driver.platform, running)
    except VoipReadyError as exc:
        # the other features are still reported; this one says what it could not read
        return {"status": "drift", "reason": "the flow model could not read the running "
                "configuration: %s" % exc, "missing": ["no flow could be checked: %s" % exc],
                "extra": [], "commands": [], "sampled": 0}
    applicable = "allowlist" in intent and not driver.not_applicable("allowlist", intent)
    marking = "qos" in intent and not driver.not_applicable("qos", intent)
    return flows.check(policy, intent, applicable=applicable, qos_applicable=marking)


def feature_delta(driver, running, after_running, intent, report):
    """Add to each drifted feature of ``report`` the lines of that feature's own view the
    device lacks (``missing``) and holds beyond the intent (``extra``), so a compliance
    report says what drifted, not only which commands fix it."""
    for feature, item in report.items():
        if item["status"] != "drift" or feature not in intent:
            continue    # the flows check brings its own missing/extra
        try:
            before = driver.view(running, {feature: intent[feature]}).splitlines()
            after = driver.view(after_running, {feature: intent[feature]}).splitlines()
        except VoipReadyError:
            # a feature that has no view of its own is still drift; its commands say why
            before, after = [], []
        item["missing"] = _lines_not_in(after, before)
        item["extra"] = _lines_not_in(before, after)
    return report


def _lines_not_in(lines, other):
    """The non-blank lines of ``lines`` (stripped, in order) beyond their count in ``other``."""
    left = {}
    for line in other:
        left[line.strip()] = left.get(line.strip(), 0) + 1
    out = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if left.get(text):
            left[text] -= 1
        else:
            out.append(text)
    return out


def _feature_commands(driver, running, intent, feature, state):
    """The commands one feature needs. Some features only make sense with another one's
    intent beside them (OVS marks voice-VLAN traffic, so qos needs voice_vlan): when the
    feature alone cannot be remediated, its commands are those the full remediation has
    and the remediation without it lacks."""
    try:
        return driver.remediate(running, {feature: intent[feature]}, state)
    except VoipReadyError:
        scope = _in_scope(driver, intent)
        full = driver.remediate(running, scope, state)
        rest = dict((f, v) for f, v in scope.items() if f != feature)
        try:
            without = set(driver.remediate(running, rest, state)) if rest else set()
        except VoipReadyError:
            without = set()
        return [command for command in full if command not in without]


def _in_scope(driver, intent):
    return dict((f, intent[f]) for f in driver.features_in_scope(intent))


class DeviceLock(object):
    """One run at a time per device from this controller: a second run waits, then fails
    with a clear message instead of interleaving its commands with the first one's."""

    def __init__(self, lock_dir, connection, wait, say=None):
        key = "%s_%s" % (connection.get("host"), connection.get("port") or 22)
        self.path = os.path.join(lock_dir, hashlib.sha256(key.encode()).hexdigest()[:16] + ".lock")
        self.key = key
        self.wait = wait
        self.say = say or (lambda message: None)
        self.handle = None

    def __enter__(self):
        import fcntl
        if not os.path.isdir(os.path.dirname(self.path)):
            os.makedirs(os.path.dirname(self.path))
        self.handle = open(self.path, "a")
        deadline = time.time() + self.wait
        next_word = None
        while True:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                if next_word is not None:
                    self.say("got the lock for device %s" % self.key)
                return self
            except (IOError, OSError) as exc:
                now = time.time()
                if exc.errno not in (errno.EAGAIN, errno.EACCES) or now > deadline:
                    self.handle.close()
                    raise VoipReadyError(
                        "another voipready run holds the lock for device %s (waited %ss); "
                        "try again when it has finished" % (self.key, self.wait),
                        field="host", value=self.key)
                if next_word is None or now >= next_word:
                    self.say("%s for device %s (held by another voipready run on this "
                             "controller): %ds left of lock_timeout=%ss" % (
                                 "waiting for the lock" if next_word is None else "still waiting for the lock",
                                 self.key, int(deadline - now + 0.999), self.wait))
                    next_word = now + PROGRESS_EVERY
                time.sleep(0.2)

    def __exit__(self, *exc):
        import fcntl
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def run(request):
    """Carry out one request; returns the module result (without 'failed')."""
    driver = get_driver(request.platform)
    intent = plan.validate(driver, request.intent)
    result = {"changed": False, "commands": [], "platform": request.platform,
              "state": request.state}

    if request.state == "rendered":
        skipped = dict((f, driver.not_applicable(f, intent)) for f in FEATURES
                       if f in intent and driver.not_applicable(f, intent))
        # Say in the file itself what was asked for and cannot exist here, so a reviewer
        # reading rendered/<host>.conf never mistakes an absence for compliance.
        header = "".join("%s NOT APPLICABLE %s: %s\n" % (driver.comment, f, skipped[f])
                         for f in sorted(skipped))
        # a list of lines, as cisco.ios and arista.eos return it (rendered_text joins them)
        result["rendered"] = (header + driver.render(_in_scope(driver, intent))).splitlines()
        result["features"] = dict((f, {"status": "not_applicable", "reason": reason})
                                  for f, reason in skipped.items())
        return result
    if request.state == "parsed":
        if request.running_config is None:
            raise VoipReadyError("state=parsed needs running_config", field="running_config",
                                 value=None)
        parsed = driver.parse(request.running_config)
        result["parsed"] = dict((f, parsed[f]) for f in (intent or parsed) if f in parsed)
        return result

    if not request.connection.get("host"):
        raise VoipReadyError("connection.host is required to reach the device (set ansible_host "
                             "in the inventory)", field="connection.host", value=None)
    backup = None
    if request.state == "restored":
        # read before logging in: a wrong path or platform touches nothing
        backup = read_backup(request.backup or latest_backup(request.backup_dir, request.host),
                             request.platform)
    lock = DeviceLock(request.lock_dir or os.path.expanduser("~/.cache/voipready/locks"),
                      request.connection, request.lock_wait, say=request.say)
    with lock:
        transport = make_transport(driver, request.connection, request.transport)
        # the driver's reader reads each text of this run once (base.reading_once)
        with transport, reading_once():
            running = driver.gather(transport)
            if request.state == "gathered":
                parsed = driver.parse(running)
                result["gathered"] = dict((f, parsed[f]) for f in (intent or parsed) if f in parsed)
                return result
            if backup is not None:
                return _restore(Step(driver, request.intent), transport, running, backup,
                                request, result)
            return _converge(Step(driver, request.intent), transport, running, request, result)


def _converge(driver, transport, running, request, result):
    intent = request.intent
    scope = _in_scope(driver, intent)
    result["features"] = feature_status(driver, running, intent, request.state)
    if request.flows:
        # the device as read, not as it would be after the fix: compliance asks what it
        # admits now
        result["features"]["flows"] = flows_status(driver, running, intent)
    commands = driver.remediate(running, scope, request.state)
    after_running = driver.simulate(running, commands) if commands else running
    result["commands"] = commands
    result["changed"] = bool(commands)
    before = owned_state(driver, running, scope)
    result["before"] = before
    result["after"] = owned_state(driver, after_running, scope) if commands else before
    result["diff"] = _diff(driver, running, after_running, scope, request)
    feature_delta(driver, running, after_running, intent, result["features"])
    if not commands:
        return result
    _guard(driver, running, after_running, request, result)
    if request.check_mode:
        return result
    result["backup"] = write_backup(request.backup_dir, request.host, request.platform, scope,
                                    running, driver)
    read_back = _push_safely(driver, transport, running, commands,
                             lambda now: driver.remediate(now, scope, request.state), request, result)
    result["after"] = owned_state(driver, read_back, scope)
    return result


def _restore(driver, transport, running, backup, request, result):
    """state=restored: the owned configuration back to a backup's, by the same safe path."""
    commands = driver.rollback(backup["running"], running)
    after_running = driver.simulate(running, commands) if commands else running
    scope = _in_scope(driver, request.intent)  # features only scope the diff here
    result["commands"] = commands
    result["changed"] = bool(commands)
    result["restored_from"] = backup["taken_at"]
    before = owned_state(driver, running, scope)
    result["before"] = before
    result["after"] = owned_state(driver, after_running, scope) if commands else before
    result["diff"] = _diff(driver, running, after_running, scope, request) if scope else {
        "before": driver.redact(running), "after": driver.redact(after_running),
        "before_header": "%s (running)" % request.host,
        "after_header": "%s (backup %s)" % (request.host, backup["taken_at"])}
    if not commands:
        return result
    _guard(driver, running, after_running, request, result)
    if request.check_mode:
        return result
    result["backup"] = write_backup(request.backup_dir, request.host, request.platform,
                                    backup.get("features") or [], running, driver)
    read_back = _push_safely(driver, transport, running, commands,
                             lambda now: driver.rollback(backup["running"], now), request, result)
    result["after"] = owned_state(driver, read_back, scope)
    return result


def owned_state(driver, running, scope):
    """The owned configuration of ``running`` in the intent's structure (what gathered
    returns), for the features of ``scope`` (all the driver parses when none): the
    resource-module ``before`` / ``after``."""
    parsed = driver.parse(running)
    return dict((f, parsed[f]) for f in (scope or parsed) if f in parsed)


def _diff(driver, before, after, scope, request):
    return {"before": driver.view(before, scope), "after": driver.view(after, scope),
            "before_header": "%s (running)" % request.host,
            "after_header": "%s (intended)" % request.host}


def _guard(driver, running, after_running, request, result):
    """Lockout guard: refuse a change that would cut this run's management session."""
    guard = driver.management_check(running, after_running)
    result["lockout_guard"] = guard
    if guard["status"] == "blocked" and not request.accept_lockout_risk:
        raise VoipReadyError(
            "refusing the change: it would cut the management session %s (%s); nothing was "
            "changed. Fix the intent, or set accept_lockout_risk=true to push anyway (the "
            "device then reverts by itself after confirm_timeout=%ss unless the change can be "
            "confirmed over a fresh connection)" % (
                guard.get("session"), "; ".join(guard.get("rules") or []), request.confirm_timeout),
            field="accept_lockout_risk", value=False)


def _push_safely(driver, transport, running, commands, residual_of, request, result):
    """push (revert timer armed) -> read back -> fresh connection -> confirm -> save;
    on any failure, roll back to ``running`` and prove it. Returns the read-back."""
    armed_at = time.time()
    try:
        driver.push(transport, commands, request.confirm_timeout)
        read_back = driver.gather(transport)
        residual = residual_of(read_back)
        if residual:
            raise VoipReadyError(
                "the device did not converge: after the push, these commands are still "
                "needed: %s" % "; ".join(residual[:10]), field="commands", value=len(residual))
        result["confirmed_via"] = _confirm(driver, transport, request)
        driver.save(transport)
        return read_back
    except Exception as exc:
        _roll_back(driver, transport, running, exc, request, armed_at)
        raise  # not reached: _roll_back always raises, with the rollback's story


def _confirm(driver, transport, request):
    """Prove that a new management connection still gets through, then confirm.

    The probe is a fresh TCP connection to the management port that must answer with the
    SSH banner: a policy that admits the open session (established) but not a new one is
    caught here, before the change is made permanent, without spending a second login.
    The confirm itself goes over the open session; if that session died, over a fresh
    login. If neither works the armed revert undoes the change on the device."""
    transport.probe()
    try:
        driver.confirm(transport)
        return "session"
    except TransportError:
        fresh = make_transport(driver, request.connection, request.transport)
        with fresh:
            driver.confirm(fresh)
        return "fresh_login"


def _roll_back(driver, transport, before_running, cause, request, armed_at):
    """Put the owned configuration back as it was and prove it; re-raise with both stories.

    Over the open session when it still works, else over a fresh login. When the device
    cannot be reached at all and a revert timer was armed, wait for the device to revert
    by itself, then log in again and check that it did."""
    errors = []
    for fresh in (False, True):
        try:
            if fresh:
                with make_transport(driver, request.connection, request.transport) as session:
                    needed, left = _undo(driver, session, before_running)
            else:
                needed, left = _undo(driver, transport, before_running)
        except Exception as exc:
            # a session that failed mid-change may answer late with stale output: anything
            # odd on it means "try a fresh login"; on a fresh login only unreachability does
            if fresh and not isinstance(exc, TransportError):
                raise VoipReadyError(
                    "the change failed (%s) and the rollback failed too (%s): the device may "
                    "need attention; its before state is in the backup" % (cause, exc),
                    field="rollback", value="failed")
            errors.append(str(exc))
            continue
        if left:
            raise VoipReadyError(
                "the change failed (%s); rollback left differences: %s" % (
                    cause, "; ".join(left[:10])), field="rollback", value="incomplete")
        how = ("was rolled back" if needed else
               "had already been undone on the device (its revert timer fired)")
        raise VoipReadyError(
            "the change failed and %s; the device is in its before state: %s"
            % (how, cause), field=getattr(cause, "field", None) or "commands",
            value=getattr(cause, "value", None))
    if not request.confirm_timeout:
        raise VoipReadyError(
            "the change failed (%s) and the device cannot be reached to roll it back (%s); "
            "no revert timer was armed (confirm_timeout=0): restore it from the backup"
            % (cause, errors[-1]), field="rollback", value="unreachable")
    # The device reverts by itself at armed_at + confirm_timeout; look once it should have.
    request.say("the change failed (%s) and the device cannot be reached to roll it back (%s); "
                "its revert timer (confirm_timeout=%ss) undoes it on the device: waiting for "
                "it, then logging in to check" % (cause, errors[-1], request.confirm_timeout))
    wait_saying(armed_at + request.confirm_timeout + REVERT_GRACE - time.time(), request.say,
                "waiting for the device's revert timer")
    request.say("revert timer passed: logging in to check that the device reverted")
    try:
        fresh = make_transport(driver, request.connection, request.transport)
        with fresh:
            left = driver.rollback(before_running, driver.gather(fresh))
    except Exception as exc:
        raise VoipReadyError(
            "the change failed (%s); the device could not be reached to roll back, and is "
            "still unreachable %ss after its revert timer should have fired (%s): check it "
            "and restore the backup" % (cause, request.confirm_timeout, exc),
            field="rollback", value="unreachable")
    if left:
        raise VoipReadyError(
            "the change failed (%s); the device reverted by itself but differences remain: %s"
            % (cause, "; ".join(left[:10])), field="rollback", value="incomplete")
    raise VoipReadyError(
        "the change failed (%s); the device could not be reached, reverted by itself when "
        "its %ss revert timer fired, and is verified to be in its before state"
        % (cause, request.confirm_timeout), field=getattr(cause, "field", None) or "commands",
        value=getattr(cause, "value", None))


def _undo(driver, session, before_running):
    """(whether inverse commands were needed, what is still different afterwards)."""
    current = driver.gather(session)
    inverse = driver.rollback(before_running, current)
    if inverse:
        driver.push(session, inverse, None)
    return bool(inverse), driver.rollback(before_running, driver.gather(session))
