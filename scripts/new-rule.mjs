#!/usr/bin/env node
/**
 * `npm run new-rule -- <pillar> <id>`: scaffold a rule (after knip's create-new-plugin script):
 * rules/<pillar>/<id>.ts, its test beside it, its entry in the pillar table (imports and rules kept
 * sorted), and a fixture stub fixtures/<pillar>-<id>/ with a line in fixtures/README.md.
 * Refuses an id that exists in any pillar (ids are unique across the catalogue).
 * `--root DIR` scaffolds into another checkout (used by the script's own test).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PILLARS = ['architecture', 'quality', 'observability', 'security', 'reliability', 'operations'];

function die(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = args.indexOf('--root');
if (r !== -1) {
  root = args[r + 1] ?? die('--root needs a directory');
  args.splice(r, 2);
}
const [pillar, id] = args;
if (!pillar || !id || args.length !== 2)
  die('usage: npm run new-rule -- <pillar> <id>   e.g. npm run new-rule -- operations feature-flags');
if (!PILLARS.includes(pillar)) die(`unknown pillar "${pillar}": expected one of ${PILLARS.join(', ')}`);
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) die(`rule id "${id}" must be kebab-case (a-z, 0-9, single hyphens)`);
for (const p of PILLARS) {
  if (existsSync(join(root, 'rules', p, `${id}.ts`)))
    die(`rule ${p}/${id} already exists (rules/${p}/${id}.ts); ids are unique across pillars`);
}
const tablePath = join(root, 'rules', pillar, 'index.ts');
if (!existsSync(tablePath)) die(`no pillar table at rules/${pillar}/index.ts`);

const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase()).replace(/^(\d)/, '_$1');
const title = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const fixture = `${pillar}-${id}`;

// 1. The pillar table: insert the import and the entry, both in id order.
const table = readFileSync(tablePath, 'utf8');
const lines = table.split('\n');
const importRe = /^import (\w+) from '\.\/([a-z0-9-]+)\.js';$/;
const names = new Map();
for (const l of lines) {
  const m = importRe.exec(l);
  if (m) names.set(m[1], m[2]);
}
if (names.has(camel) || [...names.values()].includes(id)) die(`rules/${pillar}/index.ts already registers ${id}`);
const importLine = `import ${camel} from './${id}.js';`;
const imports = lines.map((l, i) => ({ l, i })).filter(({ l }) => importRe.test(l));
const afterImport = imports.find(({ l }) => importRe.exec(l)[2] > id);
if (afterImport) lines.splice(afterImport.i, 0, importLine);
else {
  const last = imports.length ? imports[imports.length - 1].i : lines.findIndex((l) => l.startsWith('import type'));
  lines.splice(last + 1, 0, importLine);
}
// An empty table written on one line (`rules: [],`) is opened up first.
const empty = lines.findIndex((l) => /^\s*rules: \[\],?\s*$/.test(l));
if (empty !== -1) {
  const pad = /^\s*/.exec(lines[empty])[0];
  lines.splice(empty, 1, `${pad}rules: [`, `${pad}],`);
}
const entryRe = /^(\s*)\{ rule: (\w+), weight: [\d.]+ \},\s*$/;
const start = lines.findIndex((l) => /^\s*rules: \[/.test(l));
if (start === -1) die(`cannot find "rules: [" in rules/${pillar}/index.ts`);
let end = start + 1;
while (end < lines.length && !/^\s*\],?\s*$/.test(lines[end])) end++;
let at = end;
let indent = '    ';
for (let i = start + 1; i < end; i++) {
  const m = entryRe.exec(lines[i]);
  if (!m) continue;
  indent = m[1];
  if ((names.get(m[2]) ?? m[2]) > id) {
    at = i;
    break;
  }
}
lines.splice(at, 0, `${indent}{ rule: ${camel}, weight: 3 },`);
writeFileSync(tablePath, lines.join('\n'));

// 2. The rule: a working example to edit (passes when a marker file exists), not a stub that lies.
writeFileSync(
  join(root, 'rules', pillar, `${id}.ts`),
  `import { defineRule } from '../../src/types.js';
import { fail, pass } from '../../src/engine/results.js';

// TODO: replace the example check (a marker file) with the real detection; keep 30–150 lines.
const MARKER = ['**/${id}.md'];

export default defineRule({
  meta: {
    id: '${id}',
    title: '${title} (TODO: what passing means)',
    failureTitle: 'No ${title.toLowerCase()} (TODO: what failing means)',
    description: 'TODO: why this matters for production readiness, in one to three sentences.',
    remediation: 'TODO: what to do, concretely.',
    severity: 'medium',
    effort: 'medium',
    detection: 'TODO: the files, libraries and patterns this rule looks for.',
  },
  check(ctx) {
    const found = ctx.files.match(MARKER);
    if (found.length) return pass(\`Found \${found[0]}.\`, found.slice(0, 5).map((path) => ({ path })));
    return fail('Nothing found.', [{ path: '.', note: \`no file matches \${MARKER.join(', ')}\` }]);
  },
});
`,
);

// 3. The test: one passing and one failing case, as the rule tester requires.
writeFileSync(
  join(root, 'rules', pillar, `${id}.test.ts`),
  `import rule from './${id}.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

// TODO: cover at least three ecosystems if the rule is ecosystem-specific.
ruleTester(rule, {
  valid: [
    { name: 'passes when the marker exists', tree: { 'docs/${id}.md': '# ${title}\\n' }, expect: { outcome: 'pass', evidence: [{ path: 'docs/${id}.md' }] } },
  ],
  invalid: [
    { name: 'fails on an empty repository and says what was searched', tree: { 'README.md': '# x\\n' }, expect: { outcome: 'fail', evidence: [{ path: '.' }] } },
  ],
});
`,
);

// 4. A fixture stub: an inert mini-repo to grow into an end-to-end scenario.
const fixtureDir = join(root, 'fixtures', fixture);
if (!existsSync(fixtureDir)) {
  mkdirSync(join(fixtureDir, 'docs'), { recursive: true });
  writeFileSync(
    join(fixtureDir, 'README.md'),
    `# ${fixture}\n\nFixture for ${pillar}/${id}. TODO: make this mini-repo show the case the rule must recognise.\n`,
  );
  writeFileSync(join(fixtureDir, 'docs', `${id}.md`), `# ${title}\n`);
  const index = join(root, 'fixtures', 'README.md');
  const current = existsSync(index)
    ? readFileSync(index, 'utf8')
    : '# Fixtures\n\nSmall, inert mini-repositories written for the tests.\n\n| fixture | what it shows |\n|---|---|\n';
  writeFileSync(index, `${current.replace(/\n*$/, '\n')}| \`${fixture}\` | ${pillar}/${id}: TODO what it shows |\n`);
}

const created = [
  `rules/${pillar}/${id}.ts`,
  `rules/${pillar}/${id}.test.ts`,
  `rules/${pillar}/index.ts (weight 3)`,
  `fixtures/${fixture}/`,
];
process.stdout.write(
  `Created ${pillar}/${id}:\n${created.map((c) => `  ${c}`).join('\n')}\nNext: write the detection, then npx vitest run rules/${pillar}/${id}.test.ts\n`,
);
