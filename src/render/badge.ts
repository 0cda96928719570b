/** A shields.io endpoint badge: https://shields.io/badges/endpoint-badge */
import type { Report } from '../report/schema.js';

const COLOR: Record<string, string> = { A: 'brightgreen', B: 'green', C: 'yellow', D: 'orange', F: 'red' };

export function renderBadge(report: Report): string {
  const s = report.summary;
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      label: 'readiness',
      message: s.score === null ? 'not assessed' : `${s.score} (${s.grade})`,
      color: s.grade ? COLOR[s.grade] : 'lightgrey',
    },
    null,
    2,
  )}\n`;
}
