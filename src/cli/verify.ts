/** `readiness verify DOC.md [path]`: check a hand-written readiness document's claims. */
import { UsageError } from '../util/errors.js';
import { CAPS, readCappedBytes } from '../util/read-capped.js';
import { writeAtomic } from '../util/atomic.js';
import { verifyRepository } from '../api/verify.js';
import { PROFILES, type PillarDefinition, type ProfileId } from '../types.js';
import { renderVerifyJson, renderVerifyMarkdown, renderVerifySarif, renderVerifyTerminal } from '../verify/render.js';

export interface VerifyFlags {
  format?: string;
  output?: string;
  config?: string;
  profile?: string;
  failOnContradiction?: boolean;
  color: boolean;
  /** Columns the terminal view fits (80 when unknown). */
  width?: number;
}

const FORMATS = ['terminal', 'json', 'md', 'sarif'];

export async function verifyCommand(
  doc: string,
  path: string | undefined,
  flags: VerifyFlags,
  io: { stdout: (s: string) => void },
  builtins: PillarDefinition[],
): Promise<0 | 1> {
  // A readiness document is tens of kilobytes; the cap keeps a huge one from costing gigabytes.
  const bytes = readCappedBytes(doc, { maxBytes: CAPS.document, label: `the document ${doc}` });
  if (bytes.includes(0)) throw new UsageError(`${doc}: not a text document`);
  const format = flags.format ?? formatOfOutput(flags.output);
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${format}: expected one of ${FORMATS.join(', ')}`);

  const result = await verifyRepository(
    { text: bytes.toString('utf8'), path: doc },
    path ?? '.',
    {
      ...(flags.config ? { config: flags.config } : {}),
      ...(flags.profile ? { profile: oneOfProfile(flags.profile) } : {}),
    },
    builtins,
  );

  const text =
    format === 'json'
      ? renderVerifyJson(result)
      : format === 'md'
        ? renderVerifyMarkdown(result)
        : format === 'sarif'
          ? renderVerifySarif(result)
          : renderVerifyTerminal(result, flags.color && !flags.output, flags.output ? 80 : (flags.width ?? 80));
  if (flags.output) writeAtomic(flags.output, text);
  else io.stdout(text);
  return flags.failOnContradiction && result.summary.contradicted > 0 ? 1 : 0;
}

/** The format an --output name implies; an extension that names none is a usage error. */
function formatOfOutput(output: string | undefined): string {
  if (!output) return 'terminal';
  const ext = /\.([^./\\]+)$/.exec(output)?.[1]?.toLowerCase();
  const byExt: Record<string, string> = { json: 'json', md: 'md', markdown: 'md', sarif: 'sarif', txt: 'terminal' };
  if (ext && byExt[ext]) return byExt[ext]!;
  throw new UsageError(
    `--output ${output}: ${ext ? `.${ext} is not a format verify writes` : 'no extension to tell the format from'}; ` +
      `name it .json, .md, .sarif or .txt, or give --format (${FORMATS.join(', ')})`,
  );
}

function oneOfProfile(value: string): ProfileId {
  if (!(PROFILES as readonly string[]).includes(value))
    throw new UsageError(`--profile ${value}: expected one of ${PROFILES.join(', ')}`);
  return value as ProfileId;
}
