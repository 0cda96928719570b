// The literal pre-filter's engine against V8's own regex engine (issue 17: "built-in regexes with
// literal prefilters, one alternation per group, unless the automaton wins"). Reads every file the
// scan would read (as scripts/profile-patterns.mjs does), then times, in CPU ms (best of 3):
//   automaton   LiteralSet.scan over every text (what the scan runs: one pass, every literal);
//   per shape   one alternation per kind of file (the literals its patterns need, escaped, longest
//               first, flag i) run with `test` to the end: a LOWER bound for a regex pre-filter, since
//               it resumes after each hit and so cannot tell every literal present (overlaps, prefixes);
//   exact       the same, restarting one character after each hit (every literal start is seen);
//   one regex   a single alternation of every literal over every text.
// Usage: npm run build && node scripts/literal-engines.mjs TREE
import { best, scanTexts } from './lib/scan-texts.mjs';

const [root] = process.argv.slice(2);
const { groups, items } = await scanTexts(root);
const byShape = new Map();
let chars = 0;
let count = 0;
for (const [, text, compiled] of items) {
  if (!byShape.has(compiled)) byShape.set(compiled, []);
  byShape.get(compiled).push(text);
  chars += text.length;
  count++;
}
const set = groups.flatMap((g) => g.patterns).find((c) => c.literalSet)?.literalSet;
if (!set) throw new Error('no automaton: nothing to compare');
const { lits, table, classes } = set.tables();
const inAutomaton = (l) => l.text.length > 0 && !/[^\x00-\x7f]/.test(l.text);
const escapeRegex = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const alternation = (ls) =>
  new RegExp(
    [...new Set(ls.filter(inAutomaton).map((l) => l.text.toLowerCase()))]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|'),
    'gi',
  );
const shapeRegex = new Map();
for (const compiled of byShape.keys()) {
  const ids = new Set();
  for (const c of compiled) {
    for (const id of c.literalIds ?? []) ids.add(id);
    for (const a of c.alts ?? []) for (const need of a.needs) for (const id of need) ids.add(id);
  }
  shapeRegex.set(compiled, alternation([...ids].map((id) => lits[id])));
}
const everyLiteral = alternation(lits);

let hits = 0;
const perShape = (restart) => () => {
  hits = 0;
  for (const [compiled, texts] of byShape) {
    const re = shapeRegex.get(compiled);
    for (const t of texts) {
      re.lastIndex = 0;
      if (restart) {
        for (let m = re.exec(t); m !== null; m = re.exec(t)) {
          hits++;
          re.lastIndex = m.index + 1;
        }
      } else while (re.test(t)) hits++;
    }
  }
};
const rows = [
  ['automaton (LiteralSet.scan)', () => byShape.forEach((texts) => texts.forEach((t) => set.scan(t)))],
  ['per shape, to the end (lower bound)', perShape(false)],
  ['per shape, exact (restart at hit + 1)', perShape(true)],
  [
    'one alternation of every literal',
    () =>
      byShape.forEach((texts) =>
        texts.forEach((t) => {
          everyLiteral.lastIndex = 0;
          while (everyLiteral.test(t));
        }),
      ),
  ],
];
console.log(
  `${count} files, ${(chars / 1e6).toFixed(1)} M characters, ${lits.length} literals ` +
    `(${table.length / classes} automaton states), ${byShape.size} kinds of file`,
);
for (const [name, f] of rows) {
  const ms = best(f);
  console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}${name.startsWith('per shape') ? `  (${hits} hits)` : ''}`);
}
