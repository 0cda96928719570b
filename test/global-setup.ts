/**
 * Every temporary tree a test writes (mkdtemp under os.tmpdir()) goes into one folder for the
 * run, removed when the run ends: a full run used to leave ~60 folders in /tmp behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'readiness-tests-'));
  // Test workers and the CLI processes they spawn inherit it; os.tmpdir() reads TMPDIR each call.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
