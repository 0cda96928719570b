#!/usr/bin/env node
// Measures `readiness verify` against hand-graded (document, repository) pairs (docs/verify-accuracy.md).
// The gold files are kept outside the repository (they quote fetched documents); each is
//   {repo, commit, document, claims: [{line, quote, kind, verdict, …}], nonClaims: [{line, quote, why}]}.
//
//   node scripts/verify-eval.mjs --gold /work/verify-eval --round 1 [--checkouts /tmp/eval] [--bin bin/readiness.js] [--list]
//
// Per pair and in total it prints: extraction recall (gold claims whose line verify extracted a claim
// from), verdict agreement (matched claims with the gold verdict), contradictions found (gold
// contradictions verify calls contradicted), wrong confirmations (verify confirmations the gold does not
// confirm, including confirmations on lines that are not claims), extractions on non-claim lines and
// coverage (gold claims a reader settles on whose line verify reached a verdict, right or wrong).
// Checkouts are cloned from the search tool's mirror (/work/.mirror/OWNER+NAME/repo) when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const goldDir = resolve(arg('gold', '/work/verify-eval'));
const round = arg('round', '1');
const checkouts = resolve(arg('checkouts', '/tmp/eval'));
const bin = resolve(arg('bin', join(import.meta.dirname, '..', 'bin', 'readiness.js')));
const only = arg('only', '');
const outJson = arg('json', '');
// --list: print every matched claim whose verdict differs from the gold, and every gold claim not found.
const list = process.argv.includes('--list');

const pairs = JSON.parse(readFileSync(join(goldDir, 'pairs.json'), 'utf8')).filter(
  (p) => (round === 'all' || String(p.round) === round) && (!only || p.repo.includes(only)),
);

function checkout(p) {
  const dir = join(checkouts, `${p.repo.replace('/', '__')}@${p.commit.slice(0, 10)}`);
  if (existsSync(join(dir, '.git'))) return dir;
  const mirror = `/work/.mirror/${p.repo.replace('/', '+')}/repo`;
  if (!existsSync(mirror)) throw new Error(`${p.repo}: not fetched (use the search tool's fetch github:${p.repo})`);
  mkdirSync(checkouts, { recursive: true });
  execFileSync('git', ['clone', '-q', '--no-checkout', mirror, dir]);
  const co = spawnSync('git', ['-C', dir, 'checkout', '-q', p.commit], { encoding: 'utf8' });
  if (co.status !== 0) {
    // Snapshots may lack large binary blobs: leave out whatever cannot be checked out.
    const missing = [...co.stderr.matchAll(/unable to read sha1 file of (\S+)|path '([^']+)'/g)].map(
      (m) => m[1] ?? m[2],
    );
    execFileSync('git', ['-C', dir, 'sparse-checkout', 'set', '--no-cone', '/*', ...missing.map((m) => `!/${m}`)]);
    execFileSync('git', ['-C', dir, 'checkout', '-q', p.commit]);
  }
  return dir;
}

