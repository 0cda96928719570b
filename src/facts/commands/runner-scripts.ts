/**
 * A script of the repository written in another language than sh that starts a test framework:
 * `test/runner` (Ruby, `require 'minitest'` and the test files), `runtests.py` (`pytest.main(…)`),
 * `scripts/test.js` (`new Mocha()`). Read as text, never run: what it loads and calls says what it
 * does, not its name.
 */
import type { CommandTool } from '../../types.js';
import { joinPath, type Resolver } from './types.js';

const RUNNERS: { lang: RegExp; name: string; calls: RegExp }[] = [
  { lang: /ruby/, name: 'Minitest', calls: /^\s*require\s*\(?\s*['"]minitest(?:\/autorun)?['"]|\bMinitest\.run\b/m },
  { lang: /ruby/, name: 'RSpec', calls: /\bRSpec::Core::Runner\.run\b/ },
  { lang: /ruby/, name: 'test-unit', calls: /^\s*require\s*\(?\s*['"]test\/unit['"]/m },
  { lang: /python/, name: 'pytest', calls: /\bpytest\.main\s*\(/ },
  { lang: /python/, name: 'unittest', calls: /\bunittest\.(?:main|TextTestRunner)\s*\(/ },
  { lang: /python/, name: 'Django tests', calls: /\bget_runner\s*\(|call_command\(\s*['"]test['"]/ },
  { lang: /node/, name: 'Mocha', calls: /\bnew\s+Mocha\s*\(/ },
  { lang: /node/, name: 'Jest', calls: /\brunCLI\s*\(/ },
  { lang: /node/, name: 'node:test', calls: /from\s+['"]node:test['"][\s\S]*\brun\s*\(/ },
];

const INTERPRETERS: Record<string, string> = { ruby: 'ruby', node: 'node', python: 'python', python3: 'python' };

/** `test/runner`, `ruby test/runner.rb`, `./runtests.py` (python is already stripped by normalise). */
export const runnerScripts: Resolver = (argv, { files, cwd }) => {
  const viaInterpreter = INTERPRETERS[argv[0]!];
  const target = viaInterpreter ? argv.slice(1).find((w) => !w.startsWith('-')) : argv[0];
  if (!target || target.includes('$') || (!viaInterpreter && !/[/.]/.test(target))) return undefined;
  const path = [joinPath(cwd, target), joinPath('', target)].find((p) => files.exists(p));
  if (!path) return undefined;
  const text = files.read(path) ?? '';
  const shebang = /^#!.*\b(ruby|node|python[\d.]*)\b/.exec(text)?.[1];
  const lang =
    viaInterpreter ??
    shebang ??
    (/\.rb$/.test(path) ? 'ruby' : /\.py$/.test(path) ? 'python' : /\.[cm]?js$/.test(path) ? 'node' : undefined);
  if (!lang) return undefined;
  const r = RUNNERS.find((x) => x.lang.test(lang) && x.calls.test(text));
  if (!r) return undefined;
  const tool: CommandTool = { name: r.name, kinds: ['test'], implied: `${path} loads ${r.name} and runs the tests` };
  return { tools: [tool] };
};
