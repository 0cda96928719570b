/** JUnit XML results (`<testsuites>`/`<testsuite>` of `<testcase>`) → passed, failed, skipped. */
import { UsageError } from '../util/errors.js';
import { CAPS, readCappedText } from '../util/read-capped.js';
import type { JUnitReport } from '../types.js';
import { parseXml } from './xml.js';

type Node = Record<string, unknown>;

export function parseJUnit(text: string): Omit<JUnitReport, 'path'> | string {
  const parsed = parseXml(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return `malformed XML: ${parsed.error}`;
  const root = parsed.value;
  const top = (root.testsuites as Node | undefined) ?? (root.testsuite ? { testsuite: root.testsuite } : undefined);
  if (!top || typeof top !== 'object') return 'not a JUnit XML report (no <testsuites> or <testsuite> root)';
  let passed = 0,
    failed = 0,
    skipped = 0;
  const failures: string[] = [];
  const visit = (suite: Node) => {
    for (const tc of (suite.testcase as Node[] | undefined) ?? []) {
      const name = `${String(tc.classname ?? suite.name ?? '')} › ${String(tc.name ?? '?')}`.replace(/^ › /, '');
      if (tc.failure !== undefined || tc.error !== undefined) failed++, failures.length < 5 && failures.push(name);
      else if (tc.skipped !== undefined) skipped++;
      else passed++;
    }
    for (const s of (suite.testsuite as Node[] | undefined) ?? []) visit(s);
  };
  visit(top);
  const tests = passed + failed + skipped;
  if (tests === 0 && !/<testsuite/.test(text)) return 'no <testcase> elements';
  return { tests, passed, failed, skipped, failures };
}

export function loadJUnit(file: string): JUnitReport {
  const text = readCappedText(file, { maxBytes: CAPS.artefact, label: `--junit ${file}` });
  const r = parseJUnit(text);
  if (typeof r === 'string') throw new UsageError(`--junit ${file}: ${r}`);
  return { path: file, ...r };
}
