/**
 * The last lookups a reader tries on a short claim no rule, feature or name settled: its words as
 * a configuration key ("HTTP compression enabled" → server.compression.enabled: true, "Sliding
 * window size: 10" → slidingWindowSize: 10, "fortran-lexer: description, keywords" → the keys of
 * fortran-lexer/Cargo.toml) and its proper nouns as dependencies ("Service discovery via Eureka" →
 * spring-cloud-starter-netflix-eureka-client). They confirm what is there; a key set to another
 * value contradicts; a word found nowhere proves nothing.
 */
import { type ConfigEntry, configEntries, stem } from './config.js';
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { inOtherModule, sectionModule } from './module-scope.js';
import { namesIn, splitKey } from './names.js';
import { plain } from './status.js';
import { escapeRe } from '../util/regex.js';

const STOP =
  /^(?:enabled?|disabled?|configured?|configuration|config|settings?|information|details|numbers?|set|setup|exposed|implemented|added|created|complete[d]?|done|ready|available|in|place|applied|defined|present|exists?|updated|verified|working|active|activated|deactivated|on|off|true|false|yes|no|not|the|a|an|to|for|of|with|and|or|via|using|by|per|all|both|each|every|is|are|be|been|has|have|proper(?:ly)?|basic|full(?:y)?|comprehensive|custom|production|correct(?:ly)?|appropriate|default|support(?:ed|s)?|uses?|used|now|new|only|also|auto|automatic(?:ally)?|implement|add|create|make|enable|update|review|consider|optimi[sz]e|ensure|use|strategy|handling|mechanism|feature|functionality|value|values|min|max|ms|sec|secs|seconds?|minutes?|hours?|kb|mb|gb|http|https|status|items?|errors?|name|type|mode|data|info|code|files?|things?|everything|metadata|remaining|verify|checked|tested|passing|passes|clean|warnings?)$/i;
const TRUE = /\b(?:enabled?|activated?|active|on|true|aktiviert|habilitad[oa]|activ[ée]e?)\b/i;
const FALSE = /\b(?:disabled?|deactivated?|off|false|deaktiviert|deshabilitad[oa]|d[ée]sactiv[ée]e?)\b/i;

const SETTING_VERB =
  /\b(?:configured|set|set up|defined|enabled|exposed|in place|updated|added|filled in|provided|konfiguriert|configurad[oa]|configuré)\b/i;
const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;

export interface Terms {
  words: string[];
  numbers: number[][];
  /** A word value ("update", "utc", "json"), or a boolean from "enabled"/"disabled". */
  word?: string;
  /** The file or folder the claim is about (a heading "### BookService/application.yml"). */
  scope?: string;
  /** A name the claim starts with ("fortran-lexer: …"), whose keys it lists. */
  lead?: string;
}

