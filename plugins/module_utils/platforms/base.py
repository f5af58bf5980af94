# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One interface that every platform driver implements (NAPALM's idea, for five features).

A driver is pure text in, text out: it never opens a connection. That keeps every
platform testable without a device (render, parse, remediate, simulate) and lets the
engine (engine.py) own the order of operations, check mode, diff, commit-confirm and
rollback for all platforms alike.

The words used throughout:

running   -- the device's state as read by ``gather_commands`` (opaque text only the
             driver understands; for CLI platforms the running configuration).
intent    -- validated ``{feature: config}`` from intent.py.
owned     -- the part of the running state this collection manages: objects it named
             (prefix ``intent.allowlist.name``, default VOIPREADY) and the global knobs
             of its features (SIP ALG, session timeouts, voice VLAN on listed ports).
             Everything else is never touched.
commands  -- what remediate() returns and the transport sends, in order.

A driver subclass sets the class attributes and implements the methods marked
"must implement". Feature applicability: ``not_applicable(feature, intent)`` returns a
reason string when the platform cannot do the feature (for example ASA cannot mark
DSCP); the engine then reports "not applicable" with that reason and never claims
success.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import re
import threading

from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    FEATURES, field_label, role_variable)
from ansible_collections.voipready.network.plugins.module_utils.transport import (
    SECRET_SOURCE, TransportError)

#: a configuration line that carries a secret: the keyword (kept) and the rest (redacted)
SECRET_LINE = re.compile(
    r"(?im)^(.*?\b(?:password|passwd|secret|community|pre-shared-key|psk|passphrase|"
    r"authentication-key|auth-key|key-string|md5|sha|private-key|encrypted-password|"
    r"api-key|apikey|token)\b[-\w]*)[ \t]+\S.*$")

#: what IOS, ASA and EOS print instead of a configuration the session may not read
REFUSED_READ = re.compile(
    r"^\s*(% ?(Invalid input|Authorization failed|Unrecognized command|Incomplete command|"
    r"Permission denied)|Command authorization failed|ERROR: %)", re.I)

STATES = ("merged", "replaced", "overridden", "deleted", "gathered", "rendered", "parsed",
          "restored")


#: a configuration-mode prompt with the line typed after it (``admin@vr-srx1# set ...``:
#: Junos, PAN-OS): the device's answer follows it
ECHOED_LINE = re.compile(r"^\S+@\S+#\s*(.*)$")


def refusals(transcript, refused):
    """``'line' -> answer`` for every line of a configuration-mode transcript that the device
    answered with a line matching ``refused`` (a compiled pattern, matched on the stripped
    line; the first such line of each answer): the error names what the device refused, in
    its own words."""
    out, last, told = [], None, False
    for line in (transcript or "").splitlines():
        echo = ECHOED_LINE.match(line)
        if echo:
            last, told = echo.group(1).strip(), False
        elif not told and refused.match(line.strip()):
            out.append(line.strip() if last is None else "%r -> %s" % (last, line.strip()))
            told = True
    return out


#: per thread, the memo of the engine step under way (reading_once); none outside a step
_STEP = threading.local()


@contextlib.contextmanager
def reading_once():
    """The engine's step: inside it, read_once() gives each reader's result for a text
    once and again from memory. Nothing is remembered outside it, so a driver used alone
    (its unit tests, render) reads every time."""
    outer = getattr(_STEP, "memo", None)
    _STEP.memo = {}
    try:
        yield
    finally:
        _STEP.memo = outer


def read_once(reader, text):
    """``reader(text)`` (a driver's parser of configuration text), once per text in the
    engine's step. The result is shared: a caller that changes it reads its own copy."""
    memo = getattr(_STEP, "memo", None)
    if memo is None:
        return reader(text)
    key = (reader, text)
    if key not in memo:
        memo[key] = reader(text)
    return memo[key]


def check_read(command, output):
    """Refuse a read the device turned down: parsed as configuration, an error text
    would look like an empty device, and the diff would rebuild everything."""
    head = [line for line in (output or "").splitlines() if line.strip()][:6]
    for line in head:
        if REFUSED_READ.match(line):
            raise TransportError(
                "the device refused %r (%s): this session may not read the running "
                "configuration. Log in at privilege 15, or set the enable secret in %s"
                % (command, line.strip(), SECRET_SOURCE), field="connection.secret", value=None)


