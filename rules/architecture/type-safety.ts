import { defineRule, type Evidence, type Match } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { pythonTypecheckRuns, runEvidence, runsOf, strictTypecheckRuns } from '../../src/facts/commands/index.js';
import { languageOf } from '../../src/facts/languages.js';
import { fromMatch, isProductionPath, jsonnetSource, noProductCode, productCode } from '../../src/facts/paths.js';
import { terraform } from '../../src/facts/terraform.js';
import { ansibleContent } from '../../src/facts/ansible.js';
import type { CommandGraph, FileView } from '../../src/types.js';
import { lineAt } from '../../src/util/lines.js';
import { configEvidence, terraformTyping, tsStrictness } from './_lib/typing.js';

// Compiled languages whose type checker runs on every build: typed by construction.
const STATIC = new Set([
  'Go',
  'Java',
  'Kotlin',
  'Scala',
  'C#',
  'F#',
  'Rust',
  'Swift',
  'Dart',
  'C',
  'C++',
  'Haskell',
  'Visual Basic',
  // Hindley-Milner languages: the compiler infers and checks every type (ReScript and Reason
  // compile to JavaScript, Elm and PureScript too, Gleam to Erlang or JavaScript).
  'ReScript',
  'Reason',
  'OCaml',
  'Elm',
  'PureScript',
  'Gleam',
]);
const TS_CONFIGS = ['**/tsconfig*.json', '**/jsconfig*.json'];
const PY_CONFIGS = ['**/pyproject.toml', '**/mypy.ini', '**/.mypy.ini', '**/setup.cfg', '**/pyrightconfig.json'];
/** ty's own configuration file (Astral's type checker): its tables are `[rules]`, `[src]`, `[environment]`. */
const TY_CONFIGS = ['**/ty.toml', '**/.ty.toml'];
const PHP_CONFIGS = [
  '**/phpstan.neon',
  '**/phpstan.neon.dist',
  '**/phpstan.dist.neon',
  '**/psalm.xml',
  '**/psalm.xml.dist',
];

// Tool configuration written in JS/Python (eslint.config.js, setup.py, noxfile.py) is not application code.
const TOOLING =
  /(^|\/)([^/]*\.config\.[cm]?[jt]s|\.[^/]*rc\.[cm]?js|setup\.py|noxfile\.py|fabfile\.py|Gruntfile\.js|gulpfile\.[cm]?js|Rakefile|Gemfile)$/;

/** Folders of helper scripts: benchmarks' plots, release and maintenance tools, not the product. */
const HELPER_DIR = /^(?:scripts?|tools?|tooling|hack|contrib|misc|utils?\/scripts|benchmarks?|bench|\.github)\//;

/**
 * Folders a web server serves as they are: public/, static/, assets/, wwwroot/, www/, webroot/ (at
 * any depth: src/static/, resources/public/).
 */
const SERVED_DIR = /(?:^|\/)(?:public|static|assets|wwwroot|www|webroot)\//;

interface Verdict {
  score: number;
  note: string;
  evidence: Evidence[];
}

