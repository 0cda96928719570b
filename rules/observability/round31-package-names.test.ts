/**
 * Blind round 31 (unleash-edge, a Rust axum service): a package whose name contains a vendor's or
 * a practice's word is not that practice's SDK. Rust's `tower` (middleware) is not Elixir's
 * `tower` error reporter; `launchdarkly-sdk-transport` (an HTTP streaming transport) is not a
 * LaunchDarkly SDK. Catalogue names can be qualified by ecosystem (`hex:tower`).
 */
import { describe, expect, it } from 'vitest';
import errorTracking from './error-tracking.js';
import progressiveDelivery from '../operations/progressive-delivery.js';
import { nameMatches } from '../../src/facts/frameworks.js';
import { assertRun, runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const rust = (deps: string, main: string): Tree => ({
  'Cargo.toml': `[package]\nname = "edge"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\naxum = "0.8"\ntokio = { version = "1", features = ["full"] }\n${deps}`,
  'Cargo.lock': '# lock\n',
  'src/main.rs': main,
});

const server =
  'use axum::{routing::get, Router};\n\n#[tokio::main]\nasync fn main() {\n    let app = Router::new().route("/", get(|| async { "ok" }));\n    let l = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();\n    axum::serve(l, app).await.unwrap();\n}\n';

describe('catalogue names qualified by ecosystem', () => {
  it('`hex:tower` matches the Hex package and not the Cargo crate', () => {
    expect(nameMatches('tower', 'hex:tower', 'hex')).toBe(true);
    expect(nameMatches('tower', 'hex:tower', 'cargo')).toBe(false);
    // A Maven coordinate is no ecosystem qualifier.
    expect(nameMatches('com.launchdarkly:launchdarkly-java-server-sdk', 'com.launchdarkly:*', 'maven')).toBe(true);
  });
});

describe('rule observability/error-tracking and a Rust middleware crate', () => {
  it('the `tower` crate (used by the server) is no error tracker', async () => {
    const run = await runRuleOn(errorTracking, rust('tower = "0.5"\n', `use tower::ServiceBuilder;\n${server}`), {
      profile: 'service',
    });
    assertRun(run, { outcome: 'fail', absent: ['Cargo.toml:9'] });
  });
  it('the `sentry` crate, initialised, is error tracking', async () => {
    const run = await runRuleOn(
      errorTracking,
      rust('sentry = "0.34"\n', `${server}\nfn init() { let _g = sentry::init("https://k@o.ingest.sentry.io/1"); }\n`),
      { profile: 'service' },
    );
    assertRun(run, { outcome: 'pass' });
  });
});

describe('rule operations/progressive-delivery and a LaunchDarkly transport crate', () => {
  it('`launchdarkly-sdk-transport` used as an HTTP transport is no feature-flag SDK', async () => {
    const run = await runRuleOn(
      progressiveDelivery,
      rust(
        'launchdarkly-sdk-transport = "0.1"\n',
        `use launchdarkly_sdk_transport::HttpTransport;\nuse edge_http_client::UnleashClient;\n${server}\nfn t() -> HttpTransport { HttpTransport::new() }\nfn k(s: &str) -> u8 { match s {\n"unleash" => 1,\n_ => 0 } }\n`,
      ),
      { profile: 'service' },
    );
    expect(run.outcome, `${run.message} ${JSON.stringify(run.evidence)}`).not.toBe('pass');
    expect(JSON.stringify(run.evidence)).not.toContain('launchdarkly-sdk-transport');
  });
  it('the LaunchDarkly server SDK crate is a feature-flag SDK', async () => {
    const run = await runRuleOn(
      progressiveDelivery,
      rust(
        'launchdarkly-server-sdk = "2"\n',
        `use launchdarkly_server_sdk::{Client, ConfigBuilder};\n${server}\nfn c() { let _c = Client::build(ConfigBuilder::new("sdk-key").build().unwrap()); }\n`,
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });
});
