/**
 * Ansible content: a repository whose product is Ansible — a collection (`galaxy.yml` with a
 * namespace and a name), a role (`meta/main.yml` with `galaxy_info` beside `tasks/main.yml`), or
 * roles and playbooks that configure hosts (`roles/<name>/tasks/main.yml`, `ansible.cfg`, playbooks
 * with `hosts:`). Its YAML is infrastructure as code (the catalogue names Ansible), its Molecule
 * scenarios its tests, ansible-lint its linter. A collection or a role is published to Galaxy for
 * others to apply to their own hosts: a reusable package, like a Terraform module.
 */
import type { Evidence, FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { lineAt } from '../util/lines.js';
import { NOT_THE_PRODUCT, dirOf } from './paths.js';

export interface AnsibleContent {
  kind: 'collection' | 'role' | 'playbooks';
  /** The task files and playbooks outside tests, examples and Molecule scenarios. */
  files: string[];
  /** The roles it ships (`roles/<name>/`, or '.' for a role at the root). */
  roles: string[];
  reason: string;
  evidence: Evidence[];
}

/** Molecule scenarios and tests/ playbooks exercise the content; they are not the product. */
const NOT_CONTENT = /(^|\/)(molecule|tests?|\.github)\//;
const TASK_FILES = ['**/tasks/*.yml', '**/tasks/*.yaml', '**/handlers/main.yml', '**/handlers/main.yaml'];
const ROLE_TASKS = ['**/roles/*/tasks/main.yml', '**/roles/*/tasks/main.yaml'];
const PLAYBOOKS = [
  '**/playbook*.yml',
  '**/playbook*.yaml',
  '**/playbooks/*.yml',
  '**/playbooks/*.yaml',
  'site.yml',
  'site.yaml',
];
/** A play: `- hosts: …` (or `- name: …` followed by `hosts:`), at the top level of a playbook. */
const PLAY_HOSTS = /^(?:-[ \t]+|[ \t]{2})hosts[ \t]*:/m;
/** A top-level key of a YAML file, read at a line start. */
const topKey = (text: string, key: string) => new RegExp(`^${key}[ \\t]*:`, 'm').exec(text);

export function ansibleContent(files: FileView): AnsibleContent | undefined {
  return memo(files, 'facts:ansible', () => detect(files));
}

function detect(files: FileView): AnsibleContent | undefined {
  const product = (p: string) => !NOT_THE_PRODUCT.test(p) && !NOT_CONTENT.test(p);
  const roleDirs = files
    .match(ROLE_TASKS)
    .filter(product)
    .map((p) => dirOf(dirOf(p)));
  const taskFiles = files.match(TASK_FILES).filter(product);
  const evidence: Evidence[] = [];
  // A collection: galaxy.yml with its namespace and name (the root one, or the shallowest).
  const galaxy = files
    .match(['galaxy.yml', 'galaxy.yaml', '**/galaxy.yml', '**/galaxy.yaml'])
    .filter(product)
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  const galaxyText = galaxy ? (files.read(galaxy) ?? '') : '';
  const ns = topKey(galaxyText, 'namespace');
  if (galaxy && ns && topKey(galaxyText, 'name')) {
    evidence.push({ path: galaxy, line: lineAt(galaxyText, ns.index), note: 'Ansible collection metadata' });
    if (roleDirs[0]) evidence.push({ path: `${roleDirs[0]}/tasks/main.yml`, note: `${roleDirs.length} role(s)` });
    return {
      kind: 'collection',
      files: taskFiles,
      roles: roleDirs,
      reason: `an Ansible collection (${galaxy}) of ${roleDirs.length} role(s) that others apply to their hosts`,
      evidence: evidence.map((e) => (e.path.endsWith('/tasks/main.yml') ? fix(files, e) : e)),
    };
  }
  // A role at the root: meta/main.yml with galaxy_info, and its tasks.
  const meta = files.match(['meta/main.yml', 'meta/main.yaml'])[0];
  const metaText = meta ? (files.read(meta) ?? '') : '';
  const info = topKey(metaText, 'galaxy_info');
  const rootTasks = files.match(['tasks/main.yml', 'tasks/main.yaml'])[0];
  if (meta && info && rootTasks) {
    return {
      kind: 'role',
      files: taskFiles,
      roles: ['.'],
      reason: `an Ansible role (${meta} galaxy_info, ${rootTasks}) that others apply to their hosts`,
      evidence: [
        { path: meta, line: lineAt(metaText, info.index), note: 'Ansible role metadata (galaxy_info)' },
        { path: rootTasks, note: 'the role’s tasks' },
      ],
    };
  }
  // Roles and playbooks that configure this project's own hosts.
  const plays = files
    .match(PLAYBOOKS)
    .filter(product)
    .filter((p) => PLAY_HOSTS.test(files.read(p) ?? ''));
  const cfg = files.match(['ansible.cfg', '**/ansible.cfg']).filter(product)[0];
  if (roleDirs.length === 0 && plays.length === 0) return undefined;
  if (roleDirs.length === 0 && !cfg && plays.length < 2) return undefined;
  if (plays[0])
    evidence.push({ path: plays[0], note: `Ansible playbook${plays.length > 1 ? ` (${plays.length})` : ''}` });
  if (roleDirs[0])
    evidence.push(fix(files, { path: `${roleDirs[0]}/tasks/main.yml`, note: `${roleDirs.length} role(s)` }));
  if (cfg) evidence.push({ path: cfg, note: 'Ansible configuration' });
  return {
    kind: 'playbooks',
    files: [...new Set([...taskFiles, ...plays])].sort(),
    roles: roleDirs,
    reason: `Ansible ${[
      plays.length ? `${plays.length} playbook(s)` : '',
      roleDirs.length ? `${roleDirs.length} role(s)` : '',
    ]
      .filter(Boolean)
      .join(' and ')}`,
    evidence,
  };
}

/** `roles/x/tasks/main.yml` or its `.yaml` twin, whichever exists. */
function fix(files: FileView, e: Evidence): Evidence {
  if (files.exists(e.path)) return e;
  const yaml = e.path.replace(/\.yml$/, '.yaml');
  return files.exists(yaml) ? { ...e, path: yaml } : e;
}
