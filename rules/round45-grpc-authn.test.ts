/**
 * Blind round 45: a Go gRPC server installs its authenticator as go-grpc-middleware's auth
 * interceptor imported under the alias `grpcauth` (`grpcauth.UnaryServerInterceptor(authFn)` in
 * `grpc.ChainUnaryInterceptor(…)`): that is code checking every request, not a library left unused.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import authentication from './security/authentication.js';

const server = (alias: string, install: boolean) =>
  [
    'package main',
    '',
    'import (',
    '\t"google.golang.org/grpc"',
    `\t${alias} "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"`,
    ')',
    '',
    'func main() {',
    '\topts := []grpc.ServerOption{}',
    install
      ? `\topts = append(opts, grpc.ChainUnaryInterceptor(${alias}.UnaryServerInterceptor(authFunc)))`
      : '\t_ = authFunc',
    '\tgrpc.NewServer(opts...)',
    '}',
    '',
  ].join('\n');

const tree = (alias: string, install: boolean): Tree => ({
  'go.mod': [
    'module example.com/svc',
    '',
    'go 1.22',
    '',
    'require (',
    '\tgithub.com/grpc-ecosystem/go-grpc-middleware/v2 v2.1.0',
    '\tgoogle.golang.org/grpc v1.64.0',
    ')',
    '',
  ].join('\n'),
  'main.go': server(alias, install),
  'authn.go':
    'package main\n\nimport "context"\n\nfunc authFunc(ctx context.Context) (context.Context, error) { return ctx, nil }\n',
});

describe('gRPC authentication interceptors', () => {
  it('credits go-grpc-middleware auth installed under the alias grpcauth', async () => {
    const r = await runRuleOn(authentication, tree('grpcauth', true));
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'main.go', line: 10 });
  });
  it('does not credit the package imported but never installed', async () => {
    const r = await runRuleOn(authentication, tree('grpcauth', false));
    expect(r.outcome, r.message).not.toBe('pass');
  });
});
