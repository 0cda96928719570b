/**
 * Hand-written Elixir role checks that refuse the request (blind round 36, nerves_hub_web): a
 * condition on a role or permission whose branch refuses within a few lines (`if has_org_role?(…)
 * do … else raise UnauthorizedError`), or a role test right before `||`/`or` and a refusal
 * (`authorized?(user, perm) || raise UnauthorizedError`).
 *
 * This was one regular expression with windows of up to 120 characters before the name and six
 * lines of 160 after it: linear, but too large for recheck to decide, so the scan ran it under a
 * watchdog. Now the scan finds only the refusals (EX_DENY, a small linear pattern) and this reads
 * each such file once: the refusals are found in one pass as the conditions ask for them, and
 * each condition looks up the first one after its name instead of scanning its window. Same matches as the
 * single pattern: the condition's line, the file's first three, none overlapping.
 */
import { snippetOf } from '../../../src/scan/patterns.js';
import type { Match } from '../../../src/types.js';

/** How an Elixir plug, controller or LiveView refuses a request. */
export const EX_DENY = String.raw`\braise[ \t(]+[\w.]*(?:Unauthori[sz]ed|Forbidden|NotAuthori[sz]ed|AccessDenied|PermissionDenied|NotAllowed)\w*|\b(?:put_status|send_resp|resp)\([ \t]*(?:conn[ \t]*,[ \t]*)?(?::forbidden|:unauthorized|40[13])\b|\{:halt,|\|>[ \t]*halt\(\)|\bhalt\(conn\)|\{:error,[ \t]*:(?:forbidden|unauthorized|not_authorized)\}`;
/**
 * A name about a role or permission (`has_org_role?`, `user.admin`, `authorized?`, `can_edit?`,
 * `permissions`); not `authorization` (the header an authentication plug reads) and not `scope`
 * (Phoenix 1.8's `current_scope` is the signed-in user).
 */
const EX_ROLE_WORD = String.raw`\b(?=can_|\w*?(?:[Rr]ole|[Aa]dmin|[Pp]ermi(?:t|ssion)|[Aa]uthori[sz](?:ed|e\b|e_)|[Pp]rivilege|[Ss]taff|[Ss]uper_?[Uu]ser))\w+[?!]?`;

/** How far the name may be from `if`/`unless`/`case`, and the refusal from the name. */
const BEFORE_NAME = 120;
const LINE_REACH = 160;
const MORE_LINES = 5;

/** Where a condition or a role name may start a match (one regex, positions in order). */
const START =
  /\b(?:if|unless|case)\b|\b(?=can_|\w*?(?:[Rr]ole|[Aa]dmin|[Pp]ermi(?:t|ssion)|[Aa]uthori[sz](?:ed|e\b|e_)|[Pp]rivilege|[Ss]taff|[Ss]uper_?[Uu]ser))\w/g;
const ROLE_WORD_AT = new RegExp(EX_ROLE_WORD, 'y');
const IF_AT = /\b(?:if|unless)\b/y;
const WORD = /\w/;
/** `name(…) || raise …` on one line. */
const OR_DENY = new RegExp(
  String.raw`${EX_ROLE_WORD}(?:\([^\n]{0,160}?\))?[ \t]*(?:\|\||\bor\b)[ \t]*(?:${EX_DENY})`,
  'y',
);

/**
 * The file's refusals, read once from start to end as the conditions ask for them: only those
 * from the current start on are kept (memory bounded by one window, not by the file).
 */
class Refusals {
  private readonly re = new RegExp(EX_DENY, 'g');
  private starts: number[] = [];
  private ends: number[] = [];
  private head = 0;
  private done = false;
  constructor(private readonly text: string) {}
  /** No later question reaches back before `at`. */
  drop(at: number): void {
    while (this.head < this.starts.length && this.starts[this.head]! < at) this.head++;
    if (this.head > 256 && this.head * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.head);
      this.ends = this.ends.slice(this.head);
      this.head = 0;
    }
  }
  /** The first refusal starting at or after `from` (start and end), if any. */
  first(from: number): [number, number] | undefined {
    while (!this.done && (this.starts.length === this.head || this.starts[this.starts.length - 1]! < from)) {
      const m = this.re.exec(this.text);
      if (m === null) this.done = true;
      else {
        this.starts.push(m.index);
        this.ends.push(m.index + m[0].length);
      }
    }
    let lo = this.head;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts.length ? [this.starts[lo]!, this.ends[lo]!] : undefined;
  }
}

/**
 * The end of the refusal a role name ending at `from` reaches: one starting on its line at most
 * 160 characters on, or on one of the next five lines at most 160 characters into it, each line
 * passed over no longer than that. -1 when there is none.
 */
function refusalAfter(text: string, from: number, deny: Refusals): number {
  const found = deny.first(from);
  if (!found) return -1;
  const [q, qEnd] = found;
  let lineStart = from;
  for (let line = 0; line <= MORE_LINES; line++) {
    const nl = text.indexOf('\n', lineStart);
    const end = nl === -1 ? text.length : nl;
    if (q <= end) return q - lineStart <= LINE_REACH ? qEnd : -1;
    if (end - lineStart > LINE_REACH || nl === -1) return -1;
    lineStart = nl + 1;
  }
  return -1;
}

/** The end of a match of a condition at `at` (`if`/`unless`/`case` of length `len`), or -1. */
function conditionAt(text: string, at: number, len: number, deny: Refusals): number {
  const first = at + len;
  // No refusal after it: no name can reach one.
  if (!deny.first(first)) return -1;
  for (let w = first; w <= first + BEFORE_NAME && w < text.length; w++) {
    if (text[w] === '\n') return -1;
    // A name, or another `if`, starts a word.
    if (!WORD.test(text[w]!) || WORD.test(text[w - 1]!)) continue;
    ROLE_WORD_AT.lastIndex = w;
    const word = ROLE_WORD_AT.exec(text);
    if (word) {
      const end = refusalAfter(text, w + word[0].length, deny);
      if (end !== -1) return end;
    }
    // The text between may not hold another `if`/`unless` (that one reaches the same name).
    IF_AT.lastIndex = w;
    if (IF_AT.test(text)) return -1;
  }
  return -1;
}

/**
 * The file's role checks that refuse the request, as the scan would record them: the line each
 * starts on, its first `max`, none starting inside an earlier one. Linear: one pass for the
 * refusals, one for the starts; each condition tries at most 121 positions on its line, and each
 * name one look-up.
 */
export function elixirRoleDenies(path: string, text: string, max: number): Match[] {
  const deny = new Refusals(text);
  const out: Match[] = [];
  let lineNo = 1;
  let counted = 0;
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null && out.length < max; m = START.exec(text)) {
    const at = m.index;
    deny.drop(at);
    let end = -1;
    if (m[0].length > 1) end = conditionAt(text, at, m[0].length, deny);
    else {
      OR_DENY.lastIndex = at;
      const o = OR_DENY.exec(text);
      if (o) end = at + o[0].length;
    }
    if (end === -1) {
      START.lastIndex = at + 1;
      continue;
    }
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      lineNo++;
      counted = i + 1;
    }
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(counted, lineEnd === -1 ? undefined : lineEnd);
    out.push({ path, line: lineNo, snippet: snippetOf(line), groups: [] });
    START.lastIndex = end;
  }
  return out;
}
