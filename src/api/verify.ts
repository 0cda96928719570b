/**
 * `verify` as a library call: audit the repository, then judge the document's claims against
 * that Report. The command line reads the document and renders the result.
 */
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { PillarDefinition, ProfileId } from '../types.js';
import { verifyDocument } from '../verify/index.js';
import { verifySchema, type VerifyResult } from '../verify/schema.js';
import { auditRepository } from './audit.js';

export interface VerifyOptions {
  /** A configuration file (trusted) or object; discovered in the root otherwise. */
  config?: string | Config;
  profile?: ProfileId;
  /** The name the result gives the document (default: the base name of its path, or "document"). */
  name?: string;
}

/** The document as text (`{ text }`) or as bytes already read. */
export async function verifyRepository(
  document: { text: string; path?: string },
  root: string,
  options: VerifyOptions,
  builtins: PillarDefinition[],
): Promise<VerifyResult> {
  const { report } = await auditRepository(
    root,
    {
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    },
    builtins,
  );
  const config = typeof options.config === 'object' ? options.config : loadConfig(root, options.config).config;
  const inside = document.path ? repositoryPath(root, document.path) : undefined;
  const result = verifyDocument({
    document: options.name ?? (document.path ? basename(document.path) : 'document'),
    ...(inside !== undefined ? { documentPath: inside } : {}),
    text: document.text,
    report,
    vocabulary: config.claims ?? {},
  });
  const checked = verifySchema.safeParse(result);
  if (!checked.success)
    throw new Error(`internal error: the verify result does not match its schema: ${checked.error.issues[0]?.message}`);
  return result;
}

/**
 * The document's path inside the audited repository (POSIX, relative), or undefined when it lies
 * outside: SARIF locates results by a repository-relative uri and must never point outside.
 */
function repositoryPath(root: string, path: string): string | undefined {
  const rel = relative(resolve(root), resolve(path));
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
