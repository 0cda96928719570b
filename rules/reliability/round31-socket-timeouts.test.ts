import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './timeouts.js';

/** Blind round 31: non-HTTP clients (SMTP, sockets, AWS SDK v3) need timeouts too; one client's timeout covers no other. */
const fastapi = { 'pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi", "redis"]\n' };
const redisWithTimeout =
  'import redis\n\ncache = redis.Redis(host="cache", socket_timeout=1, socket_connect_timeout=1)\n';

ruleTester(rule, {
  valid: [
    {
      name: 'smtplib.SMTP_SSL with timeout= and a socket connection with a positional timeout',
      profile: 'service',
      tree: {
        ...fastapi,
        'app/mail.py':
          'import smtplib\nimport socket\n\ndef send(msg):\n    with smtplib.SMTP_SSL("smtp.example.com", 465, timeout=10) as s:\n        s.send_message(msg)\n\ndef probe():\n    return socket.create_connection(("db", 5432), 3)\n',
        'app/cache.py': redisWithTimeout,
      },
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'smtplib.SMTP_SSL without timeout= is reported, though the Redis client has one',
      profile: 'service',
      tree: {
        ...fastapi,
        'app/mail.py':
          'import smtplib\n\ndef send(msg):\n    with smtplib.SMTP_SSL("smtp.example.com", 465) as s:\n        s.send_message(msg)\n',
        'app/cache.py': redisWithTimeout,
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'app/mail.py', line: 4 }],
        message: 'smtplib',
      },
    },
    {
      name: "AWS SDK v3's aggregated `new S3({…})` without a requestHandler timeout is reported",
      profile: 'service',
      tree: {
        'package.json': '{ "dependencies": { "@nestjs/core": "^10.0.0", "@aws-sdk/client-s3": "^3.0.0" } }\n',
        'src/s3.service.ts':
          "import { S3 } from '@aws-sdk/client-s3';\n\nexport class Files {\n  private readonly s3 = new S3({\n    region: 'eu-west-1',\n  });\n}\n",
        'src/health.ts':
          "export const ping = (db: { query(q: string, o: object): unknown }) => db.query('SELECT 1', { timeout: 1500 });\n",
      },
      expect: { outcome: 'partial', evidence: [{ path: 'src/s3.service.ts', line: 4 }] },
    },
  ],
});
