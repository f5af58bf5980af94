# -*- coding: utf-8 -*-
"""Provider catalog: load, validate and query it into normalized allowlist rules.

Plain Python (PyYAML, jsonschema, jmespath), importable without Ansible, so the
filters, the modules and the tests all share one implementation.

    from ansible_collections.voipready.network.plugins.module_utils import catalog
    cat = catalog.load_catalog()                       # or load_catalog(["lab/catalog"])
    rules = catalog.provider_rules(cat, "kore", region="us-east")
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import tempfile

from ansible_collections.voipready.network.plugins.module_utils import netutil
from ansible_collections.voipready.network.plugins.module_utils.errors import VoipReadyError

try:  # Import errors become a clear VoipReadyError on first use, not at import.
    import jmespath
    import jsonschema
    import yaml
except ImportError as _exc:  # pragma: no cover - depends on the environment
    jmespath = jsonschema = yaml = None
    _IMPORT_ERROR = _exc
else:
    _IMPORT_ERROR = None

COLLECTION_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CATALOG_DIR = os.path.join(COLLECTION_ROOT, "catalog", "providers")
SCHEMA_PATH = os.path.join(COLLECTION_ROOT, "catalog", "schema.json")
GLOBAL_REGION = "global"

RULE_FIELDS = (
    "id", "provider", "region", "profile", "service", "component", "proto", "port_min",
    "port_max", "addresses", "fqdns", "wildcard", "enforceable", "direction", "dscp", "source",
)
CSV_FIELDS = tuple(f for f in RULE_FIELDS if f != "source") + ("seed", "ref")


def _require_libraries():
    if _IMPORT_ERROR is not None:
        raise VoipReadyError("the catalog needs PyYAML, jsonschema and jmespath: %s" % _IMPORT_ERROR,
                             "python_dependencies", str(_IMPORT_ERROR))


def _format_checker():
    checker = jsonschema.FormatChecker()

    @checker.checks("ip-or-cidr", raises=VoipReadyError)
    def _ip_or_cidr(value):
        return not isinstance(value, str) or bool(netutil.parse_network(value))

    @checker.checks("fqdn-or-wildcard")
    def _fqdn(value):
        return not isinstance(value, str) or netutil.valid_fqdn(value)

    @checker.checks("catalog-version")
    def _version(value):
        parts = value.split(".") if isinstance(value, str) else []
        return len(parts) == 3 and all(part.isdigit() for part in parts)

    return checker


def _schema_validator():
    if not _VALIDATOR:
        with open(SCHEMA_PATH, encoding="utf-8") as handle:
            schema = json.load(handle)
        _VALIDATOR.append(jsonschema.Draft202012Validator(schema, format_checker=_format_checker()))
    return _VALIDATOR[0]


def _check_references(doc):
    """What the schema cannot say: names used by entries must be declared, ranges ordered."""
    problems = []
    regions, profiles = doc.get("regions") or {}, doc.get("profiles") or {}
    services, inputs = doc.get("services") or {}, doc.get("inputs") or {}
    for index, entry in enumerate(doc.get("entries") or []):
        where = "entries[%d]" % index
        if "region" in entry and entry["region"] not in regions:
            problems.append("%s.region %r is not declared in regions" % (where, entry["region"]))
        for profile in entry.get("profiles") or []:
            if profile not in profiles:
                problems.append("%s.profiles %r is not declared in profiles" % (where, profile))
        if entry.get("source", {}).get("seed") != doc.get("seed"):
            problems.append("%s.source.seed %r differs from the file's seed" % (where, entry.get("source", {}).get("seed")))
        named_inputs = [entry.get("addresses_from")]
        for pindex, spec in enumerate(entry.get("ports") or []):
            service = spec.get("service", entry.get("service"))
            if service not in services:
                problems.append("%s.ports[%d] service %r is not declared in services" % (where, pindex, service))
            if spec.get("port_min", 0) > spec.get("port_max", 65535):
                problems.append("%s.ports[%d] port_min is above port_max" % (where, pindex))
            named_inputs += [spec.get("ports_from"), spec.get("proto_from"), spec.get("protos_from")]
        for name in named_inputs:
            if name is not None and name not in inputs:
                problems.append("%s uses input %r that is not declared in inputs" % (where, name))
    return problems


def validate_document(doc, name="catalog file"):
    """Raise VoipReadyError naming every problem of one provider document."""
    _require_libraries()
    errors = sorted(_schema_validator().iter_errors(doc), key=lambda err: list(err.absolute_path))
    problems = ["%s: %s" % ("/".join(str(p) for p in err.absolute_path) or "(top)", err.message) for err in errors]
    if not problems:
        problems = _check_references(doc)
    if problems:
        raise VoipReadyError("invalid catalog %s: %s" % (name, "; ".join(problems)), "catalog", name)
    return doc


def _catalog_files(directory):
    if not os.path.isdir(directory):
        raise VoipReadyError("catalog directory %r does not exist" % directory, "catalog_dirs", directory)
    return sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith((".yml", ".yaml")))


# The catalog is parsed and validated once per content, not once per task or host:
# ansible forks a worker per host and task, so a cache in memory alone dies with each
# worker. The key is a SHA-256 over the bytes of every catalog file (and its path), the
# schema and the code that validates them; the validated catalog is kept in memory
# (a parent process that loaded it hands it to its forks) and as JSON under
# $VOIPREADY_CACHE_DIR (default ~/.cache/voipready/catalog), so a worker that finds the
# digest reads one JSON file instead of parsing YAML and running the schema again.
# Changing any byte of any of them changes the key; a stale entry is never read.
_MEMO = {}
_CODE_STAMP = []
_VALIDATOR = []
CACHE_ENV = "VOIPREADY_CACHE_DIR"
_YAML_LOADER = None if yaml is None else getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def cache_dir():
    """Where validated catalogs are cached ($VOIPREADY_CACHE_DIR, else the XDG cache)."""
    if os.environ.get(CACHE_ENV):
        return os.path.expanduser(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "voipready", "catalog")


def _code_stamp():
    """The bytes that decide what "valid" means: the schema and this module's code."""
    if not _CODE_STAMP:
        digest = hashlib.sha256()
        for path in (SCHEMA_PATH, os.path.abspath(__file__), os.path.abspath(netutil.__file__)):
            with open(path, "rb") as handle:
                digest.update(handle.read())
        _CODE_STAMP.append(digest.digest())
    return _CODE_STAMP[0]


