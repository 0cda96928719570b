/** Helpers of security-scanning: the scanner regex from the catalogue, and scanners hidden behind npm scripts or make targets. */
import type { FileView } from '../../../src/types.js';

/** One case-insensitive regex for every scanner name; multi-word names allow any spacing. */
export function scannerRegex(names: string[]): RegExp {
  const parts = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => {
      const body = n
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('\\s+');
      return `(?<![\\w-])${body}${/[\w]$/.test(n) ? '(?!\\w)' : ''}`;
    });
  return new RegExp(parts.join('|'), 'i');
}

export interface ScannerScript {
  /** `npm run audit`, `make security`. */
  name: string;
  tool: string;
  path: string;
  line: number;
  snippet: string;
  /** Matches a CI command that invokes this script or target. */
  invoked: RegExp;
}

/** npm scripts and Makefile targets whose body runs a scanner. */
export function scannerScripts(files: FileView, re: RegExp): ScannerScript[] {
  const out: ScannerScript[] = [];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const path of files.match(['package.json', '*/package.json'])) {
    const text = files.read(path) ?? '';
    text.split(/\r?\n/).forEach((l, i) => {
      const m = /^\s*"([\w:.-]+)"\s*:\s*"(.*)"\s*,?\s*$/.exec(l);
      const tool = m && re.exec(m[2]!)?.[0];
      if (!m || !tool || !/"scripts"/.test(text)) return;
      out.push({
        name: `npm script ${m[1]}`,
        tool,
        path,
        line: i + 1,
        snippet: l.trim(),
        invoked: new RegExp(`\\b(?:npm|pnpm|yarn|bun)\\s+(?:run\\s+)?${esc(m[1]!)}(?![\\w:-])`),
      });
    });
  }
  if (files.exists('Makefile')) {
    let target: string | undefined;
    (files.read('Makefile') ?? '').split(/\r?\n/).forEach((l, i) => {
      const t = /^([\w.-]+)\s*:(?!=)/.exec(l);
      if (t) target = t[1];
      const tool = l.startsWith('\t') && target ? re.exec(l)?.[0] : undefined;
      if (tool && target)
        out.push({
          name: `make ${target}`,
          tool,
          path: 'Makefile',
          line: i + 1,
          snippet: l.trim(),
          invoked: new RegExp(`\\bmake\\s+(?:[^|;&]*\\s)?${esc(target)}(?![\\w-])`),
        });
    });
  }
  return out;
}
