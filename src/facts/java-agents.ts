/**
 * JVM agents attached at start (`-javaagent:PATH`), whatever writes the flag: a Dockerfile's
 * exec-form `ENTRYPOINT ["java", "-javaagent:agent.jar", …]` or shell form, `JAVA_TOOL_OPTIONS` /
 * `JAVA_OPTS` in a Dockerfile `ENV`, a compose or Kubernetes env block, Helm values, a start
 * script, a Procfile (issue 15, blind round 30: `-javaagent:agent.jar` in a JSON-array ENTRYPOINT
 * went unread, and the tool said no flag attached the Application Insights agent).
 *
 * The agent is named by its path (`opentelemetry-javaagent.jar`, `dd-java-agent.jar`) or, when the
 * path is generic (`agent.jar`), by the line that puts it into the image: a COPY/ADD/RUN naming
 * both the vendor's jar and that file (`COPY applicationinsights-agent*.jar ./agent.jar`).
 * APM agents collect traces and metrics alike; the Prometheus JMX exporter collects metrics only.
 *
 * Linear: one indexOf walk per file for the flag, one pass over the Dockerfiles' lines for the
 * lines that ship an agent (at most MAX_SHIPPED of them, each generic flag compared with those);
 * bounded by the number of files read.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { dockerfilePaths } from './dockerfile.js';
import { isCommentLine, isProductionPath } from './paths.js';
import { escapeRe } from '../util/regex.js';
import { JAVA_AGENT_FILES, JAVA_AGENT_FLAGS } from './alongside.js';

export interface JavaAgent {
  /** Agent product, said as a reader knows it: 'Azure Application Insights Java agent'. */
  name: string;
  tracing: boolean;
  metrics: boolean;
  path: string;
  line: number;
  snippet: string;
  /** Where a generic path was identified: the line that ships the vendor's jar into the image. */
  shippedAt?: { path: string; line: number; snippet: string };
}

const VENDORS: { re: RegExp; name: string; tracing: boolean; metrics: boolean }[] = [
  { re: /applicationinsights/i, name: 'Azure Application Insights Java agent', tracing: true, metrics: true },
  { re: /opentelemetry|otel[-_]?(?:java)?agent/i, name: 'OpenTelemetry Java agent', tracing: true, metrics: true },
  { re: /dd-java-agent|datadog/i, name: 'Datadog Java agent', tracing: true, metrics: true },
  { re: /elastic-apm/i, name: 'Elastic APM Java agent', tracing: true, metrics: true },
  { re: /newrelic/i, name: 'New Relic Java agent', tracing: true, metrics: true },
  { re: /skywalking/i, name: 'Apache SkyWalking Java agent', tracing: true, metrics: true },
  { re: /pinpoint/i, name: 'Pinpoint Java agent', tracing: true, metrics: true },
  { re: /appdynamics/i, name: 'AppDynamics Java agent', tracing: true, metrics: true },
  { re: /dynatrace|oneagent/i, name: 'Dynatrace OneAgent', tracing: true, metrics: true },
  { re: /jmx[_-]prometheus/i, name: 'Prometheus JMX exporter agent', tracing: false, metrics: true },
];

/** Runtime files besides the Dockerfiles (which `dockerfilePaths` names, as for every rule). */
const FILES = JAVA_AGENT_FILES;
const MAX_FILES = 400;
/**
 * Lines that ship a vendor's agent kept (and their first characters): each generic flag is looked
 * up among them, so unbounded they made the reader flags × lines (400 scripts of generic flags
 * against Dockerfiles of `RUN datadog` lines grew fourfold for twice the input).
 */
const MAX_SHIPPED = 50;
const MAX_SHIPPED_CHARS = 300;

function vendorOf(text: string) {
  return VENDORS.find((v) => v.re.test(text));
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Agents attached at start anywhere in the repository's runtime files, first per file. */
export function javaAgents(files: FileView): JavaAgent[] {
  return memo(files, 'java-agents', () => {
    const images = dockerfilePaths(files).filter((p) => isProductionPath(p));
    const paths = [...images, ...files.match(FILES).filter((p) => isProductionPath(p))].sort();
    // Lines that put a vendor's agent into an image: COPY/ADD/RUN naming the vendor.
    const shipped: { path: string; line: number; text: string }[] = [];
    for (const p of images.slice(0, MAX_FILES)) {
      const lines = files.lines(p);
      if (!lines) continue;
      for (let n = 1; n <= lines.count && shipped.length < MAX_SHIPPED; n++) {
        const l = lines.bare(n);
        if (/^\s*(?:COPY|ADD|RUN)\b/i.test(l) && vendorOf(l))
          shipped.push({ path: p, line: n, text: l.trim().slice(0, MAX_SHIPPED_CHARS) });
      }
    }
    const out: JavaAgent[] = [];
    for (const p of paths.slice(0, MAX_FILES)) {
      // Taken by the scan while it read the file (a Dockerfile from the text held for it above).
      const flags = files.digest(p, JAVA_AGENT_FLAGS);
      if (!flags) continue;
      for (const { agentPath, line, snippet } of flags) {
        if (!agentPath || isCommentLine(snippet)) continue;
        let vendor = vendorOf(agentPath);
        let shippedAt: JavaAgent['shippedAt'];
        if (!vendor) {
          const base = basename(agentPath);
          const token = new RegExp(`(?:^|[\\s/"'=])${escapeRe(base)}(?=$|[\\s"',\\]])`);
          const ship = base.length > 2 ? shipped.find((s) => token.test(s.text)) : undefined;
          if (ship) {
            vendor = vendorOf(ship.text);
            shippedAt = { path: ship.path, line: ship.line, snippet: ship.text };
          }
        }
        if (!vendor) continue;
        out.push({
          name: vendor.name,
          tracing: vendor.tracing,
          metrics: vendor.metrics,
          path: p,
          line,
          snippet,
          ...(shippedAt ? { shippedAt } : {}),
        });
        break;
      }
    }
    return out;
  });
}
