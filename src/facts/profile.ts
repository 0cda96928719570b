/**
 * The repository profile (service, library, cli, infrastructure, docs) with the signals that
 * decided it. Rules gate on it: a library is not failed for lacking health endpoints.
 */
import type { Match } from '../types.js';
import type { FileView } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { NOT_THE_PRODUCT, dirOf, isExampleFolder, isHarnessPath, isTestPath } from './paths.js';
import type { Dependency, Framework, Manifest, Profile, Workspace } from '../types.js';
import { workerConfigs } from './workers.js';
import {
  DOTNET_PROJECT,
  inNonProductDotnetProject,
  JVM_SERVER_IMPORTS,
  namesMatcher,
  nonProductDotnetProjectFile,
  nonProductWebHost,
  SCALA_FRAMEWORKS,
} from './frameworks.js';
import { isProductionPath } from './paths.js';
import { ciImagePush, dockerfiles, isToolImage, publishedServerImage } from './dockerfile.js';
import { ownCommand, consoleScripts, type EntryPoint } from './entry-points.js';
import { lineAt } from '../util/lines.js';
import { memo } from '../util/memo.js';
import { lowerBound } from '../util/bisect.js';
import { jvmDeployable } from './jvm-deployable.js';
import { ansibleContent } from './ansible.js';
import { mixEscript } from './manifests/mix.js';
import { swiftPackage } from './manifests/swift.js';
import { escapeRe } from '../util/regex.js';
import { servingSubcommand } from './subcommands.js';
import { iacApp } from './iac-app.js';
import { serverlessApp } from './serverless-app.js';

export const JVM_IMPORT_KEY = 'facts:jvm-web-import';

