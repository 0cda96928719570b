/**
 * "Added working doc tests (7/8 passing, 1 ignored)", "Doc tests for public APIs - 7/8": Rust runs
 * the code blocks of its doc comments as tests, so a reader counts them — every fenced block in a
 * `///` or `//!` comment, those marked `ignore` included — and compares the total with the one the
 * document gives.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { COUNT_TOLERANCE } from './figures.js';
import { fileText } from './problems.js';

const DOC_TESTS = /\bdoc[- ]?tests?\b|\bdocumentation tests?\b/i;
const DOC_FENCE = /^\s*\/\/[/!]\s?```/;

export interface DocTests {
  total: number;
  ignored: number;
  claimed: number;
  evidence: Evidence[];
}

/** The doc tests of the Rust sources and the total the claim gives; null when the claim counts none. */
export function docTests(ctx: LookupContext | undefined, claim: Claim): DocTests | null {
  if (!ctx || !DOC_TESTS.test(claim.text) || !claim.number) return null;
  const n = claim.number;
  if (n.kind !== 'ratio' && n.kind !== 'count') return null;
  const claimed = Number(n.kind === 'ratio' ? n.total : n.value);
  const sources = ctx.files.paths.filter((p) => p.endsWith('.rs') && !/(?:^|\/)(?:target|vendor)\//.test(p));
  if (!sources.length) return null;
  let total = 0;
  let ignored = 0;
  const evidence: Evidence[] = [];
  for (const path of sources.slice(0, 2000)) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    let open = false;
    lines.forEach((l, i) => {
      if (!DOC_FENCE.test(l)) return;
      if (open) {
        open = false;
        return;
      }
      open = true;
      const info = l.slice(l.indexOf('```') + 3).trim();
      // ```text and other languages are shown, not run; ```ignore is a test rustdoc skips.
      if (info && !/^(?:rust|ignore|no_run|should_panic|compile_fail|edition\d+)(?:,|$)/.test(info)) return;
      total++;
      if (/\bignore\b/.test(info)) ignored++;
      if (evidence.length < 3) evidence.push({ path, line: i + 1, snippet: l.trim().slice(0, 160) });
    });
  }
  return { total, ignored, claimed, evidence };
}

export const docTestsAgree = (d: DocTests) => Math.abs(d.total - d.claimed) <= Math.max(0, d.claimed * COUNT_TOLERANCE);
