/**
 * Negatives and states a reader checks in one place: "Requirements pinned" (every requirement
 * pinned with ==, or not), "Commit-msg hook (conventional commits)" (a hook of that stage configured,
 * where a commented-out entry is absent), and "No tests for repositories" / "Tests für A, B fehlen"
 * (a test file of each component named, which the line says is missing). Each decides with the file
 * and line it rests on; what it cannot see (a lock file beside the requirements, a component no file
 * is named for) leaves the claim open.
 */
import { testInventory } from '../facts/tests/inventory.js';
import { isTestPath } from '../facts/paths.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import type { VerifiedClaim, Verdict } from './schema.js';
import { plain } from './status.js';

type Evidence = VerifiedClaim['evidence'][number];
export interface StateVerdict {
  basis: string;
  verdict: Verdict;
  reason: string;
  evidence: Evidence[];
}

const SKIP = /(?:^|\/)(?:node_modules|vendor|\.venv|venv|site-packages|third_party|fixtures|testdata)\//;

/** "Requirements pinned", "Dependencies pinned", "Pinned requirements". */
const PINNED =
  /^(?:(?:all |python )?(?:requirements|dependencies|deps|package versions|versions)(?: are| (?:are )?all)? (?:pinned|fixed|locked)(?: to exact versions)?|pinned (?:requirements|dependencies|versions))$/i;
const PY_LOCK =
  /(?:^|\/)(?:poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|requirements[\w.-]*\.lock|constraints[\w.-]*\.txt)$/i;

