/** A plain Kubernetes Deployment of one container `web`, shared by rule tests; `extra` lines are added to the container. */
export function webDeployment(...extra: string[]): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: ghcr.io/acme/web:1.0.0',
    ...extra.map((l) => `          ${l}`),
    '',
  ].join('\n');
}
