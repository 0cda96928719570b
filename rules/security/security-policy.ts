import { defineRule } from '../../src/types.js';
import type { Evidence, FileView } from '../../src/types.js';
import { fail, partial, pass } from '../../src/engine/results.js';
import { basename } from '../../src/walk/glob.js';

/** GitHub reads SECURITY.md from the root, `.github/` or `docs/`; security.txt is the web's equivalent (RFC 9116). */
const DIRS = ['', '.github/', 'docs/'];
const NAME = /^security(\.(md|markdown|rst|txt|adoc))?$/i;

/** The project's front documents where a Security section is written: the README and the contributing guide. */
const FRONT_DOC = /^(?:\.github\/|docs\/)?(?:README|CONTRIBUTING)(?:\.[\w-]+)?(?:\.(?:md|markdown|rst|txt|adoc))?$/i;
/** A heading about security or reporting vulnerabilities: `## Security`, `Reporting Security Issues`, `Vulnerabilities`. */
const SECURITY_HEADING = /\b(?:security|vulnerabilit(?:y|ies)|responsible disclosure)\b/i;
/**
 * A private way to report: an e-mail address or the word, a private or confidential report, GitHub's
 * private vulnerability reporting (a security advisory link or the Security tab), a bug-bounty platform.
 */
const PRIVATE_CHANNEL =
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\be-?mail\b|\bprivate(?:ly)?\b|\bconfidential(?:ly)?\b|\/security\/advisories\b|\bsecurity advisory\b|\bhackerone\b|\bbugcrowd\b|\bhuntr\b|\bintigriti\b|\bsecurity\.txt\b/i;

const REPORTING = /\b(?:report\w*|disclos\w*|discover\w*|vulnerabilit(?:y|ies)|contact)\b/i;

/**
 * What makes a security file a disclosure policy: it says how to report — report/disclose/vulnerability/
 * contact/advisory wording, an address, a bug-bounty platform, or a pointer to the security policy kept
 * elsewhere. A docs/security.md that is the product's user guide to enabling authentication says none of
 * it (blind round 35, Signal K's docs/security.md).
 */
const POLICY_WORDING =
  /\b(?:report\w*|disclos\w*|vulnerabilit(?:y|ies)|contact\w*|advisor(?:y|ies)|e-?mail\w*|bug[ -]?bount(?:y|ies)|hackerone|bugcrowd|huntr|intigriti|security polic(?:y|ies)|security\.txt)\b|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/i;

/**
 * The Security sections of a document: Markdown/AsciiDoc headings (`## Security`, `== Security`) and
 * RST/Setext titles (a line over an underline), each with the text up to the next heading (at most 30
 * lines), in one pass over the lines.
 */
