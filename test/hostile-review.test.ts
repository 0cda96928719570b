/**
 * Found by a code re-read at the end of the session of 2026-12-07 (hostile input to readers added that
 * session): the Azure Developer CLI's leading-flags pattern backtracked exponentially in the number of
 * flags, the YAML flow-indent repair padded every line by the key's column (lines × columns of output),
 * and an upper-case `Roles/` folder passed one check and failed the next (a thrown fact ends the audit).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../src/facts/commands/tools.js';
import { inventoryControlPlane } from '../src/facts/cluster-inventory.js';
import { memoryIndex } from '../src/testing/memory.js';
import { indentFlowContinuations } from '../src/util/yaml-lines.js';

describe('hostile input to the readers added in the session of 2026-12-07', () => {
  it('reads azd deploy after flags, and a long run of flags without a command ends at once with none', () => {
    expect(classify(['azd', '--no-prompt', '-e', 'prod', 'deploy']).map((t) => t.name)).toContain(
      'Azure Developer CLI',
    );
    expect(classify(['azd', 'env', 'set', 'X', '1']).map((t) => t.name)).not.toContain('Azure Developer CLI');
    expect(classify(['azd', ...Array<string>(40).fill('--a'), 'x']).map((t) => t.name)).not.toContain(
      'Azure Developer CLI',
    );
  });

  it('does not repair a flow collection whose key sits hundreds of columns in', () => {
    const text = `a:\n${' '.repeat(5_000)}b: [\n${'x,\n'.repeat(10_000)}]\n`;
    expect(indentFlowContinuations(text)).toBeUndefined();
    // A manifest-sized key is still repaired.
    expect(indentFlowContinuations('spec:\n  args: [\n  "--a",\n  "--b"]\n')).toBe(
      'spec:\n  args: [\n    "--a",\n    "--b"]\n',
    );
  });

  it('takes the role folder of an installer found in an upper-case Roles/ folder without throwing', () => {
    const tree = {
      'ansible/Roles/k3s/tasks/main.yml': '- name: install k3s\n  shell: curl -sfL https://get.k3s.io | sh -\n',
      'ansible/inventories/prod.yml': 'masters:\n  hosts:\n    a: {}\n    b: {}\n',
    };
    expect(() => inventoryControlPlane(memoryIndex(tree))).not.toThrow();
  });
});
