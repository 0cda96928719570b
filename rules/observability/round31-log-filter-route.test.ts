import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './health-endpoints.js';

/** Blind round 31: a path searched for in a log filter is no route; only registrations are routes. */
const app = {
  'pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi"]\n',
  'app/logging_settings.py':
    'import logging\n\nclass EndpointFilter(logging.Filter):\n    def filter(self, record: logging.LogRecord) -> bool:\n        return record.getMessage().find("/api/health-check") == -1\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'the route registration is the health route; the log filter line is not cited',
      profile: 'service',
      tree: {
        ...app,
        'app/health.py':
          'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get("/health-check")\ndef health():\n    return {"ok": True}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/health.py', line: 5 }], absent: ['logging_settings.py'] },
    },
  ],
  invalid: [
    {
      name: 'a log filter that searches for "/api/health-check" alone: no health endpoint',
      profile: 'service',
      tree: { ...app, 'app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n' },
      expect: { outcome: 'fail', absent: ['logging_settings.py:5'] },
    },
  ],
});
