# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A NAPALM-style candidate/commit interface for platform ``linux``, over any object with
``send_command`` (a netmiko session wrapped by NetmikoTransport, or a test shim).

The candidate is an intent (validated with intent.py); compare_config() is the
before/after diff of the driver's view; commit_config(revert_in=N) pushes with the
on-device revert timer armed (see linux.Driver.push); confirm_commit() cancels it;
rollback() puts back the state saved at the last commit. The same five calls are what
NAPALM drivers offer, so the engine's flow serves both.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import difflib

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import validate_intent
from ansible_collections.voipready.network.plugins.module_utils.platforms.linux import Driver


class LinuxNapalm(object):
    """load_merge_candidate / compare_config / commit_config / confirm_commit /
    discard_config / rollback for nftables + conntrack."""

    def __init__(self, transport, driver=None):
        self.transport = transport
        self.driver = driver or Driver()
        self.candidate = None
        self.before = None
        self.pending = False

    def load_merge_candidate(self, config=None, state="merged"):
        """``config`` is a {feature: config} intent (not vendor text: Linux has none)."""
        if not isinstance(config, dict):
            raise VoipReadyError("load_merge_candidate needs an intent mapping", field="config",
                                 value=type(config).__name__)
        self.candidate = (validate_intent(config), state)

    def _plan(self):
        if self.candidate is None:
            raise VoipReadyError("no candidate loaded", field="candidate", value=None)
        running = self.driver.gather(self.transport)
        intent, state = self.candidate
        scope = dict((f, c) for f, c in intent.items() if not self.driver.not_applicable(f, intent))
        return running, scope, self.driver.remediate(running, scope, state)

    def compare_config(self):
        running, scope, commands = self._plan()
        if not commands:
            return ""
        after = self.driver.simulate(running, commands)
        return "".join(difflib.unified_diff(
            self.driver.view(running, scope).splitlines(True),
            self.driver.view(after, scope).splitlines(True), "running", "candidate"))

    def commit_config(self, message="", revert_in=None):
        running, scope, commands = self._plan()
        self.before = running
        if commands:
            self.driver.push(self.transport, commands, revert_in)
            self.pending = bool(revert_in)
        self.candidate = None
        return commands

    def has_pending_commit(self):
        return self.pending

    def confirm_commit(self):
        if not self.pending:
            raise VoipReadyError("no commit is waiting for confirmation", field="commit",
                                 value=None)
        self.driver.confirm(self.transport)
        self.pending = False

    def discard_config(self):
        self.candidate = None

    def rollback(self):
        if self.before is None:
            raise VoipReadyError("nothing to roll back: no commit in this session",
                                 field="rollback", value=None)
        now = self.driver.gather(self.transport)
        inverse = self.driver.rollback(self.before, now)
        if inverse:
            self.driver.push(self.transport, inverse, None)
        if self.pending:
            self.driver.confirm(self.transport)   # the revert timer is no longer needed
            self.pending = False
        return inverse
