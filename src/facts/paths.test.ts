import { describe, expect, it } from 'vitest';
import { isTestPath } from './paths.js';

describe('test project folders are test code', () => {
  it('recognises dotted .NET test projects and CamelCase test folders, not look-alikes', () => {
    expect(isTestPath('Todo.Api.Tests/TokenService.cs')).toBe(true);
    expect(isTestPath('src/Shop.UnitTests/CartTests.cs')).toBe(true);
    expect(isTestPath('Billing.IntegrationTests/Fixtures/Db.cs')).toBe(true);
    expect(isTestPath('AcceptanceTests/steps.ts')).toBe(true);
    expect(isTestPath('Todo.Api/Authorization/CurrentUser.cs')).toBe(false);
    expect(isTestPath('app/contests/views.py')).toBe(false);
  });
});
