# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters that turn provider rules into feature intent (controller side)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.intent import qos_classes_from_rules
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver
from ansible_collections.voipready.network.plugins.plugin_utils.filter_errors import filter_errors


@filter_errors
def qos_classes(rules, rtp_name="VOICE-RTP", sip_name="VOICE-SIP"):
    """DSCP classes from the rules' provider DSCP values (one class per value)."""
    return qos_classes_from_rules(rules, rtp_name=rtp_name, sip_name=sip_name)


@filter_errors
def qos_interfaces(platform, inside=None, outside=None):
    """The platform's QoS interfaces: where voice passes, in the direction it classifies."""
    return plan.qos_interfaces(get_driver(platform), inside, outside)


class FilterModule(object):
    def filters(self):
        return {"qos_classes": qos_classes, "qos_interfaces": qos_interfaces}
