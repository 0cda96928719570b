import { defineRule, type Evidence } from '../../src/engine/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';

const SECTIONS: { name: string; heading: RegExp }[] = [
  { name: 'installation', heading: /install|setup|set up|getting started|quick ?start|requirements|prerequisites/i },
  { name: 'usage', heading: /usage|how to use|examples?|running|run |run$|getting started|quick ?start|api|configuration|cli/i },
  { name: 'development', heading: /develop|contribut|build|test|local|deploy/i },
];

export default defineRule({
  meta: {
    id: 'readme',
    title: 'A README explains what it is and how to run it',
    failureTitle: 'No useful README',
    description: 'The README is the first thing a new engineer, an on-call responder or an auditor reads: it should say what the project is, how to install it, how to run it and how to work on it.',
    remediation: 'Write a README.md at the root with a one-paragraph description and sections for installation, usage (how to run it) and development (build, test, contribute).',
    severity: 'medium',
    effort: 'low',
    detection: 'README.md/.rst/.txt/.adoc at the root; headings for installation, usage and development; a stub (fewer than 10 lines of text or no such sections) earns partial credit.',
  },
  check({ files }) {
    const readme = files.paths.find((p) => /^readme(\.(md|markdown|rst|txt|adoc|org))?$/i.test(p));
    if (!readme) return fail('No README at the repository root.', [{ path: '.', note: 'no README.md, README.rst, README.txt or README.adoc at the root' }]);
    const text = files.read(readme) ?? '';
    const lines = text.split(/\r?\n/);
    const headings: { text: string; line: number }[] = [];
    lines.forEach((l, i) => {
      const md = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(l);
      if (md) headings.push({ text: md[1]!, line: i + 1 });
      // reStructuredText / setext headings: a line underlined with = - ~ ^
      else if (i > 0 && /^([=\-~^*+#])\1{2,}\s*$/.test(l) && lines[i - 1]!.trim() && !/^([=\-~^*+#])\1+\s*$/.test(lines[i - 1]!)) headings.push({ text: lines[i - 1]!.trim(), line: i });
    });
    const contentLines = lines.filter((l) => l.trim() && !/^\s*([=\-~^*+#]){3,}\s*$/.test(l)).length;
    const found = SECTIONS.map((s) => ({ ...s, at: headings.find((h) => s.heading.test(h.text)) }));
    const evidence: Evidence[] = [{ path: readme, line: 1, snippet: (lines.find((l) => l.trim()) ?? '').trim().slice(0, 160), note: `${contentLines} lines of text, ${headings.length} headings` }];
    for (const f of found) if (f.at) evidence.push({ path: readme, line: f.at.line, snippet: f.at.text.slice(0, 160), note: `${f.name} section` });
    const have = found.filter((f) => f.at).map((f) => f.name);
    const missing = found.filter((f) => !f.at).map((f) => f.name);
    const data = { path: readme, lines: contentLines, headings: headings.length, sections: have };
    if (contentLines < 10) return partial(0.3, `${readme} is a stub (${contentLines} lines of text).`, evidence, data);
    if (missing.length === 0) return pass(`${readme} covers installation, usage and development.`, evidence, data);
    // Installation and usage matter most to a reader; development notes less.
    const score = 0.4 + (have.includes('installation') ? 0.25 : 0) + (have.includes('usage') ? 0.25 : 0) + (have.includes('development') ? 0.1 : 0);
    return partial(score, `${readme} has no ${listing(missing)} section.`, evidence, data);
  },
});
