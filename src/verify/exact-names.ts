/**
 * Exact lookups of the distinctive names a line gives, when nothing else settled it: a test's name
 * (`WhenHealthCheckIsRequested_ThenReturnsOkResult`, `test_max_length`), a class, trait or option
 * (`WithFaker`, `pub(crate)`, `FinanceTracker.API`), a string the product shows ("TESTE TÉCNICO",
 * "Healthy"). A reader confirms such a line by finding each name written as it is in the project's
 * source or configuration — never in the document itself, nor in other documentation. Every name
 * found → confirmed at its file:line; any name missing → nothing is concluded (a name may be
 * paraphrased, or the thing renamed).
 *
 * A name is distinctive when a word could not be mistaken for it: a capital inside the word, an
 * underscore, a dot between names, a span in code ticks or quotes. Ordinary words are not names, and
 * neither are the products, languages and libraries a project uses (found in any of its files, they
 * show nothing of what the line says). A line that says a thing was removed or is missing is left to
 * the lookups that read absence.
 *
 * The project's source and configuration are read once per audit, bounded (MAX_FILES, MAX_BYTES),
 * each file once; each name is then one indexOf per text.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { isCommentLine, isTestPath } from '../facts/paths.js';
import { productsIn } from './products.js';
import { ABOUT_TESTS, aboutTheNames } from './prose-names.js';
import { plain } from './status.js';

const MAX_FILES = 4000;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_FILE = 1024 * 1024;
const MAX_NAMES = 6;

/** Source, templates and configuration: where a name the product uses is written. */
const SOURCE =
  /\.(?:[cm]?[jt]sx?|py|pyi|go|rs|java|kt|kts|cs|fs|vb|rb|php|swift|scala|dart|ex|exs|erl|clj|lua|pl|r|sh|bash|ps1|sql|c|h|cc|cpp|hpp|m|vue|svelte|html?|cshtml|razor|erb|twig|j2|jinja2?|hbs|ejs|ya?ml|json|jsonc|toml|ini|cfg|conf|properties|xml|gradle|csproj|fsproj|sln|slnx|props|tf|hcl|proto|graphql|gql|env|example)$|(?:^|\/)(?:Dockerfile[^/]*|Makefile|Justfile|Procfile|Gemfile|Rakefile)$/i;
/** Vendored, built and generated trees, and lock files: nobody wrote the names in them. */
const SKIP =
  /(?:^|\/)(?:node_modules|vendor|third_party|dist|build|out|target|coverage|\.next|\.nuxt|bower_components|site-packages|__pycache__|\.git|\.venv|venv)\/|\.min\.[jc]ss?$|(?:package-lock|npm-shrinkwrap|yarn|pnpm-lock|composer|Cargo|Gemfile|poetry|Pipfile)\.(?:json|lock|yaml)$/i;

/** "Removed X", "X missing", "no X": the name must be gone, which a lookup of its presence does not judge. */
export const ABSENCE =
  /\b(?:no|not|never|without|none|removed?|removing|deleted?|dropped|eliminated|replaced|deprecated|missing|lacks?|absent|kein\w*|nicht|fehlt|entfernt\w*|gelöscht|ohne|sin|sem|nenhum\w*|removid[oa]s?|eliminad[oa]s?|sans|aucun\w*|supprim\w*)\b/i;

/** Products, languages and platforms written in mixed case: names of the world, not of the project. */
const WORLD = new Set(
  (
    'javascript typescript github gitlab bitbucket postgresql mysql mariadb mongodb sqlite nosql graphql oauth oauth2 ' +
    'openid websocket websockets devops devsecops youtube linkedin powershell nestjs nextjs nodejs nuxtjs vuejs reactjs ' +
    'fastapi sqlalchemy openapi swaggerui dockerhub vscode intellij macos ios ipados watchos tvos jetbrains cloudwatch ' +
    'dynamodb cloudfront cloudflare firebase supabase phpunit pytest junit xunit nunit mstest testng jest vitest ' +
    'dotnet aspnet netcore entityframework efcore springboot rabbitmq elasticsearch opentelemetry webpack eslint ' +
    'prettier sonarqube sonarcloud codeql dependabot renovate paypal stripe chatgpt openai huggingface tensorflow ' +
    'pytorch numpy pandas scikit jupyter wordpress woocommerce shopify laravel symfony codeigniter rubyonrails ' +
    'kubernetes terraform ansible grafana prometheus datadog newrelic pagerduty circleci travisci appveyor ' +
    'microsoft google amazon apple meta netflix airbnb uber iphone ipad android webassembly wasm json yaml html css ' +
    'tailwindcss tailwind bootstrap jquery axios lodash momentjs redux mobx rxjs signalr grpc protobuf ' +
    'webrtc webhooks webhook localstorage sessionstorage indexeddb serviceworker pwa readme changelog todo fixme'
  ).split(' '),
);

