/**
 * readiness verify: classes found on round 13 (used for development with rounds 5–12, fifth helper),
 * each on a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  '.gitignore': ['*.log', '/build', 'secrets.properties', '', '# keys', 'mobile/push-config.json', ''].join('\n'),
  'README.md': ['# Kettle', '', '## Stack of tools', '', '## Contributing', '', 'Open a pull request.', ''].join('\n'),
  'mobile/push-config.json': '{"key": "x"}\n',
  'mobile/push-config.json.sample': '{"key": ""}\n',
  'secrets.properties.sample': 'token=\n',
  'certs/server.pem': '-----BEGIN CERTIFICATE-----\n',
  'src/kettle/Boil.kt': 'class Boil\n',
  'src/kettle/Pour.kt': 'class Pour\n',
};

describe('a named file is looked up in the whole listing before it is said to be absent', () => {
  const doc = [
    '# Release list', // 1
    '', // 2
    '- [x] Samples shipped (`push-config.json.sample`, `secrets.properties.sample`)', // 3
    '- [x] `secrets.properties.sample` explains each key', // 4
    '- [x] `brewing.properties.sample` created', // 5
  ].join('\n');
  const { at } = verifier('RELEASE.md', true)(tree, doc, reportWith([]));

  it('a file of any extension, in any folder, found by its base name: confirmed', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('secrets.properties.sample');
  });

  it('a file named that the listing does not hold is still not confirmed', () => {
    expect(at(5).verdict).not.toBe('confirmed');
  });
});

describe('documentation topics: a file of their own or a section heading in the README', () => {
  const doc = [
    '# Docs list', // 1
    '', // 2
    '- [x] Contributing guidelines', // 3
    '- [x] Architecture documentation', // 4
    '- [x] Security information', // 5
  ].join('\n');
  const { at } = verifier('CHECKS.md', true)(tree, doc, reportWith([]));

  it('a README section heading settles the topic, cited by line', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: 'README.md', line: 5 });
  });

  it('no file and no heading of the topic: not confirmed by this', () => {
    expect(at(4).verdict).not.toBe('confirmed');
    expect(at(5).verdict).not.toBe('confirmed');
  });
});

describe('"ignored" claims: the .gitignore rules and the listing together', () => {
  const doc = [
    '# Repository', // 1
    '', // 2
    '- [x] `secrets.properties` ignored', // 3
    '- [x] `mobile/push-config.json` ignored', // 4
    '- [x] `README.md` not tracked', // 5
    '- [x] `push-config.json` added to `.gitignore`', // 6
    '- [x] `deploy.key` ignored', // 7
    '- [x] Build artifacts ignored', // 8
    '- [x] Sensitive files not tracked', // 9
  ].join('\n');
  const { at } = verifier('REPO.md', true)(tree, doc, reportWith([]));

  it('matched by a rule and not tracked: confirmed, citing the rule', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: '.gitignore', line: 3 });
  });

  it('matched by a rule but tracked: contradicted ("listed in .gitignore:N but tracked")', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('.gitignore:6 but tracked');
  });

  it('not matched and tracked: contradicted', () => {
    expect(at(5).verdict).toBe('contradicted');
  });

  it('"added to .gitignore" is about the rule: a rule for the file in a folder confirms it', () => {
    expect(at(6).verdict).toBe('confirmed');
  });

  it('no rule for a named file: contradicted', () => {
    expect(at(7).verdict).toBe('contradicted');
  });

  it('kinds of files: build output by its rule; sensitive files by a tracked one', () => {
    expect(at(8).verdict).toBe('confirmed');
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toContain('certs/server.pem');
  });

  it('"(gitignored)" qualifying another statement is not an ignore claim', () => {
    const other = verifier('REPO.md', true)(
      tree,
      '# R\n\n- [x] All tokens moved to `secrets.properties` (gitignored)\n',
      reportWith([]),
    );
    if (other.has(3)) expect(other.at(3).reason).not.toContain('.gitignore:3');
  });
});

describe('open boxes under a heading of steps still to take are not claims', () => {
  const doc = [
    '# Checklist', // 1
    '', // 2
    '## Build Verification', // 3
    '- [ ] Kettle boils (`./gradlew build`)', // 4
    '', // 5
    '## Manual Testing', // 6
    '- [ ] Tested on two phones', // 7
    '', // 8
    '## Security', // 9
    '- [x] Kettle documented', // 10
    '- [ ] Rate limiting enabled', // 11
  ].join('\n');
  const { has } = verifier('CHECK.md', true)(tree, doc, reportWith([]));

  it('under "Build Verification" or "Manual Testing": left out', () => {
    expect(has(4)).toBe(false);
    expect(has(7)).toBe(false);
  });

  it('under another heading an open box is still read', () => {
    expect(has(11)).toBe(true);
  });
});

describe('extraction: counted test groups and lists of changes', () => {
  const doc = [
    '# Testing', // 1
    '', // 2
    '### Test Categories', // 3
    '', // 4
    '1. **Unit Tests** (2 tests) - No network', // 5
    '', // 6
    '## What Was Changed', // 7
    '', // 8
    '**Changes:**', // 9
    '- Added a `Pour` class for serving', // 10
    '', // 11
    '**Features:**', // 12
    '- Boiling handled by `Boil`', // 13
    '', // 14
    '## Ideas', // 15
    '', // 16
    '**Features:**', // 17
    '- Whistle on boil', // 18
  ].join('\n');
  const { has } = verifier('TESTING.md', true)(tree, doc, reportWith([]));

  it('a group with a count of tests in parentheses is a claim', () => {
    expect(has(5)).toBe(true);
  });

  it('items under "Changes:" and under "Features:" of a changes heading are claims', () => {
    expect(has(10)).toBe(true);
    expect(has(13)).toBe(true);
  });

  it('"Features:" elsewhere does not make a plain item a claim', () => {
    expect(has(18)).toBe(false);
  });
});

describe('status marks written as GitHub shortcodes, lines ended by an HTML break', () => {
  const doc = [
    '# Stand des Projekts', // 1
    ':white_check_mark: Kettle written in Kotlin (`Boil`).</br>', // 2
    ':negative_squared_cross_mark: Logging.<br>', // 3
    'Rust path `a::x::b` is not a mark', // 4
  ].join('\n');
  const { at, has } = verifier('STAND.md', true)(tree, doc, reportWith([]));

  it('":white_check_mark:" reads as ✅ and ":negative_squared_cross_mark:" as ❌', () => {
    expect(at(2).asserted).toBe('done');
    expect(at(3).asserted).toBe('not-done');
  });

  it('a shortcode-like run inside code is left alone', () => {
    expect(has(4)).toBe(false);
  });
});
