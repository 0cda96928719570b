/**
 * Clients of a remote git host are outbound calls (issue 15, blind round 42): the kohsuke GitHub API
 * client and JGit's clone, and the client libraries declared for them; a local JGit repository
 * opened from disk is not.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, MemorySource, type Tree } from '../testing/memory.js';
import { scan } from '../scan/scanner.js';
import { collectFacts, completeFacts, factPatterns } from './index.js';
import { watchedNames } from './catalogues.js';

async function outbound(tree: Tree) {
  const files = memoryIndex(tree);
  const pre = collectFacts(files);
  const watched = watchedNames();
  const scanned = await scan(files, new MemorySource(tree), factPatterns(pre, watched), []);
  return completeFacts(
    files,
    pre,
    { matches: (k) => scanned.matches.get(k) ?? [], searched: (k) => scanned.searched.get(k) ?? 0 },
    { watched },
  ).outbound;
}

const POM = (deps: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>org.acme</groupId>\n  <artifactId>search</artifactId>\n  <version>1.0</version>\n  <dependencies>\n${deps}  </dependencies>\n</project>\n`;
const dep = (g: string, a: string) =>
  `    <dependency>\n      <groupId>${g}</groupId>\n      <artifactId>${a}</artifactId>\n      <version>1.0</version>\n    </dependency>\n`;

describe('outbound calls to a git host', () => {
  it('new GitHubBuilder() and Git.cloneRepository() are calls; github-api is a client library', async () => {
    const o = await outbound({
      'pom.xml': POM(dep('org.kohsuke', 'github-api') + dep('org.eclipse.jgit', 'org.eclipse.jgit')),
      'src/main/java/org/acme/Fetcher.java': [
        'package org.acme;',
        'import org.kohsuke.github.GitHub;',
        'import org.kohsuke.github.GitHubBuilder;',
        'class Fetcher {',
        '  GitHub connect(String token) throws Exception {',
        '    return new GitHubBuilder().withOAuthToken(token).build();',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/main/java/org/acme/Clone.java': [
        'package org.acme;',
        'import org.eclipse.jgit.api.Git;',
        'class Clone {',
        '  Git clone(String uri, java.io.File dir) throws Exception {',
        '    return Git.cloneRepository().setURI(uri).setDirectory(dir).call();',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    expect(o.found).toBe(true);
    expect(o.sites.map((s) => `${s.path}:${s.line}`)).toEqual(
      expect.arrayContaining(['src/main/java/org/acme/Fetcher.java:6', 'src/main/java/org/acme/Clone.java:5']),
    );
    expect(o.clients).toContain('org.kohsuke:github-api');
  });
  it('a local repository opened from disk (Git.open) calls nothing', async () => {
    const o = await outbound({
      'pom.xml': POM(dep('org.eclipse.jgit', 'org.eclipse.jgit')),
      'src/main/java/org/acme/Log.java':
        'package org.acme;\nimport org.eclipse.jgit.api.Git;\nclass Log {\n  Git open(java.io.File dir) throws Exception {\n    return Git.open(dir);\n  }\n}\n',
    });
    expect(o.found).toBe(false);
  });
});
