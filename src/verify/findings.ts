/**
 * What each claim is checked against: the rule the vocabulary maps it to, the mechanisms it names,
 * and the names it gives (files, packages, endpoints, annotations, identifiers, settings). The
 * targeted searches these need are planned for the whole document first (planNeedles), run once
 * (search.ts), and read back here by key.
 */
import type { Evidence } from '../types.js';
import { anyGlob } from '../walk/glob.js';
import type { Claim } from './extract.js';
import { composedRouteFinding } from './composed-routes.js';
import { type Finding, fileFinding, type LookupContext, packageFinding, searchFinding, toolFinding } from './lookup.js';
import { CI_WORDS, TOOLS } from './tools.js';
import { namesIn, removedThing, type Setting } from './names.js';
import { groupedRouteOf, NEGATED, namesOf, proseNamesOf, settingKey } from './needles.js';
import { proseFindings } from './prose-names.js';
import { CHANGED, changeFinding, codeSpans, fileText, lineFinding, spanIn } from './problems.js';
import { coveredFinding, coveredPath, docTopic, docTopicFinding } from './documents.js';
import { MECHANISMS, type Mechanism, mechanismsIn } from './vocabulary.js';
import { plain } from './status.js';
import { claimsPublishable, publishFinding } from './publish.js';
import { emptyTest } from './empty-tests.js';
import { fileLineFinding } from './line-at.js';
import { DIFF_LINES, lengthAgreement } from './file-lines.js';
import { commentedOutRoute, mountedRoute, unmountedRouter } from './mounted.js';
import { configFinding } from './terms.js';
import { importPathFinding } from './modules.js';
import { quotedBuildLineFinding } from './quoted-pins.js';
import { absentUnitsFinding } from './absent-units.js';
import { escapeRe } from '../util/regex.js';

