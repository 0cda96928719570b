import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { fromMatch, isTestPath } from '../../src/facts/paths.js';

const DOC_GLOBS = [
  '**/ARCHITECTURE*.{md,rst,adoc,txt}',
  '**/architecture*.{md,rst,adoc}',
  '**/docs/architecture/**/*.{md,rst,adoc}',
  '**/doc/architecture/**/*.{md,rst,adoc}',
  '**/DESIGN.md',
  '**/docs/design/**/*.{md,rst,adoc}',
];
const ADR_GLOBS = [
  '**/adr/**/*.{md,rst,adoc}',
  '**/adrs/**/*.{md,rst,adoc}',
  '**/docs/decisions/**/*.{md,rst,adoc}',
  '**/doc/decisions/**/*.{md,rst,adoc}',
  '**/architecture/decisions/**/*.{md,rst,adoc}',
  '**/decision-records/**/*.{md,rst,adoc}',
  // Any folder named for decision records: architecture-decision-log/, adr-log/, design-decisions/.
  '**/*decision-{log,logs,records,record}/**/*.{md,rst,adoc}',
  '**/*-decisions/**/*.{md,rst,adoc}',
  '**/rfcs/**/*.md',
];
const DIAGRAM_GLOBS = [
  '**/*.{puml,plantuml,iuml,pu}',
  '**/*.{mmd,mermaid}',
  '**/*.dsl',
  '**/*.c4',
  '**/*.drawio',
  '**/*.d2',
  '**/*architecture*.{png,svg,jpg,jpeg}',
  '**/*-arch.{png,svg}',
];

export default defineRule({
  meta: {
    id: 'architecture-docs',
    title: 'The design is written down',
    failureTitle: 'No architecture documentation',
    description:
      'An architecture overview and a record of the decisions behind it let new engineers and reviewers understand why the system is shaped as it is, and stop the same debates from recurring.',
    remediation:
      'Add an ARCHITECTURE.md (components, data flow, dependencies, deployment) and record significant decisions as ADRs in docs/adr/ (e.g. with adr-tools or MADR); keep diagrams as code (Mermaid, PlantUML, Structurizr).',
    severity: 'low',
    effort: 'medium',
    detection:
      'Pass: ARCHITECTURE.md or docs/architecture*, DESIGN.md/docs/design, or an ADR folder (adr/, adrs/, docs/decisions/, architecture/decisions/, .adr-dir). Partial: only diagrams as code (*.puml, *.mmd, Structurizr *.dsl, *.drawio, *.d2, Mermaid blocks in Markdown, images named *architecture*) or an Architecture section in the README.',
    patterns: {
      mermaid: { regex: /^[ \t]*```\s*mermaid\b/m, files: ['**/*.md'], literals: ['mermaid'], maxPerFile: 1 },
      readmeSection: {
        regex: /^#{1,4}\s+.*\b(architecture|design|how it works|components)\b/im,
        files: ['README*', '**/README*.md'],
        literals: ['rchitecture', 'esign', 'ow it works', 'omponents'],
        ignoreCase: true,
        maxPerFile: 1,
      },
    },
  },
  check(ctx) {
    const keep = (p: string) => !isTestPath(p);
    const docs = ctx.files.match(DOC_GLOBS).filter(keep);
    const adrDirFile = ctx.files.named('.adr-dir');
    const adrs = ctx.files.match(ADR_GLOBS).filter((p) => keep(p) && !/(^|\/)(readme|index|template)[^/]*$/i.test(p));
    const diagrams = ctx.files.match(DIAGRAM_GLOBS).filter(keep);
    const mermaid = ctx.matches('mermaid').filter((m) => keep(m.path));
    const found: string[] = [];
    const evidence: Evidence[] = [];
    if (docs.length) {
      found.push('architecture document');
      evidence.push(...docs.slice(0, 3).map((p) => ({ path: p, note: 'architecture document' })));
    }
    if (adrs.length || adrDirFile.length) {
      found.push(`${adrs.length} architecture decision record(s)`);
      evidence.push(
        ...[...adrDirFile, ...adrs].slice(0, 3).map((p) => ({ path: p, note: `ADR (${adrs.length} in total)` })),
      );
    }
    if (diagrams.length || mermaid.length) {
      found.push('diagrams as code');
      evidence.push(
        ...diagrams.slice(0, 2).map((p) => ({ path: p, note: 'diagram as code' })),
        ...mermaid.slice(0, 2).map((m) => fromMatch(m, 'Mermaid diagram')),
      );
    }
    const data = { documents: docs.length, adrs: adrs.length, diagrams: diagrams.length + mermaid.length };
    if (docs.length || adrs.length || adrDirFile.length) {
      const missing = [docs.length ? '' : 'no architecture overview', adrs.length ? '' : 'no decision records'].filter(
        Boolean,
      );
      return pass(
        `Design written down: ${listing(found)}${missing.length ? ` (${listing(missing)})` : ''}.`,
        evidence,
        data,
      );
    }
    const section = ctx.matches('readmeSection').filter((m) => keep(m.path));
    if (evidence.length || section.length) {
      evidence.push(...section.slice(0, 2).map((m) => fromMatch(m, 'architecture section in a README')));
      return partial(
        0.5,
        `Only ${listing([...found, ...(section.length ? ['a README section'] : [])])}; no architecture document or decision records.`,
        evidence,
        data,
      );
    }
    return fail(
      'No architecture document, ADRs or diagrams found.',
      [
        {
          path: '.',
          note: 'no ARCHITECTURE.md, docs/architecture*, DESIGN.md, docs/adr/, docs/decisions/, *.puml, *.mmd, *.dsl or Mermaid block in Markdown',
        },
      ],
      data,
    );
  },
});
