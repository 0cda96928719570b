/**
 * readiness verify: "fastDataApi: Clean FastAPI implementation (~430 LOC)" — a module named before the
 * colon and its lines of code in brackets, counted in that module's sources (round 30, development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const py = (n: number) => Array.from({ length: n }, (_, i) => `x${i} = ${i}`).join('\n');

describe("a module's lines of code given in brackets after its name", () => {
  const tree: Tree = {
    'fastApi/requirements.txt': 'fastapi==0.110.0\n',
    'fastApi/app/main.py': py(300),
    'fastApi/app/routes.py': py(200),
    'fastApi/tests/test_main.py': py(400),
    'flaskApi/requirements.txt': 'flask==3.0.0\n',
    'flaskApi/app/__init__.py': py(60),
  };
  const doc = [
    '# Assessment', // 1
    '', // 2
    '- ✅ **fastApi**: Clean FastAPI implementation (~120 LOC)', // 3
    '- ✅ **flaskApi**: Small Flask implementation (~60 LOC)', // 4
    '- ✅ **fastApi**: Clean FastAPI implementation (~500 LOC)', // 5
    '- ✅ **gateway**: Thin proxy (~50 LOC)', // 6
  ].join('\n');
  const { result } = verifier('ASSESSMENT.md')(tree, doc, reportWith([]));
  const at = (line: number) => result.claims.find((c) => c.line === line);

  it('is out of date when the module now holds far more lines (its tests aside)', () => {
    expect(at(3)?.verdict, at(3)?.reason).toBe('contradicted');
    expect(at(3)?.reason).toContain('500 lines of code');
    expect(at(3)?.evidence[0]?.path).toMatch(/^fastApi\/app\//);
  });
  it("stands when the count is the module's lines", () => {
    expect(at(4)?.verdict, at(4)?.reason).not.toBe('contradicted');
    expect(at(5)?.verdict, at(5)?.reason).not.toBe('contradicted');
  });
  it('leaves a name that is no module of the repository open', () => {
    expect(at(6)?.verdict ?? 'unverifiable').not.toBe('contradicted');
  });
});
