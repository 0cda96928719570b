/**
 * Blind round 45, class "API contract from an external proto module" (issue 15): a Go gRPC service
 * whose .proto files live in a module of its own owner (`github.com/acme/api/proto` in go.mod) and
 * which registers the server generated from it has a versioned contract; registering only others'
 * services (gRPC health) does not make one.
 */
import { describe, expect, it } from 'vitest';
import rule from './api-contract.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const service = (register: string, imports: string): Tree => ({
  'go.mod': [
    'module github.com/acme/gatekeeper',
    '',
    'go 1.22',
    '',
    'require (',
    '\tgithub.com/acme/api/proto v0.0.0-20250101000000-abcdef123456',
    '\tgoogle.golang.org/grpc v1.70.0',
    ')',
    '',
  ].join('\n'),
  'main.go': 'package main\n\nimport "github.com/acme/gatekeeper/cmd/run"\n\nfunc main() { run.Run() }\n',
  'cmd/run/run.go': [
    'package run',
    '',
    'import (',
    '\t"net"',
    '',
    imports,
    '\t"google.golang.org/grpc"',
    '\thealthv1pb "google.golang.org/grpc/health/grpc_health_v1"',
    ')',
    '',
    'func Run() {',
    '\tlis, _ := net.Listen("tcp", ":8081")',
    '\ts := grpc.NewServer()',
    register,
    '\thealthv1pb.RegisterHealthServer(s, nil)',
    '\t_ = s.Serve(lis)',
    '}',
    '',
  ].join('\n'),
});

describe('round 45: the contract in a proto module of the same owner', () => {
  it('passes when the service registers the server generated from that module', async () => {
    const run = await runRuleOn(
      rule,
      service('\tacmev1.RegisterGatekeeperServiceServer(s, nil)', '\tacmev1 "github.com/acme/api/proto/acme/v1"'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('github.com/acme/api/proto');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'go.mod', line: 6 }));
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'cmd/run/run.go', line: 14 }));
  });

  it('fails when the only registered servers are others’ (gRPC health)', async () => {
    const run = await runRuleOn(rule, service('', ''), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});
