import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import releaseManagement from './operations/release-management.js';

/**
 * Blind round 50: a CHANGELOG listing each version (list items `* *4.4.0* (2025-11-19): …`) and a
 * script that publishes each release (`sam publish`) were "releases are not automated".
 */
const CHANGELOG = [
  '## CHANGELOG',
  '',
  '* *2.1.0* (2025-11-19): new runtime',
  '* *2.0.1* (2025-06-02): dependency updates',
  '* *2.0.0* (2025-01-10): S3 payloads',
  '',
].join('\n');

const tree = (script: string) => ({
  'package.json': '{"name":"tuner","version":"2.1.0"}',
  'CHANGELOG.md': CHANGELOG,
  'lambda/app.js': 'module.exports.handler = async () => 1;\n',
  'scripts/publish.sh': `#!/bin/bash\nsam package --template-file template.yml --output-template-file packaged.yml\n${script}\n`,
});

describe('round 50: a versioned change log and a publish script', () => {
  it('pass, saying the publish is run by hand', async () => {
    const r = await runRuleOn(releaseManagement, tree('sam publish --template packaged.yml --region us-east-1'));
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/a script publishes each release \(scripts\/publish\.sh:3: sam publish/);
    expect(r.message).toMatch(/run by hand, not by CI/);
  });

  it('a dry run publishes nothing: still partial', async () => {
    const r = await runRuleOn(releaseManagement, tree('npm publish --dry-run'));
    expect(r.outcome).toBe('partial');
  });
});
