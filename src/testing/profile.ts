/**
 * The profile the facts decide for an in-memory tree, through the same scan an audit runs (the
 * profile's code patterns included): for tests of the profile decision.
 */
import { collectFacts, completeFacts, factPatterns } from '../facts/index.js';
import { scan } from '../scan/scanner.js';
import { memoryIndex, MemorySource, type Tree } from './memory.js';

export async function profileOf(tree: Tree) {
  const files = memoryIndex(tree);
  const pre = collectFacts(files);
  const scanned = await scan(files, new MemorySource(tree), factPatterns(pre), [], []);
  return completeFacts(files, pre, {
    matches: (key) => scanned.matches.get(key) ?? [],
    searched: (key) => scanned.searched.get(key) ?? 0,
  }).profile;
}
