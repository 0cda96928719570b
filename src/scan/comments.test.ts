import { describe, expect, it } from 'vitest';
import type { Match } from '../types.js';
import { compilePatterns, runPatterns, type ScanPattern } from './patterns.js';

function found(path: string, text: string, extra: Partial<ScanPattern> = {}): string[] {
  const pattern: ScanPattern = { key: 'r:p', regex: /enableShutdownHooks\(|fetch\(/, files: ['**/*'], ...extra };
  const matches = new Map<string, Match[]>();
  runPatterns(
    path,
    text,
    compilePatterns([pattern]).flatMap((g) => g.patterns),
    matches,
  );
  return (matches.get('r:p') ?? []).map((m) => `${m.line}:${m.snippet}`);
}

describe('matches in comments are not code', () => {
  it('drops a match in a line comment or inside a block comment, keeps the same call as code', () => {
    const ts = [
      'async function main() {',
      '  //app.enableShutdownHooks();',
      '  /* Manual query:',
      '     const r = await fetch(url);',
      '  */',
      '  const s = "// not a comment"; await fetch(api);',
      '}',
    ].join('\n');
    expect(found('server/src/main.ts', ts)).toEqual(['6:const s = "// not a comment"; await fetch(api);']);
    expect(found('server/src/main.ts', 'app.enableShutdownHooks();\n')).toEqual(['1:app.enableShutdownHooks();']);
  });

  it('a closed block comment above, or a comment opener inside a string, leaves the code after it code', () => {
    const ts = ['/* header */', 'const glob = "src/*";', 'await fetch(a); // fetch(b)', 'const end = "*/";'].join('\n');
    expect(found('src/a.ts', ts)).toEqual(['3:await fetch(a); // fetch(b)']);
    const rs = '/* outer /* inner */ still fetch(x) */\nfetch(y);\n';
    expect(found('src/lib.rs', rs)).toEqual(['2:fetch(y);']);
  });

  it('keeps matches inside strings (a route or header in a string is code)', () => {
    expect(found('app.py', 'x = "fetch(1)"  # fetch(2)\n# fetch(3)\n')).toEqual(['1:x = "fetch(1)"  # fetch(2)']);
  });

  it('reads whole-line # comments in YAML and shell, not a # inside a value', () => {
    const yaml = '# run: fetch(x)\nrun: curl http://h/#fetch(y)\n';
    expect(found('.github/workflows/ci.yml', yaml)).toEqual(['2:run: curl http://h/#fetch(y)']);
  });

  it('keeps comment matches for a pattern that reads comments on purpose, and in files of no known syntax', () => {
    expect(found('main.go', '// fetch(x)\n', { comments: true })).toEqual(['1:// fetch(x)']);
    expect(found('notes.md', '// fetch(x)\n')).toEqual(['1:// fetch(x)']);
  });

  it('a Python docstring is documentation; the same call as code, or in a string value, stays code', () => {
    const py = [
      '#!/usr/bin/env python',
      '"""Service entry point.',
      '',
      '    fetch(example)',
      '"""',
      'import x',
      '',
      'def main(url) -> None:',
      "    r'''Usage: fetch(url) then retry.'''",
      '    query = """fetch(in a value)"""',
      '    call(',
      '        """fetch(an argument)""")',
      '    return fetch(url)',
      '',
      'class Client:',
      '    """A client; fetch(doc)."""  # trailing note',
    ].join('\n');
    expect(found('pkg/app.py', py)).toEqual([
      '10:query = """fetch(in a value)"""',
      '12:"""fetch(an argument)""")',
      '13:return fetch(url)',
    ]);
  });

  it('a Ruby =begin/=end block is a comment; code after =end is code', () => {
    const rb = ['class Job', '=begin', '  def go = fetch(old)', '=end', '  def run = fetch(new)', 'end'].join('\n');
    expect(found('app/jobs/job.rb', rb)).toEqual(['5:def run = fetch(new)']);
    expect(found('app/jobs/job.rb', rb, { comments: true })).toEqual([
      '3:def go = fetch(old)',
      '5:def run = fetch(new)',
    ]);
  });

  it('a dropped match does not use up the per-file limit', () => {
    const text = `${'// fetch(a)\n'.repeat(3)}fetch(b)\n`;
    expect(found('a.js', text, { maxPerFile: 1 })).toEqual(['4:fetch(b)']);
  });
});
