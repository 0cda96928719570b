/**
 * Code that runs only in development: a line inside `if (app.Environment.IsDevelopment())`,
 * `if settings.DEBUG:`, `if Rails.env.development?`, `if (process.env.NODE_ENV !== 'production')`
 * or Laravel's `app()->environment('local')`. A health endpoint or a security control registered
 * there is not what production runs (round 1: the .NET Aspire template maps /health and /alive
 * only in Development).
 *
 * Read the way a reviewer reads it: the enclosing lines are those above with less indentation,
 * which holds for formatted code in every language here (braces or not). An `else` on the way up
 * means the line is in the other branch; a negated condition (`!IsDevelopment()`, `not DEBUG`) is
 * the production branch.
 */
import type { Lines } from '../types.js';
import { LineIndex } from '../util/lines.js';

/** Conditions true only outside production (a scan pattern too: files without one are not read again). */
export const DEV_CONDITION = new RegExp(
  [
    String.raw`\b[Ii]sDevelopment\(\)`,
    String.raw`\bEnvironmentName\s*==\s*"Development"`,
    String.raw`\b(?:settings\.)?DEBUG\b`,
    String.raw`\bapp\.debug\b`,
    String.raw`\bRails\.env\.(?:development|test|local)\?`,
    String.raw`\bRails\.env\s*==\s*['"](?:development|test)['"]`,
    String.raw`\bNODE_ENV\s*===?\s*['"](?:development|dev|test|local)['"]`,
    String.raw`\bNODE_ENV\s*!==?\s*['"]production['"]`,
    String.raw`->environment\(\s*['"](?:local|development|dev|testing)['"]`,
    String.raw`\bApp::environment\(\s*['"](?:local|development|dev|testing)['"]`,
    String.raw`\bisLocal\(\)`,
    String.raw`\bgin\.Mode\(\)\s*==\s*gin\.DebugMode\b|\bgin\.IsDebugging\(\)`,
    // An environment name compared with a development value: `os.Getenv("ENVIRONMENT") == "dev"`,
    // `cfg.Environment == "development"`, `env == 'local'`.
    String.raw`(?:[Ee]nv(?:ironment)?|ENV(?:IRONMENT)?)["')\]]*\s*===?\s*["'](?:dev|development|local)["']`,
  ].join('|'),
);

/** The branch keyword that opens a conditional block on this line. */
const IF_LINE = /^\s*(?:\}\s*)?(?:if|elif|elsif|else\s+if|unless)\b|^\s*@if\b/;
const ELSE_LINE = /^\s*(?:\}\s*)?else\b(?!\s+if)|^\s*else\s*:/;
/** How far up the enclosing condition may be. */
const LOOK_UP = 200;

export interface DevBranch {
  line: number;
  snippet: string;
}

function indentOf(line: string): number {
  const m = /^[ \t]*/.exec(line)![0];
  return m.replace(/\t/g, '    ').length;
}

/** The development-only condition enclosing `line` (1-based) of `text`, or null. */
export function devOnlyBranch(source: string | Lines, line: number): DevBranch | null {
  // Rules pass the file's line index (FileView.lines), so a file with many matches is split once.
  const lines = typeof source === 'string' ? new LineIndex(source) : source;
  if (line < 1 || line > lines.count) return null;
  const target = lines.line(line);
  // A one-line guard: `if settings.DEBUG: urlpatterns += …`, `… if Rails.env.development?`.
  if (IF_LINE.test(target) && devCondition(target)) return { line, snippet: target.trim() };
  const modifier = target.search(/\s(?:if|unless)\s/);
  if (modifier > 0 && devCondition(target.slice(modifier))) return { line, snippet: target.trim() };
  let min = indentOf(target);
  for (let i = line - 2; i >= 0 && i >= line - 1 - LOOK_UP && min > 0; i--) {
    const l = lines.line(i + 1);
    if (l.trim() === '' || /^\s*(?:\/\/|#(?!\[)|\*|\/\*)/.test(l)) continue;
    const ind = indentOf(l);
    if (ind >= min) continue;
    // A brace on its own line (Allman style): the condition is the line above it.
    let opener = l;
    let at = i;
    if (/^\s*\{\s*$/.test(l) && i > 0) {
      opener = lines.line(i);
      at = i - 1;
    }
    min = ind;
    if (ELSE_LINE.test(opener)) return null;
    if (IF_LINE.test(opener) && devCondition(opener)) return { line: at + 1, snippet: opener.trim() };
  }
  return null;
}

/** The text names a development-only condition, not negated. */
function devCondition(text: string): boolean {
  const m = DEV_CONDITION.exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index);
  // `!app.Environment.IsDevelopment()`, `! app()->environment('local')`, `!App::isLocal()`,
  // `not settings.DEBUG`, `unless Rails.env.development?`: the receiver chain may use `.`, `->` or `::`.
  if (
    /(?:!\s*(?:[\w$]+\s*(?:\(\s*\)\s*)?(?:\.|->|::)\s*)*(?:[\w$]+\s*(?:\(\s*\)\s*)?)?|\bnot\s+|\bunless\s+(?:[\w$]+\.)*)$/.test(
      before,
    )
  )
    return false;
  // `DEBUG = False`-style assignments and `if not DEBUG` are not development branches.
  if (/\bDEBUG\b/.test(m[0]) && /\bDEBUG\s*(?:==\s*False|is\s+False)/.test(text)) return false;
  return true;
}
