/**
 * readiness verify: an operation someone performed on a running system ("Todas as migrations aplicadas",
 * "Imagens Docker reconstruídas", "Restarted the server", "verified with `python manage.py check`") is not
 * shown by the migration files, the Dockerfile or manage.py being there: they are there whether or not it
 * was done. The same names without the operation are still confirmed by them.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../src/types.js';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const rule = (id: string, outcome: Outcome, message: string, evidence: { path: string; line?: number }[]) => ({
  id,
  outcome,
  message,
  evidence,
  score: outcome === 'pass' ? 1 : outcome === 'partial' ? 0.5 : 0,
});

describe('operations done on a running system', () => {
  const tree: Tree = {
    'requirements.txt': 'django==4.2.9\ncelery==5.3.0\n',
    'manage.py':
      'import sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n',
    Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app.wsgi"]\n',
    'app/settings.py': 'INSTALLED_APPS = ["orders"]\n',
    'orders/models.py': 'from django.db import models\nclass Order(models.Model):\n    total = models.IntegerField()\n',
    'orders/migrations/0001_initial.py':
      'from django.db import migrations\nclass Migration(migrations.Migration):\n    pass\n',
  };
  const report = reportWith([
    rule(
      'architecture/database-migrations',
      'pass',
      'Schema changes are versioned (Django migrations; 1 migration file(s))',
      [{ path: 'orders/migrations/0001_initial.py', line: 1 }],
    ),
  ]);
  const doc = [
    '# Estado do backend', // 1
    '', // 2
    '- ✅ Migrations versionadas (Django migrations)', // 3
    '- ✅ Todas as migrations aplicadas', // 4
    '- ✅ Applied all database migrations', // 5
    '- ✅ Migrations applied automatically on startup', // 6
    '- ✅ Sistema verificado com `python manage.py check`', // 7
    '- ✅ Restarted the Django server successfully', // 8
    '- ✅ Dockerfile para a imagem da API', // 9
  ].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc, report);

  it('the migrations themselves are confirmed by the migration files', () => {
    expect(at(3).verdict).toBe('confirmed');
  });
  it('"migrations applied" is the state of a database, which the files do not show', () => {
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(4).reason).toMatch(/operation done on a running system \("migrations aplicadas"\)/);
    expect(at(5).verdict).toBe('unverifiable');
  });
  it("a mechanism that applies them on its own is not an operator's action, and is left as it was", () => {
    expect(at(6).verdict).not.toBe('unverifiable');
  });
  it('a check run with a command is not shown by the command being there', () => {
    expect(at(7).verdict).toBe('unverifiable');
  });
  it('a restart is not shown by the framework being declared', () => {
    expect(at(8).verdict).toBe('unverifiable');
  });
  it('the Dockerfile named without an operation is still confirmed', () => {
    expect(at(9).verdict).toBe('confirmed');
  });
});