/** A bare word that is a name: a capital inside it, an underscore between letters, or names joined by dots. */
const MIXED = /^[A-Za-z][a-z0-9]+[A-Z][A-Za-z0-9]*$|^[A-Z]{2,}[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;
const SNAKE = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/;
const DOTTED = /^[A-Z][A-Za-z0-9]+(?:\.[A-Z][A-Za-z0-9]+)+$/;
/** A file or a domain, a version, a web address: other lookups read those. */
const NOT_NAME =
  /^(?:https?:|www\.)|\.(?:js|ts|net|io|com|org|dev|app|py|md|json|ya?ml|toml|xml|html?|css|txt|sh|go|rs|java|cs|php|rb)$|\d\.\d/i;

/** A token without the dots and dashes around it (a loop: a trailing class with `+$` backtracks). */
function trimDashes(tok: string): string {
  let a = 0;
  let b = tok.length;
  while (a < b && '.-–—'.includes(tok[a]!)) a++;
  while (b > a && '.-–—'.includes(tok[b - 1]!)) b--;
  return tok.slice(a, b);
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface Name {
  text: string;
  /** Written in quotes: a string the product shows, found in a string as well as in code. */
  quoted: boolean;
}

/** The distinctive names of a line as written (code ticks and quotes kept), at most MAX_NAMES. */
export function distinctiveNames(raw: string): Name[] {
  const out: Name[] = [];
  const add = (text: string, quoted = false) => {
    if (!out.some((n) => n.text === text) && out.length < MAX_NAMES) out.push({ text, quoted });
  };
  let rest = raw;
  // Spans in ticks: code as written. A plain short word in ticks (`Row`) is still a word.
  for (const m of raw.matchAll(/`([^`\n]{2,80})`/g)) {
    const span = m[1]!.trim();
    rest = rest.replace(m[0], ' ');
    if (/[/\\]/.test(span) || NOT_NAME.test(span) || /\s/.test(span)) continue;
    if (span.length < 4 && !/[^\w]/.test(span)) continue;
    if (/^[a-z]+$/.test(span) && span.length < 8) continue;
    if (!/[A-Za-z]{2}/.test(span) || WORLD.has(words(span))) continue;
    add(span);
  }
  // Strings in quotes: what the product shows or a test asserts ("TESTE TÉCNICO", "Healthy").
  for (const m of rest.matchAll(/["“„«]([^"“”„«»\n]{4,60})["”“»]/g)) {
    const s = m[1]!.trim();
    rest = rest.replace(m[0], ' ');
    if (!/\p{L}{3}/u.test(s) || /^(?:e\.g\.|i\.e\.)/i.test(s) || /[/\\]/.test(s) || NOT_NAME.test(s)) continue;
    // An example of output ("2 hours ago") is phrased, not written: a quoted string carries no figure.
    if (/\d/.test(s)) continue;
    add(s, true);
  }
  for (const tok of rest.split(/[\s,;:!?()[\]{}<>|*'"`=+]+/)) {
    const t = trimDashes(tok);
    if (t.length < 6 || NOT_NAME.test(t) || WORLD.has(words(t))) continue;
    // "APP_KEY generated", "DEBUG=false": a setting's name, whose value the line is about (config lookups).
    if (/^[A-Z0-9_]+$/.test(t)) continue;
    if (MIXED.test(t) || SNAKE.test(t) || DOTTED.test(t)) add(t);
  }
  return out;
}

interface Text {
  path: string;
  text: string;
}

