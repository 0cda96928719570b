/**
 * Helpers of security-scanning: the scanner regex from the catalogue (for scanners a config adds
 * with `detect:`), and package scripts or make targets that run a scanner CI never invokes.
 */
import type { CommandRun, FileView } from '../../../src/types.js';
import { commandsOf } from '../../../src/facts/commands/shell.js';
import { classify } from '../../../src/facts/commands/tools.js';
import { escapeRe } from '../../../src/util/regex.js';

/** One case-insensitive regex for every scanner name; multi-word names allow any spacing. */
export function scannerRegex(names: string[]): RegExp {
  const parts = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => {
      const body = n
        .trim()
        .split(/\s+/)
        .map((w) => escapeRe(w))
        .join('\\s+');
      return `(?<![\\w-])${body}${/[\w]$/.test(n) ? '(?!\\w)' : ''}`;
    });
  return new RegExp(parts.join('|'), 'i');
}

/** The scanner a run starts (its program, or a catalogue name at the start of the command), if any. */
export function scannerOf(run: CommandRun, re: RegExp): string | undefined {
  const t = run.tools.find((x) => x.kinds.includes('scan'));
  if (t) return t.name;
  const line = run.argv.slice(0, 4).join(' ');
  const m = re.exec(line);
  return m && m.index === 0 ? m[0] : undefined;
}

export interface ScannerScript {
  /** `npm script audit`, `make security`. */
  name: string;
  tool: string;
  path: string;
  line: number;
  snippet: string;
}

