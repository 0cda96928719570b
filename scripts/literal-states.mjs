// Which patterns make the literal automaton's states (src/scan/literals.ts): per pattern (its key),
// how many states its strings add, i.e. the automaton's states with every pattern less its states
// without that pattern's strings (a string another pattern also asks for, or a prefix of one, is
// not counted). A state is a distinct prefix of a folded ASCII literal, so this is counted on the
// prefixes; the total is checked against the built automaton. Also: states by depth, and with
// --visits the states a scan of TREE's texts enters, by depth.
//
// Usage: npm run build && node scripts/literal-states.mjs TREE [--top N] [--visits]
import { cpuMs, scanTexts, treeArgs } from './lib/scan-texts.mjs';

const { args, opt, root } = treeArgs('node scripts/literal-states.mjs TREE [--top N] [--visits]');
const top = Number(opt('--top', 30));
const { groups, items } = await scanTexts(root);
const all = groups.flatMap((g) => g.patterns);
const set = all.find((c) => c.literalSet)?.literalSet;
if (!set) throw new Error('no automaton');
const lits = set.tables().lits;
const inTrie = (id) => lits[id].text.length > 0 && !/[^\x00-\x7f]/.test(lits[id].text);

// Per pattern: its literal ids (the rule's own literals and its alternatives' needed strings).
const idsOf = (c) => new Set([...(c.literalIds ?? []), ...(c.alts ?? []).flatMap((a) => a.needs.flat())]);
// Per prefix: the patterns whose strings have it.
const owners = new Map();
const patternsOf = new Map();
for (const c of all) {
  const mine = new Set();
  for (const id of idsOf(c)) {
    if (!inTrie(id)) continue;
    const t = lits[id].text.toLowerCase();
    for (let i = 1; i <= t.length; i++) mine.add(t.slice(0, i));
  }
  patternsOf.set(c.key, { mine, ids: idsOf(c) });
  for (const p of mine) owners.set(p, (owners.get(p) ?? 0) + 1);
}
const states = owners.size + 1;
const built = set.tables().outStart.length - 1;
console.log(`${all.length} patterns, ${lits.length} literals, ${states} states (built automaton: ${built})`);
const byDepth = new Map();
for (const p of owners.keys()) byDepth.set(p.length, (byDepth.get(p.length) ?? 0) + 1);
console.log(
  `states by depth: ${[...byDepth]
    .sort((a, b) => a[0] - b[0])
    .map(([d, n]) => `${d}:${n}`)
    .join(' ')}`,
);

const rows = [...patternsOf].map(([key, { mine, ids }]) => {
  let own = 0;
  for (const p of mine) if (owners.get(p) === 1) own++;
  const long = [...ids].filter((id) => inTrie(id) && lits[id].text.length > 6).length;
  return { key, literals: ids.size, long, states: mine.size, own };
});
rows.sort((a, b) => b.own - a.own);
console.log('');
console.log('| pattern | literals | of them > 6 characters | states on its strings | states only it adds |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows.slice(0, top)) console.log(`| ${r.key} | ${r.literals} | ${r.long} | ${r.states} | ${r.own} |`);
const topOwn = rows.slice(0, top).reduce((n, r) => n + r.own, 0);
console.log(`top ${top}: ${topOwn} of ${states} states (${((100 * topOwn) / states).toFixed(1)} %)`);

if (args.includes('--visits')) {
  // The states a scan enters, by depth (each state's depth from its breadth-first number).
  const t = set.tables();
  const K = t.classes;
  const n = t.outStart.length - 1;
  const depth = new Int32Array(n);
  // Breadth-first numbering: depth from the trie (a state's shortest path from the root).
  const queue = [0];
  const seen = new Uint8Array(n);
  seen[0] = 1;
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    for (let k = 0; k < K; k++) {
      let e = t.table[s * K + k];
      e = e < 0 ? ~e : e / K;
      if (!seen[e]) (seen[e] = 1), (depth[e] = depth[s] + 1), queue.push(e);
    }
  }
  const visits = new Float64Array(64);
  const distinct = new Float64Array(64);
  const mark = new Int32Array(n);
  let f = 0;
  const t0 = cpuMs();
  for (const [, text] of items) {
    f++;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? t.classOf[c] : 0;
      const e = t.table[s + k];
      const st = e < 0 ? ~e : e / K;
      s = st * K;
      visits[depth[st]]++;
      if (mark[st] !== f) (mark[st] = f), distinct[depth[st]]++;
    }
  }
  console.log(`\nvisits by depth over ${items.length} texts (${(cpuMs() - t0).toFixed(0)} ms):`);
  for (let d = 0; d < 64; d++)
    if (visits[d])
      console.log(
        `  depth ${d}: ${visits[d]} visits, ${(distinct[d] / items.length).toFixed(1)} distinct states a text`,
      );
}
