/** Repository identity from git (commit, branch, remote), with credentials stripped from URLs. */
import { basename, resolve } from 'node:path';
import { execa } from 'execa';

export interface GitInfo {
  name: string;
  commit: string | null;
  branch: string | null;
  remote: string | null;
  /** The commit's committer date (ISO 8601): when the audited state was made, not when it was audited. */
  commitDate: string | null;
}

async function git(root: string, args: string[]): Promise<string | null> {
  try {
    const r = await execa('git', args, { cwd: root, timeout: 10_000, reject: false });
    return r.exitCode === 0 ? r.stdout.trim() || null : null;
  } catch {
    return null;
  }
}

/** `https://user:token@host/x.git` → `https://host/x`; scp-like `git@host:o/r.git` → `https://host/o/r`. */
export function normaliseRemote(url: string | null): string | null {
  if (!url) return null;
  let u = url.trim();
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(u);
  if (scp) u = `https://${scp[1]}/${scp[2]}`;
  try {
    const parsed = new URL(u.replace(/^ssh:\/\//, 'https://').replace(/^git:\/\//, 'https://'));
    parsed.username = '';
    parsed.password = '';
    parsed.port = '';
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\.git$/, '').replace(/\/$/, '')}`;
  } catch {
    return null;
  }
}

export async function gitInfo(root: string, isGit: boolean): Promise<GitInfo> {
  const fallback = basename(resolve(root));
  if (!isGit) return { name: fallback, commit: null, branch: null, remote: null, commitDate: null };
  const [commit, branch, remoteRaw, commitDate] = await Promise.all([
    git(root, ['rev-parse', '--verify', '-q', 'HEAD']),
    git(root, ['rev-parse', '--abbrev-ref', 'HEAD']),
    git(root, ['remote', 'get-url', 'origin']),
    git(root, ['show', '-s', '--no-show-signature', '--format=%cI', 'HEAD']),
  ]);
  const remote = normaliseRemote(remoteRaw);
  const name = remote ? remote.split('/').pop() || fallback : fallback;
  return { name, commit, branch: branch && branch !== 'HEAD' ? branch : null, remote, commitDate };
}
