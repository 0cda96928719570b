/**
 * readiness verify: "School management", "CRUD operations for invoices" say the product manages a kind of
 * record. The unit that serves the record (a ViewSet, a controller) with a write operation confirms it, cited
 * at that operation; a serving unit that only reads makes it partial; a model of that name alone, or a stub,
 * settles nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a line that says a kind of record is managed', () => {
  const tree: Tree = {
    'requirements.txt': 'django==4.2.7\ndjangorestframework==3.14.0\n',
    'schools/models.py': [
      'from django.db import models',
      'class School(models.Model):',
      '    name = models.CharField(max_length=80)',
      'class Subject(models.Model):',
      '    name = models.CharField(max_length=80)',
      'class Grade(models.Model):',
      '    value = models.IntegerField()',
    ].join('\n'),
    'schools/views.py': [
      'from rest_framework import viewsets',
      'from .models import School, Subject',
      '',
      'class SchoolViewSet(viewsets.ModelViewSet):',
      '    queryset = School.objects.all()',
      '',
      'class SubjectViewSet(viewsets.ReadOnlyModelViewSet):',
      '    queryset = Subject.objects.all()',
      '',
    ].join('\n'),
    'package.json': '{"name":"billing","dependencies":{"express":"4.19.0"}}\n',
    'src/invoices.controller.ts': [
      'export class InvoicesController {',
      '  list(req: Request) {',
      '    return [];',
      '  }',
      '  async create(body: InvoiceInput): Promise<Invoice> {',
      '    return this.repo.insert(body);',
      '  }',
      '}',
    ].join('\n'),
    'src/group-users.ts':
      'export async function UpdateUserHandler(req: Request, res: Response) {\n  await db.users.update(req.body);\n  res.json({ ok: true });\n}\n',
    'src/refunds.controller.ts': [
      'export class RefundsController {',
      '  create(body: RefundInput) {',
      '    throw new Error("not implemented");',
      '  }',
      '}',
    ].join('\n'),
  };
  const doc = [
    '# Features', // 1
    '', // 2
    '- ✅ School management', // 3
    '- ✅ CRUD operations for invoices', // 4
    '- ✅ Subject management', // 5
    '- ✅ Grade management', // 6
    '- ✅ State management', // 7
    '- ✅ Refund management', // 8
    '- ✅ User management', // 9
  ].join('\n');
  const { at } = verifier('FEATURES.md')(tree, doc);

  it('a ViewSet that writes the record confirms it, cited where it is served', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toMatch(/SchoolViewSet serves School records/);
    expect(at(3).evidence[0]).toMatchObject({ path: 'schools/views.py', line: 4 });
  });
  it('a controller with a create operation confirms CRUD on its record', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: 'src/invoices.controller.ts', line: 5 });
  });
  it('a serving unit that only reads is partial, and says what is missing', () => {
    expect(at(5).verdict).toBe('partially-confirmed');
    expect(at(5).reason).toMatch(/no create, update or delete/);
  });
  it('a model of that name alone does not confirm that it is managed', () => {
    expect(at(6).verdict).not.toMatch(/confirmed/);
  });
  it('a serving unit whose write is a stub settles nothing', () => {
    expect(at(8).verdict).not.toMatch(/confirmed/);
  });
  it('a function that writes one record is not the unit that manages them', () => {
    expect(at(9).reason).not.toMatch(/serves/);
  });
  it('what a system manages in another sense is not a record', () => {
    expect(at(7).reason).not.toMatch(/serves/);
  });
});