const ROUTE_LINE =
  /route|get|post|put|delete|patch|path|mapping|handle|app\.|router|@|url|endpoint|location|\.(?:use|all)\(/i;

const VENDORED = /(^|\/)(node_modules|vendor|third_party|\.venv|venv)\//;
/** Reports a tool wrote (a bundle analysis, a coverage page, minified code): they name libraries they saw, not code. */
const GENERATED_DIR = /(?:^|\/)(?:coverage|htmlcov|\.nyc_output)\/|\.min\.(?:js|css)$/i;
const generated = (path: string): boolean =>
  GENERATED_DIR.test(path) ||
  (/\.html?$/i.test(path) && /analysis|report|stats/i.test(path.slice(path.lastIndexOf('/') + 1)));

function depPattern(name: string, pattern: string): boolean {
  const n = name.toLowerCase();
  const p = pattern.toLowerCase();
  if (p.startsWith('*') && p.endsWith('*')) return n.includes(p.slice(1, -1));
  return p.endsWith('*') ? n.startsWith(p.slice(0, -1)) : n === p;
}

/** Per lookup context: answers that depend only on the repository, asked by many claims. */
const memo = new WeakMap<LookupContext, Map<string, unknown>>();
function once<T>(ctx: LookupContext, key: string, compute: () => T): T {
  let m = memo.get(ctx);
  if (!m) memo.set(ctx, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

/** Where a mechanism shows: code lines, dependencies, files. */
function mechanismEvidence(
  ctx: LookupContext,
  m: Mechanism,
): { code: Evidence[]; tests: Evidence[]; declared: boolean; filed: boolean } {
  return once(ctx, `mech:${m.id}`, () => mechanismEvidenceOf(ctx, m));
}

function mechanismEvidenceOf(
  ctx: LookupContext,
  m: Mechanism,
): { code: Evidence[]; tests: Evidence[]; declared: boolean; filed: boolean } {
  const hits = ctx.search.hits.get(`mech:${m.id}`) ?? [];
  // A declared dependency or a file says it best; then a line of code.
  const code: Evidence[] = [];
  const deps = ctx.facts.dependencies.filter((d) => (m.deps ?? []).some((p) => depPattern(d.name, p)));
  const declared = deps.length > 0;
  for (const d of deps.slice(0, 2))
    code.push({
      path: d.path,
      ...(d.line ? { line: d.line } : {}),
      snippet: `${d.name}${d.version ? ` ${d.version}` : ''}`,
    });
  let filed = false;
  if (m.files) {
    // File names in any case (RUNBOOK.md, Runbook.md).
    const test = anyGlob(m.files.map((g) => g.toLowerCase()));
    for (const path of ctx.files.paths.filter((p) => !VENDORED.test(p) && test(p.toLowerCase())).slice(0, 2)) {
      code.push({ path });
      filed = true;
    }
  }
  // An environment file or an example of one sets values; it shows no mechanism at work. Code
  // says it best, then configuration, then CI (a build cache is not the application's cache).
  const rank = (path: string) => (CI_FILE.test(path) ? 2 : CONFIG_ONLY.test(path) ? 1 : 0);
  const seen = new Set<string>();
  code.push(
    ...hits
      .filter(
        (h) =>
          !h.test &&
          !ENV_FILE.test(h.path) &&
          !generated(h.path) &&
          !seen.has(`${h.path}:${h.line}`) &&
          seen.add(`${h.path}:${h.line}`),
      )
      .sort((a, b) => rank(a.path) - rank(b.path))
      .slice(0, 2)
      .map((h) => ({ path: h.path, line: h.line, snippet: h.snippet })),
  );
  const tests = hits
    .filter((h) => h.test)
    .slice(0, 2)
    .map((h) => ({ path: h.path, line: h.line, snippet: h.snippet }));
  return { code, tests, declared, filed };
}

/** Environment files and their examples ("config/production.env.example", ".env.local"). */
const ENV_FILE = /(?:^|\/)\.env[^/]*$|\.env(?:\.[\w-]+)?$|\.(?:example|sample|template|dist)$/i;

/** CI definitions: what they name runs in the pipeline, not in the application. */
const CI_FILE =
  /(?:^|\/)(?:\.github\/workflows|\.gitlab-ci|\.circleci|\.buildkite|azure-pipelines|Jenkinsfile|\.travis)/;

/** Files that configure rather than run: naming a library there does not link it. */
const CONFIG_ONLY = /\.(?:ya?ml|properties|json|toml|ini|env|conf|cfg)$|(?:^|\/)\.env/i;

export function mechanismFinding(ctx: LookupContext, m: Mechanism, rule: Finding | null): Finding {
  const base = { subject: m.label, basis: 'mechanism' } as const;
  const { code, tests, declared, filed } = mechanismEvidence(ctx, m);
  // Only lines of code matched the practice's words: no package declared, no file of its own name.
  const keyword = !declared && !filed;
  // "include: health,metrics,prometheus" without the Prometheus registry: the name is there, the library is not.
  if (
    code.length &&
    m.deps?.length &&
    !m.files &&
    !declared &&
    code.every((e) => CONFIG_ONLY.test(e.path) || CI_FILE.test(e.path))
  )
    return {
      ...base,
      present: 'no',
      detail: `${m.label} is named only in configuration; no ${m.label} library is declared`,
      evidence: code,
    };
  if (code.length) return { ...base, present: 'yes', detail: `${m.label} found`, evidence: code, keyword };
  if (tests.length) return { ...base, present: 'partly', detail: `${m.label} appears only in tests`, evidence: tests };
  const others = MECHANISMS.filter((x) => x.family === m.family && x !== m)
    .map((x) => ({ x, ev: mechanismEvidence(ctx, x).code }))
    .filter((o) => o.ev.length > 0);
  if (others.length)
    return {
      ...base,
      present: 'no',
      instead: others.map((o) => o.x.label).join(', '),
      detail: `no ${m.label} found`,
      evidence: others.flatMap((o) => o.ev).slice(0, 2),
    };
  if (rule?.present === 'yes')
    return { ...base, present: 'no', instead: rule.detail, detail: `no ${m.label} found`, evidence: rule.evidence };
  if (!ctx.search.complete)
    return { ...base, present: 'unknown', detail: `${m.label} not found in the files searched`, evidence: [] };
  return {
    ...base,
    present: 'no',
    // A practice ("input validation", "custom error pages") goes by many words; a named product
    // (Kubernetes, Grafana) by its own name, whose absence the search does show.
    ...(m.family.startsWith('feature:') ? { searched: true } : {}),
    ...(m.byHand ? { unproven: true } : {}),
    detail: `no ${m.label} in code, dependencies or files${m.byHand ? ' by the usual spellings (it is often written by hand)' : ''}`,
    evidence: [
      { path: '.', note: `searched ${ctx.search.filesRead} files and ${ctx.facts.dependencies.length} dependencies` },
    ],
  };
}

/** Without the facts (a Report alone): a mechanism shows only in the rule's own evidence. */
function mechanismFromRule(m: Mechanism, rule: Finding): Finding {
  const shown = `${JSON.stringify(rule.evidence)} ${rule.detail}`;
  const inFiles = m.files ? anyGlob(m.files) : null;
  const seen =
    m.code?.test(shown) ||
    m.claim.test(shown) ||
    (m.anchors ?? []).some((a) => shown.toLowerCase().includes(a)) ||
    rule.evidence.some((e) => inFiles?.(e.path));
  if (seen || rule.present !== 'yes') return { ...rule, subject: m.label };
  return {
    ...rule,
    subject: m.label,
    present: 'no',
    instead: rule.detail,
    unproven: true,
    detail: `nothing in the evidence shows ${m.label}`,
  };
}

/** A value read from the environment with a fallback: ${PORT:-5000}, getenv("PORT", 5000), process.env.PORT || 5000. */
const ENV_DEFAULT =
  /\$\{\w+(?::-?|-)[^{}$]*\}|getenv\(\s*["']\w+["']\s*,|environ\.get\(\s*["']\w+["']\s*,|process\.env\.\w+\s*(?:\|\||\?\?)/i;

/** Container and compose files, whose port lists and EXPOSE lines give a service's ports. */
const PORT_FILE = /(?:^|\/)(?:(?:docker-)?compose[\w.-]*\.ya?ml|Dockerfile[\w.-]*|[\w.-]*\.dockerfile)$/i;

/** A port written in a compose port list ("- \"8080:80\"", "- 9092:9092") or an EXPOSE line. */
function portMapping(ctx: LookupContext, numbers: number[]): { port: number; at: Evidence } | null {
  for (const path of ctx.files.paths.filter((p) => PORT_FILE.test(p)).slice(0, 40)) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      for (const n of numbers) {
        const mapping = new RegExp(
          `^\\s*-\\s*["']?(?:[\\d.]+:)?(?:\\d+:)?${n}(?::\\d+)?(?:/(?:tcp|udp))?["']?\\s*(?:#.*)?$`,
        );
        const mappedTo = new RegExp(`^\\s*-\\s*["']?(?:[\\d.]+:)?${n}:\\d+(?:/(?:tcp|udp))?["']?\\s*(?:#.*)?$`);
        const expose = new RegExp(`^\\s*EXPOSE\\s+(?:\\d+\\s+)*${n}(?:/(?:tcp|udp))?(?:\\s|$)`, 'i');
        if (mapping.test(l) || mappedTo.test(l) || expose.test(l))
          return { port: n, at: { path, line: i + 1, snippet: l.trim().slice(0, 160) } };
      }
    }
  }
  return null;
}

function settingFinding(ctx: LookupContext, s: Setting, key: string, hardcoded = false, runtime = false): Finding {
  const hits = (ctx.search.hits.get(key) ?? []).filter((h) => !h.test);
  const subject = `${s.key} ${s.value}`;
  const word = s.word ? new RegExp(`(?<![\\w-])${escapeRe(s.word)}(?![\\w-])`, 'i') : null;
  const agree = hits.find((h) =>
    word ? word.test(h.snippet) : s.numbers.some((v) => new RegExp(`(?<![\\d.])${v}(?![\\d])`).test(h.snippet)),
  );
  // "PORT 5000 hard-coded" where the script reads ${PORT:-5000}: a default the environment overrides.
  if (agree && hardcoded && ENV_DEFAULT.test(agree.snippet))
    return {
      subject,
      basis: 'search',
      valued: true,
      present: 'no',
      detail: `${s.value} is only the default of an environment variable, not hard-coded`,
      evidence: [{ path: agree.path, line: agree.line, snippet: agree.snippet }],
    };
  if (agree)
    return {
      subject,
      basis: 'search',
      valued: true,
      present: 'yes',
      detail: `${subject} is set`,
      evidence: [{ path: agree.path, line: agree.line, snippet: agree.snippet }],
    };
  // "Kafka (port 9092)", "Port: 5434 (extern)": a compose file lists its ports on the lines under
  // "ports:" ("- \"127.0.0.1:5434:5432\""), which the key's own line does not hold.
  // ("restart fails: port 8084 already in use" is what a run met, not the port a service is given.)
  const mapped = !word && !runtime && /port/.test(s.key) ? portMapping(ctx, s.numbers) : null;
  if (mapped)
    return {
      subject,
      basis: 'search',
      valued: true,
      present: 'yes',
      detail: `port ${mapped.port} is mapped`,
      evidence: [mapped.at],
    };
  const valued = hits.filter((h) => (word ? /[:=]\s*["']?\w/.test(h.snippet) : /\d/.test(h.snippet)));
  // A specific key set to something else contradicts; a common one (timeout) may be set in many places.
  if (valued.length && /\s|port/.test(s.key))
    return {
      subject,
      basis: 'search',
      valued: true,
      present: 'no',
      detail: `${s.key} is set to something else`,
      evidence: valued.slice(0, 2).map((h) => ({ path: h.path, line: h.line, snippet: h.snippet })),
    };
  return { subject, basis: 'search', present: 'unknown', detail: `${subject} not found as a setting`, evidence: [] };
}

/** "Full endpoint coverage", "100% of the modules": every part of what is named, not some. */
const FULL = /\b(?:full|complete|comprehensive|entire|every|all|100\s?%|vollständig|completa?|toda)\b/i;

/** The last noun of a subject, which the words before it qualify. */
const HEAD_NOUN = /\b(?:examples?|samples?|docs|documentation|guides?|tests?|specs?)(?= with\b| for\b| of\b|$)/i;

const PURPOSE = /\s(?:for|so that|to let|für|para|pour) /i;
const PURPOSE_TAIL = /^(?:the |a |an |der |die |das |el |la |le |les )?[a-z][\w -]*$/i;
/** "/ready exposed for the load balancer" → "/ready exposed". */
function withoutPurpose(t: string): string {
  const m = PURPOSE.exec(t);
  return m && PURPOSE_TAIL.test(t.slice(m.index + m[0].length)) ? t.slice(0, m.index) : t;
}

/** A bare file name looked up in the folder the block names ("index.ts" under `src/app/health/`). */
function inLocus(ctx: LookupContext, locus: string | undefined, name: string): Finding | null {
  if (!locus || name.includes('/') || /\.[a-z0-9]+$/i.test(locus.replace(/\/$/, '').split('/').pop()!)) return null;
  const found = fileFinding(ctx, `${locus.replace(/\/$/, '')}/${name}`);
  return found.present === 'yes' ? found : null;
}

/** Findings for one claim: its rule, the mechanisms it names, and the names it gives. */
/** "packages/proxy/src/index.ts - no rate limit middleware": the claim a reader checks is that the file is there. */
const PATH_SUBJECT = /^\+?[\w.@-]+(?:\/\+?[\w.@-]+)*\/?(?::\d+(?:-\d+)?)?$/;

/** After a file's name, ": <words of a change>" (three words or more). */
const DESCRIBED = /^`?\s*[:—–-]\s+\S+\s+\S+\s+\S+/;

/** "(23 dependencies)", "(19 dependências)", "(12 packages)": how many dependencies a manifest declares. */
const DEP_COUNT =
  /\(\s*(\d{1,4})\s+(?:dependencies|dependências|dependencias|dépendances|abhängigkeiten|packages|pacotes|paquetes|deps)\b[^()]*\)/i;

/** A manifest said to declare N dependencies: exactly N, or N of its runtime ones (dev ones aside). */
function depCountFinding(ctx: LookupContext, file: Finding, claimed: number): Finding | null {
  const path = file.evidence[0]!.path;
  if (!ctx.facts.manifests.some((m) => m.path === path)) return null;
  const declared = ctx.facts.dependencies.filter((d) => d.path === path);
  const runtime = declared.filter((d) => !d.dev);
  const ok = declared.length === claimed || runtime.length === claimed;
  return {
    ...file,
    valued: true,
    present: ok ? 'yes' : 'no',
    detail: ok
      ? `${path} declares ${claimed} dependencies`
      : `${path} declares ${declared.length} dependencies${runtime.length !== declared.length ? ` (${runtime.length} outside dev)` : ''}, not ${claimed}`,
    evidence: [{ path, note: `${declared.length} dependencies` }],
  };
}

/**
 * "`users/handler.go` lines 169, 197", "`rbac_test.go` line 32": the lines named after the path (the
 * last of a list, which must be in the file too), as "handler.go:169" names one.
 */
function linesAfter(text: string, path: string): string | undefined {
  const at = text.indexOf(path);
  if (at < 0) return undefined;
  const rest = text.slice(at + path.length, at + path.length + 80);
  const m =
    /^[\s`(,]{0,4}(?:lines?|l\.|l[ií]neas?|lignes?|zeilen?)\s+(\d{1,6}(?:\s*(?:,|-|–|and|y|et|und)\s*\d{1,6}){0,8})/i.exec(
      rest,
    );
  return m ? m[1]!.split(/\D+/).filter(Boolean).pop() : undefined;
}

/**
 * "(280 lines)", "(86 lignes)", "(120 Zeilen)", "（230 行）", "(152行)": a file's length ("行" is no
 * word character, so no \b follows it).
 */
const LINE_COUNT =
  /\(\s*~?(\d{1,6})\s*(?:(?:lines|lignes|zeilen|l[ií]neas|linhas|righe)\b|行)[^()]*\)|（\s*(\d{1,6})\s*行/i;

/** "(280 lines)", but not "(88 lines added)": the size of a change is not the file's. */
function sizeOfFile(text: string): RegExpExecArray | null {
  const m = LINE_COUNT.exec(text);
  if (!m) return null;
  const after = m[0].replace(/^\(\s*~?\d+\s*\S+|^（\s*\d+\s*行/, '');
  return DIFF_LINES.test(after) ? null : m;
}

/** A file said to be N lines long is as said within a line or two (lengthAgreement); otherwise it is there, but not as said. */
function linesFinding(ctx: LookupContext, file: Finding, claimed: number, about = false): Finding {
  if (file.present !== 'yes') return file;
  const path = file.evidence[0]!.path;
  const text = fileText(ctx, path);
  if (text === undefined) return file;
  const lines = text.replace(/\n$/, '').split('\n').length;
  const close = lengthAgreement(lines, claimed, { about });
  return {
    ...file,
    valued: true,
    present: close,
    detail: close === 'yes' ? `${path} has ${lines} lines` : `${path} is there, but has ${lines} lines, not ${claimed}`,
    evidence: [{ path, note: `${lines} lines` }],
  };
}

/** Licenses by the names documents give them, and the words their texts begin with. */
const LICENSES: [RegExp, RegExp][] = [
  [/\bMIT\b/, /\bMIT License\b|Permission is hereby granted, free of charge/i],
  [/\bApache(?:[- ]2(?:\.0)?)?\b/, /Apache License/i],
  [/\bBSD\b/, /\bBSD\b|Redistribution and use in source and binary forms/i],
  [/\bA?GPL(?:v?\d)?\b/, /GNU (?:AFFERO )?(?:LESSER )?GENERAL PUBLIC LICENSE/i],
  [/\bMPL(?:[- ]2(?:\.0)?)?\b|\bMozilla Public\b/, /Mozilla Public License/i],
  [/\bISC\b/, /\bISC License\b/i],
];
const LICENSE_FILE = /^(?:LICEN[CS]E|COPYING)(?:[.-][\w.-]+)?$/i;

function licenseFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (!/\blicen[cs](?:e|ed)\b/i.test(claim.text)) return null;
  const kind = LICENSES.find(([named]) => named.test(claim.text));
  if (!kind) return null;
  const files = ctx.files.paths.filter((p) => !p.includes('/') && LICENSE_FILE.test(p));
  const base = { subject: 'license', basis: 'file' } as const;
  if (!files.length) return null;
  const name = kind[0].exec(claim.text)![0];
  for (const path of files) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    const at = lines.findIndex((l) => kind[1].test(l));
    if (at >= 0)
      return {
        ...base,
        present: 'yes',
        detail: `${path} is the ${name} license`,
        evidence: [{ path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) }],
      };
  }
  return {
    ...base,
    present: 'no',
    detail: `${files[0]} is not the ${name} license`,
    evidence: [{ path: files[0]!, snippet: (fileText(ctx, files[0]!) ?? '').split('\n')[0]!.trim().slice(0, 160) }],
  };
}

/** A line of code with a mark, in a block the document shows from a file it names: found there, it is as shown. */
function shownCode(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.source !== 'fence' || !claim.locus || claim.asserted !== 'done') return null;
  // A bare name ("main.rs") may be any of several files of that name.
  const located = (name: string) => {
    const file = fileFinding(ctx, name);
    return name.includes('/')
      ? file.present === 'yes'
        ? [file.evidence[0]!.path]
        : []
      : ctx.files.named(name, true).slice(0, 10);
  };
  // "**Location:**" over three files: the line is in one of them; each must be there to say it is in none.
  const names = claim.shownIn ?? [claim.locus];
  const found = names.map(located);
  const paths = found.flat();
  const code = claim.subject.replace(/[;,]$/, '');
  for (const path of paths) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    // A line shown from a named place is there as written (spacing aside), arguments and all.
    const strict = (l: string) => l.replace(/\s+/g, '').includes(code.replace(/\s+/g, ''));
    const at = lines.findIndex((l) => (claim.shownFrom !== undefined ? strict(l) : spanIn(l, code)));
    if (at >= 0)
      return {
        subject: code,
        basis: 'search',
        present: 'yes',
        detail: `${path} holds it`,
        evidence: [{ path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) }],
      };
  }
  // Shown as the file holds it, and the file no longer does: the finding is out of date.
  if (claim.shownFrom !== undefined && found.every((f) => f.length === 1))
    return {
      subject: code,
      basis: 'search',
      present: 'no',
      detail: paths.length === 1 ? `${paths[0]} no longer holds it` : `none of ${paths.join(', ')} holds it now`,
      evidence: paths.map((path) => ({ path, note: 'the line shown is not in the file' })),
    };
  // A finding's code whose file is gone or ambiguous: no word of it settles anything on its own.
  if (claim.locatedFinding)
    return {
      subject: code,
      basis: 'search',
      present: 'unknown',
      detail: `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not each one file of the repository, so where the line shown should be is not known`,
      evidence: [],
    };
  return null;
}

