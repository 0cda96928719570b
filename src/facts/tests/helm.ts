/**
 * Helm chart tests, as the chart tools find them: `helm test` runs the Pods of `templates/tests/`
 * marked `helm.sh/hook: test`, and helm-unittest runs each `it:` of `tests/*_test.yaml`. A file
 * counts only inside a chart (a directory with Chart.yaml). chart-testing's `ci/*-values.yaml` are
 * values to install the chart with, not tests: they assert nothing.
 */
import { counter } from './types.js';

export const HELM_TEST_GLOBS = [
  '**/templates/tests/*.yaml',
  '**/templates/tests/*.yml',
  '**/tests/**/*_test.yaml',
  '**/tests/**/*_test.yml',
];

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** The chart directory a Helm test file belongs to, by where the tools look for it. */
export function helmChartOf(path: string): string {
  if (/(^|\/)templates\/tests\/[^/]+$/.test(path)) return dirOf(dirOf(dirOf(path)));
  const at = path.lastIndexOf('tests/');
  return at <= 0 ? '' : path.slice(0, at - 1);
}

export function countHelm(text: string, path: string) {
  const count = counter();
  const lines = text.split(/\r?\n/);
  let framework: string;
  if (/(^|\/)templates\/tests\//.test(path)) {
    framework = 'helm test';
    // One Pod (or Job) per YAML document marked as a test hook: the ServiceAccount, Role or
    // ConfigMap a test needs is hooked the same way but runs nothing (blind round 18: grafana's
    // charts, 7 hook resources for 2 test Pods). A kind written by a template is given the benefit.
    let start = 1;
    let hooked = false;
    let runs = true;
    const close = () => {
      if (hooked && runs) count.add({ line: start });
    };
    lines.forEach((l, i) => {
      if (/^---/.test(l)) {
        close();
        start = i + 2;
        hooked = false;
        runs = true;
      }
      const kind = /^kind\s*:\s*["']?([^\s"'#]+)/.exec(l)?.[1];
      if (kind !== undefined) runs = kind === 'Pod' || kind === 'Job' || kind.startsWith('{{');
      if (/["']?helm\.sh\/hook["']?\s*:\s*["']?[\w-,]*\btest(?:-success)?\b/.test(l)) hooked = true;
    });
    close();
  } else {
    framework = 'helm-unittest';
    lines.forEach((l, i) => {
      if (/^\s*-\s*it\s*:/.test(l)) count.add({ line: i + 1, skipped: /^\s*skip\s*:/.test(lines[i + 1] ?? '') });
    });
  }
  return { ...count.result(), framework };
}
