import { describe, expect, it } from 'vitest';
import { elixirRoleDenies } from './elixir-role-deny.js';

const lines = (text: string) => elixirRoleDenies('lib/a.ex', text, 3).map((m) => m.line);
const filler = (n: number) => Array.from({ length: n }, () => '      conn').join('\n');

describe('elixirRoleDenies (hand-written Elixir role checks that refuse)', () => {
  it('cites the condition whose branch refuses within five lines, not one further', () => {
    const near = `  if has_org_role?(org, user, role) do\n${filler(4)}\n      raise UnauthorizedError\n  end\n`;
    expect(lines(`defmodule A do\n${near}end\n`)).toEqual([2]);
    const far = `  if has_org_role?(org, user, role) do\n${filler(5)}\n      raise UnauthorizedError\n  end\n`;
    expect(lines(`defmodule A do\n${far}end\n`)).toEqual([]);
  });

  it('reads `name(…) || raise` on one line, and not a condition on no role', () => {
    expect(lines('def a!(p, s), do:\n  authorized?(p, s) || raise ShopWeb.UnauthorizedError\n')).toEqual([2]);
    expect(lines('  if token == nil do\n    conn |> put_status(:unauthorized) |> halt()\n  end\n')).toEqual([]);
  });

  it('takes the name at most 120 characters after the `if`, with no other `if` between', () => {
    const pad = 'x'.repeat(110);
    expect(lines(`if ${pad} admin?, do: raise Forbidden\n`)).toEqual([1]);
    expect(lines(`if ${pad}${pad} admin?, do: raise Forbidden\n`)).toEqual([]);
    expect(lines('if x, do: 1, else: if admin?, do: raise Forbidden\n')).toEqual([1]);
  });

  it('records at most the first three, none inside another', () => {
    const one = 'if admin? do\n  raise Forbidden\nend\n';
    expect(lines(one.repeat(5))).toEqual([1, 4, 7]);
    expect(lines('if admin? and if role? do raise Forbidden end\n')).toEqual([1]);
  });
});
