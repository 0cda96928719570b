/**
 * A serverless application this repository deploys (issue 15, blind round 50): an AWS SAM template
 * (`Transform: AWS::Serverless-2016-10-31` with `AWS::Serverless::Function` resources), a Serverless
 * Framework service that declares `functions:` with handlers, an AWS Chalice app (`.chalice/config.json`)
 * or an SST app (`sst.config.ts`). Its functions are the product's code run by the platform on
 * requests, events or a state machine: a service, judged for timeouts, memory limits, retries and IaC,
 * however small its code and whatever sample programs sit beside it.
 */
import type { FileView } from '../types.js';
import { lineAt } from '../util/lines.js';
import { memo } from '../util/memo.js';
import { CHALICE_APP, SAM_GLOBS, SAM_MENTION, SERVERLESS_SERVICE, isServerlessService } from './alongside.js';
import { NOT_THE_PRODUCT, isTestPath } from './paths.js';

export { SAM_GLOBS, isServerlessService };

export interface ServerlessApp {
  tool: 'AWS SAM' | 'Serverless Framework' | 'AWS Chalice' | 'SST';
  /** The template or project file. */
  path: string;
  line: number;
  /** Functions the template declares (SAM and Serverless Framework). */
  functions: number;
  /** The folder a function's code is in, where the template names one that exists here. */
  code?: string;
  /** Every folder a function's code is in, when the functions' code is in more than one. */
  codes?: string[];
  /**
   * A function takes HTTP requests: a SAM `Api`/`HttpApi` event or function URL, a Serverless
   * Framework `http`/`httpApi` event, Chalice routes, or an SST app (which may serve anything).
   */
  http: boolean;
  /**
   * The timeout every function is given (SAM `Globals.Function.Timeout` or a `Timeout:` on each
   * function; Serverless Framework `provider.timeout` or a `timeout:` on each function), at its first
   * line: the platform ends an invocation, and every call it is making, after that long.
   */
  timeout?: { line: number; note: string };
}

