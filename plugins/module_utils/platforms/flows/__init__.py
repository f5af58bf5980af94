# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Flow models, one per platform: the device's whole running configuration (as its
driver gathers it) -> a ``flows.Policy`` whose ``verdict(flow)`` says what the device does
with a packet. The neutral types and the check live in module_utils/flows.py."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import PLATFORMS


# Function-local static imports, as in platforms/__init__.py: a model loads only when asked
# for, and AnsiballZ's dependency scan still finds every one.
def _linux():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import linux
    return linux


def _openvswitch():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import openvswitch
    return openvswitch


def _ios():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import ios
    return ios


def _asa():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import asa
    return asa


def _junos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import junos
    return junos


def _fortios():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import fortios
    return fortios


def _panos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import panos
    return panos


def _eos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import eos
    return eos


def _routeros():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import routeros
    return routeros


def _vyos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms.flows import vyos
    return vyos


_LOADERS = {
    "linux": _linux, "openvswitch": _openvswitch, "ios": _ios, "asa": _asa, "junos": _junos,
    "fortios": _fortios, "panos": _panos, "eos": _eos, "routeros": _routeros, "vyos": _vyos,
}


def policy_from_running(platform, running):
    """The flow model of ``running`` (the driver's gathered text) for ``platform``."""
    if platform not in PLATFORMS:
        raise VoipReadyError("platform=%r is not supported; valid platforms: %s"
                             % (platform, ", ".join(PLATFORMS)), field="platform", value=platform)
    module = _LOADERS[platform]()
    try:
        return module.from_running(running)
    except VoipReadyError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise VoipReadyError("the %s running configuration could not be read as a policy: "
                             "%s: %s" % (platform, type(exc).__name__, exc), field="running",
                             value=str(exc)[:80])
