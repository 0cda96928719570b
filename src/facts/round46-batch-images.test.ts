/**
 * Blind round 46: an image whose command runs an indexing script once (`ENTRYPOINT ["node"]`,
 * `CMD ["other/search/index-youtube-playlist.ts"]`) was judged for health checks as a deployed server.
 * A script named for a batch task, with nothing that serves beside it, runs once.
 */
import { describe, expect, it } from 'vitest';
import { oneShotImage, parseDockerfile } from './dockerfile.js';

const why = (text: string, profile = 'service') =>
  oneShotImage(parseDockerfile('jobs/indexer.dockerfile', text), profile);

describe('oneShotImage: scripts named for a batch task (round 46)', () => {
  it('node running index-youtube-playlist.ts is a one-shot job, in any profile', () => {
    const text =
      'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["node"]\nCMD ["other/search/index-youtube-playlist.ts"]\n';
    expect(why(text)).toBe(
      'jobs/indexer.dockerfile:5 CMD runs other/search/index-youtube-playlist.ts, a script named for a task it does once: no EXPOSE, no server command',
    );
    expect(why(text, 'library')).toMatch(/runs once|does once/);
  });
  it('python import_feeds.py and a migrate-db.js are one-shot too', () => {
    expect(why('FROM python:3.12\nCOPY . .\nCMD ["python", "import_feeds.py"]\n')).toMatch(/import_feeds\.py/);
    expect(why('FROM node:22\nCOPY . .\nCMD node scripts/migrate-db.js\n')).toMatch(/migrate-db\.js/);
    expect(
      why(
        'FROM node:20-alpine\nCOPY run-prisma-migrate.sh /app/\nENTRYPOINT [ "sh" ]\nCMD ["/app/run-prisma-migrate.sh"]\n',
      ),
    ).toMatch(/run-prisma-migrate\.sh/);
  });
  it('an entry point named index.js, a server beside the script, or an EXPOSE stays a server', () => {
    expect(why('FROM node:22\nCOPY . .\nCMD ["node", "dist/index.js"]\n')).toBeUndefined();
    expect(why('FROM node:22\nCOPY . .\nCMD ["node", "sync-server.js", "--listen", "8080"]\n')).toBeUndefined();
    expect(why('FROM node:22\nCOPY . .\nCMD ["node", "sync-server.js"]\n')).toBeUndefined();
    expect(why('FROM node:22\nCOPY . .\nEXPOSE 8080\nCMD ["node", "import-feeds.js"]\n')).toBeUndefined();
  });
});
