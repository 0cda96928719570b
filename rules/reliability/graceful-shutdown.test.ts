import rule from './graceful-shutdown.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Node: process.on("SIGTERM") passes',
      profile: 'service',
      tree: { 'src/server.ts': "const server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n" },
      expect: { outcome: 'pass', evidence: [{ path: 'src/server.ts', line: 2 }] },
    },
    {
      name: 'Go: signal.NotifyContext with SIGTERM and Shutdown passes',
      profile: 'service',
      tree: {
        'cmd/api/main.go':
          'package main\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)\n\tdefer stop()\n\t<-ctx.Done()\n\tsrv.Shutdown(shutdownCtx)\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'cmd/api/main.go', line: 4 }] },
    },
    {
      name: 'Spring: server.shutdown=graceful passes',
      profile: 'service',
      tree: { 'src/main/resources/application.properties': 'server.port=8080\nserver.shutdown=graceful\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/resources/application.properties', line: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'only a Kubernetes preStop hook is partial',
      profile: 'service',
      tree: {
        'app/main.py': 'app = FastAPI()\n',
        'k8s/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          lifecycle:\n            preStop:\n              exec: { command: [sleep, "5"] }\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'no explicit SIGTERM handling',
        evidence: [{ path: 'k8s/deploy.yaml', line: 2 }],
      },
    },
    {
      name: 'Python: nothing handles SIGTERM; a handler in tests does not count',
      profile: 'service',
      tree: { 'app/main.py': 'app = Flask(__name__)\n', 'tests/test_sig.py': 'signal.signal(signal.SIGTERM, h)\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not judged',
      profile: 'library',
      tree: { 'lib.rb': '' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
