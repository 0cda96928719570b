/**
 * An infrastructure-as-code application at the root of the repository or of one of its workspace
 * packages (issue 15, blind rounds 38 and 46):
 * an AWS CDK app (`cdk.json` whose `"app"` runs an entry that creates an `App`), a CDK for
 * Terraform app (`cdktf.json`) or a Pulumi project (`Pulumi.yaml` with a `runtime`). What the
 * repository delivers is `cdk deploy` / `cdktf deploy` / `pulumi up`: a deployment, whatever
 * the package manifest beside it declares. `cdk init app` writes a `"bin"` entry into every CDK
 * app's package.json; that entry is the synthesiser's, not a command for users.
 */
import type { FileView } from '../types.js';
import { NOT_THE_PRODUCT, isProductionPath } from './paths.js';

export interface IacApp {
  tool: 'AWS CDK' | 'CDK for Terraform' | 'Pulumi';
  /** The project file (cdk.json, cdktf.json, Pulumi.yaml). */
  path: string;
  /** The entry that creates the app, when the project file names one and it reads as one. */
  entry?: { path: string; line: number };
}

/** The App an entry creates: `new cdk.App(`, `new App(`, `cdk.App()`, `core.App()`, `awscdk.NewApp(`, `new App()` (C#, Java). */
const APP_CONSTRUCTION =
  /\bnew\s+(?:[\w$]{1,40}\.){0,3}App\s*[(<]|\b(?:cdk|core|cdktf|awscdk)\.(?:New)?App\s*\(|\bNewApp\s*\(|=\s*App\s*\(/;

/** A path in the app command: `bin/app.ts`, `app.py`, `src/main/Program.cs`, `main.go` (a word with an extension). */
const PATH_TOKEN = /[\w./@-]{1,200}\.(?:[cm]?[jt]s|py|go|cs|java|kt|fs)\b/g;

const NAMES_A_FILE = new RegExp(PATH_TOKEN.source);

/** Dependencies that mark a CDK/CDKTF program when its entry cannot be found from the command (Java, .NET, Go). */
const IAC_LIBRARY =
  /["'/:\s](?:aws-cdk-lib|@aws-cdk\/core|aws-cdk\.core|software\.amazon\.awscdk|Amazon\.CDK(?:\.Lib)?|aws-cdk-go\/awscdk|cdktf|com\.hashicorp\.cdktf|HashiCorp\.Cdktf)\b/;
const MANIFESTS = [
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'setup.py',
  'Pipfile',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'go.mod',
];

/** The line of the first match in a text, counted once up to the match. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function entryOf(files: FileView, command: string, dir: string): { path: string; line: number } | undefined {
  for (const m of command.slice(0, 2000).matchAll(PATH_TOKEN)) {
    const p = `${dir}${m[0].replace(/^\.\//, '')}`;
    if (!files.exists(p) || !isProductionPath(p)) continue;
    const text = files.read(p);
    if (!text) continue;
    const at = APP_CONSTRUCTION.exec(text.slice(0, 200_000));
    if (at) return { path: p, line: lineOf(text, at.index) };
  }
  return undefined;
}

function usesIacLibrary(files: FileView, dir: string): boolean {
  return MANIFESTS.some((m) => {
    const p = `${dir}${m}`;
    const text = files.exists(p) ? files.read(p) : undefined;
    return !!text && IAC_LIBRARY.test(` ${text.slice(0, 200_000)}`);
  });
}

/**
 * The root IaC application, if the repository is one. A `cdk.json`/`cdktf.json` counts when its
 * `"app"` command names an entry (outside tests and examples) that creates an App, or, when the
 * entry is not a file the command names (`mvn exec:java`, `dotnet run`, `go run .`), when a root
 * manifest depends on the CDK/CDKTF library. A `Pulumi.yaml` counts when it names its runtime.
 */
export function iacApp(files: FileView, packages: readonly string[] = []): IacApp | undefined {
  const dirs = packages
    .slice(0, 200)
    .map((p) => p.replace(/^\.\/|\/+$/g, ''))
    .filter((p) => p !== '' && p !== '.');
  for (const dir of ['', ...dirs.map((p) => `${p}/`)]) {
    if (dir && (!isProductionPath(`${dir}x`) || NOT_THE_PRODUCT.test(dir))) continue;
    const app = iacAppIn(files, dir);
    if (app) return app;
  }
  return undefined;
}

/**
 * The IaC application whose project file sits in one folder (`''` the root, or a workspace package's
 * `packages/cdk/`): issue 15, blind round 46 — a CDK app in an npm workspace package (packages/cdk/
 * cdk.json, bin/cdk.ts creating the App) was not found, and the repository was "a library".
 */
function iacAppIn(files: FileView, dir: string): IacApp | undefined {
  for (const [name, tool] of [
    ['cdk.json', 'AWS CDK'],
    ['cdktf.json', 'CDK for Terraform'],
  ] as const) {
    const path = `${dir}${name}`;
    if (!files.exists(path)) continue;
    const cfg = files.readJson<{ app?: unknown }>(path);
    const app = cfg.ok && cfg.value && typeof cfg.value === 'object' ? cfg.value.app : undefined;
    if (typeof app !== 'string' || app.trim() === '') continue;
    const entry = entryOf(files, app, dir);
    if (entry) return { tool, path, entry };
    // The command names a file, which creates no App (or is a test's): not this repository's app.
    if (NAMES_A_FILE.test(app.slice(0, 2000))) continue;
    if (usesIacLibrary(files, dir)) return { tool, path };
  }
  for (const path of [`${dir}Pulumi.yaml`, `${dir}Pulumi.yml`]) {
    const text = files.exists(path) ? files.read(path) : undefined;
    if (text && /^runtime:/m.test(text.slice(0, 20_000))) return { tool: 'Pulumi', path };
  }
  return undefined;
}
