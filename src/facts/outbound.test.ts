import { describe, expect, it } from 'vitest';
import { memoryIndex, MemorySource, type Tree } from '../testing/memory.js';
import { scan } from '../scan/scanner.js';
import { collectFacts, completeFacts, factPatterns } from './index.js';
import { watchedNames } from './catalogues.js';

async function outbound(tree: Tree) {
  const files = memoryIndex(tree);
  const pre = collectFacts(files);
  const watched = watchedNames();
  const scanned = await scan(files, new MemorySource(tree), factPatterns(pre, watched), []);
  return completeFacts(
    files,
    pre,
    { matches: (k) => scanned.matches.get(k) ?? [], searched: (k) => scanned.searched.get(k) ?? 0 },
    { watched },
  ).outbound;
}

describe('outbound calls', () => {
  it('a client call in production code, one site per file', async () => {
    const o = await outbound({
      'app/client.py': 'import requests\n\ndef load():\n    return requests.get(URL, timeout=3)\n',
      'internal/up.go': 'package up\n\nvar c = &http.Client{Timeout: time.Second}\n',
      'src/Api/Catalog.cs': 'builder.Services.AddHttpClient<Catalog>();\n',
    });
    expect(o.found).toBe(true);
    expect(o.sites.map((s) => `${s.path}:${s.line}`)).toEqual([
      'app/client.py:4',
      'internal/up.go:3',
      'src/Api/Catalog.cs:1',
    ]);
  });
  it("a Django test RequestFactory's rf.get(url.path) builds a request in-process: no outbound call", async () => {
    const o = await outbound({
      'blog/models.py':
        'from django.test import RequestFactory\n\n\nclass Entry:\n    def invalidate(self):\n        rf = RequestFactory(SERVER_NAME="example.com")\n        request = rf.get(url.path, secure=True)\n        return request\n',
    });
    expect(o.found).toBe(false);
    const real = await outbound({ 'app/pull.py': 'def pull(session):\n    return session.get(url.path)\n' });
    expect(real.sites.map((s) => `${s.path}:${s.line}`)).toEqual(['app/pull.py:2']);
  });
  it('a client library that production code imports counts, with where', async () => {
    const o = await outbound({
      'package.json': '{"dependencies":{"express":"4","@aws-sdk/client-s3":"3"}}',
      'src/store.ts': "import { S3 } from '@aws-sdk/client-s3';\n",
    });
    expect(o).toMatchObject({ found: true, clients: ['@aws-sdk/client-s3'] });
    expect(o.sites).toContainEqual(expect.objectContaining({ path: 'src/store.ts', line: 1 }));
  });
  it("a remote API's client library imported by the code is an outbound call (go-googletrans, openai); a telemetry SDK is not", async () => {
    const o = await outbound({
      'internal/repo/webapi/translate.go':
        'package webapi\n\nimport (\n\t"context"\n\n\ttranslator "github.com/acme/go-googletrans"\n)\n\nfunc (t *API) Translate(ctx context.Context, s string) (string, error) {\n\tr, err := translator.New(t.conf).Translate(s, "auto", "en")\n\treturn r.Text, err\n}\n',
      'app/summary.py': 'from openai import OpenAI\n\nclient = OpenAI()\n',
    });
    expect(o.found).toBe(true);
    expect(o.sites.map((s) => `${s.path}:${s.line}`)).toEqual([
      'app/summary.py:1',
      'internal/repo/webapi/translate.go:6',
    ]);
    const telemetry = await outbound({
      'pkg/tracing/tracing.go':
        'package tracing\n\nimport (\n\t"github.com/getsentry/sentry-go"\n\t"github.com/open-telemetry/opentelemetry-go-sdk/trace"\n)\n',
      'src/otel.ts': "import { NodeSDK } from '@opentelemetry/sdk-node';\n",
    });
    expect(telemetry.found).toBe(false);
  });
  it('calls in tests, comments and a database driver are not outbound calls', async () => {
    const o = await outbound({
      'package.json': '{"dependencies":{"express":"4","pg":"8"}}',
      'src/app.js': "const pool = new Pool();\n// fetch('https://example.com') was removed\n",
      'test/api.test.js': "await fetch('http://localhost:3000/');\n",
    });
    expect(o).toMatchObject({ found: false, sites: [], searched: 2 });
  });
  it('Stimulus controllers beside Rails view components run in the page, not in the service', async () => {
    const o = await outbound({
      Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
      'app/components/DS/tabs_controller.js': 'fetch(this.urlValue).then((r) => r.text());\n',
      'app/models/provider/synth.rb': 'conn = Faraday.new(url: base_url)\n',
    });
    expect(o.sites.map((s) => s.path)).toEqual(['app/models/provider/synth.rb']);
  });
});
