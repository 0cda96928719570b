import { describe, expect, it } from 'vitest';
import { memoryIndex, MemorySource, type Tree } from '../testing/memory.js';
import { scan } from '../scan/scanner.js';
import { collectFacts, completeFacts, factPatterns } from './index.js';
import { watchedNames } from './catalogues.js';

async function factsOf(tree: Tree, detect?: Record<string, string[]>) {
  const files = memoryIndex(tree);
  const pre = collectFacts(files);
  const watched = watchedNames(detect);
  const scanned = await scan(files, new MemorySource(tree), factPatterns(pre, watched), []);
  return completeFacts(files, pre, { matches: (k) => scanned.matches.get(k) ?? [] }, { watched });
}
const use = (f: Awaited<ReturnType<typeof factsOf>>, name: string) => {
  const d = f.dependencies.find((x) => x.name === name);
  return d && { use: d.use, at: d.usedAt && `${d.usedAt.path}:${d.usedAt.line}` };
};

describe('which declared packages the code imports', () => {
  it('npm: import, require and string specifiers; tests only; never', async () => {
    const f = await factsOf({
      'package.json': JSON.stringify({
        dependencies: { pino: '9', 'p-retry': '6', '@sentry/node': '8', helmet: '7', 'pino-pretty': '11' },
      }),
      'src/log.ts': "import pino from 'pino';\nexport const log = pino({ transport: { target: 'pino-pretty' } });\n",
      'src/retry.js': "// const pRetry = require('p-retry');\n",
      'src/sentry.mjs': "const Sentry = await import('@sentry/node/preload');\n",
      'test/app.test.js': "import helmet from 'helmet';\n",
    });
    expect(use(f, 'pino')).toEqual({ use: 'production', at: 'src/log.ts:1' });
    expect(use(f, '@sentry/node')).toEqual({ use: 'production', at: 'src/sentry.mjs:1' });
    expect(use(f, 'helmet')).toEqual({ use: 'non-production', at: 'test/app.test.js:1' });
    expect(use(f, 'p-retry')).toEqual({ use: 'none', at: undefined });
    // Not in any catalogue: not asked, so unknown rather than unused.
    expect(use(f, 'pino-pretty')?.use).toBeUndefined();
  });

  it('Python: import names that differ from the distribution, INSTALLED_APPS strings, any case', async () => {
    const f = await factsOf({
      'requirements.txt':
        'PyJWT==2.8\ndjango-prometheus==2.3\nprometheus-client==0.20\nUnleashClient==5.11\nopentelemetry-sdk==1.24\ntenacity==8.2\n',
      'app/auth.py': 'import os, jwt\n',
      'app/settings.py': 'INSTALLED_APPS = [\n    "django_prometheus",\n]\n',
      'app/metrics.py': 'from prometheus_client import Counter\n',
      'app/flags.py': 'from UnleashClient import UnleashClient\n',
      'app/trace.py': 'from opentelemetry.sdk.trace import TracerProvider\n',
    });
    expect(use(f, 'pyjwt')).toEqual({ use: 'production', at: 'app/auth.py:1' });
    expect(use(f, 'django-prometheus')).toEqual({ use: 'production', at: 'app/settings.py:2' });
    expect(use(f, 'prometheus-client')?.use).toBe('production');
    expect(use(f, 'unleashclient')?.use).toBe('production');
    expect(use(f, 'opentelemetry-sdk')).toEqual({ use: 'production', at: 'app/trace.py:1' });
    expect(use(f, 'tenacity')?.use).toBe('none');
  });

  it('Go module paths, Rust crates, and commands that load a package without an import', async () => {
    const f = await factsOf({
      'go.mod':
        'module x\n\nrequire (\n\tgithub.com/cenkalti/backoff/v4 v4.2.1\n\tgithub.com/sony/gobreaker v0.5.0\n)\n',
      'internal/client.go': 'package internal\n\nimport (\n\t"github.com/cenkalti/backoff/v4"\n)\n',
      'svc/Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\ntower_governor = "0.3"\nbackoff = "0.4"\n',
      'svc/src/main.rs': 'use tower_governor::GovernorLayer;\n',
      'pyproject.toml': '[project]\nname = "api"\ndependencies = ["ddtrace"]\n',
      Procfile: 'web: ddtrace-run gunicorn app:app\n',
    });
    expect(use(f, 'github.com/cenkalti/backoff/v4')).toEqual({ use: 'production', at: 'internal/client.go:4' });
    expect(use(f, 'github.com/sony/gobreaker')?.use).toBe('none');
    expect(use(f, 'tower_governor')).toEqual({ use: 'production', at: 'svc/src/main.rs:1' });
    expect(use(f, 'backoff')?.use).toBe('none');
    expect(use(f, 'ddtrace')).toEqual({ use: 'production', at: 'Procfile:1' });
  });

  it('a library the config adds to a catalogue is watched too', async () => {
    const f = await factsOf(
      { 'package.json': '{"dependencies":{"@acme/metrics":"1"}}', 'src/a.ts': "import m from '@acme/metrics';\n" },
      { metrics: ['@acme/metrics'] },
    );
    expect(use(f, '@acme/metrics')?.use).toBe('production');
  });

  it('ecosystems whose imports do not name the package stay unknown', async () => {
    const f = await factsOf({
      'pom.xml':
        '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.micrometer</groupId>\n      <artifactId>micrometer-registry-prometheus</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
    });
    expect(use(f, 'io.micrometer:micrometer-registry-prometheus')?.use).toBeUndefined();
    expect(f.findDependencies(['io.micrometer:*'])).toHaveLength(1);
  });
});