/** The SAM transform, in YAML (`Transform: AWS::Serverless-2016-10-31`, or a list item) or JSON. */
const SAM_TRANSFORM = /^[ \t]*(?:"?Transform"?[ \t]*:[ \t]*(?:\[[ \t]*)?|-[ \t]*)["']?AWS::Serverless-2016-10-31\b/m;
const SAM_FUNCTION = /^[ \t]*"?Type"?[ \t]*:[ \t]*["']?AWS::Serverless::Function\b/gm;
const CODE_URI = /^[ \t]*"?CodeUri"?[ \t]*:[ \t]*["']?([\w./-]{1,200})/gm;
/** Templates are read up to here: a SAM template is a few thousand lines at most. */
const MAX_TEMPLATE = 500_000;
/**
 * A SAM event or function URL that takes HTTP requests. The optional JSON comma takes the blanks
 * after it (`[ \t]*,?[ \t]*$` split a line's trailing blanks between two runs: quadratic in them).
 */
const SAM_HTTP =
  /^[ \t]*"?(?:Type"?[ \t]*:[ \t]*["']?(?:Api|HttpApi)["']?[ \t]*(?:,[ \t]*)?$|FunctionUrlConfig"?[ \t]*:)|AWS::Serverless::(?:Api|HttpApi)\b/m;

/** A SAM template of the product (the transform and at least one function), as a platform file. */
export function isSamTemplate(path: string, text: string): boolean {
  if (!product(path) || !text.includes('AWS::Serverless')) return false;
  const t = text.slice(0, MAX_TEMPLATE);
  return SAM_TRANSFORM.test(t) && countUpTo(SAM_FUNCTION, t, 1) > 0;
}
/** Folders whose YAML is never a deployed template: CI, editor and tool configuration. */
const CONFIG_DIR = /^\.(?:github|gitlab|circleci|vscode|devcontainer|buildkite)\//;

function product(path: string): boolean {
  return !NOT_THE_PRODUCT.test(path) && !isTestPath(path) && !CONFIG_DIR.test(path);
}

function countUpTo(re: RegExp, text: string, max: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < max && re.exec(text)) n++;
  return n;
}

function samTemplate(files: FileView): ServerlessApp | undefined {
  const candidates = files
    .match(SAM_GLOBS)
    .filter(product)
    // The root's templates first, then `template.*` files.
    .sort(
      (a, b) =>
        Number(a.includes('/')) - Number(b.includes('/')) ||
        Number(!/template/i.test(a)) - Number(!/template/i.test(b)),
    )
    .slice(0, 200);
  for (const path of candidates) {
    if (files.digest(path, SAM_MENTION) !== true) continue;
    const text = files.read(path)?.slice(0, MAX_TEMPLATE);
    if (!text?.includes('AWS::Serverless')) continue;
    const transform = SAM_TRANSFORM.exec(text);
    const functions = countUpTo(SAM_FUNCTION, text, 1000);
    if (!transform || functions === 0) continue;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    let code: string | undefined;
    const codes: string[] = [];
    CODE_URI.lastIndex = 0;
    for (let m = CODE_URI.exec(text), i = 0; m && i < 100; m = CODE_URI.exec(text), i++) {
      const uri = m[1]!.replace(/^\.\//, '').replace(/\/$/, '');
      if (!uri || uri.startsWith('s3:')) continue;
      const at = `${dir}${uri}`;
      if (files.exists(at) || files.has(`${at}/**`)) {
        code ??= at;
        if (!codes.includes(at)) codes.push(at);
      }
    }
    const timeout = samTimeout(text, functions);
    return {
      tool: 'AWS SAM',
      path,
      line: lineAt(text, transform.index),
      functions,
      code,
      ...(codes.length > 1 ? { codes } : {}),
      http: SAM_HTTP.test(text),
      ...(timeout ? { timeout } : {}),
    };
  }
  return undefined;
}

/** A Serverless Framework service whose `functions:` name handlers. */
function serverlessFramework(files: FileView): ServerlessApp | undefined {
  const paths = files
    .match(['serverless.yml', 'serverless.yaml', '*/serverless.yml', '*/serverless.yaml', '*/*/serverless.yml'])
    .filter(product)
    .slice(0, 100);
  for (const path of paths) {
    // Taken as the scan read the file (alongside.ts): never a second read of it.
    const service = files.digest(path, SERVERLESS_SERVICE);
    if (service?.functionsLine === undefined || service.handlers === 0) continue;
    const { functionsLine: line, handlers: functions, http, timeoutLine } = service;
    // `provider: timeout: 30` applies to every function.
    return {
      tool: 'Serverless Framework',
      path,
      line,
      functions,
      http,
      ...(timeoutLine
        ? { timeout: { line: timeoutLine, note: 'provider.timeout: every function is stopped after it' } }
        : {}),
    };
  }
  return undefined;
}

const TIMEOUT_KEY = /^[ \t]+"?Timeout"?[ \t]*:[ \t]*\S/;

/**
 * The line (1-based) of a key matching `key` inside the block opened by the line matching `open`: the
 * lines below it indented deeper than it, bounded.
 */
function blockKey(lines: string[], open: RegExp, key: RegExp, from = 0): number | undefined {
  const indent = (t: string) => t.length - t.trimStart().length;
  const end = Math.min(lines.length, 20_000);
  for (let i = from; i < end; i++) {
    if (!open.test(lines[i]!)) continue;
    const base = indent(lines[i]!);
    for (let j = i + 1; j < Math.min(end, i + 400); j++) {
      const l = lines[j]!;
      if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
      if (indent(l) <= base) break;
      if (key.test(l)) return j + 1;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The timeout each SAM function runs under: `Globals: Function: Timeout:`, else a `Timeout:` in the
 * Properties of every `AWS::Serverless::Function` (YAML templates; a JSON template is read as one line).
 */
function samTimeout(text: string, functions: number): { line: number; note: string } | undefined {
  const lines = text.split('\n');
  const globals = lines.findIndex((l) => /^Globals[ \t]*:/.test(l));
  if (globals >= 0) {
    const fn = blockKey(lines, /^[ \t]+Function[ \t]*:/, TIMEOUT_KEY, globals + 1);
    const fnBlock = lines.findIndex((l, i) => i > globals && /^[ \t]+Function[ \t]*:/.test(l));
    const stillGlobals =
      fnBlock > globals && lines.slice(globals + 1, fnBlock).every((l) => l.trim() === '' || /^[ \t#]/.test(l));
    if (fn && stillGlobals) return { line: fn, note: 'Globals.Function.Timeout: every function is stopped after it' };
  }
  // Each function's own: the resource's block (from the line that names it, the one above `Type:`).
  let first: number | undefined;
  let timed = 0;
  for (let i = 1; i < Math.min(lines.length, 20_000) && timed < 1000; i++) {
    if (!/^[ \t]*"?Type"?[ \t]*:[ \t]*["']?AWS::Serverless::Function\b/.test(lines[i]!)) continue;
    // The resource's name is the nearest line above indented less than `Type:`.
    const typeIndent = lines[i]!.length - lines[i]!.trimStart().length;
    let name = i - 1;
    while (
      name > 0 &&
      (lines[name]!.trim() === '' || lines[name]!.length - lines[name]!.trimStart().length >= typeIndent)
    )
      name--;
    const at = blockKey(lines, /[\s\S]/, TIMEOUT_KEY, name);
    if (at === undefined) return undefined;
    first ??= at;
    timed++;
  }
  return first !== undefined && timed >= functions
    ? { line: first, note: 'a Timeout on every function: each is stopped after it' }
    : undefined;
}

/** The first serverless application of the product, root first. */
export function serverlessApp(files: FileView): ServerlessApp | undefined {
  return memo(files, 'serverless-app', () => findServerlessApp(files));
}

function findServerlessApp(files: FileView): ServerlessApp | undefined {
  const sam = samTemplate(files);
  if (sam) return sam;
  const sls = serverlessFramework(files);
  if (sls) return sls;
  for (const path of ['.chalice/config.json', ...files.match('*/.chalice/config.json').slice(0, 20)]) {
    if (!files.exists(path) || !product(path)) continue;
    const dir = path.slice(0, path.indexOf('.chalice/'));
    const app = files.digest(`${dir}app.py`, CHALICE_APP);
    if (app) return { tool: 'AWS Chalice', path, line: 1, functions: 0, code: `${dir}app.py`, http: app.routes };
  }
  for (const path of ['sst.config.ts', 'sst.config.js']) {
    const text = files.read(path)?.slice(0, MAX_TEMPLATE);
    const app = text ? /\$config[ \t]*\(|\bSSTConfig\b/.exec(text) : null;
    if (text && app) return { tool: 'SST', path, line: lineAt(text, app.index), functions: 0, http: true };
  }
  return undefined;
}
