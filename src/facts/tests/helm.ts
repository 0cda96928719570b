/**
 * Helm chart tests, as the chart tools find them: chart-testing installs a chart once per
 * `ci/*-values.yaml` scenario (`ct install`, then `helm test`), `helm test` runs the Pods of
 * `templates/tests/` marked `helm.sh/hook: test`, and helm-unittest runs each `it:` of
 * `tests/*_test.yaml`. A file counts only inside a chart (a directory with Chart.yaml).
 */
import { counter } from './types.js';

export const HELM_TEST_GLOBS = [
  '**/ci/*-values.yaml',
  '**/ci/*-values.yml',
  '**/templates/tests/*.yaml',
  '**/templates/tests/*.yml',
  '**/tests/**/*_test.yaml',
  '**/tests/**/*_test.yml',
];

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** The chart directory a Helm test file belongs to, by where the tools look for it. */
export function helmChartOf(path: string): string {
  if (/\/ci\/[^/]+$/.test(`/${path}`)) return dirOf(dirOf(path));
  if (/(^|\/)templates\/tests\/[^/]+$/.test(path)) return dirOf(dirOf(dirOf(path)));
  const at = path.lastIndexOf('tests/');
  return at <= 0 ? '' : path.slice(0, at - 1);
}

export function countHelm(text: string, path: string) {
  const count = counter();
  const lines = text.split(/\r?\n/);
  let framework: string;
  if (/(^|\/)ci\/[^/]+$/.test(path)) {
    framework = 'chart-testing';
    count.add({ line: 1 });
  } else if (/(^|\/)templates\/tests\//.test(path)) {
    framework = 'helm test';
    // One Pod (or Job) per YAML document marked as a test hook.
    let start = 1;
    let hooked = false;
    lines.forEach((l, i) => {
      if (/^---/.test(l)) {
        if (hooked) count.add({ line: start });
        start = i + 2;
        hooked = false;
      }
      if (/["']?helm\.sh\/hook["']?\s*:\s*["']?[\w-,]*\btest(?:-success)?\b/.test(l)) hooked = true;
    });
    if (hooked) count.add({ line: start });
  } else {
    framework = 'helm-unittest';
    lines.forEach((l, i) => {
      if (/^\s*-\s*it\s*:/.test(l)) count.add({ line: i + 1, skipped: /^\s*skip\s*:/.test(lines[i + 1] ?? '') });
    });
  }
  return { ...count.result(), framework };
}
