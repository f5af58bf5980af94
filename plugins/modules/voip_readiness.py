#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: voip_readiness
short_description: Check that a site can reach its voice provider well enough for calls
version_added: 0.1.0
description:
  - Read-only readiness checks towards the voice provider, compared with the provider's
    own targets from the catalog. Every check reports the measured value, the limit, the
    unit and whether it passed.
  - C(dns) - every FQDN the catalog names for the provider (wildcards excepted) resolves,
    and (I(dns_match_catalog)) to an address the catalog lists beside it. An SBC whose
    name moved to a new address is what silently breaks an address allowlist.
  - C(reachable), C(rtt), C(jitter), C(packet_loss) - I(count) probes towards each SBC
    address (the addresses of I(services), default C(sip)), compared with the catalog's
    C(targets) for the chosen I(target_connections) (Kore.ai edge connectivity RTT < 300 ms,
    loss < 5 %; Interactive Powers RTT < 300 ms, jitter < 50 ms, loss < 1.5 %). A target
    passes when the measured value is below its max. Jitter is the mean absolute
    difference between consecutive round-trip times (RFC 3550's D(i-1,i), unsmoothed).
  - C(bandwidth) - with I(calls) and I(link_kbps), planned concurrent calls times the
    catalog's per-call codec rate plus signalling and I(headroom) (the
    C(voipready.network.voice_bandwidth) figures) must fit the link, per direction.
  - Where the probes run (I(measure_from=auto)) - on the device when its platform can
    ping over the collection's netmiko transport (C(linux) runs C(ping -n -c COUNT -i INTERVAL
    -W TIMEOUT), iputils or BusyBox output); otherwise from the controller with TCP
    connects to the SBC's lowest catalog TCP port for the service (a SYN-ACK or a RST is
    a round trip, no answer is a loss). Names resolve where the probes run (C(getent
    ahosts) on the device), unless I(dns_from) says otherwise.
  - Voice probes (I(voice_probes)), run on the device as a probe host in the voice network
    (any Linux host reachable by SSH, e.g. behind the edge through a jump host) -
    C(sip_options) sends I(count) SIP OPTIONS to each SBC of the catalog's SIP services over
    UDP, TCP and TLS (a Python 3 standard-library script the collection brings, run with
    C(python3 -)) and reports the response code and round-trip times, compared with the
    targets as C(rtt), C(jitter) and C(packet_loss); C(stun) asks each STUN server of the
    catalog (services named C(stun*), UDP) for a binding with coturn's
    C(turnutils_stunclient); C(nat_mapping) and C(nat_filtering) are the NAT's RFC 5780
    behaviour from C(turnutils_natdiscovery -m -f) against the first STUN server that offers
    it. Mapping must be endpoint-independent (a symmetric NAT fails, with the reason);
    filtering is reported, or required endpoint-independent with I(nat_filtering).
  - The module never changes anything and supports check mode (it measures in check
    mode too). It sends probes to whatever addresses the catalog lists; aim it at
    documentation addresses (a lab provider) in tests.
author:
  - voipready.network developers (@voipready)
