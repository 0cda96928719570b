/**
 * Files a document places at a path: a file tree drawn in a fence, node by node ("├── auth_flow_test.go
 * (3 tests - Login flows)", whose note may count the file's tests or lines), a status naming where a
 * thing lives ("Implemented in `src/rate_limit/limiter.py`"), a citation of code ("`server.go:59-63`",
 * "`auth.go:HandleLogin`"). A file of that name elsewhere only ("moved to .backup/") leaves the document
 * out of date. And tests a fenced list names ("- TestAuthFlow_LoginSuccess"), each defined by name.
 */
import type { Claim } from './extract.js';
import type { Out } from './judge.js';
import { fileFinding, type LookupContext } from './lookup.js';
import type { VerifiedClaim } from './schema.js';
import { fileText } from './problems.js';
import { testFileHeading } from './tested.js';
import { composeServiceCounts } from './listed.js';
import { table } from '../util/table.js';
import { folderUnitCount, folderUnitReason } from './folder-units.js';

export function judgePlaced(claim: Claim, ctx: LookupContext, out: Out): VerifiedClaim {
  const cited = /^(.*?):(?:(\d+)(?:-(\d+))?|([A-Za-z_$][\w$]*(?:(?:\/|, ?)[A-Za-z_$][\w$]*){0,5}))$/.exec(
    claim.placed!,
  );
  const node = cited ? cited[1]! : claim.placed!;
  const tree = claim.source === 'fence';
  const file = fileFinding(ctx, node);
  // "**Missing:** .github/workflows/ci.yml": the file the line says is not there.
  if (claim.asserted === 'not-done')
    return out(
      'file',
      file.present === 'yes' ? 'contradicted' : file.present === 'no' ? 'confirmed' : 'unverifiable',
      file.present === 'yes'
        ? `the document says ${node} is missing, but ${file.detail}`
        : file.present === 'no'
          ? `absent, as the document says: ${file.detail}`
          : file.detail,
      file.evidence,
    );
  if (file.present === 'yes') {
    const path = file.evidence[0]!.path;
    // "`server.go:59-63`": lines the file must reach; "`auth.go:HandleLogin/HandleLogout`": names it must hold.
    if (cited && /\.\w+$/.test(path)) {
      const text = fileText(ctx, path) ?? '';
      const length = text.replace(/\n$/, '').split('\n').length;
      const last = Number(cited[3] ?? cited[2] ?? 0);
      if (last && text) {
        const first = Number(cited[2]);
        if (last > length)
          return out(
            'file',
            'contradicted',
            `${path} has ${length} lines, so the document's line ${last} is not in it (the citation is out of date)`,
            [{ path, note: `${length} lines` }],
          );
        // "`auth.RequireAdmin` (`server.go:109`)", "`server.go:118` calls `http.ListenAndServe`": the
        // code the line names beside the citation is at those lines, or the lines have moved.
        const code = codeNamed(claim.raw ?? '', claim.placed!);
        const rows = text.split('\n');
        const near = (k: number) => k >= first - 4 && k <= last + 2;
        const hits = code.map((name) => {
          const re = new RegExp(`(?<![\\w$])${name.replace(/[$.]/g, '\\$&')}(?![\\w$])`);
          const at = rows.map((r, k) => (re.test(r) ? k + 1 : 0)).filter(Boolean);
          return { name, at };
        });
        const placedRight = hits.filter((h) => h.at.some(near));
        const moved = hits.filter((h) => h.at.length && !h.at.some(near));
        if (moved.length && !placedRight.length)
          return out(
            'file',
            'partially-confirmed',
            `${path} holds ${moved[0]!.name}, but at line ${moved[0]!.at.slice(0, 3).join(', ')}, not ${cited[2]}${cited[3] ? `-${cited[3]}` : ''} (the line numbers are out of date)`,
            [{ path, line: moved[0]!.at[0]!, note: moved[0]!.name }],
          );
        // "`Config.kt:84` exempts `/graphql` from CSRF:" above a block: the lines shown below are what
        // those lines must hold, and they are checked one by one — the file's length settles nothing.
        if (!placedRight.length && /:\s*$/.test((claim.raw ?? '').trim()))
          return out(
            'file',
            'unverifiable',
            `${path} has ${length} lines; the code shown below the line is what they must hold`,
            [{ path, line: first, note: `${length} lines` }],
          );
        // A file long enough to hold the lines says nothing of what they hold: code moves and a citation
        // goes stale while the file grows. Only the code the line names, found at those lines, confirms.
        if (!placedRight.length)
          return out(
            'file',
            'unverifiable',
            `${path} is there (${length} lines), but what line ${cited[2]}${cited[3] ? `-${cited[3]}` : ''} holds is not compared with the document`,
            [{ path, line: first, note: `${length} lines` }],
          );
        return out(
          'file',
          'confirmed',
          `found: ${placedRight.map((h) => h.name).join(', ')} at ${path}:${placedRight[0]!.at.find(near)}`,
          [{ path, line: placedRight[0]!.at.find(near)!, note: `${length} lines` }],
        );
      }
      const names = cited[4]?.split(/\/|, ?/) ?? [];
      if (names.length && text) {
        const at = (name: string) => {
          const k = text.search(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`));
          return k < 0 ? 0 : text.slice(0, k).split('\n').length;
        };
        const lines = names.map(at);
        const missing = names.filter((_, k) => !lines[k]);
        return out(
          'file',
          missing.length ? 'contradicted' : 'confirmed',
          missing.length
            ? `${path} is there, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in it (the citation is out of date)`
            : `found: ${names.join(', ')} in ${path}`,
          missing.length
            ? [{ path, note: `no ${missing[0]}` }]
            : names.map((n, k) => ({ path, line: lines[k]!, note: n })),
        );
      }
    }
    // "src/app/   # 40 PHP files": a folder's files of a kind, counted.
    const note = tree ? claim.text.slice(claim.text.indexOf(node) + node.length) : '';
    const files = tree && node.endsWith('/') ? FOLDER_COUNT.exec(note) : null;
    const kind = files?.[2]?.toLowerCase() ?? '';
    // (A kind no extension tells, "config files", "source files", is not counted.)
    if (files && (!kind || kind === 'test' || kind in KIND_EXT)) {
      const under = folderPath(ctx, node);
      if (under !== null) {
        const of = ctx.files.paths.filter((p) => p.startsWith(under) && fileOfKind(p.slice(under.length), kind));
        const want = Number(files[1]);
        return out(
          'file',
          of.length === want ? 'confirmed' : 'contradicted',
          of.length === want
            ? `found: ${under} holds ${of.length} ${kind ? `${kind} ` : ''}files`
            : `${under} holds ${of.length} ${kind ? `${kind} ` : ''}files, not ${want}`,
          [{ path: of[0] ?? under, note: `${of.length} files` }],
        );
      }
    }
    // "(4 tests - Material CRUD)", "(540 lines)": the figures a tree's note gives, compared exactly.
    const counted = tree && /\.\w+$/.test(node) ? testFileHeading(ctx, claim) : null;
    if (counted?.length) {
      const held = counted.filter((f) => f.present === 'yes').length;
      const said = counted.map((f) => f.detail).join('; ');
      return out(
        counted[0]!.basis,
        held === counted.length ? 'confirmed' : 'contradicted',
        held === counted.length ? `found: ${said}` : `the tree says ${claim.text}, but ${said}`,
        counted.flatMap((f) => f.evidence),
      );
    }
    // "docker-compose.yml  # 9 services properly configured": a figure no lookup counts.
    const figure = tree
      ? /(?<![\w.%-])(\d+)\+?\s+(?!%)[A-Za-z\u00C0-\u024F]+/.exec(
          note
            .split(/\s+/)
            .filter((w) => !/%\)?$/.test(w))
            .join(' '),
        )
      : null;
    // "docker-compose.yml  # 9 services": the services that compose file defines.
    const services =
      figure && /^(\d+)\+?\s+(?:services?|containers?|servi[çc]os?|servicios?|dienste)$/i.exec(figure[0].trim());
    const compose = services ? composeServiceCounts(ctx).find((c) => c.path === file.evidence[0]?.path) : undefined;
    if (services && compose) {
      const want = Number(services[1]);
      return out(
        'config',
        compose.count === want ? 'confirmed' : 'contradicted',
        compose.count === want
          ? `found: ${compose.path} defines ${want} services`
          : `the note says ${want} services, but ${compose.path} defines ${compose.count}: the document is out of date`,
        [{ path: compose.path, note: `${compose.count} services` }],
      );
    }
    // "Models/  ← 5 domain models": the source files the folder holds are the units counted.
    const under = figure && node.endsWith('/') ? folderPath(ctx, node) : null;
    const units = under !== null ? folderUnitCount(ctx, under, note) : null;
    if (units) return out('file', units.agrees ? 'confirmed' : 'contradicted', folderUnitReason(units), units.evidence);
    if (figure)
      return out(
        'file',
        'unverifiable',
        `${file.detail}; the figure its note gives (${figure[0]!.trim()}) is not counted, so the line is not settled`,
        file.evidence,
      );
    return out('file', 'confirmed', `found: ${file.detail}`, file.evidence);
  }
  // "db.sqlite3 (generated)": a file a run writes, which the repository need not hold.
  if (file.present === 'unknown' || (tree && GENERATED.test(claim.text)))
    return out(
      'file',
      'unverifiable',
      file.present === 'unknown' ? file.detail : `${file.detail}; the document says a run generates it`,
      file.evidence,
    );
  // (A file of that name at another place is the file moved: the document no longer shows where it is.)
  return out(
    'file',
    'contradicted',
    file.present === 'partly'
      ? `the document is out of date: ${file.detail}`
      : `the document places ${node} there, but ${file.detail}`,
    file.evidence,
  );
}

/** "# 40 PHP files", "(32 test files)": a count of a folder's files, and of which kind. */
const FOLDER_COUNT =
  /(?<![\w.])(\d{1,5})\s+(?:([A-Za-z#+]+|test|documentation|doc|markdown)\s+)?(?:files?|fichiers|archivos|arquivos|dateien)\b/i;
/** Notes that say a file is written by a run, not kept ("generated", "gerado", "auto-created", "gitignored"). */
const GENERATED =
  /\b(?:generated|auto-?generated|created at runtime|runtime|gitignored|ignored|not committed|local only|gerad[oa]|generad[oa]|généré|generiert|erzeugt)\b/i;
const KIND_EXT: Record<string, RegExp> = table({
  php: /\.php$/i,
  python: /\.py$/i,
  py: /\.py$/i,
  typescript: /\.tsx?$/i,
  ts: /\.tsx?$/i,
  javascript: /\.[cm]?jsx?$/i,
  js: /\.[cm]?jsx?$/i,
  go: /\.go$/i,
  java: /\.java$/i,
  kotlin: /\.kts?$/i,
  ruby: /\.rb$/i,
  rust: /\.rs$/i,
  'c#': /\.cs$/i,
  csharp: /\.cs$/i,
  swift: /\.swift$/i,
  dart: /\.dart$/i,
  vue: /\.vue$/i,
  markdown: /\.(?:md|mdx)$/i,
  md: /\.(?:md|mdx)$/i,
  documentation: /\.(?:md|mdx|rst|adoc|txt)$/i,
  doc: /\.(?:md|mdx|rst|adoc|txt)$/i,
  yaml: /\.ya?ml$/i,
  json: /\.json$/i,
  sql: /\.sql$/i,
});
function fileOfKind(rel: string, kind: string): boolean {
  if (!kind) return true;
  if (kind === 'test') return TEST_PATH.test(rel) || /(?:^|\/)[^/]*(?:Test|Spec)\.\w+$|(?:^|\/)test_/.test(rel);
  const ext = KIND_EXT[kind];
  return ext ? ext.test(rel) : true;
}
/** The folder a tree's node names, as a listed prefix ("apps/x/src/tests/"), or null. */
function folderPath(ctx: LookupContext, node: string): string | null {
  const want = node.replace(/\/$/, '').toLowerCase();
  for (const p of ctx.files.paths) {
    const l = p.toLowerCase();
    const k = l.indexOf(`${want}/`);
    if (k === 0 || (k > 0 && l[k - 1] === '/')) return p.slice(0, k + want.length + 1);
  }
  return null;
}

/** A test file by its path, whether or not the inventory counted it (an integration suite behind a build tag). */
const TEST_PATH =
  /(?:^|\/)(?:tests?|specs?|__tests__|integration|e2e)\/|_test\.\w+$|\.(?:test|spec)\.\w+$|(?:^|\/)test_\w+\.py$|Tests?\.\w+$/;
/** A folder whose name starts with a dot or an underscore: kept aside ("go test ./..." and pytest skip it). */
const ASIDE = /(?:^|\/)[._][^/]+\//;

/** Where each named test is defined: test files in the repository, hidden folders apart. */
function definitions(ctx: LookupContext, names: string[]): Map<string, { run?: string; aside?: string }> {
  const out = new Map(names.map((n) => [n, {} as { run?: string; aside?: string }]));
  const paths = ctx.files.paths.filter((p) => TEST_PATH.test(p)).slice(0, 5000);
  const escaped = names.map((n) => n.replace(/[.$]/g, '\\$&'));
  const def = new RegExp(
    `\\b(?:func|def|fun|fn|function|void|Task|sub)\\s+(?:\\([^)\\n]{0,200}\\)\\s*)?(${escaped.join('|')})\\s*[(<[]`,
    'g',
  );
  for (const path of paths) {
    const text = fileText(ctx, path);
    if (!text) continue;
    for (const m of text.matchAll(def)) {
      const seen = out.get(m[1]!)!;
      if (ASIDE.test(path)) seen.aside ??= path;
      else seen.run ??= path;
    }
  }
  return out;
}

/**
 * "- TestAuthFlow_LoginSuccess": the test is defined in a test file. "// Auth Flow (3 tests)" over
 * such names: each is defined and there are as many as it says.
 */
export function judgeTestsNamed(claim: Claim, ctx: LookupContext, out: Out): VerifiedClaim {
  const names = claim.testsNamed!;
  const found = definitions(ctx, names);
  const missing = names.filter((n) => !found.get(n)!.run);
  const where = (n: string) => found.get(n)!;
  const evidence = names
    .map((n) => where(n).run)
    .filter((p): p is string => !!p)
    .filter((p, k, a) => a.indexOf(p) === k)
    .slice(0, 4)
    .map((path) => ({ path }));
  const gone = missing
    .slice(0, 3)
    .map((n) =>
      where(n).aside
        ? `${n} is defined only in ${where(n).aside}, a folder set aside that no test run reaches`
        : `${n} is defined nowhere in the repository's test files`,
    )
    .join('; ');
  if (missing.length)
    return out(
      'tests',
      'contradicted',
      `not as said: ${gone}${missing.length > 3 ? ` (and ${missing.length - 3} more)` : ''}`,
      evidence.length ? evidence : [{ path: '.', note: `no test ${missing[0]}` }],
    );
  const said = claim.number?.value;
  if (said !== undefined && said !== names.length)
    return out(
      'tests',
      'contradicted',
      `the ${names.length} tests listed are defined, but the document counts ${said}`,
      evidence,
    );
  return out(
    'tests',
    'confirmed',
    names.length === 1
      ? `found: ${names[0]} is defined in ${where(names[0]!).run}`
      : `found: the ${names.length} tests listed are defined (${evidence.map((e) => e.path).join(', ')})`,
    evidence,
  );
}

/**
 * "Implemented in `src/rate_limit/limiter.py`", "documented in `.env.example`": where a thing lives,
 * named after a verb of its being there. The path, when it is a file's or folder's.
 */
const PLACED_IN =
  /\b(?:implemented|documented|defined|configured|located|declared|described|handled|stored|kept|registered|wired up|lives|implementad[oa]s?|documentad[oa]s?|definid[oa]s?|configurad[oa]s?|implementiert|dokumentiert|definiert|konfiguriert|implémenté(?:e|s|es)?|documenté(?:e|s|es)?|défini(?:e|s|es)?|configuré(?:e|s|es)?)\s+(?:in|at|under|inside|en|em|im|dans|no|na)\s+`([^`\s]{2,200})`/i;

/** A ticked citation of code: "`internal/api/server.go:59-63`", "`internal/auth/auth.go:HandleLogin/HandleLogout`". */
const CITATION =
  /`((?:[\w.@-]+\/)*[\w@-]+\.[A-Za-z][\w]{0,5}):(\d{1,6}(?:-\d{1,6})?|[A-Za-z_$][\w$]*(?:\/[A-Za-z_$][\w$]*){0,5})`/;

const FILE_SHAPED =
  /^(?:\.?[\w@-][\w.@-]*\/)*(?:[\w@-][\w.@-]*\.[A-Za-z][\w-]{0,9}|\.[\w.-]+)(?::[\w$/-]+)?$|^(?:[\w.@-]+\/)+$/;

/** The path a line places a thing at ("Implemented in `x`"), or the code it cites ("`x.go:59-63`"). */
export function placedIn(raw: string): string | null {
  const at = PLACED_IN.exec(raw);
  const m = at?.[1]?.replace(/^\.\//, '');
  // ("not documented in `x`", "should be implemented in `x`": a gap or a plan, not a place.)
  const before = at ? raw.slice(Math.max(0, at.index - 40), at.index) : '';
  const denied =
    /\b(?:not|never|no longer|isn't|aren't|wasn't|nicht|kein\w*|pas|não|no)\b|n't\b|\b(?:should|must|will|to) be\s*$/i.test(
      before,
    );
  if (m && !denied && FILE_SHAPED.test(m) && !/^\w+:\/\//.test(m)) return m;
  const c = CITATION.exec(raw);
  return c ? `${c[1]}:${c[2]}` : null;
}

/** The code a citing line names beside the citation ("`auth.RequireAdmin`" → RequireAdmin), at most four names. */
function codeNamed(raw: string, cited: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/`([^`\n]{2,80})`/g)) {
    if (m[1] === cited || m[1]!.includes('/')) continue;
    const tokens = m[1]!.split(/[^\w$]+/).filter(Boolean);
    const last = tokens[tokens.length - 1] ?? '';
    const name = /^[A-Za-z_$][\w$]{2,}$/.test(last) ? last : undefined;
    if (name && !out.includes(name)) out.push(name);
  }
  return out.slice(0, 4);
}
