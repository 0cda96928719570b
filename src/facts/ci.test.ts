import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import type { ToolKind } from '../types.js';
import { ciFiles, envKind } from './ci.js';
import { commandGraph, runsOf } from './commands/index.js';

/** The CI commands of a kind the command graph finds, as the CI line that reaches them (text, line, job). */
const ofKind = (tree: Record<string, string>, kind: ToolKind) =>
  runsOf(commandGraph(memoryIndex(tree)), kind).map((r) => ({
    text: r.chain[0]!.text,
    line: r.chain[0]!.line,
    ...(r.origin.job ? { job: r.origin.job } : {}),
  }));

const parse = (tree: Record<string, string>) => ciFiles(memoryIndex(tree));

describe('ciFiles: GitHub Actions', () => {
  const [wf] = parse({
    '.github/workflows/ci.yml': [
      'on: push', // 1
      'jobs:', // 2
      '  test:', // 3
      '    runs-on: ubuntu-latest', // 4
      '    steps:', // 5
      '      - uses: actions/checkout@v4', // 6
      '      - run: |', // 7
      '          npm ci', // 8
      '', // 9
      '          npm test', // 10
      '  deploy:', // 11
      '    needs: test', // 12
      '    environment:', // 13
      '      name: production', // 14
      '      url: https://example.com', // 15
      '    runs-on: ubuntu-latest', // 16
      '    steps:', // 17
      '      - run: echo "now run npm test"', // 18
    ].join('\n'),
  });
  it('lists jobs with their lines', () => {
    expect(wf!.jobs).toEqual([
      { name: 'test', line: 3 },
      { name: 'deploy', line: 11 },
    ]);
  });
  it('gives each line of a block scalar its own line, across blank lines', () => {
    expect(wf!.commands.filter((c) => c.kind === 'run' && c.job === 'test').map((c) => [c.text, c.line])).toEqual([
      ['npm ci', 8],
      ['npm test', 10],
    ]);
  });
  it('records the environment a job targets, with its line', () => {
    expect(wf!.environments).toEqual([
      { name: 'production', path: '.github/workflows/ci.yml', line: 14, job: 'deploy' },
    ]);
  });
});