/** A route that ends in a placeholder ("/{id}", "/:id", "/<id>"). */
const PLACEHOLDER_END = /\/(?:\{[^{}/]*\}|:\w+|<[^<>/]*>)$/;
/** The route as written: each placeholder one segment, nothing after the last. */
const SEGMENT = String.raw`(?::\w+|\{[^{}/]*\}|<[^<>/]*>|\$\{[^{}]*\}|[\w.~-]+)`;
function endpointExact(e: string): RegExp {
  const pattern = e
    .split(/(\{[^{}]*\}|:\w+|<[^<>]*>)/)
    // A placeholder is one segment: a name, or a parameter as code writes it (":id", "{id}", "${id}").
    .map((p, k) => (k % 2 ? SEGMENT : escapeRe(p)))
    .join('');
  return new RegExp(`${pattern}(?![\\w/-])`, 'i');
}

/**
 * "/v1/users/{id}" routed as `"/users/:id"` in a file that also quotes "/v1" (a router group or
 * mount): the route as the code composes it. Both in one non-test file, on a line that registers a
 * route, or nothing.
 */
function groupedRoute(ctx: LookupContext, e: string): Finding | null {
  const hits = (ctx.search.hits.get(`epg:${e}`) ?? []).filter((h) => !h.test);
  const routes = hits.filter((h) => ROUTE_LINE.test(h.snippet) && groupedRouteOf(e, h.snippet));
  for (const r of routes) {
    const prefix = hits.find((h) => h.path === r.path && !groupedRouteOf(e, h.snippet));
    if (!prefix) continue;
    return {
      subject: `endpoint ${e}`,
      basis: 'search',
      present: 'yes',
      detail: `${e} is routed as ${groupedRouteOf(e, r.snippet)} under a prefix the same file sets (${prefix.snippet.trim().slice(0, 80)})`,
      evidence: [
        { path: r.path, line: r.line, snippet: r.snippet },
        { path: prefix.path, line: prefix.line, snippet: prefix.snippet },
      ],
    };
  }
  return null;
}

