/**
 * Molecule scenarios: the tests of Ansible roles and collections. `molecule test -s <name>` runs a
 * scenario (a folder under molecule/ with its molecule.yml): it creates instances with the
 * scenario's driver (Docker or Podman containers, Vagrant or cloud machines), converges the roles on
 * them, checks idempotence and runs the verifier (verify.yml assertions, Testinfra, InSpec). Each
 * scenario is one test case, an integration test against real instances. Newer collections keep
 * them under extensions/molecule/.
 */
import { counter } from './types.js';
import { lineAt } from '../../util/lines.js';

export const MOLECULE_GLOBS = ['**/molecule/*/molecule.yml', '**/molecule/*/molecule.yaml'];

/** A scenario's molecule.yml, by its place. */
export const MOLECULE_FILE = /(^|\/)molecule\/[^/]+\/molecule\.ya?ml$/;

/** The scenario's driver (`driver:\n  name: docker`), for the evidence; read line by line, bounded. */
export function moleculeDriver(text: string): string | undefined {
  let inDriver = false;
  let start = 0;
  for (let n = 0; start <= text.length && n < 400; n++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length + 1 : end + 1;
    if (/^driver[ \t]*:/.test(line)) inDriver = true;
    else if (/^\S/.test(line)) inDriver = false;
    else if (inDriver) {
      const m = /^[ \t]+name[ \t]*:[ \t]*["']?([\w.-]+)/.exec(line);
      if (m) return m[1];
    }
  }
  return undefined;
}

export function countMolecule(text: string) {
  const count = counter();
  // Cited at its driver (what the instances are), else at the top.
  const driver = text.startsWith('driver') ? 0 : text.indexOf('\ndriver');
  count.add({ line: driver < 0 ? 1 : lineAt(text, driver === 0 ? 0 : driver + 1) });
  return { ...count.result(), framework: 'Molecule' };
}

/**
 * ansible-test integration targets: `tests/integration/targets/<target>/tasks/*.yml`, the tests a
 * collection runs with `ansible-test integration <target>` against a real host or service. Counted
 * honestly as one test case per task file that checks something (an `assert:` task, or a
 * `failed_when:` condition) — not per task, since a file is the test of one module or feature — and
 * a target's main.yml that includes no other task file, since then it is the whole target (it
 * passes only when every task runs). A main.yml that only includes the others counts nothing.
 */
export const ANSIBLE_TARGET_GLOBS = [
  '**/tests/integration/targets/*/tasks/*.yml',
  '**/tests/integration/targets/*/tasks/*.yaml',
];
export const ANSIBLE_TARGET_FILE = /(^|\/)tests\/integration\/targets\/[^/]+\/tasks\/[^/]+\.ya?ml$/;

/** One case per task file that asserts (or a main.yml that is the whole target); read line by line, bounded. */
export function countAnsibleTarget(text: string, path: string) {
  const count = counter();
  let assertAt = 0;
  let includes = false;
  let start = 0;
  for (let n = 1; start <= text.length && n <= 20_000; n++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length + 1 : end + 1;
    if (!assertAt && /^[ \t]*(?:-[ \t]+)?(?:(?:ansible\.builtin\.)?assert|failed_when)[ \t]*:/.test(line)) assertAt = n;
    if (/^[ \t]*(?:-[ \t]+)?(?:ansible\.builtin\.)?(?:include_tasks|import_tasks|include)[ \t]*:/.test(line))
      includes = true;
    if (assertAt && includes) break;
  }
  if (assertAt) count.add({ line: assertAt });
  else if (/(^|\/)main\.ya?ml$/.test(path) && !includes && /\S/.test(text)) count.add({ line: 1 });
  return { ...count.result(), framework: 'ansible-test integration' };
}
