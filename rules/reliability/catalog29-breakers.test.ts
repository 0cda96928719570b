/**
 * Circuit breakers the catalogue and code patterns did not know (issue 15): cep21/circuit, beside
 * the library declared with no circuit created.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import circuitBreakers from './circuit-breakers.js';

const svc = { profile: 'service' as const };
const goSvc = (mod: string, code: string) => ({
  'go.mod': `module shop\n\ngo 1.22\n\nrequire ${mod}\n`,
  'main.go': code,
});

ruleTester(circuitBreakers, {
  valid: [
    {
      name: 'Go cep21/circuit: a circuit created from the manager wraps the call',
      ...svc,
      tree: goSvc(
        'github.com/cep21/circuit/v3 v3.2.2',
        'package main\n\nimport (\n\t"context"\n\t"net/http"\n\n\t"github.com/cep21/circuit/v3"\n)\n\nvar h circuit.Manager\n\nfunc rates(ctx context.Context) error {\n\tc := h.MustCreateCircuit("rates", circuit.Config{})\n\treturn c.Execute(ctx, func(ctx context.Context) error {\n\t\t_, err := http.Get("https://rates.example.org/v1")\n\t\treturn err\n\t}, nil)\n}\n',
      ),
      expect: { outcome: 'pass', evidence: [{ path: 'main.go', line: 13 }] },
    },
  ],
  invalid: [
    {
      name: 'look-alike: cep21/circuit declared, no circuit created: partial (library only)',
      ...svc,
      tree: goSvc(
        'github.com/cep21/circuit/v3 v3.2.2',
        'package main\n\nimport (\n\t"net/http"\n\n\t_ "github.com/cep21/circuit/v3"\n)\n\n// TODO: CreateCircuit for the rates call\nfunc rates() error {\n\t_, err := http.Get("https://rates.example.org/v1")\n\treturn err\n}\n',
      ),
      expect: { outcome: 'partial', score: 0.4 },
    },
  ],
});
