/**
 * readiness verify: wrong confirmations found on rounds 5–12 together (used for development, fifth
 * session), each class on a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': JSON.stringify({
    name: 'kiosk',
    dependencies: { express: '^4.19.0', typescript: '^5.4.0', stripe: '^14.0.0' },
  }),
  '.env.example': 'DATABASE_URL=\nSTRIPE_KEY=\n',
  'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(Number(process.env.PORT));\n",
  'src/billing.ts':
    "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_KEY!);\nexport function refundOrder(id: string) { return stripe.refunds.create({ payment_intent: id }); }\n",
  'src/models.ts': 'export interface Order { id: string; total: number; couponCode: string }\n',
  'tests/server.test.ts': "import { it } from 'vitest';\nit('starts', () => {});\n",
};

describe("the auditor's own steps are not claims about the repository", () => {
  const doc = [
    '# Compte rendu', //  1
    '', //  2
    '## ✅ Actions effectuées', //  3
    '', //  4
    '### 1. Vérification de la configuration', //  5
    '', //  6
    "- ✅ Lecture des variables d'environnement (`.env.example`)", //  7
    '- ✅ Vérification des dépendances (package.json)', //  8
    '- ✅ Analyse de toutes les routes Express', //  9
    '', // 10
    '## Audit Methodology', // 11
    '', // 12
    '1. **Models**: Counted and verified model files', // 13
    '', // 14
    '## Inventaire', // 15
    '', // 16
    '- ✅ Vérification des dépendances (package.json)', // 17
  ].join('\n');
  const { at } = verifier('AUDIT.md', true)(tree, doc, reportWith([]));

  it('under a heading of the audit\'s steps, "Lecture des …", "Vérification des …", "Counted and verified …": unverifiable', () => {
    for (const line of [7, 8, 9, 13]) {
      expect([line, at(line).verdict]).toEqual([line, 'unverifiable']);
      expect(at(line).reason).toContain('a step of the audit');
    }
  });

  it('the same words outside such a section are judged as a claim', () => {
    expect(at(17).verdict).toBe('confirmed');
  });
});

describe('what only a run shows is not confirmed from a declared package, a folder or a keyword', () => {
  const doc = [
    '# Status', //  1
    '', //  2
    '- ✅ All examples working', //  3
    '- ✅ Refund flow completes successfully via the web UI', //  4
    '- ✅ Aucune erreur TypeScript frontend', //  5
    '- ✅ Checkout works end-to-end (CLI + web)', //  6
    '- ✅ Database seeded with test data', //  7
    '- ✅ Stripe SDK integrated (`src/billing.ts`)', //  8
  ].join('\n');
  const t: Tree = { ...tree, 'examples/refund.ts': "import { refundOrder } from '../src/billing';\n" };
  const { at } = verifier('STATUS.md', true)(t, doc, reportWith([]));

  it('"all … working", "completes successfully", "aucune erreur", "works end-to-end", "seeded": unverifiable', () => {
    for (const line of [3, 4, 5, 6, 7]) expect([line, at(line).verdict]).toEqual([line, 'unverifiable']);
  });

  it('a claim of what the code has is still confirmed', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
});

describe('"n\'existe pas", "manquants", "does not exist": the line says the thing is absent', () => {
  const doc = [
    '# Erreurs détectées', //  1
    '', //  2
    "- `Order.couponCode` n'existe pas", //  3
    '- Champs manquants : `couponCode`', //  4
    '- `refundCoupon` does not exist yet', //  5
  ].join('\n');
  const { at } = verifier('ERREURS.md', true)(tree, doc, reportWith([]));

  it('a name the code holds: contradicted', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(4).verdict).toBe('contradicted');
  });

  it('a name the code does not hold: confirmed', () => {
    expect(at(5).verdict).toBe('confirmed');
  });
});

describe('"tested" is shown by a test, not by the thing being in the code', () => {
  const doc = [
    '# Coverage notes', //  1
    '', //  2
    '- [x] Refund handling tested (`refundOrder`)', //  3
    '- [x] Server startup tested in `tests/server.test.ts`', //  4
  ].join('\n');
  const { at } = verifier('NOTES.md', true)(tree, doc, reportWith([]));

  it('found only in the source: unverifiable', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('tested');
  });

  it('found in a test file: confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
});

describe('a quality the manifest cannot show, and a quoted value nothing compared', () => {
  const doc = [
    '# Intégrations', //  1
    '', //  2
    '- ✅ Stripe configuré correctement', //  3
    '- ✅ Express routes bien structurées', //  4
    '- ✅ Stripe', //  5
    '- ✅ `package.json` restructured, name = "kiosk-pro"', //  6
    '- ✅ `package.json` restructured', //  7
  ].join('\n');
  const { at } = verifier('INTEGRATIONS.md', true)(tree, doc, reportWith([]));

  it('"configuré correctement", "bien structurées" from a declared package: unverifiable', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(5).verdict).toBe('confirmed');
  });

  // Since round 18 the key is looked up in the file the evidence names: another value there decides.
  it('a quoted value beside a file that sets the key otherwise: contradicted; the file alone: confirmed', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('package.json:');
    expect(at(6).reason).toContain('kiosk-pro');
    expect(at(7).verdict).toBe('confirmed');
  });
});

describe('advice, a command or a risk the document gives is not a statement of what the repository has', () => {
  const doc = [
    '# Backups', //  1
    '', //  2
    '- ✅ Empfohlen: tägliche `pg_dump` Backups', //  3
    '- ✅ Kommando: `docker exec db pg_dump -U app app > backup.sql`', //  4
    '- ✅ Solución: asegurar que `.env.example` tiene `STRIPE_KEY`', //  5
    '- ✅ Riesgo: expone `STRIPE_KEY` en los registros', //  6
    '- ✅ `.env.example` lists `STRIPE_KEY`', //  7
  ].join('\n');
  const { at } = verifier('BACKUPS.md', true)(tree, doc, reportWith([]));

  it('"Empfohlen:", "Kommando:", "Solución:", "Riesgo:": unverifiable', () => {
    for (const line of [3, 4, 5, 6]) {
      expect([line, at(line).verdict]).toEqual([line, 'unverifiable']);
      expect(at(line).reason).toContain('advice, a command or a risk');
    }
  });

  it('the same names in a statement are judged', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});
