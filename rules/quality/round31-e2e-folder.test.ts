import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './test-types.js';

/** Blind round 31: tests in an e2e suite folder are end-to-end, even when they import only page objects. */
const pageObjectTest =
  'from tests.pages.users_page import UsersPage\n\n\ndef test_users_listed(page):\n    users = UsersPage(page)\n    users.open()\n    assert users.count() > 0\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a page-object test under admin_app_e2e_tests/ is end-to-end',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi"]\n',
        'src/test/admin_app_e2e_tests/tests/test_users.py': pageObjectTest,
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'src/test/admin_app_e2e_tests/tests/test_users.py' }],
        message: 'end-to-end',
      },
    },
  ],
  invalid: [
    {
      name: 'the same test under a plain tests/ folder is a unit test (no e2e in its place or imports)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi"]\n',
        'src/test/admin_app/tests/test_users.py': pageObjectTest,
      },
      expect: { outcome: 'partial', message: 'unit tests found; no integration, end-to-end' },
    },
  ],
});
