/**
 * Images built without a Dockerfile (issue 15, class 5). Jib, ko, Cloud Native Buildpacks (a
 * `project.toml`, `pack build`, Spring Boot's `bootBuildImage` / `spring-boot:build-image`),
 * Nixpacks and the .NET SDK's container publishing produce an image from the build itself, on
 * pinned, layered bases; a platform such as Heroku, App Engine or Render builds one from the
 * source with its buildpacks. Either way a Dockerfile is not missing.
 */
import type { Evidence, FileView, Match } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { isCommentLine, isProductionPath } from './paths.js';

export interface ImageBuilder {
  tool: string;
  /** `builder`: the build configures or runs an image builder; `platform`: a PaaS builds it from source. */
  kind: 'builder' | 'platform';
  evidence: Evidence;
}

export const IMAGE_BUILDER_PATTERN: ScanPattern = {
  key: 'facts:image-builder',
  regex:
    /(\bjib-maven-plugin|\bcom\.google\.cloud\.tools\.jib|\bspring-boot:build-image|\bbootBuildImage|\bpack\s+build|\bko\s+(?:build|publish|resolve|apply)|\bnixpacks\s+build|[-/]t:PublishContainer|PublishProfile=DefaultContainer|<ContainerRepository>|<ContainerImageName>|<EnableSdkContainerSupport>\s*true|\bgcloud\s+run\s+deploy\b[^\n]*--source|\.PublishAs(?:AzureContainerApp|DockerComposeService|KubernetesService)\(|\.Add(?:AzureContainerAppEnvironment|DockerComposeEnvironment|KubernetesEnvironment)\()/,
  files: [
    '**/pom.xml',
    '**/build.gradle',
    '**/build.gradle.kts',
    '**/*.{csproj,fsproj}',
    '**/Directory.Build.props',
    '**/Makefile',
    '**/*.{yml,yaml,sh}',
    '**/Jenkinsfile',
    '**/Jenkinsfile.*',
    '**/Jenkinsfile_*',
    '**/Jenkinsfile-*',
    '**/*.md',
    '**/AppHost/**/*.cs',
    '**/*AppHost*/**/*.cs',
  ],
  literals: [
    'jib',
    'build-image',
    'bootBuildImage',
    'pack',
    'ko ',
    'nixpacks',
    'PublishContainer',
    'DefaultContainer',
    'ContainerRepository',
    'ContainerImageName',
    'EnableSdkContainerSupport',
    '--source',
    'PublishAs',
    'Environment(',
  ],
  maxPerFile: 1,
};

const TOOL: [RegExp, string][] = [
  [/jib/i, 'Jib'],
  [/build-image|bootBuildImage/, 'Spring Boot buildpacks'],
  [/pack\s+build/, 'Cloud Native Buildpacks'],
  [/\bko\s/, 'ko'],
  [/nixpacks/, 'Nixpacks'],
  [
    /PublishContainer|DefaultContainer|Container(?:Repository|ImageName)|EnableSdkContainerSupport/,
    '.NET SDK container publishing',
  ],
  [/gcloud\s+run\s+deploy/, 'Cloud Run source deploys (buildpacks)'],
  [/PublishAs|Environment\(/, '.NET Aspire (projects published as container images)'],
];

/** Files whose presence says which builder or platform makes the image. */
const BY_FILE: { globs: string[]; tool: string; kind: ImageBuilder['kind'] }[] = [
  { globs: ['**/project.toml'], tool: 'Cloud Native Buildpacks (project.toml)', kind: 'builder' },
  { globs: ['**/nixpacks.toml', '**/nixpacks.json'], tool: 'Nixpacks', kind: 'builder' },
  { globs: ['**/.ko.yaml'], tool: 'ko', kind: 'builder' },
  { globs: ['app.json', 'Procfile'], tool: 'Heroku buildpacks', kind: 'platform' },
  { globs: ['**/app.yaml'], tool: 'App Engine (runtime builds)', kind: 'platform' },
  { globs: ['render.yaml'], tool: 'Render native runtime', kind: 'platform' },
];

export function imageBuilders(files: FileView, matches: Match[]): ImageBuilder[] {
  const out: ImageBuilder[] = [];
  for (const m of matches) {
    if (!isProductionPath(m.path) || isCommentLine(m.snippet)) continue;
    const tool = TOOL.find(([re]) => re.test(m.groups[0] ?? ''))?.[1] ?? m.groups[0] ?? 'image builder';
    if (out.some((b) => b.tool === tool)) continue;
    out.push({
      tool,
      kind: 'builder',
      evidence: { path: m.path, line: m.line, snippet: m.snippet, note: `image built by ${tool}` },
    });
  }
  for (const { globs, tool, kind } of BY_FILE) {
    const hit = files.match(globs).filter(isProductionPath);
    if (hit.length === 0) continue;
    // An App Engine app.yaml names a runtime; a Kubernetes or CI app.yaml does not.
    if (tool.startsWith('App Engine') && !hit.some((p) => /^runtime:\s*\w/m.test(files.read(p) ?? ''))) continue;
    out.push({ tool, kind, evidence: { path: hit[0]!, note: `image built by ${tool}` } });
  }
  return out;
}
