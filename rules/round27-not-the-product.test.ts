/**
 * Blind round 27, class "non-product material counted as the product": a testbed's compose (the
 * sample services a scoring engine checks) deploys nothing of the product; a formatter's top-level
 * Snapshots/ corpus of third-party code, a Jest __snapshots__ folder and a fuzzing corpus are test
 * inputs, not production source. A feature folder named snapshots inside the source stays code.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { isProductionPath, isTestPath } from '../src/facts/paths.js';
import healthChecks from './reliability/health-checks.js';
import moduleSize from './architecture/module-size.js';

const compose = [
  'services:', // 1
  '  web:', // 2
  '    build: .', // 3
  '    healthcheck:', // 4
  '      test: ["CMD", "curl", "-f", "http://localhost:5000/health"]', // 5
  '  worker:', // 6
  '    build: .', // 7
  '',
].join('\n');
const testbed =
  'services:\n  testbed_web:\n    build: ./web\n  testbed_ssh:\n    build: ./ssh\n  testbed_ftp:\n    build: ./ftp\n';

describe('round 27: a testbed compose deploys nothing of the product', () => {
  it("counts only the product's compose units", async () => {
    const run = await runRuleOn(
      healthChecks,
      {
        'pyproject.toml': '[project]\nname = "engine"\ndependencies = ["flask"]\n',
        'engine/app.py': 'from flask import Flask\napp = Flask(__name__)\n',
        'docker-compose.yml': compose,
        'docker/testbed/docker-compose.yml': testbed,
      },
      { profile: 'service' },
    );
    expect(run.message).toMatch(/^1 of 2 deployed units lack health checks/);
    expect(JSON.stringify(run.evidence)).not.toContain('testbed');
  });

  it('the same services in a deployment folder are deployed units', async () => {
    const run = await runRuleOn(
      healthChecks,
      {
        'pyproject.toml': '[project]\nname = "engine"\ndependencies = ["flask"]\n',
        'engine/app.py': 'from flask import Flask\napp = Flask(__name__)\n',
        'docker-compose.yml': compose,
        'deploy/docker-compose.yml': testbed,
      },
      { profile: 'service' },
    );
    expect(run.message).toMatch(/^4 of 5 deployed units lack health checks/);
  });
});

describe('round 27: snapshot and corpus folders are test inputs', () => {
  it('paths', () => {
    for (const p of [
      'Snapshots/Layout/Layout/LayoutNode.swift',
      'src/components/__snapshots__/Button.test.tsx.snap',
      'fuzz/corpus/parse/seed1.json',
      'docker/testbed/web/app.py',
      'deploy/test-env/docker-compose.yml',
    ]) {
      expect(isTestPath(p), p).toBe(true);
      expect(isProductionPath(p), p).toBe(false);
    }
    for (const p of ['src/snapshots/snapshots.service.ts', 'internal/snapshot/store.go', 'app/testimonials/views.py'])
      expect(isProductionPath(p), p).toBe(true);
  });

  it('module-size leaves a top-level Snapshots corpus out', async () => {
    const big = `${'let x = 1\n'.repeat(2500)}`;
    const run = await runRuleOn(moduleSize, {
      'Package.swift': '// swift-tools-version:5.9\nimport PackageDescription\n',
      'Sources/Formatter/Formatter.swift': 'struct Formatter {}\n',
      'Snapshots/Layout/Layout/LayoutNode.swift': big,
    });
    expect(run.outcome).toBe('pass');
    const fails = await runRuleOn(moduleSize, {
      'Package.swift': '// swift-tools-version:5.9\nimport PackageDescription\n',
      'Sources/Formatter/Formatter.swift': 'struct Formatter {}\n',
      'Sources/Formatter/Snapshots/LayoutNode.swift': big,
    });
    expect(fails.outcome).toBe('fail');
  });
});
