/**
 * A method list ("✅ `updateBiometrie()` - …") claims each function is written. A route that names
 * the action in quotes (`[DossierController::class, 'updateBiometrie']`) refers to it; it does not
 * show the method exists, so the line is not confirmed from it. A definition is.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const verifyIn = verifier('AUDIT.md');

describe('a function named only in quotes by a route', () => {
  const tree: Tree = {
    'composer.json': JSON.stringify({ require: { 'laravel/framework': '^11.0' } }),
    'routes/web.php': [
      '<?php',
      "Route::post('/dossiers/{d}/bio', [DossierController::class, 'updateBiometrie']);",
      "Route::post('/dossiers/{d}/pay', [DossierController::class, 'updatePayment']);",
    ].join('\n'),
    'app/Http/Controllers/DossierController.php': [
      '<?php',
      'class DossierController extends Controller {',
      '  public function updatePayment(Request $r) { return 1; }',
      '}',
    ].join('\n'),
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '**Méthodes principales :**', // 3
    '- ✅ `updatePayment()` - Mise à jour paiement', // 4
    '- ✅ `updateBiometrie()` - Mise à jour biométrie', // 5
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('a defined method is confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
  });

  it('a method only a route names in quotes is not confirmed, and the reason says so', () => {
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(5).reason).toMatch(/only named in quotes/);
  });
});
