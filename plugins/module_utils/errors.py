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


# The one way every layer fails: three message shapes over one raise, so a message reads
# the same whichever driver or validator found the problem.
def fail(message, field=None, value=None):
    """Raise VoipReadyError: ``message``, naming ``field`` and ``value``."""
    raise VoipReadyError(message, field=field, value=value)


def invalid(field, value, why):
    """Bad input, as ``field=value why`` (``timeouts.udp=0 must be an integer ...``)."""
    fail("%s=%r %s" % (field, value, why), field, value)


def unreadable(platform, what, value):
    """A running configuration the driver cannot read (``eos: could not read port: 'x'``)."""
    fail("%s: could not read %s: %r" % (platform, what, value), "running", value)
