# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A host's inventory variables -> its platform, its features' intent and the run settings.

This is the step the roles used to take in Jinja, one task per feature: here it is plain
Python, run once per device inside the action (voipready.network.voipready_device), with
the catalog parsed once per content (module_utils/catalog.py).

The variables, their types and defaults are the roles' own: each role's
``meta/argument_specs.yml`` (what ``ansible-doc -t role`` shows) is read once per process
and validated with ansible's ArgumentSpecValidator, so a wrong type names the variable
and the value exactly as the role's own validation would. Errors found later (an
address, a VLAN id, a region) name the inventory variable the user set *and* the module
field it became, e.g. ``voipready_voice_networks[0]='198.51.100.0/33' is not a valid IP
address or CIDR (...) (module field allowlist.voice_networks[0])``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.voipready.network.plugins.module_utils import catalog
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError
from ansible_collections.voipready.network.plugins.module_utils import plan
from ansible_collections.voipready.network.plugins.module_utils.intent import (
    FEATURES, PLATFORMS, ROLE_VARIABLES, qos_classes_from_rules, validate_intent)
from ansible_collections.voipready.network.plugins.module_utils.platforms import get_driver

try:
    import yaml
except ImportError:  # pragma: no cover - ansible-core depends on PyYAML
    yaml = None

COLLECTION_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROLES_DIR = os.path.join(COLLECTION_ROOT, "roles")

# The role whose argument specs document each feature's variables; ``common`` holds the
# provider selection and the run settings every feature shares.
FEATURE_ROLES = {"allowlist": "allowlist", "sip_alg": "sip_alg", "qos": "qos",
                 "timeouts": "timeouts", "voice_vlan": "voice_vlan"}
COMMON_ROLE = "common"

# ansible_network_os as cisco.ios, arista.eos, ... inventories set it (FQCN or short).
NETWORK_OS_PLATFORMS = {
    "cisco.ios.ios": "ios", "ios": "ios",
    "cisco.asa.asa": "asa", "asa": "asa",
    "arista.eos.eos": "eos", "eos": "eos",
    "junipernetworks.junos.junos": "junos", "junos": "junos",
    "fortinet.fortios.fortios": "fortios", "fortios": "fortios",
    "paloaltonetworks.panos.panos": "panos", "panos": "panos",
    "community.routeros.routeros": "routeros", "routeros": "routeros",
    "vyos.vyos.vyos": "vyos", "vyos": "vyos",
    "openvswitch.openvswitch.openvswitch": "openvswitch", "openvswitch": "openvswitch",
}

# Where each intent key comes from: module field (feature.key) -> inventory variable, from
# intent.ROLE_VARIABLES (the one table of them). The intent is built from it, so an error
# on a field always maps back. allowlist.rules comes from the catalog (or voipready_rules).
FIELD_VARIABLES = {}
for _field, _variable in sorted(ROLE_VARIABLES.items()):
    if _field != "allowlist.rules":
        _feature, _sep, _key = _field.partition(".")
        FIELD_VARIABLES.setdefault(_feature, []).append((_key, _variable))
# catalog.provider_rules' fields -> the common role's variables
CATALOG_VARIABLES = {"provider": "voip_provider", "region": "voip_region", "profile": "voip_profile",
                     "service": "voip_services", "services": "voip_services", "inputs": "voip_inputs",
                     "catalog_dirs": "voipready_catalog_dirs"}
# the default of voipready_qos_interfaces comes from these (plan.qos_interfaces)
QOS_INTERFACES_FROM = ("voipready_inside_interfaces", "voipready_outside_interfaces")
# Read besides the role options: the platform and an explicit rule list.
EXTRA_VARIABLES = ("voipready_platform", "ansible_network_os", "voipready_rules")

_SPECS = {}