/** npm scripts and Makefile targets whose commands run a scanner (the program, not a word in an echo). */
export function scannerScripts(files: FileView, re: RegExp): ScannerScript[] {
  const out: ScannerScript[] = [];
  const scan = (text: string) =>
    commandsOf(text)
      .map(
        (c) =>
          classify(c.argv).find((t) => t.kinds.includes('scan'))?.name ??
          (re.exec(c.argv.slice(0, 4).join(' '))?.index === 0 ? c.argv[0] : undefined),
      )
      .find(Boolean);
  for (const path of files.match(['package.json', '*/package.json'])) {
    const text = files.read(path) ?? '';
    if (!/"scripts"/.test(text)) continue;
    text.split(/\r?\n/).forEach((l, i) => {
      const m = /^\s*"([\w:.-]+)"\s*:\s*"(.*)"\s*(?:,\s*)?$/.exec(l);
      const tool = m ? scan(m[2]!.replace(/\\"/g, '"')) : undefined;
      if (m && tool) out.push({ name: `npm script ${m[1]}`, tool, path, line: i + 1, snippet: l.trim() });
    });
  }
  if (files.exists('Makefile')) {
    let target: string | undefined;
    (files.read('Makefile') ?? '').split(/\r?\n/).forEach((l, i) => {
      const t = /^([\w.-]+)\s*:(?!=)/.exec(l);
      if (t) target = t[1];
      const tool = l.startsWith('\t') && target ? scan(l.trim().replace(/^[@-]+/, '')) : undefined;
      if (tool && target) out.push({ name: `make ${target}`, tool, path: 'Makefile', line: i + 1, snippet: l.trim() });
    });
  }
  return out;
}

/**
 * The golangci-lint config that enables gosec (v1 and v2 `linters.enable`), with the line naming it:
 * golangci-lint then runs gosec's security checks wherever it runs (issue 15: gosec enabled in a
 * .golangci.yml that CI runs was reported as no scanning). A config that enables every linter —
 * v2 `linters.default: all`, v1 `linters.enable-all: true` — runs gosec too unless `linters.disable`
 * names it (blind round 41: `default: all` read as no scanning); `note` says which switch it was.
 */
export function golangciGosec(files: FileView): { path: string; line: number; note?: string } | undefined {
  for (const path of files.match(['.golangci.yml', '.golangci.yaml', '**/.golangci.yml', '**/.golangci.yaml'])) {
    const y = files.readYaml<Record<string, unknown>>(path);
    const root = y.ok && y.value && typeof y.value === 'object' ? y.value : {};
    const linters = root.linters && typeof root.linters === 'object' ? (root.linters as Record<string, unknown>) : {};
    const enabled = Array.isArray(linters.enable) ? linters.enable.map(String) : [];
    const disabled = Array.isArray(linters.disable) ? linters.disable.map(String) : [];
    const lines = (files.read(path) ?? '').split(/\r?\n/);
    if (enabled.includes('gosec')) {
      const at = lines.findIndex((l) => /^[ \t]*-[ \t]*["']?gosec\b|\benable\s*:\s*\[[^\]]*\bgosec\b/.test(l));
      return { path, line: at + 1 };
    }
    const all = String(linters.default ?? '') === 'all' || linters['enable-all'] === true;
    if (!all || disabled.includes('gosec')) continue;
    const at = lines.findIndex((l) =>
      /^[ \t]+(?:default[ \t]*:[ \t]*["']?all\b|enable-all[ \t]*:[ \t]*true\b)/.test(l),
    );
    return {
      path,
      line: at + 1,
      note: 'golangci-lint enables every linter (gosec is not disabled), so it runs gosec',
    };
  }
  return undefined;
}

/**
 * flake8-bandit rule codes that check code hygiene, not security: `S101` flags `assert`, `S110`/`S112`
 * a `try`/`except` that passes or continues. Selecting only these runs no security check.
 */
const BANDIT_HYGIENE = new Set(['S101', 'S110', 'S112']);

/**
 * Ruff selections (`select` entries or `--select` values) that run Bandit's security checks: `ALL`,
 * the family `S` or a group of it (`S3`, `S50`), or a full code other than the hygiene ones. `S101`
 * alone is an assert ban, no scan (blind round 23, commitizen pyproject.toml:229).
 */
export function banditSelected(entries: readonly string[]): boolean {
  return entries.some((e) => e === 'ALL' || /^S\d{0,2}$/.test(e) || (/^S\d{3}$/.test(e) && !BANDIT_HYGIENE.has(e)));
}

/**
 * Ruff with flake8-bandit's rules selected (`select`/`extend-select` naming `S`, a security code
 * such as `S105` or `ALL`: banditSelected), in `[tool.ruff]`/`[tool.ruff.lint]` of pyproject.toml or in ruff.toml): Ruff then runs
 * Bandit's checks wherever CI runs `ruff check`. Configuration files only, read line by line.
 */
export function ruffBandit(files: FileView): { path: string; line: number; snippet: string } | undefined {
  for (const path of files.match([
    'pyproject.toml',
    'ruff.toml',
    '.ruff.toml',
    '**/pyproject.toml',
    '**/ruff.toml',
    '**/.ruff.toml',
  ])) {
    const text = files.read(path);
    if (!text || !/select/.test(text)) continue;
    const ruffFile = !path.endsWith('pyproject.toml');
    const lines = text.split(/\r?\n/);
    let inRuff = ruffFile;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const header = /^\s*\[+\s*([\w.-]+)\s*\]/.exec(l);
      if (header) {
        const name = header[1]!;
        inRuff = ruffFile ? name === 'lint' : name === 'tool.ruff' || name === 'tool.ruff.lint';
        continue;
      }
      if (!inRuff || !/^\s*(?:extend-)?select\s*=\s*\[/.test(l)) continue;
      let list = l.slice(l.indexOf('['));
      for (let j = i + 1; !list.includes(']') && j < lines.length && j < i + 60; j++)
        list += lines[j]!.replace(/#.*/, '');
      const entries = (list.replace(/#.*$/gm, '').match(/["'][^"']*["']/g) ?? []).map((e) => e.slice(1, -1));
      if (banditSelected(entries)) return { path, line: i + 1, snippet: l.trim().slice(0, 160) };
    }
  }
  return undefined;
}
