import { defineRule } from '../../src/types.js';
import { fail, pass } from '../../src/engine/results.js';
import { basename } from '../../src/walk/glob.js';

/** GitHub reads SECURITY.md from the root, `.github/` or `docs/`; security.txt is the web's equivalent (RFC 9116). */
const DIRS = ['', '.github/', 'docs/'];
const NAME = /^security(\.(md|markdown|rst|txt|adoc))?$/i;

export default defineRule({
  meta: {
    id: 'security-policy',
    scope: 'repository',
    title: 'A vulnerability disclosure policy exists',
    failureTitle: 'No security policy',
    description:
      'A security policy tells researchers how to report a vulnerability privately and what to expect. Without one, reports arrive as public issues, or not at all.',
    remediation:
      'Add SECURITY.md at the root (or in .github/ or docs/) saying which versions are supported, how to report a vulnerability privately (an address or GitHub private vulnerability reporting) and how quickly you respond.',
    severity: 'low',
    effort: 'low',
    reads: [
      '{SECURITY,security,Security}.{md,markdown,txt,rst}',
      '{.github,docs}/{SECURITY,security,Security}.{md,markdown,txt,rst}',
    ],
    detection:
      '`SECURITY.md` (any case, .md/.rst/.txt/.adoc) at the root, in `.github/` or in `docs/`; `.well-known/security.txt`.',
  },
  check({ files }) {
    const found = files.paths.filter((p) => {
      const dir = p.slice(0, p.length - basename(p).length);
      return (DIRS.includes(dir) && NAME.test(basename(p))) || /(^|\/)\.well-known\/security\.txt$/.test(p);
    });
    if (found.length > 0) {
      // An empty file states nothing; say so rather than pass on a name.
      const real = found.filter((p) => (files.read(p) ?? '').trim().length > 0);
      if (real.length > 0)
        return pass(
          `Security policy in ${real.join(', ')}.`,
          real.map((p) => ({ path: p, line: 1, note: 'vulnerability disclosure policy' })),
        );
      return fail(
        `${found.join(', ')} exists but is empty.`,
        found.map((p) => ({ path: p, note: 'empty security policy' })),
      );
    }
    return fail('No SECURITY.md found.', [
      { path: '.', note: 'no SECURITY.md at the root, in .github/ or in docs/, and no .well-known/security.txt' },
    ]);
  },
});
