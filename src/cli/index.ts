/**
 * The command-line program. Exit codes: 0 success, 1 a gate failed, 2 usage/config/input or
 * internal error (one line on stderr; a stack trace only with --verbose).
 */
import { Command, CommanderError, Option } from 'commander';
import type { PillarDefinition } from '../types.js';
import { FORMATS } from '../render/formats.js';
import { UsageError, EXIT } from '../util/errors.js';
import { VERSION } from '../version.js';
import { oneLine, printable, printableJson } from '../util/printable.js';

export { processIo } from './process-io.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Columns of the terminal stdout is on (process.stdout.columns), when it is one. */
  columns?: number;
  /** How long an audit runs before progress appears (default 1000 ms; tests use 0). */
  progressDelayMs?: number;
}

/**
 * The rule catalogue, loaded when a command needs it: the launcher supplies the built-in pillars
 * (src/ never imports rules/), and `--version` or `--help` load none of it.
 */
export type Builtins = () => Promise<PillarDefinition[]>;

const collect = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
];
const repeat = (v: string, prev: string[] = []) => [...prev, v];
const orList = (items: readonly string[]) => `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export function useColor(io: Io, flag: boolean): boolean {
  if (!flag) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** The width to fit: the terminal's columns, else $COLUMNS, else 80. */
export function terminalWidth(io: Io): number {
  if (io.columns && io.columns > 0) return io.columns;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : 80;
}

/** Progress lines go to stderr on an interactive terminal only: never in CI logs, never with --quiet. */
export function showProgress(io: Io, quiet: boolean): boolean {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false' && io.env.CI !== '0';
  return io.isTTY && !ci && !quiet;
}

export async function main(argv: string[], rawIo: Io, builtins: Builtins): Promise<number> {
  // Everything written to stderr (errors, gate lines, timings, commander's messages) may quote a
  // config key, a path or a rule's text: no control character of theirs reaches a terminal or a
  // CI log. Only the progress line repaints itself, and it writes its own text through oneLine.
  const io: Io = { ...rawIo, stderr: (s) => rawIo.stderr(printable(s)) };
  const progressLine = (s: string) => rawIo.stderr(`\r\x1b[2K${oneLine(s)}`);
  let exitCode: number = EXIT.ok;
  let verbose = argv.includes('--verbose');
  const program = new Command();
  program
    .name('readiness')
    .description('Audit a repository for production readiness, pillar by pillar, with evidence for every verdict.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) });

  program
    .command('audit')
    .description('audit a repository and print its readiness report')
    .argument('[path]', 'repository to audit', '.')
    .addOption(new Option('-f, --format <format>', `${orList(FORMATS)} (default: terminal, or from --output)`))
    .option('-o, --output <file>', 'write the report to a file, atomically; the format follows its extension')
    .option('--template <file.hbs>', 'render with your own Handlebars template')
    .option('-c, --config <file>', 'configuration file (default: .readiness.yml in the audited root)')
    .option('--profile <profile>', 'service, library, cli, infrastructure or docs (default: detected)')
    .option('--min-score <n>', 'fail (exit 1) when the overall score is below n')
    .option('--min-pillar <id=n>', 'fail when a pillar scores below n (repeatable)', repeat)
    .option(
      '--fail-on <severity>',
      'fail when a rule of this severity or higher fails or errors: critical, high, medium, low',
    )
    .option('--baseline <report.json>', 'compare with an earlier JSON report: deltas per pillar and rule')
    .option('--fail-on-regression', 'fail when a pillar score drops or a passing rule fails since --baseline')
    .option('--write-baseline <file>', 'also save this report as JSON, atomically, to use as the next --baseline')
    .option(
      '--packages',
      'also audit each workspace package of a monorepo (npm/pnpm/yarn, Nx, Go, Cargo, Maven, Gradle, .NET, Python)',
    )
    .option(
      '--packages-fail-on <mode>',
      'with --packages: fail when any package (default) or all packages fail the gates',
    )
    .option('--only <ids>', 'only these pillars or rule ids (comma-separated, repeatable)', collect)
    .option('--skip <ids>', 'skip these pillars or rule ids (comma-separated, repeatable)', collect)
    .option('--allow-plugins', 'load plugins named by a config found inside the audited tree (runs their code)')
    .option('--no-plugins', 'load no plugins at all')
    .option(
      '--coverage <file>',
      'coverage report (lcov, Cobertura, JaCoCo, Istanbul summary, Go profile) for quality/coverage-gate (repeatable)',
      repeat,
    )
    .option('--junit <file>', 'JUnit XML test results for quality/coverage-gate (repeatable)', repeat)
    .option('--no-color', 'never colour the output')
    .option('-q, --quiet', 'print nothing but failed gates')
    .option('-v, --verbose', 'show every rule and all evidence; stack traces on internal errors')
    .option(
      '--timings',
      'print to stderr the time per phase (list, facts, scan, rules, report, render) and the ten slowest rules',
    )
    .action(async (path: string, opts: Record<string, unknown>) => {
      verbose = !!opts.verbose;
      const { auditCommand } = await import('./audit.js');
      const { exitCode: code } = await auditCommand(
        path,
        {
          ...(opts as object),
          color: useColor(io, opts.color !== false),
          width: terminalWidth(io),
          progress: showProgress(io, !!opts.quiet),
          progressDelayMs: io.progressDelayMs ?? 1000,
        } as Parameters<typeof auditCommand>[1],
        { ...io, progress: progressLine },
        await builtins(),
      );
      exitCode = code;
    });

  program
    .command('rules')
    .description('list the rules with pillar, severity, weight and description')
    .option('--pillar <id>', 'only this pillar')
    .option('-f, --format <format>', 'terminal or json', 'terminal')
    .action(async (opts: { pillar?: string; format: string }) => {
      const { renderRules, ruleRows } = await import('./rules.js');
      // Plugin rules' metadata is text like any other: nothing in it reaches the terminal raw.
      const text = renderRules(ruleRows(await builtins(), opts.pillar), opts.format);
      io.stdout(opts.format === 'json' ? printableJson(text) : printable(text));
    });

  program
    .command('explain')
    .description('why a rule matters, how it is detected and how to fix it')
    .argument('<rule>', 'rule id, e.g. security/no-committed-secrets')
    .action(async (id: string) => {
      const { explainRule } = await import('./rules.js');
      const pillars = await builtins();
      await (await import('../engine/lazy-options.js')).loadOptionSchemas(pillars);
      io.stdout(printable(explainRule(pillars, id)));
    });

  program
    .command('verify')
    .description("check a hand-written readiness document's claims against the repository")
    .argument('<document>', 'the readiness document (Markdown)')
    .argument('[path]', 'repository to audit', '.')
    .option('-f, --format <format>', 'terminal, json, md or sarif (default: terminal, or from --output)')
    .option('-o, --output <file>', 'write the result to a file, atomically')
    .option('-c, --config <file>', 'configuration file (default: discovered in the audited root)')
    .option('--profile <profile>', 'service, library, cli, infrastructure or docs (default: detected)')
    .option('--fail-on-contradiction', 'exit 1 when any claim is contradicted')
    .option('--no-color', 'never colour the output')
    .option('-v, --verbose', 'stack traces on internal errors')
    .action(async (doc: string, path: string, opts: Record<string, unknown>) => {
      const { verifyCommand } = await import('./verify.js');
      exitCode = await verifyCommand(
        doc,
        path,
        { ...(opts as object), color: useColor(io, opts.color !== false), width: terminalWidth(io) } as Parameters<
          typeof verifyCommand
        >[2],
        io,
        await builtins(),
      );
    });

  program
    .command('render')
    .description('re-render a saved JSON report (validated against the report schema) without auditing again')
    .argument('<report>', 'a report written by `readiness audit --format json`')
    .option('-f, --format <format>', `${orList(FORMATS)} (default: md, or from --output)`)
    .option('--template <file.hbs>', 'render with your own Handlebars template')
    .option('-o, --output <file>', 'write to a file, atomically; the format follows the extension')
    .option('--no-color', 'never colour the output')
    .option('-v, --verbose', 'terminal format: every rule and all evidence')
    .action(
      async (
        report: string,
        opts: { format?: string; template?: string; output?: string; color?: boolean; verbose?: boolean },
      ) => {
        const { renderCommand } = await import('./render.js');
        renderCommand(report, { ...opts, color: useColor(io, opts.color !== false), width: terminalWidth(io) }, io);
      },
    );

  program
    .command('diff')
    .description('pillar and rule deltas between two saved JSON reports')
    .argument('<old>', 'the earlier report')
    .argument('<new>', 'the later report')
    .option('-f, --format <format>', 'terminal, md or json', 'terminal')
    .option('--no-color', 'never colour the output')
    .action(async (oldPath: string, newPath: string, opts: { format?: string; color?: boolean }) => {
      const { diffCommand } = await import('./diff.js');
      diffCommand(
        oldPath,
        newPath,
        {
          ...(opts.format ? { format: opts.format } : {}),
          color: useColor(io, opts.color !== false),
          width: terminalWidth(io),
        },
        io,
      );
    });

  program
    .command('aggregate')
    .description('roll many JSON reports up by team, tier, pillar and rule, with levels and history')
    .argument('<reports...>', 'folders, files or globs of reports written by `readiness audit --format json`')
    .option('--inventory <file.yml>', 'repository → team, tier and tags (YAML)')
    .option('-c, --config <file>', 'a configuration whose `levels:` define the levels (e.g. bronze, silver, gold)')
    .option('--history <file.ndjson>', 'compare with the previous snapshot in this file, then append this one')
    .option('--snapshot <label>', "this snapshot's label (default: today's date)")
    .option('--stale-days <n>', 'flag reports whose audited commit is older than this (default 180)')
    .option('-f, --format <format>', 'terminal, json, md, html or csv (default: terminal, or from --output)')
    .option('-o, --output <file>', 'write to a file, atomically; the format follows the extension')
    .action(async (reports: string[], opts: Record<string, string | undefined>) => {
      const { aggregateCommand } = await import('./aggregate.js');
      aggregateCommand(reports, opts, { ...io, columns: terminalWidth(io) });
    });

  program
    .command('init')
    .description('write a commented starter .readiness.yml for the detected profile')
    .argument('[path]', 'repository root', '.')
    .option('--force', 'replace an existing configuration file')
    .action(async (path: string, opts: { force?: boolean }) => {
      const { initCommand } = await import('./init.js');
      await initCommand(path, opts, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the configuration, the report or the aggregate')
    .argument('<which>', 'config, report or aggregate')
    .action(async (which: string) => {
      const { schemaFor } = await import('./schema.js');
      io.stdout(schemaFor(which));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT.ok;
      return EXIT.usage; // commander already printed its one-line message
    }
    // One line each, whatever the message quotes: a config key holding `\n::error …` must not
    // become a second line (a GitHub Actions workflow command).
    if (err instanceof UsageError) {
      io.stderr(`readiness: ${oneLine(err.message)}\n`);
      return EXIT.usage;
    }
    io.stderr(`readiness: internal error: ${oneLine((err as Error)?.message ?? String(err))}\n`);
    if (verbose && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    // The hint only where the command takes the option (an unknown option would be the next error).
    else if (program.commands.find((c) => c.name() === argv[0])?.options.some((o) => o.long === '--verbose'))
      io.stderr('readiness: run again with --verbose for details\n');
    return EXIT.usage;
  }
  return exitCode;
}
