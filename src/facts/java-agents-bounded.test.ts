import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../testing/memory.js';
import { javaAgents } from './java-agents.js';

/**
 * Review round 32: each generic `-javaagent:x.jar` flag was compared with every Dockerfile line
 * that ships a vendor's agent, so scripts full of generic flags against Dockerfiles full of
 * `RUN datadog` lines made the reader flags × lines (twice the input, four times the time). The
 * shipping lines kept are bounded; an image's real shipping line is still found.
 */
describe('java agents on a hostile tree', () => {
  it('many generic flags against many shipping lines: the real agent is still read, nothing else', () => {
    const tree: Tree = {
      Dockerfile: [
        'FROM eclipse-temurin:21-jre',
        'COPY applicationinsights-agent*.jar ./agent.jar',
        'ENTRYPOINT ["java", "-javaagent:agent.jar", "-jar", "app.jar"]',
      ].join('\n'),
    };
    for (let d = 0; d < 20; d++) tree[`images/d${d}/Dockerfile`] = `FROM x\n${'RUN datadog\n'.repeat(20_000)}`;
    for (let i = 0; i < 300; i++) tree[`scripts/s${i}.sh`] = 'java -javaagent:x.jar\n'.repeat(20);
    const agents = javaAgents(memoryIndex(tree));
    expect(agents).toEqual([
      expect.objectContaining({
        name: 'Azure Application Insights Java agent',
        path: 'Dockerfile',
        line: 3,
        shippedAt: expect.objectContaining({ path: 'Dockerfile', line: 2 }),
      }),
    ]);
  });
});
