import { defineRule, type Evidence } from '../../src/types.js';
import { fail, pass } from '../../src/engine/results.js';
import { basename } from '../../src/walk/glob.js';
import { lineAt } from '../../src/util/lines.js';
import { isProductionPath } from '../../src/facts/paths.js';

// `LICENSE`, `LICENSE.md`, `COPYING`, and the Rails-era `MIT-LICENSE` (a licence name in front).
const LICENSE_FILE =
  /^(?:(?:mit|apache|bsd|gpl|lgpl|agpl|mpl|isc)[-_.]?[\w.]*[-_.])?(licen[cs]e|copying|unlicense)([-._][\w.-]*)?$/i;

/** Common licence texts, recognised by a phrase of their first lines. */
const SPDX: [RegExp, string][] = [
  [/Apache License,?\s+Version 2\.0/i, 'Apache-2.0'],
  // Variants named whole, before the licence they vary (SPDX ids are matched whole: MIT-0 is not MIT).
  [/\bMIT No Attribution\b|^[ \t#=*_]*MIT-0\b/im, 'MIT-0'],
  [/\bMIT License\b|Permission is hereby granted, free of charge/i, 'MIT'],
  [/GNU AFFERO GENERAL PUBLIC LICENSE/i, 'AGPL'],
  [/GNU LESSER GENERAL PUBLIC LICENSE/i, 'LGPL'],
  [/GNU GENERAL PUBLIC LICENSE/i, 'GPL'],
  [/Mozilla Public License,?\s+(?:Version|v\.?)\s*2\.0/i, 'MPL-2.0'],
  // The third clause — no endorsement by the authors' names — tells BSD-3 from BSD-2, in either wording:
  // "Neither the name of … nor …" or "The name of the author may not be used to endorse or promote …",
  // wrapped over lines anywhere (flaskbb: "may not be used to endorse or\n  promote", read as BSD-2).
  [/\bThe Clear BSD License\b/i, 'BSD-3-Clause-Clear'],
  [/\bBSD Zero Clause License\b|\bZero-Clause BSD\b/i, '0BSD'],
  [
    /BSD 3-Clause|Redistributions in binary form[\s\S]*(?:Neither\s+the\s+names?|may\s+not\s+be\s+used\s+to\s+endorse\s+or\s+promote)/i,
    'BSD-3-Clause',
  ],
  [/BSD 2-Clause|Redistributions in binary form/i, 'BSD-2-Clause'],
  [/ISC License/i, 'ISC'],
  [/This is free and unencumbered software released into the public domain/i, 'Unlicense'],
  [/Business Source License/i, 'BUSL'],
  [
    /PolyForm (Shield|Noncommercial|Small Business|Perimeter|Free Trial|Internal Use|Strict) License 1\.0\.0/i,
    'PolyForm',
  ],
  [/Elastic License 2\.0/i, 'Elastic-2.0'],
  [/Microsoft Public License/i, 'MS-PL'],
  [/Server Side Public License/i, 'SSPL-1.0'],
];

/**
 * The variant a licence text is, told by what it adds or leaves out (blind round 38: MIT No
 * Attribution reported as MIT): the MIT grant without its condition that the notice be kept is
 * MIT-0; BSD-3 that grants no patent rights is the Clear BSD licence. Judged on the whole text seen
 * (the grant followed by its warranty disclaimer), never on a cut-off one.
 */
function variantOf(id: string, from: string): string {
  if (id === 'MIT') {
    const disclaimer = /THE SOFTWARE IS PROVIDED\s+["“]?AS IS/i.exec(from);
    const kept = /shall\s+be\s+included\s+in\s+all\s+copies/i.exec(from);
    if (disclaimer && (!kept || kept.index > disclaimer.index)) return 'MIT-0';
  }
  if (
    id === 'BSD-3-Clause' &&
    /NO\s+EXPRESS\s+OR\s+IMPLIED\s+LICENSES\s+TO\s+ANY\s+PARTY'S\s+PATENT\s+RIGHTS/i.test(from)
  )
    return 'BSD-3-Clause-Clear';
  return id;
}

/** An exception the licence file appends to Apache-2.0 (`---- LLVM Exceptions to the Apache 2.0 License ----`). */
const LLVM_EXCEPTION = /LLVM Exceptions? to the Apache 2\.0 License/i;

/** The BSD clause that forbids endorsement by the authors' names (BSD-3's third). */
const THIRD_CLAUSE = /Neither\s+the\s+names?|may\s+not\s+be\s+used\s+to\s+endorse/i;

/**
 * A licence named for a part of the repository, not the whole: a parenthesis in a preamble ("* All content under 'sentry' … (BSD 3-Clause License)") that precedes the licence
 * the rest of the project is under (round 12: bugsink's PolyForm Shield read as BSD-3-Clause).
 */
function mentionOnly(head: string, at: number): boolean {
  const start = head.lastIndexOf('\n', at - 1) + 1;
  const before = head.slice(start, at);
  return /\([^)]*$/.test(before);
}

/**
 * The licence whose phrase comes first: its title. A licence's text may name another one further
 * down — the GPL-2.0 preamble says "use the GNU Lesser General Public License instead" — so the
 * first phrase in list order is not the licence (issue 15: GPL-2.0 reported as LGPL). A GNU title
 * followed by its version names it (GPL-2.0).
 */
function licenceOf(head: string): { id: string; line: number } | undefined {
  let best: { at: number; id: string } | undefined;
  for (const [re, id] of SPDX) {
    const all = new RegExp(re.source, `${re.flags}g`);
    let at: number | undefined;
    for (let m = all.exec(head); m; m = all.exec(head)) {
      if (m[0].length === 0) all.lastIndex++;
      else if (!mentionOnly(head, m.index)) {
        at = m.index;
        break;
      }
    }
    const name = id === 'PolyForm' ? `PolyForm-${re.exec(head.slice(at ?? 0))?.[1]?.replace(/ /g, '-')}-1.0.0` : id;
    if (at !== undefined && (best === undefined || at < best.at)) best = { at, id: name };
  }
  if (!best) return undefined;
  best.id = variantOf(best.id, head.slice(best.at));
  const version = /^GNU [A-Z ]*PUBLIC LICENSE\s+Version (\d)\b/i.exec(head.slice(best.at))?.[1];
  const lineStart = head.lastIndexOf('\n', best.at - 1) + 1;
  // The line that titles the licence (`# PolyForm Shield License 1.0.0`), not a clause of its text.
  const title = /^[\s#=*_]*$/.test(head.slice(lineStart, best.at));
  // BSD-3 is told by its third clause: that is the line cited, unless a title names it.
  const clause =
    best.id === 'BSD-3-Clause' && !/^BSD 3-Clause/i.test(head.slice(best.at)) ? THIRD_CLAUSE.exec(head) : null;
  const line = clause ? lineAt(head, clause.index) : title ? lineAt(head, best.at) : 1;
  return { id: version && /GPL$/.test(best.id) ? `${best.id}-${version}.0` : best.id, line };
}

export default defineRule({
  meta: {
    id: 'license',
    title: 'The licence is stated',
    failureTitle: 'No licence stated',
    description:
      'Without a licence nobody may legally use, change or redistribute the code, and dependants cannot pass a compliance review. Proprietary code should say so too.',
    remediation:
      'Add a LICENSE file at the root (choosealicense.com helps) and the matching SPDX identifier in the package manifest; for proprietary code, state it (`"license": "UNLICENSED"`).',
    severity: 'low',
    effort: 'low',
    reads: ['{LICENSE,LICENCE,COPYING,License,Licence,license,licence,copying}*'],
    detection:
      '`LICENSE*`, `LICENCE*`, `COPYING*` or `UNLICENSE` at the root (the licence is named from its text); otherwise a licence field in a root manifest: package.json, pyproject.toml, Cargo.toml, composer.json, *.gemspec, pom.xml `<licenses>`, *.csproj `PackageLicenseExpression`.',
  },
  check({ files }) {
    const roots = files.paths.filter((p) => !p.includes('/') && LICENSE_FILE.test(p));
    if (roots.length > 0) {
      const evidence: Evidence[] = roots.map((p) => {
        const text = files.read(p) ?? '';
        const head = text.slice(0, 3000);
        const found = licenceOf(head);
        // A file that holds two licences, each under its own title (dual licensing: MS-PL, then
        // Apache-2.0 further down), names both (blind round 25, CsvHelper LICENSE.txt:3 and :19).
        const others = found
          ? titledLicences(text.slice(0, 40000)).filter((t) => family(t.id) !== family(found.id))
          : [];
        // An exception appended to the licence is part of its identifier: Apache-2.0 WITH LLVM-exception.
        if (found?.id === 'Apache-2.0' && LLVM_EXCEPTION.test(text.slice(0, 40000)))
          found.id = 'Apache-2.0 WITH LLVM-exception';
        const id = found ? [found.id, ...new Set(others.map((o) => o.id))].join(' and ') : undefined;
        // Cited where the licence is named, when a preamble comes first (a copyright line, portions).
        const line = found && found.line > 3 ? found.line : 1;
        const cited = head.split('\n')[line - 1]?.trim() || head.trim().split('\n')[0];
        return {
          path: p,
          line,
          ...(cited ? { snippet: cited.slice(0, 100) } : {}),
          note: id
            ? `licence text: ${id}${others.length ? ` (${others.map((o) => `${o.id} at line ${o.line}`).join(', ')})` : ''}`
            : 'licence file',
        };
      });
      const ids = evidence
        .map((e) => e.note!.replace('licence text: ', '').replace(/ \(.*$/, ''))
        .filter((n) => n !== 'licence file');
      // A package's SPDX expression that offers a choice or a combination (`MS-PL OR Apache-2.0`) says
      // how the licences in the file apply: cited with it.
      const expression = manifestLicences(files, true).find((f) => / (?:OR|AND|WITH) /.test(f.snippet ?? ''));
      if (expression) evidence.push({ ...expression, note: 'SPDX licence expression in the package manifest' });
      return pass(
        `Licence stated in ${roots.join(', ')}${ids.length ? ` (${[...new Set(ids)].join(', ')})` : ''}${expression ? `; the package declares ${expression.snippet} (${expression.path}:${expression.line})` : ''}.`,
        evidence,
        { files: roots, licenses: [...new Set(ids.flatMap((i) => i.split(' and ')))].sort() },
      );
    }
    const fields = manifestLicences(files);
    if (fields.length > 0)
      return pass(`Licence stated in ${fields[0]!.path}: ${fields[0]!.snippet}.`, fields, {
        files: [],
        licenses: fields.map((f) => f.snippet!),
      });
    return fail('No LICENSE file at the root and no licence field in a root manifest.', [
      {
        path: '.',
        note: 'no LICENSE*, LICENCE*, COPYING* or UNLICENSE at the root; no license field in package.json, pyproject.toml, Cargo.toml, composer.json, *.gemspec, pom.xml or *.csproj at the root',
      },
    ]);
  },
});

/** Licence fields of root manifests, with their line. */
/** Licences one text may name as variants of each other (GPL, LGPL, AGPL; BSD-2, BSD-3): one family. */
function family(id: string): string {
  return /GPL/.test(id) ? 'GPL' : id.replace(/-.*$/, '');
}

/** Every licence whose title starts a line of the text, in order (a file that holds several). */
function titledLicences(text: string): { id: string; line: number }[] {
  const out: { id: string; line: number; at: number }[] = [];
  for (const [re, id] of SPDX) {
    if (id === 'PolyForm') continue;
    const all = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
    for (let m = all.exec(text); m; m = all.exec(text)) {
      if (m[0].length === 0) {
        all.lastIndex++;
        continue;
      }
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      // A title stands alone on its line; a licence named inside a sentence is a mention.
      const lineEnd = text.indexOf('\n', m.index);
      const rest = text.slice(m.index + m[0].length, lineEnd < 0 ? undefined : lineEnd);
      if (
        /^[\s#=*_]*$/.test(text.slice(lineStart, m.index)) &&
        rest.trim().length <= 30 &&
        !out.some((o) => o.id === id)
      ) {
        out.push({ id, line: lineAt(text, m.index), at: m.index });
        break;
      }
    }
  }
  return out.sort((a, b) => a.at - b.at).map(({ id, line }) => ({ id, line }));
}

/**
 * Licence fields of root manifests, with their line; `nested`: also the .NET project files of
 * production folders (a package's `PackageLicenseExpression` sits in src/Name/Name.csproj), a few at most.
 */
function manifestLicences(
  files: { paths: readonly string[]; read(p: string): string | undefined },
  nested = false,
): Evidence[] {
  const probes: [RegExp, RegExp][] = [
    [/^package\.json$|^composer\.json$/, /^[ \t]*"licen[cs]e"\s*:\s*"([^"]+)"/m],
    [
      /^pyproject\.toml$|^Cargo\.toml$/,
      /^[ \t]*licen[cs]e(?:-file)?\s*=\s*(?:\{\s*(?:text|file)\s*=\s*)?["']([^"']+)["']/m,
    ],
    [/^[^/]+\.gemspec$/, /\.licen[cs]es?\s*=\s*\[?\s*["']([^"']+)["']/m],
    [/^pom\.xml$/, /<license>\s*<name>([^<]+)<\/name>/m],
    [/^[^/]+\.(cs|fs|vb)proj$|^Directory\.Build\.props$/, /<PackageLicenseExpression>([^<]+)</m],
    [/^setup\.(cfg|py)$/, /^[ \t]*licen[cs]e\s*[=:]\s*["']?([\w.+-]+)/m],
  ];
  const out: Evidence[] = [];
  let nestedRead = 0;
  for (const p of files.paths) {
    if (p.includes('/')) {
      if (!nested || nestedRead >= 20 || !/\.(?:cs|fs|vb)proj$/.test(p) || !isProductionPath(p)) continue;
      nestedRead++;
    }
    const probe = probes.find(([name]) => name.test(basename(p)));
    if (!probe) continue;
    const text = files.read(p) ?? '';
    const m = probe[1].exec(text);
    if (m)
      out.push({
        path: p,
        line: lineAt(text, m.index) + (m[0].startsWith('\n') ? 1 : 0),
        snippet: m[1]!.trim(),
        note: 'licence field in the manifest',
      });
  }
  return out;
}
