# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs voipready.network.qos (and its alias voipready.network.voip_qos) on the controller (see plugin_utils/action_base.py)."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.plugin_utils.action_base import VoipreadyAction


class ActionModule(VoipreadyAction):
    FEATURE = "qos"
