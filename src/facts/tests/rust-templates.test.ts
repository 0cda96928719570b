import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { countRust } from './annotated.js';
import { testInventory } from './inventory.js';

// A shell-integration crate: one rstest_reuse template of option combinations, applied per shell.
const SHELLS = [
  '#[cfg(test)]',
  'mod tests {',
  '    use rstest::rstest;',
  '    use rstest_reuse::{apply, template};',
  '',
  '    #[template]',
  '    #[rstest]',
  '    fn opts(',
  '        #[values(None, Some("j"))] cmd: Option<&str>,',
  '        #[values(Hook::None, Hook::Prompt, Hook::Pwd)] hook: Hook,',
  '        #[values(false, true)] echo: bool,',
  '    ) {',
  '    }',
  '',
  '    #[apply(opts)]',
  '    fn bash_runs(cmd: Option<&str>, hook: Hook, echo: bool) {',
  '        render(cmd, hook, echo);',
  '    }',
  '',
  '    #[apply(opts)]',
  '    #[ignore]',
  '    fn fish_runs(cmd: Option<&str>, hook: Hook, echo: bool) {',
  '        render(cmd, hook, echo);',
  '    }',
  '',
  '    #[apply(crate::shared::other)]',
  '    fn zsh_runs(x: u8) {}',
  '',
  '    #[rstest]',
  '    fn parses(#[values("a", "b,c")] s: &str) {}',
  '',
  '    #[test]',
  '    fn plain() {}',
  '}',
].join('\n');

describe('Rust rstest_reuse templates', () => {
  it('count each #[apply] as one declared test expanding to the template matrix, never the template', () => {
    const r = countRust(SHELLS);
    // bash_runs, fish_runs, zsh_runs, parses, plain; the template `opts` is not a test.
    expect(r.cases).toBe(5);
    expect(r.skipped).toBe(1);
    expect(r.parametrized).toBe(4);
    // 2 × 3 × 2 = 12 per applied test; another module's template counts once; parses 2; plain 1.
    expect(r.expanded).toBe(12 + 12 + 1 + 2 + 1);
    // The first test cited is the first #[apply], not the template at line 6.
    expect(r.firstLine).toBe(15);
  });

  it('cite the applied test, not the template, as the first test of the file', () => {
    const inv = testInventory(
      memoryIndex({ 'Cargo.toml': '[package]\nname = "jump"\n', 'src/shell.rs': `pub fn render() {}\n${SHELLS}` }),
    );
    const f = inv.files.find((x) => x.path === 'src/shell.rs');
    expect(f?.first).toEqual({ line: 16, snippet: '#[apply(opts)]' });
  });
});
