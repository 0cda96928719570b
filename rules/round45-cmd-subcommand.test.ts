/**
 * Blind round 45: a Go server whose image runs `cmd/app` (main.go), which imports the subcommand
 * package `cmd/run` (`package run`, no main.go) holding the server: its SIGTERM handler is the
 * service's, not a companion program's. A real companion program (`cmd/cli/main.go`) stays apart.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

const RUN = (pkg: string) =>
  [
    `package ${pkg}`,
    '',
    'import (',
    '\t"context"',
    '\t"os"',
    '\t"os/signal"',
    '\t"syscall"',
    ')',
    '',
    'func Run(ctx context.Context, srv Server) error {',
    '\tctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)',
    '\tdefer stop()',
    '\t<-ctx.Done()',
    '\tsrv.GracefulStop()',
    '\treturn nil',
    '}',
    '',
  ].join('\n');

function tree(dir: string, pkg: string, main?: string): Tree {
  return {
    'go.mod': 'module example.com/app\n\ngo 1.22\n',
    'cmd/app/main.go': [
      'package main',
      '',
      'import (',
      '\t"net/http"',
      '',
      '\t"example.com/app/cmd/run"',
      ')',
      '',
      'func main() {',
      '\tgo http.ListenAndServe(":8080", nil)',
      '\trun.Run(nil, nil)',
      '}',
      '',
    ].join('\n'),
    [`cmd/${dir}/run.go`]: RUN(pkg),
    ...(main ? { [`cmd/${dir}/main.go`]: main } : {}),
    Dockerfile: [
      'FROM golang:1.22 AS builder',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o /app ./cmd/app',
      'FROM gcr.io/distroless/static',
      'COPY --from=builder /app /app',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\n'),
  };
}

describe('a subcommand package under cmd/ is part of the program that imports it', () => {
  it('credits the SIGTERM handler of cmd/run (package run, no main.go)', async () => {
    const r = await runRuleOn(gracefulShutdown, tree('run', 'run'));
    expect(r.outcome, r.message).toBe('pass');
    expect(JSON.stringify(r.evidence)).toContain('cmd/run/run.go');
  });
  it('does not credit a companion program of its own (cmd/cli/main.go) that the image does not run', async () => {
    const r = await runRuleOn(gracefulShutdown, tree('cli', 'main', 'package main\n\nfunc main() {}\n'));
    expect(r.outcome, r.message).toBe('fail');
  });
});