export function termsOf(claim: Claim): Terms | null {
  const text = plain(claim.text).split(/\s[-–—]\s/)[0]!;
  const numbers: number[][] = [];
  for (const m of text.matchAll(
    /(?<![\w.])(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?|kb|mb|gb|%|秒|分钟|分|小时|天|日)?(?![\w.])/gi,
  )) {
    const n = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    const same = [n];
    // "TTL: 30天" where the key holds 2592000: a duration is the same in seconds or milliseconds.
    if (/^(?:s|秒)/.test(unit)) same.push(n * 1000);
    if (/^(?:m$|min|分)/.test(unit)) same.push(n * 60, n * 60000);
    if (/^(?:h|小时)/.test(unit)) same.push(n * 3600, n * 3600000);
    if (/^(?:d|天|日)/.test(unit)) same.push(n * 86400, n * 86400000);
    if (unit === 'kb') same.push(n * 1024, n * 1000);
    if (unit === 'mb') same.push(n * 1024 * 1024, n * 1_000_000);
    numbers.push(same);
  }
  const setTo = /\b(?:set to|to|=)\s+[`"']?([A-Za-z][\w.-]{1,30})[`"']?\s*$/i.exec(text)?.[1];
  const label = /^([^:]{2,40}):\s+[`"']?([A-Za-z][\w.-]{1,30})[`"']?(?:\s*\(.*\))?\s*$/.exec(text);
  // "Task Serialization: JSON format for reliability", "UTC Timezone: consistent time handling":
  // an acronym is the value, the label names the key, and the prose after it explains.
  const lead = /^([^:]{2,40}):\s+(.*)$/.exec(text);
  const acronym = (s: string) => {
    const a = /(?<![\w-])([A-Z][A-Z0-9]{1,9})(?![\w-])/.exec(s)?.[1];
    return a && !HTTP_METHOD.test(a) ? a : undefined;
  };
  const named = lead ? lead[1]!.split(/\s+/).length >= 2 : false;
  const prose = lead && !label && named ? (acronym(lead[2]!.split(/\s+/)[0]!) ?? acronym(lead[1]!)) : undefined;
  const word =
    setTo?.toLowerCase() ??
    (label && /^(?:[A-Z0-9]{2,}|[A-Z][a-z]+[A-Z]\w*|[A-Z][a-z]+)$/.test(label[2]!)
      ? label[2]!.toLowerCase()
      : undefined) ??
    prose?.toLowerCase() ??
    (TRUE.test(text) ? 'true' : FALSE.test(text) ? 'false' : undefined);
  // "Version 0.1.0 set": a version is a value written as it is.
  const semver = /(?<![\w.])v?(\d+\.\d+\.\d+(?:-[\w.]+)?)(?![\w.])/.exec(text)?.[1];
  if (semver && !word) numbers.length = 0;
  const value = word ?? semver;
  const words = (prose ? lead![1]! : text)
    .replace(/\([^()]*\)/g, ' ')
    // "API测试": a Latin name run into words of another script is a word of its own.
    .replace(/(?<=[A-Za-z0-9])(?=[^\x00-\x7F])|(?<=[^\x00-\x7F])(?=[A-Za-z0-9])/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    // "MaxOpenConns: 25": a key written as code is its words.
    .flatMap((w) => splitKey(w).split(' '))
    .filter((w) => w.length >= 3 && !/^\d/.test(w) && !STOP.test(w) && w.toLowerCase() !== word)
    .map(stem);
  const scope = namesIn(claim.section ?? '').paths[0];
  if (words.length === 0 || words.length > 5) return null;
  const leadName = /^([\w.@-]+):\s/.exec(text)?.[1];
  return {
    words: [...new Set(words)],
    numbers,
    ...(value ? { word: value } : {}),
    ...(scope ? { scope } : {}),
    ...(leadName ? { lead: leadName } : {}),
  };
}

/** Words that name the same part of a key ("Recovery wait time" is waitDurationInOpenState). */
const SAME: string[][] = [
  ['time', 'duration', 'period', 'interval'],
  ['maximum', 'limit'],
  ['call', 'request'],
];
const like = (a: string, b: string) =>
  a === b || (a.length >= 3 && b.startsWith(a)) || (b.length >= 3 && a.startsWith(b));
const SAME_STEMS = SAME.map((g) => g.map(stem));
const near = (a: string, b: string) => like(a, b) || SAME_STEMS.some((g) => g.includes(a) && g.includes(b));

function valueMatches(e: ConfigEntry, t: Terms, numbers: number[]): boolean {
  const v = e.value.toLowerCase();
  if (numbers.length) return numbers.some((n) => new RegExp(`(?<![\\d.])${n}(?![\\d])`).test(v));
  if (t.word === 'true') return /^(?:true|yes|on|1|enabled|always)$/.test(v);
  if (t.word === 'false') return /^(?:false|no|off|0|disabled|never)$/.test(v);
  return t.word ? new RegExp(`(?<![a-z0-9])${escapeRe(t.word)}(?![a-z0-9])`).test(v) : true;
}

/**
 * Whether a path is the file or folder a document names loosely: "SubscriptionService/application.yml"
 * is SubscriptionService/src/main/resources/application.yml — the named segments in order, the
 * file's own name last.
 */
export function underScope(path: string, scope: string): boolean {
  const want = scope.toLowerCase().replace(/^\.\//, '').replace(/\/$/, '').split('/');
  const have = path.toLowerCase().split('/');
  const file = /\.[a-z0-9]+$/.test(want[want.length - 1]!);
  if (file && have[have.length - 1] !== want[want.length - 1]) return false;
  let i = 0;
  for (const seg of file ? have : have.slice(0, -1)) if (seg === want[i]) i++;
  return i === want.length;
}

const PROJECT_WORD = /^(?:version|project|package|crate|app|application|release|workspace|library|module)/;
/** Manifests that state a project's version, and the keys they state it under. */
const MANIFEST =
  /(?:^|\/)(?:Cargo\.toml|package\.json|pyproject\.toml|setup\.cfg|composer\.json|pubspec\.yaml|Chart\.yaml)$/;
const VERSION_KEY =
  /^(?:version|package\.version|workspace\.package\.version|project\.version|tool\.poetry\.version|metadata\.version)$/;

function projectVersion(ctx: LookupContext, want: string): Finding | null {
  const base = { subject: `version ${want}`, basis: 'config', valued: true } as const;
  // The manifest nearest the root states the project's version (a workspace's own first).
  const stated = configEntries(ctx)
    .filter((e) => MANIFEST.test(e.path) && VERSION_KEY.test(e.key) && /^v?\d+\.\d+/.test(e.value))
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  if (!stated.length) return null;
  const ev = (e: ConfigEntry) => ({ path: e.path, line: e.line, snippet: `${e.key} = ${e.value}`.slice(0, 160) });
  const top = stated.filter((e) => e.path.split('/').length === stated[0]!.path.split('/').length);
  const same = top.find((e) => e.value.replace(/^v/, '') === want.replace(/^v/, ''));
  return same
    ? { ...base, present: 'yes', detail: `${same.path} states version ${same.value}`, evidence: [ev(same)] }
    : {
        ...base,
        present: 'no',
        detail: `the manifest states version ${top[0]!.value}, not ${want}`,
        evidence: top.slice(0, 2).map(ev),
      };
}

/** "include: '*'", "origins = \"*\"": a key the line sets to a wildcard. */
const WILDCARD = /[\w\]][ \t]*[:=][ \t]*(?:['"]\*['"]|\*(?=\s|$))/;

/** A claim's words as a configuration key, and its value. */
export function configFinding(ctx: LookupContext, claim: Claim, absence: boolean): Finding | null {
  const t = termsOf(claim);
  if (!t) return null;
  // "### Module 4: API Versioning" above "- Port: 8082": that module's setting, or a shared one.
  const module = t.scope ? null : sectionModule(ctx, claim);
  if (!module) return configIn(ctx, claim, absence, t, configEntries(ctx));
  const all = configEntries(ctx);
  const own = configIn(
    ctx,
    claim,
    absence,
    t,
    all.filter((e) => !inOtherModule(ctx, e.path, module)),
  );
  if (own || absence) return own;
  // Set as the document says only in other modules: not in the one the section names.
  const elsewhere = configIn(ctx, claim, absence, t, all);
  if (elsewhere?.present !== 'yes' || !elsewhere.valued) return null;
  return {
    ...elsewhere,
    present: 'no',
    detail: `not set in ${module}; ${elsewhere.detail.replace(/^set as the document says: /, '')} is in another module (${elsewhere.evidence[0]?.path ?? ''})`,
  };
}

function configIn(ctx: LookupContext, claim: Claim, absence: boolean, t: Terms, found: ConfigEntry[]): Finding | null {
  let entries = found;
  let words = t.words;
  if (t.scope) {
    const scope = t.scope;
    entries = entries.filter((e) => underScope(e.path, scope));
  } else {
    // "fortran-lexer: description, keywords": a folder named first is where the keys are.
    const lead = /^([\w.@-]+):\s/.exec(plain(claim.text))?.[1];
    const dir = lead?.toLowerCase();
    const under = dir ? entries.filter((e) => e.path.toLowerCase().split('/').slice(0, -1).includes(dir)) : [];
    if (under.length) {
      entries = under;
      const drop = new Set(lead!.split(/[^\p{L}\p{N}]+/u).map(stem));
      words = words.filter((w) => !drop.has(w));
    }
  }
  if (words.length === 0) return null;
  // "Version is 0.7.0": the project's own version, which its manifest holds — not any key named so.
  if (
    t.word &&
    /^\d+\.\d+/.test(t.word) &&
    words.some((w) => /^version/.test(w)) &&
    words.every((w) => PROJECT_WORD.test(w))
  )
    return projectVersion(ctx, t.word);
  // "Logging configured" names a setting; "Default secrets" or "Basic logging" names no key.
  if (words.length === 1 && !t.numbers.length && !t.word && !SETTING_VERB.test(claim.text)) return null;
  const inValue = (e: ConfigEntry, w: string) =>
    /,/.test(e.value) &&
    e.value
      .toLowerCase()
      .split(/(?<!\s)\s*,\s*/)
      .some((v) => like(w, stem(v)));
  const hits = (e: ConfigEntry) => words.filter((w) => e.words.some((k) => near(w, k)) || inValue(e, w)).length;
  // A bare name must be matched whole ("Management endpoints" → management.endpoints.*); a value
  // beside it ("Minimum calls: 5") is specific enough to match on part of the name.
  const valued = t.numbers.length > 0 || (t.word !== undefined && t.word !== 'true' && t.word !== 'false');
  const need = absence || !valued ? Math.max(absence ? 2 : 1, words.length) : Math.min(2, words.length);
  const base = { subject: `setting ${words.join(' ')}`, basis: 'config' } as const;
  const ev = (e: ConfigEntry) => ({ path: e.path, line: e.line, snippet: `${e.key}: ${e.value}`.slice(0, 160) });
  // "fortran-lexer: description, keywords, categories": each word names a key of its own.
  const listed =
    t.lead !== undefined && /,/.test(plain(claim.text).replace(/\([^()]*\)/g, '')) && !t.numbers.length && !t.word;
  if (listed && words.length >= 2) {
    const each = words.map((w) => entries.find((e) => e.words.some((k) => near(w, k)) && e.value !== ''));
    if (each.every(Boolean))
      return {
        ...base,
        present: 'yes',
        detail: `each is set: ${each.map((e) => e!.key).join(', ')}`,
        evidence: each.slice(0, 4).map((e) => ev(e!)),
      };
    return null;
  }
  const strong = entries.filter((e) => hits(e) >= need);
  if (strong.length === 0) return null;
  if (t.numbers.length) {
    const found = t.numbers.map((ns) => strong.find((e) => valueMatches(e, t, ns)));
    if (found.every(Boolean))
      return {
        ...base,
        valued: true,
        present: 'yes',
        detail: `set as the document says: ${found.map((e) => `${e!.key} = ${e!.value}`).join(', ')}`,
        evidence: found.slice(0, 4).map((e) => ev(e!)),
      };
    // Another value contradicts only where the key is the one the claim names: its last part among
    // the claim's words ("threshold 150" is not code-duplication-detector.min-tokens: 15), and a
    // number of the same kind ("100%" is not an address 0.0.0.0).
    // The words beside the number say what it is ("threshold 150", "pool size: 20", "max 4 levels").
    const tokens = plain(claim.text)
      .split(/[^\p{L}\p{N}.]+/u)
      .filter(Boolean);
    const at = tokens.findIndex((w) => /^\d/.test(w));
    const said = new Set(
      (at < 0 ? tokens : tokens.slice(Math.max(0, at - 2), at + 3))
        .flatMap((w) => splitKey(w).split(' '))
        .filter((w) => w.length >= 3 && !/^\d/.test(w))
        .map(stem),
    );
    const leafNamed = (e: ConfigEntry) => {
      const leaf =
        e.key
          .split(/[.:/[\]]+/)
          .filter(Boolean)
          .pop() ?? e.key;
      return splitKey(leaf)
        .split(' ')
        .filter((w) => w.length >= 3 && !STOP.test(w))
        .some((w) => [...said].some((x) => near(stem(w), x)));
    };
    const claimedN = t.numbers[0]?.[0] ?? 0;
    const percent = /\d\s*%/.test(claim.text);
    const sameKind = (e: ConfigEntry) => {
      const m = /^["']?(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|kb|mb|gb|%)?["']?$/i.exec(e.value.trim());
      if (!m) return false;
      const v = Number(m[1]);
      // A share (0.8) is not a count (150); a percentage is at most 100 (a port 8001 is not 100%).
      if (percent) return m[2] === '%' || v <= 100;
      return !(v < 1 && m[1]!.includes('.') && claimedN >= 1);
    };
    // A limit is not the figure measured ("Statements | 19.27%" is no coverageThreshold, "Memory: 85 MB"
    // no mem_limit), unless the claim speaks of the limit itself.
    const limit = (e: ConfigEntry) => LIMIT_KEY.test(splitKey(e.key)) && !LIMIT_WORD.test(plain(claim.text));
    const exact = strong.filter((e) => hits(e) === words.length && sameKind(e) && leafNamed(e) && !limit(e));
    if (exact.length && t.numbers.length === 1)
      return {
        ...base,
        present: 'no',
        detail: `${exact[0]!.key} is ${exact[0]!.value}`,
        evidence: exact.slice(0, 2).map(ev),
      };
    return null;
  }
  // "include: '*'", "allowed_origins = \"*\"": a wildcard is a value of its own, which a key set to a
  // list of names (include: health,info,metrics) is not.
  if (WILDCARD.test(plain(claim.raw ?? claim.text)) && !absence) {
    const wild = strong.find((e) => /(?:^|[\s,'"[])\*(?:$|[\s,'"\]])/.test(e.value));
    const other = strong.filter((e) => hits(e) === words.length && e.value !== '');
    if (wild)
      return { ...base, valued: true, present: 'yes', detail: `${wild.key} = ${wild.value}`, evidence: [ev(wild)] };
    if (other.length)
      return {
        ...base,
        valued: true,
        present: 'no',
        detail: `${other[0]!.key} is ${other[0]!.value}, not *`,
        evidence: other.slice(0, 2).map(ev),
      };
  }
  // "Metrics endpoint enabled": listed among the values (include: health,metrics) is enabled.
  const match = strong.find((e) => valueMatches(e, t, []) || (t.word === 'true' && words.some((w) => inValue(e, w))));
  if (match) return { ...base, present: 'yes', detail: `${match.key} = ${match.value}`, evidence: [ev(match)] };
  // Another word contradicts only as a value of the same kind, under a key the claim's words name
  // whole: "Build Status: SUCCESSFUL" is a verdict, not scripts.build; "Ruby Version: RVM" is not the
  // version 3.2.2; "GORM models" is not darkMode (a word the key only begins with).
  const exact = strong.filter(
    (e) =>
      hits(e) === words.length &&
      e.value !== '' &&
      sameKindWord(e.value) &&
      words.every(
        (w) => e.words.includes(w) || SAME_STEMS.some((g) => g.includes(w) && e.words.some((k) => g.includes(k))),
      ),
  );
  if (t.word && !VERDICT_WORD.test(t.word) && exact.length && !absence)
    return {
      ...base,
      present: 'no',
      detail: `${exact[0]!.key} is ${exact[0]!.value}, not ${t.word}`,
      evidence: exact.slice(0, 2).map(ev),
    };
  return null;
}

/** A verdict or a state, not a value a setting holds ("Build Status: SUCCESSFUL", "Authors: Listed", "up to date"). */
const VERDICT_WORD =
  /^(?:pass(?:ed|es|ing)?|fail(?:ed|s|ing)?|ok(?:ay)?|success(?:ful)?|succeeded|erfolgreich|bestanden|exitos[oa]|sucesso|réussie?|listed|complete[d]?|done|ready|green|good|excellent|valid|present|konfiguriert|configurad[oa]|configuré|yes|none|date|working|functional|operational|clean|fixed|resolved|implemented|documented|tested|verified|aktiv|activ[oe]|actif)$/i;

/** A value written as one word or name ("class", "json", "utc"), not a command, a list, a table, a reference or a figure. */
const sameKindWord = (value: string) => {
  const v = value.trim().replace(/^["']|["']$/g, '');
  return /^[A-Za-z][\w.-]*$/.test(v);
};

/** A key that sets a bound, not the figure measured: max-issues, mem_limit, coverageThreshold. */
const LIMIT_KEY = /\b(?:max|maximum|min|minimum|limit|limits|threshold|thresholds|floor|ceiling|budget|quota|cap)\b/i;
const LIMIT_WORD =
  /\b(?:max(?:imum)?|min(?:imum)?|limit|threshold|floor|ceiling|budget|quota|at most|at least|up to|no more than|target|gate|mínim[oa]|máxim[oa]|maximal|mindestens|höchstens|seuil|limite|schwelle)\b|[<>≤≥]/i;

/** Dependency segments too common to stand for a claim's word. */
const GENERIC_SEGMENT =
  /^(?:starter|spring|boot|core|common|commons|client|server|api|web|test|tests|testing|utils?|lib|libs|sdk|plugin|plugins|runtime|types|dev|tools?|cli|data|io|net|http|framework|extensions?|parent|bom|maven|gradle|org|com|github|java|python|node|js|ts|go|rs|rust|the|and|for|netflix|cloud|security|starter-web|code|react|app|backend|frontend|service|services|model|models|base|config|logging|json|auth)$/i;

/** "Service discovery via Eureka", "Criterion benchmarks": a proper noun of the claim that is a dependency. */
export function dependencyTermFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const text = plain(claim.text).split(/\s[-–—]\s/)[0]!;
  const nouns = [...text.matchAll(/\b([A-Z][A-Za-z0-9]*[A-Za-z0-9](?:[.-][A-Za-z0-9]+)*)\b/g)]
    .map((m) => m[1]!)
    .filter((w) => w.length >= 4 && !STOP.test(w) && !GENERIC_SEGMENT.test(w));
  for (const noun of nouns) {
    const n = noun.toLowerCase();
    // The package's own name, not its vendor or scope ("Laravel conventions" is not laravel/cashier;
    // a Maven artifact is what follows the group), and the word is what the package is, its other
    // segments generic: spring-cloud-starter-netflix-eureka-client is Eureka, but laravel-vite-plugin
    // is Vite's plugin for Laravel, not Laravel.
    const dep = ctx.facts.dependencies.find((d) => {
      const name = d.name.toLowerCase();
      const segs = name
        .split(/[/:]/)
        .pop()!
        .split(/[-_.@]+/)
        .filter(Boolean);
      return (
        name === n ||
        (segs.includes(n) && !GENERIC_SEGMENT.test(n) && segs.every((seg) => seg === n || GENERIC_SEGMENT.test(seg)))
      );
    });
    if (dep)
      return {
        subject: noun,
        basis: 'dependency',
        present: 'yes',
        detail: `${dep.name}${dep.version ? ` ${dep.version}` : ''} is a dependency`,
        evidence: [
          {
            path: dep.path,
            ...(dep.line ? { line: dep.line } : {}),
            snippet: `${dep.name}${dep.version ? ` ${dep.version}` : ''}`,
          },
        ],
      };
  }
  return null;
}
