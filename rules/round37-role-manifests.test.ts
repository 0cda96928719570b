/**
 * Blind round 37, class "a component's own manifests" (ansible-role-hardening): an Ansible role's
 * typed interface is meta/argument_specs.yml (a `type:` per option, validated when the role runs),
 * not a doc-generator script beside it; and its Galaxy requirements.yml, every collection pinned to
 * an exact version, is a pinned manifest like requirements of `==` lines.
 */
import { describe, expect, it } from 'vitest';
import typeSafety from './architecture/type-safety.js';
import lockfiles from './security/lockfiles.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const TASKS =
  '---\n- name: Configure sshd\n  ansible.builtin.template:\n    src: sshd_config.j2\n    dest: /etc/ssh/sshd_config\n';

function role(extra: Tree): Tree {
  const tree: Tree = {
    'README.md': '# Ansible Role: harden\n',
    'meta/main.yml': '---\ngalaxy_info:\n  role_name: harden\n  author: example\n  license: MIT\n',
    'defaults/main.yml': '---\nharden_port: 22\n',
    'gen_docs.py': 'import yaml\n\ndef main():\n    print(yaml.safe_load(open("defaults/main.yml")))\n',
    ...extra,
  };
  for (let i = 0; i < 30; i++) tree[`tasks/step${i}.yml`] = TASKS;
  tree['tasks/main.yml'] = TASKS;
  return tree;
}

const SPECS = [
  '---',
  'argument_specs:',
  '  main:',
  '    short_description: Harden a host.',
  '    options:',
  '      harden_port:',
  '        description: "SSH port."',
  '        type: "int"',
  '        default: 22',
  '      harden_users:',
  '        description: "Users allowed to log in."',
  '        type: list',
  '        elements: str',
  '',
].join('\n');

describe('an Ansible role typed by its argument specs', () => {
  it('is partly typed through meta/argument_specs.yml, not failed for a helper script beside it', async () => {
    const run = await runRuleOn(typeSafety, role({ 'meta/argument_specs.yml': SPECS }));
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('typed role arguments');
    expect(run.message).not.toContain('Python');
    expect(run.evidence[0]).toMatchObject({ path: 'meta/argument_specs.yml', line: 2 });
  });

  it('reads argument_specs kept in meta/main.yml too', async () => {
    const tree = role({});
    tree['meta/main.yml'] += SPECS.replace('---\n', '');
    const run = await runRuleOn(typeSafety, tree);
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'meta/main.yml' });
  });

  it('without argument specs the role is judged as before (its Python untyped)', async () => {
    const run = await runRuleOn(typeSafety, role({}));
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('Python');
  });
});

const PINNED = [
  '---',
  'collections:',
  '  - name: ansible.posix',
  '    version: 2.1.0',
  '  - name: community.general',
  '    version: "12.5.0"  # pinned',
  '    source: https://github.com/ansible-collections/community.general.git',
  '    type: git',
  'roles:',
  '  - src: geerlingguy.java',
  '    version: v1.9.6',
  '',
].join('\n');

describe('an Ansible Galaxy requirements.yml is a manifest pinned by its exact versions', () => {
  it('every collection and role at an exact version: locked', async () => {
    const run = await runRuleOn(lockfiles, role({ 'requirements.yml': PINNED }));
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]!.note).toContain('every Ansible Galaxy requirement pinned to an exact version (3');
  });

  it('beside an unpinned pip list: partial, not fail', async () => {
    const run = await runRuleOn(
      lockfiles,
      role({ 'collections/requirements.yml': PINNED, 'requirements-dev.txt': 'ansible-lint\nmolecule\n' }),
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('requirements-dev.txt');
  });

  it('a range, a missing version or a bare name is not pinned', async () => {
    const loose = [
      'collections:',
      '  - name: ansible.posix',
      "    version: '>=1.0'",
      '  - community.general',
      'roles:',
      '  - name: geerlingguy.java',
      '',
    ].join('\n');
    const run = await runRuleOn(lockfiles, role({ 'requirements.yml': loose }));
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({ path: 'requirements.yml', line: 2 });
    expect(run.evidence[0]!.note).toContain('3 of 3 Ansible Galaxy requirements not pinned');
  });
});
