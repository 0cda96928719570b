/** Repository identity from git (commit, branch, remote), with credentials stripped from URLs. */
import { basename, resolve } from 'node:path';
import { runGit, type GitRepo } from './git-exec.js';

export interface GitInfo {
  name: string;
  commit: string | null;
  branch: string | null;
  remote: string | null;
  /** The commit's committer date (ISO 8601): when the audited state was made, not when it was audited. */
  commitDate: string | null;
}

async function git(repo: GitRepo, args: string[]): Promise<string | null> {
  try {
    return (await runGit(repo, args)).trim() || null;
  } catch {
    return null;
  }
}

/**
 * The web address of a remote, or null. `https://user:token@host/x.git` → `https://host/x`;
 * `ssh://git@host:22/x`, `git://host/x` and scp-like `git@host:o/r.git` → `https://host/o/r`.
 * Credentials never survive (userinfo, query and fragment are dropped; only the path is kept), and
 * neither does any other transport: a `file:`, `ext::`, `javascript:` or `data:` remote, or a
 * local path, is null, so it is never printed and never becomes a link. Path segments are
 * percent-encoded so that the result can be put in Markdown or HTML as it is.
 */
export function normaliseRemote(url: string | null): string | null {
  if (!url) return null;
  const u = url.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(u)?.[1]?.toLowerCase();
  let web: string;
  let keepPort = false;
  if (scheme === 'https' || scheme === 'http') {
    web = u;
    keepPort = true;
  } else if (scheme === 'ssh' || scheme === 'git' || scheme === 'git+ssh' || scheme === 'ssh+git') {
    web = `https://${u.slice(u.indexOf('://') + 3)}`;
  } else if (scheme !== undefined || /^[A-Za-z0-9+.-]+::/.test(u)) {
    return null; // file://, ftp://, a remote helper (`ext::…`), anything that is no forge
  } else {
    // scp-like `[user@]host:path` (git's rule: no slash before the first colon). Without a user,
    // the host must look like one (a dot, or an IPv6 address): `data:text/html,…` and
    // `javascript:…` are schemes, and a one-letter host is a Windows drive.
    const scp = /^([^@/]*@)?([A-Za-z0-9][A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?!\/\/)([^\\]+)$/.exec(u);
    if (!scp || (!scp[1] && !/[.[]/.test(scp[2]!))) return null;
    web = `https://${scp[2]}/${scp[3]!.replace(/^\/+/, '')}`;
  }
  let parsed: URL;
  try {
    parsed = new URL(web);
  } catch {
    return null;
  }
  if (!parsed.hostname) return null;
  const path = parsed.pathname
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      let raw = seg;
      try {
        raw = decodeURIComponent(seg);
      } catch {
        // a malformed escape is encoded below as it stands
      }
      return encodeURIComponent(raw).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    })
    .join('/');
  const host = keepPort ? parsed.host : parsed.hostname;
  return `${parsed.protocol}//${host}${path ? `/${path}` : ''}`;
}

/** `repo`: the repository the listing used (null when it walked): git is asked nothing else. */
export async function gitInfo(root: string, repo: GitRepo | null): Promise<GitInfo> {
  const fallback = basename(resolve(root));
  if (!repo) return { name: fallback, commit: null, branch: null, remote: null, commitDate: null };
  const [head, branch, remoteRaw] = await Promise.all([
    // The commit and its date from one process; HEAD that does not resolve to a commit object
    // (no commit yet, or one missing from a broken clone) is asked again by name only.
    git(repo, ['show', '-s', '--no-show-signature', '--format=%H%n%cI', 'HEAD']),
    git(repo, ['rev-parse', '--abbrev-ref', 'HEAD']),
    // A repository whose config includes other files is never run (git-exec.ts), so this reads
    // the repository's own config, with its insteadOf rewrites.
    git(repo, ['remote', 'get-url', 'origin']),
  ]);
  const [shown, date] = head?.split('\n') ?? [];
  const commit = shown || (await git(repo, ['rev-parse', '--verify', '-q', 'HEAD']));
  const commitDate = date || null;
  const remote = normaliseRemote(remoteRaw);
  const last = remote?.split('/').slice(3).pop();
  const name = last ? decodeURIComponent(last) : fallback;
  return { name, commit, branch: branch && branch !== 'HEAD' ? branch : null, remote, commitDate };
}

/** Enough tags to tell a release history from a stray tag, without carrying thousands into the report. */
export const MAX_TAGS = 300;

/** The repository's tags, and when the newest was made (walk/git.ts `gitTagHistory`). */
export interface TagHistory {
  /** Tag names, newest first by creation date, at most MAX_TAGS. */
  tags: string[];
  /** The newest tag's creation date (ISO 8601: the tagger's date, or the commit's for a lightweight tag). */
  newestDate: string | null;
}

/**
 * The repository's tags, newest first by creation date: a project that releases by tagging has
 * its release history there even without a change log. Empty without git (walked tree, git
 * missing, a refused repository): the absence of tags is then unknown, never a finding. The
 * newest tag's date comes from the same process: tags that stopped years before the current
 * history are no release process of today's code (blind round 44).
 */
export async function gitTagHistory(repo: GitRepo | null): Promise<TagHistory> {
  if (!repo) return { tags: [], newestDate: null };
  const out = await git(repo, [
    'for-each-ref',
    '--sort=-creatordate',
    `--count=${MAX_TAGS}`,
    '--format=%(creatordate:iso-strict)%09%(refname:lstrip=2)',
    'refs/tags',
  ]);
  const rows = (out ?? '').split('\n').filter(Boolean);
  const tags: string[] = [];
  let newestDate: string | null = null;
  for (const row of rows) {
    const tab = row.indexOf('\t');
    const date = tab >= 0 ? row.slice(0, tab) : '';
    const name = tab >= 0 ? row.slice(tab + 1) : row;
    if (!name) continue;
    if (newestDate === null && /^\d{4}-\d\d-\d\dT/.test(date)) newestDate = date;
    tags.push(name);
  }
  return { tags, newestDate };
}

/** The repository's tag names, newest first (gitTagHistory without the date). */
export async function gitTags(repo: GitRepo | null): Promise<string[]> {
  return (await gitTagHistory(repo)).tags;
}
