/**
 * Blind round 37: a Sinatra service whose logger writes l2met key=value lines (`format_type:
 * 'l2met'`, fields in every call) was "no structured logging". key=value (logfmt/l2met) lines are
 * structured, not JSON: partial, named as such; JSON stays pass; printf-style text stays fail.
 */
import rule from './structured-logging.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const SINATRA = {
  Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'puma'\n",
  'config.ru': "require_relative 'lib/app'\nrun App\n",
  'lib/app.rb':
    "require 'sinatra/base'\nclass App < Sinatra::Base\n  get('/jobs') { logger.info('listed', site: 'org', count: 3); '[]' }\nend\n",
};

ruleTester(rule, {
  valid: [
    {
      name: 'a JSON formatter still passes',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n',
        'main.go': 'package main\n\nvar logger = slog.New(slog.NewJSONHandler(os.Stdout, nil))\n',
      },
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: "a logger configured with format_type: 'l2met' writes key=value lines: partial, not JSON",
      profile: 'service',
      tree: {
        ...SINATRA,
        'lib/config.rb':
          "module Config\n  DEFAULTS = {\n    logger: { format_type: 'l2met', thread_id: true },\n  }\nend\n",
      },
      expect: {
        outcome: 'partial',
        message: ['key=value (logfmt) lines, not JSON'],
        evidence: [{ path: 'lib/config.rb', line: 3 }],
      },
    },
    {
      name: "structlog's KeyValueRenderer writes key=value lines: partial",
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nstructlog==24.1.0\n',
        'app.py':
          'import structlog\nfrom flask import Flask\nstructlog.configure(processors=[structlog.processors.KeyValueRenderer()])\napp = Flask(__name__)\n',
      },
      expect: { outcome: 'partial', message: ['key=value (logfmt) lines, not JSON'] },
    },
    {
      name: "go-kit's logfmt logger writes key=value lines: partial",
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/go-kit/log v0.2.1\n',
        'main.go':
          'package main\n\nimport (\n\t"net/http"\n\t"os"\n\n\t"github.com/go-kit/log"\n)\n\nfunc main() {\n\tlogger := log.NewLogfmtLogger(os.Stderr)\n\tlogger.Log("msg", "listening")\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      },
      expect: { outcome: 'partial', message: ['key=value (logfmt) lines, not JSON'] },
    },
    {
      name: 'printf-style text logging stays fail',
      profile: 'service',
      tree: {
        ...SINATRA,
        'lib/log.rb': "require 'logger'\nLOG = Logger.new($stdout)\nLOG.info(format('listed %d jobs', 3))\n",
      },
      expect: { outcome: 'fail' },
    },
  ],
});
