/**
 * `verify` as a library call: read the document, audit the repository with the profile the
 * document describes (unless --profile or the configuration says otherwise), then judge the
 * document's claims against that Report and the facts behind it. The command line reads the
 * document and renders the result.
 */
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { PillarDefinition, ProfileId } from '../types.js';
import { describedProfile, readDocument, verifyDocument } from '../verify/index.js';
import { planNeedles } from '../verify/needles.js';
import { needlePatterns } from '../verify/search.js';
import { verifySchema, type VerifyResult } from '../verify/schema.js';
import { toolsFromCi, toolsFromGraph } from '../verify/tools.js';
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
  const config = typeof options.config === 'object' ? options.config : loadConfig(root, options.config).config;
  const configured = config.profile && config.profile !== 'auto' ? config.profile : undefined;
  const read = readDocument(document.text);
  const described = options.profile || configured ? null : describedProfile(read.text);
  const profile = options.profile ?? configured ?? described ?? undefined;
  // The document's searches join the audit's one scan: no file is read a second time for them.
  const details = await auditRepository(
    root,
    {
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(profile ? { profile } : {}),
      extraPatterns: needlePatterns(planNeedles(read.claims)),
    },
    builtins,
  );
  const { report } = details;
  const documentPath = document.path ? repositoryPath(root, document.path) : undefined;
  const result = verifyDocument({
    document: options.name ?? (document.path ? basename(document.path) : 'document'),
    ...(documentPath !== undefined ? { documentPath } : {}),
    text: document.text,
    read,
    report,
    vocabulary: config.claims ?? {},
    profile: {
      id: report.repository.profile.id,
      from: options.profile || configured ? 'option' : described ? 'document' : 'detected',
    },
    facts: {
      files: details.files,
      facts: details.facts,
      readText: details.readText,
      matches: details.matches,
      scanned: details.scanned,
      // What CI runs, from the command graph (the CI files' own commands where there is none).
      tools: details.facts.commands ? toolsFromGraph(details.facts.commands) : toolsFromCi(details.files),
      ...(details.artifacts ? { artifacts: details.artifacts } : {}),
    },
  });
  const checked = verifySchema.safeParse(result);
  if (!checked.success)
    throw new Error(`internal error: the verify result does not match its schema: ${checked.error.issues[0]?.message}`);
  return result;
}

/**
 * The document's path inside the audited repository (POSIX, relative), or undefined when it lies
 * outside: SARIF locates results by a repository-relative uri and must never point outside, and
 * the document is never evidence for its own claims.
 */
function repositoryPath(root: string, path: string): string | undefined {
  const rel = relative(resolve(root), resolve(path));
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
