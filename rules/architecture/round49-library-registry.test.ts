import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 49: a library crate's README — what it is, its crates.io and docs.rs links, a usage
 * example — was "no installation section". A library is installed from its registry with the package
 * manager's one line: the link to its registry page is where to get it. A service's registry badge is
 * not its installation.
 */
const README = [
  '# routekit', // 1
  '', // 2
  '`routekit` is an HTTP routing library that focuses on ergonomics.', // 3
  '', // 4
  '[![Crates.io](https://img.shields.io/crates/v/routekit)](https://crates.io/crates/routekit)', // 5
  '[![Documentation](https://docs.rs/routekit/badge.svg)](https://docs.rs/routekit)', // 6
  '', // 7
  '## Features', // 8
  '', // 9
  '- Route requests to handlers without macros.', // 10
  '- Parse requests with extractors.', // 11
  '', // 12
  '## Usage example', // 13
  '', // 14
  '```rust', // 15
  'let app = Router::new().route("/", get(root));', // 16
  '```', // 17
  '', // 18
  '## Contributing', // 19
  '', // 20
  'See CONTRIBUTING.md.', // 21
].join('\n');

describe('readme: a library installed from its registry (blind round 49)', () => {
  it("a library's registry link is where to get it: installation found", async () => {
    const r = await runRuleOn(rule, { 'README.md': README }, { profile: 'library' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence.find((e) => e.line === 5)?.note).toMatch(/installation: where to get it/);
  });
  it("a service's registry badge is not its installation", async () => {
    const r = await runRuleOn(rule, { 'README.md': README }, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('no installation section');
  });
});