/** The project's source and configuration texts, read once per file listing. */
const corpora = new WeakMap<object, Text[]>();
export function corpus(ctx: LookupContext): Text[] {
  const cached = corpora.get(ctx.files);
  if (cached) return cached;
  const out: Text[] = [];
  let bytes = 0;
  for (const path of ctx.files.paths) {
    if (out.length >= MAX_FILES || bytes >= MAX_BYTES) break;
    if (path === ctx.documentPath || !SOURCE.test(path) || SKIP.test(path)) continue;
    const text = ctx.readText ? ctx.readText(path, MAX_FILE) : ctx.files.read(path);
    if (text === undefined || text.length > MAX_FILE) continue;
    bytes += text.length;
    out.push({ path, text });
  }
  corpora.set(ctx.files, out);
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}_$]/u;
/** An import names a thing without using it: a name imported and never used is not there for the line. */
const IMPORT =
  /^\s*(?:import\b|from\s+\S+\s+import\b|use\s+\w+(?:\\|::)|using\s+[\w.]+\s*;|require(?:_once)?\b|#include\b|(?:const|let|var)\s[\w{}\s,]*=\s*require\()/;

/** Pages of text: a name of code written there is prose about it ("MockMvc - REST API testing"). */
const MARKUP = /\.(?:html?|xml)$/i;

/** Where a name is written whole (not inside a longer name), first match, with its line. */
function whereWritten(texts: Text[], name: string, code: boolean): Evidence | null {
  // ".env", ".npmrc": a dot-file's name right after a word is a member (`process.env`), not the file.
  const edgeStart = WORD_CHAR.test(name[0]!) || (name[0] === '.' && WORD_CHAR.test(name[1] ?? ''));
  const edgeEnd = WORD_CHAR.test(name[name.length - 1]!);
  for (const { path, text } of texts) {
    // One line's bounds, its comment and import tests and its quote counts are kept while the name
    // recurs on it: taken afresh per occurrence, a 140 KB one-line file of the name in a string
    // took 10 s, and 280 KB 41 s.
    let start = -1;
    let end = -1;
    let written = '';
    let plainLine = false;
    let counted = 0;
    let double = 0;
    let single = 0;
    let at = text.indexOf(name);
    while (at >= 0) {
      if (at >= end && end !== text.length) {
        start = text.lastIndexOf('\n', at) + 1;
        const nl = text.indexOf('\n', at);
        end = nl < 0 ? text.length : nl;
        written = text.slice(start, end);
        plainLine = !isCommentLine(written) && !IMPORT.test(written);
        counted = start;
        double = 0;
        single = 0;
      }
      for (; counted < at; counted++) {
        const ch = text[counted];
        if (ch === '"') double++;
        else if (ch === "'") single++;
      }
      const before = at > 0 ? text[at - 1]! : ' ';
      const after = at + name.length < text.length ? text[at + name.length]! : ' ';
      if (
        !(edgeStart && WORD_CHAR.test(before)) &&
        !(edgeEnd && WORD_CHAR.test(after)) &&
        plainLine &&
        // A name of code inside a string ("   • MockMvc - REST API testing" printed) is text, not code.
        !(code && (MARKUP.test(path) || (!/\.json$/i.test(path) && (double % 2 === 1 || single % 2 === 1))))
      ) {
        let line = 1;
        for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
        return { path, line, snippet: written.trim().slice(0, 160) };
      }
      at = text.indexOf(name, at + 1);
    }
  }
  return null;
}

/**
 * The line's distinctive names, each looked up as written in the project's source and configuration.
 * Found, every one → a finding present 'yes' with each name's file:line; otherwise null.
 */
export function exactNamesFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.asserted !== 'done' || claim.problem || claim.removed) return null;
  const raw = claim.raw ?? claim.text;
  if (ABSENCE.test(raw)) return null;
  const names = distinctiveNames(raw).filter(
    (n) => !productsIn(n.text).length && !ctx.facts.dependencies.some((d) => words(d.name) === words(n.text)),
  );
  // "| StringArray serialization | ✅ PASS |", "X follows best practices", a line that says much more
  // than its names: what it says of them is not that they are there (prose-names.ts reads lines so).
  if (
    !names.length ||
    !aboutTheNames(
      raw,
      names.map((n) => n.text),
    )
  )
    return null;
  // Under a heading of tests ("Couverture des modèles: ✅ Validation StringArray"), a name the product
  // defines does not show it is tested: the names must be written in the tests themselves.
  const aboutTests = ABOUT_TESTS.test(`${claim.section ?? ''} ${plain(claim.text)}`);
  const texts = corpus(ctx);
  const evidence: Evidence[] = [];
  for (const n of names) {
    const at = whereWritten(
      aboutTests ? texts.filter((t) => isTestPath(t.path)) : texts,
      n.text,
      !n.quoted && /^[\w.$]+$/.test(n.text),
    );
    if (!at) return null;
    evidence.push(at);
  }
  const shown = names.map((n) => (n.quoted ? `"${n.text}"` : n.text));
  return {
    subject: shown.join(', '),
    basis: 'search',
    present: 'yes',
    detail: shown.map((n, i) => `${n} is written in ${evidence[i]!.path}:${evidence[i]!.line}`).join('; '),
    evidence,
  };
}
