import { expect } from 'vitest';

/** Every Markdown table row has as many unescaped cell separators as its header. */
export function assertMarkdownTablesIntact(md: string): void {
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|.*\|$/.test(lines[i]!) || !/^\|[-:| ]+\|$/.test(lines[i + 1] ?? '')) continue;
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const width = cells(lines[i]!);
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++)
      expect(cells(lines[j]!), lines[j]).toBe(width);
  }
}
