import { describe, expect, it } from 'vitest';
import { envSecrets } from './secrets.js';

describe('envSecrets on a hostile .env', () => {
  it('judges 60,000 passwords after 1,997 user names by lookup, not a scan of the names per password', () => {
    // The old judge compared each password with every user/database name of the file: 60,000 × 2,000
    // regex tests, 17 s for a 770 KB file.
    const names = Array.from({ length: 1997 }, (_, i) => `U${i}_USER=user${i}`);
    const passwords = Array.from({ length: 60_000 }, (_, i) => `S${i}_PASSWORD=Zq8vYx2LmN4pR7tW${i}`);
    // Read with the first 2,000 lines' settings: a password equal to a user name, one for localhost.
    const local = ['L_PASSWORD=user7', 'H_HOST=localhost', 'H_PASSWORD=Kq2vYx9LmN4pR7tW'];
    const found = envSecrets('.env', [...local, ...names, ...passwords].join('\n'));
    expect(found).toHaveLength(60_000);
    expect(found.some((f) => f.key === 'L_PASSWORD' || f.key === 'H_PASSWORD')).toBe(false);
    expect(found[0]).toMatchObject({ key: 'S0_PASSWORD', line: 2001 });
  });
});
