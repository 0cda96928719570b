/**
 * Rendering for the command line: the JSON report without loading a renderer, any other format
 * with its renderer loaded then (Handlebars, the terminal's colours and tables). The result is the
 * one render() gives.
 */
import type { Report } from '../report/schema.js';
import type { Format } from './formats.js';
import type { RenderOptions } from './index.js';
import { renderJson } from './json.js';

export async function renderReport(report: Report, format: Format, options: RenderOptions): Promise<string> {
  if (format === 'json' && !options.template) return renderJson(report);
  return (await import('./index.js')).render(report, format, options);
}
