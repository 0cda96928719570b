import { describe, expect, it } from 'vitest';
import environments from './operations/environments.js';
import rollback from './operations/rollback.js';
import containerImage from './operations/container-image.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

// Blind round 37: deployment descriptions (Azure Pipelines stages and template parameters).
const azureCd = (testJob: string, testEnv: string) => `trigger: none
stages:
- stage: Test
  jobs:
  - deployment: ${testJob}
    environment: ${testEnv}
    strategy:
      runOnce:
        deploy:
          steps:
          - script: helm upgrade api ./chart -n api-test
- stage: Prod
  dependsOn: Test
  jobs:
  - deployment: Web_Prod
    environment: api-prod
    strategy:
      runOnce:
        deploy:
          steps:
          - script: helm upgrade api ./chart -n api-prod
`;

describe('environments: an Azure deployment job named for the test environment it deploys to', () => {
  it('counts the test stage as pre-production', async () => {
    const r = await runRuleOn(
      environments,
      {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'pipelines/api-cd.yml': azureCd('Web_Test', 'api-test'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('api-test');
  });
  it('still sets aside a test job whose environment is not a test environment', async () => {
    const r = await runRuleOn(
      environments,
      {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'pipelines/api-cd.yml': azureCd('Smoke_Test', 'api-staging'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('pass');
  });
});

const dockerTemplate = `parameters:
  - name: tag
    type: string
    default:
steps:
  - task: Docker@2
    inputs:
      command: buildAndPush
      repository: api
      tags: |
        \${{ parameters.tag }}
        latest
`;
const ciCalling = (tag: string) => `trigger:
  branches:
    include: [main]
variables:
  BuildNumber: $(GitVersion.FullSemVer)
stages:
- stage: Build
  jobs:
  - job: Build
    steps:
    - task: gitversion/execute@0
    - template: templates/DockerBuildAndPush.yml
      parameters:
        tag: ${tag}
`;

describe('rollback: an Azure template tags the image with the parameter its caller sets to the build version', () => {
  it('follows the parameter into the tag', async () => {
    const r = await runRuleOn(
      rollback,
      {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'pipelines/templates/DockerBuildAndPush.yml': dockerTemplate,
        'pipelines/api-ci.yml': ciCalling('$(BuildNumber)'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('immutable versioned image tags');
  });
  it('does not count a parameter the caller sets to a moving tag', async () => {
    const r = await runRuleOn(
      rollback,
      {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'pipelines/templates/DockerBuildAndPush.yml': dockerTemplate,
        'pipelines/api-ci.yml': ciCalling('edge'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

const dockerfile =
  'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY Api/Api.csproj Api/\nRUN dotnet publish Api -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\n';
const buildTemplate = `parameters:
  - name: artifactName
    type: string
steps:
  - task: Docker@2
    inputs:
      command: build
      Dockerfile: '**/\${{ parameters.artifactName }}/\${{ parameters.artifactName }}/Dockerfile'
      buildContext: \${{ parameters.artifactName }}
`;

describe('container-image: the .dockerignore of the build context CI gives the Dockerfile', () => {
  it('reads the .dockerignore in the parent folder an Azure Docker task builds from', async () => {
    const r = await runRuleOn(
      containerImage,
      {
        'Api/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Api/Dockerfile': dockerfile,
        'Api/.dockerignore': 'bin/\nobj/\n',
        'pipelines/templates/build.yml': buildTemplate,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });
  it('reads the context of a shell docker build -f from the parent folder', async () => {
    const r = await runRuleOn(
      containerImage,
      {
        'Api/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Api/Dockerfile': dockerfile,
        'Api/.dockerignore': 'bin/\nobj/\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -f Api/Dockerfile -t api:1 .\n        working-directory: Api\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });
  it('still asks for one when the context CI builds from has none', async () => {
    const r = await runRuleOn(
      containerImage,
      {
        'Api/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'Api/Api/Dockerfile': dockerfile,
        'Other/.dockerignore': 'bin/\n',
        'pipelines/templates/build.yml': buildTemplate,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('.dockerignore');
  });
});
