/**
 * readiness verify: lines round 15 showed verify did not read at all (extraction recall, sixth
 * session, helper a), each on a small document of our own against an in-memory tree: file trees with a
 * note per node, fenced lists of test names under a count, statuses that say where a thing lives,
 * citations of code by line or name, and lists of the HTTP headers set.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const goTest = (names: string[]) =>
  ['package kettle', '', 'import "testing"', '', ...names.map((n) => `func ${n}(t *testing.T) {}\n`)].join('\n');

const tree: Tree = {
  'go.mod': 'module example.com/kettle\n\ngo 1.22\n',
  'kettle/boil.go': ['package kettle', '', 'func Boil() int {', '\treturn 100', '}', ''].join('\n'),
  'suite/README.md': Array.from({ length: 12 }, (_, k) => `line ${k + 1}`).join('\n'),
  'suite/setup.go': 'package suite\n\nfunc Setup() {}\n',
  'suite/boil_flow_test.go': goTest(['TestBoil_Cold', 'TestBoil_Hot', 'TestBoil_Empty']),
  'suite/pour_flow_test.go': goTest(['TestPour_Full', 'TestPour_Half']),
  '.attic/steam_flow_test.go': goTest(['TestSteam_Whistle']),
  'src/app/a.py': 'x = 1\n',
  'src/app/b.py': 'y = 2\n',
  'src/app/notes.txt': 'n\n',
};

describe('a file tree whose nodes carry a note: each node is a file at the place drawn', () => {
  const doc = [
    '# Kettle test suite', // 1
    '', // 2
    '```', // 3
    'suite/', // 4
    '├── README.md              (12 lines of guidance)', // 5
    '├── setup.go               (container setup)', // 6
    '├── boil_flow_test.go      (3 tests - boiling)', // 7
    '├── pour_flow_test.go      (4 tests - pouring)', // 8
    '├── steam_flow_test.go     (1 test - steam)', // 9
    '└── drain_flow_test.go     (2 tests - draining)', // 10
    '```', // 11
    '', // 12
    '```', // 13
    'src/', // 14
    '├── app/          # 2 Python files', // 15
    '├── cache.db      # generated', // 16
    '└── docs/         # 5 markdown files', // 17
    '```', // 18
  ].join('\n');
  const { at } = verifier('TESTS.md')(tree, doc, reportWith([]));

  it('a node whose file is there, with the count its note gives, is confirmed', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).toContain('12 lines');
    expect(at(6).verdict).toBe('confirmed');
    expect(at(7).verdict).toBe('confirmed');
    expect(at(7).evidence[0]!.path).toBe('suite/boil_flow_test.go');
  });

  it('a count of tests that differs is contradicted, with the count found', () => {
    expect(at(8).verdict).toBe('contradicted');
    expect(at(8).reason).toContain('2 test cases');
  });

  it('a file moved elsewhere, or gone, leaves the tree out of date', () => {
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toContain('.attic/steam_flow_test.go');
    expect(at(10).verdict).toBe('contradicted');
  });

  it("a folder's files of a kind are counted; a generated file is not required", () => {
    expect(at(15).verdict).toBe('confirmed');
    expect(at(16).verdict).toBe('unverifiable');
  });
});

describe('a fenced list of test names under a count: each name is a test defined in the suite', () => {
  const doc = [
    '# Integration tests', // 1
    '', // 2
    '```go', // 3
    '// Boil Flow (3 tests)', // 4
    '- TestBoil_Cold', // 5
    '- TestBoil_Hot', // 6
    '- TestBoil_Empty', // 7
    '', // 8
    '// Steam Flow (1 test)', // 9
    '- TestSteam_Whistle', // 10
    '', // 11
    '// Pour Flow (3 tests)', // 12
    '- TestPour_Full', // 13
    '- TestPour_Half', // 14
    '- TestPour_Overflow', // 15
    '```', // 16
  ].join('\n');
  const { at, has } = verifier('TESTS.md')(tree, doc, reportWith([]));

  it('a group whose tests are all defined, as many as it says, is confirmed; its names are told with it', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]!.path).toBe('suite/boil_flow_test.go');
    expect(has(5)).toBe(false);
  });

  it('a test defined only in a folder set aside is not in the suite: the group and the name are contradicted', () => {
    expect(at(9).verdict).toBe('contradicted');
    expect(at(10).verdict).toBe('contradicted');
    expect(at(10).reason).toContain('.attic/steam_flow_test.go');
  });

  it('a name defined nowhere is contradicted at its own line, and so is its group', () => {
    expect(at(12).verdict).toBe('contradicted');
    expect(at(15).verdict).toBe('contradicted');
    expect(has(13)).toBe(false);
  });
});

describe('a status or a sentence naming where a thing lives', () => {
  const t: Tree = { ...tree, '.env.example': 'KETTLE_TEMP=100\n' };
  const doc = [
    '# Kettle', // 1
    '', // 2
    '### 1. **Boiling** - ✅ **DONE**', // 3
    '', // 4
    '✅ **Status:** Implemented in `kettle/boil.go`', // 5
    '', // 6
    'All settings documented in `.env.example`.', // 7
    '', // 8
    '### 2. **Steaming** - ✅ **DONE**', // 9
    '', // 10
    '✅ **Status:** Implemented in `kettle/steam.go`', // 11
    '', // 12
    'The pour limit is not documented in `docs/pour.md`.', // 13
  ].join('\n');
  const { at, has } = verifier('STATUS.md')(t, doc, reportWith([]));

  it('the file named is there: confirmed, citing it', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]!.path).toBe('kettle/boil.go');
    expect(at(7).verdict).toBe('confirmed');
  });

  it('the file named is not there: contradicted', () => {
    expect(at(11).verdict).toBe('contradicted');
  });

  it('a negated sentence places nothing', () => {
    if (has(13)) expect(at(13).verdict).not.toBe('confirmed');
  });
});

describe('prose citing code by line or by name, wrapped over lines', () => {
  const t: Tree = {
    ...tree,
    'server/main.go': [
      'package server', // 1
      '', // 2
      'import "net/http"', // 3
      '', // 4
      'func Start() {', // 5
      '\thttp.HandleFunc("/pots", RequireAdmin(pots))', // 6
      '\thttp.ListenAndServe(":8080", nil)', // 7
      '}', // 8
      '', // 9
      'func HandleLogin() {}', // 10
      '', // 11
    ].join('\n'),
  };
  const doc = [
    '# Findings', // 1
    '', // 2
    '- **Why it matters**: `server/main.go:7` calls', // 3
    '  `http.ListenAndServe` — plain HTTP.', // 4
    '- **Why it matters**: `server/main.go:2` calls', // 5
    '  `http.ListenAndServe` — plain HTTP.', // 6
    '- **Why it matters**: `server/main.go:40-48` — the old handler.', // 7
    '> the limiter is wired up in `server/main.go:Start`, and the log lines', // 8
    '> in `server/main.go:HandleLogin/HandleLogout`.', // 9
    'only `/pots` is wrapped in `RequireAdmin` (`server/gone.go:6`).', // 10
    '', // 11
    '`server/main.go:5-8` starts the server:', // 12
    '', // 13
    '```go', // 14
    'func Start() {', // 15
    '```', // 16
  ].join('\n');
  const { at } = verifier('FINDINGS.md')(t, doc, reportWith([]));

  it('the code named beside the citation is at those lines: confirmed', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]!.line).toBe(7);
  });

  it('the code is in the file at other lines: partially confirmed, saying where', () => {
    expect(at(5).verdict).toBe('partially-confirmed');
    expect(at(5).reason).toContain('line 7');
  });

  it('lines beyond the end of the file, a name not in it, a file gone: contradicted', () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toContain('HandleLogout');
    expect(at(10).verdict).toBe('contradicted');
  });

  it('a function the citation names, defined in the file: confirmed', () => {
    expect(at(8).verdict).toBe('confirmed');
  });

  it('a citation above the code it shows is settled by that code, not by the length of the file', () => {
    expect(at(12).verdict).toBe('unverifiable');
  });
});

describe('a list of the HTTP headers set', () => {
  const t: Tree = {
    ...tree,
    'web/headers.go': [
      'package web', // 1
      '', // 2
      'func Secure(h Header) {', // 3
      '\th.Set("X-Frame-Options", "DENY")', // 4
      '\th.Set("X-Content-Type-Options", "nosniff")', // 5
      '\tif hsts {', // 6
      '\t\th.Set("Strict-Transport-Security", "max-age=31536000")', // 7
      '\t}', // 8
      '\th.Set("Cache-Control", "no-store")', // 9
      '}', // 10
    ].join('\n'),
  };
  const doc = [
    '# Security headers', // 1
    '', // 2
    '```kotlin', // 3
    '- X-Frame-Options: DENY                 // clickjacking', // 4
    '- X-Content-Type-Options: sniff', // 5
    '- Strict-Transport-Security (HSTS)      // when enabled', // 6
    '- Cache-Control: no-store               // API responses', // 7
    '- Content-Security-Policy               // CSP rules', // 8
    '```', // 9
    '', // 10
    '- HSTS: Configurable (optional)', // 11
  ].join('\n');
  const { at } = verifier('HEADERS.md')(t, doc, reportWith([]));

  it('a header set to the value given is confirmed at its line', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: 'web/headers.go', line: 4 });
    expect(at(6).verdict).toBe('confirmed');
    expect(at(11).verdict).toBe('confirmed');
  });

  it('"no-store" is a value, not a mark of absence', () => {
    expect(at(7).verdict).toBe('confirmed');
  });

  it('a header set to another value is partly confirmed; one set nowhere is contradicted', () => {
    expect(at(5).verdict).toBe('partially-confirmed');
    expect(at(8).verdict).toBe('contradicted');
  });
});
