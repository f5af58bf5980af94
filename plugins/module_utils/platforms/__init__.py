# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Platform registry: ``voipready_platform`` name -> driver class (one file per platform)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import PLATFORMS


# Function-local static imports: a driver loads only when asked for (hier_config and
# friends stay unloaded for a Linux-only run), and AnsiballZ's dependency scan, which
# reads import statements, still bundles every driver into a module payload.
def _linux():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import linux
    return linux


def _openvswitch():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import openvswitch
    return openvswitch


def _ios():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import ios
    return ios


def _asa():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import asa
    return asa


def _junos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import junos
    return junos


def _fortios():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import fortios
    return fortios


def _panos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import panos
    return panos


def _eos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import eos
    return eos


def _routeros():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import routeros
    return routeros


def _vyos():
    from ansible_collections.voipready.network.plugins.module_utils.platforms import vyos
    return vyos


_LOADERS = {
    "linux": _linux, "openvswitch": _openvswitch, "ios": _ios, "asa": _asa, "junos": _junos,
    "fortios": _fortios, "panos": _panos, "eos": _eos, "routeros": _routeros, "vyos": _vyos,
}


def get_driver(platform):
    """An instance of the driver for ``platform``; a clear error for an unknown name."""
    if platform not in PLATFORMS:
        raise VoipReadyError(
            "platform=%r is not supported; valid platforms: %s" % (platform, ", ".join(PLATFORMS)),
            field="platform", value=platform)
    try:
        module = _LOADERS[platform]()
    except ImportError as exc:
        raise VoipReadyError("platform=%r: its driver could not be loaded (%s)" % (platform, exc),
                             field="platform", value=platform)
    return module.Driver()
