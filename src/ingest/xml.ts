/** XML for coverage and JUnit reports: validated first, so a truncated file is refused, not half-read. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities in report files are only ever the XML ones; no DTD expansion.
  processEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'counter', 'package', 'class', 'line'].includes(name),
});

export function parseXml(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  const v = XMLValidator.validate(text);
  if (v !== true) return { ok: false, error: `${v.err.msg} (line ${v.err.line})` };
  try {
    return { ok: true, value: parser.parse(text) as Record<string, unknown> };
  } catch (e) {
    return { ok: false, error: (e as Error).message.split('\n')[0]! };
  }
}
