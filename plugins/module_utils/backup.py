# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Before-state backups on the controller, and reading them back for ``state: restored``.

Every change first saves the device's state as the driver read it (``running``), with
secrets redacted by the driver (``PlatformDriver.redact``), to

    <backup_dir>/<host>/<UTC time>-<platform>.json   (mode 0600, directory 0700)
    <backup_dir>/<host>/latest.json                  (the newest, same content)

Redacted lines are never owned by the collection, so the rollback the engine computes
from a backup equals the one it computes from the unredacted state.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
import time

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

FORMAT = 1
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


def host_dir(backup_dir, host):
    return os.path.join(os.path.expanduser(backup_dir), _SAFE.sub("_", str(host)) or "_")


def write_backup(backup_dir, host, platform, features, running, driver, now=None):
    """Save the before state; returns the path of the timestamped file."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now if now is not None else time.time()))
    record = {"format": FORMAT, "host": host, "platform": platform, "taken_at": stamp,
              "features": sorted(features), "running": driver.redact(running)}
    text = json.dumps(record, indent=1, sort_keys=True) + "\n"
    directory = host_dir(backup_dir, host)
    try:
        if not os.path.isdir(directory):
            os.makedirs(directory, 0o700)
        path = os.path.join(directory, "%s-%s.json" % (stamp, platform))
        for target in (path, os.path.join(directory, "latest.json")):
            tmp = target + ".tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(text)
            os.rename(tmp, target)  # a reader never sees half a backup
    except (IOError, OSError) as exc:
        raise VoipReadyError("cannot write the before-state backup in %s: %s (nothing was "
                             "changed on the device)" % (directory, exc),
                             field="backup_dir", value=backup_dir)
    return path


def read_backup(path, platform):
    """A backup written by write_backup, checked against the platform being restored."""
    try:
        with open(os.path.expanduser(path)) as handle:
            record = json.load(handle)
    except (IOError, OSError) as exc:
        raise VoipReadyError("cannot read the backup %s: %s" % (path, exc), field="backup",
                             value=path)
    except ValueError as exc:
        raise VoipReadyError("the backup %s is not JSON: %s" % (path, exc), field="backup",
                             value=path)
    if not isinstance(record, dict) or record.get("format") != FORMAT or not isinstance(
            record.get("running"), str):
        raise VoipReadyError("the backup %s is not a voipready backup (format %s)"
                             % (path, FORMAT), field="backup", value=path)
    if record.get("platform") != platform:
        raise VoipReadyError("the backup %s was taken on platform %r, not %r"
                             % (path, record.get("platform"), platform), field="backup",
                             value=path)
    return record


def latest_backup(backup_dir, host):
    return os.path.join(host_dir(backup_dir, host), "latest.json")
