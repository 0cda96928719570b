/**
 * "No policies defined for Registration, Order, or Payment models", "No tests for OrderService and
 * CartService": a gap line naming the units that lack a kind of companion class. A reader looks for
 * the companions by the names frameworks give them (RegistrationPolicy.php, order_service_test.go,
 * CartServiceTest.java): when every one is there the gap has been closed since (contradicted, naming
 * the files); when some are not, the line is left open — a companion may sit in a file named otherwise.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';

/** The kinds of companion, and the suffixes their files take. */
const KINDS: [RegExp, string[]][] = [
  [/^polic(?:y|ies)$/i, ['policy']],
  [/^(?:unit\s+)?tests?$/i, ['test', 'tests', 'spec']],
  [/^specs?$/i, ['spec', 'test']],
  [/^factor(?:y|ies)$/i, ['factory']],
  [/^serializers?$/i, ['serializer']],
  [/^validators?$/i, ['validator']],
  [/^repositor(?:y|ies)$/i, ['repository']],
  [/^controllers?$/i, ['controller']],
  [/^observers?$/i, ['observer']],
  [/^seeders?$/i, ['seeder']],
  [/^(?:api\s+)?resources?$/i, ['resource']],
];
const KIND_WORDS = String.raw`polic(?:y|ies)|(?:unit\s+)?tests?|specs?|factor(?:y|ies)|serializers?|validators?|repositor(?:y|ies)|controllers?|observers?|seeders?|(?:api\s+)?resources?`;
/** "No policies (defined) for …": the kind, then the names (read apart below, not by this pattern). */
const ABSENT_FOR = new RegExp(
  String.raw`^(?:no|missing|without|keine?|sin|sem|aucun(?:e)?|pas de)\s+(${KIND_WORDS})\s+(?:(?:are|is)\s+)?(?:(?:defined|exist|written|implemented|created|present)\s+)?(?:for|on|para|für|pour)\s+(?:the\s+)?([^()]{1,200})$`,
  'i',
);
const TRAILING_KIND = / (?:models?|classes|entities|services|controllers|modules|components|endpoints)$/i;

export interface AbsentUnits {
  kind: string;
  suffixes: string[];
  names: string[];
}

/** The kind and the names a gap line gives, or null. */
export function absentUnits(text: string): AbsentUnits | null {
  const m = ABSENT_FOR.exec(text.trim().replace(/[.;]$/, ''));
  if (!m) return null;
  const kind = m[1]!.replace(/\s+/g, ' ');
  const suffixes = KINDS.find(([re]) => re.test(kind))?.[1];
  if (!suffixes) return null;
  // (Blanks made single first, so that the separators below never meet a run of them.)
  const names = m[2]!
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TRAILING_KIND, '')
    .split(/ ?, ?| (?:and|or|und|oder|et|ou|y|e) /i)
    .map((n) =>
      n
        .replace(/^(?:and|or)\s+/i, '')
        .replace(/[`*]/g, '')
        .trim(),
    )
    .filter(Boolean);
  if (!names.length || names.length > 8 || !names.every((n) => /^[A-Z][A-Za-z0-9]{2,}$/.test(n))) return null;
  return { kind, suffixes, names };
}

const snake = (n: string) => n.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function absentUnitsFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const want = claim.absentUnits;
  if (!want) return null;
  const stems = new Map<string, string>();
  for (const p of ctx.files.paths) {
    const base = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
    const dot = base.lastIndexOf('.');
    const stem = dot > 0 ? base.slice(0, dot) : base;
    if (!stems.has(stem)) stems.set(stem, p);
  }
  const found: string[] = [];
  for (const name of want.names) {
    const lower = name.toLowerCase();
    const forms = want.suffixes.flatMap((s) => [
      `${lower}${s}`,
      `${snake(name)}_${s}`,
      `${lower}.${s}`,
      `test_${snake(name)}`,
    ]);
    const hit = forms.map((f) => stems.get(f)).find((p) => p !== undefined);
    if (!hit) break;
    found.push(hit);
  }
  const subject = `${want.kind} for ${want.names.join(', ')}`;
  if (found.length === want.names.length)
    return {
      subject,
      basis: 'file',
      present: 'yes',
      detail: `each is there: ${found.slice(0, 4).join(', ')}`,
      evidence: found.slice(0, 4).map((path) => ({ path })),
    };
  return {
    subject,
    basis: 'file',
    present: 'unknown',
    detail: `no file named ${want.names[found.length]}${want.suffixes[0]![0]!.toUpperCase()}${want.suffixes[0]!.slice(1)} or the like; such code may sit in a file named otherwise`,
    evidence: [],
  };
}
