import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/index.js';
import { parseCoverage } from './coverage.js';
import { loadArtifacts } from './index.js';
import { parseJUnit } from './junit.js';
import { builtins } from '../../test/helpers/builtins.js';

const LCOV =
  'TN:\nSF:src/a.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nBRF:2\nBRH:1\nend_of_record\nSF:src/b.ts\nDA:1,3\nLF:2\nLH:2\nend_of_record\n';
const COBERTURA =
  '<?xml version="1.0" ?>\n<coverage line-rate="0.9" branch-rate="0.5" lines-covered="90" lines-valid="100" branches-covered="5" branches-valid="10" version="7.4"><packages/></coverage>\n';
const JACOCO =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="app"><package name="a"><counter type="LINE" missed="100" covered="1"/></package><counter type="INSTRUCTION" missed="10" covered="90"/><counter type="BRANCH" missed="2" covered="6"/><counter type="LINE" missed="25" covered="75"/></report>';
const ISTANBUL = JSON.stringify({
  total: { lines: { total: 200, covered: 170, skipped: 0, pct: 85 }, branches: { total: 10, covered: 7, pct: 70 } },
});
const GO = 'mode: set\nx/a.go:3.10,5.2 2 1\nx/a.go:7.10,9.2 3 0\nx/a.go:3.10,5.2 2 0\n';
const JUNIT =
  '<testsuites><testsuite name="s"><testcase classname="A" name="ok"/><testcase classname="A" name="bad"><failure message="boom"/></testcase><testcase name="later"><skipped/></testcase><testsuite name="inner"><testcase name="err"><error/></testcase></testsuite></testsuite></testsuites>';

describe('coverage formats', () => {
  it('reads line (and branch) coverage from each format', () => {
    expect(parseCoverage(LCOV)).toEqual({
      format: 'lcov',
      linesCovered: 3,
      linesTotal: 4,
      branchesCovered: 1,
      branchesTotal: 2,
    });
    expect(parseCoverage(COBERTURA)).toMatchObject({ format: 'cobertura', linesCovered: 90, linesTotal: 100 });
    // The report-level LINE counter, not a package's.
    expect(parseCoverage(JACOCO)).toMatchObject({
      format: 'jacoco',
      linesCovered: 75,
      linesTotal: 100,
      branchesCovered: 6,
      branchesTotal: 8,
    });
    expect(parseCoverage(ISTANBUL)).toMatchObject({ format: 'istanbul-summary', linesCovered: 170, linesTotal: 200 });
    // A block listed twice (two packages) is covered when either run hit it.
    expect(parseCoverage(GO)).toEqual({ format: 'go-cover', linesCovered: 2, linesTotal: 5 });
  });
  it('refuses what it cannot read, saying why', () => {
    expect(parseCoverage('<coverage line-rate="0.5"><packages>')).toMatch(/malformed XML/);
    expect(parseCoverage('{"total": {}}')).toMatch(/total\.lines/);
    expect(parseCoverage('hello world')).toMatch(/not lcov/);
    expect(parseCoverage('SF:a\nLF:x\nLH:1\n')).toMatch(/not numbers/);
  });
});

describe('JUnit XML', () => {
  it('counts passed, failed (failure or error), skipped, through nested suites', () => {
    expect(parseJUnit(JUNIT)).toEqual({
      tests: 4,
      passed: 1,
      failed: 2,
      skipped: 1,
      failures: ['A › bad', 'inner › err'],
    });
    expect(parseJUnit('<testsuite name="x"><testcase name="a"/></testsuite>')).toMatchObject({ tests: 1, passed: 1 });
  });
  it('refuses non-JUnit XML', () => {
    expect(parseJUnit('<html></html>')).toMatch(/not a JUnit/);
  });
});

describe('--coverage and --junit on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-ingest-'));
  writeFileSync(join(dir, 'lcov.info'), LCOV);
  writeFileSync(join(dir, 'bad.xml'), '<coverage><unclosed></coverage>');
  it('loads the files as named, with the percentage', () => {
    const a = loadArtifacts([join(dir, 'lcov.info')], []);
    expect(a?.coverage[0]).toMatchObject({ percent: 75, linesCovered: 3, linesTotal: 4 });
  });
  it('exits 2 naming a malformed file', async () => {
    let err = '';
    const code = await main(
      ['audit', dir, '--coverage', join(dir, 'bad.xml'), '--format', 'json'],
      {
        stdout: () => {},
        stderr: (s) => (err += s),
        isTTY: false,
        env: {},
      },
      builtins,
    );
    expect(code).toBe(2);
    expect(err).toContain('bad.xml');
    expect(err.trim().split('\n')).toHaveLength(1);
  });
  it('exits 2 for a missing JUnit file', async () => {
    let err = '';
    const code = await main(
      ['audit', dir, '--junit', join(dir, 'nope.xml')],
      {
        stdout: () => {},
        stderr: (s) => (err += s),
        isTTY: false,
        env: {},
      },
      builtins,
    );
    expect(code).toBe(2);
    expect(err).toContain('--junit');
  });
});
