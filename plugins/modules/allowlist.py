#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: allowlist
short_description: Push a voice provider's allowlist (SIP, RTP, WebRTC, STUN/TURN, provisioning)
version_added: 0.1.0
description:
  - Makes the device permit exactly the flows the voice provider requires, built from
    the collection's provider catalog with the C(voipready.network.provider_rules)
    filter, in the platform's own objects (nftables sets, object-groups, address
    books, address and service objects, address lists, firewall groups).
  - Every object and rule it creates carries the prefix I(config.name); nothing else
    on the device is changed. An ACL or policy bound to an interface or zone is never
    rebuilt in place; a new one is built, the binding moved, then the old one removed.
  - Rules whose only destinations are wildcard domains (for example C(*.kore.ai))
    cannot be enforced by an L3/L4 allowlist; they are reported, not pushed.
  - Named after its intent key C(allowlist), like its role P(voipready.network.allowlist#role). Its former name
    C(voipready.network.voip_allowlist) is a documented alias (a redirect in C(meta/runtime.yml)), so
    playbooks that use it keep working unchanged.
author:
  - voipready.network developers (@voipready)
extends_documentation_fragment:
  - voipready.network.device
options:
  config:
    description: The allowlist intent.
    type: dict
    default: {}
    suboptions:
      name:
        description: Prefix of every object the module owns (letters, digits, C(-), C(_)).
        type: str
        default: VOIPREADY
      rules:
        description:
          - Normalized rules as returned by C(voipready.network.provider_rules); each has
            C(id), C(service), C(proto), C(port_min), C(port_max), C(addresses), C(fqdns),
            C(direction) and C(dscp).
        type: list
        elements: dict
        default: []
      voice_networks:
        description:
          - The site's voice subnets. Outbound rules match them as source, inbound rules
            as destination. Empty means any.
        type: list
        elements: str
        default: []
      essentials:
        description:
          - DNS and NTP servers the voice networks may reach besides the provider
            (the providers' guidance says phones need DNS, NTP, the platform and
            provisioning, nothing else).
        type: dict
        default: {dns: [], ntp: []}
      enforce:
        description:
          - When true, other traffic from or to the voice networks crossing the device
            is dropped. When false, the rules only permit.
        type: bool
        default: true
      fqdn_mode:
        description:
          - C(auto) uses FQDN objects where the platform has them and skips FQDN-only
            rules elsewhere (reported); C(objects) requires FQDN objects; C(resolve)
            uses addresses resolved on the controller; C(skip) ignores FQDN-only rules.
        type: str
        default: auto
        choices: [auto, objects, resolve, skip]
      inside_interfaces:
        description: Interfaces facing the voice networks (binding of ACLs / zones).
        type: list
        elements: str
        default: []
      outside_interfaces:
        description: Interfaces facing the provider.
        type: list
        elements: str
        default: []
      inside_zone:
        description: Zone of the voice networks on zone-based firewalls.
        type: str
        default: trust
      outside_zone:
        description: Zone facing the provider on zone-based firewalls.
        type: str
        default: untrust
"""

EXAMPLES = r"""
- name: The allowlist of Kore.ai US-East for the voice VLAN behind GigabitEthernet0/1
  ansible.builtin.set_fact:
    kore_allowlist:
      name: VOIPREADY
      rules: "{{ 'kore' | voipready.network.provider_rules(region='us-east') }}"
      voice_networks: [192.0.2.0/24]
      essentials:
        dns: [198.51.100.53]
        ntp: [198.51.100.123]
      inside_interfaces: [GigabitEthernet0/1]
      outside_interfaces: [GigabitEthernet0/0]

- name: Permit Kore.ai US-East voice traffic from the voice VLAN
  voipready.network.allowlist:
    config: "{{ kore_allowlist }}"
    state: merged
  register: allowlist_result

- name: The owned allowlist after the run (before, after and commands are top-level, as in cisco.ios)
  ansible.builtin.debug:
    var: allowlist_result.after

- name: What would change (no change made); before, after and commands are in the result
  voipready.network.allowlist:
    config: "{{ kore_allowlist }}"
  check_mode: true
  diff: true

- name: Render for review without connecting (an ASA names its interfaces by nameif)
  voipready.network.allowlist:
    platform: asa
    config: "{{ kore_allowlist | combine({'inside_interfaces': ['inside'], 'outside_interfaces': ['outside']}) }}"
    state: rendered
  register: asa_allowlist

- name: The rendered configuration, one line per item
  ansible.builtin.debug:
    var: asa_allowlist.rendered

- name: Remove everything the collection added
  voipready.network.allowlist:
    config:
      name: VOIPREADY
    state: deleted
"""

# RETURN is written out in each module: ansible-core merges doc fragments into DOCUMENTATION
# only. The keys shared with the other modules are their one engine's result (engine.py).
RETURN = r"""
backup:
  description:
    - The before-state backup written on the controller just before the push, the file a later
      I(state=restored) puts back.
  returned: when a change was pushed (not in check mode)
  type: str
  sample: ~/.local/state/voipready/backups/fw1/20261121T120000Z-linux.json
lockout_guard:
  description: The lockout guard's finding on the change, made before anything is pushed.
  returned: when there was something to change, also in check mode
  type: dict
  sample: {"status": "admitted", "session": "198.51.100.1:40312 -> 198.51.100.11:22/tcp"}
  contains:
    status:
      description: >-
        C(admitted), C(blocked) (the change is refused unless I(accept_lockout_risk=true)) or
        C(not_evaluated) (the platform has no policy evaluator; commit-confirm protects the change).
      returned: always
      type: str
      sample: not_evaluated
    session:
      description: This run's management session as the policy sees it.
      returned: when status is admitted or blocked
      type: str
      sample: 198.51.100.1:40312 -> 198.51.100.11:22/tcp
    rules:
      description: The rules of the changed policy that would cut the session.
      returned: when status is blocked
      type: list
      elements: str
    reason:
      description: Why the session is admitted, or why it was not evaluated.
      returned: when status is admitted or not_evaluated
      type: str
      sample: no policy evaluator for platform ios; commit-confirm protects the change
confirmed_via:
  description: How the change was confirmed after the fresh-connection probe, C(session) or C(fresh_login).
  returned: when a change was pushed and confirmed
  type: str
  sample: session
restored_from:
  description: The time stamp of the backup put back (state=restored).
  returned: when state is restored
  type: str
  sample: 20261121T120000Z
platform:
  description: >-
    The platform the run used - I(platform), or the one the inventory's C(voipready_platform) or
    C(ansible_network_os) names - in its short form.
  returned: success
  type: str
  sample: ios
state:
  description: The state the run carried out (I(state)).
  returned: success
  type: str
  sample: merged
commands:
  description:
    - The commands sent (or, in check mode, that would be sent), in order.
    - Empty when nothing is to change, and for the states that send nothing (gathered, parsed, rendered).
  returned: success
  type: list
  elements: str
  sample: ["object-group network VOIPREADY-DNS-NET", " host 198.51.100.53"]
before:
  description:
    - The owned configuration of the feature as read from the device before the run, in the
      structure C(gathered) returns (a resource module's C(before)), with or without C(--diff).
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
  contains:
    allowlist:
      description: The feature's owned configuration, in the structure of its C(gathered) entry.
      returned: always
      type: dict
after:
  description:
    - The owned configuration after the run, in the structure of I(before) - parsed from the
      device's read-back after a change, predicted from I(commands) in check mode, equal to
      I(before) when nothing changed.
  returned: when state is merged, replaced, overridden, deleted or restored
  type: dict
features:
  description:
    - The feature's compliance as read, before any change, under its name.
    - With state=rendered only a feature that does not apply to the platform is listed, with its
      reason; the dict is empty otherwise.
  returned: when state is merged, replaced, overridden, deleted or rendered
  type: dict
  sample:
    allowlist:
      status: drift
      commands: [object-group network VOIPREADY-DNS-NET, ' host 198.51.100.53']
      missing: [object-group network VOIPREADY-DNS-NET, host 198.51.100.53]
      extra: []
  contains:
    allowlist:
      description: The feature's entry.
      returned: when the device was read, and when rendered for a platform the feature does not apply to
      type: dict
      contains:
        status:
          description: C(compliant), C(drift) or C(not_applicable).
          returned: always
          type: str
          sample: drift
        commands:
          description: The commands that fix the drift; empty when compliant or not applicable.
          returned: when the device was read
          type: list
          elements: str
        reason:
          description: Why the feature does not apply to this platform.
          returned: when status is not_applicable
          type: str
        missing:
          description: >-
            Lines of the feature's own view of the configuration that the device lacks - in the
            view after the fix, not before it (stripped, in order).
          returned: when status is drift
          type: list
          elements: str
        extra:
          description: Lines of that view the device holds beyond the intent - before the fix, not after it.
          returned: when status is drift
          type: list
          elements: str
rendered:
  description:
    - The configuration the intent produces (state=rendered), one item per line, as the cisco.ios and
      arista.eos resource modules return it; nothing is contacted.
  returned: when state is rendered
  type: list
  elements: str
gathered:
  description: The device's owned allowlist in the intent's structure (state=gathered).
  returned: when state is gathered
  type: dict
  contains:
    allowlist:
      description: The feature's owned configuration on the device.
      returned: always
      type: dict
parsed:
  description: The allowlist found in I(running_config) (state=parsed).
  returned: when state is parsed
  type: dict
  contains:
    allowlist:
      description: The feature's configuration found in I(running_config).
      returned: always
      type: dict
diff:
  description: >-
    Before and after text of the owned configuration (with C(--diff)); I(before) and I(after)
    hold the same in structured form without it.
  returned: with C(--diff), when state is merged, replaced, overridden, deleted or restored
  type: dict
  contains:
    before:
      description: The owned configuration as read.
      returned: always
      type: str
    after:
      description: The owned configuration as it is after the change (predicted from I(commands)).
      returned: always
      type: str
    before_header:
      description: C(<host> (running)).
      returned: always
      type: str
      sample: fw1 (running)
    after_header:
      description: C(<host> (intended)).
      returned: always
      type: str
      sample: fw1 (intended)
field:
  description: On an error the collection diagnosed (bad input, the device, the transport), the option or field it is about.
  returned: on failure
  type: str
  sample: allowlist.voice_networks[0]
value:
  description: On such an error, the value that was wrong (null when there is none).
  returned: on failure
  type: raw
variable:
  description: >-
    On an error about an option the roles fill from the inventory, that inventory variable
    (for example C(voipready_phone_ports) for C(voice_vlan.phone_ports)); the message names it too.
  returned: on failure, when the option has one
  type: str
  sample: voipready_phone_ports
"""

from ansible_collections.voipready.network.plugins.module_utils.runner import module_main


def main():
    module_main("allowlist")


if __name__ == "__main__":
    main()