const confirmed = (v) => v === 'confirmed' || v === 'partially-confirmed';
const total = {
  gold: 0,
  matched: 0,
  agree: 0,
  contra: 0,
  contraFound: 0,
  confirms: 0,
  wrongConfirms: 0,
  nonClaims: 0,
  nonClaimHits: 0,
  settled: 0,
  decided: 0,
};
const rows = [];
const confusion = {};
for (const p of pairs) {
  const gold = JSON.parse(readFileSync(join(goldDir, p.gold), 'utf8'));
  const dir = checkout(p);
  const r = spawnSync('node', [bin, 'verify', join(dir, p.document), dir, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (r.status !== 0 && r.status !== 1) {
    console.error(`${p.repo}: verify exited ${r.status}: ${r.stderr.trim()}`);
    continue;
  }
  const result = JSON.parse(r.stdout);
  // The grader read the first 150 lines: claims further down are neither right nor wrong here.
  result.claims = result.claims.filter((c) => c.line <= 150);
  const byLine = new Map();
  for (const c of result.claims) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  const used = new Set();
  const s = {
    gold: gold.claims.length,
    matched: 0,
    agree: 0,
    contra: 0,
    contraFound: 0,
    confirms: 0,
    wrongConfirms: 0,
    nonClaims: gold.nonClaims.length,
    nonClaimHits: 0,
    // Coverage: of the gold claims a reader settles (any verdict but unverifiable), those on whose
    // line verify reached a verdict too (right or wrong) — how much of what is checkable it checks.
    settled: 0,
    decided: 0,
  };
  const goldLines = new Set(gold.claims.map((c) => c.line));
  for (const g of gold.claims) {
    const cands = (byLine.get(g.line) ?? []).filter((c) => !used.has(c));
    // Several claims on one line (a table row): prefer the one whose text holds the gold quote.
    const quote = g.quote.toLowerCase().replace(/\s+/g, ' ');
    const hit = cands.find((c) => c.text.toLowerCase().replace(/\s+/g, ' ').includes(quote.slice(0, 24))) ?? cands[0];
    if (g.verdict === 'contradicted') s.contra++;
    if (g.verdict !== 'unverifiable') s.settled++;
    if (hit && g.verdict !== 'unverifiable' && hit.verdict !== 'unverifiable') s.decided++;
    if (!hit) {
      if (list) console.log(`${p.repo}:${g.line} MISSED gold=${g.verdict}\n   gold: ${g.quote}\n   why:  ${g.reason}`);
      continue;
    }
    used.add(hit);
    if (list && hit.verdict !== g.verdict)
      console.log(
        `${p.repo}:${g.line} ${g.verdict} → ${hit.verdict} [${hit.basis}${hit.rule ? ` ${hit.rule}` : ''}]\n   gold: ${g.quote}\n   why:  ${g.reason}\n   text: ${hit.text}\n   said: ${hit.reason}`,
      );
    s.matched++;
    if (hit.verdict === g.verdict) s.agree++;
    confusion[`${g.verdict} → ${hit.verdict}`] = (confusion[`${g.verdict} → ${hit.verdict}`] ?? 0) + 1;
    if (g.verdict === 'contradicted' && hit.verdict === 'contradicted') s.contraFound++;
    if (confirmed(hit.verdict)) {
      s.confirms++;
      if (!confirmed(g.verdict)) s.wrongConfirms++;
    }
  }
  for (const c of result.claims) {
    if (used.has(c)) continue;
    if (confirmed(c.verdict)) {
      s.confirms++;
      // A confirmation on a line the grader called no claim (or did not list) confirms nothing real.
      if (!goldLines.has(c.line)) {
        s.wrongConfirms++;
        if (list)
          console.log(`${p.repo}:${c.line} NOT A CLAIM → ${c.verdict}\n   text: ${c.text}\n   said: ${c.reason}`);
      }
    }
  }
  const nonLines = new Set(gold.nonClaims.map((n) => n.line));
  s.nonClaimHits = result.claims.filter((c) => nonLines.has(c.line) && !goldLines.has(c.line)).length;
  for (const k of Object.keys(total)) total[k] += s[k];
  rows.push({ repo: p.repo, commit: p.commit.slice(0, 10), document: p.document, language: p.language, ...s });
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const ratio = (a, b) => (b ? (a / b).toFixed(2) : '—');
console.log(
  '| pair | lang | gold claims | recall | agreement | contradictions found | wrong confirmations | non-claim lines extracted | coverage (decided / gold-settled) |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const s of [...rows, { repo: 'all', commit: '', language: '', ...total }]) {
  console.log(
    `| ${s.repo}${s.commit ? ` @ ${s.commit}` : ''} | ${s.language} | ${s.gold} | ${ratio(s.matched, s.gold)} | ${ratio(s.agree, s.matched)} | ${s.contraFound}/${s.contra} (${ratio(s.contraFound, s.contra)}) | ${s.wrongConfirms}/${s.confirms} (${pct(s.wrongConfirms, s.confirms)}) | ${s.nonClaimHits}/${s.nonClaims} | ${s.decided}/${s.settled} (${ratio(s.decided, s.settled)}) |`,
  );
}
console.log('\nconfusion (gold → verify), matched claims:');
for (const [k, v] of Object.entries(confusion).sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(v).padStart(4)}  ${k}`);
if (outJson) writeFileSync(outJson, JSON.stringify({ rows, total, confusion }, null, 2));
