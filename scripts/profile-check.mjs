// The profile regression check: the right profile of every repository a blind reviewer judged (the
// totals tables of docs/accuracy/roundNN.md, "profile (tool / right?)"), against what a build says
// now on a checkout of it. A wrong profile turns a third to two thirds of a round's verdicts wrong,
// so a change to the profile facts is run against every reviewed repository, not only the new one.
//
// Usage: npm run build && node scripts/profile-check.mjs --checkouts DIR [--rounds 44-51] [--bin bin/readiness.js]
// DIR holds the checkouts as DIR/accNN/NAME (the layout the rounds use); missing ones are listed, not failed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const checkouts = opt('--checkouts');
if (!checkouts) {
  console.error('usage: node scripts/profile-check.mjs --checkouts DIR [--rounds 44-51] [--bin bin/readiness.js]');
  process.exit(2);
}
const [from, to] = opt('--rounds', '44-51').split('-').map(Number);
const bin = opt('--bin', 'bin/readiness.js');
const PROFILES = ['service', 'library', 'cli', 'infrastructure', 'docs'];

/** [round, repository name, right profile] from one round's summary tables. */
function reviewed(round) {
  const path = join('docs', 'accuracy', `round${round}.md`);
  if (!existsSync(path)) return [];
  const out = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cells = line
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    const repo = /^([\w.-]+)\/([\w.-]+)/.exec(cells[0] ?? '');
    const said = /^(\w+)/.exec(cells[2] ?? '');
    if (!repo || !said || !PROFILES.includes(said[1])) continue;
    let right = said[1];
    if (/\/\s*\**wrong/i.test(cells[2])) {
      const named = /\b(service|library|cli|infrastructure|docs)\b/.exec(cells[2].split('/').slice(1).join('/'));
      right = named ? named[1] : '?';
    }
    out.push([round, repo[2], right]);
  }
  return out;
}

let differ = 0;
let checked = 0;
for (let round = from; round <= to; round++) {
  for (const [r, name, right] of reviewed(round)) {
    const dir = join(checkouts, `acc${r}`, name);
    if (!existsSync(dir)) {
      console.log(`${r} ${name.padEnd(40)} missing checkout ${dir}`);
      continue;
    }
    let now;
    try {
      const json = execFileSync('node', [bin, 'audit', dir, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      now = JSON.parse(json).repository.profile.id;
    } catch (err) {
      // Exit 1 is a failed gate with a report on stdout.
      try {
        now = JSON.parse(err.stdout).repository.profile.id;
      } catch {
        now = `error (exit ${err.status})`;
      }
    }
    checked++;
    const wrong = now !== right;
    if (wrong) differ++;
    console.log(`${r} ${name.padEnd(40)} right=${right.padEnd(15)} now=${now}${wrong ? '  <-- DIFFERS' : ''}`);
  }
}
console.log(`differ ${differ} of ${checked}`);
process.exitCode = differ ? 1 : 0;