function pinned(ctx: LookupContext, done: boolean): StateVerdict | null {
  const reqs = ctx.files.paths.filter((p) => /(?:^|\/)requirements[\w.-]*\.txt$/i.test(p) && !SKIP.test(p));
  if (!reqs.length || ctx.files.paths.some((p) => PY_LOCK.test(p) && !SKIP.test(p))) return null;
  const loose: Evidence[] = [];
  const exact: Evidence[] = [];
  for (const path of reqs.slice(0, 20)) {
    (fileText(ctx, path) ?? '').split('\n').forEach((raw, i) => {
      const hash = raw.search(/\s#/);
      const l = (hash < 0 ? raw : raw.slice(0, hash)).trim();
      if (!l || /^[#-]/.test(l) || /^(?:git\+|https?:|\.|\/)/.test(l)) return;
      if (!/^[A-Za-z0-9][\w.-]*(?:\[[^\]]*\])?\s*(?:[=<>!~]=?|$|;)/.test(l)) return;
      (/===?\s*[\w.*]+\s*(?:;|$)/.test(l) && !/[<>~!]/.test(l.replace(/===?/, '')) ? exact : loose).push({
        path,
        line: i + 1,
        snippet: raw.trim().slice(0, 120),
      });
    });
  }
  if (!loose.length && !exact.length) return null;
  const where = `${reqs.slice(0, 3).join(', ')}`;
  if (!loose.length)
    return {
      basis: 'dependency',
      verdict: done ? 'confirmed' : 'contradicted',
      reason: `${done ? 'found' : 'the document says they are not pinned, but'}: all ${exact.length} requirements of ${where} are pinned with ==`,
      evidence: exact.slice(0, 3),
    };
  if (!exact.length)
    return {
      basis: 'dependency',
      verdict: done ? 'contradicted' : 'confirmed',
      reason: `${done ? 'the document says done, but' : 'as the document says:'} none of the ${loose.length} requirements of ${where} is pinned (${loose[0]!.snippet}), and there is no lock file`,
      evidence: loose.slice(0, 3),
    };
  return {
    basis: 'dependency',
    verdict: done ? 'partially-confirmed' : 'partially-confirmed',
    reason: `${exact.length} requirements of ${where} are pinned with ==, ${loose.length} are not (${loose[0]!.snippet})`,
    evidence: [...loose.slice(0, 2), ...exact.slice(0, 1)],
  };
}

/** "Commit-msg hook (conventional commits)", "Pre-push hook": the git hook stage a line names. */
const HOOK = /^(pre-push|commit-msg|prepare-commit-msg|post-checkout|post-merge|pre-rebase)[ -]hooks?\b/i;

function hookStage(ctx: LookupContext, stage: string, done: boolean): StateVerdict | null {
  const s = stage.toLowerCase();
  const husky = ctx.files.paths.find((p) => new RegExp(`(?:^|/)\\.husky/${s}$`).test(p));
  if (husky) {
    const live = (fileText(ctx, husky) ?? '').split('\n').findIndex((l) => l.trim() && !/^\s*#/.test(l));
    if (live >= 0)
      return {
        basis: 'file',
        verdict: done ? 'confirmed' : 'contradicted',
        reason: `${done ? 'found' : 'the document says it is missing, but'}: ${husky}:${live + 1} runs at ${s}`,
        evidence: [{ path: husky, line: live + 1 }],
      };
  }
  const configs = ctx.files.paths.filter(
    (p) => /(?:^|\/)(?:\.pre-commit-config\.ya?ml|\.?lefthook\.ya?ml)$/.test(p) && !SKIP.test(p),
  );
  // pre-commit names the stage "push" as well as "pre-push" (older releases).
  const names = s === 'pre-push' ? '(?:pre-)?push' : s;
  const said = new RegExp(`(?:stages:.*[\\[\\s,'"]${names}[\\]\\s,'"]|^\\s*${s}:)`);
  let commented: Evidence | null = null;
  for (const path of configs) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (/^\s*default_install_hook_types/.test(raw)) continue;
      const isComment = /^\s*#/.test(raw);
      const body = isComment ? raw.replace(/^\s*#\s?/, '') : raw;
      if (!said.test(`${body} `)) continue;
      if (!isComment)
        return {
          basis: 'file',
          verdict: done ? 'confirmed' : 'contradicted',
          reason: `${done ? 'found' : 'the document says it is missing, but'}: ${path}:${i + 1} configures a hook at ${s}`,
          evidence: [{ path, line: i + 1, snippet: raw.trim().slice(0, 120) }],
        };
      commented ??= { path, line: i + 1, snippet: raw.trim().slice(0, 120) };
    }
  }
  if (commented && !husky)
    return {
      basis: 'file',
      verdict: done ? 'contradicted' : 'confirmed',
      reason: `${done ? 'the document says done, but' : 'as the document says:'} the ${s} hook is commented out at ${commented.path}:${commented.line}, so no hook runs at ${s}`,
      evidence: [commented],
    };
  return null;
}

/** "No tests for repositories", "No hay tests para X", "Tests für A, B fehlen", "Sem testes para X". */
const NO_TESTS = [
  /^(?:no|missing|lacking) (?:unit |integration |e2e |end-to-end )?tests? (?:for|of|on|covering) (?:the )?(.+)$/i,
  /^(?:no hay|sin|faltan) (?:tests?|pruebas)(?: unitarios| unitarias| de integración)? (?:para|de) (?:los |las |el |la )?(.+)$/i,
  /^(?:keine )?(?:unit-)?tests? für (?:die |den |das )?(.+?)(?: fehlen)?$/i,
  /^(?:pas de|aucun) tests? (?:pour|de|des|du) (?:les |la |le )?(.+)$/i,
  /^(?:sem|não há|faltam) testes? (?:para|de) (?:os |as |o |a )?(.+)$/i,
];
const COMPONENT_STOP =
  /^(?:the|and|or|y|e|und|et|los|las|old|new|legacy|antiguos?|viejos?|alte[nr]?|anciens?|some|all|most|many|other|modules?|components?|classes?|files?|code|functions?|methods?|parts?|areas?|cases?|edge|logic)$/i;

/** Where "… fehlen", "… missing", "… yet" ends the list of names (the text's length when nothing does). */
const tailAt = (s: string) => {
  const at = s.search(/\s(?:fehlen|missing|yet|todavía|aún|encore)\b/i);
  return at < 0 ? s.length : at;
};
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const singular = (w: string) =>
  w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w;

function testsFor(ctx: LookupContext, text: string, ticked: boolean): StateVerdict | null {
  if (!/fehlen|^keine/i.test(text) && /^(?:keine )?(?:unit-)?tests? für/i.test(text)) return null;
  const m = NO_TESTS.map((r) => r.exec(text)).find(Boolean);
  if (!m) return null;
  const listed = m[1]!.replace(/\([^()]*\)/g, ' ');
  const names = listed
    .slice(0, tailAt(listed))
    .split(/,|\/|\band\b|\by\b|\bund\b|\bet\b|\be\b|\bor\b/i)
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.length || names.length > 8) return null;
  const stems: string[] = [];
  for (const n of names) {
    const words = n.split(/\s+/).filter((w) => !COMPONENT_STOP.test(w));
    if (words.length !== 1) return null;
    const st = singular(squash(words[0]!));
    if (st.length < 4) return null;
    stems.push(st);
  }
  const inv = ctx.tests ?? testInventory(ctx.files);
  const tests = [...new Set([...inv.files.map((f) => f.path), ...ctx.files.paths.filter((p) => isTestPath(p))])].filter(
    (p) => !SKIP.test(p) && /\.\w+$/.test(p),
  );
  const found = stems.map((st) => {
    const hit = tests.filter((p) => {
      const segs = p.toLowerCase().split('/');
      const base = squash(segs.pop()!.replace(/\.\w+$/, ''));
      return base.includes(st) || segs.some((s) => singular(squash(s)) === st);
    });
    return { st, hit };
  });
  const have = found.filter((f) => f.hit.length);
  if (!have.length) return null;
  const evidence = have.flatMap((f) => f.hit.slice(0, 2).map((path) => ({ path })));
  const list = have.map((f) => `${f.hit[0]}${f.hit.length > 1 ? ` (+${f.hit.length - 1})` : ''}`).join(', ');
  if (ticked && have.length === found.length) return null;
  if (have.length === found.length)
    return {
      basis: 'tests',
      verdict: 'contradicted',
      reason: `the document says there are no tests, but there are: ${list}`,
      evidence: evidence.slice(0, 6),
    };
  const missing = found.filter((f) => !f.hit.length).map((f) => f.st);
  return {
    basis: 'tests',
    verdict: 'partially-confirmed',
    reason: `only in part: tests exist for ${list}; none is named for ${missing.join(', ')}`,
    evidence: evidence.slice(0, 6),
  };
}

/** "Scheduled nightly runs", "Nightly builds", "Weekly security scans": a CI schedule. */
const SCHEDULED =
  /^(?:(?:scheduled|nightly|weekly|daily|cron)(?: [\p{L}-]+){0,2} (?:runs?|builds?|jobs?|scans?|tests?|test runs|workflows?|pipelines?)|(?:runs?|builds?|scans?) (?:on a schedule|nightly|scheduled))$/iu;

function scheduled(ctx: LookupContext, done: boolean): StateVerdict | null {
  const ci = ctx.files.paths.filter((p) =>
    /^\.github\/workflows\/[^/]+\.ya?ml$|(?:^|\/)\.gitlab-ci\.ya?ml$|^\.circleci\/config\.ya?ml$|(?:^|\/)azure-pipelines\.ya?ml$/i.test(
      p,
    ),
  );
  if (!ci.length) return null;
  for (const path of ci.slice(0, 40)) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    const at = lines.findIndex((l) => {
      const t = l.trim().replace(/^-/, '').trim();
      return (t.startsWith('cron:') && t.length > 6) || t === 'schedule:' || t === 'schedules:';
    });
    if (at >= 0) {
      const cron = lines.slice(at, at + 3).find((l) => /cron:/.test(l)) ?? lines[at]!;
      return {
        basis: 'file',
        verdict: done ? 'confirmed' : 'contradicted',
        reason: `${done ? 'found' : 'the document says there is none, but'}: ${path}:${at + 1} runs on a schedule (${cron.trim().slice(0, 60)})`,
        evidence: [{ path, line: at + 1, snippet: cron.trim().slice(0, 120) }],
      };
    }
  }
  return null;
}

