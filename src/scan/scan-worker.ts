/**
 * The scan's second thread (see offload.ts): it decodes the bytes of files that only patterns
 * look at and runs those patterns, while the main thread reads, digests and keeps the rest.
 * It reads nothing itself and never sees a rule: only the patterns, as data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Match } from '../types.js';
import { decode } from '../walk/file-index.js';
import { compilePatterns, runPatterns, type Compiled, type Overrun, type ScanPattern } from './scanner.js';
import type { ToMain, ToWorker } from './offload.js';

const port = parentPort!;
const compiled = new Map(
  compilePatterns((workerData as { patterns: ScanPattern[] }).patterns).flatMap((g) =>
    g.patterns.map((c) => [c.key, c] as const),
  ),
);
const lists = new Map<number, Compiled[]>();
// runPatterns counts files searched per pattern; the main thread keeps that count itself.
const searched = new Map<string, number>();
// Patterns past their budget here are run on no further file, and reported once.
const overruns = new Map<string, Overrun>();
let reported = 0;

port.on('message', (msg: ToWorker) => {
  for (const [id, keys] of msg.newLists)
    lists.set(
      id,
      keys.map((k) => compiled.get(k)!),
    );
  const matches = new Map<string, Match[]>();
  const binary: number[] = [];
  msg.bytes.forEach((view, i) => {
    const text = decode(Buffer.from(view.buffer, view.byteOffset, view.byteLength));
    if (text === null) return void binary.push(i);
    const list = lists.get(msg.lists[i]!)!;
    for (const c of list) if (!matches.has(c.key)) matches.set(c.key, []);
    runPatterns(msg.paths[i]!, text, list, matches, searched, overruns);
  });
  const found = [...matches].filter(([, l]) => l.length > 0);
  // The buffers go back to be read into again.
  const reply: ToMain = {
    batch: msg.batch,
    binary,
    matches: found,
    buffers: msg.bytes.map((v) => v.buffer as ArrayBuffer),
    overruns: [...overruns].slice(reported),
  };
  reported = overruns.size;
  port.postMessage(reply, reply.buffers);
});