function securitySections(text: string): { line: number; heading: string; body: string }[] {
  const lines = text.split('\n', 5000);
  const out: { line: number; heading: string; body: string }[] = [];
  let open: { line: number; heading: string; body: string[] } | undefined;
  const close = () => {
    if (open) out.push({ line: open.line, heading: open.heading, body: open.body.join('\n') });
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const atx = /^(?:#{1,6}|={1,6})[ \t]+(\S.{0,120})/.exec(l);
    const setext = i + 1 < lines.length && /^([=\-~^*#"+_])\1{2,}[ \t]*$/.test(lines[i + 1]!) && /^[ \t]*\w/.test(l);
    if (atx || setext) {
      close();
      const heading = (atx ? atx[1]! : l).trim();
      if (SECURITY_HEADING.test(heading)) open = { line: i + 1, heading, body: [] };
      if (setext) i++;
      continue;
    }
    if (open && open.body.length < 30) open.body.push(l);
  }
  close();
  return out;
}

/** A Security section of the README or contributing guide that names a private way to report. */
function frontDocPolicy(files: FileView): Evidence | undefined {
  for (const p of files.paths.filter((x) => FRONT_DOC.test(x)).sort()) {
    for (const s of securitySections(files.read(p) ?? '')) {
      const channel = PRIVATE_CHANNEL.exec(s.body);
      // About reporting a problem, not the product's security features ("e-mail verification").
      if (channel && REPORTING.test(s.body))
        return {
          path: p,
          line: s.line,
          snippet: s.heading.slice(0, 120),
          note: `security section with a private way to report (${channel[0]})`,
        };
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'security-policy',
    scope: 'repository',
    title: 'A vulnerability disclosure policy exists',
    failureTitle: 'No security policy',
    description:
      'A security policy tells researchers how to report a vulnerability privately and what to expect. Without one, reports arrive as public issues, or not at all.',
    remediation:
      'Add SECURITY.md at the root (or in .github/ or docs/) saying which versions are supported, how to report a vulnerability privately (an address or GitHub private vulnerability reporting) and how quickly you respond.',
    severity: 'low',
    effort: 'low',
    reads: [
      '{SECURITY,security,Security}.{md,markdown,txt,rst}',
      '{.github,docs}/{SECURITY,security,Security}.{md,markdown,txt,rst}',
      '{README,readme,Readme,CONTRIBUTING,contributing}*',
      '{.github,docs}/{README,readme,CONTRIBUTING,contributing}*',
    ],
    detection:
      "`SECURITY.md` (any case, .md/.rst/.txt/.adoc) at the root, in `.github/` or in `docs/`; `.well-known/security.txt` — saying how to report (report/disclose/vulnerability/contact/advisory wording, an address, a bug-bounty platform); a docs/security.md that only explains the product's security settings is not a policy. Partial (0.75): no such file, but a Security/Vulnerabilities section of the README or CONTRIBUTING guide (Markdown, AsciiDoc or RST headings) that names a private way to report — an e-mail address, a private or confidential report, a GitHub security advisory link, a bug-bounty platform.",
  },
  check({ files }) {
    const found = files.paths.filter((p) => {
      const dir = p.slice(0, p.length - basename(p).length);
      return (DIRS.includes(dir) && NAME.test(basename(p))) || /(^|\/)\.well-known\/security\.txt$/.test(p);
    });
    if (found.length > 0) {
      // An empty file states nothing; say so rather than pass on a name. A file that never says how to
      // report (a user guide to the product's security settings) is no disclosure policy either.
      const real = found.filter((p) => POLICY_WORDING.test(files.read(p) ?? ''));
      if (real.length > 0)
        return pass(
          `Security policy in ${real.join(', ')}.`,
          real.map((p) => ({ path: p, line: 1, note: 'vulnerability disclosure policy' })),
        );
    }
    const empty = found.filter((p) => (files.read(p) ?? '').trim().length === 0);
    const guides = found.filter((p) => !empty.includes(p));
    // A Security section of the README or contributing guide that gives a private address is a
    // disclosure policy in another file (blind round 26, flysystem readme.md:52 "## Security — please
    // email … instead of using the issue tracker"); GitHub's Security tab shows only SECURITY.md.
    const section = frontDocPolicy(files);
    if (section)
      return partial(
        0.75,
        `Vulnerabilities are reported privately as the ${section.path} Security section says, but there is no SECURITY.md (the file GitHub's Security tab and reporters look for).`,
        [section],
      );
    // A SECURITY.md that only links to the project's website, whose page is a Markdown page of this
    // repository giving the reporting address: the policy is one link away (blind round 48).
    const links = guides.map((p) => ({ path: p, ...linkedPolicy(files, p) })).filter((l) => l.url);
    const served = links.find((l) => l.page);
    if (served?.page)
      return partial(
        0.75,
        `${served.path} links to ${served.url} for its policy, and the page it names is in this repository: ${served.page.path}:${served.page.line} says how to report a vulnerability privately. ${served.path} itself says no more than the link.`,
        [
          { path: served.path, line: served.line, note: `links to ${served.url}` },
          {
            path: served.page.path,
            line: served.page.line,
            note: 'the linked security notice: how to report, with an address',
          },
        ],
      );
    if (links.length > 0)
      return fail(
        `${links[0]!.path} links to ${links[0]!.url}, a page not found in this repository, and says nothing else about how to report a vulnerability: the policy cannot be read here.`,
        [
          {
            path: links[0]!.path,
            line: links[0]!.line,
            note: `links to ${links[0]!.url}; no reporting instructions of its own`,
          },
        ],
      );
    if (guides.length > 0)
      return fail(
        `${guides.join(', ')} says nothing about how to report a vulnerability (no report, disclose or contact wording, no address): it is not a disclosure policy.${empty.length > 0 ? ` ${empty.join(', ')} is empty.` : ''}`,
        [
          ...guides.map((p) => ({ path: p, line: 1, note: 'security document without reporting instructions' })),
          ...empty.map((p) => ({ path: p, note: 'empty security policy' })),
        ],
      );
    if (empty.length > 0)
      return fail(
        `${empty.join(', ')} exists but is empty.`,
        empty.map((p) => ({ path: p, note: 'empty security policy' })),
      );
    return fail('No SECURITY.md found.', [
      { path: '.', note: 'no SECURITY.md at the root, in .github/ or in docs/, and no .well-known/security.txt' },
    ]);
  },
});

/** A link in a document: Markdown `[text](url)`, `<url>`, or a bare URL (group: the URL). */
const LINK = /\]\((https?:\/\/[^)\s]{1,300})\)|<(https?:\/\/[^>\s]{1,300})>|(https?:\/\/[^\s)>\]]{1,300})/;
const DOC_PAGE = /\.(?:md|mdx|markdown|rst|txt|adoc)$/i;
const ADDRESS =
  /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\/security\/advisories\b|\bhackerone\b|\bbugcrowd\b|\bhuntr\b|\bintigriti\b/i;

/**
 * The first link of a security file (`https://example.org/security.md`) and, when a documentation page
 * of the repository is the page it names — its file name shares a word of four letters or more with the
 * link's last path segment (`security` → `security-notice.md`) and it says how to report with an address
 * or advisory link —, that page and the line of the address. At most 2,000 pages are looked at.
 */
function linkedPolicy(
  files: FileView,
  path: string,
): { url?: string; line?: number; page?: { path: string; line: number } } {
  const text = (files.read(path) ?? '').slice(0, 20_000);
  const m = LINK.exec(text);
  if (!m) return {};
  const url = (m[1] ?? m[2] ?? m[3])!;
  const line = text.slice(0, m.index).split('\n').length;
  const last =
    url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? '';
  const words = last
    .replace(/\.[a-z]{2,5}$/i, '')
    .toLowerCase()
    .split(/[-_.]+/)
    .filter((w) => w.length >= 4);
  if (words.length === 0 || /^https?:$/.test(last) || url.split('/').length <= 3) return { url, line };
  let checked = 0;
  for (const p of files.paths) {
    if (!DOC_PAGE.test(p) || p === path || /(^|\/)(?:node_modules|vendor|test|tests)\//.test(p)) continue;
    const stem = basename(p).toLowerCase();
    if (!words.some((w) => stem.includes(w))) continue;
    if (++checked > 2000) break;
    const lines = (files.read(p) ?? '').split('\n', 400);
    const at = lines.findIndex((l) => ADDRESS.test(l));
    if (at >= 0 && REPORTING.test(lines.join('\n'))) return { url, line, page: { path: p, line: at + 1 } };
  }
  return { url, line };
}
