/**
 * Blind round 38: images built from files named `web-crawler-dockerfile` and `file-import-dockerfile`
 * (a CDK `DockerImageAsset`'s `file: "web-crawler-dockerfile"`) were not read as Dockerfiles, so the
 * container-user rule passed on the one plain Dockerfile while an image ran as root. A Dockerfile
 * named with its purpose in front or behind (`x-dockerfile`, `x_Dockerfile`, `Dockerfile_prod`,
 * `x.Containerfile`) is a Dockerfile.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import containerUser from './security/container-user.js';

const nonRoot = 'FROM python:3.12-slim\nRUN useradd -m app\nUSER app\nCMD ["python", "-m", "app"]\n';
const root = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/crawl.py"]\n';
const cdk =
  "import * as ecr_assets from 'aws-cdk-lib/aws-ecr-assets';\nnew ecr_assets.DockerImageAsset(this, 'Crawler', { directory: 'lib/shared', file: 'web-crawler-dockerfile' });\n";

describe('round 38: Dockerfiles named with their purpose are judged', () => {
  it('an image built from `web-crawler-dockerfile` that runs as root is found beside a non-root Dockerfile', async () => {
    const r = await runRuleOn(
      containerUser,
      { 'lib/shared/zip/Dockerfile': nonRoot, 'lib/shared/web-crawler-dockerfile': root, 'lib/crawler.ts': cdk },
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'lib/shared/web-crawler-dockerfile' }));
  });

  for (const name of ['api_Dockerfile', 'Dockerfile_prod', 'worker-Dockerfile', 'app.Containerfile'])
    it(`${name} with a USER passes; as root it fails`, async () => {
      const good = await runRuleOn(containerUser, { [`docker/${name}`]: nonRoot }, { profile: 'service' });
      expect(good.outcome).toBe('pass');
      const bad = await runRuleOn(containerUser, { [`docker/${name}`]: root }, { profile: 'service' });
      expect(bad.outcome).toBe('fail');
      expect(bad.evidence[0]).toMatchObject({ path: `docker/${name}` });
    });

  it('a document about a Dockerfile is not one', async () => {
    const r = await runRuleOn(containerUser, { 'docs/write-a-dockerfile.md': root }, { profile: 'service' });
    expect(r.outcome).not.toBe('fail');
  });
});

describe('a source or test file named for Dockerfiles is no Dockerfile (self-audit)', () => {
  it('`dockerfile-bounds.test.ts` and `dockerfile_parser.py` beside a real Dockerfile leave the verdict to the Dockerfile', async () => {
    const tree = {
      'src/facts/dockerfile-bounds.test.ts': "import { it } from 'vitest';\nit('parses', () => {});\n",
      'tools/dockerfile_parser.py': 'def parse(text):\n    return text.split("\\n")\n',
      'Dockerfile-api': nonRoot,
    };
    const r = await runRuleOn(containerUser, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => e.path)).not.toContain('src/facts/dockerfile-bounds.test.ts');
    const alone = await runRuleOn(
      containerUser,
      { 'src/facts/dockerfile-bounds.test.ts': tree['src/facts/dockerfile-bounds.test.ts'] },
      { profile: 'cli' },
    );
    expect(alone.outcome).not.toBe('unknown');
  });
});
