/**
 * "`local.properties` ignored", "`app/secrets.json` added to .gitignore", "IDE files ignored",
 * "Sensitive files not tracked": claims about what git keeps out. Two facts settle them together —
 * the rules of the .gitignore files, and the listing (what is tracked). A path a rule matches but
 * the listing holds is tracked all the same (a rule does not untrack a committed file); a path no
 * rule matches and the listing holds is plainly committed.
 */
import ignore, { type Ignore } from 'ignore';
import type { Claim } from './extract.js';
import { type Finding, ignoresPath, insideName, listedFile, type LookupContext } from './lookup.js';
import { namesIn } from './names.js';
import { plain } from './status.js';

/** The claim's predicate is "ignored": at its end, outside parentheses ("… (gitignored)" qualifies another claim). */
const IGNORE_PREDICATE =
  /(?:\b(?:git-?ignored|ignored(?: by git)?|excluded from (?:git|version control|the repository)|not (?:tracked|committed)(?: (?:in|to) git)?|untracked)|\b(?:added|listed|included) (?:to|in) (?:the )?\.?gitignore|\bin \.gitignore)\s*[.!]?$/i;

/** Kinds of files a checklist names without a path, and the paths that stand for them. */
const KINDS: { words: RegExp; probes: string[]; tracked: RegExp; label: string }[] = [
  {
    label: 'build output',
    words: /\bbuild (?:artifacts?|outputs?|files|folders?|directories)\b|\bcompiled (?:files|output)\b/i,
    probes: ['build/x.o', 'dist/x.js', 'out/x.class', 'target/x.class', 'bin/x.exe', 'obj/x.o'],
    tracked: /^(?:[\w.-]+\/)*(?:build|dist|out|target|obj)\//,
  },
  {
    label: 'IDE files',
    words: /\b(?:ide|editor) (?:files|settings|folders?|config(?:uration)?s?)\b/i,
    probes: ['.idea/workspace.xml', '.vscode/settings.json', 'x.iml', '.idea/misc.xml'],
    tracked: /(?:^|\/)(?:\.idea|\.vscode)\/|\.iml$/,
  },
  {
    label: 'sensitive files',
    words: /\b(?:sensitive|secret|credentials?) files\b|\bsecrets\b/i,
    probes: ['.env', 'x.pem', 'x.key', 'x.jks', 'x.keystore', 'google-services.json'],
    tracked:
      /(?:^|\/)(?:\.env(?:\.(?:local|production|prod))?|google-services\.json|GoogleService-Info\.plist|credentials\.json|service-account[\w-]*\.json|[\w-]*\.(?:pem|key|jks|keystore|p12|pfx))$/i,
  },
];

/** A word without the quotes around it or the punctuation after it. */
function unquoted(w: string): string {
  let a = 0;
  let b = w.length;
  while (a < b && '`\'"'.includes(w[a]!)) a++;
  while (b > a && '`\'":.'.includes(w[b - 1]!)) b--;
  return w.slice(a, b);
}

interface Rules {
  path: string;
  dir: string;
  lines: string[];
  /** The whole file's matcher, built on first use and kept: never rebuilt per candidate path. */
  all?: Ignore;
  /** One-rule matchers by line, each built at most once, to find the line that decides a hit. */
  one: (Ignore | null)[];
}

/** How many .gitignore matchers were compiled (each costs a pass over its rules): read by tests to bound the work. */
export const ignoreStats = { built: 0 };
function matcher(rules: string): Ignore {
  ignoreStats.built++;
  return ignore().add(rules);
}

/** At most this many same-named files elsewhere in the tree are tried against each .gitignore. */
const ELSEWHERE_MAX = 20;

const parsed = new WeakMap<object, Rules[]>();
function rulesOf(ctx: LookupContext): Rules[] {
  let list = parsed.get(ctx.files);
  if (!list) {
    list = [];
    for (const path of ctx.files.paths.filter((p) => /(?:^|\/)\.gitignore$/.test(p)).slice(0, 50)) {
      const text = ctx.readText ? ctx.readText(path, 256 * 1024) : ctx.files.read(path);
      if (text !== undefined)
        list.push({ path, dir: path.replace(/\.gitignore$/, ''), lines: text.split(/\r?\n/), one: [] });
    }
    parsed.set(ctx.files, list);
  }
  return list;
}