def natural_key(name):
    """Ethernet2 before Ethernet10: digit runs compare as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", str(name)))


def check_present(field, names, have, what="interface", source="its running configuration",
                  hint=""):
    """Refuse the first of ``names`` the device does not have.

    ``names``: the intent's values, or (value, device name) pairs where the driver
    canonicalises (IOS ``Gi1/0/1``); ``have``: the device's names as read from the running
    state. The error names the field, the inventory variable behind it, the value and
    what the device has (up to 40 names).
    """
    have = set(have)
    for item in names:
        value, name = item if isinstance(item, tuple) else (item, item)
        if name in have:
            continue
        known = sorted((str(n) for n in have), key=natural_key)
        shown = ", ".join(known[:40]) + (" ... (%d in all)" % len(known) if len(known) > 40 else "")
        raise VoipReadyError(
            "%s names %s %r%s, which this device does not have (not in %s); %s%s" % (
                field_label(field), what, value, "" if name == value else " (%s)" % name,
                source, "the device has: %s" % shown if known else "the device has none",
                (". " + hint) if hint else ""),
            field=field, value=value)


def check_zone_member(field, name, found, zone_field, zone, policies, what="zone"):
    """Refuse an inside/outside interface that is not in the zone the owned policies
    assume (``found``: the zone the device has it in, or None)."""
    if found == zone:
        return
    raise VoipReadyError(
        "%s names %r, which is %s, but the allowlist's policies (%s) assume it is in %s %r. "
        "Set %s to that interface's %s, or list an interface of %s %r" % (
            field_label(field), name, "in %s %r" % (what, found) if found else "in no " + what,
            policies, field_label(zone_field), zone, role_variable(zone_field) or zone_field,
            what, what, zone), field=field, value=name)


#: the intent fields that name interfaces of the device
INTERFACE_FIELDS = ("allowlist.inside_interfaces", "allowlist.outside_interfaces",
                    "voice_vlan.phone_ports", "voice_vlan.uplink_ports",
                    "voice_vlan.subinterfaces.parent", "qos.interfaces")


def named_interfaces(intent, fields=INTERFACE_FIELDS):
    """[(field, [names])]: the interfaces ``intent`` names in ``fields``."""
    out = []
    for field in fields:
        feature, key = field.split(".", 1)
        cfg = intent.get(feature)
        if cfg is None:
            continue
        if key == "subinterfaces.parent":
            names = [sub["parent"] for sub in cfg.get("subinterfaces") or []]
        else:
            names = list(cfg.get(key) or [])
        out.append((field, names))
    return out


class PlatformDriver(object):
    """Base class; see the module docstring for the vocabulary."""

    #: the collection's platform name (``voipready_platform``)
    platform = None
    #: netmiko device_type used by the netmiko transport
    netmiko_device_type = None
    #: NAPALM driver name when one supports candidate configuration, else None
    napalm_driver = None
    #: the intent fields naming interfaces that this driver configures or relies on; each
    #: one must be an interface of the device (the others are ignored, see docs/platforms.md)
    interface_fields = ()
    #: True when a login may land at a user EXEC prompt that cannot read the
    #: configuration (IOS, ASA, EOS): the netmiko transport then enters ``enable``
    privileged_exec = False
    #: what ends the CLI session at the operational prompt, when netmiko's own disconnect()
    #: would first wait to learn the mode (PAN-OS); the netmiko transport sends it
    logout_command = None
    #: commands whose output, concatenated by gather(), forms ``running``
    gather_commands = ("show running-config",)
    #: feature -> reason it cannot exist on this platform (None: supported)
    unsupported = {}
    #: True when the device keeps a candidate that needs an explicit commit
    needs_commit = False
    #: comment leader used when rendering a configuration file
    comment = "!"
    #: the allowlist's policies bind to ``allowlist.inside_interfaces`` (ACLs, ``srcintf``,
    #: the zone of those interfaces), so the voice networks must live on them (plan.py)
    binds_inside = False
    #: where ``qos.interfaces`` classify: "ingress" (where voice enters), "egress" (where
    #: it leaves), "both" (classify on ingress, rewrite on egress), None (no binding)
    qos_binding = None
    #: why ``*.domain`` destinations cannot be enforced here (rendered notes and
    #: docs/platforms.md say it); None where the platform enforces them
    wildcard_why = None
    #: what an allowlist destination can be here (plan.choose_rules): DNS names as FQDN
    #: address objects; ``*.domain`` names as wildcard FQDN addresses; the fqdn_modes in
    #: which a rule's names are pushed beside its addresses (else they stand in only for a
    #: rule that has none)
    fqdn_objects = False
    wildcard_objects = False
    names_beside_addresses = ()

    def unenforceable_note(self, choice):
        """The note for a rule plan.choose_rules skipped as not enforceable (wildcard
        names only, or no destination at all)."""
        return "skipped %s: not enforceable (%s)" % (choice.rule["id"], (
            "no address, wildcard FQDNs only: " + self.wildcard_why)
            if choice.rule.get("fqdns") else "the provider names no destination, only a port")

    def canonical_interface(self, name):
        """The device's own spelling of an interface name (IOS expands ``Gi0/1``)."""
        return name

    def subinterface_name(self, sub, voice_vlan):
        """The interface a ``voice_vlan.subinterfaces`` entry becomes on this platform."""
        return "%s.%d" % (sub["parent"], sub["vlan"])

    # -- applicability ---------------------------------------------------------------
    def not_applicable(self, feature, intent):
        """Reason why ``feature`` cannot be applied here, or None."""
        return self.unsupported.get(feature)

    def features_in_scope(self, intent):
        return [f for f in FEATURES if f in intent and not self.not_applicable(f, intent)]

    # -- reading ---------------------------------------------------------------------
    def gather(self, transport):
        """Read ``running`` from the device through an open transport."""
        outputs = []
        for cmd in self.gather_commands:
            output = transport.send_command(cmd)
            if self.privileged_exec:
                check_read(cmd, output)
            outputs.append(output)
        return "\n".join(outputs)

    def parse(self, running):
        """must implement: running text -> ``{feature: structured state}`` (owned parts)."""
        raise NotImplementedError

    # -- writing ---------------------------------------------------------------------
    def render(self, intent):
        """must implement: intent -> the owned configuration as the device would hold it."""
        raise NotImplementedError

    def remediate(self, running, intent, state="merged"):
        """must implement: the ordered commands that take ``running`` to ``intent``.

        merged/replaced/overridden: converge the features in ``intent``.
        deleted: remove what the collection owns for those features and restore the
        platform default for global knobs it changed (SIP ALG stays off: switching an
        ALG back on is never what a voice team asks for).
        """
        raise NotImplementedError

    def simulate(self, running, commands):
        """must implement: the running text after ``commands`` (used for check-mode
        diffs and the device-free idempotency tests)."""
        raise NotImplementedError

    def view(self, running, intent):
        """The owned part of ``running`` for the features in ``intent``, as text for the
        before/after diff. Default: render what parse() found."""
        parsed = self.parse(running)
        return self.render(dict((f, parsed[f]) for f in intent if f in parsed))

    def rollback(self, before_running, after_running):
        """Commands that take the device from ``after_running`` back to
        ``before_running`` (owned parts only). Default: remediate toward what parse()
        found in the before state."""
        before = self.parse(before_running)
        return self.remediate(after_running, before, state="replaced")

    # -- safety ----------------------------------------------------------------------
    def management_check(self, before_running, after_running):
        """Lockout guard: does the configuration after the change still admit the
        management session of this run? ``{"status": "admitted"|"blocked"|"not_evaluated",
        "session": "...", "rules": [...], "reason": "..."}``. Platforms without a policy
        evaluator say so; commit-confirm still protects them."""
        return {"status": "not_evaluated",
                "reason": "no policy evaluator for platform %s; commit-confirm protects the "
                          "change" % self.platform}

    def check_interfaces(self, intent, have, created=(), source="its running configuration"):
        """Refuse an interface the intent names in ``interface_fields`` that is not in
        ``have`` (the device's interfaces as read) nor in ``created`` (sub-interfaces the
        change itself makes). Fields a platform does not use are never checked."""
        known = set(have) | set(created)
        for field, names in named_interfaces(intent, self.interface_fields):
            check_present(field, names, known, source=source)

    def redact(self, running):
        """``running`` without secrets, for the backup on the controller. Lines naming a
        secret keep the keyword and lose the rest; they are never owned, so a rollback
        computed from the redacted text is the same (tests/unit/test_backup.py)."""
        return SECRET_LINE.sub(lambda m: m.group(1) + " <redacted>", running)

    # -- pushing ---------------------------------------------------------------------
    def push(self, transport, commands, confirm_timeout=None):
        """Send ``commands``. Through NAPALM they become a merge candidate committed
        with NAPALM's revert timer; through netmiko, CLI platforms use config mode.
        Drivers with a commit model or a shell (linux) override the netmiko path."""
        if getattr(transport, "kind", None) == "napalm":
            transport.load_merge("\n".join(commands))
            return transport.commit(confirm_timeout)
        return transport.send_config(list(commands))

    def confirm(self, transport):
        """Confirm a commit made with a revert timer (no-op where there is none)."""
        if getattr(transport, "kind", None) == "napalm":
            transport.confirm()
        return None

    def save(self, transport):
        """Make the change survive a reload (write memory / commit / persist)."""
        return None
