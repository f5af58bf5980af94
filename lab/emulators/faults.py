"""Faults on request for the emulated devices (lab test infrastructure, never a real device).

Built on nothing but the standard library. A test or an operator writes ``DIR/faults.json``
in the emulator's state directory (or sets ``EMU_FAULTS`` in its environment); the file is
read again before every line the device receives, so a fault can be armed while a session is
open. The file holds one fault object or a list of them:

    {"drop_after_config_lines": N}       the session is cut (TCP closed, no reply) right
                                         after the Nth line received in configuration mode
                                         has been applied
    {"hang_on": REGEX, "seconds": S}     a line matching REGEX gets no answer for S seconds
                                         (then it is processed as usual)
    {"reject": REGEX, "error": TEXT}     a line matching REGEX is not applied; the device
                                         answers TEXT instead

Each may carry ``"once": true``: after it fires it is removed from faults.json (an
``EMU_FAULTS`` fault fires once per server process). Every fault that fires is written to the
device's events.log.
"""

import json
import os
import re

from emulators.store import atomic_write

KINDS = ("drop_after_config_lines", "hang_on", "reject")


class FaultError(ValueError):
    """faults.json / EMU_FAULTS does not hold what this module documents."""


def _as_list(data, origin):
    faults = data if isinstance(data, list) else [data]
    for fault in faults:
        if not isinstance(fault, dict) or not any(k in fault for k in KINDS):
            raise FaultError("%s: each fault is an object with one of %s, got %r"
                             % (origin, ", ".join(KINDS), fault))
        for key in ("hang_on", "reject"):
            if key in fault:
                re.compile(fault[key])
    return faults


class Faults:
    """The faults of one device; ``state_dir`` holds faults.json."""

    def __init__(self, state_dir, environ=None):
        self.path = os.path.join(state_dir, "faults.json")
        env = (environ if environ is not None else os.environ).get("EMU_FAULTS")
        self._env = _as_list(json.loads(env), "EMU_FAULTS") if env else []
        self._env_fired = set()

    def active(self):
        """(origin, index, fault) of every armed fault, file first."""
        found = []
        try:
            with open(self.path, encoding="utf-8") as handle:
                text = handle.read()
        except FileNotFoundError:
            text = ""
        if text.strip():
            found += [("file", i, f) for i, f in enumerate(_as_list(json.loads(text), self.path))]
        found += [("env", i, f) for i, f in enumerate(self._env) if i not in self._env_fired]
        return found

    def fired(self, origin, index, fault):
        """Forget a one-shot fault that has just fired."""
        if not fault.get("once"):
            return
        if origin == "env":
            self._env_fired.add(index)
            return
        with open(self.path, encoding="utf-8") as handle:
            current = json.loads(handle.read() or "[]")
        current = current if isinstance(current, list) else [current]
        if index < len(current) and current[index] == fault:
            del current[index]
        atomic_write(self.path, json.dumps(current, indent=1, sort_keys=True) + "\n")

    def match(self, kind, line):
        """The first armed fault of ``kind`` ('hang_on' or 'reject') whose REGEX matches."""
        for origin, index, fault in self.active():
            if kind in fault and re.search(fault[kind], line):
                return origin, index, fault
        return None

    def drop_limit(self):
        """The armed ``drop_after_config_lines`` fault, if any."""
        for origin, index, fault in self.active():
            if "drop_after_config_lines" in fault:
                return origin, index, fault
        return None
