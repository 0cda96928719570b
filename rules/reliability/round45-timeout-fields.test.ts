import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import timeouts from './timeouts.js';

/**
 * Blind round 45: a field of the data the service handles that is named `timeout` (an alert's
 * expiry copied from the request, a MongoDB projection) is no client timeout; a React Server
 * Components client module (`'use client'`) runs in the page, so its fetch is no outbound call of
 * the service.
 */
const FLASK = {
  'requirements.txt': 'flask==3.0.0\nrequests==2.32.0\n',
  'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
  'app/webhooks.py': [
    'import requests', // 1
    '', // 2
    'def notify(url, body):', // 3
    '    return requests.post(url, json=body, timeout=5)', // 4
    '', // 5
  ].join('\n'),
  'app/models/alert.py': [
    'class Alert:', // 1
    '    @classmethod', // 2
    '    def parse(cls, json):', // 3
    '        return Alert(', // 4
    "            resource=json.get('resource', None),", // 5
    "            event=json.get('event', None),", // 6
    "            timeout=json.get('timeout', None),", // 7
    "            raw_data=json.get('rawData', None),", // 8
    '        )', // 9
    '', // 10
  ].join('\n'),
  'contrib/mongo/expire.js':
    'db.alerts.aggregate([\n  { $project: { event: 1, status: 1, lastReceiveId: 1, timeout: 1, expireTime: 1 } },\n]);\n',
};

describe('timeouts: domain fields named timeout (blind round 45)', () => {
  it('only the client call is counted: the record field and the projection are not timeouts', async () => {
    const r = await runRuleOn(timeouts, FLASK, { profile: 'service' });
    const cited = r.evidence.map((e) => `${e.path}:${e.line}`);
    expect(cited).toContain('app/webhooks.py:4');
    expect(cited).not.toContain('app/models/alert.py:7');
    expect(cited.some((c) => c.startsWith('contrib/mongo/'))).toBe(false);
    expect(r.message).toMatch(/^Explicit timeouts found \(1 site\)/);
  });
  it('a model copied attribute by attribute (timeout=rec.timeout) is a record, a client built from settings is not', async () => {
    const tree = {
      ...FLASK,
      'app/models/heartbeat.py':
        'class Heartbeat:\n    @classmethod\n    def from_record(cls, rec):\n        return Heartbeat(\n            origin=rec.origin,\n            tags=rec.tags,\n            timeout=rec.timeout,\n            customer=rec.customer,\n        )\n',
      'app/client.py':
        'import httpx\n\nclass Api:\n    def client(self):\n        return httpx.Client(\n            base_url=self.base_url,\n            timeout=self.timeout,\n            headers=self.headers,\n        )\n',
    };
    const r = await runRuleOn(timeouts, tree, { profile: 'service' });
    const cited = r.evidence.map((e) => `${e.path}:${e.line}`);
    expect(cited).not.toContain('app/models/heartbeat.py:7');
    expect(cited).toContain('app/client.py:7');
  });
  it('a client timeout read from a config key of the same name is still a timeout', async () => {
    const tree = {
      ...FLASK,
      'app/webhooks.py':
        "import requests\n\ndef notify(cfg, url, body):\n    return requests.post(\n        url,\n        json=body,\n        timeout=cfg.get('timeout', 5),\n    )\n",
    };
    const r = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('app/webhooks.py:7');
  });
});

describe("timeouts: a 'use client' module's fetch runs in the page (blind round 45)", () => {
  const tree = (directive: string) => ({
    'package.json': JSON.stringify({ name: 'web', dependencies: { next: '^15.0.0', react: '^19.0.0' } }),
    'src/lib/upload.ts': `${directive}export async function upload(url: string, file: Blob) {\n  const res = await fetch(url, { method: 'PUT', body: file });\n  return res.ok;\n}\n`,
    'src/app/api/ping/route.ts':
      "export async function GET() {\n  const r = await fetch('https://example.com/x', { signal: AbortSignal.timeout(2000) });\n  return Response.json({ ok: r.ok });\n}\n",
  });
  it("with the directive, the page's fetch is not a server call without a timeout", async () => {
    const r = await runRuleOn(timeouts, tree("'use client';\n\n"), { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'src/lib/upload.ts')).toBe(false);
    expect(r.outcome).toBe('pass');
  });
  it('without it, the module is server code and its fetch is a call without a timeout', async () => {
    const r = await runRuleOn(timeouts, tree(''), { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'src/lib/upload.ts')).toBe(true);
    expect(r.outcome).not.toBe('pass');
  });
});

describe("timeouts: a helper that only 'use client' modules import runs in the page (blind round 45)", () => {
  const tree = (alsoServer: boolean) => ({
    'package.json': JSON.stringify({ name: 'web', dependencies: { next: '^15.0.0', react: '^19.0.0' } }),
    'src/lib/storage/upload-client.ts':
      "export async function uploadAsset(url: string, file: Blob) {\n  const response = await fetch(url, { method: 'PUT', body: file });\n  return response.ok;\n}\n",
    'src/components/upload/use-upload.ts':
      "'use client';\n\nimport { uploadAsset } from '@/lib/storage/upload-client';\n\nexport function useUpload() {\n  return (url: string, f: Blob) => uploadAsset(url, f);\n}\n",
    'src/app/api/ping/route.ts': alsoServer
      ? "import { uploadAsset } from '../../../lib/storage/upload-client';\nexport async function POST() {\n  await uploadAsset('https://example.com/x', new Blob());\n  return Response.json({ ok: true });\n}\n"
      : "export async function GET() {\n  const r = await fetch('https://example.com/x', { signal: AbortSignal.timeout(2000) });\n  return Response.json({ ok: r.ok });\n}\n",
  });
  it('imported by a client hook alone: its fetch is not a server call without a timeout', async () => {
    const r = await runRuleOn(timeouts, tree(false), { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'src/lib/storage/upload-client.ts')).toBe(false);
    expect(r.outcome).toBe('pass');
  });
  it('imported by a route handler too: it runs on the server, and its fetch has no timeout', async () => {
    const r = await runRuleOn(timeouts, tree(true), { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'src/lib/storage/upload-client.ts')).toBe(true);
  });
});

describe("component: a 'use client' module is browser code for every rule (blind round 45)", () => {
  it('the directive, after comments, makes a plain module browser code; a route handler stays server code', async () => {
    const { componentClassifier } = await import('../../src/facts/component.js');
    const texts: Record<string, string> = {
      'src/lib/a.ts': "// uploads\n/* from the page */\n'use client';\nexport const a = 1;\n",
      'src/lib/b.ts': "export const b = 'use client';\n",
      'src/app/api/x/route.ts': "'use client';\nexport const GET = () => 1;\n",
    };
    const of = componentClassifier(
      [{ ecosystem: 'npm', path: 'package.json', ok: true }],
      [{ ecosystem: 'npm', path: 'package.json', name: 'next', version: '15', dev: false, direct: true } as never],
      { read: (p) => texts[p] },
    );
    expect(of('src/lib/a.ts')).toBe('browser');
    expect(of('src/lib/b.ts')).toBe('server');
    expect(of('src/app/api/x/route.ts')).toBe('server');
  });
});
