import rule from './continuous-deployment.js';
import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { fixtureTree } from '../../src/testing/fixtures.js';

const ghDeploy = `name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: |
          helm upgrade --install api ./chart \\
            --set image.tag=\${{ github.sha }}
`;

ruleTester(rule, {
  valid: [
    {
      name: 'an approval environment a job targets is named as a gate, as environments names it (round 20)',
      profile: 'service',
      tree: {
        'build.gradle': "plugins { id 'org.springframework.boot' version '3.3.0' }\n",
        'chart/Chart.yaml': 'apiVersion: v2\nname: shelf\nversion: 1.0.0\n',
        '.github/workflows/pipeline.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./gradlew build\n  create-release:\n    needs: build\n    runs-on: ubuntu-latest\n    environment: approve-release\n    steps:\n      - run: gh release create v1.0.0\n  deploy:\n    needs: create-release\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade --install shelf ./chart\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: '.github/workflows/pipeline.yml',
            line: 13,
            note: 'job create-release targets environment approve-release (an approval gate: someone approves the job before it runs)',
          },
        ],
      },
    },
    {
      name: 'a Static Web Apps workflow deploys in its upload job; the job that closes a pull request preview is no deploy (round 11)',
      profile: 'service',
      tree: {
        'web/package.json': '{"name":"web","scripts":{"build":"vite build"}}',
        '.github/workflows/swa.yml': [
          'name: Static site',
          'on:',
          '  push:',
          '    branches: [main]',
          '  pull_request:',
          '    types: [opened, synchronize, closed]',
          'jobs:',
          '  build_and_deploy_job:',
          "    if: github.event_name == 'push'",
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - name: Build And Deploy',
          '        uses: Azure/static-web-apps-deploy@v1',
          '        with:',
          '          azure_static_web_apps_api_token: ${{ secrets.SWA_TOKEN }}',
          '          action: "upload"',
          '          app_location: "/web"',
          '  close_pull_request_job:',
          "    if: github.event.action == 'closed'",
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - name: Close Pull Request',
          '        uses: Azure/static-web-apps-deploy@v1',
          '        with:',
          '          azure_static_web_apps_api_token: ${{ secrets.SWA_TOKEN }}',
          '          action: "close"',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.github/workflows/swa.yml', line: 14 }],
        absent: ['swa.yml:24', 'close_pull_request_job'],
      },
    },
    {
      name: 'a reusable action whose inputs say it redeploys (redeploy_ecs_service) deploys, not only publishes (round 13, a Rust bot on ECS)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "bot"\n[dependencies]\naxum = "0.7"\n',
        'src/main.rs': 'fn main() {}\n',
        '.github/workflows/ci.yml': [
          'name: CI',
          'on:',
          '  push:',
          '    branches: [main]',
          '  merge_group:',
          'jobs:',
          '  deploy:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - name: Deploy to production',
          "        if: github.event_name == 'merge_group'",
          '        uses: example-org/infra/github-actions/upload-docker-image@main',
          '        with:',
          '          image: bot',
          '          repository: example-bot',
          '          region: us-west-1',
          '          redeploy_ecs_cluster: prod-cluster',
          '          redeploy_ecs_service: bot',
          '          aws_secret_access_key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 13,
            note: 'job deploy deploys: .github/workflows/ci.yml:13 → example-org/infra/github-actions/upload-docker-image; example-org/infra/github-actions/upload-docker-image deploys (input redeploy_ecs_cluster: prod-cluster)',
          },
        ],
      },
    },
    {
      name: 'an SSH action running the deploy script on the server when a release is published deploys (round 10, Django site)',
      profile: 'service',
      tree: {
        'manage.py': 'import django\n',
        'requirements.txt': 'Django==5.0\n',
        '.github/workflows/deploy.yml': [
          'name: Deploy',
          'on:',
          '  release:',
          '    types: [published]',
          'jobs:',
          '  deploy:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - name: Run deploy script',
          '        uses: appleboy/ssh-action@v1.0.3',
          '        with:',
          '          host: ${{ secrets.HOST }}',
          '          key: ${{ secrets.KEY }}',
          '          script: |',
          '            cd ~/site && ./deploy.sh',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.github/workflows/deploy.yml', line: 11 }],
      },
    },
    {
      name: "a PaaS vendor's deploy action given a deploy key from the secret store deploys (Hatchbox-style)",
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        '.github/workflows/platform-deploy.yml':
          'name: Platform Deploy\n\non:\n  push:\n    tags:\n      - "v*.*.*"\n\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy to the platform\n        uses: acmehost/github-acmehost-deploy-action@3bbadafe51e89bbf29fd3932bd84534f4fc9a00c # v2\n        with:\n          deploy_key: ${{ secrets.ACMEHOST_DEPLOY_KEY }}\n          sha: ${{ github.sha }}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.github/workflows/platform-deploy.yml', line: 13 }],
      },
    },
    {
      name: 'a GitHub Actions job running helm upgrade into an environment passes (Go service)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'main.go': 'package main\n',
        '.github/workflows/deploy.yml': ghDeploy,
      },
      expect: {
        outcome: 'pass',
        message: ['CI deploy jobs', 'production'],
        evidence: [
          { path: '.github/workflows/deploy.yml', line: 12 },
          { path: '.github/workflows/deploy.yml', line: 8 },
        ],
        data: { environments: ['production'] },
      },
    },
    {
      name: 'GitLab CI running terraform apply passes (infrastructure)',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_s3_bucket" "b" {}\n',
        '.gitlab-ci.yml':
          'stages: [plan, apply]\nplan:\n  stage: plan\n  script:\n    - terraform plan -out tfplan\napply:\n  stage: apply\n  environment:\n    name: prod\n  script:\n    - terraform apply -auto-approve tfplan\n  when: manual\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.gitlab-ci.yml', line: 11 },
          { path: '.gitlab-ci.yml', line: 9 },
        ],
      },
    },
    {
      name: 'an Azure Pipelines deployment job with AzureWebApp@1 passes (.NET)',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'azure-pipelines.yml':
          'stages:\n- stage: Deploy\n  jobs:\n  - deployment: web\n    environment: staging\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n          - task: AzureWebApp@1\n            inputs:\n              appName: shop\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'azure-pipelines.yml',
            line: 10,
            note: 'job web deploys: azure-pipelines.yml:10 → AzureWebApp; AzureWebApp deploys',
          },
        ],
      },
    },
    {
      name: 'a push to main that builds with Maven and runs `az spring app deploy` after azure/login deploys (Java, Azure Spring Apps)',
      profile: 'service',
      tree: {
        'pom.xml': '<project><artifactId>site</artifactId></project>\n',
        'src/main/java/Site.java': 'class Site {}\n',
        '.github/workflows/build-and-deploy.yml':
          'name: Build and Deploy\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./mvnw --batch-mode verify\n      - uses: azure/login@v3\n        with:\n          creds: ${{ secrets.AZURE_CREDENTIALS }}\n      - run: az extension add --name spring\n      - name: Deploy\n        run: |\n          az spring app deploy \\\n            --name site \\\n            --artifact-path target/site.jar\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.github/workflows/build-and-deploy.yml', line: 17 }],
      },
    },
    {
      name: 'an Argo CD Application in the repository passes (GitOps)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"api"}\n',
        'deploy/argocd/app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api\n',
      },
      expect: { outcome: 'pass', message: 'GitOps', evidence: [{ path: 'deploy/argocd/app.yaml', line: 2 }] },
    },
    {
      name: 'cmd-npm-scripts: npm run deploy → scripts/deploy.sh → helm upgrade, in the production job',
      profile: 'service',
      tree: fixtureTree('cmd-npm-scripts'),
      expect: {
        outcome: 'pass',
        message: 'through environment production',
        evidence: [
          {
            path: 'scripts/deploy.sh',
            line: 5,
            note: 'job deploy deploys: .github/workflows/ci.yml:26 → package.json:14 (npm script deploy) → scripts/deploy.sh:5 → Helm',
          },
        ],
      },
    },
    {
      name: 'cmd-makefile: a manual GitLab job → make release → scripts/release.sh → kubectl apply',
      profile: 'service',
      tree: fixtureTree('cmd-makefile'),
      expect: { outcome: 'pass', evidence: [{ path: 'scripts/release.sh', line: 3 }] },
    },
    {
      name: 'a deploy job that calls a deploy hook stored in a secret (curl) after the tests passes',
      profile: 'service',
      tree: {
        'composer.json': '{"require": {"laravel/framework": "^11.0"}}\n',
        '.github/workflows/tests.yml':
          "on: push\njobs:\n  tests:\n    runs-on: ubuntu-latest\n    steps:\n      - run: vendor/bin/pest\n  deploy:\n    needs: [tests]\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy\n        if: github.ref_name == 'main'\n        run: curl -d POST ${{ secrets.DEPLOY_HOOK }}?commit_hash=${{ github.sha }}\n",
      },
      expect: {
        outcome: 'pass',
        message: 'Deployment is automated: CI deploy jobs.',
        evidence: [{ path: '.github/workflows/tests.yml', line: 13, note: expect.stringContaining('deploy webhook') }],
      },
    },
  ],
  invalid: [
    {
      name: "a PyPI trusted-publishing job's `environment: release` gates a package release, not a deployment (round 18)",
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "desk"\ndependencies = ["django"]\n',
        'desk/views.py': 'def index(request):\n    return None\n',
        '.github/workflows/publish.yml': [
          'name: Publish to PyPI',
          'on:',
          '  push:',
          '    tags: ["v*"]',
          'jobs:',
          '  build-n-publish:',
          '    runs-on: ubuntu-latest',
          '    environment: release',
          '    permissions:',
          '      id-token: write',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - run: python -m pip install build && python -m build',
          '      - name: Publish distribution to PyPI',
          '        uses: pypa/gh-action-pypi-publish@release/v1',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        message: ['No automated deployment found.', 'gates a release, not a deployment'],
        evidence: [
          {
            path: '.github/workflows/publish.yml',
            line: 8,
            note: 'set aside: job build-n-publish only publishes a package (Python build and package publish); its environment release gates a release, not a deployment',
          },
        ],
      },
    },
    {
      name: 'the same action without a redeploy input only uploads an image: no deployment (round 13)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "bot"\n[dependencies]\naxum = "0.7"\n',
        'src/main.rs': 'fn main() {}\n',
        '.github/workflows/ci.yml': [
          'name: CI',
          'on:',
          '  push:',
          '    branches: [main]',
          '  merge_group:',
          'jobs:',
          '  deploy:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - name: Deploy to production',
          "        if: github.event_name == 'merge_group'",
          '        uses: example-org/infra/github-actions/upload-docker-image@main',
          '        with:',
          '          image: bot',
          '          repository: example-bot',
          '          region: us-west-1',
          '          redeploy_ecs_service: false',
          '          aws_secret_access_key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'partial', absent: ['input redeploy'] },
    },
    {
      name: 'an SSH action that only reads the server (uptime, df) is not a deployment',
      profile: 'service',
      tree: {
        'manage.py': 'import django\n',
        '.github/workflows/check.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  health:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: appleboy/ssh-action@v1.0.3\n        with:\n          host: ${{ secrets.HOST }}\n          script: uptime && df -h\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a deploy action that publishes docs pages, or one given no credential, ships no service',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        '.github/workflows/docs.yml':
          'on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: JamesIves/github-pages-deploy-action@v4\n        with:\n          token: ${{ secrets.GITHUB_TOKEN }}\n          folder: site\n      - uses: acme/deploy-notes-action@v1\n        with:\n          channel: releases\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Azure CLI steps that only log in and list apps deploy nothing',
      profile: 'service',
      tree: {
        'pom.xml': '<project><artifactId>site</artifactId></project>\n',
        'src/main/java/Site.java': 'class Site {}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./mvnw verify\n      - uses: azure/login@v3\n      - run: az extension add --name spring\n      - run: az spring app list --service spring-asa\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a job whose make target creates a kind cluster and helm-installs into it sets up e2e tests: no deployment',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/reloader\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        Makefile:
          'e2e-setup: ## Create a Kind cluster for the e2e tests\n\tkind create cluster --name $(KIND_CLUSTER)\n\thelm upgrade --install vault hashicorp/vault -n vault\n',
        '.github/workflows/pr.yml':
          'on: pull_request\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: KIND_CLUSTER=kind make e2e-setup\n',
      },
      expect: { outcome: 'fail', message: 'No automated deployment found' },
    },
    {
      name: 'kubectl apply into a kind cluster CI created is set aside, and the message says so (not "no deploy command")',
      profile: 'service',
      tree: {
        'package.json': '{"name":"shop","dependencies":{"@nestjs/core":"10.0.0"}}',
        'src/main.ts': 'bootstrap();\n',
        '.github/workflows/docker.yml':
          'on: push\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Create kind cluster\n        uses: helm/kind-action@v1\n      - name: Deploy to kind\n        run: kubectl apply -k k8s/base/\n',
      },
      expect: {
        outcome: 'fail',
        message: ['No automated deployment found', 'One deploy command was seen and set aside'],
        evidence: [
          {
            path: '.github/workflows/docker.yml',
            line: 10,
            snippet: 'kubectl apply -k k8s/base/',
            note: expect.stringContaining('set aside: job smoke deploys only into a test setup'),
          },
        ],
      },
    },
    {
      name: 'a job named deploy in a documentation workflow publishes the docs (make docs), not the service',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/bookmarks\n',
        'main.go': 'package main\n',
        '.github/workflows/_docs-publish.yml':
          'name: "Publish documentation"\n\non: workflow_call\n\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n      - run: make docs\n        env:\n          DOCS_COMMAND: publish\n',
      },
      expect: { outcome: 'fail', data: { deployJobs: [] } },
    },
    {
      name: 'a job whose only shell step builds the site with mkdocs is a docs job, whatever the workflow is called',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/bookmarks\n',
        'main.go': 'package main\n',
        '.github/workflows/site.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install mkdocs-material\n      - run: mkdocs build --strict\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a deploy job switched off with `if: false` runs nothing: no credit, and the message says so (round 5, Django)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\n',
        '.github/workflows/django.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n  deploy_to_heroku:\n    runs-on: ubuntu-latest\n    needs: build\n    if: false\n    steps:\n      - run: heroku container:release web --app shop\n',
        '.github/workflows/prod.yml':
          'on: push\njobs:\n  deploy:\n    if: ${{ false }}\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: kubectl apply -f k8s/\n',
      },
      expect: {
        outcome: 'fail',
        message: 'the deploy jobs deploy_to_heroku and deploy are switched off',
        evidence: [
          { path: '.' },
          {
            path: '.github/workflows/django.yml',
            line: 7,
            note: 'job deploy_to_heroku is switched off (if: false or when: never): it deploys nothing',
          },
          { path: '.github/workflows/prod.yml', line: 3 },
        ],
      },
    },
    {
      name: 'an environment with deployment: false lends secrets to an image build, and an on_deploy cron job is a hook',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "svc"\n',
        '.github/workflows/release.yml':
          'on: push\njobs:\n  docker-build:\n    runs-on: ubuntu-latest\n    environment:\n      name: release\n      deployment: false\n    steps:\n      - run: docker build -t acme/svc .\n',
        '.github/workflows/after-deploy.yml':
          "on:\n  schedule:\n    - cron: '0 7 * * *'\njobs:\n  on_deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: someone/move-cards@v2\n",
      },
      expect: { outcome: 'fail', message: 'No automated deployment' },
    },
    {
      name: 'the same environment that creates deployments still counts as a target',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "svc"\n',
        '.github/workflows/release.yml':
          'on: push\njobs:\n  docker-build:\n    runs-on: ubuntu-latest\n    environment:\n      name: release\n    steps:\n      - run: docker build -t acme/svc .\n',
      },
      expect: { outcome: 'partial', data: { environments: ['release'] } },
    },
    {
      name: 'a smoke test curl of the deployed URL, and a Slack webhook, are not deployments',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -f $DEPLOY_URL/health\n      - run: curl -X POST ${{ secrets.SLACK_WEBHOOK }} -d deployed\n',
      },
      expect: { outcome: 'fail', message: 'No automated deployment' },
    },
    {
      name: 'a job that publishes the documentation site to GitHub Pages, in environment documentation, is not the service deployed',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  deploy-docs:\n    runs-on: ubuntu-latest\n    environment:\n      name: documentation\n      url: https://docs.example.org\n    steps:\n      - uses: mhausenblas/mkdocs-deploy-gh-pages@master\n',
      },
      expect: { outcome: 'fail', message: 'No automated deployment' },
    },
    {
      name: 'a release environment of a job that runs mkdocs gh-deploy is still documentation',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n',
        '.github/workflows/docs.yml':
          'on: push\njobs:\n  site:\n    runs-on: ubuntu-latest\n    environment: release\n    steps:\n      - run: mkdocs gh-deploy --force\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a reusable workflow of another repository named deploy cannot be read: unknown, and it is named',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n',
        '.github/workflows/cd.yml':
          'on: push\njobs:\n  ship:\n    uses: acme/workflows/.github/workflows/deploy-cloud-run.yml@v2\n',
      },
      expect: {
        outcome: 'unknown',
        evidence: [
          {
            path: '.github/workflows/cd.yml',
            line: 4,
            note: 'job ship calls acme/workflows/.github/workflows/deploy-cloud-run.yml@v2, a reusable workflow of another repository: not followed, what it runs is not known here',
          },
        ],
      },
    },
    {
      name: 'a deploy script whose body only prints is not a deployment: the job named deploy is partial',
      profile: 'service',
      tree: {
        '.github/workflows/cd.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/deploy.sh\n',
        'scripts/deploy.sh': '#!/bin/sh\necho "kubectl apply -f k8s/ is done by hand"\n',
      },
      expect: { outcome: 'partial', score: 0.6, data: { deployJobs: [] } },
    },
    {
      name: 'a job named build-and-deploy that packages a Helm chart and pushes it to a chart repository deploys nothing (round 12)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/pastebin\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        'charts/pastebin/Chart.yaml': 'apiVersion: v2\nname: pastebin\nversion: 0.3.0\n',
        '.github/workflows/chart.yml': [
          'name: Build / Deploy chart',
          'on:',
          '  workflow_dispatch:',
          'jobs:',
          '  build-and-deploy:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: azure/setup-helm@v4',
          '      - name: Package',
          '        run: |',
          '          cd charts',
          '          helm package ./pastebin',
          '          helm repo index --url https://charts.example.org .',
          '      - name: Push to the chart site',
          '        run: |',
          '          git clone https://${{ secrets.SITE_TOKEN }}@github.com/example/site.git site',
          '          cp charts/*.tgz charts/index.yaml site/charts/',
          '          cd site && git add . && git commit -m "chart" && git push',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        message: ['Job build-and-deploy only packages and publishes an artefact', 'whatever its name'],
        evidence: [
          { path: '.' },
          {
            path: '.github/workflows/chart.yml',
            line: 5,
            note: 'set aside: job build-and-deploy only packages or publishes an artefact (helm package) and reaches no server or cluster: it deploys nothing, whatever its name',
          },
        ],
      },
    },
    {
      // Compose `up` run on the host over ssh rolls the services out there (blind round 37: no longer
      // "no deploy command recognised").
      name: 'a job named deploy that builds an image and then runs compose on a host over SSH deploys',
      profile: 'service',
      tree: {
        '.github/workflows/cd.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t app .\n      - run: ssh deploy@host "docker compose pull && docker compose up -d"\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.github/workflows/cd.yml', line: 7 }] },
    },
    {
      name: 'helm install into a kind cluster in a test job does not count as deployment',
      profile: 'service',
      tree: {
        '.github/workflows/e2e.yml':
          'on: [pull_request]\njobs:\n  chart:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: helm/kind-action@v1\n      - run: helm install api ./chart --wait\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], data: { deployJobs: [] } },
    },
    {
      name: 'a dry run is not a deployment',
      profile: 'service',
      tree: {
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply --dry-run=client -f k8s/\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a job targeting an environment with an unknown deploy script is partial',
      profile: 'service',
      tree: {
        '.github/workflows/release.yml':
          'on: push\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    environment:\n      name: production\n      url: https://example.com\n    steps:\n      - run: ./ship-it\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'production',
        evidence: [{ path: '.github/workflows/release.yml', line: 6 }],
      },
    },
    {
      name: 'a job named deploy running a bespoke command is partial and cites the job key',
      profile: 'service',
      tree: {
        '.github/workflows/cd.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: self-hosted\n    steps:\n      - run: ./tools/roll-out --prod\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'deploy jobs (deploy)',
        evidence: [{ path: '.github/workflows/cd.yml', line: 3 }],
      },
    },
    {
      name: 'a platform config alone (vercel.json) is partial',
      profile: 'service',
      tree: { 'package.json': '{"name":"web"}\n', 'vercel.json': '{}\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'vercel.json' }] },
    },
    {
      name: 'a netlify.toml that builds the mkdocs documentation site deploys the docs, not the product',
      profile: 'service',
      tree: {
        'package.json': '{"name":"web"}\n',
        'netlify.toml': '[build]\npublish = "docs/site/"\ncommand = "cd docs && mkdocs build"\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a netlify.toml that builds the app itself is partial',
      profile: 'service',
      tree: {
        'package.json': '{"name":"web"}\n',
        'netlify.toml': '[build]\npublish = "dist/"\ncommand = "npm run build"\n',
      },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'netlify.toml' }] },
    },
    {
      name: 'a Heroku app.json (review apps, deploy button) without a deploy pipeline is not continuous deployment',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        Procfile: 'web: bundle exec puma -C config/puma.rb\n',
        'app.json':
          '{\n  "name": "volunteer-portal",\n  "environments": { "review": { "addons": ["heroku-postgresql:mini"] } },\n  "formation": { "web": { "quantity": 1 } }\n}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bundle exec rspec\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: '.' }, { path: 'app.json', note: expect.stringContaining('deploys nothing on push') }],
      },
    },
    {
      name: 'a Python service with CI that only tests fails and names the CI files searched',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n',
      },
      expect: {
        outcome: 'fail',
        message: 'No automated deployment',
        evidence: [{ path: '.', note: expect.stringContaining('.github/workflows/ci.yml') }],
      },
    },
    {
      name: 'malformed workflow YAML alone gives unknown, not a crash',
      profile: 'service',
      tree: { '.github/workflows/deploy.yml': 'jobs:\n  deploy: [\n' },
      expect: { outcome: 'unknown', evidence: [{ path: '.github/workflows/deploy.yml' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not deployed',
      profile: 'library',
      tree: { 'package.json': '{"name":"lib"}\n' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
    {
      name: 'an Argo CD Application that is a template of a chart is rendered by its users: not this repository deploying',
      profile: 'service',
      tree: {
        'app/main.go': 'package main\n\nfunc main() {}\n',
        'charts/apps/Chart.yaml': 'apiVersion: v2\nname: apps\nversion: 0.1.0\n',
        'charts/apps/templates/application.yaml':
          '{{- range .Values.apps }}\n---\napiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: {{ .name }}\n{{- end }}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n',
      },
      expect: { outcome: 'fail', message: 'No automated deployment found', data: { gitops: 0 } },
    },
    {
      name: 'a Helm chart repository is released for its callers to deploy: not applicable',
      tree: fixtureTree('cmd-helm-charts'),
      expect: { outcome: 'not-applicable', message: 'not deployed from here' },
    },
  ],
});
