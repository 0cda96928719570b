/**
 * The repository profile (service, library, cli, infrastructure, docs) with the signals that
 * decided it. Rules gate on it: a library is not failed for lacking health endpoints.
 */
import type { Match } from '../types.js';
import type { FileView } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { NOT_THE_PRODUCT } from './paths.js';
import type { Dependency, Framework, Manifest, Profile } from '../types.js';
import { nameMatches } from './frameworks.js';
import { dockerfiles, isToolImage } from './dockerfile.js';

/** Code patterns the profile needs; scanned in the same single pass as the rules' patterns. */
export const PROFILE_PATTERNS: ScanPattern[] = [
  {
    key: 'facts:server',
    // A process that listens for requests: net/http, Node http, uvicorn/gunicorn entry points, Kestrel;
    // Kubernetes-style servers too: the k8s.io/apiserver library (`PrepareRun().Run…`, round 2:
    // metrics-server) and controller-runtime managers, which serve probes and metrics.
    regex:
      /\b(?:PrepareRun\(\)\.Run|ctrl\.NewManager\(|manager\.New\(|http\.ListenAndServe(?:TLS)?|\.ListenAndServe\(|net\.Listen\(|http\.createServer\(|\.listen\(\s*(?:process\.env\.PORT|PORT|port|\d{2,5})|uvicorn\.run\(|web\.run_app\(|app\.run\(|WebApplication\.CreateBuilder|SpringApplication\.run|runApplication<\w|grpc\.NewServer\(|serve\(\s*app)/,
    files: ['**/*.{go,js,ts,mjs,cjs,py,cs,java,kt,rb,rs}'],
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
    ],
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
}

/** A server started in a comment, a test or an example does not make the repository a service. */
export function serverSites(serverMatches: Match[]): Match[] {
  return serverMatches.filter(
    (m) =>
      !NOT_THE_PRODUCT.test(m.path) &&
      !/[._]test\.|_spec\./.test(m.path) &&
      !/^(\*|\/\/|\/\*|#|--|<!--)/.test(m.snippet),
  );
}

export function detectProfile(input: ProfileInput): Profile {
  const { files, sourceFiles, dependencies, frameworks, serverMatches } = input;
  // The project's own choices: click pulled in by Flask does not make a command-line tool.
  const runtime = dependencies.filter((d) => !d.dev && d.direct);
  const where = (d: Dependency) => `${d.path}${d.line ? `:${d.line}` : ''}`;

  const servers = serverSites(serverMatches);
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
        `web framework ${frameworks.map((x) => x.name).join(', ')} (${f.evidence.path}${f.evidence.line ? `:${f.evidence.line}` : ''})`,
      ],
    };
  }
  if (servers.length > 0) {
    const m = servers[0]!;
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

  const iac = files.match(IAC_GLOBS);
  if (iac.length > 0 && (sourceFiles.length < 10 || iac.length >= sourceFiles.length)) {
    return {
      id: 'infrastructure',
      detected: true,
      reasons: [
        `${iac.length} infrastructure file(s) such as ${iac.find((p) => !NOT_THE_PRODUCT.test(p)) ?? iac[0]} and ${sourceFiles.length} source file(s)`,
      ],
    };
  }

  const cliDep = runtime.find((d) => !NOT_THE_PRODUCT.test(d.path) && CLI_DEPS.some((p) => nameMatches(d.name, p)));
  const binField = npmBin(files);
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

  if (sourceFiles.length === 0 && files.has(['**/*.md', '**/*.rst', '**/*.adoc'])) {
    return { id: 'docs', detected: true, reasons: ['no source code; documentation files only'] };
  }
  if (input.manifests.length > 0 || sourceFiles.length > 0) {
    const depth = (p: string) => p.split('/').length;
    const m =
      [...input.manifests]
        .filter((x) => !NOT_THE_PRODUCT.test(x.path))
        .sort((a, b) => depth(a.path) - depth(b.path))[0] ?? input.manifests[0];
    return {
      id: 'library',
      detected: true,
      reasons: [
        m
          ? `package manifest ${m.path} with no web framework, server or command-line entry point`
          : 'source code with no web framework, server or command-line entry point',
      ],
    };
  }
  return { id: 'docs', detected: true, reasons: ['no source code and no package manifest'] };
}

function exposingImage(files: FileView): { path: string; line: number; args: string } | undefined {
  for (const d of dockerfiles(files)) {
    if (!d.ok || NOT_THE_PRODUCT.test(d.path) || isToolImage(d)) continue;
    const expose = d.stages.at(-1)?.instructions.find((i) => i.keyword === 'EXPOSE');
    if (expose) return { path: d.path, line: expose.line, args: expose.args };
  }
  return undefined;
}

function npmBin(files: FileView): string | undefined {
  if (!files.exists('package.json')) return undefined;
  const pkg = files.readJson<{ bin?: unknown }>('package.json');
  if (!pkg.ok || !pkg.value || typeof pkg.value !== 'object' || !pkg.value.bin) return undefined;
  return 'package.json';
}

/** Publishing of a built artefact, in build files and CI steps (not a container deployment). */
const PUBLISH_CONFIG: Array<{ globs: string[]; re: RegExp }> = [
  {
    globs: ['**/pom.xml'],
    re: /<(?:distributionManagement)>|<artifactId>(?:central-publishing-maven-plugin|nexus-staging-maven-plugin)<\/artifactId>/,
  },
  {
    globs: ['**/build.gradle', '**/build.gradle.kts'],
    re: /\b(?:maven-publish|com\.vanniktech\.maven\.publish|io\.github\.gradle-nexus\.publish-plugin)\b/,
  },
  {
    globs: ['.github/workflows/*.yml', '.github/workflows/*.yaml', '.gitlab-ci.yml'],
    re: /\b(?:mvnw?\b[^\n]*\sdeploy\b|gradlew?\b[^\n]*\spublish\w*|npm publish|twine upload|cargo publish|dotnet nuget push|gem push)|pypa\/gh-action-pypi-publish/,
  },
];

/** Where the repository publishes a library artefact — when it deploys no image of its own. */
export function publishedLibrary(files: FileView): string | undefined {
  const ownImage = files
    .match(['**/Dockerfile', '**/*.Dockerfile', '**/Containerfile'])
    .some((p) => !NOT_THE_PRODUCT.test(p));
  if (ownImage) return undefined;
  for (const { globs, re } of PUBLISH_CONFIG) {
    for (const path of files.match(globs)) {
      if (NOT_THE_PRODUCT.test(path)) continue;
      const text = files.read(path);
      const m = text ? re.exec(text) : null;
      if (!m || !text) continue;
      const line = text.slice(0, m.index).split('\n').length;
      return `${path}:${line}: ${m[0].trim()}`;
    }
  }
  return undefined;
}
