/**
 * Digests the scan's worker threads can take: a thread receives patterns as data, never
 * functions, so it loads a digest's code itself, by key, from this table. A digest not here (a
 * plugin's) is taken on the main thread; one here is used only when the rule's digest is this
 * very object, so a plugin reusing a key never runs someone else's code in its place.
 */
import type { Digest } from '../types.js';
import { table } from '../util/table.js';

const PORTABLE: Record<string, () => Promise<Digest<unknown>>> = table({
  'tests:file': async () => (await import('../facts/tests/digest.js')).TEST_DIGEST as Digest<unknown>,
  'k8s:file': async () => (await import('../facts/k8s.js')).K8S_DIGEST as Digest<unknown>,
  'terraform:file': async () => (await import('../facts/terraform.js')).TF_DIGEST as Digest<unknown>,
  'ci:azure-pipeline': async () => (await import('../facts/alongside.js')).AZURE_PIPELINE as Digest<unknown>,
  'java-agents:flags': async () => (await import('../facts/alongside.js')).JAVA_AGENT_FLAGS as Digest<unknown>,
  'tests:mocha-lines': async () => (await import('../facts/alongside.js')).MOCHA_LINES as Digest<unknown>,
  'component:use-client': async () => (await import('../facts/alongside.js')).USE_CLIENT_MODULE as Digest<unknown>,
  'serverless:sam-mention': async () => (await import('../facts/alongside.js')).SAM_MENTION as Digest<unknown>,
  'serverless:service': async () => (await import('../facts/alongside.js')).SERVERLESS_SERVICE as Digest<unknown>,
  'serverless:chalice-app': async () => (await import('../facts/alongside.js')).CHALICE_APP as Digest<unknown>,
  'jsonnet:object': async () => (await import('../facts/alongside.js')).JSONNET_OBJECT as Digest<unknown>,
  'jsonnet:tanka-spec': async () => (await import('../facts/alongside.js')).TANKA_SPEC as Digest<unknown>,
});

/** Keys of the digests a worker thread can take. */
export const PORTABLE_KEYS = Object.keys(PORTABLE);

/** The built-in digest for `key`, loaded, or undefined. */
export async function portableDigest(key: string): Promise<Digest<unknown> | undefined> {
  return PORTABLE[key]?.();
}

/** Which of `digests` a worker thread can take (the built-in ones). */
export async function portableKeys(digests: readonly Digest<unknown>[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const d of digests) if ((await portableDigest(d.key)) === d) out.add(d.key);
  return out;
}
