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