/** The .gitignore line that ignores a path (`.gitignore:12`), if any; a later "!" rule un-ignores it. */
export function ignoreRule(ctx: LookupContext, path: string): { path: string; line: number; rule: string } | undefined {
  const name = insideName(path.replace(/^\/(?=\S)/, ''));
  if (name === undefined) return undefined;
  // A name without a folder may sit anywhere: where the listing has it, or any folder below a rule.
  const elsewhere = name.includes('/')
    ? []
    : ctx.files
        .named(name, true)
        .filter((p) => p.includes('/'))
        .slice(0, ELSEWHERE_MAX);
  for (const r of rulesOf(ctx)) {
    const candidates = name.includes('/') ? [name] : [name, `x/${name}`, ...elsewhere];
    // "app/google-services.json" in the rules answers "google-services.json added to .gitignore".
    if (!name.includes('/')) {
      const at = r.lines.findIndex((l) => {
        const rule = l.trim().replace(/^\*\*\//, '');
        return !rule.startsWith('#') && !rule.startsWith('!') && rule.toLowerCase().endsWith(`/${name.toLowerCase()}`);
      });
      if (at >= 0) return { path: r.path, line: at + 1, rule: r.lines[at]!.trim() };
    }
    for (const c of candidates) {
      if (r.dir && !c.startsWith(r.dir)) continue;
      const rel = r.dir ? c.slice(r.dir.length) : c;
      r.all ??= matcher(r.lines.join('\n'));
      if (!ignoresPath(r.all, rel)) continue;
      // The last rule that matches on its own decides which line to cite.
      for (let i = r.lines.length - 1; i >= 0; i--) {
        const rule = r.lines[i]!.trim();
        if (!rule || rule.startsWith('#') || rule.startsWith('!')) continue;
        const one = r.one[i] ?? (r.one[i] = matcher(rule));
        if (ignoresPath(one, rel)) return { path: r.path, line: i + 1, rule };
      }
      return { path: r.path, line: 1, rule: '' };
    }
  }
  return undefined;
}

/** A claim that says something is kept out of git; null when the claim is about something else. */
export function ignoredFindings(ctx: LookupContext, claim: Claim): Finding[] | null {
  const text = plain(claim.text)
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!IGNORE_PREDICATE.test(text)) return null;
  const head = text.replace(IGNORE_PREDICATE, '');
  // "added to .gitignore" says a rule was written: the rule decides, whether or not the file is tracked.
  const ruleOnly = /gitignore\s*[.!]?$/i.test(text);
  const names = namesIn(head);
  // Names with a file's shape ("deploy.key", ".env.local", "build/"), quoted or not, beside those namesIn finds.
  const shaped = head
    .split(/[\s,;]+/)
    .map(unquoted)
    .filter((w) => /^(?:[\w.-]+\/)*\.?[\w-]+(?:\.[\w-]+)+$|^[\w.-]+\/$/.test(w) && !/^\d+(?:\.\d+)*$/.test(w));
  const paths = [...names.paths, ...names.identifiers.filter((i) => /\w\.\w/.test(i)), ...shaped]
    .map((p) => p.replace(/^\.\//, ''))
    .filter((p) => !/(?:^|\/)\.gitignore$/.test(p));
  const rules = rulesOf(ctx);
  const out: Finding[] = [];
  for (const p of [...new Set(paths)].slice(0, 4)) {
    const base = { subject: `${p} ignored`, basis: 'file' } as const;
    const rule = ignoreRule(ctx, p);
    const dir = `${p.replace(/\/$/, '')}/`;
    const tracked = ctx.files.exists(p)
      ? p
      : (listedFile(ctx, p) ?? ctx.files.paths.find((x) => x.startsWith(dir) || x.includes(`/${dir}`)));
    const at = rule ? `${rule.path}:${rule.line}` : '';
    if (rule && tracked && !ruleOnly)
      out.push({
        ...base,
        present: 'no',
        detail: `${p} is listed in ${at} but tracked (${tracked} is in the repository)`,
        evidence: [{ path: rule.path, line: rule.line, snippet: rule.rule }, { path: tracked }],
      });
    else if (rule)
      out.push({
        ...base,
        present: 'yes',
        detail: tracked ? `${at} ignores ${p}` : `${at} ignores ${p}, and it is not tracked`,
        evidence: [{ path: rule.path, line: rule.line, snippet: rule.rule }],
      });
    else
      out.push({
        ...base,
        present: 'no',
        detail: tracked
          ? `no .gitignore rule matches ${p}, and ${tracked} is tracked`
          : rules.length
            ? `no .gitignore rule matches ${p} (${rules.length} .gitignore files)`
            : 'there is no .gitignore',
        evidence: tracked ? [{ path: tracked }] : [{ path: '.', note: `${rules.length} .gitignore files read` }],
      });
  }
  if (out.length) return out;
  const kind = KINDS.find((k) => k.words.test(head));
  if (!kind) return null;
  const base = { subject: `${kind.label} ignored`, basis: 'file' } as const;
  const rule = kind.probes.map((p) => ignoreRule(ctx, p)).find(Boolean);
  const tracked = ctx.files.paths.filter((p) => kind.tracked.test(p));
  // The listing leaves some folders out (.idea, dist, target, obj): none listed is not none tracked.
  if (kind.label === 'IDE files' && !tracked.length) return null;
  if (kind.label === 'sensitive files') {
    // No such file tracked says little (a secret may sit in any file); one tracked says the claim is wrong.
    if (!tracked.length) return null;
    return [
      {
        ...base,
        present: 'no',
        detail: `${tracked.slice(0, 3).join(', ')} ${tracked.length > 1 ? 'are' : 'is'} tracked`,
        evidence: tracked.slice(0, 3).map((path) => ({ path })),
      },
    ];
  }
  if (!rule)
    return [
      {
        ...base,
        present: 'no',
        detail: rules.length ? `no .gitignore rule matches ${kind.label}` : 'there is no .gitignore',
        evidence: [{ path: '.', note: `${rules.length} .gitignore files read` }],
      },
    ];
  const cite = { path: rule.path, line: rule.line, snippet: rule.rule };
  return [
    tracked.length
      ? {
          ...base,
          present: 'partly',
          detail: `${rule.path}:${rule.line} ignores ${kind.label}, but ${tracked.slice(0, 2).join(', ')}${tracked.length > 2 ? ` and ${tracked.length - 2} more` : ''} are tracked`,
          evidence: [cite, ...tracked.slice(0, 2).map((path) => ({ path }))],
        }
      : {
          ...base,
          present: 'yes',
          detail: `${rule.path}:${rule.line} ignores ${kind.label}, and none is tracked`,
          evidence: [cite],
        },
  ];
}
