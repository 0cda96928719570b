/**
 * Blind round 46 (Rust): test code inside a production source file. A `#[cfg(test)] mod … { … }`
 * (or a `#[test]` function) is compiled for the tests only; a private key there is a test fixture.
 * Production code after such a module stays production code.
 */
import { describe, expect, it } from 'vitest';
import secrets from './security/no-committed-secrets.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { inRustTestBlock } from '../src/facts/rust-tests.js';
import { LineIndex } from '../src/util/lines.js';

// Built at run time so that this file never contains a key a scanner would flag.
const PEM = `-----BEGIN RSA ${'PRIVATE KEY'}-----\nMIIEowIBAAKCAQEA7bQ2x9\n-----END RSA ${'PRIVATE KEY'}-----`;

const OAUTH = [
  'use std::sync::Arc;',
  '',
  'pub fn verify(token: &str) -> bool {',
  '    !token.is_empty()',
  '}',
  '',
  '#[cfg(test)]',
  'mod rotation_tests {',
  '    use super::*;',
  '',
  '    // Two keys used to simulate key rotation.',
  `    const KEY_A_PEM: &str = "${PEM}";`,
  '',
  '    #[test]',
  '    fn rotates() { assert!(verify("x")); }',
  '}',
  '',
].join('\n');

describe('no-committed-secrets: keys in Rust test modules (blind round 46)', () => {
  it('a private key inside #[cfg(test)] mod … { } is a test fixture: set aside and named, not counted', async () => {
    const run = await runRuleOn(secrets, { 'crates/auth/src/oauth2.rs': OAUTH });
    expect(run.outcome).toBe('pass');
    expect(JSON.stringify(run.evidence)).toContain('Rust test code');
  });

  it('the same key in production code of the file, after the test module, still fails the rule', async () => {
    const after = `${OAUTH}\npub const SIGNING_PEM: &str = "${PEM}";\n`;
    const run = await runRuleOn(secrets, { 'crates/auth/src/oauth2.rs': after });
    expect(run.outcome).toBe('fail');
    expect(run.evidence.some((e) => e.path === 'crates/auth/src/oauth2.rs' && e.line! > 17)).toBe(true);
  });

  it('a key under a #[cfg(test)] that stands on a bodiless item (`mod tests;`) is production code', async () => {
    const text = `#[cfg(test)]\nmod tests;\n\npub const SIGNING_PEM: &str = "${PEM}";\n`;
    const run = await runRuleOn(secrets, { 'src/lib.rs': text });
    expect(run.outcome).toBe('fail');
  });
});

describe('inRustTestBlock', () => {
  it('covers a cfg(test) module and a test function from attribute to closing brace, nothing else', () => {
    const text = [
      'fn a() {}', // 1
      '#[cfg(test)]', // 2
      'mod t {', // 3
      '    fn s() { let x = "}"; }', // 4
      '}', // 5
      'fn b() {}', // 6
      '#[tokio::test]', // 7
      'async fn c() {', // 8
      '}', // 9
      'fn d() {}', // 10
    ].join('\n');
    const lines = new LineIndex(text);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((l) => inRustTestBlock(lines, l))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('stays linear on thousands of unclosed test attributes', () => {
    const text = `${'#[cfg(test)]\nmod t {\n'.repeat(20_000)}fn x() {}\n`;
    inRustTestBlock(new LineIndex(text), 5);
  });
});
