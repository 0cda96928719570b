import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import tracing from './tracing.js';

/**
 * Blind round 43: a Rust service whose every request gets a span (tracing-actix-web's
 * `TracingLogger` wrapped around the app) but no OpenTelemetry layer or exporter was reported as
 * "No tracing library": spans without an exporter are partial tracing, said as such.
 */
const CARGO = (extra = '') =>
  `[package]\nname = "news"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\ntracing = "0.1"\ntracing-subscriber = "0.3"\ntracing-actix-web = "0.7"\n${extra}`;
const STARTUP = [
  'use actix_web::{App, HttpServer};', // 1
  'use tracing_actix_web::TracingLogger;', // 2
  'pub fn run() {', // 3
  '    HttpServer::new(move || App::new().wrap(TracingLogger::default()));', // 4
  '}', // 5
  '',
].join('\n');

describe('round 43: request spans with no exporter are partial tracing', () => {
  it('TracingLogger wrapped around the app is partial, citing it and saying what is missing', async () => {
    const r = await runRuleOn(tracing, { 'Cargo.toml': CARGO(), 'src/startup.rs': STARTUP }, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/Each request gets a span \(tracing-actix-web\), but no OpenTelemetry layer or exporter/);
    expect(r.evidence[0]).toMatchObject({ path: 'src/startup.rs', line: 4 });
  });

  it('the tracing crate for logs alone, with no request-span middleware, is still no tracing', async () => {
    const r = await runRuleOn(
      tracing,
      {
        'Cargo.toml': CARGO(),
        'src/startup.rs':
          'pub fn run() {\n    tracing::info!("starting");\n    HttpServer::new(move || App::new());\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('with an OpenTelemetry layer exporting the spans it passes', async () => {
    const r = await runRuleOn(
      tracing,
      {
        'Cargo.toml': CARGO('tracing-opentelemetry = "0.24"\nopentelemetry-otlp = "0.17"\n'),
        'src/startup.rs': STARTUP,
        'src/telemetry.rs': 'pub fn init() {\n    let layer = tracing_opentelemetry::layer().with_tracer(tracer);\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });
});