/** The HTTP method a line writes just before a route ("GET /api/users/:id", "`PUT` `/x`"). */
function methodBefore(text: string, route: string): string | undefined {
  const at = text.indexOf(route);
  if (at < 0) return undefined;
  return /\b(GET|POST|PUT|PATCH|DELETE)[\s`*'"]{1,6}$/.exec(text.slice(Math.max(0, at - 12), at))?.[1];
}

const CONFORMS =
  /\b(?:follows?|following|adheres? to|according to|compl(?:ies|iant) with|conforms? to|in line with|as (?:described|defined|documented|specified) in|gemäß|nach den|conforme? (?:à|a)|seg[uú]n)\b/i;
const DOC_FILE = /\.(?:md|mdx|rst|adoc|txt)$/i;

export function findingsFor(claim: Claim, rule: Finding | null, ctx: LookupContext | undefined, via = ''): Finding[] {
  // A done "No hardcoded secrets": the rule that looks for secrets judges it, not a search for the word.
  if (claim.asserted === 'done' && NEGATED.test(claim.subject)) return rule ? [rule] : [];
  if (ctx && claimsPublishable(claim)) {
    const publish = publishFinding(ctx);
    if (publish) return [publish];
  }
  if (ctx) {
    // "mod shared;  // ✅ Added" in a block shown from main.rs: the line is in that file.
    const shown = shownCode(ctx, claim);
    if (shown) return [shown];
    // "No policies defined for Registration, Order": the companions by the names frameworks give them.
    if (claim.absentUnits) {
      const gap = absentUnitsFinding(ctx, claim);
      return gap ? [gap] : [];
    }
    // "<tomcat.version>10.1.35</tomcat.version>" quoted from the build: the build's line decides.
    if (claim.quotedBuildLine) {
      const quoted = quotedBuildLineFinding(ctx, claim);
      return quoted ? [quoted] : [];
    }
    // "github.com/acme/proxy/internal/auth" under "Tested packages": that folder, and its tests.
    const pkg = importPathFinding(ctx, claim);
    if (pkg) return [pkg];
    // "MIT licensed": the license file must be that license.
    const license = licenseFinding(ctx, claim);
    if (license) return [license];
    // "Breaking change policy documented in README": the README's own words decide.
    const topic = docTopic(claim);
    if (topic) return [docTopicFinding(ctx, topic)];
    // "Workers: `app/workers/`" under "Coverage areas": a test must refer to it.
    const covered = coveredPath(claim);
    if (covered) return [coveredFinding(ctx, covered, FULL.test(claim.text))];
  }
  // "RibbonConfiguration.java deleted", "Zuul removed", "migrate from SQLite": what is named must
  // be gone — from the files, the dependencies and the manifests — and nothing else decides.
  const gone = claim.removed ? claim.subject : removedThing(claim.subject);
  if (ctx && gone) {
    const files = namesIn(gone).paths;
    if (files.length) return files.slice(0, 6).map((p) => ({ ...fileFinding(ctx, p), negated: true }));
  }
  const removals = namesOf(claim).packages.filter((p) => p.change === 'removed');
  // "**Removed dependencies:** - okhttp": the item is the package's name.
  if (ctx && claim.removed && !removals.length && /^[@\w][\w.@/-]*(?: [\w.-]+)?$/.test(claim.subject)) {
    const name = claim.subject.toLowerCase();
    return [packageFinding(ctx, { name, change: 'removed' }, ctx.search.hits.get(`pkg:${name}`) ?? [])];
  }
  if (ctx && removals.length)
    return namesOf(claim).packages.map((p) => packageFinding(ctx, p, ctx.search.hits.get(`pkg:${p.name}`) ?? []));
  const asPath = claim.subject.replace(/:\d+(?:-\d+)?$/, '');
  if (ctx && PATH_SUBJECT.test(claim.subject) && namesIn(asPath).paths.includes(asPath.replace(/^\.\//, ''))) {
    const line = /:(\d+)(?:-\d+)?$/.exec(claim.subject)?.[1] ?? linesAfter(claim.text, asPath);
    if (line && claim.asserted === 'done') return [lineFinding(ctx, asPath, Number(line))];
    const file = inLocus(ctx, claim.locus, asPath) ?? fileFinding(ctx, asPath);
    // "`config.py` (line 18) makes `SECRET_KEY` required": what it names, elsewhere in the file.
    const misplaced = claim.asserted === 'done' ? fileLineFinding(ctx, claim.raw ?? claim.text, asPath, file) : null;
    if (misplaced) return [misplaced];
    // "`src/api.js`: the public API now calls …": a change in the file, not only the file.
    // ("`frontend/*.html` - static pages": files by their extension, which no one change is about.)
    if (
      claim.asserted === 'done' &&
      file.present === 'yes' &&
      !/(?:^|\/)\.[a-z0-9]+$/i.test(asPath) &&
      DESCRIBED.test(claim.text.slice(claim.text.indexOf(asPath) + asPath.length))
    )
      return [changeFinding(ctx, claim, file)];
    // "`src/engine/mod.rs` (280 lines)": there, and as long as said.
    const length = sizeOfFile(claim.text);
    if (claim.asserted === 'done' && length)
      return [linesFinding(ctx, file, Number(length[1] ?? length[2]), /\(\s*~/.test(length[0]))];
    // "`requirements.txt` (23 dependencies)": the manifest, and as many dependencies as said.
    const deps = DEP_COUNT.exec(claim.text);
    if (claim.asserted === 'done' && deps && file.present === 'yes') {
      const counted = depCountFinding(ctx, file, Number(deps[1]));
      if (counted) return [counted];
    }
    if (claim.asserted === 'done' || file.present !== 'yes') return [file];
    // A file said to lack something: what the rule found in that very file decides.
    const at = file.evidence[0]!.path;
    const inFile = rule?.evidence.filter((e) => e.path === at) ?? [];
    if (inFile.length) return [{ ...rule!, present: 'yes', detail: `${rule!.detail} (in ${at})`, evidence: inFile }];
    return rule?.present === 'no' ? [rule] : [];
  }
  // "`docs/RUNBOOK.md` added": the file named is what the claim is about — in the folder the block
  // names, when it names one and the file is there.
  // "Follows the guidelines from CLAUDE.md": the document is the standard; following it is a judgement.
  const standard = (p: string) => CONFORMS.test(claim.text) && DOC_FILE.test(p);
  if (ctx && claim.asserted === 'done') {
    const named = namesIn(claim.subject).paths.filter((p) => !standard(p));
    // "`src/engine/mod.rs` (280 lines)": the file, and as long as said.
    const length = sizeOfFile(claim.text);
    if (named.length === 1 && length)
      return [
        linesFinding(
          ctx,
          inLocus(ctx, claim.locus, named[0]!) ?? fileFinding(ctx, named[0]!),
          Number(length[1] ?? length[2]),
          /\(\s*~/.test(length[0]),
        ),
      ];
    // "Added missing `getTrade(id)` method to the API client (`src/api/client.ts`)": the code the change
    // names must be in the file it names; the file being there shows no change.
    const inText = namesIn(claim.text).paths.filter((p) => !standard(p));
    if (
      named.length === 0 &&
      inText.length === 1 &&
      CHANGED.test(claim.raw ?? claim.text) &&
      codeSpans(claim.raw ?? claim.text).length
    ) {
      const file = inLocus(ctx, claim.locus, inText[0]!) ?? fileFinding(ctx, inText[0]!);
      if (file.present === 'yes') return [changeFinding(ctx, claim, file)];
    }
    if (named.length) return named.slice(0, 6).map((p) => inLocus(ctx, claim.locus, p) ?? fileFinding(ctx, p));
  }
  // Mechanisms are named in words, not in the paths a claim gives ("docs/RUNBOOK.md added").
  // "/ready exposed for the load balancer": what follows "for" is the purpose, not a mechanism claimed.
  // ("Privacy Policy/Terms" is words; "docs/RUNBOOK.md" a path.)
  const words = (t: string) => withoutPurpose(namesIn(t).paths.reduce((x, p) => x.split(p).join(' '), t));
  const inSubject = mechanismsIn(words(claim.subject));
  const inText = mechanismsIn(words(claim.text)).filter((m) => !inSubject.includes(m));
  if (!ctx) {
    if (!rule) return [];
    return inSubject.length ? inSubject.map((m) => mechanismFromRule(m, rule)) : [rule];
  }
  const out: Finding[] = [];
  // "No request schema validation": a declared schema is what validation by hand never is, so the
  // usual spellings (a schema library, annotations) not being there does show it absent.
  const declared = (m: Mechanism, f: Finding): Finding => {
    if (!m.byHand || !f.unproven || !/\bschemas?\b/i.test(plain(claim.raw ?? claim.text))) return f;
    const { unproven: _, ...rest } = f;
    return rest;
  };
  // "Comprehensive error handling examples": the examples are what is claimed; error handling is
  // what they show.
  const headWord = HEAD_NOUN.exec(claim.subject)?.[0];
  const head = headWord ? inSubject.find((m) => m.claim.test(headWord)) : undefined;
  if (head) inSubject.splice(0, inSubject.length, head);
  if (inSubject.length) {
    // The mechanism the claim is about decides: a rule that misses it, or finds fault elsewhere
    // in the practice, is not evidence about the mechanism named.
    const found = inSubject.map((m) =>
      declared(m, mechanismFinding(ctx, m, m.family.startsWith('feature:') ? null : rule)),
    );
    out.push(...found);
    // "Connection pooling and retry policies": a practice named beside the mechanism is checked too.
    if (rule && via && !inSubject.some((m) => m.claim.test(via))) out.push(rule);
  } else {
    if (rule) out.push(rule);
    out.push(...inText.map((m) => declared(m, mechanismFinding(ctx, m, null))));
  }
  const names = namesOf(claim);
  // Code shown as what the repository holds ("Secret: getEnv(\"JWT_SECRET\", \"default-…\")"): its
  // quoted strings are the most specific part of it, and must be there.
  if (claim.source === 'fence' && names.literals.length) {
    const lits = names.literals.map((l) => searchFinding(ctx, `"${l}"`, ctx.search.hits.get(`lit:${l}`)));
    // One string of the line gone and the line is not there as shown (a default removed, a key
    // renamed), however common its other strings are.
    const gone = lits.filter((f) => f.present === 'no');
    return gone.length ? gone : lits;
  }
  // "Maven 3.x → 4.x compatible": compatibility is shown by building, not by the versions declared.
  const compatible = /\bcompatib|\bkompatib/i.test(claim.text);
  // "CI health check script", "Troubleshooting guide": a file of that kind named so is the thing
  // itself, more specific than the practice a rule checks. Release notes are a changelog.
  const artifact =
    releaseNotesFinding(ctx, claim) ??
    docCommentFinding(ctx, claim.subject) ??
    artifactFinding(ctx, claim.subject) ??
    documentationFinding(ctx, claim.subject);
  if (artifact) {
    const i = out.findIndex((f) => f.basis.startsWith('rule:'));
    if (i >= 0) out.splice(i, 1);
    out.push(artifact);
  }
  for (const p of names.paths.filter((x) => !standard(x)).slice(0, 6)) {
    const f = fileFinding(ctx, p);
    out.push(fileLineFinding(ctx, claim.raw ?? claim.text, p, f) ?? f);
  }
  if (!compatible)
    for (const p of names.packages) out.push(packageFinding(ctx, p, ctx.search.hits.get(`pkg:${p.name}`) ?? []));
  const aboutTests = /\btests?\b|\bspecs?\b|pruebas|testfälle/i.test(`${claim.text} ${claim.section ?? ''}`);
  for (const e of names.endpoints) {
    const full = ctx.search.hits.get(`ep:${e}`);
    const last = `/${e.split('/').filter(Boolean).pop() ?? ''}`;
    const seg = (ctx.search.hits.get(`eps:${last}`) ?? []).filter(
      // A route's path alone on its line is the argument of a decorator above it (`@router.post(`).
      (h) => (ROUTE_LINE.test(h.snippet) || /^["'`]\/[\w/{}:.-]*["'`],?$/.test(h.snippet)) && !h.test,
    );
    // Written whole only in tests (a load test's URL) while the code routes its last segment under
    // a prefix: the code's route is the endpoint.
    const inCode = full?.some((h) => !h.test);
    // "/api/verify/{recordId}" where the code routes /api/verify/record/:recordId: the prefix is
    // there, the route named is not.
    const exact = PLACEHOLDER_END.test(e) ? endpointExact(e) : null;
    // "GET /api/users/:id" where a server mounts a router at /api/users that routes '/:id': the
    // route as the mount and the router compose it, where no file writes it whole.
    const whole = exact ?? endpointExact(e);
    const mounted = full?.some((h) => !h.test && whole.test(h.snippet))
      ? null
      : mountedRoute(ctx, e, methodBefore(claim.raw ?? claim.text, e));
    if (mounted) {
      out.push(mounted);
      continue;
    }
    const grouped = exact && !full?.some((h) => !h.test && exact.test(h.snippet)) ? groupedRoute(ctx, e) : null;
    if (grouped) {
      out.push(grouped);
      continue;
    }
    if (exact && inCode && !full!.some((h) => !h.test && exact.test(h.snippet))) {
      const near = full!.filter((h) => !h.test);
      out.push({
        subject: `endpoint ${e}`,
        basis: 'search',
        present: 'partly',
        detail: `a route under ${e.replace(PLACEHOLDER_END, '')} exists, but not ${e} as written`,
        evidence: near.slice(0, 2).map((h) => ({ path: h.path, line: h.line, snippet: h.snippet })),
      });
      continue;
    }
    // Composed by the file from its group prefixes or nested URL lists, where no string writes it whole.
    const composed = inCode
      ? null
      : composedRouteFinding(ctx, e, ctx.search.hits.get(`epq:${e}`) ?? [], methodBefore(claim.raw ?? claim.text, e));
    if (composed && (composed.present !== 'unknown' || !seg.length)) {
      out.push(composed);
      continue;
    }
    const routed =
      inCode || !seg.length
        ? searchFinding(ctx, `endpoint ${e}`, full, aboutTests)
        : { ...searchFinding(ctx, `endpoint ${e}`, seg), detail: `${last} is routed (under a prefix, as ${e})` };
    // Written in a router file nothing requires: defined, not served. Written only on a comment line
    // of the code that routes: not served either.
    const commented = [
      ...(ctx.search.commented?.get(`ep:${e}`) ?? []),
      ...(ctx.search.commented?.get(`eps:${last}`) ?? []),
    ];
    const off =
      claim.asserted === 'done' && commented.length
        ? commentedOutRoute(e, commented, [...(full ?? []), ...(ctx.search.hits.get(`eps:${last}`) ?? [])])
        : null;
    out.push(off ?? unmountedRouter(ctx, routed) ?? routed);
  }
  // Arguments of an annotation the code does not have ("@EnableGlobalMethodSecurity(securedEnabled =
  // true)" where the code has @EnableMethodSecurity(securedEnabled = true)) are not set by it: the
  // annotation decides, and its arguments found elsewhere confirm nothing.
  const argsOfMissing: string[] = [];
  for (const a of names.annotations) {
    const f = searchFinding(ctx, a, ctx.search.hits.get(`ann:${a}`));
    out.push(f);
    const args = new RegExp(`${escapeRe(a)}\\(([^()]*)\\)`).exec(claim.text)?.[1];
    if (args && f.present === 'no') argsOfMissing.push(args.toLowerCase().replace(/[^a-z0-9]/g, ''));
  }
  const ownArgument = (s: Setting) =>
    argsOfMissing.some((a) => a.includes(s.key.toLowerCase().replace(/[^a-z0-9]/g, '')));
  // A test's own name, or a claim about tests, is shown by the test files themselves.
  // "Fixed map_or usage - Changed to is_some_and": the code fixed is what was, not what must be.
  const old = new Set(
    [...claim.text.matchAll(/\b(?:fixed|replaced|removed|dropped|deprecated|instead of)\s+`?([\w.]+)/gi)].map(
      (m) => m[1]!,
    ),
  );
  for (const id of names.identifiers.filter((x) => !old.has(x))) {
    const f = searchFinding(
      ctx,
      id,
      ctx.search.hits.get(`id:${id}`),
      aboutTests || /(?:Tests?|Spec|IT)(?:\.|$)|^test_/.test(id),
    );
    // A test named there whose body calls nothing but assertions.
    out.push(emptyTest(ctx, id, f) ?? f);
  }
  // "Custom StringArray type", "RefreshDatabase in the tests": camelCase names written without ticks,
  // each defined, imported or a file of the repository (prose-names.ts); all found or none used.
  out.push(
    ...proseFindings(
      ctx,
      claim,
      proseNamesOf(claim).filter((x) => !old.has(x)),
      names.paths,
    ),
  );
  const hardcoded = /\bhard-?cod|\bhartcodiert|\bhardcodiert|\bcodificad[oa] (?:de forma )?fij|\ben dur\b/i.test(
    claim.text,
  );
  // "Server port: 8761" under "### EurekaServer/application.yml": the key in that file, when the
  // configuration holds it, says more than a search for the word "port" anywhere.
  const configured = names.settings.length && !hardcoded ? configFinding(ctx, claim, claim.asserted !== 'done') : null;
  if (configured) out.push(configured);
  else
    for (const s of names.settings.filter((x) => !ownArgument(x)))
      out.push(
        settingFinding(
          ctx,
          s,
          settingKey(s, names.paths),
          hardcoded,
          /\b(?:fails?|failed|failing|conflicts?|in use|refused|crash\w*|error)\b/i.test(claim.text),
        ),
      );
  for (const l of names.literals) out.push(searchFinding(ctx, `"${l}"`, ctx.search.hits.get(`lit:${l}`)));
  if (CI_WORDS.test(claim.text))
    for (const t of TOOLS.filter((x) => x.claim.test(claim.text))) {
      const f = toolFinding(ctx, t.tool);
      if (f) out.push(f);
    }
  // "PostgreSQL + async SQLAlchemy", "MongoDB with Mongoose": a word that is the name of a declared
  // library says the library is used, when nothing else decides.
  if (!out.length) out.push(...declaredNames(ctx, claim));
  return out;
}

/** Words of a claim that name a declared dependency exactly ("SQLAlchemy", "Mongoose"). */
function declaredNames(ctx: LookupContext, claim: Claim): Finding[] {
  const byName = once(ctx, 'deps-by-name', () => {
    const m = new Map<string, (typeof ctx.facts.dependencies)[number]>();
    for (const d of ctx.facts.dependencies) if (!m.has(d.name.toLowerCase())) m.set(d.name.toLowerCase(), d);
    return m;
  });
  const out: Finding[] = [];
  const words = claim.text.split(/[^\w.@/-]+/).filter(Boolean);
  // "bcrypt" is bcryptjs, "Tailwind CSS" is tailwindcss: the spellings packages take.
  const named = (w: string) =>
    byName.get(w) ?? byName.get(`${w}js`) ?? byName.get(`${w}.js`) ?? byName.get(w.replace(/\.js$/, ''));
  const candidates = [...words, ...words.slice(1).map((w, k) => `${words[k]}${w}`)];
  for (const w of new Set(candidates)) {
    const d = w.length >= 5 && !GENERIC_WORD.test(w) ? named(w.toLowerCase()) : undefined;
    if (!d || out.length >= 2) continue;
    out.push({
      subject: d.name,
      basis: 'dependency',
      present: 'yes',
      detail: `${d.name}${d.version ? ` ${d.version}` : ''} is a declared dependency`,
      evidence: [{ path: d.path, ...(d.line ? { line: d.line } : {}), snippet: `${d.name} ${d.version ?? ''}`.trim() }],
    });
  }
  return out;
}

/** Words that are also package names but say nothing of one in a claim ("testing", "logging"). */
const GENERIC_WORD =
  /^(?:testing|logging|config|request|requests|express|session|sessions|router|server|client|utils|common|core|cache|types|debug|async|crypto|events|stream|build|tests?|mock|mocks|validation|security|monitoring|metrics|tracing|deploy|docker)$/i;

const RELEASE_NOTES = /\brelease notes\b|\bchangelog\b|\bversionshinweise\b|\bnotas de (?:la )?versi[oó]n\b/i;
const CHANGELOG_FILE = /(?:^|\/)(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|RELEASES|NEWS)(?:\.[a-z]+)?$/i;

/** "Added release notes for 0.1.0": a changelog that speaks of the version named. */
function releaseNotesFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (!RELEASE_NOTES.test(claim.subject)) return null;
  const files = ctx.files.paths.filter((p) => CHANGELOG_FILE.test(p) && !VENDORED.test(p) && p !== ctx.documentPath);
  const base = { subject: 'release notes', basis: 'file' } as const;
  if (!files.length)
    return {
      ...base,
      present: 'no',
      detail: 'no changelog or release notes file',
      evidence: [{ path: '.', note: 'no CHANGELOG, CHANGES, HISTORY or RELEASE_NOTES' }],
    };
  const version = claim.text
    .split(/\s+/)
    .map((w) => /^v?(\d+\.\d+(?:\.\d+)?)$/.exec(w.replace(/^[(["'`]+|(?<![)\]"'`,.:;])[)\]"'`,.:;]+$/g, ''))?.[1])
    .find(Boolean);
  if (!version)
    return { ...base, present: 'yes', detail: `${files[0]} holds the release notes`, evidence: [{ path: files[0]! }] };
  for (const path of files.slice(0, 4)) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    const at = lines.findIndex((l) => l.includes(version));
    if (at >= 0)
      return {
        ...base,
        present: 'yes',
        detail: `${path} has notes for ${version}`,
        evidence: [{ path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) }],
      };
  }
  return { ...base, present: 'no', detail: `${files[0]} has no notes for ${version}`, evidence: [{ path: files[0]! }] };
}

/** "Comprehensive Rustdoc documentation", "Docstrings on public functions": comments a documentation tool reads. */
const DOC_COMMENTS =
  /\b(?:rustdoc|javadoc|jsdoc|tsdoc|godoc|pydoc|doxygen|docstrings?|doc[- ]comments?|api documentation|inline documentation|code documentation)\b/i;
const DOC_COMMENT_LINE = /^\s*(?:\/\/\/|\/\/!|\/\*\*|"""|''')/;
const SOURCE = /\.(?:rs|java|kt|scala|ts|tsx|js|mjs|go|py|cs|swift|php|rb|c|h|cpp|hpp)$/;
function docCommentFinding(ctx: LookupContext, subject: string): Finding | null {
  if (!DOC_COMMENTS.test(subject)) return null;
  return once(ctx, 'doc-comments', (): Finding => {
    const sources = ctx.files.paths.filter(
      (p) => SOURCE.test(p) && !VENDORED.test(p) && !/(?:^|\/)(?:tests?|spec)\//.test(p),
    );
    const shown: Evidence[] = [];
    let files = 0;
    for (const path of sources.slice(0, 300)) {
      const lines = (fileText(ctx, path) ?? '').split('\n');
      const at = lines.findIndex((l) => DOC_COMMENT_LINE.test(l));
      if (at < 0) continue;
      files++;
      if (shown.length < 3) shown.push({ path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) });
    }
    const read = Math.min(sources.length, 300);
    const base = { subject: 'doc comments', basis: 'search' } as const;
    return files
      ? { ...base, present: 'yes', detail: `doc comments in ${files} of ${read} source files`, evidence: shown }
      : {
          ...base,
          present: 'no',
          detail: `no doc comments in ${read} source files`,
          evidence: [{ path: '.', note: 'no ///, //!, /** or docstring lines' }],
        };
  });
}

/** "Basic documentation", "Comprehensive documentation": a README or a docs folder. */
const DOCUMENTATION =
  /^(?:(?:basic|comprehensive|complete|full|project|user|extensive|detailed|good|proper|initial)\s+)?(?:documentation|docs|dokumentation|documentaci[oó]n)(?:\s+(?:provided|added|written|created|available|exists?|in place|complete[d]?))?$/i;
function documentationFinding(ctx: LookupContext, subject: string): Finding | null {
  if (!DOCUMENTATION.test(subject.trim())) return null;
  const docs = ctx.files.paths.filter(
    (p) =>
      /(?:^|\/)readme(?:\.[a-z]+)?$|^docs?\/.+\.(?:md|mdx|rst|adoc)$/i.test(p) &&
      p !== ctx.documentPath &&
      !VENDORED.test(p),
  );
  return docs.length
    ? {
        subject,
        basis: 'file',
        present: 'yes',
        detail: `${docs[0]} documents the project`,
        evidence: docs.slice(0, 2).map((path) => ({ path })),
      }
    : {
        subject,
        basis: 'file',
        present: 'no',
        detail: 'no README and no docs folder',
        evidence: [{ path: '.', note: 'no README or docs/' }],
      };
}

/** Kinds of file a claim can name, and how such files are named. */
const ARTIFACTS: [RegExp, RegExp][] = [
  [
    /\b(guides?|documentation|docs|documented|handbook|manual|playbooks?|runbooks?|policy|procedures?|reports?|checklists?|leitfaden|dokumentation|bericht|gu[ií]a|documentaci[oó]n|informe)\b/i,
    /\.(?:md|mdx|rst|adoc|txt|html|pdf)$|(?:^|\/)docs?\//i,
  ],
  [/\b(scripts?|skript|script de)\b/i, /\.(?:sh|bash|ps1|py|js|mjs|ts|rb|pl|bat|cmd)$|(?:^|\/)(?:Makefile|justfile)$/i],
];
const GENERIC =
  /^(?:guides?|documentation|docs|documented|document|documents|handbook|manual|with|and|the|for|clear|comprehensive|complete|full|setup|instructions|production|prod|create|write|prepare|best|practices?|detailed|updated|update|latest|results|available|created|written|exists?|project|general|basic|user|developer|team|procedures?|process|plan|notes|info|information|added|add|review|reviewed|verified|tested|not|performed)$/i;
/** "Troubleshooting guide", "CI health check script": a file of that kind whose name holds every word of the subject. */
function artifactFinding(ctx: LookupContext, subject: string): Finding | null {
  return once(ctx, `artifact:${subject}`, () => artifactFindingOf(ctx, subject));
}

function artifactFindingOf(ctx: LookupContext, subject: string): Finding | null {
  const kind = ARTIFACTS.find(([claim]) => claim.test(subject));
  if (!kind) return null;
  const keys = subject
    .toLowerCase()
    .split(/[^a-z0-9äöüéáíóú]+/)
    .filter((w) => w.length >= 4 && !GENERIC.test(w) && !kind[0].test(w));
  if (keys.length === 0 || keys.length > 3) return null;
  const candidates = once(ctx, `kind:${kind[1].source}`, () =>
    ctx.files.paths.filter(
      (p) => kind[1].test(p) && p !== ctx.documentPath && !VENDORED.test(p) && !/(^|\/)\./.test(p),
    ),
  );
  const hit = candidates.filter((p) => {
    const name = p.split('/').pop()!.toLowerCase();
    return keys.every((k) => name.includes(k.slice(0, Math.max(5, k.length - 3))));
  });
  if (hit.length === 0) return null;
  // The name that says most of the subject first ("COMPREHENSIVE_TEST_REPORT.md" for "comprehensive test report").
  const all = subject
    .toLowerCase()
    .split(/[^a-z0-9äöüéáíóú]+/)
    .filter((w) => w.length >= 3);
  const score = (p: string) => all.filter((w) => p.toLowerCase().split('/').pop()!.includes(w.slice(0, 5))).length;
  hit.sort((a, b) => score(b) - score(a));
  return {
    subject,
    basis: 'file',
    present: 'yes',
    detail: `${hit[0]} is that file`,
    evidence: hit.slice(0, 2).map((path) => ({ path })),
  };
}
