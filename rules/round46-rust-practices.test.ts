/**
 * Blind round 46 (Rust, axum + sea-orm): practices written in Rust's own forms were missed —
 * SeaORM migration modules (`m20240101_000001_*.rs` implementing MigrationTrait), security headers
 * inserted by a hand-written axum middleware (`headers.insert(X_FRAME_OPTIONS, …)`), tracing-subscriber
 * JSON given as an event format (`.event_format(format().json())`), and retries written by hand
 * (`delay = (delay * 2).min(max)`; an open `loop` bounded by `if attempts > max_retries {`).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import migrations from './architecture/database-migrations.js';
import securityMiddleware from './security/security-middleware.js';
import structuredLogging from './observability/structured-logging.js';
import retries from './reliability/retries.js';

const CARGO =
  '[package]\nname = "registry"\nversion = "0.1.0"\n\n[dependencies]\naxum = "0.8"\ntokio = { version = "1", features = ["full"] }\nsea-orm = "1"\nsea-orm-migration = "1"\ntracing = "0.1"\ntracing-subscriber = { version = "0.3", features = ["json"] }\nreqwest = "0.12"\n';

const MAIN =
  'use axum::Router;\n\n#[tokio::main]\nasync fn main() {\n    let app = Router::new();\n    let l = tokio::net::TcpListener::bind("0.0.0.0:8000").await.unwrap();\n    axum::serve(l, app).await.unwrap();\n}\n';

const base: Tree = {
  'Cargo.toml': CARGO,
  'src/main.rs': MAIN,
  'src/db.rs':
    'use sea_orm::{Database, DatabaseConnection};\n\npub async fn connect(url: &str) -> DatabaseConnection {\n    Database::connect(url).await.unwrap()\n}\n',
};
const service = (rule: Parameters<typeof runRuleOn>[0], extra: Tree) =>
  runRuleOn(rule, { ...base, ...extra }, { profile: 'service' });

const SEA_MIGRATION = [
  'use sea_orm_migration::prelude::*;',
  '',
  '#[derive(DeriveMigrationName)]',
  'pub struct Migration;',
  '',
  '#[async_trait::async_trait]',
  'impl MigrationTrait for Migration {',
  '    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {',
  '        manager.create_table(Table::create().table(Users::Table).to_owned()).await',
  '    }',
  '}',
  '',
].join('\n');

describe('database-migrations: SeaORM migration modules (blind round 46)', () => {
  it('m20240101_000001_*.rs modules implementing MigrationTrait are committed migrations', async () => {
    const r = await service(migrations, {
      'migration/Cargo.toml': '[package]\nname = "migration"\n\n[dependencies]\nsea-orm-migration = "1"\n',
      'migration/src/lib.rs':
        'pub use sea_orm_migration::prelude::*;\nmod m20240101_000001_users;\npub struct Migrator;\n',
      'migration/src/m20240101_000001_users.rs': SEA_MIGRATION,
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/SeaORM/);
  });

  it('a file of that name that is no migration does not count', async () => {
    const r = await service(migrations, {
      'migration/src/m20240101_000001_users.rs': 'pub fn helper() {}\n',
    });
    expect(r.outcome).not.toBe('pass');
  });
});

const HEADERS = [
  'use axum::{middleware, Router};',
  '',
  'pub fn routes() -> Router {',
  '    Router::new().layer(middleware::map_response(add_security_headers))',
  '}',
  '',
  'async fn add_security_headers(mut response: axum::response::Response) -> axum::response::Response {',
  '    use axum::http::header::{REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS};',
  '    use axum::http::HeaderValue;',
  '    let headers = response.headers_mut();',
  '    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));', // 11
  '    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN"));',
  '    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));',
  '    response',
  '}',
  '',
].join('\n');

describe('security-middleware: headers inserted by a hand-written axum middleware (blind round 46)', () => {
  it('headers.insert(X_FRAME_OPTIONS, …) credits security headers, cited at the insert line', async () => {
    const r = await service(securityMiddleware, { 'src/routes.rs': HEADERS });
    expect(r.outcome).not.toBe('fail');
    expect(r.evidence.some((e) => e.path === 'src/routes.rs' && e.line === 11)).toBe(true);
  });

  it('the header constants only imported (a use line), never inserted, credit nothing', async () => {
    const r = await service(securityMiddleware, {
      'src/routes.rs': 'use axum::http::header::{X_FRAME_OPTIONS, X_CONTENT_TYPE_OPTIONS};\npub fn f() {}\n',
    });
    expect(r.outcome).toBe('fail');
  });
});

const LOGGING = (fmt: string) =>
  [
    'use tracing_subscriber::fmt::format;',
    '',
    'pub fn init(json: bool) {',
    '    let ts = tracing_subscriber::fmt().with_env_filter("info");',
    '    if json {',
    `        ts.event_format(${fmt}).init();`,
    '    } else {',
    '        ts.event_format(format().compact()).init();',
    '    }',
    '}',
    '',
  ].join('\n');

describe('structured-logging: tracing-subscriber JSON as an event format (blind round 46)', () => {
  it('.event_format(format().json()) configures JSON logging', async () => {
    const r = await service(structuredLogging, { 'src/log.rs': LOGGING('format().json()') });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'src/log.rs')).toBe(true);
  });

  it('the compact and pretty formats alone are not JSON', async () => {
    const r = await service(structuredLogging, { 'src/log.rs': LOGGING('format().pretty()') });
    expect(r.outcome).not.toBe('pass');
  });
});

const CLIENT = (body: string) =>
  [
    'use std::time::Duration;',
    '',
    'pub async fn deliver(client: &reqwest::Client, url: &str) -> Result<(), reqwest::Error> {',
    '    let mut attempts = 0;',
    '    let mut delay = Duration::from_millis(100);',
    '    loop {',
    '        match client.post(url).send().await {',
    '            Ok(_) => return Ok(()),',
    '            Err(e) => {',
    '                attempts += 1;',
    '                if attempts > MAX_RETRIES {', // 11
    '                    return Err(e);',
    '                }',
    '                tokio::time::sleep(delay).await;',
    `                ${body}`, // 15
    '            }',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');

describe('retries: hand-written Rust retry loops (blind round 46)', () => {
  it('a delay doubled in Rust form, `delay = (delay * 2).min(MAX)`, is backoff', async () => {
    const r = await service(retries, { 'src/webhook.rs': CLIENT('delay = (delay * 2).min(Duration::from_secs(30));') });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'src/webhook.rs' && e.line === 15)).toBe(true);
  });

  it('an open loop bounded by `if attempts > MAX_RETRIES {` with a fixed sleep retries without backoff (partial)', async () => {
    const r = await service(retries, { 'src/webhook.rs': CLIENT('// fixed delay') });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/retried by hand, without backoff/);
    expect(r.message).toMatch(/after a fixed interval that never grows/);
    expect(r.evidence.some((e) => e.path === 'src/webhook.rs' && e.line === 11)).toBe(true);
  });
});