def role_options(role):
    """The ``main`` entry point's options of a role's meta/argument_specs.yml (read once)."""
    if role not in _SPECS:
        path = os.path.join(ROLES_DIR, role, "meta", "argument_specs.yml")
        with open(path, encoding="utf-8") as handle:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(handle, Loader=loader)
        _SPECS[role] = data["argument_specs"]["main"].get("options") or {}
    return _SPECS[role]


def preload():
    """Read every spec now (the action's import calls this in ansible's main process, so
    forked workers inherit them)."""
    for role in [COMMON_ROLE] + sorted(set(FEATURE_ROLES.values())):
        role_options(role)


def option_spec(features):
    """The variables a run of ``features`` reads, with the roles' types and defaults."""
    options = {}
    for role in [COMMON_ROLE] + [FEATURE_ROLES[f] for f in FEATURES if f in features]:
        options.update(role_options(role))
    if "qos" in features:
        for name in QOS_INTERFACES_FROM:
            options.setdefault(name, role_options("allowlist")[name])
    # a variable is never required: the role's default applies
    return dict((name, dict((k, v) for k, v in option.items()
                            if k in ("type", "elements", "default", "choices", "options")))
                for name, option in options.items())


def variable_names(features):
    """Every variable name ``build`` may read for ``features`` (what the action templates)."""
    return sorted(set(option_spec(features)) | set(EXTRA_VARIABLES))


# What site.yml and playbooks/compliance.yml converge per inventory group when the task
# names no features: switches the voice VLAN and QoS, firewalls and routers the rest,
# and voice VLAN sub-interfaces wherever voipready_subinterfaces lists some.
GROUP_FEATURES = (("switches", ("voice_vlan", "qos")),
                  ("firewalls", ("allowlist", "sip_alg", "qos", "timeouts")),
                  ("routers", ("allowlist", "sip_alg", "qos", "timeouts")))


def group_features(group_names, subinterfaces=None):
    """The features a host gets from its groups (GROUP_FEATURES)."""
    wanted = set()
    for group, features in GROUP_FEATURES:
        if group in (group_names or []):
            wanted.update(features)
    if subinterfaces:
        wanted.add("voice_vlan")
    if not wanted:
        raise VoipReadyError(
            "no features: the task names none and the host is in none of the groups %s "
            "(group_names=%r); give features, or put the host in one of those groups"
            % (", ".join(g for g, _unused in GROUP_FEATURES), list(group_names or [])),
            field="features", value=None)
    return [f for f in FEATURES if f in wanted]


def check_features(features, field="features"):
    """A list of feature names, each known and named once."""
    if isinstance(features, str):
        features = [part.strip() for part in features.split(",") if part.strip()]
    if not isinstance(features, (list, tuple)) or not features:
        raise VoipReadyError("%s=%r must be a non-empty list of features (%s)" % (
            field, features, ", ".join(FEATURES)), field=field, value=features)
    for name in features:
        if name not in FEATURES:
            raise VoipReadyError("%s: %r is not a feature; valid features: %s" % (
                field, name, ", ".join(FEATURES)), field=field, value=name)
    if len(set(features)) != len(features):
        raise VoipReadyError("%s=%r names a feature twice" % (field, list(features)),
                             field=field, value=list(features))
    return [f for f in FEATURES if f in features]


def platform_of(variables):
    """``voipready_platform``, else the platform ``ansible_network_os`` names."""
    platform = variables.get("voipready_platform")
    network_os = variables.get("ansible_network_os")
    valid = ", ".join(PLATFORMS)
    if platform not in (None, ""):
        if platform not in PLATFORMS:
            raise VoipReadyError("voipready_platform=%r: platform %r is not supported; valid "
                                 "platforms: %s" % (platform, platform, valid),
                                 field="voipready_platform", value=platform)
        return platform
    if network_os not in (None, ""):
        if network_os in NETWORK_OS_PLATFORMS:
            return NETWORK_OS_PLATFORMS[network_os]
        raise VoipReadyError(
            "voipready_platform is not set and ansible_network_os=%r names no platform this "
            "collection supports (it understands %s); set voipready_platform to one of: %s"
            % (network_os, ", ".join(sorted(NETWORK_OS_PLATFORMS)), valid),
            field="ansible_network_os", value=network_os)
    raise VoipReadyError("neither voipready_platform nor ansible_network_os is set for this host; "
                         "set voipready_platform to one of: %s" % valid,
                         field="voipready_platform", value=None)


