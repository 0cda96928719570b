/**
 * readiness verify: contradictions found by comparing a count the line gives with the repository's
 * listing (round 19, helper b). Each case is a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('the files a line gives a folder it names are the files the folder holds', () => {
  const tree: Tree = {
    'pkg/web/routes/a.go': 'package routes\n',
    'pkg/web/routes/b.go': 'package routes\n',
    'pkg/web/routes/c.go': 'package routes\n',
    'pkg/web/guards/x.go': 'package guards\n',
    'pkg/web/guards/y.go': 'package guards\n',
    'go.mod': 'module example.org/x\n',
  };
  const doc = [
    '# Layout', // 1
    '', // 2
    '```', // 3
    'pkg/', // 4
    '├── web/', // 5
    '│   ├── routes/     # ✅ every route (2 files)', // 6
    '│   └── guards/     # ✅ every guard (2 files)', // 7
    '```', // 8
  ].join('\n');
  const { at } = verifier('LAYOUT.md')(tree, doc, reportWith([]));

  it('another number of files contradicts the line, naming the folder and its files', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('pkg/web/routes/ holds 3 files');
    expect(at(6).evidence[0]?.path).toMatch(/^pkg\/web\/routes\//);
  });
  it('the number the folder holds confirms it', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});

describe('a count of pages, components, actions, route files or Prisma models is compared with their folder', () => {
  const tree: Tree = {
    'web/package.json': JSON.stringify({ dependencies: { vue: '^3.4.0' } }),
    'web/src/pages/Home.vue': '<template/>',
    'web/src/pages/Login.vue': '<template/>',
    'web/src/pages/Orders.vue': '<template/>',
    'web/src/components/Card.vue': '<template/>',
    'web/src/components/Table.vue': '<template/>',
    'api/app/Actions/Orders/PlaceOrder.php': '<?php class PlaceOrder {}',
    'api/app/Actions/Orders/CancelOrder.php': '<?php class CancelOrder {}',
    'api/app/Actions/Users/RenameUser.php': '<?php class RenameUser {}',
    'api/composer.json': JSON.stringify({ require: { 'laravel/framework': '^11.0' } }),
    'srv/routes/orders.js': 'module.exports = {}',
    'srv/routes/users.js': 'module.exports = {}',
    'srv/package.json': JSON.stringify({ dependencies: { express: '^4.0.0' } }),
    'srv/prisma/schema.prisma': ['model Order {', '  id Int @id', '}', 'model User {', '  id Int @id', '}'].join('\n'),
  };
  const doc = [
    '# Inventaire', // 1
    '', // 2
    '- Páginas: 4/4 (100%)', // 3
    '- Páginas: 3/5', // 4
    '- | **Componentes Vue** | 2 | ✅ |', // 5
    '- ✅ 5 Action classes with transaction safety', // 6
    '- ✅ Created 2 Action classes (PlaceOrder, CancelOrder)', // 7
    '- All 4 route files properly connected', // 8
    '- Schéma complet avec 3 modèles', // 9
    '- Schéma complet avec 2 modèles', // 10
  ].join('\n');
  const { at } = verifier('INVENTAIRE.md')(tree, doc, reportWith([]));

  it('a count of pages no number of the listing equals contradicts the line, naming the folder', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('web/src/pages/');
  });
  it('"done/planned": the done count equal to the folder is not contradicted', () => {
    expect(at(4).verdict).not.toBe('contradicted');
  });
  it('components counted in their folder', () => {
    expect(at(5).verdict).toBe('confirmed');
  });
  it('action classes counted under app/Actions, subfolders included', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('3 files under api/app/Actions/');
  });
  it('the ones a change created are not all there are: left to the rest', () => {
    expect(at(7).verdict).not.toBe('contradicted');
  });
  it('route files counted in routes/', () => {
    expect(at(8).verdict).toBe('contradicted');
    expect(at(8).reason).toContain('srv/routes/');
  });
  it("a Prisma schema's model blocks are the models", () => {
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toContain('schema.prisma');
    expect(at(10).verdict).not.toBe('contradicted');
  });
});

describe('"verified all N X exist" still gives a count of the code units, compared', () => {
  const tree: Tree = {
    'app/Models/User.php': '<?php class User {}',
    'app/Models/Order.php': '<?php class Order {}',
    'composer.json': JSON.stringify({ require: { 'laravel/framework': '^11.0' } }),
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '## Audit Methodology', // 3
    '', // 4
    '- Models: Verified all 5 model files exist', // 5
    '- Models: Verified all 2 model files exist', // 6
  ].join('\n');
  const { at } = verifier('AUDIT.md')(tree, doc, reportWith([]));

  it('a count the listing does not show is contradicted', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('app/Models/');
  });
  it('the count the listing shows is confirmed', () => {
    expect(at(6).verdict).toBe('confirmed');
  });
});

describe('a count right before a call written with its brackets is the calls the code makes', () => {
  const tree: Tree = {
    'ui/src/store.js': ['export function save(x) {', '  console.log(x);', '  return x;', '}'].join('\n'),
    'ui/src/Modal.vue': [
      '<script>',
      'export default { methods: { warn() { this.showAlert("x"); } } }',
      '</script>',
    ].join('\n'),
    'ui/src/store.spec.js': 'it("logs", () => { console.log(1); alert(2); });\n',
    'ui/package.json': JSON.stringify({ dependencies: { vue: '^3.4.0' } }),
  };
  const doc = [
    '# Qualidade', // 1
    '', // 2
    '- **40 console.log()** espalhados pelo código', // 3
    '- **1 console.log()** espalhado pelo código', // 4
    '- **3 alert()** ainda presentes', // 5
    '- 12 console.log() removidos', // 6
  ].join('\n');
  const { at, result } = verifier('QUALIDADE.md')(tree, doc, reportWith([]));

  it('another count contradicts the line, citing what the search found', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).evidence[0]?.path).toBe('ui/src/store.js');
  });
  it('the count the code makes confirms it (tests left out)', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('a call is found by its whole name only ("showAlert(" is not "alert(")', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('but 0 are found');
  });
  it('calls a change removed are not a count of what is there', () => {
    const decided = result.claims.filter((c) => c.line === 6 && c.verdict !== 'unverifiable');
    expect(decided).toEqual([]);
  });
});

describe("the services a tree's note gives a compose file are the services it defines", () => {
  const tree: Tree = {
    'docker-compose.yml': [
      'services:',
      '  web:',
      '    image: nginx',
      '  db:',
      '    image: postgres',
      '  cache:',
      '    image: redis',
    ].join('\n'),
    'compose.override.yaml': ['services:', '  proxy:', '    image: traefik'].join('\n'),
  };
  const doc = [
    '# Stack', // 1
    '', // 2
    '```', // 3
    'app/', // 4
    '├── docker-compose.yml     # 4 services properly configured', // 5
    '└── compose.override.yaml  # 1 service', // 6
    '```', // 7
  ].join('\n');
  const { at } = verifier('STACK.md')(tree, doc, reportWith([]));

  it('another number contradicts the note, citing the compose file', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('defines 3');
    expect(at(5).evidence[0]?.path).toBe('docker-compose.yml');
  });
  it('the number the file defines confirms it', () => {
    expect(at(6).verdict).toBe('confirmed');
  });
});
