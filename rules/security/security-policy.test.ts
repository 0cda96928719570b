import rule from './security-policy.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'SECURITY.md at the root passes',
      tree: { 'SECURITY.md': '# Security\nReport to security@example.com\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'SECURITY.md', line: 1 }] },
    },
    {
      name: 'a policy in .github/ passes (any case)',
      tree: { '.github/security.md': 'Use private vulnerability reporting.\n' },
      expect: { outcome: 'pass', message: '.github/security.md' },
    },
    {
      name: 'docs/SECURITY.rst passes',
      tree: { 'docs/SECURITY.rst': 'Security\n========\n\nReport vulnerabilities to security@example.org.\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'docs/SECURITY.rst' }] },
    },
    {
      name: 'an address after a long run of dots is read in one pass (a hostile SECURITY.md)',
      tree: { 'SECURITY.md': `# Security\n${'.'.repeat(200_000)}\nsec.team+x@example.org\n` },
      expect: { outcome: 'pass', evidence: [{ path: 'SECURITY.md' }] },
    },
  ],
  invalid: [
    {
      name: 'no policy fails and says where it looked',
      tree: { 'README.md': '# app\n## Security\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a SECURITY.md deep in a package does not count',
      tree: { 'packages/a/SECURITY.md': 'x\n' },
      expect: { outcome: 'fail' },
    },
    {
      name: 'an empty SECURITY.md fails',
      tree: { 'SECURITY.md': '\n' },
      expect: { outcome: 'fail', message: 'empty' },
    },
    {
      name: 'a SECURITY.md of one long run of word characters says nothing about reporting, and is read in one pass',
      tree: { 'SECURITY.md': `# Security\n${'x'.repeat(200_000)}\n` },
      expect: { outcome: 'fail', message: 'says nothing about how to report' },
    },
  ],
});
