/**
 * readiness verify: claims a reader settles from the repository's inventory (round 17, seventh
 * session, subjects.ts). An invented status document against an in-memory tree: framework concepts
 * (controllers, services, DTOs, modules, cache, logging) and names of folders and products are resolved
 * to file and folder names and declared dependencies; missing-claims are confirmed when nothing of
 * the kind is there and contradicted when it is; opinion words alone decide nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'server/package.json': JSON.stringify({
    name: 'shelf-api',
    version: '1.0.0',
    dependencies: { '@nestjs/core': '^11.0.0', '@nestjs/common': '^11.0.0', 'cache-manager': '^6.0.0' },
  }),
  'server/src/app.module.ts': "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n",
  'server/src/books/books.module.ts': 'export class BooksModule {}\n',
  'server/src/books/books.controller.ts': 'export class BooksController {}\n',
  'server/src/books/books.service.ts': 'export class BooksService {}\n',
  'server/src/books/dto/create-book.dto.ts': 'export class CreateBookDto {}\n',
  'server/src/inventario/estantes/estantes.module.ts': 'export class EstantesModule {}\n',
  'server/src/common/middleware/request-id.middleware.ts': 'export function requestId() {}\n',
  'server/src/common/http-exception.filter.ts': 'export class HttpExceptionFilter {}\n',
  'server/test/books.e2e-spec.ts': "describe('books', () => {});\n",
};

const doc = [
  '# Estado', // 1
  '', // 2
  '- ✅ Módulos NestJS correctamente estructurados', // 3
  '- ✅ Separación de concerns (controllers, services, DTOs)', // 4
  '- ✅ Módulos de inventario claramente separados', // 5
  '- ⚠️ Falta módulo de logging centralizado', // 6
  '- ⚠️ No hay módulo de caché', // 7
  '- ✅ Código limpio y bien estructurado', // 8
  '- ✅ Middleware de autenticación y colas de trabajo', // 9
  '- ⚠️ No hay cola de mensajes', // 10
  '- ✅ Controllers - Services', // 11
  '- ✅ Global exception filter implementado', // 12
  '- 🟡 Falta interceptor de caché', // 13
  '- 🟡 No hay módulo de caché', // 14
  '- ✅ Controllers use DTOs for validation', // 15
  '- ✅ Middleware reutilizable', // 16
  '- ✅ Middleware bien organizado', // 17
].join('\n');

describe('the subject resolver settles a line from the inventory', () => {
  const { at } = verifier('docs/ESTADO.md')(tree, doc, reportWith([]));

  it('a framework concept and a product, both there, confirm with the files and the manifest line', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toMatch(/module\.ts/);
    expect(at(3).reason).toContain('server/package.json');
  });
  it('each concept of a list must be found: controllers, services and DTOs by their files', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('books.controller.ts');
    expect(at(4).reason).toMatch(/dto/);
  });
  it('a word that is a folder name of the product code is a subject too', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).toContain('server/src/inventario/');
  });
  it('"no logging module": nothing of logging among files, folders and dependencies confirms the absence', () => {
    expect(at(6).verdict).toBe('confirmed');
    expect(at(6).reason).toContain('no logging');
  });
  it('"no cache module" where a cache package is declared is contradicted at the manifest', () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('cache-manager');
  });
  it('opinion words alone decide nothing', () => {
    expect(at(8).verdict).toBe('unverifiable');
  });
  it('a concept no file names leaves a done-line open: it may be there under another name', () => {
    expect(at(9).verdict).toBe('unverifiable');
  });
  it('"no queue" with no queue file nor queue package is confirmed', () => {
    expect(at(10).verdict).toBe('confirmed');
  });
  it('bare names joined as a diagram are no statement', () => {
    expect(at(11).verdict).toBe('unverifiable');
  });
  it('a concept of two words (exception filter) is found by its file name', () => {
    expect(at(12).verdict).toBe('confirmed');
    expect(at(12).reason).toContain('http-exception.filter.ts');
  });
  it('a missing thing of two specific words, one of them there (cache), is not settled by names', () => {
    expect(at(13).verdict).toBe('unverifiable');
  });
  it('an absence marked partial is still an absence: a cache package declared contradicts it', () => {
    expect(at(14).verdict).toBe('contradicted');
  });
  it('"use" joins two subjects, and what they are used for is not what is there', () => {
    expect(at(15).verdict).toBe('confirmed');
    expect(at(15).reason).toContain('create-book.dto.ts');
  });
  it('one subject and a word of its form (reusable) is settled; one subject and praise alone is not', () => {
    expect(at(16).verdict).toBe('confirmed');
    expect(at(16).reason).toContain('middleware');
    expect(at(17).verdict).toBe('unverifiable');
  });
});

describe('the subject resolver folds the inventory once (round 20 review: 320 ms per missed concept at 300k paths)', () => {
  it('forty lines of absent concepts over 3,000 paths fold each path once, not once per concept per line', () => {
    const big: Tree = { ...tree };
    for (let i = 0; i < 3_000; i++) big[`server/src/feature${i}/part${i}.ts`] = 'export {};\n';
    const lines = ['# Estado', ''];
    for (let i = 0; i < 20; i++) lines.push('- ⚠️ No hay cola de mensajes', '- ⚠️ Falta módulo de logging centralizado');
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      const { at } = verifier('docs/ESTADO.md')(big, lines.join('\n'), reportWith([]));
      expect(at(3).verdict).toBe('confirmed');
      expect(at(42).verdict).toBe('confirmed');
      // The inventory folds each path and each of its segments once (five per path here) and each
      // line its own words; resolving a concept folded every path again, per concept, per line (240k).
      expect(normalize.mock.calls.length).toBeLessThan(3_000 * 6 + 40 * 20);
    } finally {
      normalize.mockRestore();
    }
  });
});