/** A pre-commit hook the line names by what it does: "Private key detection enabled" → detect-private-key. */
const HOOK_VERB = /^(?:check|detect|fix|end|mixed|no|pretty|format|lint|validate|hook|pre|commit)$/;
function preCommitHook(ctx: LookupContext, text: string): StateVerdict | null {
  const config = ctx.files.paths.find((p) => /(?:^|\/)\.pre-commit-config\.ya?ml$/.test(p) && !SKIP.test(p));
  if (!config) return null;
  const said = new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map((w) => w.replace(/(?:ion|ing|ed|s)$/, '')),
  );
  const lines = (fileText(ctx, config) ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*-\s*id:\s*["']?([\w-]+)/.exec(lines[i]!);
    if (!m) continue;
    const words = m[1]!
      .toLowerCase()
      .split(/[-_]/)
      .filter((w) => w && !HOOK_VERB.test(w))
      .map((w) => w.replace(/(?:ion|ing|ed|s)$/, ''));
    if (words.length >= 2 && words.every((w) => said.has(w)))
      return {
        basis: 'file',
        verdict: 'confirmed',
        reason: `found: ${config}:${i + 1} runs the pre-commit hook ${m[1]}`,
        evidence: [{ path: config, line: i + 1, snippet: lines[i]!.trim() }],
      };
  }
  return null;
}

/** "Template files provided", "Config file templates", ".env template": example files to copy. */
const TEMPLATES =
  /^(?:(?:config(?:uration)?|env(?:ironment)?|\.env|settings?) )?(?:file )?(?:templates?|examples?|samples?)(?: files?)?(?: (?:provided|included|added|present))?$|^templates? files? (?:provided|included|added)$/i;
const TEMPLATE_FILE =
  /(?:^|\/)[^/]*[._-](?:example|template|sample|dist)(?:\.[\w]+)?$|(?:^|\/)[^/]*\.(?:example|template|sample|dist)$/i;