describe('ciFiles: other systems', () => {
  it('GitLab CI: jobs, scripts and environments; hidden templates and reserved keys are not jobs; pages is a job', () => {
    const tree = {
      '.gitlab-ci.yml':
        'stages: [test, deploy]\nvariables:\n  A: b\n.base:\n  image: node:20\ntest:\n  extends: .base\n  script:\n    - npm test\npages:\n  script: [mkdocs build]\ndeploy-prod:\n  environment: production\n  script:\n    - helm upgrade --install api ./chart\n',
    };
    const [f] = parse(tree);
    expect(f!.jobs.map((j) => j.name)).toEqual(
      ['.base', 'test', 'pages', 'deploy-prod'].filter((n) => !n.startsWith('.')),
    );
    expect(f!.environments).toMatchObject([{ name: 'production', line: 13, job: 'deploy-prod' }]);
    expect(ofKind(tree, 'deploy')).toEqual([
      { text: 'helm upgrade --install api ./chart', line: 15, job: 'deploy-prod' },
    ]);
  });
  it('Azure Pipelines: commands belong to their job inside stages; task inputs named environment are not targets', () => {
    const tree = {
      'azure-pipelines.yml':
        'stages:\n- stage: Build\n  jobs:\n  - job: build\n    steps:\n    - script: dotnet test\n    - task: AzureCLI@2\n      inputs:\n        environment: AzureCloud\n- stage: Deploy\n  jobs:\n  - deployment: web\n    environment: staging\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n          - task: AzureWebApp@1\n',
    };
    const [f] = parse(tree);
    expect(f!.jobs.map((j) => j.name)).toEqual(['build', 'web']);
    expect(f!.commands.find((c) => c.text === 'dotnet test')).toMatchObject({ job: 'build', line: 6 });
    expect(f!.environments).toMatchObject([{ name: 'staging', job: 'web', line: 13 }]);
    expect(ofKind(tree, 'deploy')).toEqual([{ text: 'AzureWebApp@1', job: 'web', line: 18 }]);
  });
  it('CircleCI: run steps as scalars and maps', () => {
    const tree = {
      '.circleci/config.yml':
        'version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/go:1.22\n    steps:\n      - checkout\n      - run: go build ./...\n      - run:\n          name: test\n          command: go test ./...\n',
    };
    expect(parse(tree)[0]!.system).toBe('circleci');
    expect(ofKind(tree, 'test')).toEqual([{ text: 'go test ./...', line: 11, job: 'build' }]);
    expect(ofKind(tree, 'build')).toEqual([{ text: 'go build ./...', line: 8, job: 'build' }]);
  });
  it('Jenkinsfile: sh steps single and triple quoted, stages as jobs', () => {
    const tree = {
      Jenkinsfile:
        "pipeline {\n  agent any\n  stages {\n    stage('Build') {\n      steps { sh './mvnw -B package' }\n    }\n    stage('Deploy') {\n      steps {\n        sh '''\n          kubectl apply -f k8s/\n        '''\n      }\n    }\n  }\n}\n",
    };
    expect(parse(tree)[0]!.jobs.map((j) => j.name)).toEqual(['Build', 'Deploy']);
    expect(ofKind(tree, 'deploy')).toEqual([{ text: 'kubectl apply -f k8s/', line: 10, job: 'Deploy' }]);
  });
  it('Jenkins pipelines under other names: Jenkinsfile_<suffix>, Jenkinsfile-<suffix>, Groovy pipelines in a jenkins/ or ci/ folder', () => {
    const pipeline = (cmd: string) =>
      `pipeline {\n  agent any\n  stages {\n    stage('Test') {\n      steps { sh '${cmd}' }\n    }\n  }\n}\n`;
    const tree = {
      Jenkinsfile_nightly: pipeline('./mvnw -B verify'),
      'Jenkinsfile-release': pipeline('go test ./...'),
      'jenkins/deploy.groovy': pipeline('pytest'),
      'ci/Jenkinsfile_pr': pipeline('npm test'),
      // Groovy that is no pipeline: a library class and a Gradle script in a ci/ folder.
      'ci/Helpers.groovy': 'class Helpers {\n  static String stage(String s) { s }\n}\n',
      'jenkins/vars.groovy': "def call() {\n  sh 'make lint'\n}\n",
    };
    expect(parse(tree).map((f) => [f.system, f.path])).toEqual([
      ['jenkins', 'Jenkinsfile-release'],
      ['jenkins', 'Jenkinsfile_nightly'],
      ['jenkins', 'ci/Jenkinsfile_pr'],
      ['jenkins', 'jenkins/deploy.groovy'],
    ]);
    expect(ofKind(tree, 'test').map((r) => r.text)).toEqual([
      'go test ./...',
      './mvnw -B verify',
      'npm test',
      'pytest',
    ]);
    // A shared library's pipeline step holds the steps written outside any stage.
    const lib = {
      Jenkinsfile_CNP:
        "@Library(\"Infrastructure\") _\nwithPipeline(type, product, component) {\n  afterSuccess('test') {\n    builder.gradle('integration')\n  }\n}\n",
    };
    expect(parse(lib)[0]!.commands.map((c) => [c.text, c.job])).toEqual([['gradle integration', 'withPipeline']]);
  });
  it('Jenkinsfile: sh with named arguments before script', () => {
    const [f] = parse({
      Jenkinsfile:
        'node {\n  def v = sh(returnStdout: true, script: \'git describe --tags\').trim()\n  sh(script: "go test ./...")\n}\n',
    });
    expect(f!.commands.map((c) => [c.text, c.line])).toEqual([
      ['git describe --tags', 2],
      ['go test ./...', 3],
    ]);
  });
  it('Cloud Build: a builder and its args read as one command; bash -c scripts line by line', () => {
    const tree = {
      'cloudbuild.yaml':
        "steps:\n- name: gcr.io/cloud-builders/docker\n  args: ['build', '-t', 'gcr.io/$PROJECT_ID/api:$SHORT_SHA', '.']\n- name: gcr.io/cloud-builders/gcloud\n  entrypoint: bash\n  args:\n  - -c\n  - |\n    gcloud run deploy api --image gcr.io/$PROJECT_ID/api:$SHORT_SHA\n",
    };
    expect(parse(tree)[0]!.system).toBe('cloud-build');
    expect(ofKind(tree, 'build')).toMatchObject([
      { text: 'docker build -t gcr.io/$PROJECT_ID/api:$SHORT_SHA .', line: 3 },
    ]);
    expect(ofKind(tree, 'deploy')).toMatchObject([
      { text: 'gcloud run deploy api --image gcr.io/$PROJECT_ID/api:$SHORT_SHA', line: 9 },
    ]);
  });
  it('Cloud Build configs named *.cloudbuild.yaml in a folder; a step that runs its args as a program', () => {
    const tree = {
      'build/int.cloudbuild.yaml':
        "steps:\n- id: verify\n  name: 'gcr.io/acme-ci/$_TOOLS_IMAGE:$_TOOLS_TAG'\n  args: ['/bin/bash', '-c', 'cft test run TestReplica --stage verify']\n- id: unit\n  name: golang:1.22\n  entrypoint: go\n  args: ['test', './...']\n",
      'build/lint.cloudbuild.yaml':
        "steps:\n- name: 'gcr.io/acme-ci/$_TOOLS_IMAGE:$_TOOLS_TAG'\n  entrypoint: bash\n  args: ['-c', 'tflint --recursive']\n",
      'build/notes.yaml': "steps:\n- name: golang\n  args: ['go', 'test']\n",
    };
    expect(parse(tree).map((f) => [f.path, f.system])).toEqual([
      ['build/int.cloudbuild.yaml', 'cloud-build'],
      ['build/lint.cloudbuild.yaml', 'cloud-build'],
    ]);
    expect(ofKind(tree, 'test')).toEqual([
      { text: 'cft test run TestReplica --stage verify', line: 4, job: 'verify' },
      { text: 'go test ./...', line: 8, job: 'unit' },
    ]);
    expect(ofKind(tree, 'lint')).toEqual([{ text: 'tflint --recursive', line: 4 }]);
  });
  it('malformed YAML is reported, never thrown', () => {
    const [f] = parse({ '.github/workflows/bad.yml': 'jobs:\n  x: [\n' });
    expect(f).toMatchObject({ ok: false, jobs: [], commands: [] });
    expect(f!.error).toContain('.github/workflows/bad.yml');
  });
});

