#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, voipready.network developers
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: voipready_apply
short_description: Apply several voice-readiness features to a device in one session
version_added: 0.1.0
description:
  - The engine behind C(site.yml). It takes the intent of any of the five features
    (C(allowlist), C(sip_alg), C(voice_vlan), C(qos), C(timeouts)) and converges them
    with one SSH login, one read of the device, one ordered change (one atomic
    transaction where the platform has one) and one read-back.
  - The roles of this collection collect their feature's intent and, in C(site.yml),
    hand it to this module; used on its own, each feature module does the same for
    one feature.
  - Per feature the result says C(compliant), C(drift) with the commands that fix it,
    or C(not_applicable) with the reason; C(playbooks/compliance.yml) builds its
    reports on this.
author:
  - voipready.network developers (@voipready)
extends_documentation_fragment:
  - voipready.network.device
options:
  features:
    description:
      - Feature name to its intent; the options of each are those of the feature's
        module (M(voipready.network.allowlist), M(voipready.network.sip_alg),
        M(voipready.network.voice_vlan), M(voipready.network.qos),
        M(voipready.network.timeouts)) under C(config).
      - Features the platform cannot have are reported C(not_applicable), never
        claimed as done.
    type: dict
    required: true
  flows:
    description:
      - Also check what the device's whole policy, as read (customer rules, other tables,
        interfaces and zones included), admits for voice, and report it as the C(flows)
        entry of C(features).
      - Flows are sampled from the allowlist intent's provider rules (the catalog's),
        voice networks and essentials; each is run through the platform's flow model
        (C(plugins/module_utils/platforms/flows/)). C(drift) when a provider flow is not
        admitted end to end (C(missing)) or, with C(enforce), another flow of the voice
        networks is (C(extra)); each line names the rule that decided.
      - Nothing is pushed for it; C(playbooks/compliance.yml) sets it (see
        C(docs/compliance.md)).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: The site's features, Kore.ai EU
  ansible.builtin.set_fact:
    site_features:
      allowlist:
        rules: "{{ 'kore' | voipready.network.provider_rules(region='eu') }}"
        voice_networks: [192.0.2.0/24]
      sip_alg:
        enabled: false
      qos:
        classes: "{{ 'kore' | voipready.network.provider_rules(region='eu') | voipready.network.qos_classes }}"
      timeouts:
        udp_stream: 600
        keepalive_interval: 30

- name: Everything the site needs, one login
  voipready.network.voipready_apply:
    features: "{{ site_features }}"

- name: Compliance check of all features (no change)
  voipready.network.voipready_apply:
    features: "{{ site_features }}"
  check_mode: true
  register: compliance

- name: What the whole policy admits for the provider's flows
  voipready.network.voipready_apply:
    features: "{{ site_features }}"
    flows: true
  check_mode: true
  register: checked

- name: Fail when a customer rule shadows the provider's flows
  ansible.builtin.assert:
    that: checked.features.flows.status != 'drift'
    fail_msg: "{{ checked.features.flows.missing | join('; ') }}"
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
    - All commands sent (or, in check mode, that would be sent), in order.
    - Empty when nothing is to change, and for the states that send nothing (gathered, parsed, rendered).
  returned: success
  type: list
  elements: str
  sample: ["no ip nat service sip udp port 5060"]
before:
  description:
    - The owned configuration of the features as read from the device before the run, in the
      structure C(gathered) returns (a resource module's C(before)), with or without C(--diff).
  returned: when state is merged, replaced, overridden, deleted or restored
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
    - Per feature named in I(features), its compliance as read, before any change - C(status) (C(compliant), C(drift),
      C(not_applicable)), C(commands) that fix a drift (empty otherwise), and C(reason) when not applicable.
    - A drifted feature also has C(missing) (lines of the feature's own view of the configuration the device lacks - in the
      view after the fix, not before it) and C(extra) (lines it holds beyond the intent - before the fix, not after it);
      playbooks/compliance.yml reports them.
    - With state=rendered only the features that do not apply to the platform are listed, with their C(status) and
      C(reason); the dict is empty otherwise.
  returned: when state is merged, replaced, overridden, deleted or rendered
  type: dict
  sample: {"sip_alg": {"status": "drift", "commands": ["no ip nat service sip udp port 5060"],
           "missing": ["no ip nat service sip udp port 5060"], "extra": []}, "qos": {"status": "compliant", "commands": []}}
  contains:
    flows:
      description: >-
        What the device's whole policy, as read, admits: for the provider's flows and, with enforce, for every other
        flow of the voice networks.
      returned: when I(flows=true) and the device was read
      type: dict
      contains:
        status:
          description: C(compliant), C(drift) or C(not_applicable).
          returned: always
          type: str
        reason:
          description: How many flows were sampled, what was not checked and why.
          returned: always
          type: str
        missing:
          description: The provider flows the policy does not admit, each with the rule that denies it.
          returned: always
          type: list
          elements: str
        extra:
          description: The other flows of the voice networks the policy admits, each with the rule that admits it.
          returned: always
          type: list
          elements: str
        commands:
          description: Always empty; the other features' commands change the policy.
          returned: always
          type: list
          elements: str
        sampled:
          description: The number of flows checked.
          returned: always
          type: int
          sample: 42
rendered:
  description:
    - The configuration the intent produces (state=rendered), one item per line, as the cisco.ios and
      arista.eos resource modules return it; nothing is contacted.
  returned: when state is rendered
  type: list
  elements: str
gathered:
  description: The device's state for the features named, in the intent's structure. Each feature under its name.
  returned: when state is gathered
  type: dict
parsed:
  description: The state found in I(running_config). Each feature under its name.
  returned: when state is parsed
  type: dict
diff:
  description: >-
    Before and after text of the owned configuration (with C(--diff)); I(before) and I(after)
    hold the same in structured form without it. For state=restored with no feature named, the
    whole configuration, secrets redacted.
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
      description: C(<host> (intended)), or for state=restored C(<host> (backup <time stamp>)) when no feature is named.
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
    module_main(None)


if __name__ == "__main__":
    main()
