# -*- coding: utf-8 -*-
"""Errors shared by the whole collection (plain Python, no Ansible import)."""

from __future__ import annotations


class VoipReadyError(Exception):
    """Bad input or catalog data; the message always names the field and the value.

    Callers show str(err) to users as is, so the field and value are appended when
    the message does not already name them.
    """

    def __init__(self, message, field=None, value=None):
        self.field = field
        self.value = value
        text = str(message)
        names_value = value is None or repr(value) in text or str(value) in text
        if field is not None and (field not in text or not names_value):
            text = "%s (field %s, value %r)" % (text, field, value)
        self.message = text
        super().__init__(text)

    def __str__(self):
        return self.message