def catalog_digest(paths):
    """(hex digest, {path: bytes}) of the catalog made of ``paths``."""
    digest = hashlib.sha256(_code_stamp())
    contents = {}
    for path in paths:
        with open(path, "rb") as handle:
            contents[path] = handle.read()
        digest.update(b"%s\0%d\0" % (path.encode("utf-8", "surrogateescape"), len(contents[path])))
        digest.update(contents[path])
    return digest.hexdigest(), contents


def load_catalog(extra_dirs=None, catalog_dir=None):
    """Load and validate the collection's catalog plus any extra directories.

    Returns {"providers": {key: document}, "files": {key: path}, "digest": sha256}, shared
    between callers: treat it as read-only. A provider defined twice is an error rather
    than a silent override.
    """
    _require_libraries()
    if isinstance(extra_dirs, str):
        extra_dirs = [extra_dirs]
    paths = [path for directory in [catalog_dir or CATALOG_DIR] + list(extra_dirs or [])
             for path in _catalog_files(directory)]
    digest, contents = catalog_digest(paths)
    if digest not in _MEMO:
        loaded = _read_cached(digest)
        if loaded is None:
            loaded = _load_files(paths, contents)
            loaded["digest"] = digest
            _write_cached(digest, loaded)
        if len(_MEMO) >= 8:   # a run uses one or two; a long-lived process must not grow
            _MEMO.clear()
        _MEMO[digest] = loaded
    return _MEMO[digest]


def _cache_path(digest):
    return os.path.join(cache_dir(), digest + ".json")


def _read_cached(digest):
    try:
        with open(_cache_path(digest), encoding="utf-8") as handle:
            loaded = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(loaded, dict) or loaded.get("digest") != digest:
        return None
    return loaded


def _write_cached(digest, loaded):
    """Best effort: a cache that cannot be written only costs the next worker a parse."""
    text = json.dumps(loaded, sort_keys=True)
    if json.loads(text) != loaded:       # only what JSON gives back unchanged is cached
        return
    directory = cache_dir()
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=directory, prefix=".%s." % digest[:16])
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, _cache_path(digest))
    except OSError:
        pass


def _load_files(paths, contents):
    providers, files = {}, {}
    for path in paths:
        try:
            doc = yaml.load(contents[path].decode("utf-8"), Loader=_YAML_LOADER)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise VoipReadyError("catalog file %s is not valid YAML: %s" % (path, exc), "catalog", path)
        validate_document(doc, path)
        key = doc["provider"]
        if key in providers:
            raise VoipReadyError("provider %r is defined in both %s and %s" % (key, files[key], path), "provider", key)
        providers[key], files[key] = doc, path
    return {"providers": providers, "files": files}


