/**
 * File-system errors in words: "directory out/ does not exist", "read-only file system",
 * "permission denied" — never a bare ENOENT or EROFS on a user's screen.
 */
import { dirname } from 'node:path';
import { table } from './table.js';

const WORDS: Record<string, string> = table({
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links in the path',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EEXIST: 'a file of that name is in the way',
  EINVAL: 'invalid file name',
});

/**
 * Why a read or write of `path` failed, in words. A missing file when reading is "no such file";
 * when writing it means the folder is missing, and says which.
 */
export function fsReason(err: unknown, path: string, op: 'read' | 'write'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT')
    return op === 'write' ? `directory ${dirname(path)} does not exist` : 'no such file or directory';
  if (code && WORDS[code]) return WORDS[code]!;
  // Unknown codes: Node's own sentence without the "ECODE: " prefix and the repeated path.
  const message = (err as Error | undefined)?.message ?? String(err);
  return message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/, '');
}
