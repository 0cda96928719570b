/**
 * A project generator's document ("Generated project structure: ├── Dockerfile  # Multi-stage build",
 * "Docker: multi-stage Dockerfile, docker-compose.yml") describes the project the generator writes, not
 * the generator's own files. A reader of such a document looks for the template the file is written
 * from: the generator's code names it ("docker/Dockerfile.tmpl"), and when no file of the repository
 * is that template, the generated project cannot have the file, whatever the generator's own root holds.
 * A confirmation that rests on the generator's own file of that name is then out of date (contradicted).
 * A file for which the code names no template is left as it was (it may be the generator's own).
 */
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import type { VerifiedClaim } from './schema.js';

const TEMPLATE_EXT = 'tmpl|tpl|hbs|handlebars|ejs|mustache|j2|jinja2?|liquid';
/** A template of a generator: a template file under a "templates" folder. */
const TEMPLATE_FILE = new RegExp(String.raw`(?:^|/)templates?/(?:[^/]+/)*[^/]+\.(?:${TEMPLATE_EXT})$`, 'i');
/** A template path the generator's code names in a string: "docker/Dockerfile.tmpl". */
const TEMPLATE_REF = new RegExp(String.raw`["'\x60]((?:[\w.-]+/){0,6}[\w.-]+\.(?:${TEMPLATE_EXT}))["'\x60]`, 'gi');
const CODE = /\.(?:go|py|ts|js|mjs|cjs|rs|java|kt|rb|php|cs)$/i;
/** Fewer template files than this: a project that renders a few pages, not a generator. */
const MIN_TEMPLATES = 10;
const MAX_CODE_FILES = 400;
const MAX_FILE = 256 * 1024;

interface Generator {
  /** Every template path the code names, by the name of the file it writes ("dockerfile" → "docker/Dockerfile.tmpl"). */
  named: Map<string, string[]>;
  /** The base names of the templates the repository holds ("dockerfile.tmpl"). */
  held: Set<string>;
  templates: number;
}

const generators = new WeakMap<object, Generator | null>();

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1).toLowerCase();
const writes = (template: string) =>
  baseName(template).replace(new RegExp(String.raw`\.(?:${TEMPLATE_EXT})$`, 'i'), '');

/** The repository as a generator (its templates, and the templates its code names), once per listing; null when it is not one. */
function generatorOf(ctx: LookupContext): Generator | null {
  const known = generators.get(ctx.files);
  if (known !== undefined) return known;
  const templates = ctx.files.paths.filter((p) => TEMPLATE_FILE.test(p));
  let g: Generator | null = null;
  if (templates.length >= MIN_TEMPLATES) {
    const held = new Set(templates.map(baseName));
    const named = new Map<string, string[]>();
    const code = ctx.files.paths.filter((p) => CODE.test(p) && !TEMPLATE_FILE.test(p)).slice(0, MAX_CODE_FILES);
    for (const path of code) {
      const text = ctx.readText ? ctx.readText(path, MAX_FILE) : ctx.files.read(path);
      if (!text) continue;
      for (const m of text.matchAll(TEMPLATE_REF)) {
        const ref = m[1]!;
        const key = writes(ref);
        const list = named.get(key) ?? [];
        if (!list.includes(ref) && list.length < 4) list.push(ref);
        named.set(key, list);
      }
    }
    g = { named, held, templates: templates.length };
  }
  generators.set(ctx.files, g);
  return g;
}

/**
 * A confirmation resting on a file of the generator's own (outside its templates) whose template the
 * generator's code names but the repository does not hold: the generated project has no such file.
 */
export function generatedWithoutTemplate(
  claim: Claim,
  v: VerifiedClaim,
  ctx: LookupContext | undefined,
): VerifiedClaim {
  if (!ctx || claim.asserted === 'not-done') return v;
  if (v.verdict !== 'confirmed' && v.verdict !== 'partially-confirmed') return v;
  if (v.basis !== 'file' && !v.basis.startsWith('rule:')) return v;
  const files = v.evidence.map((e) => e.path).filter((p) => p !== '.' && !TEMPLATE_FILE.test(p));
  if (!files.length) return v;
  const g = generatorOf(ctx);
  if (!g) return v;
  for (const path of files) {
    const refs = g.named.get(baseName(path));
    if (!refs?.length) continue;
    // The template is there (under any folder): the generated project gets the file.
    if (refs.some((r) => g.held.has(baseName(r)))) return v;
    return {
      ...v,
      verdict: 'contradicted',
      reason: `the repository is a project generator (${g.templates} templates): its code writes ${path.slice(path.lastIndexOf('/') + 1)} from ${refs[0]}, but no such template is in the repository, so the generated project has none (${path} is the generator's own)`,
      evidence: [{ path, note: "the generator's own file" }, ...v.evidence.filter((e) => e.path !== path)].slice(0, 4),
    };
  }
  return v;
}
