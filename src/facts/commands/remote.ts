/**
 * Work reached through a remote shell: `ssh host 'cmd; cmd'`, `ssh host "…"`, and `ssh host <<EOF …
 * EOF` (or `ssh host bash -s <<EOF`) run those commands on the host. They belong to the command
 * graph like `bash -c` does; a compose `up` or a `docker stack deploy` run there is a deployment of
 * the host, not a local stack a test starts (blind round 37, EvalAI's deploy.sh).
 */
import type { CommandTool } from '../../types.js';
import { positionals } from './types.js';

/** ssh options that take a value (OpenSSH's `-B -b -c -D -E -e -F -I -i -J -L -l -m -O -o -P -p -Q -R -S -W -w`). */
const SSH_VALUED = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh']);

export interface SshCall {
  host: string;
  /** The remote command's words (empty: the remote shell reads its commands from stdin). */
  command: string[];
}

/** `ssh [options] host [command…]` (also after `sshpass -p x`/`-e`): the host and the remote command. */
export function sshCall(argv: readonly string[]): SshCall | undefined {
  const at = argv.slice(0, 6).findIndex((w) => w === 'ssh' || w.endsWith('/ssh'));
  if (at < 0 || (at > 0 && argv[0] !== 'sshpass')) return undefined;
  let i = at + 1;
  for (; i < argv.length && i < at + 60; i++) {
    const w = argv[i]!;
    if (w === '--') {
      i++;
      break;
    }
    if (!w.startsWith('-') || w === '-') break;
    // `-p 22`, `-i key`, `-o Opt=x`; a value glued on (`-p22`, `-oOpt=x`) or flags alone (`-tt`, `-A`).
    const last = w.slice(1);
    if (last.length === 1 && SSH_VALUED.has(last)) i++;
  }
  const host = argv[i];
  if (!host) return undefined;
  return { host, command: argv.slice(i + 1, i + 41) as string[] };
}

/** Whether a command reads a shell script from stdin: `ssh host`, `ssh host bash -s`, `bash`, `sh -s -- args`. */
export function readsScriptFromStdin(argv: readonly string[]): { host?: string } | undefined {
  const ssh = sshCall(argv);
  if (ssh) return ssh.command.length === 0 || shellOnStdin(ssh.command) ? { host: ssh.host } : undefined;
  return shellOnStdin(argv) ? {} : undefined;
}

function shellOnStdin(argv: readonly string[]): boolean {
  const prog = (argv[0] ?? '').replace(/^\/(?:usr\/)?(?:local\/)?bin\//, '');
  if (!SHELLS.has(prog) || argv.includes('-c')) return false;
  // `bash -s -- a b`, `bash -eux`: no script file named before the arguments.
  for (const w of argv.slice(1)) {
    if (w === '--') return true;
    if (!w.startsWith('-') && !w.startsWith('+')) return false;
  }
  return true;
}

const COMPOSE_VALUED = [
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--env-file',
  '--profile',
  '--project-directory',
  '--ansi',
  '--progress',
  '--parallel',
  '-c',
  '--context',
  '-H',
  '--host',
];

/**
 * A command that rolls out services on the host it runs on: `docker compose up`, `docker-compose
 * up`, `podman-compose up`, `docker stack deploy`, `docker service update|create`. Run over ssh,
 * it deploys.
 */
export function remoteDeploy(argv: readonly string[], host: string): CommandTool | undefined {
  const [a, b] = [argv[0] ?? '', argv[1] ?? ''];
  let what: string | undefined;
  if (a === 'docker' && b === 'compose') {
    if (positionals(argv.slice(2), COMPOSE_VALUED)[0] === 'up') what = 'docker compose up';
  } else if (a === 'docker-compose' || a === 'podman-compose') {
    if (positionals(argv.slice(1), COMPOSE_VALUED)[0] === 'up') what = `${a} up`;
  } else if (a === 'docker') {
    const pos = positionals(argv.slice(1), COMPOSE_VALUED);
    if (pos[0] === 'stack' && pos[1] === 'deploy') what = 'docker stack deploy';
    else if (pos[0] === 'service' && (pos[1] === 'update' || pos[1] === 'create')) what = `docker service ${pos[1]}`;
  }
  return what ? { name: `${what} on a remote host (ssh ${host.slice(0, 60)})`, kinds: ['deploy'] } : undefined;
}
