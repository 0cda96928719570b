/**
 * readiness verify: "**Location:** [base_service.py](../../app/services/base_service.py)",
 * "**Localização:** [x](…)": a label saying where a thing is, followed by a link, places the item in
 * the linked file — confirmed when the file is there (resolved from the document's folder),
 * contradicted when it is not. A link after any other label stays a citation.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a place label before a link', () => {
  const tree: Tree = {
    'app/services/base_service.py': 'class BaseService:\n    pass\n',
    'app/services/order_service.py': 'class OrderService:\n    pass\n',
  };
  const doc = [
    '# Serviços', // 1
    '', // 2
    '### BaseService', // 3
    '**Localização:** [base_service.py](../../app/services/base_service.py)', // 4
    '', // 5
    '### PaymentService', // 6
    '**Location:** [payment_service.py](../../app/services/payment_service.py)', // 7
    '', // 8
    '### OrderService', // 9
    '**Reviewed by:** [order_service.py](../../app/services/order_service.py)', // 10
  ].join('\n');
  const { at, has } = verifier('docs/reports/SERVICES.md', true)(tree, doc);

  it('the linked file there confirms the line; gone, contradicts it', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(7).verdict).toBe('contradicted');
  });
  it('a link after another label is not read as placing anything', () => {
    expect(has(10)).toBe(false);
  });
});
