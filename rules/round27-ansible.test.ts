/**
 * Blind round 27, class "Ansible collections and roles not recognised": a repository whose product
 * is Ansible content (galaxy.yml, roles/<name>/tasks/main.yml, a role's meta/main.yml galaxy_info)
 * is infrastructure as code, not "docs, no source code"; its Molecule scenarios are its tests
 * (integration tests against instances), ansible-lint (and yamllint, on YAML that is the code) its
 * linters. A collection or role is applied by its users to their own hosts: a reusable package.
 */
import { describe, expect, it } from 'vitest';
import infrastructureAsCode from './operations/infrastructure-as-code.js';
import linting from './quality/linting.js';
import testTypes from './quality/test-types.js';
import testsPresent from './quality/tests-present.js';
import redundancy from './reliability/redundancy.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { profileOf } from '../src/testing/profile.js';

const TASKS = [
  '---',
  '- name: Set the SSH daemon configuration',
  '  ansible.builtin.template:',
  '    src: sshd_config.j2',
  '    dest: /etc/ssh/sshd_config',
  '    mode: "0600"',
  '  notify: Restart sshd',
  '',
].join('\n');

const MOLECULE = [
  '---',
  'dependency:',
  '  name: galaxy',
  'driver:',
  '  name: docker',
  'platforms:',
  '  - name: instance',
  '    image: "rockylinux:9"',
  'verifier:',
  '  name: ansible',
  '',
].join('\n');

const LINT_WORKFLOW = [
  'name: Ansible Lint',
  'on: [push, pull_request]',
  'jobs:',
  '  lint:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - name: Lint the collection',
  '        uses: ansible/ansible-lint@v25',
  '',
].join('\n');

const collection: Tree = {
  'README.md': '# sshguard collection\n\n## Using this collection\n\nInclude the roles in your playbooks.\n',
  'galaxy.yml': 'namespace: example\nname: sshguard\nversion: 1.2.0\nreadme: README.md\n',
  'meta/runtime.yml': "---\nrequires_ansible: '>=2.15.0'\n",
  'roles/ssh_guard/tasks/main.yml': TASKS,
  'roles/ssh_guard/handlers/main.yml':
    '---\n- name: Restart sshd\n  ansible.builtin.service:\n    name: sshd\n    state: restarted\n',
  'roles/ssh_guard/defaults/main.yml': '---\nssh_guard_port: 22\n',
  'molecule/ssh_guard/molecule.yml': MOLECULE,
  'molecule/ssh_guard/converge.yml':
    '---\n- name: Converge\n  hosts: all\n  roles:\n    - example.sshguard.ssh_guard\n',
  'molecule/ssh_guard/verify.yml':
    '---\n- name: Verify\n  hosts: all\n  tasks:\n    - name: Check the port\n      ansible.builtin.assert:\n        that: true\n',
  '.config/ansible-lint.yml': '---\nprofile: production\n',
  '.github/workflows/ansible-lint.yml': LINT_WORKFLOW,
};

describe('an Ansible collection is infrastructure, tested by Molecule and linted by ansible-lint', () => {
  it('is an infrastructure repository, not docs', async () => {
    const p = await profileOf(collection);
    expect(p.id).toBe('infrastructure');
    expect(p.reasons[0]).toContain('an Ansible collection (galaxy.yml) of 1 role(s)');
    // A web service that deploys itself with Ansible stays a service.
    const service: Tree = {
      'requirements.txt': 'flask==3.0.0\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'deploy/roles/web/tasks/main.yml': TASKS,
      'deploy/site.yml': '---\n- hosts: web\n  roles:\n    - web\n',
    };
    expect((await profileOf(service)).id).toBe('service');
  });

  it('is infrastructure as code, cited at galaxy.yml and its role', async () => {
    const run = await runRuleOn(infrastructureAsCode, collection);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Ansible');
    expect(run.evidence.map((e) => e.path)).toEqual(
      expect.arrayContaining(['galaxy.yml', 'roles/ssh_guard/tasks/main.yml']),
    );
  });

  it('counts each Molecule scenario as a test, an integration test on the driver’s instances', async () => {
    const present = await runRuleOn(testsPresent, collection);
    expect(present.outcome).toBe('pass');
    expect(present.message).toContain('1 test case');
    const types = await runRuleOn(testTypes, collection);
    expect(types.outcome).toBe('partial');
    expect(types.message).toContain('integration tests found');
    expect(types.evidence[0]).toMatchObject({ path: 'molecule/ssh_guard/molecule.yml', line: 4 });
    expect(types.evidence[0]!.note).toContain('Molecule scenario: converges the roles on docker instances');
  });

  it('credits ansible-lint configured in .config/ and run by its action', async () => {
    const run = await runRuleOn(linting, collection);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('ansible-lint configured and run in CI');
  });

  it('a role at the root whose CI runs yamllint is linted; instance counts are its users’', async () => {
    const role: Tree = {
      'README.md': '# Ansible Role: sshguard\n',
      'meta/main.yml': '---\ngalaxy_info:\n  role_name: sshguard\n  author: example\n  license: MIT\n',
      'tasks/main.yml': TASKS,
      'defaults/main.yml': '---\nsshguard_port: 22\n',
      'molecule/default/molecule.yml': MOLECULE,
      '.yamllint': 'extends: default\n',
      '.github/workflows/ci.yml': [
        'name: CI',
        'on: [push]',
        'jobs:',
        '  lint:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: pip3 install yamllint',
        '      - run: yamllint .',
        '',
      ].join('\n'),
    };
    const lint = await runRuleOn(linting, role);
    expect(lint.outcome).toBe('pass');
    expect(lint.message).toContain('yamllint configured and run in CI');
    const iac = await runRuleOn(infrastructureAsCode, role);
    expect(iac.outcome).toBe('pass');
    expect(iac.evidence[0]).toMatchObject({ path: 'meta/main.yml', line: 2 });
    const red = await runRuleOn(redundancy, role);
    expect(red.outcome).toBe('not-applicable');
  });

  it('without Molecule scenarios or a linter, the collection is failed for both', async () => {
    const bare: Tree = { ...collection };
    delete bare['molecule/ssh_guard/molecule.yml'];
    delete bare['molecule/ssh_guard/converge.yml'];
    delete bare['molecule/ssh_guard/verify.yml'];
    delete bare['.config/ansible-lint.yml'];
    delete bare['.github/workflows/ansible-lint.yml'];
    expect((await runRuleOn(testsPresent, bare)).outcome).toBe('fail');
    expect((await runRuleOn(linting, bare)).outcome).toBe('fail');
    expect((await runRuleOn(infrastructureAsCode, bare)).outcome).toBe('pass');
  });

  it('yamllint in a repository that is not Ansible content still lints documents only', async () => {
    const docs: Tree = {
      'README.md': '# handbook\n\nOur team handbook.\n',
      'guide/onboarding.md': '# Onboarding\n',
      '.yamllint': 'extends: default\n',
      '.github/workflows/ci.yml':
        'name: CI\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: yamllint .\n',
    };
    const run = await runRuleOn(linting, docs, { profile: 'infrastructure' });
    expect(run.outcome).toBe('fail');
    expect((await runRuleOn(infrastructureAsCode, docs, { profile: 'infrastructure' })).outcome).toBe('fail');
  });
});
