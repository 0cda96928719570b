/**
 * Preloaded (node --require) into a CLI run by the hostile suite: the process kills itself with
 * SIGKILL at a chosen point of writing its output, so that "killed mid-write" is tested exactly,
 * on any machine, instead of racing a timer. READINESS_DIE_AT: 'write' (half the report written
 * to the temporary file) or 'rename' (written and synced, not yet renamed).
 */
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const at = process.env.READINESS_DIE_AT;
const die = () => process.kill(process.pid, 'SIGKILL');
const { writeSync, renameSync } = fs;
fs.writeSync = function (fd, data, ...rest) {
  if (at === 'write' && typeof data === 'string' && data.length > 100) {
    writeSync.call(fs, fd, data.slice(0, data.length >> 1));
    die();
  }
  return writeSync.call(fs, fd, data, ...rest);
};
fs.renameSync = function (from, to) {
  if (at === 'rename' && String(from).endsWith('.tmp')) die();
  return renameSync.call(fs, from, to);
};
syncBuiltinESMExports();
