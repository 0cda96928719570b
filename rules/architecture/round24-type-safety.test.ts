import { describe, expect, it } from 'vitest';
import rule from './type-safety.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const STRICT = '{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n';

describe('type-safety: TypeScript files under no tsconfig are named, not an empty list (blind round 24)', () => {
  it('strict apps beside a source-only package without a tsconfig: the message names the package files', async () => {
    const run = await runRuleOn(
      rule,
      {
        'package.json': '{"name":"docs-vault","private":true}',
        'apps/server/package.json': '{"name":"server","dependencies":{"hono":"4.0.0"}}',
        'apps/server/tsconfig.json': STRICT,
        'apps/server/src/app.ts': 'export const port: number = 8080;\n',
        'apps/server/src/routes.ts': 'export const routes: string[] = [];\n',
        'apps/server/src/db.ts': 'export const db = {};\n',
        'apps/server/src/jobs.ts': 'export const jobs = [];\n',
        'apps/server/src/auth.ts': 'export const auth = {};\n',
        'packages/std/package.json': '{"name":"@acme/std","main":"./src/index.ts"}',
        'packages/std/src/index.ts': 'export const id = <T>(x: T): T => x;\n',
      },
      { profile: 'service' },
    );
    expect(run.message).not.toContain('not in )');
    expect(run.message).toContain(
      'strict in apps/server/tsconfig.json, 1 file under no tsconfig (packages/std/src/index.ts)',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'packages/std/src/index.ts',
        note: expect.stringContaining('under no tsconfig'),
      }),
    );
  });
});
