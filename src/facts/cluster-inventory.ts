/**
 * A Kubernetes control plane declared in an Ansible inventory (issue 15, blind round 48): several
 * hosts in a `masters`/`control_plane`/`k3s_server` group, a role that installs the cluster (k3s,
 * RKE2, kubeadm, k0s) and a virtual IP in front of the API server (kube-vip, keepalived, or an
 * inventory variable naming the endpoint) make the cluster redundant: losing one server keeps it up.
 * The production inventory is read; one named for staging or development is not the deployment
 * judged, and neither are inventories under docs/, examples/ or tests/.
 */
import type { Evidence, FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { parseYamlWithLines } from '../util/yaml-lines.js';
import { envKind } from './ci.js';
import { NOT_THE_PRODUCT } from './paths.js';

export interface ControlPlane {
  path: string;
  line: number;
  group: string;
  hosts: string[];
  /** What installs the cluster (`k3s` from roles/k3s/). */
  installer: string;
  /** What puts a virtual IP in front of the servers (`kube-vip` from a file, or an inventory variable). */
  vip: string;
  evidence: Evidence;
}

const INVENTORIES = [
  '**/inventory/*.{yml,yaml,ini}',
  '**/inventories/*.{yml,yaml,ini}',
  '**/inventories/*/hosts{,.yml,.yaml,.ini}',
  '**/inventory/*/hosts{,.yml,.yaml,.ini}',
  '**/inventory.{yml,yaml,ini}',
  '**/hosts.{yml,yaml,ini}',
];
const CONTROL_GROUP =
  /^(?:masters?|control[-_]?planes?|controllers?|k3s[-_](?:servers?|masters?)|rke2[-_]servers?|kube[-_](?:control[-_]plane|masters?)|servers?|k8s[-_](?:masters?|control[-_]plane))$/i;
const INSTALLER = /(?:^|\/)roles\/[^/]*?\b(k3s|rke2|kubeadm|k0s|kubespray|kubernetes)\b[^/]*\//i;
const VIP_FILE = /(?:^|\/)[^/]*\b(kube-vip|kube_vip|keepalived)\b[^/]*$/i;
const VIP_VAR =
  /^[ \t]*((?:kube_vip|keepalived|vip|apiserver_vip|control_plane_endpoint|apiserver_endpoint|api_vip|loadbalancer_apiserver)\w*)[ \t]*[:=]/m;

/** The first redundant control plane of a production inventory, once per audit. */
export function inventoryControlPlane(files: FileView): ControlPlane | undefined {
  return memo(files, 'cluster-inventory', () => {
    const installer = files.paths.slice(0, 200_000).find((p) => INSTALLER.test(p) && !NOT_THE_PRODUCT.test(p));
    if (!installer) return undefined;
    const name = INSTALLER.exec(installer)![1]!.toLowerCase();
    // INSTALLER is case-insensitive (`Roles/k3s/…`): so is the role folder taken from its path.
    const role = /(?:^|\/)roles\/[^/]+\//i.exec(installer);
    if (!role) return undefined;
    const roleDir = installer.slice(0, role.index + role[0].length);
    const vipFile = files.paths.find((p) => VIP_FILE.test(p) && !NOT_THE_PRODUCT.test(p));
    let checked = 0;
    for (const path of files.match(INVENTORIES)) {
      if (NOT_THE_PRODUCT.test(path) || ++checked > 50) continue;
      const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
      const dir = path.split('/').slice(-2, -1)[0] ?? '';
      const env = envKind(base === 'hosts' ? dir : base);
      if (env === 'preprod' || env === 'dev') continue;
      const text = files.read(path);
      if (!text || text.length > 200_000) continue;
      const vipVar = VIP_VAR.exec(text)?.[1];
      const vip = vipFile ? VIP_FILE.exec(vipFile)![1]!.toLowerCase().replace('_', '-') : vipVar;
      if (!vip) continue;
      const group = path.endsWith('.ini') || !/\.ya?ml$/.test(path) ? iniGroup(text) : yamlGroup(text);
      if (!group) continue;
      const where = vipFile ? ` (${vipFile})` : ` (inventory variable ${vipVar})`;
      return {
        path,
        line: group.line,
        group: group.name,
        hosts: group.hosts,
        installer: name,
        vip,
        evidence: {
          path,
          line: group.line,
          note: `${group.hosts.length} ${name} control-plane servers in group ${group.name} (${group.hosts.slice(0, 4).join(', ')}${group.hosts.length > 4 ? ', …' : ''}) behind a virtual IP, ${vip}${where}: the cluster keeps running when one server is lost (installed by the role ${roleDir})`,
        },
      };
    }
    return undefined;
  });
}

/** A control-plane group with two or more hosts in a YAML inventory (any depth under `children:`). */
function yamlGroup(text: string): { name: string; line: number; hosts: string[] } | undefined {
  const parsed = parseYamlWithLines(text);
  if (parsed.error) return undefined;
  for (const doc of parsed.docs) {
    let found: { name: string; line: number; hosts: string[] } | undefined;
    const walk = (v: unknown, at: string[], depth: number) => {
      if (found || depth > 8 || !v || typeof v !== 'object' || Array.isArray(v)) return;
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (found) return;
        const hosts = (child as { hosts?: unknown } | null)?.hosts;
        if (CONTROL_GROUP.test(k) && hosts && typeof hosts === 'object' && !Array.isArray(hosts)) {
          const names = Object.keys(hosts).slice(0, 50);
          if (names.length >= 2) {
            const line = doc.lineOf([...at, k]) ?? 1;
            found = {
              name: k,
              line: line > 1 && text.split('\n')[line - 2]?.trim() === `${k}:` ? line - 1 : line,
              hosts: names,
            };
            return;
          }
        }
        walk(child, [...at, k], depth + 1);
      }
    };
    walk(doc.value, [], 0);
    if (found) return found;
  }
  return undefined;
}

/** A `[masters]` section of an INI inventory with two or more host lines. */
function iniGroup(text: string): { name: string; line: number; hosts: string[] } | undefined {
  const lines = text.split('\n').slice(0, 5_000);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\[([\w-]+)\][ \t]*$/.exec(lines[i]!.trim());
    if (!m || !CONTROL_GROUP.test(m[1]!)) continue;
    const hosts: string[] = [];
    for (let j = i + 1; j < lines.length && !/^\s*\[/.test(lines[j]!); j++) {
      const h = /^([\w.-]+)/.exec(lines[j]!.trim())?.[1];
      if (h && !lines[j]!.trim().startsWith('#') && !lines[j]!.trim().startsWith(';')) hosts.push(h);
    }
    if (hosts.length >= 2) return { name: m[1]!, line: i + 1, hosts };
  }
  return undefined;
}
