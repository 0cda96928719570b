/** The JSON report, in a module of its own: the audit command writes it without loading any renderer. */
import type { Report } from '../report/schema.js';
import { printableJson } from '../util/printable.js';

export const renderJson = (report: Report): string => printableJson(`${JSON.stringify(report, null, 2)}\n`);
