// Generates a deterministic, realistic repository tree for the benchmark: mixed languages, tests,
// IaC, CI, Dockerfiles, Kubernetes YAML, docs, large and binary files, and an ignored
// node_modules and dist that the audit must not read. Usage: node scripts/gen-tree.mjs DIR COUNT
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';

export function generateTree(root, count) {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const write = (p, c) => {
    const abs = join(root, p);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, c);
  };
  const lines = (n, make) => `${Array.from({ length: n }, (_, i) => make(i)).join('\n')}\n`;
  const body = {
    ts: (i) =>
      lines(20 + Math.floor(rnd() * 200), (j) =>
        j % 17 === 0
          ? `export function handler${i}_${j}(req: Request): Response { return new Response(String(${j})); }`
          : `  const value${j} = compute(${j}, 'item-${i}'); // keeps the shape of real code`,
      ),
    py: (i) =>
      lines(20 + Math.floor(rnd() * 200), (j) =>
        j % 13 === 0
          ? `def handler_${i}_${j}(request):`
          : `    value_${j} = compute(${j}, "item-${i}")  # realistic line`,
      ),
    go: (i) =>
      'package svc\n\n' +
      lines(20 + Math.floor(rnd() * 200), (j) =>
        j % 11 === 0
          ? `func Handler${i}x${j}(w http.ResponseWriter, r *http.Request) {}`
          : `\tvalue${j} := compute(${j}, "item-${i}")`,
      ),
    java: (i) =>
      `package com.acme;\n\npublic class Service${i} {\n` +
      lines(20 + Math.floor(rnd() * 200), (j) => `    private int field${j} = compute(${j});`) +
      '}\n',
  };
  const exts = ['ts', 'py', 'go', 'java'];
  let n = 0;
  const add = (p, c) => {
    write(p, c);
    n++;
  };
  add(
    'README.md',
    '# bench monorepo\n\n## Installation\n\nnpm ci\n\n## Usage\n\nnpm start\n\n## Development\n\nnpm test\n',
  );
  add('.gitignore', 'node_modules/\ndist/\n*.log\n');
  add(
    'package.json',
    JSON.stringify(
      {
        name: 'bench',
        private: true,
        workspaces: ['services/*'],
        dependencies: { express: '^4.19.0', helmet: '^7.0.0', pino: '^9.0.0' },
      },
      null,
      2,
    ),
  );
  add(
    '.github/workflows/ci.yml',
    'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n',
  );
  const services = Math.max(2, Math.floor(count / 2000));
  for (let s = 0; s < services; s++) {
    const svc = `services/svc-${s}`;
    add(
      `${svc}/Dockerfile`,
      `FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM node:20-alpine\nUSER node\nCMD ["node", "index.js"]\n`,
    );
    add(
      `${svc}/deploy/deployment.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${s}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: acme/svc-${s}:1.0.${s}\n          readinessProbe:\n            httpGet: { path: /readyz, port: 8080 }\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${s}\n`,
    );
    add(`${svc}/infra/main.tf`, `resource "aws_s3_bucket" "b${s}" {\n  bucket = "svc-${s}"\n}\n`);
    add(
      `${svc}/package.json`,
      JSON.stringify({ name: `svc-${s}`, version: '1.0.0', dependencies: { express: '^4.19.0' } }),
    );
  }
  // 0.2% large files (above the 1 MiB cap) and 1% binary files with source-like names.
  for (let i = 0; n < count * 0.002 + 10; i++) add(`assets/large-${i}.json`, `{"data": "${'x'.repeat(1100 * 1024)}"}`);
  for (let i = 0; i < count * 0.01; i++)
    add(
      `assets/img-${i}.png`,
      Buffer.from([
        0x89,
        0x50,
        0x4e,
        0x47,
        0,
        0,
        0,
        13,
        ...Array.from({ length: 2000 }, () => Math.floor(rnd() * 256)),
      ]),
    );
  let i = 0;
  while (n < count) {
    const svc = `services/svc-${i % services}`;
    const ext = pick(exts);
    const r = rnd();
    if (r < 0.15)
      add(
        `${svc}/tests/test_${i}.${ext === 'py' ? 'py' : ext === 'go' ? 'go' : ext}`
          .replace(/test_(\d+)\.go$/, 'h$1_test.go')
          .replace(/test_(\d+)\.ts$/, 'h$1.test.ts'),
        ext === 'py' ? lines(10, (j) => `def test_case_${j}():\n    assert compute(${j})`) : body[ext](i),
      );
    else if (r < 0.2)
      add(
        `docs/${svc.split('/')[1]}/page-${i}.md`,
        lines(30, (j) => `Paragraph ${j} about /health and metrics and the runbook.`),
      );
    else if (r < 0.22)
      add(
        `${svc}/config/app-${i}.yaml`,
        lines(20, (j) => `key${j}: value-${j}`),
      );
    else add(`${svc}/src/mod${Math.floor(i / 50)}/file-${i}.${ext}`, body[ext](i));
    i++;
  }
  // Ignored trees the audit must not read: installed dependencies and build output.
  for (let k = 0; k < Math.min(5000, count / 10); k++)
    write(`node_modules/dep-${k % 300}/lib/f${k}.js`, 'module.exports = 1;\n');
  for (let k = 0; k < Math.min(2000, count / 20); k++) write(`dist/chunk-${k}.js`, 'export default 1;\n');
  execFileSync('git', ['init', '-q'], { cwd: root });
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count] = process.argv.slice(2);
  if (existsSync(dir)) throw new Error(`${dir} exists`);
  console.log(generateTree(dir, Number(count)));
}