function templates(ctx: LookupContext, text: string, done: boolean): StateVerdict | null {
  const env = /\benv/i.test(text);
  const found = ctx.files.paths.filter(
    (p) =>
      TEMPLATE_FILE.test(p) &&
      !SKIP.test(p) &&
      !/\.(?:md|html?|png|jpe?g|svg|[jt]sx?|py|go|java|rb|php|rs|cs)$/i.test(p) &&
      (!env || /\.env|env\./i.test(p)),
  );
  if (!found.length) return null;
  return {
    basis: 'file',
    verdict: done ? 'confirmed' : 'contradicted',
    reason: `${done ? 'found' : 'the document says there are none, but'}: ${found.slice(0, 3).join(', ')}${found.length > 3 ? ` (+${found.length - 3})` : ''}`,
    evidence: found.slice(0, 3).map((path) => ({ path })),
  };
}

/** "Config files gitignored", ".env files ignored": .gitignore lines that keep them out. */
const IGNORED_KIND =
  /^(?:(config(?:uration)?|secrets?|env(?:ironment)?|\.env|local|credential)s? files?|(\.env)) (?:are )?(?:git[- ]?)?ignored$/i;

function ignoredKind(ctx: LookupContext, text: string, done: boolean): StateVerdict | null {
  const m = IGNORED_KIND.exec(text);
  if (!m) return null;
  const kind = (m[1] ?? m[2]!).toLowerCase().replace(/^\./, '');
  const word = /^config/.test(kind) ? 'config' : /^env/.test(kind) ? 'env' : /^secret/.test(kind) ? 'secret' : kind;
  for (const path of ctx.files.paths.filter((p) => /(?:^|\/)\.gitignore$/.test(p) && !SKIP.test(p)).slice(0, 10)) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    const at = lines.findIndex((l) => !/^\s*[#!]/.test(l) && l.toLowerCase().includes(word));
    if (at >= 0)
      return {
        basis: 'file',
        verdict: done ? 'confirmed' : 'contradicted',
        reason: `${done ? 'found' : 'the document says they are not ignored, but'}: ${path}:${at + 1} ignores ${lines[at]!.trim()}`,
        evidence: [{ path, line: at + 1, snippet: lines[at]!.trim() }],
      };
  }
  return null;
}

/** A negative or state the line gives, decided in one place; null when the line gives none or it cannot be seen. */
export function stateVerdict(ctx: LookupContext, claim: Claim): StateVerdict | null {
  if (claim.asserted === 'planned') return null;
  const text = plain(claim.text)
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[.:;!]$/, '')
    .trim();
  const done = claim.asserted === 'done' || claim.asserted === 'partial';
  if (PINNED.test(text) && claim.asserted) return pinned(ctx, done);
  const hook = HOOK.exec(text);
  if (hook && claim.asserted) return hookStage(ctx, hook[1]!, done);
  if (SCHEDULED.test(text) && claim.asserted) return scheduled(ctx, done);
  if (TEMPLATES.test(text) && claim.asserted === 'done') return templates(ctx, text, done);
  if (IGNORED_KIND.test(text) && claim.asserted === 'done') return ignoredKind(ctx, text, done);
  if (claim.asserted === 'done' && text.split(' ').length <= 6) {
    const pre = preCommitHook(ctx, text);
    if (pre) return pre;
  }
  return testsFor(ctx, text, claim.asserted === 'done');
}

/** A cell without the marks around its words ("❌ NO TESTEADO" → "NO TESTEADO"), in one pass each way. */
function trimMarks(cell: string): string {
  const word = /[\p{L}\p{N}]/u;
  const chars = [...cell];
  let a = 0;
  let b = chars.length;
  while (a < b && !word.test(chars[a]!)) a++;
  while (b > a && !word.test(chars[b - 1]!)) b--;
  return chars.slice(a, b).join('').trim();
}

/** A status cell that says a unit has no tests: "NO TESTEADO", "Not tested", "untested", "Non testé". */
const UNTESTED_CELL =
  /^(?:no testead[oa]s?|sin (?:tests|pruebas)|not tested|untested|no tests|non test[ée]e?s?|pas de tests?|nicht getestet|keine tests|n[aã]o testad[oa]s?|sem testes)$/i;

/**
 * "| filter | 0% | 0% | 0% | ❌ NO TESTEADO |": a row of a coverage table that says a unit (its first
 * cell, one word) has no tests. A test file named for the unit, or in a folder of its name, makes the
 * row out of date; none found leaves it open (a test may be named otherwise). Null when the line is
 * not such a row.
 */
export function untestedRow(ctx: LookupContext, claim: Claim): StateVerdict | null {
  if (claim.asserted === 'planned') return null;
  const cells = plain(claim.text).replace(/[`*_]/g, '').split('|').map(trimMarks).filter(Boolean);
  if (cells.length < 2 || cells.length > 12) return null;
  if (!cells.slice(1).some((c) => UNTESTED_CELL.test(c))) return null;
  const unit = cells[0]!;
  if (!/^[A-Za-z][\w.-]{3,40}$/.test(unit)) return null;
  return testsFor(ctx, `no tests for ${unit}`, false);
}
