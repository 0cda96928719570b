/**
 * Handlebars rendering for Markdown, HTML and users' templates. Templates own the layout; code
 * only supplies the Report, helpers and partials. Markdown templates render without HTML
 * escaping (they escape with `mdEscape`), HTML templates with it.
 */
import { existsSync, lstatSync, readdirSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { UsageError } from '../util/errors.js';
import { CAPS, readCappedText } from '../util/read-capped.js';
import { HELPERS } from './helpers.js';
import { escapeRe } from '../util/regex.js';

/** The package's templates/ folder, from the source tree (tests) or the build (dist/src/render). */
export function templatesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ['../../templates', '../../../templates']) {
    const dir = join(here, rel);
    if (existsSync(join(dir, 'report.md.hbs'))) return dir;
  }
  throw new Error('templates folder not found beside the package');
}

export function builtinTemplate(name: string): string {
  return join(templatesDir(), name);
}

const MAX_PARTIALS = 256;

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

function environment(templatePath: string): typeof Handlebars {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  // Built-in partials first, then any beside a user's template (which may override them). A
  // template may live in the audited repository (`--template docs/report.hbs`), so its partials
  // are read as untrusted files: never through a link (partials/env.hbs linked to
  // /proc/self/environ or a file outside put its content in the report), never a FIFO or a
  // device (/dev/zero hung the run), each under the template cap, and not too many.
  const dirs = [join(templatesDir(), 'partials'), join(dirname(templatePath), 'partials')];
  for (const dir of dirs) {
    const st = lstatOrNull(dir);
    if (!st) continue;
    if (!st.isDirectory()) throw new UsageError(`template partials ${dir}: not a folder (a link is not followed)`);
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.hbs'))
      .sort();
    if (names.length > MAX_PARTIALS)
      throw new UsageError(`template partials ${dir}: more than ${MAX_PARTIALS} partials`);
    for (const f of names) {
      const text = readCappedText(join(dir, f), {
        maxBytes: CAPS.template,
        label: `template partial ${join(dir, f)}`,
        noFollow: true,
      });
      hb.registerPartial(f.replace(/(\.(md|html))?\.hbs$/, ''), text);
    }
  }
  return hb;
}

export function renderTemplate(templatePath: string, context: object): string {
  const source = readCappedText(templatePath, { maxBytes: CAPS.template, label: `template ${templatePath}` });
  const html = /\.html?(\.hbs)?$/i.test(templatePath);
  const hb = environment(templatePath);
  try {
    const template = hb.compile(source, { noEscape: !html, strict: false, preventIndent: true });
    return template(context, { allowProtoPropertiesByDefault: false });
  } catch (err) {
    const msg = (err as Error).message ?? String(err);
    const first = msg.split('\n').find((l) => l.trim() && !/^-+\^$/.test(l.trim()) && !/^\.\.\./.test(l.trim())) ?? msg;
    const line = errorLine(msg, err, source);
    throw new UsageError(`template ${templatePath}${line ? ` line ${line}` : ''}: ${first.trim()}`);
  }
}

/**
 * The template line an error points at. Parse errors carry it; runtime errors (a missing helper or
 * partial) do not, so the first line that uses the missing name stands in.
 */
function errorLine(msg: string, err: unknown, source: string): number | undefined {
  const parsed =
    /line (\d+)/i.exec(msg)?.[1] ?? /- (\d+):\d+/.exec(msg)?.[1] ?? (err as { lineNumber?: number }).lineNumber;
  if (parsed !== undefined) return Number(parsed);
  const name = /Missing helper: "([^"]+)"/.exec(msg)?.[1] ?? /The partial (\S+) could not be found/.exec(msg)?.[1];
  if (!name) return undefined;
  const escaped = escapeRe(name);
  const re = new RegExp(`{{[~#>/\\s(]*[^}]*?\\b${escaped}\\b`);
  const index = source.split('\n').findIndex((l) => re.test(l));
  return index >= 0 ? index + 1 : undefined;
}