def _choice(kind, value, valid, provider=None):
    owner = " of provider %r" % provider if provider else ""
    listing = ", ".join(valid) if valid else "none"
    return VoipReadyError("unknown %s %r%s; valid %ss: %s" % (kind, value, owner, kind, listing), kind, value)


def _provider_doc(catalog, provider):
    catalog = catalog if catalog is not None else load_catalog()
    valid = sorted(jmespath.search("keys(providers)", catalog) or [])
    if provider not in valid:
        raise _choice("provider", provider, valid)
    return catalog["providers"][provider]


def _resolve_inputs(doc, inputs):
    """Validate every given input by its declared kind; apply declared defaults."""
    declared = doc.get("inputs") or {}
    inputs = dict(inputs or {})
    for name in sorted(inputs):
        if name not in declared:
            raise VoipReadyError("unknown input %r for provider %r; valid inputs: %s"
                                 % (name, doc["provider"], ", ".join(sorted(declared)) or "none"), "inputs", name)
    resolved = {}
    for name, spec in declared.items():
        value = inputs.get(name, spec.get("default"))
        if value is None:
            continue
        if spec["kind"] == "addresses":
            resolved[name] = netutil.normalize_addresses(value, name)
            if not resolved[name]:
                raise VoipReadyError("input %s must name at least one address, got %r" % (name, value), name, value)
        elif spec["kind"] == "ports":
            resolved[name] = netutil.merge_port_ranges(netutil.parse_port_ranges(value, name), name)
        elif spec["kind"] == "protos":
            # a list of transports ("udp", "tcp"); one protocol alone narrows it
            values = value if isinstance(value, (list, tuple)) else [value]
            resolved[name] = sorted(set(netutil.parse_proto(v, name) for v in values))
            if not resolved[name]:
                raise VoipReadyError("input %s must name at least one protocol (tcp, udp), got %r"
                                     % (name, value), name, value)
        else:
            resolved[name] = netutil.parse_proto(value, name)
    return resolved


def _input_value(doc, resolved, name):
    """The resolved input, None for an absent optional one, an error for a missing required one."""
    if name in resolved:
        return resolved[name]
    spec = doc["inputs"][name]
    if spec["required"]:
        raise VoipReadyError("provider %r needs the input %s (%s) in inputs / voip_inputs"
                             % (doc["provider"], name, spec["description"]), name, None)
    return None


def _select_entries(doc, region, profile):
    """Entries for one region/profile; entries without region/profiles apply to all."""
    query = "entries[?region == null"
    if region is not None:
        query += " || region == '%s'" % region
    query += "]"
    if profile is not None:
        query += " | [?profiles == null || contains(profiles, '%s')]" % profile
    return jmespath.search(query, doc) or []


def _check_scope(doc, region, profile, services):
    provider = doc["provider"]
    regions = sorted(jmespath.search("keys(regions)", doc) or [])
    if regions:
        if region not in regions:
            raise _choice("region", region, regions, provider)
    elif region not in (None, GLOBAL_REGION):
        raise _choice("region", region, [GLOBAL_REGION], provider)
    profiles = sorted(jmespath.search("keys(profiles || `{}`)", doc) or [])
    if (profiles or profile is not None) and profile not in profiles:
        raise _choice("profile", profile, profiles, provider)
    valid_services = sorted(jmespath.search("keys(services)", doc))
    if isinstance(services, str):
        services = [s.strip() for s in services.split(",") if s.strip()]
    if services is not None:
        if not isinstance(services, (list, tuple)) or not services:
            raise VoipReadyError("services must be a non-empty list of service names; valid services: %s"
                                 % ", ".join(valid_services), "services", services)
        for service in services:
            if service not in valid_services:
                raise _choice("service", service, valid_services, provider)
        services = set(services)
    return (region if regions else GLOBAL_REGION), services


def _expand_entry(doc, entry, resolved, services):
    """Yield (service, proto, port_min, port_max, entry) for the entry's port specs in scope."""
    for spec in entry["ports"]:
        service = spec.get("service", entry["service"])
        if services is not None and service not in services:
            continue
        if "ports_from" in spec:
            ranges = _input_value(doc, resolved, spec["ports_from"])
            if ranges is None:  # optional input left out: no rule
                continue
        else:
            ranges = [(spec["port_min"], spec["port_max"])]
        if "protos_from" in spec:
            protos = _input_value(doc, resolved, spec["protos_from"]) or []
        else:
            protos = [spec.get("proto") or _input_value(doc, resolved, spec["proto_from"])]
        for proto in protos:
            for port_min, port_max in ranges:
                yield service, proto, port_min, port_max