/** Code patterns the profile needs; scanned in the same single pass as the rules' patterns. */
export const PROFILE_PATTERNS: ScanPattern[] = [
  {
    key: 'facts:server',
    // A process that listens for requests: net/http, Node http, uvicorn/gunicorn entry points, Kestrel;
    // Kubernetes-style servers too: the k8s.io/apiserver library (`PrepareRun().Run…`, round 2:
    // metrics-server) and controller-runtime managers, which serve probes and metrics. Elixir: a
    // Phoenix endpoint module, a Cowboy or Bandit child in a supervision tree, a Cowboy listener.
    regex:
      /\b(?:PrepareRun\(\)\.Run|ctrl\.NewManager\(|manager\.New\(|http\.ListenAndServe(?:TLS)?|\.ListenAndServe\(|net\.Listen\(|http\.createServer\(|\.listen\(\s*(?:process\.env\.PORT|PORT|port|\d{2,5})|uvicorn\.run\(|web\.run_app\(|app\.run\(|WebApplication\.CreateBuilder|SpringApplication\.run|runApplication<\w|grpc\.NewServer\(|serve\(\s*app|embeddedServer\(\s*(?:Netty|CIO|Jetty|Tomcat)\b|Plug\.Cowboy\.https?\(|Bandit\.start_link\()|^[ \t]*use[ \t]+Phoenix\.Endpoint\b|\{[ \t]*(?:Plug\.Cowboy|Plug\.Adapters\.Cowboy|Bandit)[ \t]*,|:cowboy\.start_(?:clear|tls)\(/m,
    files: ['**/*.{go,js,ts,mjs,cjs,py,cs,java,kt,rb,rs,ex}'],
    literals: [
      'Listen',
      'listen',
      'createServer',
      'run',
      'Run',
      'CreateBuilder',
      'NewServer',
      'serve',
      'NewManager',
      'manager.New',
      'embeddedServer',
      'Phoenix.Endpoint',
      'Plug.Cowboy',
      'Plug.Adapters.Cowboy',
      'Bandit',
      'cowboy',
    ],
    maxPerFile: 1,
  },
  {
    key: JVM_IMPORT_KEY,
    // A JVM web framework imported by code (the table in frameworks.ts), for builds whose dependency
    // declarations do not resolve to coordinates (a catalogue the tool cannot read, a convention plugin).
    regex: new RegExp(
      `^import\\s+(?:static\\s+)?(?:${JVM_SERVER_IMPORTS.map((i) => i.prefix.replace(/\./g, '\\.')).join('|')})\\.`,
      'm',
    ),
    files: ['**/*.{kt,java,scala,groovy}'],
    literals: JVM_SERVER_IMPORTS.map((i) => i.prefix),
    maxPerFile: 1,
  },
];

const CLI_DEPS = [
  'commander',
  'yargs',
  'oclif',
  '@oclif/core',
  'cac',
  'meow',
  'clipanion',
  'citty',
  'click',
  'typer',
  'fire',
  'docopt',
  'github.com/spf13/cobra',
  'github.com/urfave/cli*',
  'github.com/alecthomas/kong',
  'clap',
  'structopt',
  'argh',
  'System.CommandLine',
  'Spectre.Console.Cli',
  'CommandLineParser',
  'thor',
  'info.picocli:picocli',
];

/**
 * Libraries that draw a full-screen terminal interface: a program built on one is an interactive
 * terminal tool. A socket it opens (fzf's `--listen` remote-control server, round 9) is a feature
 * reached from an option, not a network service.
 */
const TERMINAL_UI_DEPS = [
  'github.com/gdamore/tcell*',
  'github.com/charmbracelet/bubbletea*',
  'github.com/nsf/termbox-go',
  'github.com/rivo/tview',
  'github.com/jroimartin/gocui',
  'github.com/awesome-gocui/gocui',
  'ratatui',
  'tui',
  'cursive',
  'termion',
  'ink',
  'blessed',
  'textual',
  'urwid',
  'Terminal.Gui',
  'com.googlecode.lanterna:lanterna',
];

/** A bare socket or HTTP listener, as opposed to a framework or server runtime being started. */
const BARE_LISTENER = /\b(?:net\.Listen\(|http\.ListenAndServe(?:TLS)?|\.ListenAndServe\(|http\.createServer\()/;

const IAC_GLOBS = [
  '**/*.tf',
  '**/*.bicep',
  '**/Chart.yaml',
  '**/kustomization.yaml',
  '**/kustomization.yml',
  '**/Pulumi.yaml',
  '**/cdk.json',
  '**/serverless.yml',
  '**/template.yaml',
  '**/ansible.cfg',
  '**/playbook*.yml',
  '**/*.tfvars',
];

export interface ProfileInput {
  files: FileView;
  sourceFiles: string[];
  manifests: Manifest[];
  dependencies: Dependency[];
  frameworks: Framework[];
  serverMatches: Match[];
  /** Imports of a JVM web framework (PROFILE_PATTERNS); absent in tests that do not scan for them. */
  jvmImports?: Match[];
  /** Workspace packages (npm/pnpm/yarn, Nx…): each is looked at for an app as the root is. */
  workspaces?: Workspace[];
}

/** A server started in a comment, a test or an example does not make the repository a service. */
export function serverSites(serverMatches: Match[], files?: FileView): Match[] {
  const nonProductDotnet = files && serverMatches.length > 0 ? inNonProductDotnetProject(files) : () => false;
  return serverMatches.filter(
    (m) =>
      !NOT_THE_PRODUCT.test(m.path) &&
      !nonProductDotnet(m.path) &&
      // Test code starts servers to test against (blind round 22: Ocelot's acceptance tests'
      // `WebApplication.CreateBuilder()` made a NuGet library a service): the shared test-path answer.
      !isTestPath(m.path) &&
      !/[._]test\.|_spec\./.test(m.path) &&
      !/^(\*|\/\/|\/\*|#|--|<!--)/.test(m.snippet),
  );
}

/** A listener bound to a loopback address: reachable from the same machine only. */
const LOOPBACK = /["'`](?:[a-z]+:\/\/)?(?:127(?:\.\d{1,3}){3}|localhost|\[?::1\]?)(?::\d*)?["'`]/i;
/** A listener on port 0: the system picks a free port, which no client can know in advance. */
const EPHEMERAL_PORT = /["'`][\w.[\]:-]*:0["'`]|\.listen\(\s*0\s*[,)]/;
/** Maintainers' tooling: a server started here is a developer's helper, not the product. */
const TOOLING_SERVER_DIR = /(^|\/)(scripts?|hack|tools?|dev|devtools|\.github|\.ci)\//i;

/**
 * Why a server start does not make the repository a service, when it does not: a loopback or
 * port-0 socket is an in-process helper (blind round 23: a kube-context switcher's read-only proxy
 * on `127.0.0.1:0`), a server under scripts/, hack/, tools/ or dev/ is the maintainers' (a local
 * OAuth callback in a Terraform repository's scripts/), and a bare listener in a small program
 * beside infrastructure files that outnumber all the code is a helper of that infrastructure.
 */
function notAServiceStart(m: Match, helper: (m: Match) => string | undefined): string | undefined {
  if (EPHEMERAL_PORT.test(m.snippet)) return 'listens on port 0, a port the system picks';
  if (BARE_LISTENER.test(m.snippet) && LOOPBACK.test(m.snippet)) return 'listens on a loopback address only';
  const tooling = TOOLING_SERVER_DIR.exec(m.path);
  if (tooling) return `sits in maintainer tooling (${m.path.slice(0, tooling.index + tooling[0].length)})`;
  const side = sideProgram(m.path);
  if (side) return side;
  return helper(m);
}

/**
 * Contributed extras beside a project (`contrib/`): add-ons, test harnesses and demos others wrote
 * for it, not the product it ships.
 */
const CONTRIB_DIR = /(^|\/)contrib\//i;
/**
 * A program folder named for what it exercises rather than what it serves: a memory, soak or smoke
 * test harness (`memtest/`, `soak-test/`), a benchmark or a demo (`cache-bench/`, `grpc-demo/`); not a
 * `workbench/`, a word that only ends in one.
 */
const SIDE_PROGRAM_DIR =
  /(^|\/)(?:[\w-]*?(?:mem|memory|load|stress|perf|soak|smoke|fuzz|chaos|interop|conformance|integration)[-_]?tests?|(?:[\w-]*[-_])?(?:bench|benchmarks?|demos?))\//i;

/**
 * A listener in a program that demonstrates, measures or tests the product: under contrib/, or in an
 * examples, benchmark or test-harness folder (the shared decisions isExampleFolder and isHarnessPath),
 * or in a folder named for a memory test, a benchmark or a demo. Blind round 26: a Go cache library
 * was judged a service for `http.ListenAndServe` in contrib/memtest/main.go, its memory-test harness.
 */
function sideProgram(path: string): string | undefined {
  const contrib = CONTRIB_DIR.exec(path);
  if (contrib) return `sits in contributed extras (${path.slice(0, contrib.index + contrib[0].length)})`;
  if (isExampleFolder(path) || isHarnessPath(path))
    return `sits in an examples, benchmark or test-harness folder (${dirOf(path)}/)`;
  const named = SIDE_PROGRAM_DIR.exec(path);
  if (named) return `is a test, benchmark or demo program (${path.slice(0, named.index + named[0].length)})`;
  return undefined;
}

/**
 * A bare listener in a small program (at most three source files under its folder) of a repository
 * whose infrastructure files outnumber all its source code ten to one against the helper: the
 * repository's product is the infrastructure, the program a helper beside it.
 */
function infrastructureHelper(input: ProfileInput, iac: string[]): (m: Match) => string | undefined {
  const product = iac.filter((p) => !NOT_THE_PRODUCT.test(p));
  if (product.length < 10 || product.length < input.sourceFiles.length) return () => undefined;
  // Source files under each folder, counted once when a listener first asks (per listener, every
  // source file was filtered again: 20k listeners beside 20k files took 19 s, review of round 23).
  let under: ((dir: string) => number) | undefined;
  return (m) => {
    const dir = dirOf(m.path);
    if (!dir || !BARE_LISTENER.test(m.snippet)) return undefined;
    under ??= sourcesUnder(input.sourceFiles);
    const own = under(dir);
    if (own > 3 || own * 10 > product.length) return undefined;
    return `is a helper program of ${own} source file(s) in ${dir}/ beside ${product.length} infrastructure files`;
  };
}

/**
 * How many of these files sit under a folder, at any depth: the paths sorted once, each folder's
 * files are the range from `dir/` up to `dir0` (`0` follows `/`), found by two binary searches.
 */
export function sourcesUnder(paths: string[]): (dir: string) => number {
  const sorted = [...paths].sort();
  const firstFrom = (key: string) => lowerBound(sorted.length, (i) => sorted[i]! < key);
  return (dir) => firstFrom(`${dir}0`) - firstFrom(`${dir}/`);
}

export function detectProfile(input: ProfileInput): Profile {
  const iac = input.files.match(IAC_GLOBS);
  const helper = infrastructureHelper(input, iac);
  const servers: Match[] = [];
  const aside: string[] = [];
  for (const m of serverSites(input.serverMatches, input.files)) {
    const why = notAServiceStart(m, helper);
    if (why) aside.push(`${m.path}:${m.line} ${why}`);
    else servers.push(m);
  }
  const profile = decideProfile(input, servers, iac);
  if (aside.length === 0 || profile.id === 'service') return profile;
  const listed = aside.slice(0, 3).join('; ') + (aside.length > 3 ? `; and ${aside.length - 3} more` : '');
  return {
    ...profile,
    reasons: [...profile.reasons, `a server start that does not make a service: ${listed}`],
  };
}

/** An Elixir module of the product that starts a web server (a Phoenix endpoint, a Cowboy/Bandit child). */
const ELIXIR_SOURCE = /\.ex$/;

function decideProfile(input: ProfileInput, servers: Match[], iac: string[]): Profile {
  const { files, sourceFiles, dependencies } = input;
  // A Hex package that declares Phoenix or Plug serves only where its code starts an endpoint
  // (`use Phoenix.Endpoint`, `{Bandit, plug: …}` in a supervision tree): plugs, LiveView
  // components and Phoenix extensions are libraries that depend on the framework.
  const elixirServer = servers.some((m) => ELIXIR_SOURCE.test(m.path));
  // A Scala framework (Tapir, http4s, Akka HTTP…) serves where a program of the product starts.
  const scalaStart = input.frameworks.some((f) => SCALA_FRAMEWORKS.has(f.id)) ? scalaMain(files) : undefined;
  const frameworks = input.frameworks.filter(
    (f) => (f.ecosystem !== 'hex' || elixirServer) && (!SCALA_FRAMEWORKS.has(f.id) || scalaStart),
  );
  // The project's own choices: click pulled in by Flask does not make a command-line tool.
  const runtime = dependencies.filter((d) => !d.dev && d.direct);
  const where = (d: Dependency) => `${d.path}${d.line ? `:${d.line}` : ''}`;

  // A module that packages a server application (Quarkus, Micronaut, Helidon MP, a Jakarta EE war)
  // starts its server from the framework, not from code: the deployable unit makes a service, before
  // a publishing plugin of another module (an API client) makes a library (blind round 27).
  const deployable =
    servers.length === 0 ? jvmDeployable(files, input.manifests, dependencies, (p) => sideProgram(p)) : undefined;
  if (deployable) {
    return {
      id: 'service',
      detected: true,
      reasons: [
        `a deployable ${deployable.framework} application, module ${dirOf(deployable.path) || '.'}/ (${deployable.evidence})`,
      ],
    };
  }
  // A library built on a web framework (Spring Boot starters, Express middleware) declares the
  // framework but starts nothing outside its samples and ships jars or packages, not a deployment:
  // judged as a service, it is failed for health endpoints and rollbacks it cannot have (issue 15).
  const published = servers.length === 0 && frameworks.length > 0 ? publishedLibrary(files) : undefined;
  if (published) {
    return {
      id: 'library',
      detected: true,
      reasons: [
        `publishes a library (${published}); web framework ${frameworks[0]!.name} is a dependency, with no server start, application class or Dockerfile outside samples, examples and tests`,
      ],
    };
  }
  if (frameworks.length > 0) {
    const f = frameworks[0]!;
    return {
      id: 'service',
      detected: true,
      reasons: [
        `web framework ${frameworks.map((x) => x.name).join(', ')} (${f.evidence.path}${f.evidence.line ? `:${f.evidence.line}` : ''})${scalaStart && SCALA_FRAMEWORKS.has(f.id) ? `, started by ${scalaStart}` : ''}`,
      ],
    };
  }
  const jvm = jvmApplication(files, input.manifests, input.jvmImports ?? []);
  if (jvm) {
    return {
      id: 'service',
      detected: true,
      reasons: [
        `web framework ${jvm.framework} imported by main code (${jvm.import.path}:${jvm.import.line}: ${jvm.import.snippet}) of an application with a main class (${jvm.main})`,
      ],
    };
  }
  if (servers.length > 0) {
    const m = servers[0]!;
    const tool = terminalProgram(files, servers, runtime);
    if (tool) {
      return {
        id: 'cli',
        detected: true,
        reasons: [
          `an interactive terminal program (terminal UI library ${tool.name} at ${where(tool)}); the listener at ${m.path}:${m.line} is outside the entry point (${m.snippet}), an option of the program, not its job`,
        ],
      };
    }
    const cli = runtime.filter((d) => !NOT_THE_PRODUCT.test(d.path) && namesMatcher(CLI_DEPS)(d.name));
    const sub = servingSubcommand(files, sourceFiles, servers, cli);
    if (sub) {
      const shown = sub.others.slice(0, 5).join(', ') + (sub.others.length > 5 ? ', …' : '');
      return {
        id: 'cli',
        detected: true,
        reasons: [
          `cli; \`${sub.name}\` sub-command runs a server (${m.path}:${m.line}: ${m.snippet}): a command-line program (${cli[0]!.name}, ${where(cli[0]!)}) whose other commands (${shown}) do the user's work, and no image, Procfile, unit or manifest starts \`${sub.name}\``,
        ],
      };
    }
    return { id: 'service', detected: true, reasons: [`the code starts a server (${m.path}:${m.line}: ${m.snippet})`] };
  }

  // An image of the product that listens on a port (`EXPOSE 80`) is a network service, whatever
  // serves it: Apache with plain PHP, an embedded server the catalogue does not name (round 4).
  const exposed = exposingImage(files);
  if (exposed) {
    return {
      id: 'service',
      detected: true,
      reasons: [`the product's image listens on a port (${exposed.path}:${exposed.line}: EXPOSE ${exposed.args})`],
    };
  }

  // An image CI publishes, FROM an application server's image (Airflow, Tomcat, nginx…) that serves
  // what the image adds: the repository deploys that server with its own DAGs, webapps or site.
  const serverImage = publishedServerImageOf(files);
  if (serverImage) {
    return {
      id: 'service',
      detected: true,
      reasons: [
        `the product's image runs a server: ${serverImage.path}:${serverImage.line} builds FROM ${serverImage.base}, whose entrypoint serves what the image adds, and CI publishes it (${serverImage.published.path}:${serverImage.published.line})`,
      ],
    };
  }

  // A Cloudflare Worker whose config names its entry (`main`), at the root or in a workspace package:
  // the platform runs that code and routes requests to it (blind round 46: four Workers in an npm
  // workspace were "a library" for the root package.json, a private workspace holder).
  const worker = deployedWorker(files);
  if (worker) {
    return {
      id: 'service',
      detected: true,
      reasons: [
        `a Cloudflare Worker (${worker.path}:${worker.main!.line}: main ${worker.main!.entry}) deployed by wrangler${worker.bindings.length ? ` with ${worker.bindings.map((b) => b.kind).join(', ')} bindings` : ''}`,
      ],
    };
  }

  // A serverless application (a SAM template's functions, a Serverless Framework service, Chalice,
  // SST): the platform runs its functions, the repository deploys them (blind round 50: a SAM app
  // of six functions and a state machine was "a cli" for a CDK sample's Go `func main` in cdk/go/).
  // At the root, or in a folder of a repository that publishes no packages.
  const serverless = serverlessApp(files);
  if (serverless && (!serverless.path.includes('/') || !publishesPackages(files))) {
    const fns = serverless.functions
      ? `${serverless.functions} function${serverless.functions === 1 ? '' : 's'}${serverless.code ? `, code in ${serverless.code}/` : ''}`
      : `code in ${serverless.code ?? 'the app'}`;
    return {
      id: 'service',
      detected: true,
      reasons: [
        `a serverless application: ${serverless.tool} ${serverless.path}:${serverless.line} (${fns}), run by the platform on requests and events`,
      ],
    };
  }

  // Ansible content (a collection, a role, roles and playbooks): its YAML is the code (blind round 27:
  // a hardening collection of six roles was "docs, no source code").
  const ansible = ansibleContent(files);
  if (ansible && (sourceFiles.length < 10 || ansible.files.length >= sourceFiles.length)) {
    const at = ansible.evidence[0];
    return {
      id: 'infrastructure',
      detected: true,
      reasons: [
        `${ansible.reason}${at ? ` (${at.path}${at.line ? `:${at.line}` : ''})` : ''}; ${sourceFiles.length} source file(s)`,
      ],
    };
  }
  // Crossplane resources (a CompositeResourceDefinition, a Composition, a Configuration package or an
  // Upbound project file): the platform API and how it is composed from cloud resources, with its
  // functions often in a language the inventory does not count (KCL, blind round 51: judged "docs").
  const xp = crossplaneResources(files);
  if (xp.length > 0 && (sourceFiles.length < 10 || xp.length + iac.length >= sourceFiles.length)) {
    const kinds = [...new Set(xp.map((r) => r.kind))].join(', ');
    return {
      id: 'infrastructure',
      detected: true,
      reasons: [
        `Crossplane resources (${kinds}) in ${xp.length} file(s) such as ${xp[0]!.path}:${xp[0]!.line} and ${sourceFiles.length} source file(s)`,
      ],
    };
  }
  if (iac.length > 0 && (sourceFiles.length < 10 || iac.length >= sourceFiles.length)) {
    return {
      id: 'infrastructure',
      detected: true,
      reasons: [
        `${iac.length} infrastructure file(s) such as ${iac.find((p) => !NOT_THE_PRODUCT.test(p)) ?? iac[0]} and ${sourceFiles.length} source file(s)`,
      ],
    };
  }

  // An IaC application at the root (a CDK app's cdk.json, cdktf.json, Pulumi.yaml): what it delivers
  // is a deployment. The package.json "bin" that `cdk init app` writes into every CDK app is the
  // synthesiser's entry, not a command for users (blind round 38: a CDK chatbot judged a cli).
  // At the root or in a workspace package (blind round 46: packages/cdk/cdk.json of an npm workspace).
  // A CDK app in a workspace of a repository that publishes its packages is not what it ships.
  const app = iacApp(
    files,
    (input.workspaces ?? []).map((w) => w.path),
  );
  if (app && (!app.path.includes('/') || !publishesPackages(files))) {
    return {
      id: 'infrastructure',
      detected: true,
      reasons: [
        `${app.tool} application (${app.path}${app.entry ? `; ${app.entry.path}:${app.entry.line} creates the app` : ''}): the repository is deployed as infrastructure${npmBin(files) ? '; the package.json "bin" is the app\'s synthesiser entry, not a command' : ''}`,
      ],
    };
  }

  const cliDeps = runtime.filter((d) => !NOT_THE_PRODUCT.test(d.path) && namesMatcher(CLI_DEPS)(d.name));
  const cliDep = cliDeps[0];
  const binField = npmBin(files);
  const tool = binField ? undefined : toolModuleOfLibrary(files, input.manifests, cliDeps);
  if (tool) {
    return {
      id: 'library',
      detected: true,
      reasons: [
        `publishes a library (${tool.published}); command-line library ${cliDep!.name} (${where(cliDep!)}) serves only the module ${tool.module}/, beside ${tool.libraries} library module(s)`,
      ],
    };
  }
  // A Python package's console scripts: its own command (named as the package, or a package that
  // classifies itself `Environment :: Console`) makes it a command-line tool; another script is a helper.
  const py = binField ? undefined : consoleScripts(files);
  const pyCommand = py && (ownCommand(py) ?? (py.console ? py.entries[0] : undefined));
  // A package that also exports an importable API (`__all__`, names re-exported from its modules
  // in `__init__.py`) is a library that ships a command besides (blind round 29, natsort: its
  // `natsort` console script beside the natsorted/humansorted API was called a CLI).
  const api = py && pyCommand ? pythonPackageApi(files, pyCommand) : undefined;
  if (py && pyCommand && api)
    return {
      id: 'library',
      detected: true,
      reasons: [
        `Python package${py.dist ? ` ${py.dist}` : ''} exports an importable API (${api}); its console script ${pyCommand.command} (${pyCommand.path}:${pyCommand.line}) is a command shipped beside the library`,
      ],
    };
  if (py && pyCommand) {
    const cite = (e: EntryPoint) => `${e.path}:${e.line}: ${e.command} = "${e.target}"`;
    return {
      id: 'cli',
      detected: true,
      reasons: [
        `Python package${py.dist ? ` ${py.dist}` : ''} installs the command ${pyCommand.command} (${cite(pyCommand)})${py.console ? `, classified Environment :: Console (${py.console.path}:${py.console.line})` : ''}`,
      ],
    };
  }
  // A Cargo package that builds a binary and no library of its own (ripgrep's `[[bin]] path =
  // "crates/core/main.rs"`), or whose binary is named as the package or which files itself under
  // `command-line-utilities`: a command-line tool.
  const cargo = binField || py ? undefined : cargoProgram(files);
  if (cargo) return { id: 'cli', detected: true, reasons: [cargo] };
  const escript = binField || py ? undefined : mixEscriptProgram(files);
  if (escript) return { id: 'cli', detected: true, reasons: [escript] };
  const swift = binField || py || cargo ? undefined : swiftProgram(files);
  if (swift) return { id: 'cli', detected: true, reasons: [swift] };
  const sideBin = binField ? npmLibraryWithSideBin(files) : undefined;
  if (sideBin) return { id: 'library', detected: true, reasons: [sideBin] };
  if (binField || cliDep) {
    return {
      id: 'cli',
      detected: true,
      reasons: [
        binField
          ? `package.json declares "bin" (${binField})`
          : `command-line library ${cliDep!.name} (${where(cliDep!)})`,
      ],
    };
  }

  // A Go module whose own package is `main` builds a program, not an importable package.
  const goMain = binField ? undefined : goProgram(files);
  if (goMain) return { id: 'cli', detected: true, reasons: [goMain] };

  if (sourceFiles.length === 0 && files.has(['**/*.md', '**/*.rst', '**/*.adoc'])) {
    return { id: 'docs', detected: true, reasons: ['no source code; documentation files only'] };
  }
  if (input.manifests.length > 0 || sourceFiles.length > 0) {
    const depth = (p: string) => p.split('/').length;
    const shares = new Map<string, number>();
    const share = (m: Manifest) => {
      let n = shares.get(m.ecosystem);
      if (n === undefined) {
        const re = ECOSYSTEM_SOURCE[m.ecosystem];
        n = 0;
        for (const p of sourceFiles) if (re.test(p)) n++;
        shares.set(m.ecosystem, n);
      }
      return n;
    };
    const host = nonProductWebHost(files);
    const aside = host
      ? ` outside its test, sample, demo and benchmark projects (the ASP.NET Core host ${host} is one)`
      : '';
    const m =
      [...input.manifests]
        .filter(
          (x) =>
            !NOT_THE_PRODUCT.test(x.path) &&
            !isTestPath(x.path) &&
            !(DOTNET_PROJECT.test(x.path) && nonProductDotnetProjectFile(files, x.path)) &&
            // A pyproject.toml with no project name only configures tools (`[tool.ruff]`): no package (round 50).
            !(x.ecosystem === 'pip' && /(?:^|\/)pyproject\.toml$/.test(x.path) && !x.name),
        )
        // At one depth, the manifest of the language most of the source is in: a Swift package's
        // Package.swift, not the Gemfile of its documentation site (round 27).
        .sort((a, b) => depth(a.path) - depth(b.path) || share(b) - share(a))[0] ?? input.manifests[0];
    return {
      id: 'library',
      detected: true,
      reasons: [
        py
          ? `package manifest ${m?.path ?? py.entries[0]!.path} with no web framework or server; its console script ${py.entries[0]!.command} (${py.entries[0]!.path}:${py.entries[0]!.line}) is a helper, not named for the package${py.dist ? ` ${py.dist}` : ''}`
          : m
            ? `package manifest ${m.path} with no web framework, server or command-line entry point${aside}`
            : `source code with no web framework, server or command-line entry point${aside}`,
      ],
    };
  }
  return { id: 'docs', detected: true, reasons: ['no source code and no package manifest'] };
}

/** The source files each manifest ecosystem builds. */
const ECOSYSTEM_SOURCE: Record<Manifest['ecosystem'], RegExp> = {
  npm: /\.[cm]?[jt]sx?$/,
  pip: /\.py$/,
  go: /\.go$/,
  maven: /\.(?:java|kt|scala|groovy)$/,
  gradle: /\.(?:java|kts?|scala|groovy)$/,
  nuget: /\.(?:cs|fs|vb)$/,
  cargo: /\.rs$/,
  composer: /\.php$/,
  bundler: /\.rb$/,
  swift: /\.swift$/,
  hex: /\.exs?$/,
};

/**
 * The root Swift package (Package.swift) when it builds a program: an `.executable` product (or an
 * `.executableTarget` with no product) and either no `.library` product or an executable named as
 * the package (a command-line tool that also ships its engine as a library). A library package
 * with a helper executable stays a library.
 */
function swiftProgram(files: FileView): string | undefined {
  const manifest = 'Package.swift';
  const text = files.read(manifest);
  if (text === undefined) return undefined;
  const pkg = swiftPackage(text);
  const exes = pkg.products.filter((p) => p.kind === 'executable');
  const libs = pkg.products.filter((p) => p.kind === 'library');
  if (exes.length === 0 && (pkg.executableTargets === 0 || libs.length > 0)) return undefined;
  const own = exes.find((e) => pkg.name !== undefined && e.name.toLowerCase() === pkg.name.toLowerCase());
  if (libs.length > 0 && !own) return undefined;
  const exe = own ?? exes[0];
  const what = exe ? `the executable ${exe.name} (${manifest}:${exe.line})` : `an executable target (${manifest})`;
  return `Swift package ${pkg.name ?? manifest} builds ${what}${libs.length ? `, named as the package; its library product${libs.length === 1 ? '' : 's'} ${libs.map((l) => l.name).join(', ')} ${libs.length === 1 ? 'is' : 'are'} the tool's engine` : ', and no library product'}`;
}

interface CargoManifest {
  package?: { name?: unknown; categories?: unknown };
  lib?: unknown;
  bin?: { name?: unknown; path?: unknown }[];
}

/**
 * The root Cargo package (Cargo.toml at the root with a `[package]`) when it builds a program: a `[[bin]]` target or the default src/main.rs, and
 * either no library target (`[lib]`, src/lib.rs) or a binary named as the package, or the
 * `command-line-utilities` category. A library crate with a helper binary stays a library.
 */
function cargoProgram(files: FileView): string | undefined {
  // The root manifest only: in a virtual workspace no member speaks for the repository.
  const manifest = 'Cargo.toml';
  const text = files.read(manifest) ?? '';
  if (!/^\[package\]/m.test(text)) return undefined;
  const parsed = files.readToml<CargoManifest>(manifest);
  if (!parsed.ok || !parsed.value?.package) return undefined;
  const cargo = parsed.value;
  const name = typeof cargo.package!.name === 'string' ? cargo.package!.name : undefined;
  const lineOf = (re: RegExp) => {
    const m = re.exec(text);
    return m ? lineAt(text, m.index) : 1;
  };
  const declared = (Array.isArray(cargo.bin) ? cargo.bin : []).filter((b) => b && typeof b === 'object');
  const bins = declared.map((b) => ({
    name: typeof b.name === 'string' ? b.name : name,
    path: typeof b.path === 'string' ? b.path.replace(/^\.\//, '') : 'src/main.rs',
  }));
  const defaultMain = files.exists('src/main.rs');
  if (defaultMain && !bins.some((b) => b.path === 'src/main.rs')) bins.push({ name, path: 'src/main.rs' });
  const bin = bins.find((b) => files.exists(b.path));
  if (!bin) return undefined;
  const hasLib = cargo.lib !== undefined || files.exists('src/lib.rs');
  const console =
    Array.isArray(cargo.package!.categories) && cargo.package!.categories.includes('command-line-utilities');
  const own = bins.find((b) => b.name === name && files.exists(b.path));
  if (hasLib && !own && !console) return undefined;
  const at = declared.length ? `${manifest}:${lineOf(/^\[\[bin\]\]/m)}` : manifest;
  const chosen = own ?? bin;
  return `Cargo package ${name ?? manifest} builds the binary ${chosen.name ?? '?'} from ${chosen.path} (${at})${hasLib ? (own ? ', named as the package' : ', filed under command-line-utilities') : ', and no library target'}`;
}

/**
 * A Mix project that builds an escript (`escript: [main_module: …]` in the root mix.exs): a
 * command-line program. A Mix task a library offers (`lib/mix/tasks/`) does not make one.
 */
function mixEscriptProgram(files: FileView): string | undefined {
  const text = files.read('mix.exs');
  if (!text) return undefined;
  const line = mixEscript(text);
  return line ? `Mix project builds an escript (mix.exs:${line}: escript:), a command-line program` : undefined;
}

const GO_MAIN = /^package[ \t]+main\b[\s\S]*?^func[ \t]+main[ \t]*\([ \t]*\)/m;
const GORELEASER = ['.goreleaser.{yml,yaml}', 'goreleaser.{yml,yaml}'];

/**
 * A Go module that builds a program: `package main` with `func main()` at the module root (the
 * module is the command, as `go install module@latest` builds it), or in `cmd/<name>/` when the
 * root holds no package of its own to import or a goreleaser config builds binaries. A library's
 * example and test mains (examples/, _example/, testdata/) are not the product.
 */
function goProgram(files: FileView): string | undefined {
  const mod = files
    .match(['go.mod', '**/go.mod'])
    .filter(
      (p) =>
        !NOT_THE_PRODUCT.test(p) &&
        !/(^|\/)(?:_[^/]*|testdata|vendor)\//.test(p) &&
        !iacProgramDir(files, p) &&
        !languageSample(files, p),
    )
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (!mod) return undefined;
  const dir = mod.slice(0, -'go.mod'.length);
  const mainIn = (paths: string[]) => {
    for (const path of paths) {
      if (path.endsWith('_test.go')) continue;
      const text = files.read(path) ?? '';
      const m = GO_MAIN.exec(text);
      if (m) return { path, line: files.lines(path)!.lineAt(m.index + m[0].length) };
    }
    return undefined;
  };
  const rootGo = files.match(`${dir}*.go`).filter((p) => !p.endsWith('_test.go'));
  const releaser = files.match(GORELEASER.map((g) => `${dir}${g}`)).find((p) => /^builds:/m.test(files.read(p) ?? ''));
  const built = releaser ? `; ${releaser} builds its binary` : '';
  const root = mainIn(rootGo);
  if (root) return `Go module ${mod} is a program: package main with func main() at ${root.path}:${root.line}${built}`;
  if (rootGo.length > 0 && !releaser) return undefined;
  // The command named for the module first (go-task's cmd/task before cmd/release).
  const named = moduleCommandNames(files, mod);
  const inCmd = files.match(`${dir}cmd/*/*.go`);
  const cmd = mainIn([
    ...inCmd.filter((p) => named.has(cmdName(p, dir))),
    ...inCmd.filter((p) => !named.has(cmdName(p, dir))),
  ]);
  if (!cmd) return undefined;
  // The root package is a library with an exported API and no command is named for the module
  // (go-toml's cmd/tomljson, cmd/tomll, a toml-test harness beside the root package `toml`): the
  // commands are helpers shipped beside the library, which is the product (blind round 37). A
  // command named for the module (go-task's cmd/task beside package task) stays the product.
  if (rootGo.length > 0 && rootLibrary(files, rootGo) && !commandNamedForModule(files, mod, dir)) return undefined;
  return `Go module ${mod} builds a command: package main with func main() at ${cmd.path}:${cmd.line}${built || ', and no package of its own at the module root'}`;
}

/**
 * A module whose folder is an IaC application (cdk.json, cdktf.json or Pulumi.yaml beside its
 * manifest): its `func main` is the synthesiser that `cdk deploy` runs, not a command for users.
 */
function iacProgramDir(files: FileView, manifest: string): boolean {
  const dir = manifest.slice(0, manifest.lastIndexOf('/') + 1);
  return files.exists(`${dir}cdk.json`) || files.exists(`${dir}cdktf.json`) || files.exists(`${dir}Pulumi.yaml`);
}

/** Folder names of a language: the one sample of several, one per language (`cdk/go`, `cdk/python`, `cdk/csharp`). */
const LANGUAGE_DIRS = [
  'go',
  'golang',
  'python',
  'java',
  'kotlin',
  'csharp',
  'dotnet',
  'typescript',
  'javascript',
  'node',
  'nodejs',
  'rust',
  'ruby',
  'php',
];

/**
 * A manifest in a folder named for its language beside at least one other such folder
 * (`cdk/go/go.mod` beside `cdk/python/`, `cdk/java/`): the same sample written in several
 * languages for users to copy, not the product (blind round 50: five CDK samples that deploy the
 * repository's SAM application, the Go one judged the product, a cli).
 */
function languageSample(files: FileView, manifest: string): boolean {
  const parts = manifest.split('/');
  // In a sub-folder only: a root `go/` beside `python/` may be the product's own language bindings.
  if (parts.length < 3) return false;
  const own = parts[parts.length - 2]!.toLowerCase();
  if (!LANGUAGE_DIRS.includes(own)) return false;
  const prefix = `${parts.slice(0, -2).join('/')}/`;
  return LANGUAGE_DIRS.some((lang) => lang !== own && files.has(`${prefix}${lang}/**`));
}

/** An exported declaration of a Go package: `func Marshal(`, `type Decoder struct`, `func (d *Decoder) Decode(`. */
const GO_EXPORTED = /^(?:func[ \t]+(?:\([^)\n]{0,80}\)[ \t]*)?|type[ \t]+)[A-Z]/m;

/** The module root's package is no `main` and exports an API. */
function rootLibrary(files: FileView, rootGo: string[]): boolean {
  let exported = false;
  for (const path of rootGo.slice(0, 200)) {
    const text = files.read(path) ?? '';
    if (/^package[ \t]+main\b/m.test(text)) return false;
    exported ||= GO_EXPORTED.test(text);
  }
  return exported;
}

/** The names a command named for the module has: `task` for github.com/go-task/task/v3, `go-toml` or `toml` for …/go-toml. */
function moduleCommandNames(files: FileView, mod: string): Set<string> {
  const path = /^module[ \t]+(\S+)/m.exec(files.read(mod) ?? '')?.[1] ?? '';
  const parts = path.split('/').filter((p) => !/^v\d+$/.test(p));
  const last = (parts.at(-1) ?? '').toLowerCase();
  if (!last) return new Set();
  return new Set([last, last.replace(/^go-|-go$|\.go$/, ''), (parts.at(-2) ?? '').toLowerCase()]);
}

/** `<dir>cmd/<name>/main.go` → `<name>`, lower case. */
const cmdName = (p: string, dir: string) => p.slice(dir.length + 4, p.lastIndexOf('/')).toLowerCase();

/** A `cmd/<name>/` named for the module (`cmd/task` in github.com/go-task/task/v3); true when go.mod names no module. */
function commandNamedForModule(files: FileView, mod: string, dir: string): boolean {
  const names = moduleCommandNames(files, mod);
  if (names.size === 0) return true;
  return files.match(`${dir}cmd/*/*.go`).some((p) => names.has(cmdName(p, dir)));
}

/**
 * A JVM application built on a web framework whose declaration the dependency facts could not
 * name: main code imports the framework (io.ktor.server…, io.javalin…) and the build gives the
 * program a main class (`application { mainClass = … }`, `<mainClass>`, `Main-Class`). A library
 * that merely supports the framework has no main class of its own.
 */
function jvmApplication(
  files: FileView,
  manifests: Manifest[],
  imports: Match[],
): { framework: string; import: Match; main: string } | undefined {
  const used = imports.find((m) => isProductionPath(m.path) && !NOT_THE_PRODUCT.test(m.path));
  if (!used) return undefined;
  const fw = JVM_SERVER_IMPORTS.find((i) => used.snippet.includes(`${i.prefix}.`));
  if (!fw) return undefined;
  for (const m of manifests) {
    if ((m.ecosystem !== 'gradle' && m.ecosystem !== 'maven') || NOT_THE_PRODUCT.test(m.path)) continue;
    if (!/(^|\/)(build\.gradle(\.kts)?|pom\.xml)$/.test(m.path)) continue;
    const text = files.read(m.path);
    const hit = text ? MAIN_CLASS.exec(text) : null;
    if (!text || !hit) continue;
    const line = files.lines(m.path)!.lineAt(hit.index);
    return { framework: fw.name, import: used, main: `${m.path}:${line}: ${hit[0].trim()}` };
  }
  return undefined;
}

/**
 * A Scala program: an object extending an application trait (cats-effect `IOApp`, ZIO's
 * `ZIOAppDefault`, `App`, Ox's `OxApp`, Cask's `MainRoutes`), a `def main(args: Array[String])` or
 * Scala 3's `@main def`, in the product's main code. Returns `path:line`, or undefined.
 */
const SCALA_MAIN =
  /^[ \t]*(?:(?:case[ \t]+)?object[ \t]+\w+[ \t]+extends[ \t]+(?:[\w.]+\.)?(?:IOApp|ResourceApp|ZIOAppDefault|ZIOApp|App|OxApp|TaskApp|MainRoutes)\b|def[ \t]+main[ \t]*\([ \t]*\w+[ \t]*:[ \t]*Array\[String\]|@main[ \t]+def\b)/m;

function scalaMain(files: FileView): string | undefined {
  for (const path of files.match('**/*.scala')) {
    if (!isProductionPath(path) || NOT_THE_PRODUCT.test(path) || isTestPath(path)) continue;
    const text = files.read(path);
    const m = text ? SCALA_MAIN.exec(text) : null;
    if (m) return `${path}:${files.lines(path)!.lineAt(m.index)}`;
  }
  return undefined;
}

const MAIN_CLASS =
  /\bmainClass(?:Name)?\s*(?:\.set\s*\(\s*|=\s*|\s)["'][\w.$]+["'](?:\s*\))?|<mainClass>[^<]+<\/mainClass>|Main-Class["']?\s*(?:[:=]|to)\s*["'][\w.$]+["']/;

/**
 * The terminal UI library of a program whose only listeners are bare sockets opened outside its
 * entry point (`package main` in Go): the main runs a terminal interface and serves only when an
 * option asks it to. A main that itself listens, or a framework server, stays a service.
 */
function terminalProgram(files: FileView, servers: Match[], runtime: Dependency[]): Dependency | undefined {
  const tui = runtime.find((d) => !NOT_THE_PRODUCT.test(d.path) && namesMatcher(TERMINAL_UI_DEPS)(d.name));
  if (!tui) return undefined;
  for (const m of servers) {
    if (!BARE_LISTENER.test(m.snippet)) return undefined;
    if (m.path.endsWith('.go') && /^package\s+main\b/m.test(files.read(m.path) ?? '')) return undefined;
  }
  return tui;
}

/**
 * A JVM build that publishes library artefacts and keeps a command-line tool in one sub-module of
 * several (caffeine's simulator/, round 9): the product is the published library, the tool is the
 * maintainers'. A CLI declared by the root module, or by every module, stays a CLI.
 */
function toolModuleOfLibrary(
  files: FileView,
  manifests: Manifest[],
  cliDeps: Dependency[],
): { published: string; module: string; libraries: number } | undefined {
  if (cliDeps.length === 0 || cliDeps.some((d) => d.ecosystem !== 'gradle' && d.ecosystem !== 'maven'))
    return undefined;
  const modules = new Set(cliDeps.map((d) => dirOf(d.path)));
  if (modules.size !== 1 || modules.has('')) return undefined;
  const module = [...modules][0]!;
  const buildFile = /(^|\/)(build\.gradle(\.kts)?|pom\.xml)$/;
  const libraries = new Set(
    manifests
      .filter((m) => buildFile.test(m.path) && !NOT_THE_PRODUCT.test(m.path))
      .map((m) => dirOf(m.path))
      .filter((d) => d !== '' && d !== module && !d.startsWith(`${module}/`)),
  );
  if (libraries.size === 0) return undefined;
  const published = publishedLibrary(files);
  return published ? { published, module, libraries: libraries.size } : undefined;
}

function exposingImage(files: FileView): { path: string; line: number; args: string } | undefined {
  for (const d of dockerfiles(files)) {
    if (!d.ok || NOT_THE_PRODUCT.test(d.path) || isToolImage(d)) continue;
    const expose = d.stages.at(-1)?.instructions.find((i) => i.keyword === 'EXPOSE');
    if (expose) return { path: d.path, line: expose.line, args: expose.args };
  }
  return undefined;
}

/** The first published image of the product built FROM an application server (publishedServerImage). */
function publishedServerImageOf(files: FileView) {
  const images = dockerfiles(files).filter((d) => !NOT_THE_PRODUCT.test(d.path) && !isToolImage(d));
  for (const d of images) {
    const image = publishedServerImage(d);
    // Published by a CI step that names it, or by any image push when it is the product's only image.
    const published = image && (d.published ?? (images.length === 1 ? ciImagePush(files) : undefined));
    if (image && published) return { path: d.path, ...image, published };
  }
  return undefined;
}

/**
 * The first Worker config of the product whose `main` entry exists, unless its package is a
 * published one (not private) in a repository that publishes packages: there the config runs the
 * package's demo or local dev server, the package is the product.
 */
function deployedWorker(files: FileView) {
  const published = publishesPackages(files);
  return workerConfigs(files).find((w) => {
    if (!w.main?.exists || sideProgram(w.path)) return false;
    if (!published) return true;
    const pkg = files.readJson<{ private?: unknown }>(`${dirOf(w.path) ? `${dirOf(w.path)}/` : ''}package.json`);
    return pkg.ok && !!pkg.value && typeof pkg.value === 'object' && pkg.value.private === true;
  });
}

/** The repository publishes packages: a publishing step or build config, or a changesets setup. */
function publishesPackages(files: FileView): boolean {
  return files.exists('.changeset/config.json') || publishedLibrary(files) !== undefined;
}

function npmBin(files: FileView): string | undefined {
  if (!files.exists('package.json')) return undefined;
  const pkg = files.readJson<{ bin?: unknown }>('package.json');
  if (!pkg.ok || !pkg.value || typeof pkg.value !== 'object' || !pkg.value.bin) return undefined;
  return 'package.json';
}

/**
 * An npm package whose product is its API, with a command as a side tool (uuid's `uuid` bin): it
 * declares an API (`exports`, `types`/`typings`) and its README shows the package imported more
 * often than the command run. A command-line package (no declared API, or a README about running
 * the command) stays a CLI. The reason cites each signal.
 */
function npmLibraryWithSideBin(files: FileView): string | undefined {
  const pkg = files.readJson<Record<string, unknown>>('package.json');
  if (!pkg.ok || !pkg.value || typeof pkg.value !== 'object') return undefined;
  const { name, bin, exports, types, typings } = pkg.value;
  if (typeof name !== 'string' || !(exports || types || typings)) return undefined;
  const text = files.read('package.json') ?? '';
  const keyLine = (key: string) => {
    const at = text.search(new RegExp(`^[ \\t]*"${key}"\\s*:`, 'm'));
    return at < 0 ? undefined : lineAt(text, at);
  };
  const apiKey = exports ? 'exports' : types ? 'types' : 'typings';
  // At most 32 command names: the run pattern tries each at every line start of the README.
  const bins = (
    typeof bin === 'string' ? [name.replace(/^@[^/]+\//, '')] : bin && typeof bin === 'object' ? Object.keys(bin) : []
  ).slice(0, 32);
  const readme = files.paths.find((p) => /^readme(?:\.(?:md|markdown|rst|txt))?$/i.test(p));
  const doc = readme ? (files.read(readme) ?? '') : '';
  const esc = escapeRe;
  // Line starts are read as `^[ \t]*`: under the m flag `^\s*` runs on across blank lines, from each
  // of them (quadratic on a README or package.json of many blank lines).
  const imports = [
    ...doc.matchAll(
      new RegExp(`(?:\\bfrom\\s+|\\brequire\\s*\\(\\s*|^[ \\t]*import\\s+)["']${esc(name)}(?:/[^"']*)?["']`, 'gm'),
    ),
  ];
  if (imports.length === 0) return undefined;
  const names = bins.map(esc).join('|');
  // A command run is one line: `\s` after `$` or `npx` ran on across lines from every line start
  // (quadratic on a README of lone `$` lines).
  const run = new RegExp(`^[ \\t]*(?:(?:\\$[ \\t]*|npx[ \\t]+)+(?:${names})(?:\\s|$)|(?:${names})[ \\t]+-)`, 'gm');
  const runs = bins.length ? (doc.match(run)?.length ?? 0) : 0;
  if (runs >= imports.length) return undefined;
  const first = lineAt(doc, imports[0]!.index);
  const binLine = keyLine('bin');
  return `an npm library: package.json:${keyLine(apiKey) ?? 1} declares "${apiKey}" and ${readme}:${first} shows it imported (${imports.length} import(s) of ${name} in the README against ${runs} run(s) of the command); "bin" (package.json${binLine ? `:${binLine}` : ''}: ${bins.join(', ') || 'a command'}) is a side tool`;
}

/** Publishing of a built artefact, in build files and CI steps (not a container deployment). */
const PUBLISH_CONFIG: Array<{ globs: string[]; re: RegExp }> = [
  {
    globs: ['**/pom.xml'],
    re: /<(?:distributionManagement)>|<artifactId>(?:central-publishing-maven-plugin|nexus-staging-maven-plugin)<\/artifactId>/,
  },
  {
    // Convention plugins (buildSrc/, gradle/plugins/…/publish.gradle.kts) hold the publishing of multi-project builds.
    globs: ['**/build.gradle', '**/*.gradle.kts'],
    re: /\b(?:maven-publish|com\.vanniktech\.maven\.publish|io\.github\.gradle-nexus\.publish-plugin)\b/,
  },
  {
    // sbt: the release plugins that publish to Maven Central, or a `publishTo` repository.
    globs: ['**/project/plugins.sbt', '**/build.sbt'],
    re: /"(?:sbt-ci-release|sbt-sonatype|sbt-release)"|^[ \t]*(?:ThisBuild[ \t]*\/[ \t]*)?publishTo[ \t]*:=[ \t]*(?!None\b)/m,
  },
  {
    globs: ['.github/workflows/*.yml', '.github/workflows/*.yaml', '.gitlab-ci.yml'],
    // From a `mvn`/`gradle` word the goal is looked for only up to the next such word: `[^\n]*` ran
    // from every one of them to the line's end and back (quadratic on a line of many `mvn`).
    re: /\b(?:mvnw?\b(?:(?!\bmvnw?\b)[^\n])*\sdeploy\b|gradlew?\b(?:(?!\bgradlew?\b)[^\n])*\spublish\w*|npm publish|twine upload|cargo publish|mix hex\.publish|dotnet nuget push|gem push)|pypa\/gh-action-pypi-publish/,
  },
];

/** Where the repository publishes a library artefact — when it deploys no image of its own. */
export function publishedLibrary(files: FileView): string | undefined {
  // `src/main/docker/Dockerfile.jvm`, `.native`: the images a Quarkus (or fabric8) module builds.
  const ownImage = files
    .match(['**/Dockerfile', '**/*.Dockerfile', '**/Containerfile', '**/src/main/docker/Dockerfile*'])
    .some((p) => !NOT_THE_PRODUCT.test(p));
  if (ownImage) return undefined;
  // sbt-native-packager's Docker image of an application (`.enablePlugins(DockerPlugin)`).
  const sbtImage = files
    .match('**/build.sbt')
    .some(
      (p) =>
        !NOT_THE_PRODUCT.test(p) && /\benablePlugins[ \t]*\([^)\n]{0,200}?\bDockerPlugin\b/.test(files.read(p) ?? ''),
    );
  if (sbtImage) return undefined;
  for (const { globs, re } of PUBLISH_CONFIG) {
    for (const path of files.match(globs)) {
      if (NOT_THE_PRODUCT.test(path)) continue;
      const text = files.read(path);
      const m = text ? re.exec(text) : null;
      if (!m || !text) continue;
      const line = files.lines(path)!.lineAt(m.index);
      return `${path}:${line}: ${m[0].trim()}`;
    }
  }
  return undefined;
}

/**
 * Where a Python package whose console script runs `pkg.module:func` exports an importable API: its
 * `__init__.py` (at the root or under src/) declares `__all__`, or re-exports names from one of its
 * modules other than the command's own (`from .core import natsorted`). Returns the citation, or
 * undefined when the package is only the command.
 */
function pythonPackageApi(files: FileView, entry: EntryPoint): string | undefined {
  const [modulePath = ''] = entry.target.split(':');
  const parts = modulePath.trim().split('.');
  const pkg = parts[0];
  if (!pkg || parts.length < 2 || !/^\w+$/.test(pkg)) return undefined;
  const cliModule = parts[1]!;
  const reExport = new RegExp(`^from\\s+(?:\\.|${pkg}\\.)(\\w+)\\s+import\\s+(?:\\(|[A-Za-z])`);
  for (const init of [`${pkg}/__init__.py`, `src/${pkg}/__init__.py`]) {
    const text = files.read(init);
    if (text === undefined) continue;
    const lines = text.split('\n', 5000);
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (/^__all__\s*[:=]/.test(l)) return `${init}:${i + 1} __all__`;
      const re = reExport.exec(l);
      if (re && re[1] !== cliModule && re[1] !== '__main__') return `${init}:${i + 1} re-exports from ${re[1]}`;
    }
  }
  return undefined;
}

/**
 * Crossplane package resources of the product: `apiVersion: apiextensions.crossplane.io/…` with a
 * CompositeResourceDefinition or Composition kind, a `meta.pkg.crossplane.io` Configuration or an
 * Upbound `meta.dev.upbound.io` Project, at a line start in a YAML file outside examples, tests and
 * docs. At most 400 YAML files are read, 8,000 characters each.
 */
const CROSSPLANE_API =
  /^apiVersion:[ \t]*["']?(?:apiextensions\.crossplane\.io|meta\.pkg\.crossplane\.io|meta\.dev\.upbound\.io)\//m;
const CROSSPLANE_KIND = /^kind:[ \t]*["']?(CompositeResourceDefinition|Composition|Configuration|Project)\b/m;

function crossplaneResources(files: FileView): { path: string; line: number; kind: string }[] {
  return memo(files, 'profile:crossplane', () => {
    const out: { path: string; line: number; kind: string }[] = [];
    const yaml = files
      .match(['**/*.yaml', '**/*.yml'])
      .filter((p) => isProductionPath(p) && !NOT_THE_PRODUCT.test(p))
      .slice(0, 400);
    for (const p of yaml) {
      const text = (files.read(p) ?? '').slice(0, 8_000);
      const api = CROSSPLANE_API.exec(text);
      const kind = api ? CROSSPLANE_KIND.exec(text) : null;
      if (api && kind) out.push({ path: p, line: lineAt(text, api.index), kind: kind[1]! });
    }
    return out;
  });
}
