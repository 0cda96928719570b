/**
 * A status blueprint's `/_status` route is the health endpoint (issue 15, blind round 49): a
 * leading underscore marks an internal ops route, as it does `/_health`. A `/_status/…` report
 * beneath it, or a `/statuses` business route, is not one.
 */
import rule from './health-endpoints.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const REQS = 'flask==3.0.0\n';
const APP =
  'from flask import Flask\n\nfrom app.status.healthcheck import status\n\napp = Flask(__name__)\napp.register_blueprint(status)\n';
const STATUS = (route: string) =>
  [
    'from flask import Blueprint, jsonify',
    '',
    'status = Blueprint("status", __name__)',
    '',
    '',
    `@status.route("${route}", methods=["GET", "POST"])`,
    'def show_status():',
    '    return jsonify(status="ok"), 200',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'Flask blueprint route /_status is the health endpoint',
      profile: 'service',
      tree: { 'requirements.txt': REQS, 'app/__init__.py': APP, 'app/status/healthcheck.py': STATUS('/_status') },
      expect: { outcome: 'pass', evidence: [{ path: 'app/status/healthcheck.py', line: 6 }] },
    },
  ],
  invalid: [
    {
      name: 'a report under /_status/ is not the health endpoint',
      profile: 'service',
      tree: {
        'requirements.txt': REQS,
        'app/__init__.py': APP,
        'app/status/healthcheck.py': STATUS('/_status/live-service-counts'),
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a /_statuses collection is a business route',
      profile: 'service',
      tree: { 'requirements.txt': REQS, 'app/__init__.py': APP, 'app/status/healthcheck.py': STATUS('/_statuses') },
      expect: { outcome: 'fail' },
    },
  ],
});