options:
  provider:
    description: Provider key in the catalog (C(kore), C(ivrpowers), ...).
    type: str
    required: true
  region:
    description: Provider region, for providers that have regions.
    type: str
  profile:
    description: Provider profile, for providers that have profiles.
    type: str
  inputs:
    description: Provider inputs the documents leave to the site (see the catalog).
    type: dict
    default: {}
  catalog_dirs:
    description: Extra catalog directories (the lab's provider lives in C(lab/catalog)).
    type: list
    elements: path
    default: []
  services:
    description: Catalog services whose addresses are probed; default every service of the scope.
    type: list
    elements: str
  addresses:
    description:
      - Probe these addresses instead of the catalog's (still compared with the catalog's
        targets). Catalog networks wider than one address are never probed; they are
        returned in RV(skipped_networks).
    type: list
    elements: str
  dns:
    description: Whether to run the C(dns) checks.
    type: bool
    default: true
  fqdns:
    description: Resolve these names instead of every name the catalog lists.
    type: list
    elements: str
  dns_match_catalog:
    description: A name must resolve to an address the catalog lists beside it.
    type: bool
    default: true
  dns_from:
    description: Where names are resolved; default where the probes run.
    type: str
    choices: [device, controller]
  target_connections:
    description:
      - The catalog target connections that apply towards the SBCs (Kore.ai lists
        C(Client connectivity), C(Edge connectivity) and phone-call targets; the SBCs
        are C(Edge connectivity)). Required when the provider lists measurable targets
        for more than one connection; the error lists the valid names.
    type: list
    elements: str
  measure_from:
    description:
      - C(device) pings from the device (platforms that can, see the description);
        C(controller) probes from the Ansible controller or execution environment;
        C(auto) picks the device when it can.
    type: str
    default: auto
    choices: [auto, device, controller]
  probe:
    description: C(icmp) (device ping) or C(tcp) (controller connect time); C(auto) follows I(measure_from).
    type: str
    default: auto
    choices: [auto, icmp, tcp]
  count:
    description: Probes per address (1-100).
    type: int
    default: 10
  interval:
    description: Seconds between probes.
    type: float
    default: 0.2
  probe_timeout:
    description: Seconds to wait for each answer.
    type: float
    default: 1.0
  tcp_port:
    description: TCP port of controller probes; default the lowest TCP port the catalog lists for the address.
    type: int
  calls:
    description: Planned concurrent calls; with I(link_kbps), adds the C(bandwidth) check.
    type: int
  link_kbps:
    description: Link capacity in kbps in its narrower direction (usually the upload).
    type: float
  codec:
    description: Codec of the catalog's bandwidth figure (default the first for I(media)).
    type: str
  media:
    description: C(audio) or C(audio-video).
    type: str
    default: audio
  headroom:
    description: Fraction added on top of voice and signalling (0.2 = 20 %).
    type: float
    default: 0.2
  per_call_kbps:
    description: Per-call kbps (a number or [min, max]) for providers the catalog gives no figure for.
    type: raw
  bandwidth_basis:
    description: Compare the high (C(max), the provider's worst case) or low (C(min)) per-call figure.
    type: str
    default: max
    choices: [min, max]
  fail_on_miss:
    description: Fail the task when any check misses; false only reports (RV(passed), RV(missed)).
    type: bool
    default: true
  quality_probes:
    description:
      - Whether to run the ping (device) or TCP (controller) probes towards the catalog's
        addresses. False on a probe host behind an allowlist that lets no ICMP out (the
        voice probes' SIP OPTIONS give the round-trip times instead).
    type: bool
    default: true
  voice_probes:
    description:
      - Run the voice probes (SIP OPTIONS, STUN, NAT behaviour) on the device, which must be
        a Linux probe host (platform C(linux)) with C(python3); STUN and NAT discovery need
        coturn's clients (C(turnutils_stunclient), C(turnutils_natdiscovery)) there.
    type: bool
    default: false
  sip_tls_verify:
    description: Verify the SBC's TLS certificate (system CAs, the catalog FQDN as server name) for SIP over TLS.
    type: bool
    default: true
  stun:
    description: With I(voice_probes), the STUN bindings and NAT behaviour discovery.
    type: bool
    default: true
  nat_filtering:
    description:
      - C(report) only reports the NAT's RFC 5780 filtering behaviour; C(endpoint-independent)
        fails the C(nat_filtering) check unless filtering is endpoint-independent (the
        "full cone" some providers ask for).
    type: str
    default: report
    choices: [report, endpoint-independent]
  platform:
    description: The device's platform (default C(voipready_platform)); decides whether the device can ping.
    type: str
    choices: [linux, openvswitch, ios, asa, junos, fortios, panos, eos, routeros, vyos]
  connection:
    description:
      - How to reach the device when probes or names run on it. Through the action
        plugin every key defaults to the inventory's connection variables
        (C(ansible_host), C(ansible_port), C(ansible_user), C(ansible_password),
        C(ansible_ssh_private_key_file), C(ansible_become_password)).
    type: dict
    suboptions:
      host:
        description: Management address.
        type: str
      port:
        description: SSH port.
        type: int
        default: 22
      username:
        description: Login user.
        type: str
      password:
        description: Login password.
        type: str
      secret:
        description: Enable secret.
        type: str
      ssh_key_file:
        description: Private key file.
        type: path
      timeout:
        description: Seconds to wait for the login and each command's prompt.
        type: int
        default: 10
      device_type:
        description: Override the netmiko device type.
        type: str
      name:
        description: The device's name in messages (default C(inventory_hostname)).
        type: str
      proxy_jump:
        description:
          - Jump host(s), C([user@]host[:port]) comma-separated as C(ssh -J) takes them
            (default C(voipready_ssh_proxy_jump), else C(-J), C(-o ProxyJump=) or
            C(-o ProxyCommand=) in O(connection.ssh_args)); see M(voipready.network.allowlist).
        type: str
      ssh_args:
        description:
          - ssh arguments (default C(ansible_ssh_common_args) then C(ansible_ssh_extra_args));
            their jump host or C(ProxyCommand) is honoured, the rest go to the jump host's C(ssh).
        type: list
        elements: str
      ssh_agent:
        description:
          - Log in with the ssh-agent's keys (C(SSH_AUTH_SOCK)); default C(voipready_ssh_agent),
            unset - when neither a password nor a key file is given.
        type: bool
notes:
  - Runs on the controller through the collection's action plugin; the device needs no Python.
  - Controller probes measure the path from the controller or execution environment, not
    from the site; run the job from an execution node at the site (AWX instance groups)
    when the device cannot ping.
  - Platforms the device-side ping supports are listed in C(docs/readiness.md).
seealso:
  - name: docs/readiness.md
    description: Readiness checks, per platform, with worked examples.
    link: https://github.com/voipready/voipready.network/blob/main/docs/readiness.md
requirements:
  - netmiko >= 4.5 (probes from the device)
"""

EXAMPLES = r"""
- name: Kore.ai US-East readiness from the site firewall, 40 calls on a 10 Mbit/s uplink
  voipready.network.voip_readiness:
    provider: kore
    region: us-east
    target_connections: [Edge connectivity]
    calls: 40
    link_kbps: 10000

- name: Interactive Powers from the controller (the platform cannot ping), report only
  voipready.network.voip_readiness:
    provider: ivrpowers
    profile: agent
    inputs:
      rtc_addresses: [198.51.100.40]
      acd_addresses: [198.51.100.41]
    measure_from: controller
    fail_on_miss: false
  register: ready

- name: SIP OPTIONS, STUN and NAT behaviour from a probe host in the voice network
  voipready.network.voip_readiness:
    provider: kore
    region: us-east
    target_connections: [Edge connectivity]
    platform: linux
    voice_probes: true
    quality_probes: false
    dns: false

- name: Show what missed
  ansible.builtin.debug:
    var: ready.missed
"""

RETURN = r"""
passed:
  description: True when every check passed.
  returned: success or missed targets
  type: bool
  sample: false
missed:
  description: One line per failed check, C(CHECK TARGET) then the reason.
  returned: success or missed targets
  type: list
  elements: str
  sample: ["packet_loss 203.0.113.99: packet_loss 100 % >= 1.5 %"]
checks:
  description:
    - Every check, sorted by kind (dns, reachable, rtt, jitter, packet_loss, bandwidth) and
      target. Keys C(check), C(target), C(value), C(limit), C(unit), C(comparison),
      C(passed), C(reason); target checks add C(connection) and the catalog C(source);
      the bandwidth check adds C(detail) (the voice_bandwidth figures).
  returned: success or missed targets
  type: list
  elements: dict
  sample:
    - {check: rtt, target: 203.0.113.10, value: 0.061, limit: 300, unit: ms, comparison: "<",
       passed: true, reason: "rtt 0.061 ms < 300 ms", connection: Network,
       source: {seed: "lab:labvoice", ref: "lab / targets"}}
measurements:
  description:
    - Per probed address C(sent), C(received), C(loss_pct), C(rtt_min_ms), C(rtt_avg_ms),
      C(rtt_max_ms), C(jitter_ms), C(rtts_ms) (per reply) and C(probe) (C(icmp) or C(tcp/PORT)).
  returned: success or missed targets
  type: dict
measured_from:
  description: C(device) or C(controller).
  returned: success or missed targets
  type: str
dns_from:
  description: Where names were resolved (none when no name was checked).
  returned: success or missed targets
  type: str
probe:
  description: C(icmp) or C(tcp).
  returned: success or missed targets
  type: str
addresses:
  description: The addresses probed.
  returned: success or missed targets
  type: list
  elements: str
skipped_networks:
  description: Catalog networks of the services that are wider than one address (not probed).
  returned: success or missed targets
  type: list
  elements: str
targets:
  description: The catalog targets compared.
  returned: success or missed targets
  type: list
  elements: dict
unmeasured_targets:
  description: The provider's other targets (other connections, one-way or end-to-end latency).
  returned: success or missed targets
  type: list
  elements: dict
provider:
  description: The provider key.
  returned: success or missed targets
  type: str
region:
  description: The region.
  returned: success or missed targets
  type: str
voice:
  description:
    - With I(voice_probes), what the probe host measured - C(sip_options) (per target
      C(ADDRESS TRANSPORT/PORT) the measurement fields plus C(codes), C(server), C(error)),
      C(stun) (per server C(reflexive), C(other), C(origin) as C(ip:port)) and C(nat)
      (C(server), C(mapping), C(filtering), C(no_nat), the program's own C(mapping_said) /
      C(filtering_said), unanswered tests, the provider's NAT C(guidance)); null otherwise.
  returned: success or missed targets
  type: dict
  sample:
    nat: {server: 203.0.113.10 udp/3478, mapping: endpoint-independent, filtering: address-and-port-dependent}
changed:
  description: Always false; the module only reads and measures.
  returned: always
  type: bool
field:
  description: On a validation error, the option that was wrong.
  returned: on failure
  type: str
value:
  description: On a validation error, the value that was wrong.
  returned: on failure
  type: raw
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.voipready.network.plugins.module_utils import readiness


def main():
    module = AnsibleModule(argument_spec=readiness.argument_spec(), supports_check_mode=True)
    params = dict(module.params)
    params["connection"] = dict((k, v) for k, v in (params.get("connection") or {}).items() if v is not None)
    result, error = readiness.execute(params)
    if error:
        module.fail_json(msg=error, **result)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
