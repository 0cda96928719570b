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