def _spec_errors(validation, values):
    """ArgumentSpecValidator's messages, each with the value when it does not say it."""
    out = []
    for message in sorted(validation.error_messages):
        named = [n for n in values if re.search(r"\b%s\b" % re.escape(n), message)]
        if named and repr(values[named[0]]) not in message:
            message = "%s (%s=%r)" % (message, named[0], values[named[0]])
        out.append(message)
    return out


def validated_settings(variables, features):
    """Every variable the features read, typed and defaulted by the roles' specs."""
    spec = option_spec(features)
    given = dict((name, variables[name]) for name in spec if variables.get(name) is not None)
    validation = ArgumentSpecValidator(spec).validate(given)
    if validation.error_messages:
        messages = _spec_errors(validation, given)
        first = next((n for n in sorted(given) if n in messages[0]), None)
        raise VoipReadyError("; ".join(messages), field=first, value=given.get(first))
    return validation.validated_parameters


def renamed(exc, variable, field):
    """``exc`` told in the user's words: the inventory variable first, the module field
    after (when it is not already in the text)."""
    text = str(exc)
    if field and text.startswith(field):
        text = variable + text[len(field):]
    elif not text.startswith(variable):
        text = "%s%s: %s" % (variable, "" if exc.value is None else "=%r" % (exc.value,), text)
    if field and not re.search(r"(?<![\w.-])%s(?!\w|\.\w)" % re.escape(field), text):
        text = "%s (module field %s)" % (text, field)
    error = VoipReadyError(text, field=variable, value=exc.value)
    error.module_field = field
    return error


def variable_for_field(field):
    """The inventory variable behind a module field such as allowlist.voice_networks[0]
    (with the index kept: voipready_voice_networks[0]); None when no variable maps."""
    feature, _sep, rest = str(field or "").partition(".")
    for key, variable in FIELD_VARIABLES.get(feature, ()):
        if rest == key or rest.startswith(key + "[") or rest.startswith(key + "."):
            return variable + rest[len(key):]
    return None


def _catalog_variable(exc, inputs, names=None):
    field = exc.field
    names = dict(CATALOG_VARIABLES, **(names or {}))
    if field in names:
        return names[field]
    base = re.split(r"[\[.]", str(field or ""), 1)[0]
    if base and (base in (inputs or {}) or "input" in str(exc)):
        return "%s.%s%s" % (names["inputs"], base, str(field)[len(base):])
    return None


def catalog_error(exc, inputs, names=None):
    """A catalog error (on provider, region, an input, ...) told with the inventory
    variable that set the value: voip_region='mars': unknown region ... ``names``
    overrides CATALOG_VARIABLES for callers whose variables are named otherwise."""
    variable = _catalog_variable(exc, inputs, names)
    if variable is None:
        return exc
    inputs_variable = dict(CATALOG_VARIABLES, **(names or {}))["inputs"]
    return renamed(exc, variable, exc.field if variable.startswith(inputs_variable + ".") else None)


