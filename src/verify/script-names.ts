/**
 * An item led by a ticked bare name the repository's own manifests declare as a command: "- [x]
 * `test:unit` - Run unit tests", "- `analyse` – Run PHPStan", "- `lint`: eslint". The name is looked up
 * among the "scripts" of package.json and composer.json files and the targets of Makefiles — only
 * names those files really hold. Found, the item is confirmed at the manifest's line; not found, it is
 * left to the other lookups (the name may be a service, a folder or a word), never contradicted here.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { makeTargetLines } from '../facts/commands/make.js';
import { readScripts, scriptLine } from '../facts/commands/node.js';

/** "- ✅ `name` - …", "1. `name`: …": a ticked name of a command at the item's start. */
const LEAD =
  /^\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]*)?(?:[^\s`\w]{1,3}[ \t]+)?`([a-z][\w:.-]{0,40})`[ \t]*(?:[-–—:]|$)/;

const MANIFEST = /(?:^|\/)(?:package\.json|composer\.json)$/;
const MAKEFILE = /(?:^|\/)(?:Makefile|makefile|GNUmakefile)$/;
const SKIP = /(?:^|\/)(?:node_modules|vendor|dist|build)\//;

/** The ticked name an item leads with, when it is shaped like a command's name. */
export function ledName(raw: string): string | null {
  return LEAD.exec(raw)?.[1] ?? null;
}

/** A row about a script, command or target: "| Unit test script | ✅ PASS | test:unit |". */
const ABOUT_COMMAND = /\b(?:scripts?|commands?|targets?|tasks?)\b/i;
const CELL_NAME = /^`?([a-z][\w:.-]{0,40})`?$/;

/**
 * The name a table row about a script or command gives in a cell of its own, when the manifests
 * declare a command of that name. (A bare "build" or "test" cell in a row of results is a run's
 * result, not a command named: only rows that say script, command, target or task are read.)
 */
function cellName(ctx: LookupContext, raw: string): string | null {
  if (!/^\s*\|/.test(raw)) return null;
  const cells = raw
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
  if (cells.length < 2 || !ABOUT_COMMAND.test(cells[0]!)) return null;
  for (const cell of cells.slice(1)) {
    const m = CELL_NAME.exec(cell);
    if (m && declarations(ctx).has(m[1]!)) return m[1]!;
  }
  return null;
}

interface Declaration {
  path: string;
  line: number;
  text: string;
}

const indexes = new WeakMap<object, Map<string, Declaration>>();

/**
 * Every command the repository's manifests declare, by name, the first in listing order: built once
 * per listing (claims are many, manifests few), from the parses the command graph uses — package
 * scripts (readScripts/scriptLine) and the memoised Makefile parse, multi-target rules included.
 */
function declarations(ctx: LookupContext): Map<string, Declaration> {
  let index = indexes.get(ctx.files);
  if (index) return index;
  index = new Map();
  const paths = ['package.json', 'composer.json', 'Makefile', 'makefile', 'GNUmakefile']
    .flatMap((n) => ctx.files.named(n))
    .filter((p) => !SKIP.test(p) && (MANIFEST.test(p) || MAKEFILE.test(p)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const linesOf = new Map<string, string[]>();
  const lineText = (path: string, line: number): string => {
    let lines = linesOf.get(path);
    if (!lines) linesOf.set(path, (lines = (ctx.files.read(path) ?? '').split('\n')));
    return (lines[line - 1] ?? '').trim();
  };
  for (const path of paths) {
    if (MANIFEST.test(path)) {
      const s = readScripts(ctx.files, path);
      if (!s || !/"scripts"\s*:/.test(s.text)) continue;
      for (const name of Object.keys(s.scripts)) {
        if (index.has(name)) continue;
        const line = scriptLine(s, name);
        index.set(name, { path, line, text: lineText(path, line) });
      }
    } else
      for (const t of makeTargetLines(ctx.files, path))
        if (!index.has(t.name)) index.set(t.name, { path: t.path, line: t.line, text: lineText(t.path, t.line) });
  }
  indexes.set(ctx.files, index);
  return index;
}

/** The finding of an item of presence led by a declared command's name; null otherwise. */
export function scriptFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.asserted !== 'done' && claim.asserted !== 'partial') return null;
  const name = ledName(claim.raw ?? '') ?? cellName(ctx, claim.raw ?? '');
  if (!name) return null;
  const at = declarations(ctx).get(name);
  if (!at) return null;
  return {
    subject: name,
    basis: 'config',
    present: 'yes',
    detail: `${at.path}:${at.line} declares the command ${name}`,
    evidence: [{ path: at.path, line: at.line, snippet: at.text.slice(0, 120) }],
  };
}