def provider_rules(catalog, provider, region=None, profile=None, services=None, inputs=None):
    """Normalized, merged and deterministically sorted rules for one provider scope.

    Raises VoipReadyError for an unknown provider/region/profile/service (listing the
    valid ones), an invalid input (naming field and value) or a missing required input.
    """
    _require_libraries()
    doc = _provider_doc(catalog, provider)
    out_region, services = _check_scope(doc, region, profile, services)
    resolved = _resolve_inputs(doc, inputs)
    service_dscp = jmespath.search("qos.service_dscp", doc) or {}
    merged = {}
    for entry in _select_entries(doc, region, profile):
        if entry.get("addresses_from"):
            addresses = _input_value(doc, resolved, entry["addresses_from"]) or []
        else:
            addresses = netutil.normalize_addresses(entry.get("addresses"), "addresses")
        direction = entry.get("direction", doc["direction"])
        for service, proto, port_min, port_max in _expand_entry(doc, entry, resolved, services):
            key = (service, proto, port_min, port_max, direction)
            slot = merged.setdefault(key, {"addresses": set(), "fqdns": set(), "components": set(), "refs": set()})
            slot["addresses"].update(addresses)
            slot["fqdns"].update(entry.get("fqdns") or [])
            slot["components"].add(entry["component"])
            slot["refs"].add(entry["source"]["ref"])
    rules = []
    for (service, proto, port_min, port_max, direction), slot in sorted(merged.items()):
        addresses = netutil.normalize_addresses(sorted(slot["addresses"]))
        fqdns = sorted(slot["fqdns"])
        wildcard = any(netutil.is_wildcard_fqdn(name) for name in fqdns)
        rules.append({
            "id": _rule_id(provider, out_region, profile, service, proto, port_min, port_max),
            "provider": provider,
            "region": out_region,
            "profile": profile,
            "service": service,
            "component": ", ".join(sorted(slot["components"])),
            "proto": proto,
            "port_min": port_min,
            "port_max": port_max,
            "addresses": addresses,
            "fqdns": fqdns,
            "wildcard": wildcard,
            # An L3/L4 allowlist can enforce addresses or resolvable names, not "*." domains
            # and not a rule that names no destination at all.
            "enforceable": bool(addresses) or any(not netutil.is_wildcard_fqdn(n) for n in fqdns),
            "direction": direction,
            "dscp": service_dscp.get(service),
            "source": {"seed": doc["seed"], "ref": "; ".join(sorted(slot["refs"]))},
        })
    _make_ids_unique(rules)
    return rules


def _rule_id(provider, region, profile, service, proto, port_min, port_max):
    ports = str(port_min) if port_min == port_max else "%d-%d" % (port_min, port_max)
    parts = [provider, region] + ([profile] if profile else []) + [service, proto, ports]
    return "-".join(parts)


def _make_ids_unique(rules):
    """Only direction can separate two rules with the same id; name it then."""
    seen = {}
    for rule in rules:
        seen.setdefault(rule["id"], []).append(rule)
    for same in seen.values():
        if len(same) > 1:
            for rule in same:
                rule["id"] = "%s-%s" % (rule["id"], rule["direction"])


def provider_profile(catalog, provider):
    """Everything but the rules: QoS table, targets, bandwidth, guidance, inputs, oddities."""
    _require_libraries()
    doc = _provider_doc(catalog, provider)
    return copy.deepcopy({
        "provider": doc["provider"],
        "name": doc["name"],
        "catalog_version": doc["catalog_version"],
        "seed": doc["seed"],
        "direction": doc["direction"],
        "regions": sorted(jmespath.search("keys(regions)", doc)),
        "profiles": doc.get("profiles") or {},
        "services": doc["services"],
        "inputs": doc["inputs"],
        "qos": doc["qos"],
        "targets": doc["targets"],
        "bandwidth": doc["bandwidth"],
        "guidance": doc["guidance"],
        "oddities": doc["oddities"],
        "annotations": doc.get("annotations") or {},
    })


def rules_to_json(rules):
    """The export's JSON bytes: sorted keys, two-space indent, trailing newline."""
    return json.dumps(list(rules), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def rules_to_csv(rules):
    """One row per rule; addresses and fqdns joined with spaces."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for rule in rules:
        row = []
        for field in CSV_FIELDS:
            value = rule["source"][field] if field in ("seed", "ref") else rule.get(field)
            if isinstance(value, list):
                value = " ".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            row.append("" if value is None else value)
        writer.writerow(row)
    return buffer.getvalue()
