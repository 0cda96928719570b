/**
 * Mix aliases (`defp aliases do [ci: ["format --check-formatted", "credo --strict", "test"]] end`
 * in mix.exs): `mix ci` runs the tasks its alias lists, each a mix task of its own, `cmd …` a
 * shell command; an entry naming the alias itself runs the task of that name (blind round 42).
 * mix.exs is read as text, never evaluated.
 */
import { escapeRe } from '../../util/regex.js';
import { exCheck } from './ex-check.js';
import { classify } from './tools.js';
import { dirOf, type Expansion, findIn, type Resolver } from './types.js';

const MAX_FILE = 200_000;
const MAX_LIST = 4_000;

/** The alias `name` of a mix.exs text: its list's strings and the line of its key, or undefined. */
export function mixAlias(
  text: string,
  name: string,
): { line: number; items: { text: string; line: number }[] } | undefined {
  if (text.length > MAX_FILE) return undefined;
  const start = text.search(/\bdefp?\s+aliases\b|\baliases:\s*\[/);
  if (start < 0) return undefined;
  // Only the aliases' own definition: up to the next function.
  const next = text.slice(start + 1).search(/\n\s*defp?\s/);
  const scope = next < 0 ? text.length : start + 1 + next;
  const word = /^[a-z_]\w*$/.test(name) ? `|${name}` : '';
  const key = new RegExp(`[\\s,\\[](?:"${escapeRe(name)}"${word}):\\s*`, 'g');
  key.lastIndex = start;
  const m = key.exec(text);
  if (!m || m.index >= scope) return undefined;
  let at = m.index + m[0].length;
  const line = text.slice(0, m.index + 1).split('\n').length;
  const items: { text: string; line: number }[] = [];
  const lineAt = (i: number) => line + (text.slice(m.index + 1, i).match(/\n/g)?.length ?? 0);
  const str = /"((?:[^"\\\n]|\\.)*)"/y;
  if (text[at] === '"') {
    str.lastIndex = at;
    const s = str.exec(text);
    return s ? { line, items: [{ text: s[1]!, line }] } : undefined;
  }
  if (text[at] !== '[') return undefined;
  at++;
  for (const end = Math.min(text.length, at + MAX_LIST); at < end; at++) {
    const c = text[at]!;
    if (c === ']') return { line, items };
    if (c === '"') {
      str.lastIndex = at;
      const s = str.exec(text);
      if (!s) return undefined;
      items.push({ text: s[1]!, line: lineAt(at) });
      at = str.lastIndex - 1;
    } else if (c === '#') {
      const nl = text.indexOf('\n', at);
      at = nl < 0 ? end : nl;
    }
  }
  return undefined;
}

/** `mix NAME …` where mix.exs defines the alias NAME: the tasks it lists, with the alias in the chain. */
export const mixAliases: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'mix' || !argv[1] || argv[1].startsWith('-')) return undefined;
  const path = findIn(files, cwd, ['mix.exs']);
  const text = path ? files.read(path) : undefined;
  if (!path || !text) return undefined;
  const name = argv[1];
  const alias = mixAlias(text, name);
  if (!alias) return undefined;
  const hop = {
    path,
    line: alias.line,
    text: (text.split('\n')[alias.line - 1] ?? '').trim(),
    via: `mix alias ${name}`,
  };
  const out: Required<Pick<Expansion, 'blocks' | 'commands'>> = { blocks: [], commands: [] };
  for (const item of alias.items) {
    const words = item.text.trim().split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    // The alias's own name runs the task itself (`test: ["ecto.create --quiet", "test"]`).
    if (words[0] === name) {
      const run = ['mix', ...words, ...argv.slice(2)];
      // `check: "check --config=tooling/.check.exs"`: ex_check's own task, with the alias's arguments.
      const checked = exCheck(run, { files, cwd });
      if (checked?.blocks?.length) {
        out.blocks.push(...checked.blocks);
        continue;
      }
      const tools = classify(run);
      if (tools.length) out.commands.push({ argv: run, hop, cwd: dirOf(path), tools });
      continue;
    }
    const text = words[0] === 'cmd' ? words.slice(1).join(' ') : `mix ${words.join(' ')}`;
    out.blocks.push({ path, line: item.line, text, via: `mix alias ${name}`, cwd: dirOf(path) });
  }
  return out;
};
