/**
 * Handlebars rendering for Markdown, HTML and users' templates. Templates own the layout; code
 * only supplies the Report, helpers and partials. Markdown templates render without HTML
 * escaping (they escape with `mdEscape`), HTML templates with it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { UsageError } from '../util/errors.js';
import { CAPS, readCappedText } from '../util/read-capped.js';
import { HELPERS } from './helpers.js';

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

function environment(templatePath: string): typeof Handlebars {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  // Built-in partials first, then any beside a user's template (which may override them).
  const dirs = [join(templatesDir(), 'partials'), join(dirname(templatePath), 'partials')];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.hbs'))
        hb.registerPartial(f.replace(/(\.(md|html))?\.hbs$/, ''), readFileSync(join(dir, f), 'utf8'));
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
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`{{[~#>/\\s(]*[^}]*?\\b${escaped}\\b`);
  const index = source.split('\n').findIndex((l) => re.test(l));
  return index >= 0 ? index + 1 : undefined;
}
