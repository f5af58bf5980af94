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

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    FEATURES, validate_intent, validate_platform)
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.module_utils.platforms.base import STATES
from ansible_collections.voipready.network.plugins.module_utils.transport import make_transport

WRITE_STATES = ("merged", "replaced", "overridden", "deleted")


class Request(object):
    """Everything one run on one device needs; built by runner.py from module params."""

    def __init__(self, platform, features, state="merged", connection=None, check_mode=False,
                 transport="netmiko", running_config=None, confirm_timeout=None,
                 lock_dir=None, lock_wait=120):
        self.platform = validate_platform(platform)
        if state not in STATES:
            raise VoipReadyError("state=%r is not valid; valid states: %s" % (state, ", ".join(STATES)),
                                 field="state", value=state)
        self.state = state
        self.intent = validate_intent(features or {})
        if not self.intent and state not in ("gathered", "parsed"):
            raise VoipReadyError("features={} names no feature; give at least one of: %s"
                                 % ", ".join(FEATURES), field="features", value={})
        self.connection = connection or {}
        self.check_mode = bool(check_mode)
        self.transport = transport
        self.running_config = running_config
        self.confirm_timeout = confirm_timeout
        self.lock_dir = lock_dir
        self.lock_wait = lock_wait


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


def feature_delta(driver, running, after_running, intent, report):
    """Add to each drifted feature of ``report`` the lines of that feature's own view the
    device lacks (``missing``) and holds beyond the intent (``extra``), so a compliance
    report says what drifted, not only which commands fix it."""
    for feature, item in report.items():
        if item["status"] != "drift":
            continue
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

    def __init__(self, lock_dir, connection, wait):
        key = "%s_%s" % (connection.get("host"), connection.get("port") or 22)
        self.path = os.path.join(lock_dir, hashlib.sha256(key.encode()).hexdigest()[:16] + ".lock")
        self.key = key
        self.wait = wait
        self.handle = None

    def __enter__(self):
        import fcntl
        if not os.path.isdir(os.path.dirname(self.path)):
            os.makedirs(os.path.dirname(self.path))
        self.handle = open(self.path, "a")
        deadline = time.time() + self.wait
        while True:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except (IOError, OSError) as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.time() > deadline:
                    self.handle.close()
                    raise VoipReadyError(
                        "another voipready run holds the lock for device %s (waited %ss); "
                        "try again when it has finished" % (self.key, self.wait),
                        field="host", value=self.key)
                time.sleep(0.2)

    def __exit__(self, *exc):
        import fcntl
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def run(request):
    """Carry out one request; returns the module result (without 'failed')."""
    driver = get_driver(request.platform)
    intent = request.intent
    result = {"changed": False, "commands": [], "platform": request.platform,
              "state": request.state}

    if request.state == "rendered":
        skipped = dict((f, driver.not_applicable(f, intent)) for f in FEATURES
                       if f in intent and driver.not_applicable(f, intent))
        # Say in the file itself what was asked for and cannot exist here, so a reviewer
        # reading rendered/<host>.conf never mistakes an absence for compliance.
        header = "".join("%s NOT APPLICABLE %s: %s\n" % (driver.comment, f, skipped[f])
                         for f in sorted(skipped))
        result["rendered"] = header + driver.render(_in_scope(driver, intent))
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
    lock = DeviceLock(request.lock_dir or os.path.expanduser("~/.cache/voipready/locks"),
                      request.connection, request.lock_wait)
    with lock:
        transport = make_transport(driver, request.connection, request.transport)
        with transport:
            running = driver.gather(transport)
            if request.state == "gathered":
                parsed = driver.parse(running)
                result["gathered"] = dict((f, parsed[f]) for f in (intent or parsed) if f in parsed)
                return result
            return _converge(driver, transport, running, request, result)


def _converge(driver, transport, running, request, result):
    intent = request.intent
    scope = _in_scope(driver, intent)
    result["features"] = feature_status(driver, running, intent, request.state)
    commands = driver.remediate(running, scope, request.state)
    after_running = driver.simulate(running, commands) if commands else running
    result["commands"] = commands
    result["changed"] = bool(commands)
    result["diff"] = {
        "before": driver.view(running, scope),
        "after": driver.view(after_running, scope),
        "before_header": "%s (running)" % request.connection.get("host"),
        "after_header": "%s (intended)" % request.connection.get("host"),
    }
    feature_delta(driver, running, after_running, intent, result["features"])
    if not commands or request.check_mode:
        return result

    try:
        driver.push(transport, commands, request.confirm_timeout)
        now_running = driver.gather(transport)
        residual = driver.remediate(now_running, scope, request.state)
        if residual:
            raise VoipReadyError(
                "the device did not converge: after the push, these commands are still "
                "needed: %s" % "; ".join(residual[:10]), field="commands", value=len(residual))
        driver.confirm(transport)
        driver.save(transport)
    except Exception as exc:
        _roll_back(driver, transport, running, exc)
    return result


def _roll_back(driver, transport, before_running, cause):
    """Put the owned configuration back as it was and prove it; re-raise with both stories."""
    try:
        current = driver.gather(transport)
        inverse = driver.rollback(before_running, current)
        if inverse:
            driver.push(transport, inverse, None)
        again = driver.gather(transport)
        left = driver.rollback(before_running, again)
    except Exception as exc:
        raise VoipReadyError(
            "the change failed (%s) and the rollback failed too (%s): the device may need "
            "attention; its before state is in the backup" % (cause, exc),
            field="rollback", value="failed")
    if left:
        raise VoipReadyError(
            "the change failed (%s); rollback left differences: %s" % (cause, "; ".join(left[:10])),
            field="rollback", value="incomplete")
    raise VoipReadyError("the change failed and was rolled back; the device is in its before "
                         "state: %s" % cause, field=getattr(cause, "field", None) or "commands",
                         value=getattr(cause, "value", None))
