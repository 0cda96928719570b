import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';

/**
 * Blind round 31 (a Rust edge proxy): the authentication evidence was a request logger that reads
 * the Authorization header to redact it, not the middleware that validates the token and answers
 * 401/403. The evidence is the mechanism's own line.
 */
const CARGO = '[package]\nname = "edge"\nversion = "0.1.0"\n\n[dependencies]\naxum = "0.8"\ntokio = "1"\n';
const LOGGER = [
  'use axum::extract::Request;', // 1
  'use axum::middleware::Next;', // 2
  'use axum::response::Response;', // 3
  'use http::{HeaderValue, header};', // 4
  '', // 5
  'pub async fn log_request(req: Request, next: Next) -> Response {', // 6
  '    let mut headers = req.headers().clone();', // 7
  '    let shown = headers', // 8
  '        .get(header::AUTHORIZATION)', // 9
  '        .map(|_| HeaderValue::from_static("***redacted***"));', // 10
  '    tracing::trace!("headers={:?} auth={:?}", headers, shown);', // 11
  '    next.run(req).await', // 12
  '}', // 13
  '',
].join('\n');
const VALIDATOR = [
  'use axum::extract::{Request, State};', // 1
  'use axum::middleware::Next;', // 2
  'use axum::response::{IntoResponse, Response};', // 3
  'use http::StatusCode;', // 4
  '', // 5
  'pub async fn validate_token(state: State<AppState>, AuthToken(token): AuthToken, req: Request, next: Next) -> impl IntoResponse {', // 6
  '    if state.tokens.contains(&token) {', // 7
  '        return next.run(req).await;', // 8
  '    }', // 9
  '    Response::builder().status(StatusCode::UNAUTHORIZED).body(Body::empty()).unwrap()', // 10
  '}', // 11
  '',
].join('\n');
const MAIN =
  'fn main() {\n    let app = Router::new().layer(from_fn(log_request));\n    axum::serve(listener, app);\n}\n';

describe('round 31: the authentication evidence is the mechanism, not a request logger', () => {
  it('a token-validating middleware that answers 401 is cited; the logger that redacts the header is not', async () => {
    const r = await runRuleOn(
      authentication,
      { 'Cargo.toml': CARGO, 'src/main.rs': MAIN, 'src/logger.rs': LOGGER, 'src/auth.rs': VALIDATOR },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/auth.rs',
        line: 6,
        note: expect.stringMatching(/^authentication middleware written by hand/),
      }),
    );
    expect(r.evidence.some((e) => e.path === 'src/logger.rs')).toBe(false);
  });

  it('a request logger alone authenticates nobody', async () => {
    const r = await runRuleOn(
      authentication,
      { 'Cargo.toml': CARGO, 'src/main.rs': MAIN, 'src/logger.rs': LOGGER },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
