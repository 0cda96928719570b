import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 40 (an actix-web service): `Cors::default().allow_any_origin()` earned the CORS
 * share — "CORS found" and a partial — though a policy that answers every origin opens the API
 * instead of protecting it. The any-origin builders of the Rust and Go CORS libraries count as
 * any origin, as `Cors::permissive()` and `AllowAnyOrigin()` already did.
 */
const actix = (origin: string) => ({
  'Cargo.toml':
    '[package]\nname = "search"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\nactix-cors = "0.7"\n',
  'src/main.rs': [
    'use actix_cors::Cors;', // 1
    'use actix_web::{App, HttpServer};', // 2
    '', // 3
    '#[actix_web::main]', // 4
    'async fn main() -> std::io::Result<()> {', // 5
    '    HttpServer::new(|| {', // 6
    '        let cors = Cors::default()', // 7
    `            ${origin}`, // 8
    '            .allowed_methods(vec!["GET"]);', // 9
    '        App::new().wrap(cors)', // 10
    '    })', // 11
    '    .bind(("0.0.0.0", 8080))?', // 12
    '    .run()', // 13
    '    .await', // 14
    '}', // 15
    '',
  ].join('\n'),
});

const axum = (origin: string) => ({
  'Cargo.toml':
    '[package]\nname = "api"\nversion = "0.1.0"\n\n[dependencies]\naxum = "0.7"\ntower-http = { version = "0.5", features = ["cors"] }\n',
  'src/main.rs': [
    'use axum::Router;',
    'use tower_http::cors::{Any, CorsLayer};',
    '',
    '#[tokio::main]',
    'async fn main() {',
    `    let cors = CorsLayer::new()${origin};`,
    '    let app = Router::new().layer(cors);',
    '    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();',
    '    axum::serve(listener, app).await.unwrap();',
    '}',
    '',
  ].join('\n'),
});

const gin = (origin: string) => ({
  'go.mod':
    'module example.com/api\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/gin-contrib/cors v1.5.0\n)\n',
  'main.go': [
    'package main',
    '',
    'import (',
    '\t"github.com/gin-contrib/cors"',
    '\t"github.com/gin-gonic/gin"',
    ')',
    '',
    'func main() {',
    '\tr := gin.Default()',
    '\tr.Use(cors.New(cors.Config{',
    `\t\t${origin},`,
    '\t\tAllowMethods: []string{"GET"},',
    '\t}))',
    '\tr.Run(":8080")',
    '}',
    '',
  ].join('\n'),
});

describe('security-middleware: CORS that answers any origin is no protection', () => {
  it('actix-cors allow_any_origin() earns nothing and is cited as any origin', async () => {
    const r = await runRuleOn(securityMiddleware, actix('.allow_any_origin()'));
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'src/main.rs' && e.line === 8 && /any origin/.test(e.note ?? ''))).toBe(
      true,
    );
    expect(r.message).not.toMatch(/^CORS found/);
  });

  it('actix-cors with an explicit origin keeps the CORS share', async () => {
    const r = await runRuleOn(securityMiddleware, actix('.allowed_origin("https://search.example.org")'));
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.path === 'src/main.rs' && /CORS policy/.test(e.note ?? ''))).toBe(true);
  });

  it('tower-http allow_origin(Any) is any origin; a listed origin is a policy', async () => {
    const any = await runRuleOn(securityMiddleware, axum('.allow_origin(Any)'));
    expect(any.outcome).toBe('fail');
    const listed = await runRuleOn(
      securityMiddleware,
      axum('.allow_origin("https://app.example.org".parse::<HeaderValue>().unwrap())'),
    );
    expect(listed.outcome).toBe('partial');
  });

  it('gin-contrib/cors AllowAllOrigins: true is any origin; AllowOrigins with a site is a policy', async () => {
    const any = await runRuleOn(securityMiddleware, gin('AllowAllOrigins: true'));
    expect(any.outcome).toBe('fail');
    const listed = await runRuleOn(securityMiddleware, gin('AllowOrigins: []string{"https://app.example.org"}'));
    expect(listed.outcome).toBe('partial');
  });
});
