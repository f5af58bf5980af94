# -*- coding: utf-8 -*-
"""Filters of voipready.network: catalog queries, address/port arithmetic, bandwidth.

Documentation lives in the YAML files beside this one (one per filter), as
ansible-core expects for plugins that hold several filters.
"""

from __future__ import annotations

from ansible_collections.voipready.network.plugins.module_utils import bandwidth, catalog, netutil
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.plugin_utils.filter_errors import filter_errors


def _load(catalog_dirs):
    return catalog.load_catalog(extra_dirs=catalog_dirs or None)


@filter_errors
def provider_rules(provider, region=None, profile=None, services=None, inputs=None, catalog_dirs=None,
                   name_variables=None):
    try:
        return catalog.provider_rules(_load(catalog_dirs), provider, region=region, profile=profile,
                                      services=services, inputs=inputs)
    except VoipReadyError as exc:
        if not name_variables:
            raise
        # Imported here: the inventory-variable tables are only needed to word an error.
        from ansible_collections.voipready.network.plugins.plugin_utils import host_intent

        names = name_variables if isinstance(name_variables, dict) else None
        raise host_intent.catalog_error(exc, inputs, names) from exc


@filter_errors
def provider_profile(provider, catalog_dirs=None):
    return catalog.provider_profile(_load(catalog_dirs), provider)


@filter_errors
def collapse_addresses(addresses):
    return netutil.collapse_addresses(addresses)


@filter_errors
def merge_port_ranges(ranges):
    return [{"port_min": low, "port_max": high} for low, high in netutil.merge_port_ranges(ranges)]


@filter_errors
def voice_bandwidth(calls, provider=None, codec=None, media="audio", headroom=bandwidth.DEFAULT_HEADROOM,
                    per_call_kbps=None, catalog_dirs=None):
    loaded = _load(catalog_dirs) if provider is not None else None
    return bandwidth.voice_bandwidth(calls, provider=provider, codec=codec, media=media, headroom=headroom,
                                     per_call_kbps=per_call_kbps, catalog=loaded)


@filter_errors
def rules_json(rules):
    return catalog.rules_to_json(rules)


@filter_errors
def rules_csv(rules):
    return catalog.rules_to_csv(rules)


class FilterModule:
    """voipready.network filters."""

    def filters(self):
        return {
            "provider_rules": provider_rules,
            "provider_profile": provider_profile,
            "collapse_addresses": collapse_addresses,
            "merge_port_ranges": merge_port_ranges,
            "voice_bandwidth": voice_bandwidth,
            "rules_json": rules_json,
            "rules_csv": rules_csv,
        }
