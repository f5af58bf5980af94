# -*- coding: utf-8 -*-
"""Voice bandwidth: concurrent calls x the catalog's per-call codec rate, plus headroom."""

from __future__ import annotations

from ansible_collections.voipready.network.plugins.module_utils import catalog as catalog_mod
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

DEFAULT_HEADROOM = 0.2


def _number(value, field, minimum, maximum=None):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise VoipReadyError("%s: %r is not a number" % (field, value), field, value)
    if value < minimum or (maximum is not None and value > maximum):
        limit = "%s..%s" % (minimum, maximum) if maximum is not None else ">= %s" % minimum
        raise VoipReadyError("%s: %r is outside %s" % (field, value, limit), field, value)
    return value


def _figure(profile, codec, media):
    figures = profile["bandwidth"]
    if not figures:
        raise VoipReadyError("provider %r has no per-call bandwidth figures in the catalog; pass per_call_kbps"
                             % profile["provider"], "provider", profile["provider"])
    for figure in figures:
        if (codec is None or figure["codec"] == codec) and figure["media"] == media:
            return figure
    valid = ", ".join("%s/%s" % (f["codec"], f["media"]) for f in figures)
    raise VoipReadyError("no bandwidth figure for codec %r, media %r of provider %r; valid codec/media: %s"
                         % (codec, media, profile["provider"], valid), "codec", codec)


def voice_bandwidth(calls, provider=None, codec=None, media="audio", headroom=DEFAULT_HEADROOM,
                    per_call_kbps=None, catalog=None):
    """kbps to reserve per direction for `calls` concurrent calls.

    Per-call figures come from the provider's catalog entry (e.g. Kore OPUS 32-128
    kbps plus 5 % of the high value for SIP) unless per_call_kbps (a number or
    [min, max]) is given. headroom is a fraction added on top (0.2 = 20 %).
    """
    calls = _number(calls, "calls", 0)
    if isinstance(calls, float) and not calls.is_integer():
        raise VoipReadyError("calls: %r is not a whole number of calls" % calls, "calls", calls)
    headroom = _number(headroom, "headroom", 0, 10)
    signaling_fraction, source = 0.0, None
    if per_call_kbps is not None:
        low, high = per_call_kbps if isinstance(per_call_kbps, (list, tuple)) else (per_call_kbps, per_call_kbps)
        low, high = _number(low, "per_call_kbps", 0), _number(high, "per_call_kbps", low)
    else:
        if provider is None:
            raise VoipReadyError("voice_bandwidth needs a provider or per_call_kbps", "provider", None)
        figure = _figure(catalog_mod.provider_profile(catalog, provider), codec, media)
        low, high, codec = figure["kbps_min"], figure["kbps_max"], figure["codec"]
        signaling_fraction, source = figure.get("signaling_fraction_of_max", 0.0), figure["source"]
    voice_min, voice_max = calls * low, calls * high
    signaling = voice_max * signaling_fraction
    return {
        "provider": provider,
        "codec": codec,
        "media": media,
        "calls": int(calls),
        "per_call_kbps_min": low,
        "per_call_kbps_max": high,
        "voice_kbps_min": _round(voice_min),
        "voice_kbps_max": _round(voice_max),
        "signaling_kbps": _round(signaling),
        "headroom": headroom,
        "total_kbps_min": _round((voice_min + signaling) * (1 + headroom)),
        "total_kbps_max": _round((voice_max + signaling) * (1 + headroom)),
        "source": source,
    }


def _round(value):
    # Three decimals keep the result stable across float noise and still exact for kbps.
    rounded = round(float(value), 3)
    return int(rounded) if rounded.is_integer() else rounded