describe('environments', () => {
  it('an expression with a literal fallback names the fallback; the line as written stays the evidence (round 13)', () => {
    const wf = `on:
  workflow_dispatch:
    inputs:
      environment:
        type: choice
        options: [staging, production]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: \${{ inputs.environment || 'staging' }}
    steps:
      - run: cap deploy
  review:
    runs-on: ubuntu-latest
    environment: \${{ github.head_ref }}
    steps:
      - run: echo hi
`;
    const f = ciFiles(memoryIndex({ '.github/workflows/deploy.yml': wf })).find((x) => x.path.endsWith('deploy.yml'));
    expect(f!.environments).toEqual([
      {
        name: 'staging',
        written: "${{ inputs.environment || 'staging' }}",
        path: '.github/workflows/deploy.yml',
        line: 10,
        job: 'deploy',
      },
      { name: '${{ github.head_ref }}', path: '.github/workflows/deploy.yml', line: 15, job: 'review' },
      // The manual trigger's choices are environments too, given to the job that reads the input (round 19).
      { name: 'staging', path: '.github/workflows/deploy.yml', line: 6, input: 'environment', job: 'deploy' },
      { name: 'production', path: '.github/workflows/deploy.yml', line: 6, input: 'environment', job: 'deploy' },
    ]);
  });
  it('classifies environment names, decorated or not', () => {
    expect(['prod', 'Production', 'prod-eu', 'aws-live'].map(envKind)).toEqual(['prod', 'prod', 'prod', 'prod']);
    expect(['staging', 'non-prod', 'pre-prod', 'uat', 'qa'].map(envKind)).toEqual([
      'preprod',
      'preprod',
      'preprod',
      'preprod',
      'preprod',
    ]);
    expect(['dev', 'github-pages'].map(envKind)).toEqual(['dev', undefined]);
  });
});

describe('environments computed from CI expressions, on hostile input', () => {
  it('a workflow of thousands of jobs, each with its own expression, is followed for the first ones only', () => {
    const lines = ['on: push', 'jobs:'];
    for (let i = 0; i < 3000; i++)
      lines.push(
        `  j${i}:`,
        '    runs-on: ubuntu-latest',
        `    environment: \${{ env.TARGET_${i} }}`,
        '    steps:',
        `      - run: echo TARGET_${i}=staging >> "$GITHUB_ENV"`,
      );
    const [ci] = parse({ '.github/workflows/deploy.yml': lines.join('\n') });
    const computed = ci!.environments.filter((e) => e.name === 'staging');
    expect(computed[0]).toMatchObject({ job: 'j0', assigned: 7 });
    expect(computed.length).toBe(20);
  });

  it('one expression repeated by every job is followed once and resolved for each', () => {
    const lines = ['on: push', 'jobs:'];
    for (let i = 0; i < 500; i++)
      lines.push(
        `  j${i}:`,
        '    runs-on: ubuntu-latest',
        '    environment: ${{ env.TARGET }}',
        '    steps:',
        '      - run: make',
      );
    lines.push('env:', '  TARGET: production');
    const [ci] = parse({ '.github/workflows/deploy.yml': lines.join('\n') });
    expect(ci!.environments.filter((e) => e.name === 'production').length).toBe(500);
  });
});
