/**
 * Figures a running program gives, not its files: "Performance: <100ms command execution time",
 * "Memory Usage: <50MB total footprint", "Concurrent Operations: 10,000+ supported". A key of that
 * name in some YAML (a benchmark target, a list of goals), a dependency whose name shares a word
 * ("concurrent") or a file found for the topic confirms the name, not the figure: how fast or how
 * much is measured by running the program, which the repository does not record (issue 16, wrong
 * confirmations on round 26: 5 lines of one document).
 */
import type { Claim } from './extract.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';

/** What a run measures: time taken, memory held, load carried. */
const MEASURE =
  /\b(?:execution time|response times?|latency|latencies|load time|startup time|start-?up|boot time|memory (?:usage|footprint)|footprint|throughput|requests? per second|req\/s|rps|ops\/s|operations per second|concurrent (?:operations|users|connections|requests)|p9[59]|antwortzeit|tiempo de respuesta|temps de réponse|speicherverbrauch|uso de memoria)\b/i;

/** A figure with a unit of time, size or rate, or a large count ("10,000+"). */
const FIGURE =
  /(?<![\d,.])\d[\d,.]{0,12} ?(?:ms|milliseconds?|µs|s|sec|seconds?|kb|mb|gb|%|x)(?!\w)|\b\d{1,3}(?:,\d{3}){1,4}\+?|\b\d{4,9}\+/i;

/** A key that sets a limit the program enforces: "timeout", "max memory", "limit" are settings. */
const SETTING_WORD = /\b(?:timeouts?|limits?|max(?:imum)?|min(?:imum)?|pool|ttl|interval|threshold|quota)\b/i;

/**
 * The measure and figure a confirmation did not compare: the line states a runtime figure, and what
 * confirmed it is a configuration key, a dependency, a file or a word in code. Null otherwise.
 */
export function measuredFigure(claim: Claim, v: VerifiedClaim): string | null {
  if (claim.asserted === 'not-done' || claim.asserted === 'planned') return null;
  if (!['config', 'dependency', 'file', 'search', 'mechanism'].includes(v.basis)) return null;
  const t = plain(claim.raw ?? claim.text);
  const measure = MEASURE.exec(t);
  if (!measure || SETTING_WORD.test(t)) return null;
  const figure = FIGURE.exec(t);
  return figure ? `${measure[0]} ${figure[0].trim()}` : null;
}
