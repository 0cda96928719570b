/**
 * A headless Chromium from the npm registry, for the browser tests: @sparticuz/chromium ships the
 * browser inside its package (brotli-compressed, no install script, no download), with the NSS
 * libraries it links against and a font. It is unpacked once into node_modules/.cache, so a fresh
 * clone needs nothing but `npm ci`: no system browser, no apt, no network after the install.
 *
 * The package unpacks into os.tmpdir() on its own, a folder other runs on the machine share; here
 * it unpacks into a private staging folder that is renamed into place only when complete, so two
 * test runs at once never see half a browser.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli.js';

const PACKAGE = '@sparticuz/chromium';

export interface Browser {
  executablePath: string;
  /** The environment the browser needs: its bundled libraries and fonts. */
  env: Record<string, string>;
}

function packageDir(): string {
  // The package's main entry is build/cjs/index.cjs: its root is two levels up.
  return join(dirname(createRequire(join(ROOT, 'package.json')).resolve(PACKAGE)), '..', '..');
}

async function unpack(pkg: string, into: string): Promise<void> {
  // The package's own inflater (brotli, and tar for the archives), pointed at `into` through TMPDIR.
  const { inflate } = (await import(pathToFileURL(join(pkg, 'build', 'esm', 'lambdafs.js')).href)) as {
    inflate: (file: string) => Promise<string>;
  };
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = into;
  try {
    for (const archive of ['chromium.br', 'al2023.tar.br', 'fonts.tar.br']) await inflate(join(pkg, 'bin', archive));
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  // Fonts: the bundled Open Sans, then whatever the system has (none on a bare machine).
  writeFileSync(
    join(into, 'fonts.conf'),
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <dir>${join(into, 'fonts')}</dir>`,
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <cachedir>${join(into, 'fonts-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
}

/** The unpacked browser, unpacking it on first use. */
export async function headlessChromium(): Promise<Browser> {
  const pkg = packageDir();
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version as string;
  const dir = join(ROOT, 'node_modules', '.cache', 'readiness-chromium', version);
  if (!existsSync(join(dir, 'chromium'))) {
    const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
    mkdirSync(staging, { recursive: true });
    try {
      await unpack(pkg, staging);
      renameSync(staging, dir);
    } catch (err) {
      // Another run renamed its copy into place first: use that one.
      if (!existsSync(join(dir, 'chromium'))) throw err;
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}
