/**
 * Blind round 40, class "Ansible's own test tooling not understood": a collection tests itself with
 * `ansible-test units` (pytest under tests/unit), `ansible-test integration <target>` (task files
 * under tests/integration/targets/<target>/tasks/ that run the modules against a real service and
 * assert the results), lints with `ansible-test sanity`, and measures coverage with
 * `ansible-test units --coverage` + `ansible-test coverage report`. The targets were not tests, the
 * CI steps not test runs, and the coverage not measured.
 */
import { describe, expect, it } from 'vitest';
import ciPipeline from './operations/ci-pipeline.js';
import coverageGate from './quality/coverage-gate.js';
import linting from './quality/linting.js';
import testTypes from './quality/test-types.js';
import testsInCi from './quality/tests-in-ci.js';
import testsPresent from './quality/tests-present.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { githubWorkflow } from '../src/testing/workflows.js';

const MODULE = [
  '#!/usr/bin/python',
  'from ansible.module_utils.basic import AnsibleModule',
  '',
  'def main():',
  '    module = AnsibleModule(argument_spec=dict(name=dict(type="str", required=True)))',
  '    module.exit_json(changed=False, name=module.params["name"])',
  '',
  'if __name__ == "__main__":',
  '    main()',
  '',
].join('\n');

const ASSERTING = (module: string) =>
  [
    '---',
    `- name: "Create ${module}"`,
    `  example.inventory.${module}:`,
    '    name: test',
    '    state: present',
    '  register: result',
    '',
    '- name: "Check the change"',
    '  ansible.builtin.assert:',
    '    that:',
    '      - result is changed',
    '',
  ].join('\n');

const collection = (ci: string[]): Tree => {
  const tree: Tree = {
    'galaxy.yml': 'namespace: example\nname: inventory\nversion: 1.0.0\n',
    'tests/unit/test_device.py': 'def test_device():\n    assert True\n',
    'tests/integration/targets/latest/tasks/main.yml': [
      '---',
      '- name: Device tests',
      '  ansible.builtin.include_tasks: device.yml',
      '- name: Site tests',
      '  ansible.builtin.include_tasks: site.yml',
      '',
    ].join('\n'),
    'tests/integration/targets/latest/tasks/device.yml': ASSERTING('device'),
    'tests/integration/targets/latest/tasks/site.yml': ASSERTING('site'),
    'tests/integration/targets/smoke/tasks/main.yml': '---\n- name: Ping the API\n  example.inventory.status: {}\n',
  };
  for (const m of ['device', 'site', 'rack']) tree[`plugins/modules/${m}.py`] = MODULE;
  if (ci.length) tree['.github/workflows/ci.yml'] = githubWorkflow(ci);
  return tree;
};

const ANSIBLE_TEST_CI = [
  'ansible-galaxy collection build .',
  'ansible-test sanity -v --python 3.12',
  'poetry run ansible-test units -vvv --coverage --python 3.12',
  'ansible-test coverage report --all --show-missing',
  'ansible-test integration -v --coverage latest',
];

describe('Ansible collections tested with ansible-test', () => {
  it('integration targets are tests: one case per asserting task file, a self-contained main.yml counts once', async () => {
    const r = await runRuleOn(testsPresent, collection([]), { profile: 'library' });
    const note = r.evidence.map((e) => e.note ?? '').join('\n');
    // device.yml and site.yml assert; latest/main.yml only includes them; smoke/main.yml is the whole target.
    expect(note).toMatch(/Ansible: 3 test cases in 3 files \(ansible-test integration\)/);
    expect(r.message).toMatch(/^4 test cases/);
  });

  it('test-types names the targets as integration tests, not "do not apply to a library"', async () => {
    const r = await runRuleOn(testTypes, collection([]), { profile: 'library' });
    expect(r.message).toMatch(/unit tests and integration tests found/);
    expect(r.message).not.toMatch(/do not apply/);
    expect(r.evidence.some((e) => /ansible-test integration target/.test(e.note ?? ''))).toBe(true);
  });

  it('ansible-test units and integration in CI run the tests, build the collection, sanity lints, --coverage measures', async () => {
    const tree = collection(ANSIBLE_TEST_CI);
    const ci = await runRuleOn(testsInCi, tree, { profile: 'library' });
    expect(ci.outcome).toBe('pass');
    expect(ci.message).toMatch(/ansible-test/);
    const pipeline = await runRuleOn(ciPipeline, tree, { profile: 'library' });
    expect(pipeline.message).toMatch(/builds and runs the tests/);
    const lint = await runRuleOn(linting, tree, { profile: 'library' });
    expect(lint.message).toMatch(/ansible-test sanity/);
    const cov = await runRuleOn(coverageGate, tree, { profile: 'library' });
    expect(cov.outcome).toBe('partial');
    expect(cov.message).toMatch(/measured in CI \(ansible-test --coverage\)/);
  });

  it('a CI that only builds the collection runs no tests and measures no coverage', async () => {
    const tree = collection(['ansible-galaxy collection build .', 'ansible-test env --show']);
    const ci = await runRuleOn(testsInCi, tree, { profile: 'library' });
    expect(ci.outcome).toBe('fail');
    const cov = await runRuleOn(coverageGate, tree, { profile: 'library' });
    expect(cov.outcome).toBe('fail');
  });
});
