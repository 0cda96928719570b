import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './rollback.js';

/** Blind round 31: a migration revert is no release rollback; a shell comment in a code block is no heading. */
const pkg =
  '{\n  "name": "api",\n  "scripts": {\n    "migration:revert": "typeorm migration:revert -d ormconfig.ts"\n  },\n  "dependencies": { "@nestjs/core": "^10.0.0" }\n}\n';
const doc = (extra: string) =>
  `# Deployment\n\n## Database migrations\n\n\`\`\`bash\n# 1. Run migrations\npnpm migration:run\n\n# 2. Rollback if needed (be careful!)\npnpm migration:revert\n\`\`\`\n${extra}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a real rollback section beside the migration commands still counts as the written procedure',
      profile: 'service',
      tree: {
        'package.json': pkg,
        'docs/deployment.md': doc(
          '\n## Rolling back a release\n\nRun `kubectl rollout undo deployment/api` to go back to the previous release.\n',
        ),
      },
      expect: { outcome: 'pass', message: 'written rollback procedure' },
    },
  ],
  invalid: [
    {
      name: '`# Rollback if needed` inside a bash block and a migration:revert script: no release rollback',
      profile: 'service',
      tree: { 'package.json': pkg, 'docs/deployment.md': doc('') },
      expect: { outcome: 'fail', message: 'No rollback procedure, command or versioned artefact found.' },
    },
  ],
});
