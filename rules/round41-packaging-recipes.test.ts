/**
 * Blind round 41, packaging recipes: a Homebrew formula (HomebrewFormula/x.rb, Formula/x.rb, or a
 * Ruby file declaring `class X < Formula`) beside a Rust CLI is how Homebrew installs it, not the
 * project's code; it made type-safety partial for "untyped Ruby".
 */
import { describe, expect, it } from 'vitest';
import typeSafety from './architecture/type-safety.js';
import { detectLanguages } from '../src/facts/languages.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const CLI = {
  'Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\n\n[dependencies]\nclap = "4"\n',
  'src/main.rs': 'fn main() {\n    println!("hi");\n}\n',
  'src/lib.rs': 'pub fn run() -> u32 {\n    1\n}\n',
};

const FORMULA =
  'class Tool < Formula\n  desc "A tool"\n  homepage "https://example.org"\n  def install\n    bin.install "tool"\n  end\nend\n';

describe('packaging recipes are not product source', () => {
  it('a Homebrew formula in HomebrewFormula/ leaves a Rust CLI statically typed', async () => {
    const run = await runRuleOn(typeSafety, { ...CLI, 'HomebrewFormula/tool.rb': FORMULA }, { profile: 'cli' });
    expect(run.outcome).toBe('pass');
    expect(run.message).not.toContain('Ruby');
  });

  it('a formula found by its content (class X < Formula) at the root is not Ruby source either', async () => {
    const run = await runRuleOn(typeSafety, { ...CLI, 'packaging/tool.rb': FORMULA }, { profile: 'cli' });
    expect(run.outcome).toBe('pass');
  });

  it('a Ruby script that is no recipe still counts as untyped Ruby', async () => {
    const script = 'class Release\n  def run\n    system("cargo publish")\n  end\nend\n';
    const many = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`release/step${i}.rb`, script]));
    const run = await runRuleOn(typeSafety, { ...CLI, ...many }, { profile: 'cli' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Ruby');
  });

  it('detectLanguages: recipes by path (Formula/, Casks/, conanfile.py) are no language share', () => {
    const found = detectLanguages([
      'Formula/tool.rb',
      'Casks/tool.rb',
      'conanfile.py',
      'src/main.cpp',
      'app/models/formula.rb',
    ]);
    expect(found.sourceFiles).toEqual(['src/main.cpp', 'app/models/formula.rb']);
  });
});
