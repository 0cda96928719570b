/**
 * readiness verify: a list of the repository's units under a label naming their kind ("**Business
 * modules:**", "**Hooks:**") is checked item by item in the folder that holds most of them: an item
 * there is confirmed, one nowhere is contradicted, one only elsewhere is partial, and a unit said to be
 * missing that is there is contradicted. A list the repository does not name stays unverifiable;
 * "- use-orders (orders)" is a hook's name, not an instruction.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { extractClaims } from '../src/verify/extract.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"app","version":"1.0.0","dependencies":{"@nestjs/core":"^11.0.0"}}',
  'backend/src/modules/users/users.module.ts': 'export class UsersModule {}\n',
  'backend/src/modules/products/products.service.ts': 'export class ProductsService {}\n',
  'backend/src/modules/orders/orders.controller.ts': 'export class OrdersController {}\n',
  'backend/src/modules/digital-menu/digital-menu.module.ts': 'export class DigitalMenuModule {}\n',
  'backend/src/modules/dashboard/dashboard.module.ts': 'export class DashboardModule {}\n',
  'backend/src/modules/payments/payments.module.ts': 'export class PaymentsModule {}\n',
  'backend/src/core/notifications.service.ts': 'export class NotificationsService {}\n',
  'frontend/src/hooks/use-products.ts': 'export const useProducts = () => 1;\n',
  'frontend/src/hooks/use-menus.ts': 'export const useMenus = () => 1;\n',
  'frontend/src/hooks/use-sala.ts': 'export const useSala = () => 1;\n',
};

const doc = [
  '# Estado del proyecto', // 1
  '', // 2
  '### ✅ Módulos completados', // 3
  '', // 4
  '**Módulos de negocio:** 7 módulos operacionales', // 5
  '- Users (gestión de usuarios)', // 6
  '- Products (inventario completo)', // 7
  '- Orders (pedidos y tracking)', // 8
  '- Digital Menu (menús digitales)', // 9
  '- Ingesta (reconocimiento IA)', // 10
  '- Notifications (notificaciones)', // 11
  '- Dashboard (KPIs y métricas)', // 12
  '', // 13
  '**Hooks:** 4 hooks', // 14
  '- use-products (CRUD productos)', // 15
  '- use-menus (menús)', // 16
  '- use-sala (sala)', // 17
  '- use-orders (pedidos)', // 18
  '', // 19
  '### ❌ Módulos faltantes', // 20
  '', // 21
  '**Modules:**', // 22
  '- Payments (cobros)', // 23
  '- Users (usuarios)', // 24
  '- Orders (pedidos)', // 25
  '', // 26
  '### ✅ Páginas', // 27
  '', // 28
  '**Pages:**', // 29
  '- Recetas (gestión)', // 30
  '- Pedidos (gestión)', // 31
  '- Almacenes (stock)', // 32
].join('\n');

describe('a list of units looked up where most of them are', () => {
  const { at, has } = verifier('STATUS.md')(tree, doc);

  it('confirms the listed units the folder holds, by folder or file name', () => {
    for (const line of [6, 7, 8, 9, 12]) expect(at(line).verdict).toBe('confirmed');
    expect(at(9).evidence[0]!.path.startsWith('backend/src/modules/digital-menu/')).toBe(true);
    expect(at(6).evidence[0]!.path).toBe('backend/src/modules/users/');
    for (const line of [15, 16, 17]) expect(at(line).verdict).toBe('confirmed');
  });

  it('contradicts a unit said to be done that is nowhere, and says where the others are', () => {
    expect(at(10).verdict).toBe('contradicted');
    expect(at(10).reason).toContain('backend/src/modules/');
    expect(at(18).verdict).toBe('contradicted');
  });

  it('a unit found only outside the folder is there in part', () => {
    expect(at(11).verdict).toBe('partially-confirmed');
    expect(at(11).evidence[0]!.path).toBe('backend/src/core/notifications.service.ts');
  });

  it('contradicts units said to be missing that are there', () => {
    expect(at(23).verdict).toBe('contradicted');
    expect(at(24).verdict).toBe('contradicted');
  });

  it('leaves a list the repository does not name as it was', () => {
    for (const line of [30, 31, 32]) if (has(line)) expect(at(line).verdict).toBe('unverifiable');
  });

  it('reads "use-orders (pedidos)" as an item, not an instruction', () => {
    expect(extractClaims(doc).some((c) => c.line === 18)).toBe(true);
  });
});

describe('the count a unit list gives, against the folder it was found in', () => {
  const count = (n: number) =>
    [
      '# Estado', // 1
      '', // 2
      '### ✅ Frontend', // 3
      '', // 4
      `**Sistema Hooks:** ${n} hooks personalizados`, // 5
      '- use-products (productos)', // 6
      '- use-menus (menús)', // 7
      '- use-sala (sala)', // 8
    ].join('\n');
  const judge = (n: number) => verifier('STATUS.md')(tree, count(n)).at(5);
  it('confirms the figure the folder holds', () => {
    expect(judge(3).verdict).toBe('confirmed');
    expect(judge(3).evidence[0]!.path).toBe('frontend/src/hooks/');
  });
  it('contradicts a figure the folder does not hold', () => {
    expect(judge(5).verdict).toBe('contradicted');
    expect(judge(2).verdict).toBe('contradicted');
    expect(judge(2).reason).toContain('frontend/src/hooks/ holds 3 files');
    expect(judge(2).reason).toContain('the list itself has 3');
  });
});
