import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 23: kubectx (Usage :24, Installation :97) was "partial 0.9, no development section";
 * kotlinconf-app (store links, per-platform run commands under "Building the project") was "partial
 * 0.5, no installation and usage section". A README needs what the project is and how to install and
 * run it, whatever the headings are called.
 */
const CONF = [
  '# Conference App', // 1
  '', // 2
  'The official app of the conference, for Android, iOS, desktop and web.', // 3
  '', // 4
  'The app is published for the following platforms:', // 5
  '', // 6
  '* Android: [available on Google Play](https://play.google.com/store/apps/details?id=org.example.conf)', // 7
  '* iOS: [available from the App Store](https://apps.apple.com/us/app/conf/id123)', // 8
  '', // 9
  '## Building the project', // 10
  '', // 11
  '1. Open the project in IntelliJ IDEA.', // 12
  '2. Run the desired platform', // 13
  '   * Desktop: `./gradlew :app:desktopApp:hotRun`', // 14
  '   * Backend: `./gradlew :backend:run`', // 15
  '',
].join('\n');

describe('readme: installation and usage by content (round 23)', () => {
  it('Usage and Installation without a development section pass, the missing section named', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `# ctx: switch contexts\n\nA tool to switch between contexts.\n\n## Usage\n\n\`\`\`\nctx prod\n\`\`\`\n\nMore about usage.\n\n## Installation\n\n\`\`\`\nbrew install ctx\n\`\`\`\n`,
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'README.md covers installation and usage; no development section (how to build and test it).',
    );
    expect(run.evidence).toContainEqual(expect.objectContaining({ line: 5, snippet: 'Usage', note: 'usage section' }));
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ line: 13, snippet: 'Installation', note: 'installation section' }),
    );
  });

  it('store links are the installation and run commands the usage, under other headings', async () => {
    const run = await runRuleOn(rule, { 'README.md': CONF });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'README.md',
        line: 7,
        note: 'installation: where to get it (an app store, package or releases link)',
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'README.md', line: 10, snippet: 'Building the project', note: 'usage section' }),
    );
  });

  it('a struck-through (deprecated) store link is skipped; a package-registry link is cited', async () => {
    const run = await runRuleOn(rule, {
      'README.md':
        '# Requests\n\nA request manager for media servers.\n\n## Packages\n\n~Snap: [Snap](https://snapcraft.io/requests)~ (Deprecated)\n\nArch Linux: [AUR](https://aur.archlinux.org/packages/requests)\n\n## API Documentation\n\nThe API is served at /api-docs.\n',
    });
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        line: 9,
        note: 'installation: where to get it (an app store, package or releases link)',
      }),
    );
  });

  it('a releases link counts on a line about downloading, not in passing', async () => {
    const body = (line: string) =>
      `# Tool\n\nA tool.\n\n## Versions\n\n${line}\n\n## Documentation\n\nSee the docs site.\n\n## Sponsors\n\nThanks to\n- Acme\n- Initech\n- Globex\n`;
    const passing = await runRuleOn(rule, {
      'README.md': body('Previous versions are available, see [Releases](https://github.com/acme/tool/releases).'),
    });
    expect(passing.message).toContain('no installation');
    const download = await runRuleOn(rule, {
      'README.md': body('Download a binary from [Releases](https://github.com/acme/tool/releases/latest).'),
    });
    expect(download.evidence).toContainEqual(
      expect.objectContaining({
        line: 7,
        note: 'installation: where to get it (an app store, package or releases link)',
      }),
    );
  });

  it('without the store links and run commands the same README still lacks installation and usage', async () => {
    const run = await runRuleOn(rule, {
      'README.md': CONF.replace(/\]\(https:[^)]*\)/g, '](docs/platforms.md)').replace(/`\.\/gradlew[^`]*`/g, 'the IDE'),
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no installation and usage section');
  });
});
