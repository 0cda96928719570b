/** Trunk's config and reusable-workflow refs on hostile input: read in one pass, still understood. */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { trunkConfig, trunkRemoteWorkflow } from './trunk.js';

const CONFIG = 'lint:\n  enabled:\n    - trivy@0.50.1\n    - golangci-lint@1.57.2\n  disabled:\n    - golangci-lint\n';

describe('Trunk on hostile input', () => {
  it('a linter value of many `@` with a line break is cut at its first `@`; the other linters stay', () => {
    const hostile = `"x${'@'.repeat(200_000)}\\ny"`;
    const files = memoryIndex({
      '.trunk/trunk.yaml': `${CONFIG.replace('  disabled:', `    - ${hostile}\n  disabled:`)}`,
    });
    expect(trunkConfig(files)?.linters.map((l) => l.name)).toEqual(['trivy', 'x']);
  });

  it('a reusable workflow ref of many `@` with a line break names the workflow without its ref', () => {
    const files = memoryIndex({ '.trunk/trunk.yaml': CONFIG });
    const ref = `acme/ci/.github/workflows/trunk.yml@${'@'.repeat(200_000)}\nx`;
    const hop = trunkRemoteWorkflow(files, ref)?.commands?.[0]?.hop;
    expect(hop?.via).toBe(
      'reusable workflow acme/ci/.github/workflows/trunk.yml (named for Trunk): Trunk linter trivy',
    );
  });
});
