// Lines a name's presence cannot settle: the state a run left a thing in, and a line of code quoted
// as written (moved out of judge.ts, which had passed 2,000 lines).
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { namesOf } from './needles.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';
import { inCopy } from './coverage.js';

type Evidence = VerifiedClaim['evidence'][number];

/**
 * A run's state given as the line's status, after a label, a dash or a cell ("…: BLOQUÉ", "| Skipped |",
 * "- flaky"), or a verb that says it works ("fonctionne (Resend)", "works end to end", "funktioniert").
 */
const RUN_STATUS =
  /(?:^|[:|–—]|\s-)\s*(blocked|bloqu[ée]e?s?|bloquead[oa]s?|blockiert|skipped|übersprungen|omitid[oa]s?|pulad[oa]s?|ignor[ée]e?s?|flaky|timed out|time ?out|en attente)(?![\p{L}])|(?<![\p{L}])(works|fonctionne(?:nt)?|funciona(?:n)?|funktioniert)(?![\p{L}])[ \t]*(?:$|[.(!,;:]|(?:correctly|correctement|correctamente|corretamente|korrekt|bien|well|fine|now|maintenant|again|end[- ]to[- ]end)(?![\p{L}]))/iu;

/** The run's state the line gives of a thing whose presence was all that was found (not a test count). */
export function runStatus(claim: Claim, v: VerifiedClaim): string | null {
  if (claim.asserted === 'not-done' || v.basis === 'tests' || claim.number) return null;
  const m = RUN_STATUS.exec(plain(claim.raw ?? claim.text));
  return m ? (m[1] ?? m[2])!.trim() : null;
}

/**
 * An operation someone performed on a running system, reported as done: migrations applied
 * ("Todas as migrations aplicadas", "Prismaマイグレーション実行済み"), images rebuilt or a server
 * restarted, a check run with a command ("verified with `python manage.py check`"). The files show
 * what could be run, not that it ran: the migration files, the Dockerfile, manage.py are there either way.
 */
const MIGRATION_WORD = String.raw`(?:migra(?:tions?|[cç](?:ões|oes)|ciones|tionen)|マイグレーション)`;
const APPLIED_WORD = String.raw`(?:applied|executed|ran|aplicad[oa]s?|ejecutad[oa]s?|executad[oa]s?|appliqu[ée]e?s?|ex[ée]cut[ée]e?s?|angewendet|ausgef[üu]hrt|durchgef[üu]hrt)`;
const RUN_ACTION = [
  // "Todas as migrations aplicadas", "All migrations were applied", "migraciones ejecutadas".
  new RegExp(String.raw`${MIGRATION_WORD}(?![\p{L}])[^.;|\n]{0,40}?(?<![\p{L}])${APPLIED_WORD}(?![\p{L}])`, 'iu'),
  // "Applied all migrations", "Ran the database migrations".
  new RegExp(
    String.raw`(?<![\p{L}])${APPLIED_WORD}\s+(?:(?:all|the|todas|as|las|les|alle|die|all of the|pending|database|db|new|\d{1,3})\s+){0,3}${MIGRATION_WORD}`,
    'iu',
  ),
  // "Prismaマイグレーション実行済み", "マイグレーション適用済み".
  /マイグレーション(?:を)?(?:実行|適用)済み/u,
  // "Imagens Docker reconstruídas sem cache", "containers rebuilt", "Restarted the server".
  /(?<![\p{L}])(?:rebuilt|restarted|reconstru[íi]d[oa]s?|reiniciad[oa]s?|red[ée]marr[ée]e?s?|neu (?:gebaut|gestartet))(?![\p{L}])/iu,
  // "Sistema verificado com `python manage.py check`", "Checked with `npm run lint`".
  /(?<![\p{L}])(?:verified|checked|validated|confirmed|verificad[oa]|validad[oa]|comprobad[oa]|v[ée]rifi[ée]e?|gepr[üu]ft|[üu]berpr[üu]ft)\s+(?:with|using|via|by running|com|con|avec|mit|por)\s+`[^`\n]{3,120}`/iu,
];
/** What a line says a running system was made to do on its own: a mechanism, not an operator's action. */
const ON_ITS_OWN =
  /\b(?:automatic(?:ally)?|automátic[oa]s?|automatiquement|automatisch|on (?:startup|start|boot|deploy)|at startup|in CI|pipeline|workflow)\b/i;
/** Whether an object of the line is an image, a container or a server (what "rebuilt"/"restarted" act on). */
const RUNNING_THING =
  /(?<![\p{L}])(?:images?|imagens|im[áa]genes|containers?|cont[êe]ineres|contenedores|conteneurs?|docker|servers?|servidor(?:es)?|serveur|services?|servi[çc]os?|app|application|backend|frontend|workers?|pods?)(?![\p{L}])/iu;

/** The operation on a running system the line reports as done ("migrations aplicadas"), else null. */
export function runAction(claim: Claim, v: VerifiedClaim): string | null {
  if (claim.asserted === 'not-done' || v.basis === 'tests') return null;
  const raw = claim.raw ?? claim.text;
  const t = plain(raw);
  if (ON_ITS_OWN.test(t)) return null;
  for (const [i, rx] of RUN_ACTION.entries()) {
    const m = rx.exec(i === 4 ? raw : t);
    if (!m) continue;
    // ("Rebuilt the auth module", "restarted work on X": a change to code, or not about a running system.)
    if (i === 3 && !RUNNING_THING.test(t)) continue;
    return m[0].trim();
  }
  return null;
}

/** An assignment ("$count = …;", "const id = crypto.randomUUID()") or a call chain ("$q->whereYear(…)->count()"). */
const ASSIGNMENT = /^[$\w.[\]'"-]{1,80}[ \t]?(?::[ \t]?[\w<>[\],]{1,40}[ \t]?)?(?:=|:=|\?\?=|\+=)[ \t]?[^=>\s]/;
/** Declaration words before an assigned name ("const", "private static final"). */
const DECLARATION = /^(?:const|let|var|val|final|private|public|protected|static|readonly)[ \t]/;
const CALL_CHAIN = /^(?:await\s+|return\s+)?[$\w]{1,60}(?:->|::|\.)[$\w]{1,60}\s*\(/;

/** The line of code a claim quotes whole (the claim is the statement) or in ticks, at least 12 characters. */
export function quotedStatement(claim: Claim): string | null {
  const raw = claim.raw ?? claim.text;
  // A span in ticks is the line's subject only when little prose is around it ("`Foo.ts:245` `const id =
  // …`"): "headers via `app.use(helmet())`" says what the code does, in any form of the call.
  const around = plain(raw.replace(/`[^`\n]*`/g, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const spans = around.length <= 3 ? [...raw.matchAll(/`([^`\n]{12,300})`/g)].map((m) => m[1]!.trim()) : [];
  const whole = raw.includes('`') ? null : plain(raw).trim();
  for (const code of [...(whole && whole.length >= 12 && whole.length <= 300 ? [whole] : []), ...spans]) {
    const c = code.replace(/;\s*$/, '');
    if (!/[()]/.test(c) && !/=/.test(c)) continue;
    let rest = c;
    for (let k = 0; k < 4 && DECLARATION.test(rest); k++) rest = rest.slice(rest.search(/[ \t]/)).trimStart();
    if (ASSIGNMENT.test(rest) || CALL_CHAIN.test(c)) return c;
  }
  return null;
}

const squeeze = (s: string) => s.replace(/\s+/g, '').replace(/;$/, '');

/**
 * The first line holding the statement (blanks ignored), in the files where the claim's names were
 * found: the evidence, the file the block names, and the search's hits for the names.
 */
export function statementIn(ctx: LookupContext, code: string, claim: Claim, v: VerifiedClaim): Evidence | null {
  const want = squeeze(code);
  if (want.length < 8) return null;
  const names = namesOf(claim);
  const paths = new Set<string>([...(claim.locus ? [claim.locus] : []), ...v.evidence.map((e) => e.path)]);
  for (const n of [...names.identifiers, ...names.literals])
    for (const key of [`id:${n}`, `lit:${n}`]) for (const h of ctx.search.hits.get(key) ?? []) paths.add(h.path);
  let read = 0;
  for (const p of paths) {
    // (A copy under archive/ or legacy/ holds what the code was, not what it is.)
    if (p === '.' || inCopy(p) || read++ >= 60) continue;
    const text = ctx.files.read(p);
    if (!text) continue;
    let line = 0;
    for (const l of text.split('\n')) {
      line++;
      if (l.length < 8 || l.length > 2000) continue;
      if (squeeze(l).includes(want)) return { path: p, line, snippet: l.trim().slice(0, 160) };
    }
  }
  return null;
}

/** "Spring Boot Version: 4.0.0", "esbuild: 0.21.5 → 0.27.0 (indirekt via Vite)": a label and the version it gives (the last of an arrow). */
const LABEL_VERSION =
  /^([^:→]{2,60}):\s+v?(\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)(?:\s*(?:→|->|=>|⇒)\s*v?(\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?))?\s*(?:\([^()]*\))?\s*$/u;

/**
 * The version a line gives a named package or framework, when the finding that confirmed it shows no
 * such version: a name's presence ("spring boot" names SpringBootCoreApp.java, vite is a dependency)
 * does not settle which version is in use. Null when the finding shows the version (or its major.minor).
 */
export function versionNotShown(claim: Claim, v: VerifiedClaim): string | null {
  if (claim.asserted === 'not-done' || v.basis === 'tests') return null;
  const m = LABEL_VERSION.exec(plain(claim.text).trim());
  if (!m) return null;
  const want = m[3] ?? m[2]!;
  const shown = `${v.reason} ${v.evidence.map((e) => e.snippet ?? '').join(' ')}`;
  const short = want.split('.').slice(0, 2).join('.');
  const has = (s: string) => new RegExp(`(?<![\\d.])${s.replace(/\./g, '\\.')}(?![\\d])`).test(shown);
  return has(want) || has(short) ? null : want;
}

/** "TypeScript Errors: 13 → 0", "Lines of Documentation: 2,590": a figure a run or a count over files gives. */
const RUN_FIGURE =
  /^[^:]{0,40}\b(?:errors?|warnings?|fehler|warnungen|erros?|errores|(?:lines|zeilen|linhas|líneas) (?:of |der |de )?(?:documentation|docs|dokumentation|documentação|documentación))\b[^:]{0,20}:\s*~?\d[\d,.]*(?:\s*(?:→|->|=>)\s*\d[\d,.]*)?\s*(?:lines|zeilen)?\s*$/iu;

/** The figure, when a name's presence (a file, a dependency, a word found) is all that confirmed it. */
export function runFigure(claim: Claim, v: VerifiedClaim): string | null {
  if (claim.asserted === 'not-done' || !['file', 'dependency', 'search', 'mechanism'].includes(v.basis)) return null;
  const m = RUN_FIGURE.exec(plain(claim.text).trim());
  return m ? m[0].trim() : null;
}
