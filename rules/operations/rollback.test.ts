import rule from './rollback.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a runbook with a rollback section and helm rollback passes (Go service with Helm)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'docs/runbooks/deploy.md': '# Deploys\n\n## Rolling back a release\n\n```sh\nhelm rollback api 0\n```\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'docs/runbooks/deploy.md', line: 3 },
          { path: 'docs/runbooks/deploy.md', line: 6 },
        ],
      },
    },
    {
      name: 'SHA-tagged images in CI, helm --atomic and a rollback heading pass (Node service)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"api"}\n',
        'README.md': '# api\n\n## Rollback\n\nRe-run the deploy workflow with the previous tag.\n',
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t ghcr.io/acme/api:${{ github.sha }} .\n      - run: |\n          helm upgrade --install api ./chart \\\n            --atomic --set image.tag=${{ github.sha }}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'README.md', line: 3 },
          { path: '.github/workflows/deploy.yml', line: 6 },
          { path: '.github/workflows/deploy.yml', line: 9 },
        ],
        data: { documented: true, mechanism: true, versionedImages: true },
      },
    },
    {
      name: 'an AsciiDoc rollback heading, kubectl flags before `rollout undo`, and release images named by template behind a registry URL',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'docs/operations.adoc': '= Operations\n\n== Rolling back\n\nSee the script.\n',
        'scripts/undo.sh': '#!/bin/sh\nkubectl --context prod -n shop rollout undo deployment/api\n',
        '.goreleaser.yaml':
          'dockers:\n  - image_templates:\n      - "https://ghcr.io/acme/api:{{ .Version }}"\n      - "acme//mirror/api:{{ .Tag }}"\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'docs/operations.adoc', line: 3 },
          { path: 'scripts/undo.sh', line: 2 },
          { path: '.goreleaser.yaml', line: 3 },
          { path: '.goreleaser.yaml', line: 4 },
        ],
      },
    },
    {
      name: 'a release script that keeps "$REPO:$VERSION" in a tag list and pushes with docker buildx --push: versioned images, no procedure (round 12, Django app)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "ledger"\n',
        'ledger/__init__.py': '__version__ = "1.2.0"\n',
        'release/buildx.bash': [
          '#!/usr/bin/env bash',
          'set -euo pipefail',
          'VERSION=$(python -c "import ledger; print(ledger.__version__)")',
          'REPO="acme/ledger"',
          'TAG_LIST=(',
          '  "$REPO:$VERSION"',
          '  "$REPO:latest"',
          ')',
          'TAGS=""',
          'for t in "${TAG_LIST[@]}"; do TAGS+=" -t $t"; done',
          'LAST',
          '',
        ]
          .join('\n')
          .replace('LAST', 'docker buildx build --platform linux/amd64,linux/arm64 $TAGS . --push'),
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: 'immutable versioned image tags found; no written rollback procedure',
        evidence: [
          {
            path: 'release/buildx.bash',
            line: 6,
            snippet: '"$REPO:$VERSION"',
            note: 'images tagged with a version or commit',
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a reusable build workflow given the release tag as metadata-action specs, and an alembic downgrade recipe: partial, no runbook (round 19)',
      profile: 'service',
      tree: {
        'pyproject.toml':
          '[project]\nname = "shop"\n\n[dependency-groups]\nweb = ["fastapi>=0.115", "alembic>=1.16"]\n',
        'main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
        justfile: '# run alembic downgrade\n[group("Database")]\ndb-rollback:\n    alembic downgrade -1\n',
        '.github/workflows/release.yml': [
          'on:', // 1
          '  release:', // 2
          '    types: [published]', // 3
          'jobs:', // 4
          '  images:', // 5
          '    uses: acme/workflows/.github/workflows/docker-build.yml@main', // 6
          '    with:', // 7
          '      image-name: acme/shop', // 8
          '      tags: |', // 9
          '        type=raw,value=${{ github.event.release.tag_name }}', // 10
          '        type=raw,value=stable', // 11
          '', // 12
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        message: 'no written rollback procedure',
        evidence: [
          {
            path: 'justfile',
            line: 4,
            note: 'schema rollback command (reverts the last migration): it undoes a database change, not a release; not counted',
          },
          { path: '.github/workflows/release.yml', line: 10, note: 'images tagged with a version or commit' },
        ],
      },
    },
    {
      name: 'a deploy workflow that builds the chosen gitRef and deploys its imageTag credits versioned images; a package.json migration:revert script is named, but reverts the database, not a release (round 19, round 31)',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify(
          {
            name: 'feed',
            scripts: { 'db:migrate:rollback': 'typeorm migration:revert -d src/data-source.ts' },
            dependencies: { fastify: '4.0.0', typeorm: '0.3.0' },
          },
          null,
          2,
        ),
        'src/index.ts': "import fastify from 'fastify'\n\nexport const app = fastify()\n",
        '.github/workflows/deploy.yml': [
          'on:', // 1
          '  workflow_dispatch:', // 2
          '    inputs:', // 3
          '      gitRef:', // 4
          '        required: true', // 5
          '        type: string', // 6
          'jobs:', // 7
          '  build-and-publish-image:', // 8
          '    uses: acme/infra/.github/workflows/build-and-push-image.yml@main', // 9
          '    with:', // 10
          '      gitRef: ${{ inputs.gitRef || github.event.release.tag_name }}', // 11
          '  trigger-deploy:', // 12
          '    needs: build-and-publish-image', // 13
          '    uses: acme/infra/.github/workflows/deploy.yml@main', // 14
          '    with:', // 15
          '      imageTag: ${{ needs.build-and-publish-image.outputs.imageTag }}', // 16
          '', // 17
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        evidence: [
          {
            path: 'package.json',
            line: 4,
            note: 'schema rollback command (reverts the last migration): it undoes a database change, not a release; not counted',
          },
          { path: '.github/workflows/deploy.yml', line: 11, note: 'images tagged with a version or commit' },
        ],
      },
    },
    {
      name: 'the same tag list in a script that never builds or pushes an image names no image',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "ledger"\n',
        'ledger/__init__.py': '__version__ = "1.2.0"\n',
        'release/tags.bash': [
          '#!/usr/bin/env bash',
          'set -euo pipefail',
          'VERSION=$(python -c "import ledger; print(ledger.__version__)")',
          'REPO="acme/ledger"',
          'TAG_LIST=(',
          '  "$REPO:$VERSION"',
          '  "$REPO:latest"',
          ')',
          'TAGS=""',
          'for t in "${TAG_LIST[@]}"; do TAGS+=" -t $t"; done',
          'LAST',
          '',
        ]
          .join('\n')
          .replace('LAST', 'echo "$TAGS"'),
      },
      expect: { outcome: 'fail', message: 'No rollback procedure, command or versioned artefact found.' },
    },
    {
      name: 'Jib tags the pushed image with the project version in pom.xml: a versioned image, no procedure (Spring Boot service)',
      profile: 'service',
      tree: {
        'pom.xml': [
          '<project>',
          '  <artifactId>orders</artifactId>',
          '  <version>2.1.0</version>',
          '  <build><plugins>',
          '    <plugin>',
          '      <groupId>com.google.cloud.tools</groupId>',
          '      <artifactId>jib-maven-plugin</artifactId>',
          '      <configuration>',
          '        <to>',
          '          <image>docker.io/acme/${project.artifactId}</image>',
          '          <tags>',
          '            <tag>${project.version}</tag>',
          '            <tag>latest</tag>',
          '          </tags>',
          '        </to>',
          '      </configuration>',
          '    </plugin>',
          '  </plugins></build>',
          '</project>',
          '',
        ].join('\n'),
        'build.gradle': "plugins { id 'java' }\njar { manifest { attributes(tags = [version]) } }\n",
      },
      expect: {
        outcome: 'partial',
        message: 'immutable versioned image tags found; no written rollback procedure',
        evidence: [{ path: 'pom.xml', line: 12, note: 'images tagged with a version or commit' }],
        data: { versionedImages: true, versionedKind: 'image' },
      },
    },
    {
      name: 'a GitHub release tagged with the build number is named a release tag, not an image tag (Azure GitHubRelease task)',
      profile: 'service',
      tree: {
        'Indexer.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n',
        'azure-pipelines.yml': [
          'stages:',
          '- stage: Release',
          '  jobs:',
          '  - job: Publish',
          '    steps:',
          '    - task: GitHubRelease@1',
          '      displayName: Create GitHub release',
          '      inputs:',
          '        gitHubConnection: github',
          '        action: create',
          '        tagSource: userSpecifiedTag',
          "        tag: 'v$(Build.BuildNumber)'",
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        message: 'versioned release tags (no versioned container image) found',
        evidence: [
          {
            path: 'azure-pipelines.yml',
            line: 12,
            note: 'release tagged with a version (a release tag, not an image)',
          },
        ],
        data: { versionedImages: true, versionedKind: 'release' },
      },
    },
    {
      name: 'a version tag on a docker/build-push-action step is named an image tag',
      profile: 'service',
      tree: {
        'Indexer.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n',
        '.github/workflows/docker.yml': [
          'on: push',
          'jobs:',
          '  publish:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: docker/build-push-action@v6',
          '        with:',
          '          push: true',
          '          tags: ${{ steps.meta.outputs.tags }}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        message: 'immutable versioned image tags found',
        evidence: [{ path: '.github/workflows/docker.yml', line: 9, note: 'images tagged with a version or commit' }],
        data: { versionedKind: 'image' },
      },
    },
    {
      name: 'a "Sample Rollback Email" heading of a product feature is no rollback procedure; a deploy rollback section is',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'docs/email-service.md':
          '# E-mail service\n\n### 3.6 Sample Rollback Email\n\nThe e-mail a user receives when a config release is rolled back.\n',
      },
      expect: { outcome: 'fail', absent: ['email-service.md'] },
    },
    {
      name: 'the "## Rollback" section of a signing-key rotation runbook undoes the rotation, not a release',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n',
        'docs/key_rotation.md':
          '# Signing Key Rotation Runbook\n\n## Steps\n\nDeploy the new key next to the old one.\n\n## Rollback\n\nRestore the old key and redeploy; the dual-key config deployed earlier stays.\n',
      },
      expect: { outcome: 'fail', absent: ['key_rotation.md'] },
    },
    {
      name: 'TAG=$(git describe --tags) in an install script checks out a git tag: no versioned image',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"symfony/framework-bundle":"^6.4"}}\n',
        'scripts/install.sh':
          '#!/bin/sh\nTAG=$(git describe --tags $(git rev-list --tags --max-count=1))\ngit checkout $TAG\ncomposer install --no-dev\n',
      },
      expect: { outcome: 'fail', data: { versionedImages: false } },
    },
    {
      name: 'a list under `tags: |` tagging owner/app:${{ env.VERSION }}, and goreleaser templates named by template, are versioned artefacts',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/shelf\n',
        '.github/workflows/build.yaml':
          'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          tags: |\n            owner/shelf:latest\n            owner/shelf:${{ env.VERSION }}\n',
        '.goreleaser.yml':
          'dockers:\n  - image_templates:\n      - "{{ .Env.ORG }}/{{ .ProjectName }}:latest"\n      - "{{ .Env.ORG }}/{{ .ProjectName }}:{{ .Tag }}-amd64"\n',
      },
      expect: {
        outcome: 'partial',
        data: { versionedImages: true },
        evidence: [
          { path: '.github/workflows/build.yaml', line: 10 },
          { path: '.goreleaser.yml', line: 4 },
        ],
      },
    },
    {
      name: 'images named by an expression and tagged with the release tag (github.event.release.tag_name) are versioned artefacts (round 13)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        '.github/workflows/docker.yml':
          'on:\n  release:\n    types: [published]\nenv:\n  IMAGE_NAME: owner/board\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            ${{ env.IMAGE_NAME }}:latest\n            ghcr.io/${{ env.IMAGE_NAME }}:${{ github.event.release.tag_name }}\n',
      },
      expect: {
        outcome: 'partial',
        data: { versionedImages: true },
        evidence: [{ path: '.github/workflows/docker.yml', line: 15 }],
      },
    },
    {
      name: 'image tags from any expression naming a version (env.app_version, outputs.VERSION_TAG) are versioned artefacts (round 32)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/shelf\n',
        '.github/workflows/docker.yaml':
          'on: release\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            owner/shelf:stable\n            owner/shelf:${{ env.shelf_version }}\n',
        '.github/workflows/edge.yml':
          'on: push\njobs:\n  edge:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t owner/shelf:${{ steps.version.outputs.VERSION_TAG }} .\n',
      },
      expect: {
        outcome: 'partial',
        data: { versionedImages: true },
        evidence: [
          { path: '.github/workflows/docker.yaml', line: 11 },
          { path: '.github/workflows/edge.yml', line: 6 },
        ],
      },
    },
    {
      name: 'GoReleaser dockers_v2 images tagged {{.Version}} in their own tags list are versioned artefacts (round 32)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/shelf\n',
        '.goreleaser.yaml':
          'dockers_v2:\n  - images:\n      - ghcr.io/owner/shelf\n    tags:\n      - "{{.Version}}"\n      - latest\n',
      },
      expect: {
        outcome: 'partial',
        data: { versionedImages: true },
        evidence: [{ path: '.goreleaser.yaml', line: 5 }],
      },
    },
    {
      name: 'expressions not naming a version (env.stage, env.IMAGE_NAME), latest-only dockers_v2 tags and a bare {{.Version}} item outside GoReleaser are not versioned',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/shelf\n',
        '.github/workflows/docker.yaml':
          'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            owner/shelf:${{ env.stage }}\n            ${{ env.IMAGE_NAME }}:latest\n      - run: docker build -t owner/shelf:${{ env.shadow_mode }} .\n',
        '.github/workflows/notes.yml':
          'on: push\njobs:\n  notes:\n    steps:\n      - run: echo\n    with:\n      args:\n        - "{{.Version}}"\n',
        '.goreleaser.yaml': 'dockers_v2:\n  - images:\n      - ghcr.io/owner/shelf\n    tags:\n      - latest\n',
      },
      expect: { outcome: 'fail', data: { versionedImages: false } },
    },
    {
      name: 'a list under `tags: |` of channel tags and a goreleaser template tagged latest only are not versioned',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/shelf\n',
        '.github/workflows/build.yaml':
          'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          tags: |\n            owner/shelf:latest\n            owner/shelf:${{ env.CHANNEL }}\n',
        '.goreleaser.yml': 'dockers:\n  - image_templates:\n      - "{{ .Env.ORG }}/{{ .ProjectName }}:latest"\n',
      },
      expect: { outcome: 'fail', data: { versionedImages: false } },
    },
    {
      name: 'the same git describe tag used to build and push an image is a versioned artefact',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"symfony/framework-bundle":"^6.4"}}\n',
        'scripts/release.sh':
          '#!/bin/sh\nTAG=$(git describe --tags)\ndocker build -t acme/app:$TAG .\ndocker push acme/app:$TAG\n',
      },
      expect: { outcome: 'partial', data: { versionedImages: true } },
    },
    {
      name: 'image tags built from expressions (env.VERSION, step outputs, GITHUB_REF, a TAGS= list) are versioned artefacts',
      profile: 'service',
      tree: {
        'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        '.github/workflows/canary.yml':
          'on: push\njobs:\n  canary:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          tags: acme/api:canary, acme/api:canary-${{ steps.parse-version.outputs.VERSION }}\n',
        '.github/workflows/nightly.yml':
          'on: push\njobs:\n  nightly:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push acme/api:nightly-${{ env.VERSION }}\n',
        '.github/workflows/release.yml':
          'on: push\njobs:\n  tags:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "BASE_TAGS=latest,${GITHUB_REF#refs/*/}" >> "$GITHUB_ENV"\n',
      },
      expect: {
        outcome: 'partial',
        data: { versionedImages: true },
        evidence: [
          { path: '.github/workflows/canary.yml', line: 8 },
          { path: '.github/workflows/nightly.yml', line: 6 },
        ],
      },
    },
    {
      name: 'channel tags without a version (canary, nightly, latest) are not versioned artefacts',
      profile: 'service',
      tree: {
        'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        '.github/workflows/canary.yml':
          'on: push\njobs:\n  canary:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          tags: acme/api:canary, acme/api:nightly, acme/api:latest\n',
      },
      expect: { outcome: 'fail', data: { versionedImages: false } },
    },
    {
      name: 'images tagged with the Travis commit are versioned artefacts (partial: no written procedure)',
      profile: 'service',
      tree: {
        '.travis.yml':
          'script:\n  - export COMMIT=${TRAVIS_COMMIT::7}\n  - docker build -t $REPO/config:$COMMIT ./config\n  - docker push $REPO/config:$COMMIT\n',
        'config/Dockerfile': 'FROM eclipse-temurin:21\n',
      },
      expect: { outcome: 'partial', message: 'immutable versioned image tags found' },
    },
    {
      name: 'Krane deployment templates tag the image with the deployed commit (image: …:<%= current_sha %>)',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails'\n",
        'config/deploy/web.yaml.erb':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: 0482.dkr.ecr.us-west-2.amazonaws.com/gems/web:<%= current_sha %>\n',
      },
      expect: { outcome: 'partial', evidence: [{ path: 'config/deploy/web.yaml.erb', line: 10 }] },
    },
    {
      name: 'GoReleaser image templates tagged with the release tag are versioned artefacts',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        '.goreleaser.yml':
          'dockers:\n  - image_templates:\n      - &amd64_image "acme/push:{{ .Tag }}-amd64"\n    dockerfile: Dockerfile\n',
      },
      expect: {
        outcome: 'partial',
        message: 'immutable versioned image tags found',
        evidence: [{ path: '.goreleaser.yml', line: 3 }],
      },
    },
    {
      name: 'only versioned images (GitLab, Python service) is partial and names what is missing',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n',
        '.gitlab-ci.yml': 'build:\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA .\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: ['written rollback procedure', 'rollback command'],
        evidence: [{ path: '.gitlab-ci.yml', line: 3 }],
      },
    },
    {
      name: 'an ECS circuit breaker with rollback in Terraform without docs is partial (Java service)',
      profile: 'service',
      tree: {
        'pom.xml': '<project/>\n',
        'infra/ecs.tf':
          'resource "aws_ecs_service" "api" {\n  deployment_circuit_breaker {\n    enable   = true\n    rollback = true\n  }\n}\n',
      },
      expect: { outcome: 'partial', score: 0.3, evidence: [{ path: 'infra/ecs.tf', line: 2 }] },
    },
    {
      name: 'database transaction rollbacks and latest-only images do not count',
      profile: 'service',
      tree: {
        'docs/db.md': '# DB\n\n## Transaction rollback\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/api:latest .\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library has no deployment to roll back',
      profile: 'library',
      tree: { 'Cargo.toml': '[package]\nname="x"\n' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
