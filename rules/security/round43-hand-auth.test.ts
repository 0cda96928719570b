import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';

/**
 * Blind round 43: authentication written by hand on general-purpose libraries. A session login whose
 * password is verified with argon2 (`Argon2::default().verify_password(…)`) and a middleware that
 * sends a request without a session user to the login page, wrapped around the admin routes, was
 * reported as "no code that checks requests". A Go handler that only tells its caller whether a
 * token is valid (/token/validate) guards no route and is no authentication middleware.
 */
const CARGO =
  '[package]\nname = "news"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\nactix-session = "0.9"\nargon2 = "0.5"\n';
const STARTUP = [
  'use actix_web::{web, App, HttpServer};', // 1
  'use actix_web::middleware::from_fn;', // 2
  'pub fn run() {', // 3
  '    HttpServer::new(move || {', // 4
  '        App::new()', // 5
  '            .service(web::scope("/admin").wrap(from_fn(reject_anonymous_users)).route("/dashboard", web::get().to(dashboard)))', // 6
  '    });', // 7
  '}', // 8
  '',
].join('\n');
const GUARD = (refusal: string) =>
  [
    'use actix_web::dev::{ServiceRequest, ServiceResponse};', // 1
    'use actix_web::middleware::Next;', // 2
    '', // 3
    'pub async fn reject_anonymous_users(', // 4
    '    mut req: ServiceRequest,', // 5
    '    next: Next<impl MessageBody>,', // 6
    ') -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {', // 7
    '    let session = TypedSession::from_request(http_request, payload).await?;', // 8
    '    match session.get_user_id().map_err(e500)? {', // 9
    '        Some(user_id) => next.call(req).await,', // 10
    `        None => ${refusal},`, // 11
    '    }', // 12
    '}', // 13
    '',
  ].join('\n');
const PASSWORD = [
  'use argon2::{Argon2, PasswordHash, PasswordVerifier};', // 1
  '', // 2
  'fn verify_password_hash(expected: &str, candidate: &str) -> Result<(), AuthError> {', // 3
  '    let expected = PasswordHash::new(expected)?;', // 4
  '    Argon2::default()', // 5
  '        .verify_password(candidate.as_bytes(), &expected)', // 6
  '        .map_err(AuthError::InvalidCredentials)', // 7
  '}', // 8
  '',
].join('\n');

describe('round 43: a guard that turns away anonymous requests is authentication', () => {
  it('passes on a session guard that redirects to the login page, citing it', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'Cargo.toml': CARGO,
        'src/startup.rs': STARTUP,
        'src/authentication/middleware.rs': GUARD('Err(InternalError::from_response(e, see_other("/login")).into())'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/authentication/middleware.rs',
        line: 4,
        note: expect.stringMatching(/^authentication middleware written by hand/),
      }),
    );
  });

  it('a middleware of that name that turns nobody away is no authentication', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'Cargo.toml': CARGO,
        'src/startup.rs': STARTUP,
        'src/authentication/middleware.rs': GUARD('next.call(req).await'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('a password hash verified with argon2 is authentication written by hand', async () => {
    const r = await runRuleOn(
      authentication,
      { 'Cargo.toml': CARGO, 'src/startup.rs': STARTUP, 'src/authentication/password.rs': PASSWORD },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/authentication/password.rs', line: 6 }));
  });
});

const GO_MOD =
  'module example.com/demo\n\ngo 1.22\n\nrequire (\n\tgithub.com/golang-jwt/jwt/v4 v4.5.2\n\tgithub.com/gorilla/mux v1.8.1\n)\n';
const GO_SERVER =
  'package http\n\nfunc (s *Server) registerHandlers() {\n\ts.router.HandleFunc("/token/validate", s.tokenValidateHandler).Methods("GET")\n\ts.router.HandleFunc("/", s.indexHandler)\n}\n';
const goToken = (fn: string) =>
  [
    'package http', // 1
    'import "github.com/golang-jwt/jwt/v4"', // 2
    `${fn} {`, // 3
    '\tauthorizationHeader := r.Header.Get("authorization")', // 4
    '\tbearer := strings.Split(authorizationHeader, " ")', // 5
    '\tclaims := jwtCustomClaims{}', // 6
    '\ttoken, err := jwt.ParseWithClaims(bearer[1], &claims, keyFunc)', // 7
    '\tif err != nil {', // 8
    '\t\thttp.Error(w, err.Error(), http.StatusUnauthorized)', // 9
    '\t\treturn', // 10
    '\t}', // 11
    '\ts.JSONResponse(w, r, token.Claims)', // 12
    '}', // 13
    '',
  ].join('\n');

describe('round 43: an endpoint that validates a token for its caller guards no route', () => {
  it('a /token/validate handler is not authentication middleware: the library earns partial credit only', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'go.mod': GO_MOD,
        'main.go': 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
        'pkg/http/server.go': GO_SERVER,
        'pkg/http/token.go': goToken('func (s *Server) tokenValidateHandler(w http.ResponseWriter, r *http.Request)'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.path === 'pkg/http/token.go')).toBe(false);
  });

  it('the same token check in a handler that serves the caller its data is authentication', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'go.mod': GO_MOD,
        'main.go': 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
        'pkg/http/server.go': GO_SERVER,
        'pkg/http/token.go': goToken('func (s *Server) ordersHandler(w http.ResponseWriter, r *http.Request)'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'pkg/http/token.go', line: 7 }));
  });
});
