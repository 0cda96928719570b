/**
 * Blind round 48, class "redundancy declared in an Ansible inventory": a homelab installs k3s on
 * three servers of its production inventory's `masters` group behind kube-vip, and was judged only
 * on the two containers of its PXE bootstrap server ("0 of 2 redundant"). The control plane is now a
 * redundant unit; a staging inventory, a single server or no virtual IP earn nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import redundancy from './reliability/redundancy.js';

const PROD = [
  'all:',
  '  vars:',
  '    control_plane_endpoint: 10.0.0.100',
  'metal:',
  '  children:',
  '    masters:',
  '      hosts:',
  '        node0: {ansible_host: 10.0.0.10}',
  '        node1: {ansible_host: 10.0.0.11}',
  '        node2: {ansible_host: 10.0.0.12}',
  '    workers:',
  '      hosts:',
  '        node3: {ansible_host: 10.0.0.13}',
  '',
].join('\n');

const BASE: Tree = {
  'metal/site.yml': '- hosts: metal\n  roles:\n    - k3s\n',
  'metal/roles/k3s/tasks/main.yml': '- name: Install k3s\n  ansible.builtin.command: /usr/local/bin/k3s-install.sh\n',
  'metal/roles/k3s/templates/kube-vip.yaml.j2': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-vip\n',
  'metal/roles/pxe/files/docker-compose.yml':
    'services:\n  dnsmasq:\n    build: dnsmasq\n    network_mode: host\n  http:\n    build: http\n    network_mode: host\n',
  'metal/roles/pxe/files/dnsmasq/Dockerfile': 'FROM alpine:3.20\nRUN apk add dnsmasq\n',
  'metal/roles/pxe/files/http/Dockerfile': 'FROM nginx:1.27\n',
};

describe('a control plane declared in an Ansible inventory (round 48)', () => {
  it('passes three k3s servers of the production inventory behind kube-vip', async () => {
    const r = await runRuleOn(
      redundancy,
      { ...BASE, 'metal/inventories/prod.yml': PROD },
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain(
      'the k3s control plane runs on 3 servers behind kube-vip, metal/inventories/prod.yml:6',
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'metal/inventories/prod.yml',
        line: 6,
        note: expect.stringContaining('3 k3s control-plane servers in group masters (node0, node1, node2)'),
      }),
    );
  });

  it('reads an INI inventory, with the virtual IP named by an inventory variable', async () => {
    const { 'metal/roles/k3s/templates/kube-vip.yaml.j2': _vip, ...rest } = BASE;
    const tree: Tree = {
      ...rest,
      'inventory/hosts.ini':
        '[server]\nnode0 ansible_host=10.0.0.10\nnode1 ansible_host=10.0.0.11\n\n[all:vars]\nkube_vip_address=10.0.0.100\n',
    };
    const r = await runRuleOn(redundancy, tree, { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'inventory/hosts.ini', line: 1 }));
  });

  it('earns nothing from a staging inventory, a single server or a cluster without a virtual IP', async () => {
    const stag = await runRuleOn(
      redundancy,
      { ...BASE, 'metal/inventories/stag.yml': PROD },
      { profile: 'infrastructure' },
    );
    expect(stag.outcome).toBe('fail');
    const one = await runRuleOn(
      redundancy,
      { ...BASE, 'metal/inventories/prod.yml': PROD.replace(/ {8}node[12]:[^\n]*\n/g, '') },
      { profile: 'infrastructure' },
    );
    expect(one.outcome).toBe('fail');
    const noVip: Tree = { ...BASE, 'metal/inventories/prod.yml': PROD.replace(/ {2}vars:\n[^\n]*\n/, '') };
    delete noVip['metal/roles/k3s/templates/kube-vip.yaml.j2'];
    const r = await runRuleOn(redundancy, noVip, { profile: 'infrastructure' });
    expect(r.outcome).toBe('fail');
  });
});
