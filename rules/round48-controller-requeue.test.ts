/**
 * Blind round 48, class "framework retry not followed": a kubebuilder operator's Reconcile returns
 * `ctrl.Result{Requeue: true}` (or its error) when an API-server call fails; controller-runtime's
 * rate-limited workqueue then re-runs the reconcile with per-item exponential backoff. retries said
 * "No retries with backoff found". Only code that imports controller-runtime counts, and a fixed
 * `RequeueAfter` alone is no backoff.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import retries from './reliability/retries.js';

const GO_MOD =
  'module example.org/sleeper\n\ngo 1.22\n\nrequire (\n\tk8s.io/client-go v0.30.0\n\tsigs.k8s.io/controller-runtime v0.18.0\n)\n';

const reconciler = (body: string, imports = '\tctrl "sigs.k8s.io/controller-runtime"\n') =>
  [
    'package controller',
    '',
    'import (',
    '\t"context"',
    '',
    imports,
    '\t"sigs.k8s.io/controller-runtime/pkg/client"',
    ')',
    '',
    'type Reconciler struct{ client.Client }',
    '',
    'func (r *Reconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {',
    '\tobj := &Sleep{}',
    '\tif err := r.Get(ctx, req.NamespacedName, obj); err != nil {',
    body,
    '\t}',
    '\treturn ctrl.Result{RequeueAfter: obj.Next()}, nil',
    '}',
    '',
  ].join('\n');

const MAIN =
  'package main\n\nimport ctrl "sigs.k8s.io/controller-runtime"\n\nfunc main() {\n\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})\n\t_ = mgr.Start(ctrl.SetupSignalHandler())\n}\n';

describe('controller-runtime requeues are retries with backoff (round 48)', () => {
  it('passes a reconciler that requeues a failed API call (Requeue: true, on its own line)', async () => {
    const tree: Tree = {
      'go.mod': GO_MOD,
      'cmd/main.go': MAIN,
      'internal/controller/sleep_controller.go': reconciler(
        '\t\treturn ctrl.Result{\n\t\t\tRequeue: true,\n\t\t}, err',
      ),
    };
    const r = await runRuleOn(retries, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('retried with backoff by controller-runtime');
    expect(r.message).toContain('requeues the request (`Requeue: true`),');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'internal/controller/sleep_controller.go', line: 17 }),
    );
  });

  it('passes a reconciler that returns its error', async () => {
    const tree: Tree = {
      'go.mod': GO_MOD,
      'cmd/main.go': MAIN,
      'internal/controller/sleep_controller.go': reconciler('\t\treturn ctrl.Result{}, err'),
    };
    const r = await runRuleOn(retries, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('returns its error to requeue the request');
  });

  it('still fails: only a fixed RequeueAfter, or a Result type of another package', async () => {
    const fixed: Tree = {
      'go.mod': GO_MOD,
      'cmd/main.go': MAIN,
      'internal/controller/sleep_controller.go': reconciler('\t\treturn ctrl.Result{RequeueAfter: time.Minute}, nil'),
    };
    expect((await runRuleOn(retries, fixed, { profile: 'service' })).outcome).toBe('fail');
    const other: Tree = {
      'go.mod': 'module example.org/jobs\n\ngo 1.22\n',
      'cmd/main.go':
        'package main\n\nimport "net/http"\n\nfunc main() {\n\t_, _ = http.Get("https://example.org")\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
      'internal/jobs/run.go':
        'package jobs\n\nimport ctrl "example.org/jobs/internal/result"\n\nfunc Run() (ctrl.Result, error) {\n\tif err := step(); err != nil {\n\t\treturn ctrl.Result{}, err\n\t}\n\treturn ctrl.Result{Requeue: true}, nil\n}\n',
    };
    expect((await runRuleOn(retries, other, { profile: 'service' })).outcome).toBe('fail');
  });
});
