/**
 * Claims a reader settles by opening one file: "Breaking change policy documented in README"
 * (does the README speak of breaking changes?), "Contributing guide in README", and, under a
 * heading about test coverage, "Workers: `backend/app/workers/`" (does any test refer to that
 * module?). The file's own words decide; a topic it never mentions is not documented there.
 */
import { testInventory } from '../facts/tests/inventory.js';
import type { Claim } from './extract.js';
import { fileFinding, type Finding, type LookupContext } from './lookup.js';
import { namesIn } from './names.js';
import { fileText } from './problems.js';
import { escapeRe } from '../util/regex.js';
import { table } from '../util/table.js';

/** "… documented in README", "… in the CHANGELOG", "… described in `docs/ops.md`": "in", then a name. */
const IN_NAME = /\bin (?:the )?`?([\w./-]+)/gi;
/** A name that is a document: a well-known one, a documentation file, or the documentation as a whole. */
const DOC_NAME =
  /^(?:README|CHANGELOG|CONTRIBUTING|SECURITY|CHANGES|HISTORY)(?:\.md)?$|^[\w./-]+\.(?:md|mdx|rst|adoc|txt)$|^(?:documentation|docs)$/i;
/** Words that say what kind of text it is, not what it is about. */
const GENERIC =
  /^(?:documentation|documented|document|docs?|guide|guides|section|sections|comprehensive|complete|detailed|full|clear|proper|basic|enhanced|updated|added|created|included|written|strategy|information|info|notes?|instructions?|overview|description|policy|policies|process|with|and|the|for|of|in|a|an|on|our|its|all|key|main|new|file|readme|changelog|md|is|are|was|were|has|have|been|be|also|plus|present|available|exists?|provided|prepared|verified|included|appropriate|marked|labeled|labelled|status|apis?)$/i;

const DOC_NAMES: Record<string, string[]> = table({
  readme: ['README.md', 'README.rst', 'README.txt', 'README', 'readme.md'],
  changelog: ['CHANGELOG.md', 'CHANGES.md', 'HISTORY.md', 'CHANGELOG', 'changelog.md'],
  contributing: ['CONTRIBUTING.md', 'CONTRIBUTING', 'contributing.md'],
  security: ['SECURITY.md', 'security.md'],
});
/** "… in the documentation": the README and what the docs folder holds. */
const DOCUMENTATION = /^(?:documentation|docs)$/i;

/** The document a claim says holds a topic, and the topic's words; null when it names none. */
export function docTopic(claim: Claim): { doc: string; words: string[] } | null {
  const m = [...claim.text.matchAll(IN_NAME)].find((x) => DOC_NAME.test(x[1]!.replace(/(?<![.`])[.`]+$/, '')));
  if (!m) return null;
  const before = claim.text.slice(0, m.index);
  const words = before
    .replace(/\([^()]*\)/g, ' ')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length >= 3 && !GENERIC.test(w) && !/^\d/.test(w));
  if (words.length === 0 || words.length > 4) return null;
  return { doc: m[1]!.replace(/(?<![.`])[.`]+$/, ''), words };
}

export function docTopicFinding(ctx: LookupContext, topic: { doc: string; words: string[] }): Finding {
  if (DOCUMENTATION.test(topic.doc)) return documentationTopic(ctx, topic.words);
  const names = DOC_NAMES[topic.doc.toLowerCase().replace(/\.md$/, '')] ?? [topic.doc];
  const base = { subject: `${topic.words.join(' ')} in ${topic.doc}`, basis: 'file' } as const;
  const file = names.map((n) => fileFinding(ctx, n)).find((f) => f.present === 'yes');
  const path = file?.evidence[0]?.path;
  if (!path)
    return {
      ...base,
      present: 'no',
      detail: `there is no ${topic.doc}`,
      evidence: [{ path: '.', note: `no ${topic.doc}` }],
    };
  const text = fileText(ctx, path);
  if (text === undefined) return { ...base, present: 'unknown', detail: `${path} could not be read`, evidence: [] };
  const lines = text.split('\n');
  const lower = text.toLowerCase();
  const stemOf = (w: string) => w.toLowerCase().slice(0, Math.max(4, Math.min(w.length, w.length - 2)));
  const missing = topic.words.filter((w) => !lower.includes(stemOf(w)));
  if (missing.length)
    return {
      ...base,
      present: 'no',
      detail: `${path} never mentions ${missing.map((w) => `"${w}"`).join(' or ')}`,
      evidence: [{ path, note: `${lines.length} lines searched` }],
    };
  const at = lines.findIndex((l) => l.toLowerCase().includes(stemOf(topic.words[0]!)));
  return {
    ...base,
    present: 'yes',
    detail: `${path} speaks of ${topic.words.join(' ')}`,
    evidence: [{ path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) }],
  };
}

const stemOf = (w: string) => w.toLowerCase().slice(0, Math.max(4, Math.min(w.length, w.length - 2)));

/** A topic "in the documentation": any README or docs page that speaks of all its words. */
function documentationTopic(ctx: LookupContext, words: string[]): Finding {
  const base = { subject: `${words.join(' ')} in the documentation`, basis: 'file' } as const;
  const docs = ctx.files.paths
    .filter((p) => /(?:^|\/)readme(?:\.[a-z]+)?$|^docs?\/.+\.(?:md|mdx|rst|adoc)$/i.test(p) && p !== ctx.documentPath)
    .slice(0, 60);
  if (!docs.length)
    return {
      ...base,
      present: 'no',
      detail: 'there is no README or docs folder',
      evidence: [{ path: '.', note: 'no documentation' }],
    };
  for (const path of docs) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    const lower = lines.join('\n').toLowerCase();
    if (!words.every((w) => lower.includes(stemOf(w)))) continue;
    const at = lines.findIndex((l) => l.toLowerCase().includes(stemOf(words[0]!)));
    return {
      ...base,
      present: 'yes',
      detail: `${path} speaks of ${words.join(' ')}`,
      evidence: [{ path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) }],
    };
  }
  return {
    ...base,
    present: 'no',
    detail: `no README or docs page speaks of ${words.map((w) => `"${w}"`).join(' and ')}`,
    evidence: [{ path: '.', note: `${docs.length} documentation files searched` }],
  };
}

/** The section of a claim is about what the tests cover ("Coverage Areas", "Tested modules"). */
export const COVERAGE_SECTION =
  /\b(?:coverage (?:areas?|by (?:module|area|component|layer)|breakdown|details)|covered (?:areas|modules|components|layers|code)|tested (?:areas|modules|components|layers|code)|test areas|getestete|abgedeckte|áreas cubiertas)\b/i;

/** Whether any test refers to a module or folder ("backend/app/workers/" → app.workers, app/workers). */
export function coveredFinding(ctx: LookupContext, path: string, full = false): Finding {
  const base = { subject: `tests of ${path}`, basis: 'tests' } as const;
  const parts = path
    .replace(/\/$/, '')
    .replace(/\.\w+$/, '')
    .split('/')
    .filter(Boolean);
  const tail = parts.slice(-2);
  const forms = tail.length === 2 ? [tail.join('.'), tail.join('/')] : [tail[0]!];
  const re = new RegExp(`(?<![\\w])(?:${forms.map(escapeRe).join('|')})(?![\\w])`);
  const inv = ctx.tests ?? testInventory(ctx.files);
  if (inv.files.length === 0)
    return {
      ...base,
      present: 'no',
      detail: 'there are no test files',
      evidence: [{ path: '.', note: 'no test files' }],
    };
  if (full) {
    const gaps = untestedModules(
      ctx,
      path,
      inv.files.map((f) => f.path),
    );
    if (gaps)
      return {
        ...base,
        present: 'no',
        detail: `${gaps.untested.length} of ${gaps.modules} modules under ${path} are named by no test: ${gaps.untested.slice(0, 4).join(', ')}`,
        evidence: gaps.untested.slice(0, 3).map((p) => ({ path: p, note: 'no test refers to it' })),
      };
  }
  for (const f of inv.files.slice(0, 400)) {
    const text = fileText(ctx, f.path);
    const lines = text?.split('\n') ?? [];
    const at = lines.findIndex((l) => re.test(l));
    if (at >= 0)
      return {
        ...base,
        present: 'partly',
        detail: `${f.path} refers to ${forms[0]}; how much of it the tests cover needs a coverage report`,
        evidence: [{ path: f.path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) }],
      };
  }
  return {
    ...base,
    present: 'no',
    detail: `no test refers to ${forms.join(' or ')} (${inv.files.length} test files read)`,
    evidence: [{ path: '.', note: `${inv.files.length} test files` }],
  };
}

/** The source modules under a folder that no test names (by module or file name); null when none. */
function untestedModules(
  ctx: LookupContext,
  path: string,
  tests: string[],
): { modules: number; untested: string[] } | null {
  const dir = path.replace(/^\.\//, '').replace(/\/$/, '').toLowerCase();
  const modules = ctx.files.paths.filter((p) => {
    const l = p.toLowerCase();
    return (
      (l.startsWith(`${dir}/`) || l.includes(`/${dir}/`)) &&
      /\.(?:py|ts|js|go|java|kt|cs|rb|php|rs)$/.test(l) &&
      !/(?:^|\/)(?:__init__|index|mod|main)\.\w+$/.test(l) &&
      !tests.includes(p)
    );
  });
  if (modules.length < 2 || modules.length > 200) return null;
  const corpus = tests
    .slice(0, 400)
    .map((t) => fileText(ctx, t) ?? '')
    .join('\n');
  const untested = modules.filter((m) => {
    const name = m
      .split('/')
      .pop()!
      .replace(/\.\w+$/, '');
    return !new RegExp(`(?<![\\w])${escapeRe(name)}(?![\\w])`).test(corpus);
  });
  return untested.length ? { modules: modules.length, untested } : null;
}

/** A path the claim names, when it is the thing whose coverage is claimed. */
export function coveredPath(claim: Claim): string | null {
  if (!COVERAGE_SECTION.test(claim.section ?? '')) return null;
  return namesIn(claim.raw ?? claim.text).paths[0] ?? null;
}

/**
 * Documentation a checklist ticks by topic ("Contributing guidelines", "Tech stack listed",
 * "Security information", "Architecture documentation"): a file of its own (CONTRIBUTING.md,
 * SECURITY.md, docs/architecture.md) or a section heading in a README or docs page (`## Contributing`).
 */
/** A file of its own for a topic: `NAME` or `NAME.md` anywhere, or a docs page with the word in its name. */
const topicFile =
  (word: string) =>
  (p: string): boolean => {
    const lower = p.toLowerCase();
    const base = lower.split('/').pop()!;
    return (
      base === word ||
      base.replace(/\.[a-z]+$/, '') === word ||
      (/^docs?\//.test(lower) && base.endsWith('.md') && base.includes(word))
    );
  };

const DOC_SECTIONS: { topic: RegExp; heading: RegExp; file: (p: string) => boolean; label: string }[] = [
  {
    label: 'contributing guidelines',
    topic:
      /\bcontribut(?:ing|ion|ors?)(?: (?:guidelines?|guides?|docs?|documentation|section|information|instructions|rules))?\b/i,
    heading: /\bcontribut/i,
    file: topicFile('contributing'),
  },
  {
    label: 'the tech stack',
    topic: /\btech(?:nology)?[ -]stack\b|\btechnologies used\b|\bbuilt with\b/i,
    heading: /\btech(?:nology|nologies)?[ -]?stack\b|\btechnologies\b|\bbuilt with\b/i,
    file: (p) => /^(?:tech[-_]?stack|stack)\.md$/i.test(p.split('/').pop()!),
  },
  {
    label: 'security information',
    topic: /\bsecurity (?:information|info|policy|section|guidelines?|notes?|docs?|documentation|practices)\b/i,
    heading: /\bsecurity\b/i,
    file: topicFile('security'),
  },
  {
    label: 'architecture documentation',
    topic: /\barchitecture (?:documentation|docs?|overview|section|description|guide)\b|\bdocumented architecture\b/i,
    heading: /\barchitecture\b/i,
    file: topicFile('architecture'),
  },
];

/** Words a ticked documentation item adds around its topic. */
const DOC_FILLER =
  /^(?:listed|documented|included|present|added|created|written|provided|available|complete|comprehensive|clear|detailed|basic|proper|properly|full|in|the|a|an|readme|docs?|documentation|guidelines?|information|info|section|overview|and|with|of|for)$/i;

export function docSectionFinding(ctx: LookupContext, text: string): Finding | null {
  const t = text.replace(/[`*_]/g, '').trim();
  const topic = DOC_SECTIONS.find((d) => d.topic.test(t));
  if (!topic) return null;
  // The topic must be the whole item: "Contributing guidelines", not "Contributor rewards paid monthly".
  const rest = t
    .replace(topic.topic, ' ')
    .split(/[^\p{L}\p{N}.-]+/u)
    .filter((w) => w && !DOC_FILLER.test(w) && !/^[A-Z_]+\.md$/i.test(w));
  if (rest.length > 1) return null;
  const base = { subject: topic.label, basis: 'file' } as const;
  const own = ctx.files.paths.find((p) => topic.file(p) && p !== ctx.documentPath);
  if (own) return { ...base, present: 'yes', detail: `${own} exists`, evidence: [{ path: own }] };
  const docs = ctx.files.paths
    .filter((p) => /(?:^|\/)readme(?:\.[a-z]+)?$|^docs?\/.+\.(?:md|mdx|rst|adoc)$/i.test(p) && p !== ctx.documentPath)
    .slice(0, 60);
  for (const path of docs) {
    const hit = headingsOf(ctx, path).find((h) => topic.heading.test(h.text));
    if (hit)
      return {
        ...base,
        present: 'yes',
        detail: `${path}:${hit.line} has a section "${hit.text
          .replace(/^#+\s*/, '')
          .trim()
          .slice(0, 80)}"`,
        evidence: [{ path, line: hit.line, snippet: hit.text.trim().slice(0, 160) }],
      };
  }
  return null;
}

/** Markdown headings of a document (1-based line, raw text), split once per audit, not once per claim. */
const headingCache = new WeakMap<LookupContext, Map<string, { line: number; text: string }[]>>();
function headingsOf(ctx: LookupContext, path: string): { line: number; text: string }[] {
  let byPath = headingCache.get(ctx);
  if (!byPath) headingCache.set(ctx, (byPath = new Map()));
  let out = byPath.get(path);
  if (!out) {
    out = [];
    const lines = (fileText(ctx, path) ?? '').split('\n');
    for (let i = 0; i < lines.length; i++)
      if (/^ {0,3}#{1,6}\s/.test(lines[i]!)) out.push({ line: i + 1, text: lines[i]! });
    byPath.set(path, out);
  }
  return out;
}
