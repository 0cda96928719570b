/**
 * Blind round 37: a library copied in whole opens with a `/*!` banner that grants a licence under
 * another copyright holder than the project's LICENSE — not the project's module, however short.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import moduleSize from './architecture/module-size.js';

const body = (n: number) => Array.from({ length: n }, (_, i) => `    var x${i} = ${i};`).join('\n');
const tree = (banner: string) => ({
  LICENSE: 'BSD 3-Clause License\n\nCopyright (c) 2022-2026, Jane Roe\nAll rights reserved.\n',
  'Cargo.toml': '[package]\nname = "pastes"\nversion = "1.0.0"\n',
  'src/main.rs': `fn main() {\n${Array.from({ length: 120 }, () => '    println!("x");').join('\n')}\n}\n`,
  'templates/assets/aes.js': `${banner}\n(function(root) {\n${body(600)}\n})(this);\n`,
});

describe('round 37: a vendored library under a first-line licence banner', () => {
  it("is left out when the banner's copyright holder is not the project's", async () => {
    const r = await runRuleOn(
      moduleSize,
      tree('/*! MIT License. Copyright 2015-2018 Richard Moore <r@example.com>. See LICENSE.txt. */'),
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('src/main.rs');
    expect(r.message).not.toContain('aes.js');
  });

  it("the project's own banner keeps the file counted", async () => {
    const r = await runRuleOn(moduleSize, tree('/*! MIT License. Copyright 2024 Jane Roe. */'));
    expect(r.message).toContain('templates/assets/aes.js');
  });
});
