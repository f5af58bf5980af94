# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the two Linux-host platforms share: a root shell over SSH (netmiko ``linux``).

The nftables host (linux.py) and Open vSwitch (openvswitch.py) both gather their state
with one shell command whose output is cut into sections by :data:`MARK` lines, and
both push steps that must each report their exit status (:func:`run_step`), since an
interactive shell does not fail a session on a failed command.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError, fail

MARK = "### voipready:"
RC_RE = re.compile(r"VOIPREADY_RC=(\d+)")


def split_sections(running, needed):
    """running -> {section: text}; VoipReadyError when markers are missing or truncated."""
    if not isinstance(running, str):
        fail("running state must be text from the gather command", "running", type(running).__name__)
    sections, name, lines = {}, None, []
    for line in running.splitlines():
        if line.startswith(MARK):
            if name is not None:
                sections[name] = "\n".join(lines)
            name, lines = line[len(MARK):].strip(), []
        elif name is not None:
            lines.append(line)
    if name != "end":
        fail("the linux running state is incomplete (no end marker): the gather output was "
             "cut short or is not from this driver", "running", (name or "")[:40])
    for name in needed:
        if name not in sections:
            fail("the running state has no %r section" % name, "running", name)
    return sections


def guarded(platform, parser, running):
    """parser(running), turning any slip on malformed text into VoipReadyError."""
    try:
        return parser(running)
    except VoipReadyError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise VoipReadyError("the %s running state is malformed: %s: %s" % (
            platform, type(exc).__name__, exc), field="running", value=str(exc)[:80])


def heredoc(command, body, tag):
    return "%s <<'%s'\n%s\n%s" % (command, tag, body.rstrip("\n"), tag)


def run_step(transport, command, label):
    first, sep, rest = command.partition("\n")
    wrapped = first + '; echo "VOIPREADY_RC=$?"' + sep + rest
    out = transport.send_command(wrapped)
    codes = RC_RE.findall(out or "")
    if not codes or codes[-1] != "0":
        fail("the device rejected %s: %s" % (label, (out or "").strip()[-400:]), "commands",
             label[:80])
    return out
