import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (tree: Record<string, string>) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.cases]));

describe('testify suites', () => {
  it('suite.Run(t, new(S)) runs the Test methods of S across the package files, and of the suite it embeds', () => {
    const tree = {
      'api/suite_test.go': [
        'package api',
        '',
        'type BaseSuite struct {',
        '\tsuite.Suite',
        '\tdb *DB',
        '}',
        '',
        'func (s *BaseSuite) TestPing() {}',
        '',
        'type UserSuite struct {',
        '\tBaseSuite',
        '}',
        '',
        'func TestUserSuite(t *testing.T) {',
        '\tsuite.Run(t, new(UserSuite))',
        '}',
        '',
        'func TestPlain(t *testing.T) {}',
        '',
      ].join('\n'),
      'api/user_test.go': [
        'package api',
        '',
        'func (s *UserSuite) TestCreate() {}',
        'func (s *UserSuite) TestDelete() {}',
        'func (s *UserSuite) helperNotATest() {}',
        'func (s *UserSuite) TestWithArgs(x int) {}',
        '',
      ].join('\n'),
      'auth/auth_test.go': [
        'package auth',
        '',
        'func TestAuthSuite(t *testing.T) {',
        '\ts := &AuthSuite{}',
        '\tsuite.Run(t, s)',
        '}',
        '',
        'func (s *AuthSuite) TestLogin() {}',
        '',
      ].join('\n'),
      // The suite type lives in another package: its methods are not here, the runner counts as one test.
      'web/web_test.go': 'package web\n\nfunc TestWebSuite(t *testing.T) {\n\tsuite.Run(t, new(shared.WebSuite))\n}\n',
    };
    // api: TestPlain + TestPing (embedded) + TestCreate + TestDelete; the runner TestUserSuite is their entry point.
    expect(counts(tree)).toEqual({
      'api/suite_test.go': 2,
      'api/user_test.go': 2,
      'auth/auth_test.go': 1,
      'web/web_test.go': 1,
    });
  });

  it('a base suite embedded in two suites: its methods are declared once and run in each', () => {
    const tree = {
      'store/store_test.go': [
        'package store',
        '',
        'type StoreSuite struct {',
        '\tsuite.Suite',
        '}',
        '',
        'func (s *StoreSuite) TestGetMissing() {}',
        'func (s *StoreSuite) TestPutGet() {}',
        '',
        'type MemorySuite struct{ StoreSuite }',
        'type SQLSuite struct{ StoreSuite }',
        '',
        'func TestMemory(t *testing.T) { suite.Run(t, new(MemorySuite)) }',
        'func TestSQL(t *testing.T) { suite.Run(t, new(SQLSuite)) }',
        '',
      ].join('\n'),
    };
    const f = testInventory(memoryIndex(tree)).files[0]!;
    expect(f).toMatchObject({ path: 'store/store_test.go', cases: 2, expanded: 4 });
    expect(f.first).toEqual({ line: 7, snippet: 'func (s *StoreSuite) TestGetMissing() {}' });
  });
});
