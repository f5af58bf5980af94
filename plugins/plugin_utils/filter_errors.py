# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every voipready filter plugin shares: its errors reach the play as filter errors."""

from __future__ import annotations

import functools

from ansible.errors import AnsibleFilterError

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError


def filter_errors(function):
    """Turn VoipReadyError into AnsibleFilterError so the play fails with its message
    (which names the field and the value)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except VoipReadyError as exc:
            raise AnsibleFilterError(str(exc)) from exc

    return wrapper
