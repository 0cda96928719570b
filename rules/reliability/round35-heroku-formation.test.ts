import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './redundancy.js';

/**
 * Blind round 35: a Heroku app.json `formation` declares the dyno count of each process type;
 * `"quantity": 1` is a single instance declared, not "no configuration declares instance counts".
 */
const app = (web: number, worker: number) =>
  JSON.stringify(
    {
      name: 'acme',
      formation: { web: { quantity: web, size: 'basic' }, worker: { quantity: worker, size: 'basic' } },
      addons: ['heroku-postgresql'],
    },
    null,
    2,
  );
const SERVICE = {
  'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
  'requirements.txt': 'flask==3.0.0\n',
  Procfile: 'web: gunicorn app:app\nworker: python worker.py\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'two dynos of each process type are redundant',
      profile: 'service',
      tree: { ...SERVICE, 'app.json': app(2, 3) },
      expect: { outcome: 'pass', evidence: [{ path: 'app.json', line: 4 }] },
    },
  ],
  invalid: [
    {
      name: 'one dyno per process type is a single instance, declared',
      profile: 'service',
      tree: { ...SERVICE, 'app.json': app(1, 1) },
      expect: {
        outcome: 'fail',
        message: '2 of 2 run a single instance',
        evidence: [{ path: 'app.json', line: 4, note: 'Heroku formation web: quantity 1 (a single dyno)' }],
      },
    },
  ],
});
