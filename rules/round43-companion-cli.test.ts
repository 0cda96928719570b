/**
 * Blind round 43, class "code that is not the service credited to the service": a Go repository
 * builds two programs, `cmd/server` (the image's CMD) and `cmd/cli` (a companion command-line tool
 * copied into the image). The CLI's retry loop is not the service's retries.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import retries from './reliability/retries.js';

const RETRY_LOOP = [
  'package main',
  '',
  'import (',
  '\t"net/http"',
  '\t"time"',
  ')',
  '',
  'func check(url string, retryCount int) error {',
  '\tvar err error',
  '\tfor n := 0; n <= retryCount; n++ {',
  '\t\tvar res *http.Response',
  '\t\tres, err = http.Get(url)',
  '\t\tif err == nil && res.StatusCode == 200 {',
  '\t\t\treturn nil',
  '\t\t}',
  '\t\ttime.Sleep(time.Second)',
  '\t}',
  '\treturn err',
  '}',
  '',
].join('\n');

const SERVER = [
  'package main',
  '',
  'import "net/http"',
  '',
  'func main() {',
  '\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {',
  '\t\tres, err := http.Get("http://backend:9000/echo")',
  '\t\tif err == nil {',
  '\t\t\tres.Body.Close()',
  '\t\t}',
  '\t\tw.Write([]byte("ok"))',
  '\t})',
  '\thttp.ListenAndServe(":8080", nil)',
  '}',
  '',
].join('\n');

function tree(cmd: string): Tree {
  return {
    'go.mod': 'module example.com/app\n\ngo 1.22\n',
    'cmd/server/main.go': SERVER,
    'cmd/cli/main.go': 'package main\n\nfunc main() { _ = check("http://localhost:8080", 3) }\n',
    'cmd/cli/check.go': RETRY_LOOP,
    Dockerfile: [
      'FROM golang:1.22 AS builder',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -o bin/server ./cmd/server && go build -o bin/cli ./cmd/cli',
      'FROM alpine:3.20',
      'COPY --from=builder /src/bin/server .',
      'COPY --from=builder /src/bin/cli /usr/local/bin/cli',
      `CMD ${cmd}`,
      '',
    ].join('\n'),
  };
}

describe('a companion command-line program beside the Go server', () => {
  it('does not credit the CLI retry loop to the service', async () => {
    const r = await runRuleOn(retries, tree('["./server"]'));
    expect(r.outcome, r.message).toBe('fail');
    expect(JSON.stringify(r.evidence)).not.toContain('cmd/cli/check.go');
  });
  it('credits the loop when the image runs that program', async () => {
    const r = await runRuleOn(retries, tree('["./cli"]'));
    expect(r.outcome, r.message).not.toBe('fail');
    expect(JSON.stringify(r.evidence)).toContain('cmd/cli/check.go');
  });
});
