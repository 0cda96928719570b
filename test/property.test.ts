/**
 * Property: for any tree of odd file names and odd contents, the audit completes and every output
 * format parses. Runs the program in-process (same code as the binary) to keep 25 runs quick.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { reportSchema } from '../src/report/schema.js';
import { tempDir, writeTree } from './helpers/tree.js';
import { assertMarkdownTablesIntact } from './helpers/markdown.js';
import { builtins } from './helpers/builtins.js';
import { turnEventLoop } from './helpers/cli.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  await turnEventLoop(); // 75 in-process audits would otherwise run as one synchronous stretch
  const code = await main(
    args,
    {
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
      isTTY: false,
      env: {},
    },
    builtins,
  );
  return { code, out, err };
}

const nameChar = fc.constantFrom(...'abcXYZ019 _-.|`$&;#%@!~\'"()[]{}<>ñü漢🚀\t'.split(''), 'é');
const segment = fc
  .string({ unit: nameChar, minLength: 1, maxLength: 12 })
  .filter((s) => s !== '.' && s !== '..' && !s.includes('/'));
const fileName = fc
  .tuple(
    fc.array(segment, { maxLength: 3 }),
    segment,
    fc.constantFrom('.py', '.ts', '.go', '.yml', '.json', '.tf', '.md', '', '.java', '.cs', '.toml', '.xml'),
    fc.boolean(),
  )
  .map(([dirs, base, ext, dockerfile]) => [...dirs, dockerfile ? 'Dockerfile' : base + ext].join('/'));
const fragments = [
  'FROM node:latest\n',
  'USER root\n',
  'apiVersion: apps/v1\nkind: Deployment\n',
  '{"dependencies": {"express": "1"}}',
  'def test_x():\n',
  'it("works", () => {})\n',
  'resource "aws_s3_bucket" "x" {\n',
  '- run: npm test\n',
  '| table | row |\n',
  '<b>html</b>',
  '```\n',
  ': [\n',
  '\u0000',
  '\ufffd',
  'app.use(helmet())\n',
  '@app.get("/health")\n',
  'jobs:\n  x:\n    steps: [\n',
];
const content = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 40 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('property: any tree audits to valid outputs', () => {
  it('completes and every format parses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fileName, content, { minKeys: 1, maxKeys: 12 }), async (tree) => {
        const root = tempDir('readiness-prop-');
        try {
          // A name that collides with a folder of another name is skipped, as a real tree could not hold both.
          const safe: Record<string, string> = {};
          const dirs = new Set(
            Object.keys(tree).flatMap((p) =>
              p
                .split('/')
                .slice(0, -1)
                .map((_, i, a) => a.slice(0, i + 1).join('/')),
            ),
          );
          for (const [p, c] of Object.entries(tree)) if (!dirs.has(p)) safe[p] = c;
          writeTree(root, safe);
          const json = await run(['audit', root, '--format', 'json']);
          expect(json.code, json.err).toBe(0);
          reportSchema.parse(JSON.parse(json.out));
          const md = await run(['audit', root, '--format', 'md']);
          expect(md.code, md.err).toBe(0);
          assertMarkdownTablesIntact(md.out);
          const badge = await run(['audit', root, '--format', 'badge']);
          JSON.parse(badge.out);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 25, seed: 20261122 },
    );
  });
});