def provider_rules(settings, variables):
    """The provider's rules: ``voipready_rules`` when the inventory sets it, else from
    the catalog (parsed once per content); errors name voip_provider, voip_region, ..."""
    if variables.get("voipready_rules") is not None:
        return variables["voipready_rules"], "voipready_rules"
    try:
        loaded = catalog.load_catalog(extra_dirs=settings["voipready_catalog_dirs"] or None)
        rules = catalog.provider_rules(
            loaded, settings["voip_provider"], region=settings["voip_region"],
            profile=settings["voip_profile"], services=settings["voip_services"] or None,
            inputs=settings["voip_inputs"])
    except VoipReadyError as exc:
        error = catalog_error(exc, settings["voip_inputs"])
        if error is exc:
            raise
        raise error from exc
    if not rules:
        raise VoipReadyError(
            "voip_provider=%s voip_region=%s voip_profile=%s selects no rules; see docs/catalog.md"
            % (settings["voip_provider"], settings["voip_region"], settings["voip_profile"]),
            field="voip_provider", value=settings["voip_provider"])
    return rules, None


def judged_against(variables):
    """What a host is checked against, for the compliance report's header: ``provider``,
    ``region``, ``profile`` (the variables as set, the role's default provider when unset)
    and ``catalog_version`` (of that provider's catalog document; None when the rules come
    from ``voipready_rules`` or the provider is not in the catalog). Never raises: a
    host whose intent cannot be built is still reported with what it asked for."""
    provider = variables.get("voip_provider") or role_options(COMMON_ROLE)["voip_provider"].get("default")
    version = None
    if variables.get("voipready_rules") is None and isinstance(provider, str):
        extra = variables.get("voipready_catalog_dirs")
        try:
            loaded = catalog.load_catalog(extra_dirs=extra if isinstance(extra, (list, str)) and extra else None)
            version = (loaded["providers"].get(provider) or {}).get("catalog_version")
        except (VoipReadyError, OSError, ValueError, TypeError):
            version = None
    out = {"provider": provider, "catalog_version": version}
    for key in ("region", "profile"):
        value = variables.get("voip_" + key)
        out[key] = value if isinstance(value, str) and value else None
    return out


def _intent_of(feature, settings, rules, platform):
    """One feature's intent, in the keys of FIELD_VARIABLES (nested keys joined by '.')."""
    if feature == "sip_alg":
        if settings["voipready_sip_alg_enabled"]:
            raise VoipReadyError(
                "voipready_sip_alg_enabled=%r: every provider in the catalog asks for the SIP ALG "
                "to be off; this collection only switches it off" % settings["voipready_sip_alg_enabled"],
                field="voipready_sip_alg_enabled", value=settings["voipready_sip_alg_enabled"])
        return {"enabled": False}
    out = {}
    for key, variable in FIELD_VARIABLES[feature]:
        value = settings[variable]
        head, _sep, tail = key.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = value
        else:
            out[key] = value
    if feature == "allowlist":
        out["rules"] = rules
    if feature == "qos":
        if out["classes"] is None:
            out["classes"] = qos_classes_from_rules(rules)
        if out["interfaces"] is None:
            # where voice passes, in the direction the platform classifies
            out["interfaces"] = plan.qos_interfaces(get_driver(platform), *[settings[n] for n in QOS_INTERFACES_FROM])
    return out


def build(variables, features):
    """(platform, validated intent, settings) for one host.

    ``variables``: the host's variables, already templated (only the names
    ``variable_names(features)`` are read). Raises VoipReadyError naming the variable.
    """
    features = check_features(features)
    platform = platform_of(variables)
    settings = validated_settings(variables, features)
    needs_rules = "allowlist" in features or ("qos" in features and settings["voipready_qos_classes"] is None)
    rules, rules_variable = provider_rules(settings, variables) if needs_rules else ([], None)
    raw = dict((f, _intent_of(f, settings, rules, platform)) for f in features)
    try:
        intent = validate_intent(raw)
    except VoipReadyError as exc:
        variable = variable_for_field(exc.field)
        if variable is None and rules_variable and str(exc.field).startswith("allowlist.rules"):
            variable = rules_variable + str(exc.field)[len("allowlist.rules"):]
        if variable is None:
            raise
        raise renamed(exc, variable, exc.field)
    return platform, intent, settings
