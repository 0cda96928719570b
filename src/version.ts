import { readFileSync } from 'node:fs';

/** The npm package (the command it installs is `readiness`; the name `readiness` on npm belongs to someone else). */
export const PACKAGE_NAME = 'readiness-audit';

/** The package version, read once from package.json beside the build. */
export const VERSION: string = (() => {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === PACKAGE_NAME && pkg.version) return pkg.version;
    } catch {
      /* try the next location */
    }
  }
  return '0.0.0';
})();
