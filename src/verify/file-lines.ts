/**
 * "📍 tests/test_models.py (173 lines)", "README.md: 500+ lines", "(guide of 540 líneas)": the size
 * of a file the line names, in lines (a last line without a newline counts). A size that no longer matches
 * says the file changed since; "500+" is a floor and "~500" allows a tenth either way. Lines
 * a change added or removed ("88 linhas adicionadas", "+88 lines") are the size of a diff, not of the file.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { namesIn } from './names.js';
import { fileText } from './problems.js';
import { plain } from './status.js';

const SIZE =
  /(?<![\w.,+±-])(~|≈|ca\.\s*|about\s+|approx\.?\s*|approximately\s+|environ\s+|cerca de\s+|etwa\s+)?(\d{1,3}(?:,\d{3})+|\d{1,6})(\+)?\s*(?:-\s*)?(?:lines?|linhas|l[ií]neas|lignes|zeilen|loc)\b(?!\s*(?:of\s+(?:code\s+)?)?(?:added|removed|changed|modified|deleted|new|adicionad|removid|alterad|modificad|añadid|agregad|eliminad|ajout|supprim|modifi|hinzugef|entfernt|geändert|ge[aä]ndert))/gi;

export function fileLinesFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const t = plain(claim.text);
  const sizes = [...t.matchAll(SIZE)];
  if (sizes.length !== 1) return null;
  const paths = namesIn(claim.text).paths.filter((p) => /\.\w{1,8}$/.test(p) && !/^https?:/i.test(p));
  if (paths.length !== 1) return null;
  const want = paths[0]!.replace(/^\.?\//, '');
  const exact = ctx.files.paths.filter((p) => p === want);
  const files = exact.length ? exact : ctx.files.paths.filter((p) => p.endsWith(`/${want}`));
  if (files.length !== 1) return null;
  const path = files[0]!;
  const body = fileText(ctx, path);
  if (body === undefined) return null;
  const found = body.split('\n').length - (body.endsWith('\n') ? 1 : 0);
  const m = sizes[0]!;
  const claimed = Number(m[2]!.replace(/,/g, ''));
  const floor = m[3] === '+';
  const about = Boolean(m[1]);
  const agrees = floor ? found >= claimed : about ? Math.abs(found - claimed) <= 0.1 * claimed : found === claimed;
  return {
    subject: `${want} (${floor ? '' : about ? '~' : ''}${claimed}${floor ? '+' : ''} lines)`,
    basis: 'file',
    valued: true,
    present: agrees ? 'yes' : 'no',
    detail: agrees ? `${path} has ${found} lines` : `${path} is there, but has ${found} lines, not ${claimed}`,
    evidence: [{ path, line: found, note: `${found} lines` }],
  };
}
