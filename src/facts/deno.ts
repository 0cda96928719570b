/**
 * Deno's project file: deno.json, or deno.jsonc (JSON with comments and trailing commas). Read
 * once per path, by a linear scan that blanks comments outside strings.
 */
import type { FileView } from '../types.js';
import { parseJson } from '../util/parsers.js';

export interface DenoConfig {
  tasks?: Record<string, unknown>;
  imports?: Record<string, unknown>;
  compilerOptions?: Record<string, unknown>;
  lock?: unknown;
  lint?: unknown;
  fmt?: unknown;
}

export const DENO_CONFIGS = ['deno.json', 'deno.jsonc'];

/** JSONC → JSON: comments become spaces, a comma before `}`/`]` is dropped; strings are kept. */
export function jsoncToJson(text: string): string {
  const out: string[] = [];
  let i = 0;
  let pendingComma = -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push(text.slice(i, j + 1));
      pendingComma = -1;
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ',') {
      pendingComma = out.length;
      out.push(c);
      i++;
    } else if (c === '}' || c === ']') {
      if (pendingComma >= 0) out[pendingComma] = ' ';
      pendingComma = -1;
      out.push(c);
      i++;
    } else {
      if (!/\s/.test(c)) pendingComma = -1;
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

export function readDenoConfig(files: FileView, path: string): DenoConfig | undefined {
  const parsed = files.readJson<DenoConfig>(path);
  let value: unknown = parsed.ok ? parsed.value : undefined;
  if (!parsed.ok) {
    const text = files.read(path);
    if (text === undefined) return undefined;
    try {
      value = parseJson(jsoncToJson(text));
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as DenoConfig) : undefined;
}
