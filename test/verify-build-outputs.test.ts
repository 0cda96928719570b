/**
 * readiness verify: a file a build writes ("target/site/jacoco/index.html", "coverage/lcov-report/
 * index.html") is never in the repository. Named by a document, it is looked up as the output of the
 * tool its path names: configured in a build file, the claim is confirmed with that file:line; not
 * configured, it is left open — never contradicted because a file of the same name sits elsewhere.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const pom = [
  '<project>',
  '  <artifactId>pharmacy</artifactId>',
  '  <build>',
  '    <plugins>',
  '      <plugin>',
  '        <groupId>org.jacoco</groupId>',
  '        <artifactId>jacoco-maven-plugin</artifactId>',
  '      </plugin>',
  '    </plugins>',
  '  </build>',
  '</project>',
].join('\n');

const doc = [
  '# Calidad', // 1
  '', // 2
  '## Cobertura', // 3
  '', // 4
  '- **Visualización**: `target/site/jacoco/index.html`', // 5
  '- **Reporte**: `target/site/cobertura/index.html`', // 6
].join('\n');

describe('reports a build writes', () => {
  const tree: Tree = {
    'pom.xml': pom,
    'src/main/java/App.java': 'class App {}\n',
    'src/main/resources/static/index.html': '<html></html>\n',
  };
  const { at, has } = verifier('CALIDAD.md')(tree, doc);
  it('the report of a configured tool is confirmed from the build file', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'pom.xml', line: 6 });
  });
  it('the report of a tool not configured is not contradicted by a same-named file elsewhere', () => {
    expect(has(6) ? at(6).verdict : 'unverifiable').not.toBe('contradicted');
    expect(has(6) ? at(6).verdict : 'unverifiable').not.toBe('confirmed');
  });
});
