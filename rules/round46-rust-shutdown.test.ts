/**
 * Blind round 46, class "graceful shutdown false present": an axum server raced against a SIGTERM
 * future in `tokio::select!` is dropped when the signal comes, cutting in-flight requests; the
 * handler only runs what follows (flushing counters). It earns partial, not pass. The same server
 * given the signal through `with_graceful_shutdown` passes.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

const cargo =
  '[package]\nname = "registry"\nversion = "0.1.0"\n\n[dependencies]\naxum = "0.8"\ntokio = { version = "1", features = ["full"] }\n';

const SELECT = [
  'use tokio::net::TcpListener;', // 1
  '', // 2
  '#[tokio::main]', // 3
  'async fn main() {', // 4
  '    let app = axum::Router::new();', // 5
  '    let listener = TcpListener::bind("0.0.0.0:8000").await.unwrap();', // 6
  '    let sigterm = async {', // 7
  '        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).unwrap().recv().await;', // 8
  '    };', // 9
  '    tokio::select! {', // 10
  '        result = axum::serve(listener, app) => { result.unwrap(); }', // 11
  '        () = sigterm => { flush_counters().await; }', // 12
  '    }', // 13
  '}', // 14
  '',
].join('\n');

const GRACEFUL = [
  'use tokio::net::TcpListener;',
  '',
  '#[tokio::main]',
  'async fn main() {',
  '    let app = axum::Router::new();',
  '    let listener = TcpListener::bind("0.0.0.0:8000").await.unwrap();',
  '    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await.unwrap();',
  '}',
  '',
  'async fn shutdown_signal() {',
  '    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).unwrap().recv().await;',
  '}',
  '',
].join('\n');

const run = (main: string) => {
  const tree: Tree = { 'Cargo.toml': cargo, 'src/main.rs': main };
  return runRuleOn(gracefulShutdown, tree, { profile: 'service' });
};

describe('graceful-shutdown: a Rust server dropped on SIGTERM (blind round 46)', () => {
  it('axum::serve raced against SIGTERM in select! without with_graceful_shutdown is partial, naming the serve line', async () => {
    const r = await run(SELECT);
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/without with_graceful_shutdown/);
    expect(r.message).toMatch(/in-flight requests are cut/);
    expect(r.evidence.some((e) => e.path === 'src/main.rs' && e.line === 8)).toBe(true);
    expect(r.evidence.some((e) => e.path === 'src/main.rs' && e.line === 11)).toBe(true);
  });

  it('the same server given the signal through with_graceful_shutdown passes', async () => {
    const r = await run(GRACEFUL);
    expect(r.outcome).toBe('pass');
  });

  it('a SIGTERM handler in a file that serves nothing (a worker loop) keeps its credit', async () => {
    const worker = SELECT.replace(
      'result = axum::serve(listener, app) => { result.unwrap(); }',
      '_ = run_jobs() => {}',
    );
    const r = await run(worker);
    expect(r.outcome).toBe('pass');
  });
});
