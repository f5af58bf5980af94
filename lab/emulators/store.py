"""The emulated device's persistent state (lab test infrastructure, never a real device).

Built on the standard library only: every named text (running-config, startup-config,
platform extras such as EOS configuration sessions) is one file in the state directory,
written atomically (temporary file, fsync, rename) so a crash or a cut session never leaves a
half-written configuration. ``events.log`` is the device's own log, one JSON object a line.
"""

import datetime
import json
import os
import tempfile


def atomic_write(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def now():
    return datetime.datetime.now(datetime.timezone.utc)


class Store:
    """Named texts kept in memory and on disk; shared by every session of one server."""

    def __init__(self, state_dir):
        self.dir = state_dir
        os.makedirs(state_dir, exist_ok=True)
        self._cache = {}

    def path(self, name):
        return os.path.join(self.dir, name)

    def get(self, name, default=None):
        if name not in self._cache:
            try:
                with open(self.path(name), encoding="utf-8") as handle:
                    self._cache[name] = handle.read()
            except FileNotFoundError:
                return default
        return self._cache[name]

    def put(self, name, text):
        atomic_write(self.path(name), text)
        self._cache[name] = text

    def delete(self, name):
        self._cache.pop(name, None)
        try:
            os.unlink(self.path(name))
        except FileNotFoundError:
            pass

    def get_json(self, name, default=None):
        text = self.get(name)
        return json.loads(text) if text else default

    def put_json(self, name, data):
        self.put(name, json.dumps(data, indent=1, sort_keys=True) + "\n")

    def event(self, kind, **fields):
        """Append one event (login, config, commit, rollback, fault, ...) to events.log."""
        record = dict(fields, ts=now().isoformat(timespec="milliseconds"), event=kind)
        with open(self.path("events.log"), "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, sort_keys=True) + "\n")

    def events(self, kind=None):
        try:
            with open(self.path("events.log"), encoding="utf-8") as handle:
                records = [json.loads(line) for line in handle if line.strip()]
        except FileNotFoundError:
            return []
        return [r for r in records if kind is None or r["event"] == kind]
