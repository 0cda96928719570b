import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './continuous-deployment.js';

/**
 * Blind round 47: a deploy job that fetches the built artefact (actions/download-artifact) and then
 * only echoes deploys nothing; the set-up step does not make the job busy. A deploy action beside the
 * download still counts.
 */
const workflow = (steps: string) =>
  `name: Deploy\non: [workflow_call]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: fetch the build\n        uses: actions/download-artifact@v4\n        with:\n          name: main-build\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a download then an unrecognised script still counts by its name (partial)',
      profile: 'service',
      tree: {
        'main.go': 'package main\nimport "github.com/go-chi/chi/v5"\nfunc main() { chi.NewRouter() }\n',
        '.github/workflows/deployment.yml': workflow('      - run: ./tools/push-release\n'),
      },
      expect: { outcome: 'partial', message: 'CI has deploy jobs (deploy)' },
    },
    {
      name: 'a deploy job calling a workflow that runs a script of its own still counts (partial)',
      profile: 'service',
      tree: {
        'main.go': 'package main\nimport "github.com/go-chi/chi/v5"\nfunc main() { chi.NewRouter() }\n',
        '.github/workflows/deployment.yml': workflow('      - run: ./tools/push-release\n'),
        '.github/workflows/main.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    uses: ./.github/workflows/deployment.yml\n',
      },
      expect: { outcome: 'partial', message: 'CI has deploy jobs (deploy' },
    },
  ],
  invalid: [
    {
      name: 'a deploy job that downloads an artefact and only echoes is set aside',
      profile: 'service',
      tree: {
        'main.go': 'package main\nimport "github.com/go-chi/chi/v5"\nfunc main() { chi.NewRouter() }\n',
        '.github/workflows/deployment.yml': workflow(
          '      - uses: actions/setup-go@v5\n      - name: Deploy\n        run: |\n          echo "Dummy Deploy..."\n',
        ),
      },
      expect: {
        outcome: 'fail',
        message: 'Job deploy only prints or waits (echo, sleep): it deploys nothing, whatever its name.',
        evidence: [{ path: '.github/workflows/deployment.yml', line: 4 }],
      },
    },
    {
      name: 'a deploy job calling that workflow of the repository is set aside too',
      profile: 'service',
      tree: {
        'main.go': 'package main\nimport "github.com/go-chi/chi/v5"\nfunc main() { chi.NewRouter() }\n',
        '.github/workflows/deployment.yml': workflow('      - run: echo "Dummy Deploy..."\n'),
        '.github/workflows/main.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go build ./...\n  deploy:\n    needs: build\n    uses: ./.github/workflows/deployment.yml\n',
      },
      expect: {
        outcome: 'fail',
        message: 'Job deploy only prints or waits (echo, sleep, or calls a workflow that does): it deploys nothing',
        evidence: [{ path: '.github/workflows/main.yml', line: 9 }],
      },
    },
  ],
});