export default defineRule({
  meta: {
    id: 'type-safety',
    title: 'Code is statically typed or strictly type-checked',
    failureTitle: 'No static type checking',
    description:
      'A type checker catches whole classes of defects (null access, wrong arguments, renamed fields) before they reach production, and makes refactoring safe.',
    remediation:
      'Enable strict type checking: `"strict": true` in tsconfig.json, mypy `strict = true` or pyright `typeCheckingMode = "strict"` for Python, PHPStan level 8+ or Psalm level 1–2 for PHP, Sorbet `# typed: strict` for Ruby, Dialyzer (dialyxir) for Elixir; run it in CI.',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Production source files by language (generated and minified files left out). Terraform, in an infrastructure repository: input variables with a `type` (pass when nearly all are typed). An Ansible role or collection whose roles declare argument specs (meta/argument_specs.yml, `type:` per option): typed role arguments Ansible validates at run time (partial, by the share of roles with specs); its task files are weighed as its code. Go, Java, Kotlin, Scala, C#, F#, Rust, Swift, C/C++, Haskell, OCaml, ReScript, Reason, Elm, PureScript and Gleam are statically typed; JavaScript that such a server serves as it is (every .js file under public/, static/, assets/, wwwroot/, www/ or webroot/, no package.json above it) is browser assets, set aside and named. TypeScript: each file by the tsconfig of the nearest folder above it, following `extends` (`strict: true`; `strict`/`noImplicitAny`/`strictNullChecks: false` turns it off; partial without), weighted by files — a strict client in a monorepo does not make its server strict. JavaScript: `checkJs` (partial). Python: mypy/pyright configuration, or ty’s (`ty.toml`, `[tool.ty]`) or Pyrefly’s (`pyrefly.toml`, `[tool.pyrefly]`) (neither has a strict mode) (pass when strict, partial otherwise) or `py.typed` (partial). Ruby: Sorbet sigils or RBS/Steep (partial). Elixir: Dialyzer through dialyxir (or a .dialyzer_ignore.exs) (partial). PHP: PHPStan level ≥ 8 or Psalm errorLevel ≤ 2 (partial below). The score is the average over languages weighted by file count.',
    patterns: {
      tsStrict: {
        regex: /"strict"\s*:\s*true|"extends"\s*:\s*"@tsconfig\/strictest/,
        files: TS_CONFIGS,
        literals: ['strict'],
      },
      tsConfig: { regex: /"compilerOptions"/, files: TS_CONFIGS, literals: ['compilerOptions'], maxPerFile: 1 },
      checkJs: { regex: /"checkJs"\s*:\s*true/, files: TS_CONFIGS, literals: ['checkJs'] },
      // The section that configures the checker: `{` opens pyrightconfig.json only (in
      // pyproject.toml it is an inline table of [tool.poetry] or the maintainers list).
      pyChecker: {
        // Pyrefly (Meta's checker) too: `[tool.pyrefly]`; like ty it has no single strict switch.
        regex:
          /^[ \t]*\[(?:tool\.)?(?:mypy|pyright|basedpyright)\]|^[ \t]*\[mypy-|^[ \t]*\[tool\.(?:ty|pyrefly)(?:\.[\w-]+)*\]/m,
        files: PY_CONFIGS,
        literals: ['mypy', 'pyright', 'tool.ty', 'tool.pyrefly'],
        maxPerFile: 1,
      },
      pyrightJson: { regex: /^[ \t]*\{/m, files: ['**/pyrightconfig.json'], literals: ['{'], maxPerFile: 1 },
      tyToml: { regex: /^[ \t]*\[[\w.-]+\]/m, files: TY_CONFIGS, literals: ['['], maxPerFile: 1 },
      // pyrefly.toml: top-level keys (`project-includes = ["src"]`), sections optional.
      pyreflyToml: {
        regex: /^[ \t]*(?:\[[\w.-]+\]|[\w-]+[ \t]*=)/m,
        files: ['**/pyrefly.toml'],
        literals: ['[', '='],
        maxPerFile: 1,
      },
      pyStrict: {
        regex:
          /^[ \t]*strict\s*=\s*(?:true|True|1)\b|^[ \t]*disallow_untyped_defs\s*=\s*(?:true|True)|typeCheckingMode["']?\s*[=:]\s*["']strict/m,
        files: PY_CONFIGS,
        literals: ['strict', 'disallow_untyped_defs'],
      },
      // `ignore_errors = true` in a per-module override (`[[tool.mypy.overrides]]`, `[mypy-app.*]`):
      // mypy checks those modules and reports nothing.
      pyIgnoreErrors: {
        regex: /^[ \t]*ignore_errors\s*=\s*(?:true|True|1)\b/m,
        files: PY_CONFIGS,
        literals: ['ignore_errors'],
        maxPerFile: 1,
      },
      // Pyright switched off (`typeCheckingMode = "off"`): a `[tool.pyright]` section that disables
      // the checker configures nothing to check.
      pyOff: {
        regex: /typeCheckingMode["']?\s*[=:]\s*["']off["']/,
        files: PY_CONFIGS,
        literals: ['typeCheckingMode'],
      },
      // Section headers of the same files: `strict = true` counts only under a checker's section
      // (`[tool.pytest.ini_options] strict = true` is pytest's strict markers, not types).
      pySection: {
        // The name after `[` only (`[tool.pytest.ini_options]` → pytest.ini_options): a header is at
        // the start of its line, and nothing after the name needs matching (linear by construction).
        regex: /^\[(\w[\w.-]{0,60})/m,
        files: PY_CONFIGS,
        literals: ['['],
        maxPerFile: 200,
      },
      sorbet: {
        regex: /^#\s*typed:\s*(strict|strong|true)\b/m,
        files: ['**/*.rb'],
        literals: ['typed:'],
        maxPerFile: 1,
        // The sigil is a comment by design.
        comments: true,
      },
      phpLevel: {
        regex: /^[ \t]*level:\s*(\w+)|errorLevel="(\d)"/m,
        files: PHP_CONFIGS,
        literals: ['level'],
        maxPerFile: 1,
      },
    },
  },
  // A Terraform module's product is its HCL, typed through its input variables: judged as the check
  // below says, not N/A for "no product source code" (blind round 47, an ElastiCache module).
  appliesTo: ({ facts, files }) =>
    productCode(facts).length > 0 ||
    (facts.profile.id === 'infrastructure' && terraform(files).variables.some((v) => isProductionPath(v.path)))
      ? true
      : { reason: jsonnetReason(facts, files) ?? noProductCode(facts) },
  check(ctx) {
    const byLang = new Map<string, string[]>();
    // Generated and minified files (a bundle published into public/) are not code anyone types.
    // Nor is a load-test script (k6, Locust) found by what it imports: it drives the service from outside.
    const generated = new Set([...ctx.facts.generated, ...(ctx.facts.loadScripts ?? [])]);
    for (const p of ctx.facts.sourceFiles) {
      if (!isProductionPath(p) || TOOLING.test(p) || generated.has(p)) continue;
      const lang = languageOf(p);
      if (!lang) continue;
      const list = byLang.get(lang);
      if (list) list.push(p);
      else byLang.set(lang, [p]);
    }
    // A language with a sliver of the code (build scripts beside a Go service) does not decide the verdict.
    // In an infrastructure repository (a Terraform module) the HCL is the product, typed through
    // its input variables (`type`, `validation`); beside an application it is deployment config.
    const tf = terraform(ctx.files);
    const tfFiles = tf.files.filter(isProductionPath);
    if (ctx.facts.profile.id === 'infrastructure' && tf.variables.some((v) => isProductionPath(v.path)))
      byLang.set('Terraform', tfFiles);
    // An Ansible role or collection: its typed interface is the role arguments each role declares in
    // meta/argument_specs.yml (`type:` per option), which Ansible validates before the role runs —
    // a stray doc-generator script beside it does not make the role untyped (blind round 37).
    // Graded only where some role declares them: a role without specs stays judged as before.
    const ansible = ctx.facts.profile.id === 'infrastructure' ? ansibleContent(ctx.files) : undefined;
    const specs = ansible ? roleArgumentSpecs(ctx.files, ansible.roles) : [];
    if (ansible && specs.some((s) => s.typed > 0) && ansible.files.length)
      byLang.set('Ansible', ansible.files.filter(isProductionPath));
    const graded = [...byLang.values()].reduce((s, l) => s + l.length, 0);
    const minor = [...byLang].filter(([, l]) => l.length < graded * 0.05).map(([lang]) => lang);
    for (const lang of minor) byLang.delete(lang);
    // A language whose every file sits in a helper-script folder (scripts/, tools/, hack/…) beside
    // a product written in another language is tooling (plotting scripts beside a Rust CLI): the
    // product's languages are judged, the helpers set apart.
    const main = [...byLang].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
    const helpers = [...byLang]
      .filter(([lang, l]) => lang !== main && l.every((p) => HELPER_DIR.test(p)))
      .map(([lang]) => lang);
    const helperPaths = helpers.flatMap((lang) => byLang.get(lang) ?? []);
    for (const lang of helpers) byLang.delete(lang);
    // Browser scripts a server of another language serves as they are (public/static/*.js beside a
    // Rust or Go service, no package.json above them to build or check them) are static assets, not
    // the product's language: a sliver of hand-written page JavaScript does not make the service
    // untyped (blind round 40: 262 lines of public/static/*.js next to ~4,700 lines of Rust).
    // Only beside a compiled, statically typed server: page scripts of a PHP or Python web app are
    // written with its views and stay judged.
    const served =
      main && STATIC.has(main)
        ? (byLang.get('JavaScript') ?? []).filter((p) => SERVED_DIR.test(p) && !packageAbove(ctx.files, p))
        : [];
    if (served.length && served.length === byLang.get('JavaScript')?.length) byLang.delete('JavaScript');
    else served.length = 0;
    const verdicts = new Map<string, Verdict>();
    const m = (k: string) => ctx.matches(k).filter((x) => isProductionPath(x.path));
    const first = (list: Match[], note: string) => list.slice(0, 3).map((x) => fromMatch(x, note));
    for (const [lang, paths] of byLang) {
      // Cited at a source file of the product, not a dotfile or a tool's configuration written in the
      // language (`.php-cs-fixer.php` was cited as where the PHP sources are: round 21, roadmap).
      const sample: Evidence = { path: sourceSample(paths), note: `${paths.length} ${lang} file(s)` };
      if (STATIC.has(lang)) verdicts.set(lang, { score: 1, note: 'statically typed', evidence: [sample] });
      else if (lang === 'TypeScript') {
        // Each file by the tsconfig that compiles it: a strict client does not make a lax server strict.
        const ts = tsStrictness(ctx.files, paths);
        const share = ts.strictFiles / paths.length;
        if (share === 1)
          verdicts.set(lang, {
            score: 1,
            // Strict only through the tsconfig a framework generates: say it is that framework's default.
            note: ts.strict.every((v) => v.why.includes('(Nuxt default')) ? 'strict, the Nuxt default' : 'strict',
            evidence: ts.strict.slice(0, 3).map(configEvidence),
          });
        else if (share > 0)
          verdicts.set(lang, {
            score: share + (1 - share) * 0.6,
            note: `strict in ${listing(ts.strict.slice(0, 3).map((v) => v.path))}${ts.lax.length ? `, not in ${listing(ts.lax.slice(0, 3).map((v) => `${v.path} (${v.why})`))}` : ''}${ts.uncovered.length ? `${ts.lax.length ? ';' : ','} ${ts.uncovered.length} file${ts.uncovered.length === 1 ? '' : 's'} under no tsconfig (${listing(ts.uncovered.slice(0, 2))}${ts.uncovered.length > 2 ? ', …' : ''})` : ''}`,
            evidence: [
              ...[...ts.lax.slice(0, 2), ...ts.strict.slice(0, 2)].map(configEvidence),
              ...ts.uncovered.slice(0, 1).map((p) => ({
                path: p,
                note: `under no tsconfig: ${ts.uncovered.length} such file(s), not type checked in strict mode`,
              })),
            ],
          });
        else
          verdicts.set(lang, {
            score: 0.6,
            note: ts.lax.length && ts.lax.every((v) => v.unknown) ? ts.lax[0]!.why : 'not strict',
            evidence: [
              ...(ts.lax.length
                ? ts.lax.slice(0, 3).map(configEvidence)
                : first(m('tsConfig'), 'tsconfig without "strict": true')),
              sample,
            ],
          });
      } else if (lang === 'Terraform') {
        const t = terraformTyping(tf);
        const share = t.variables === 0 ? 1 : t.typed / t.variables;
        verdicts.set(lang, {
          score: share >= 0.9 ? 1 : share > 0 ? 0.6 : 0,
          note: t.variables === 0 ? 'no input variables' : `${t.typed} of ${t.variables} input variables typed`,
          evidence: [
            {
              path: tfFiles.find((p) => /(^|\/)variables\.tf$/.test(p)) ?? tfFiles[0]!,
              note: `Terraform: ${t.typed} of ${t.variables} input variables declare a type`,
            },
            ...t.untyped,
          ],
        });
      } else if (lang === 'Ansible') {
        const typed = specs.filter((s) => s.typed > 0);
        const roles = ansible?.roles.length ?? typed.length;
        const share = Math.min(1, typed.length / Math.max(1, roles));
        const options = typed.reduce((n, s) => n + s.typed, 0);
        verdicts.set(lang, {
          // Checked when the role runs (ansible.builtin.validate_argument_spec), not statically: partial.
          score: 0.6 * share,
          note: `typed role arguments: ${options} option type(s) in ${typed.length} of ${roles} role(s)' argument specs, validated by Ansible when the role runs`,
          evidence: typed
            .slice(0, 3)
            .map((s) => ({ path: s.path, line: s.line, note: `role argument spec: ${s.typed} typed option(s)` })),
        });
      } else if (lang === 'JavaScript') {
        const checked = m('checkJs');
        verdicts.set(
          lang,
          checked.length
            ? { score: 0.6, note: 'checkJs', evidence: first(checked, 'JavaScript type-checked with checkJs') }
            : { score: 0, note: 'untyped', evidence: [sample] },
        );
      } else if (lang === 'Python') {
        const off = checkerStrictness(m('pyOff'), m('pySection'));
        // A pyright section (or pyrightconfig.json) in a file that turns pyright off is not a checker.
        const offFiles = new Set(off.map((o) => o.path));
        const checker = [...m('pyChecker'), ...m('pyrightJson'), ...m('tyToml'), ...m('pyreflyToml')].filter(
          (c) => !(offFiles.has(c.path) && (c.path.endsWith('pyrightconfig.json') || /pyright/.test(c.snippet))),
        );
        const offEvidence = off
          .slice(0, 1)
          .map((o) => fromMatch(o, 'pyright typeCheckingMode "off": type checking disabled'));
        const strict = checkerStrictness(m('pyStrict'), m('pySection'));
        const marker = ctx.files.named('py.typed').filter(isProductionPath);
        // Strictness given on the command line CI runs (`mypy --strict hc`) counts as much as a config key.
        const cli = strictTypecheckRuns(ctx.facts.commands, 'Python').map((r) => runEvidence(r, 'runs mypy --strict'));
        // A checker CI runs with no config file of its own (a pre-commit mypy hook) checks with its
        // defaults: a type checker, not strict.
        const ciRuns = checker.length
          ? []
          : pythonTypecheckRuns(ctx.facts.commands).map((r) => runEvidence(r, `runs ${r.argv[0]!.split('/').pop()}`));
        // ty has no strict switch: failing on its warnings (`ty check --error-on-warning`, or
        // `error-on-warning = true` in its terminal settings) with every function annotated (Ruff's
        // ANN rules selected, as `ALL` or `ANN`) checks what mypy --strict does (blind round 48).
        const ty = tyStrictness(ctx.files, ctx.facts.commands);
        const viaTy = !!(ty.errorOnWarning && ty.annotations && !strict.length && !cli.length);
        if (viaTy && ty.errorOnWarning && ty.annotations)
          cli.push(
            { ...ty.errorOnWarning, note: `${ty.errorOnWarning.note}: every ty diagnostic fails the check` },
            { ...ty.annotations, note: 'Ruff requires annotations (flake8-annotations ANN rules selected)' },
          );
        const ignored =
          strict.length || cli.length ? ignoredShare(ctx, m('pyIgnoreErrors'), byLang.get(lang)!) : undefined;
        if ((strict.length || cli.length) && ignored)
          // Strict on paper, but an override silences mypy for most of the app (blind round 20,
          // bookwyrm: `strict = true` and `module = "bookwyrm.*"` `ignore_errors = true`).
          verdicts.set(lang, {
            score: 1 - ignored.share + 0.3 * ignored.share,
            note: `strict, but mypy ignores the errors of ${listing(ignored.modules.slice(0, 3))} (${ignored.files} of ${byLang.get(lang)!.length} files)${ignored.reenabled.length ? `, reported again only for ${ignored.reenabled.length > 4 ? `${ignored.reenabled.slice(0, 4).join(', ')} and ${ignored.reenabled.length - 4} more` : listing(ignored.reenabled)}` : ''}`,
            evidence: [
              ...first(strict, 'strict Python type checking'),
              ...cli.slice(0, 1),
              {
                path: ignored.path,
                line: ignored.line,
                note: `ignore_errors = true for ${listing(ignored.modules.slice(0, 3))}`,
              },
            ],
          });
        else if (strict.length || cli.length)
          verdicts.set(lang, {
            score: 1,
            note: viaTy
              ? 'strict type checking: ty fails on its warnings and Ruff requires annotations'
              : 'strict type checking',
            evidence: [...first(strict, 'strict Python type checking'), ...cli.slice(0, viaTy ? 2 : 1)],
          });
        else if (checker.length || marker.length || ciRuns.length)
          verdicts.set(lang, {
            score: 0.6,
            // A py.typed marker with no checker configured says hints ship, not that anything checks
            // them: "not strict" would name a checker that is not there (blind round 25, sqlparse).
            note: ty.errorOnWarning
              ? 'ty fails on its warnings, but nothing requires annotations (no Ruff ANN rules): unannotated functions go unchecked'
              : checker.length
                ? 'type checker not strict'
                : ciRuns.length
                  ? 'type checker run in CI with its defaults, not strict'
                  : off.length
                    ? 'py.typed marker only; pyright turned off'
                    : 'py.typed marker only; no type checker (mypy, pyright) configured',
            evidence: [
              ...(ty.errorOnWarning ? [ty.errorOnWarning] : []),
              ...first(checker, 'type checker configured, not strict'),
              ...ciRuns.slice(0, 1),
              ...marker.slice(0, 1).map((p) => ({ path: p, note: 'py.typed marker: the package ships type hints' })),
              ...offEvidence,
            ],
          });
        else
          verdicts.set(lang, {
            score: 0,
            note: off.length ? 'type checker turned off' : 'no type checker',
            evidence: [...offEvidence, sample],
          });
      } else if (lang === 'Ruby') {
        const typed = [
          ...m('sorbet').map((x) => fromMatch(x, 'Sorbet sigil')),
          ...ctx.files
            .match(['**/sig/**/*.rbs', '**/Steepfile', '**/sorbet/config'])
            .slice(0, 2)
            .map((p) => ({ path: p, note: 'Ruby type signatures' })),
        ];
        verdicts.set(
          lang,
          typed.length
            ? { score: 0.6, note: 'gradual typing', evidence: typed.slice(0, 3) }
            : { score: 0, note: 'untyped', evidence: [sample] },
        );
      } else if (lang === 'Elixir') {
        // Dynamically typed; Dialyzer (through dialyxir) checks the typespecs, a gradual check like
        // Sorbet's. Typespecs alone are documentation nothing verifies.
        const dialyzer = ctx.facts.findDependencies(['dialyxir', 'gradient'], {
          includeDev: true,
          includeUnused: true,
        });
        const ignore = ctx.files.match(['.dialyzer_ignore.exs', '**/.dialyzer_ignore.exs']).slice(0, 1);
        verdicts.set(
          lang,
          dialyzer.length || ignore.length
            ? {
                score: 0.6,
                note: 'gradual typing (Dialyzer)',
                evidence: [
                  ...dialyzer.slice(0, 1).map((d) => ({
                    path: d.path,
                    ...(d.line ? { line: d.line } : {}),
                    note: `${d.name}: Dialyzer checks the typespecs`,
                  })),
                  ...ignore.map((p) => ({ path: p, note: 'Dialyzer ignore file' })),
                ],
              }
            : { score: 0, note: 'untyped (no Dialyzer)', evidence: [sample] },
        );
      } else if (lang === 'PHP') {
        const lv = m('phpLevel')[0];
        const level = lv
          ? lv.groups[0] === 'max'
            ? 9
            : lv.groups[0]
              ? Number(lv.groups[0])
              : 10 - Number(lv.groups[1])
          : NaN;
        if (lv)
          verdicts.set(lang, {
            score: level >= 8 ? 1 : 0.6,
            note: `static analysis level ${lv.groups[0] ?? `errorLevel ${lv.groups[1]}`}`,
            evidence: [fromMatch(lv, 'PHP static analysis level')],
          });
        else verdicts.set(lang, { score: 0, note: 'no static analysis', evidence: [sample] });
      }
    }
    if (verdicts.size === 0) {
      return pass(
        'No dynamically typed production code to check (no source files in a language this rule grades).',
        [{ path: '.', note: `${ctx.facts.sourceFiles.length} source files` }],
        { languages: {} },
      );
    }
    let total = 0;
    let got = 0;
    for (const [lang, v] of verdicts) {
      const n = byLang.get(lang)!.length;
      total += n;
      got += n * v.score;
    }
    const evidence = [...verdicts.values()].flatMap((v) => v.evidence);
    const data = {
      ignored: minor,
      helperScripts: helpers,
      servedAssets: served.length,
      languages: Object.fromEntries(
        [...verdicts].map(([l, v]) => [l, { files: byLang.get(l)!.length, score: v.score, status: v.note }]),
      ),
    };
    const weak = [...verdicts].filter(([, v]) => v.score < 1).map(([l, v]) => `${l} (${v.note})`);
    const strong = [...verdicts].filter(([, v]) => v.score >= 1).map(([l, v]) => `${l} (${v.note})`);
    const apart = `${
      helpers.length
        ? ` ${listing(helpers)} helper scripts (${listing([...new Set(helperPaths.map((p) => `${p.split('/')[0]}/`))])}) are tooling, not judged.`
        : ''
    }${
      served.length
        ? ` ${served.length} JavaScript file(s) served as static assets (${listing([...new Set(served.map((p) => p.slice(0, p.lastIndexOf('/') + 1)))].slice(0, 3))}) are browser scripts, not judged.`
        : ''
    }`;
    if (weak.length === 0) return pass(`Type checked: ${listing(strong)}.${apart}`, evidence, data);
    const message = `${strong.length ? `Type checked: ${listing(strong)}; ` : ''}weak: ${listing(weak)}.${apart}`;
    const score = got / total;
    return score <= 0
      ? fail(
          `No static type checking: ${listing(weak)}.`,
          [
            ...evidence,
            { path: '.', note: `no tsconfig strict, mypy/pyright, Sorbet or PHPStan/Psalm configuration found` },
          ],
          data,
        )
      : partial(score, message, evidence, data);
  },
});

interface ArgumentSpec {
  path: string;
  line: number;
  /** `type:` keys in the spec (one per typed option). */
  typed: number;
}

/**
 * The argument specs of Ansible roles: `<role>/meta/argument_specs.yml` (or `.yaml`), or an
 * `argument_specs:` key in the role's meta/main.yml. Each `type:` key under it is a typed option.
 * One linear pass over each file.
 */
export function roleArgumentSpecs(files: FileView, roles: readonly string[]): ArgumentSpec[] {
  const out: ArgumentSpec[] = [];
  for (const role of roles.slice(0, 200)) {
    const base = role === '.' || role === '' ? '' : `${role}/`;
    for (const name of ['meta/argument_specs.yml', 'meta/argument_specs.yaml', 'meta/main.yml', 'meta/main.yaml']) {
      const path = `${base}${name}`;
      const text = files.read(path);
      if (!text) continue;
      const head = /^argument_specs[ \t]*:/m.exec(text);
      if (!head) continue;
      let typed = 0;
      // `type: str`, `type: "path"`: a key with a value, under the argument_specs block.
      for (const l of text.slice(head.index).split('\n')) if (/^[ \t]+type[ \t]*:[ \t]*["']?\w/.test(l)) typed++;
      out.push({ path, line: lineAt(text, head.index), typed });
      break;
    }
  }
  return out;
}

/** A checker's section: `[mypy]`, `[mypy-pkg.*]`, `[tool.mypy]`, `[tool.pyright]`, `[tool.basedpyright]`. */
const CHECKER_SECTION = /^(?:tool\.)?(?:mypy|pyright|basedpyright)(?:[.-]|$)/;

/**
 * Strictness keys that configure a type checker: in pyrightconfig.json (no sections), or below a
 * checker's section header — the nearest header above the key in the same file decides.
 */
function checkerStrictness(strict: readonly Match[], sections: readonly Match[]): Match[] {
  return strict.filter((k) => {
    if (k.path.endsWith('pyrightconfig.json')) return true;
    let header: Match | undefined;
    for (const h of sections) if (h.path === k.path && h.line < k.line) header = h;
    return header !== undefined && CHECKER_SECTION.test((header.groups[0] ?? '').trim());
  });
}

interface ModuleOverride {
  modules: string[];
  ignore: boolean;
  line: number;
}

/**
 * mypy's per-module sections of one config file: `[[tool.mypy.overrides]]` tables (`module` a
 * string or an array, before or after the keys) and `[mypy-a.*,b]` sections, with their
 * `ignore_errors` value (the line cited is the `ignore_errors` key's).
 */
function mypyOverrides(text: string): ModuleOverride[] {
  const out: ModuleOverride[] = [];
  let cur: { modules: string[]; ignore?: boolean; line: number } | undefined;
  const close = () => {
    if (cur && cur.ignore !== undefined && cur.modules.length)
      out.push({ modules: cur.modules, ignore: cur.ignore, line: cur.line });
    cur = undefined;
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*\[/.test(l)) {
      close();
      const ini = /^\s*\[mypy-([^\]]+)\]/.exec(l);
      if (/^\s*\[\[tool\.mypy\.overrides\]\]/.test(l)) cur = { modules: [], line: i + 1 };
      else if (ini) cur = { modules: ini[1]!.split(',').map((x) => x.trim()), line: i + 1 };
      continue;
    }
    if (!cur) continue;
    const ig = /^\s*ignore_errors\s*=\s*(\w+)/.exec(l);
    if (ig) {
      cur.ignore = /^(?:true|1)$/i.test(ig[1]!);
      cur.line = i + 1;
    }
    const mod = /^\s*module\s*=\s*(.*)$/.exec(l);
    if (mod) {
      let v = mod[1]!;
      // A multi-line array runs to its closing bracket (at most 200 lines).
      for (let j = i + 1; v.trimStart().startsWith('[') && !v.includes(']') && j < lines.length && j < i + 200; j++)
        v += ` ${lines[((i = j))]!}`;
      cur.modules.push(...[...v.matchAll(/["']([\w.*-]+)["']/g)].map((q) => q[1]!));
    }
  }
  close();
  return out;
}

/** Whether a mypy module pattern (`app`, `app.*` — the package and all below it, `app.*.views`) names a module. */
function moduleMatches(pattern: string, module: string): boolean {
  const deep = pattern.endsWith('.*');
  const want = (deep ? pattern.slice(0, -2) : pattern).split('.');
  const got = module.split('.');
  if (got.length < want.length || (!deep && got.length !== want.length)) return false;
  return want.every((w, i) => w === '*' || w === got[i]);
}

/**
 * The share of the Python files mypy is told to ignore the errors of: each file by the most specific
 * override that names its module (a longer pattern wins, as in mypy). Undefined below 5% of the files.
 */
function ignoredShare(
  ctx: { files: { read(path: string): string | undefined } },
  found: readonly Match[],
  pyFiles: readonly string[],
): { share: number; files: number; modules: string[]; reenabled: string[]; path: string; line: number } | undefined {
  const file = found[0]?.path;
  if (!file || pyFiles.length === 0) return undefined;
  const overrides = mypyOverrides(ctx.files.read(file) ?? '');
  const on = overrides.filter((o) => o.ignore);
  if (!on.length) return undefined;
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  // Files × patterns: a config listing thousands of modules is read for its first 500 patterns.
  const patterns = overrides.flatMap((o) => o.modules.map((pat) => ({ pat, ignore: o.ignore }))).slice(0, 500);
  let ignored = 0;
  for (const p of pyFiles) {
    if (!p.startsWith(base)) continue;
    const module = p
      .slice(base.length)
      .replace(/^src\//, '')
      .replace(/(?:\/__init__)?\.pyi?$/, '')
      .replace(/\//g, '.');
    let best: { len: number; ignore: boolean } | undefined;
    for (const { pat, ignore } of patterns)
      if (moduleMatches(pat, module) && (!best || pat.length > best.len)) best = { len: pat.length, ignore };
    if (best?.ignore) ignored++;
  }
  if (ignored < pyFiles.length * 0.05) return undefined;
  return {
    share: ignored / pyFiles.length,
    files: ignored,
    modules: on.flatMap((o) => o.modules),
    reenabled: overrides.filter((o) => !o.ignore).flatMap((o) => o.modules),
    path: file,
    line: on[0]!.line,
  };
}

/** A file that shows the language's sources: under a source folder, never a dotfile or a config file. */
function sourceSample(paths: string[]): string {
  const plain = paths.filter(
    (p) => !/(?:^|\/)\.[^/]+$/.test(p) && !/(?:^|\/)[^/]*(?:config|rc)\.[^/]+$/i.test(p) && !/(?:^|\/)config\//.test(p),
  );
  if (plain.includes(paths[0]!)) return paths[0]!;
  return plain.find((p) => /(?:^|\/)(?:src|app|lib|internal|pkg|cmd)\//.test(p)) ?? plain[0] ?? paths[0]!;
}

/** A package.json in the file's folder or one above it: the scripts are built or checked as a package. */
function packageAbove(files: FileView, path: string): boolean {
  const parts = path.split('/').slice(0, -1);
  for (let i = parts.length; i >= 0; i--)
    if (files.exists(`${parts.slice(0, i).join('/')}${i ? '/' : ''}package.json`)) return true;
  return false;
}

/**
 * How strictly ty runs: failing on warnings (a CI run of `ty check --error-on-warning`, or
 * `error-on-warning = true` under ty's terminal settings: `[tool.ty.terminal]`, `terminal.error-on-warning`
 * in `[tool.ty]`, `[terminal]` of ty.toml) and annotations required by Ruff's flake8-annotations
 * rules (`select`/`extend-select`/`lint.select` naming `ALL`, `ANN` or an ANN code, ANN not ignored
 * as a whole). Configuration files are read line by line, at most 2,000 lines each.
 */
function tyStrictness(files: FileView, graph: CommandGraph): { errorOnWarning?: Evidence; annotations?: Evidence } {
  const out: { errorOnWarning?: Evidence; annotations?: Evidence } = {};
  const run = runsOf(graph, 'typecheck').find(
    (r) => r.argv[0]!.slice(r.argv[0]!.lastIndexOf('/') + 1) === 'ty' && r.argv.includes('--error-on-warning'),
  );
  if (run) out.errorOnWarning = runEvidence(run, 'runs ty check --error-on-warning');
  for (const path of files
    .match([
      'pyproject.toml',
      'ruff.toml',
      '.ruff.toml',
      'ty.toml',
      '.ty.toml',
      '**/pyproject.toml',
      '**/ruff.toml',
      '**/.ruff.toml',
      '**/ty.toml',
    ])
    .slice(0, 50)) {
    const text = files.read(path);
    if (!text) continue;
    const base = path.slice(path.lastIndexOf('/') + 1);
    const lines = text.split(/\r?\n/, 2000);
    let table = '';
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!.replace(/#.*$/, '');
      const header = /^\s*\[+\s*([\w.-]+)\s*\]/.exec(l);
      if (header) {
        table = header[1]!;
        continue;
      }
      const tyTable = /ty\.toml$/.test(base) ? `ty.${table}` : table.replace(/^tool\./, '');
      if (
        !out.errorOnWarning &&
        /^\s*(?:terminal\.)?error-on-warning\s*=\s*true\b/.test(l) &&
        (tyTable === 'ty.terminal' || (tyTable === 'ty' && /terminal\./.test(l)))
      )
        out.errorOnWarning = {
          path,
          line: i + 1,
          snippet: l.trim().slice(0, 120),
          note: 'ty fails on warnings (error-on-warning)',
        };
      const ruffTable = /ruff\.toml$/.test(base) ? `ruff${table ? `.${table}` : ''}` : table.replace(/^tool\./, '');
      if (out.annotations || !/^ruff(?:\.lint)?$/.test(ruffTable)) continue;
      const key = /^\s*((?:lint\.)?(?:extend-)?select)\s*=\s*\[/.exec(l);
      if (!key || (ruffTable === 'ruff.lint' && key[1]!.startsWith('lint.'))) continue;
      let list = l.slice(l.indexOf('['));
      for (let j = i + 1; !list.includes(']') && j < lines.length && j < i + 80; j++)
        list += lines[j]!.replace(/#.*$/, '');
      const entries = (list.match(/["'][^"'\n]{0,40}["']/g) ?? []).map((e) => e.slice(1, -1));
      if (entries.some((e) => e === 'ALL' || /^ANN\d{0,3}$/.test(e)) && !ruffIgnoresAnnotations(text))
        out.annotations = { path, line: i + 1, snippet: l.trim().slice(0, 120) };
    }
  }
  return out;
}

/** Ruff's `ignore` (or `lint.ignore`) naming the whole ANN family: annotations are then not required. */
function ruffIgnoresAnnotations(text: string): boolean {
  const at = text.search(/^\s*(?:lint\.)?(?:extend-)?ignore\s*=\s*\[/m);
  if (at < 0) return false;
  const end = text.indexOf(']', at);
  const list = text.slice(at, end < 0 ? at + 4000 : Math.min(end, at + 4000)).replace(/#.*$/gm, '');
  return /["']ANN["']/.test(list);
}

/**
 * Why type safety is not judged on a Jsonnet product (no program source, its .libsonnet libraries
 * the product): Jsonnet is dynamically typed and has no type checker to configure, so there is no
 * setting whose absence could fail it (blind round 50: said as "no product source code").
 */
function jsonnetReason(
  facts: Parameters<typeof jsonnetSource>[0],
  files: Parameters<typeof jsonnetSource>[1],
): string | undefined {
  const own = jsonnetSource(facts, files);
  if (own.length === 0) return undefined;
  return `the product's source is Jsonnet (${own.length} .jsonnet/.libsonnet file${own.length === 1 ? '' : 's'}, e.g. ${own.find((p) => p.endsWith('.libsonnet')) ?? own[0]}), a dynamically typed configuration language with no static type checker to configure`;
}
