/**
 * Coverage reports → measured line coverage. The format is recognised from the content, not the
 * name: lcov (`SF:`/`LF:`/`LH:`), Cobertura XML (`<coverage line-rate=…>`), JaCoCo XML
 * (`<report>` with LINE counters), Istanbul `coverage-summary.json` (`total.lines`) and Go cover
 * profiles (`mode: set|count|atomic`; statements stand in for lines). Anything else is refused.
 */
import { UsageError } from '../util/errors.js';
import { CAPS, readCappedText } from '../util/read-capped.js';
import type { CoverageFormat, CoverageReport } from '../types.js';
import { parseXml } from './xml.js';

type Counts = {
  format: CoverageFormat;
  linesCovered: number;
  linesTotal: number;
  branchesCovered?: number;
  branchesTotal?: number;
};

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

function lcov(text: string): Counts | string {
  let lf = 0,
    lh = 0,
    brf = 0,
    brh = 0,
    records = 0;
  let da = 0,
    daHit = 0,
    sawLf = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const [key, value = ''] = line.split(/:(.*)/s) as [string, string?];
    if (key === 'SF') records++;
    else if (key === 'LF') (lf += num(value)), (sawLf = true);
    else if (key === 'LH') lh += num(value);
    else if (key === 'BRF') brf += num(value);
    else if (key === 'BRH') brh += num(value);
    else if (key === 'DA') da++, num(value.split(',')[1]) > 0 && daHit++;
    else if (line && !/^(TN|FN|FNDA|FNF|FNH|BRDA|VER|FNL|FNA|end_of_record)\b/.test(line))
      return `unexpected lcov line "${line.slice(0, 40)}"`;
  }
  if (records === 0) return 'no SF: record';
  if (!sawLf) (lf = da), (lh = daHit);
  if (!Number.isFinite(lf) || !Number.isFinite(lh)) return 'LF/LH are not numbers';
  return {
    format: 'lcov',
    linesCovered: lh,
    linesTotal: lf,
    ...(brf > 0 ? { branchesCovered: brh, branchesTotal: brf } : {}),
  };
}

function goCover(text: string): Counts | string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const blocks = new Map<string, { n: number; hit: boolean }>();
  for (const l of lines.slice(1)) {
    const m = /^(.+:\d+\.\d+,\d+\.\d+)\s+(\d+)\s+(\d+)$/.exec(l.trim());
    if (!m) return `unexpected cover profile line "${l.slice(0, 40)}"`;
    const prev = blocks.get(m[1]!);
    blocks.set(m[1]!, { n: Number(m[2]), hit: (prev?.hit ?? false) || Number(m[3]) > 0 });
  }
  let total = 0,
    covered = 0;
  for (const b of blocks.values()) (total += b.n), b.hit && (covered += b.n);
  return { format: 'go-cover', linesCovered: covered, linesTotal: total };
}

function istanbul(text: string): Counts | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `invalid JSON: ${(e as Error).message}`;
  }
  const t = (
    json as {
      total?: { lines?: { total?: unknown; covered?: unknown }; branches?: { total?: unknown; covered?: unknown } };
    }
  )?.total;
  if (!t?.lines || !Number.isFinite(num(t.lines.total)) || !Number.isFinite(num(t.lines.covered)))
    return 'no total.lines {total, covered} (is this coverage-summary.json?)';
  const b = t.branches;
  return {
    format: 'istanbul-summary',
    linesCovered: num(t.lines.covered),
    linesTotal: num(t.lines.total),
    ...(b && Number.isFinite(num(b.total)) && num(b.total) > 0
      ? { branchesCovered: num(b.covered), branchesTotal: num(b.total) }
      : {}),
  };
}

function xml(text: string): Counts | string {
  const parsed = parseXml(text);
  if (!parsed.ok) return `malformed XML: ${parsed.error}`;
  const cob = parsed.value.coverage as Record<string, unknown> | undefined;
  if (cob && typeof cob === 'object') {
    let valid = num(cob['lines-valid']);
    let covered = num(cob['lines-covered']);
    if (!Number.isFinite(valid) || !Number.isFinite(covered)) {
      // Old Cobertura: only rates; count the <line hits> elements instead.
      (valid = 0), (covered = 0);
      const walk = (o: unknown): void => {
        if (Array.isArray(o)) {
          o.forEach(walk);
          return;
        }
        if (!o || typeof o !== 'object') return;
        for (const [k, v] of Object.entries(o)) {
          if (k === 'line')
            for (const l of [v].flat() as Record<string, unknown>[]) valid++, num(l?.hits) > 0 && covered++;
          else if (typeof v === 'object') walk(v);
        }
      };
      walk(cob);
      if (valid === 0 && Number.isFinite(num(cob['line-rate']))) return 'Cobertura report without line counts';
    }
    const bv = num(cob['branches-valid']);
    return {
      format: 'cobertura',
      linesCovered: covered,
      linesTotal: valid,
      ...(bv > 0 ? { branchesCovered: num(cob['branches-covered']), branchesTotal: bv } : {}),
    };
  }
  const report = parsed.value.report as { counter?: Record<string, unknown>[] } | undefined;
  if (report && typeof report === 'object') {
    const counter = (type: string) => report.counter?.find((c) => c.type === type);
    const line = counter('LINE');
    if (!line) return 'JaCoCo report without a report-level LINE counter';
    const branch = counter('BRANCH');
    const lc = num(line.covered),
      lm = num(line.missed);
    return {
      format: 'jacoco',
      linesCovered: lc,
      linesTotal: lc + lm,
      ...(branch
        ? { branchesCovered: num(branch.covered), branchesTotal: num(branch.covered) + num(branch.missed) }
        : {}),
    };
  }
  return 'XML that is neither Cobertura (<coverage>) nor JaCoCo (<report>)';
}

export function parseCoverage(text: string): Counts | string {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('<')) return xml(t);
  if (t.startsWith('{')) return istanbul(t);
  if (/^mode:\s*(set|count|atomic)\b/.test(t)) return goCover(t);
  if (/^(TN|SF):/m.test(t)) return lcov(t);
  return 'not lcov, Cobertura XML, JaCoCo XML, Istanbul coverage-summary.json or a Go cover profile';
}

export function loadCoverage(file: string): CoverageReport {
  const text = readCappedText(file, { maxBytes: CAPS.artefact, label: `--coverage ${file}` });
  const r = parseCoverage(text);
  if (typeof r === 'string') throw new UsageError(`--coverage ${file}: ${r}`);
  if (!(r.linesTotal >= 0) || !(r.linesCovered >= 0) || r.linesCovered > r.linesTotal)
    throw new UsageError(`--coverage ${file}: inconsistent line counts (${r.linesCovered} of ${r.linesTotal})`);
  const percent = r.linesTotal === 0 ? 0 : Math.round((r.linesCovered / r.linesTotal) * 10000) / 100;
  return { path: file, ...r, percent };
}
