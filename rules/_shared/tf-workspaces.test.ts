import { describe, expect, it } from 'vitest';
import { workspaceMap } from './tf-workspaces.js';

describe('workspaceMap: a folder of .tf files is read and scanned once, however many lookups (review 23)', () => {
  it('answers as before and reads each file once for many distinct maps', () => {
    const names = 300;
    const tree: Record<string, string> = { 'infra/main.tf': 'module "x" {\n  source = "./m"\n}\n' };
    for (let f = 0; f < 20; f++) tree[`infra/other${f}.tf`] = '# nothing here\n';
    tree['infra/maps.tf'] =
      `locals {\n${Array.from({ length: names }, (_, i) => `  m${i} = {\n    live = "${i}"\n  }\n`).join('')}}\n`;
    let reads = 0;
    let matches = 0;
    const files = {
      read: (p: string) => {
        reads++;
        return tree[p];
      },
      match: (glob: string) => {
        matches++;
        return glob === 'infra/*.tf' ? Object.keys(tree).filter((p) => p.startsWith('infra/')) : [];
      },
    };
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < names; i++) {
        const map = workspaceMap(files, 'infra/main.tf', `m${i}`);
        expect(map).toEqual({
          name: `m${i}`,
          path: 'infra/maps.tf',
          line: 2 + 3 * i,
          entries: [{ key: 'live', value: `${i}`, line: 3 + 3 * i }],
        });
      }
    expect(workspaceMap(files, 'infra/main.tf', 'absent')).toBeUndefined();
    // One read per file to index it, one per distinct map found; nothing for a repeated lookup.
    expect(reads).toBeLessThanOrEqual(Object.keys(tree).length + names);
    expect(matches).toBe(names + 1);
  });
});
