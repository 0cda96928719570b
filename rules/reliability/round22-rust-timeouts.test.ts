import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import timeouts from './timeouts.js';

/**
 * Blind round 22 (rustypaste): the timeouts evidence was two `.timeout(` lines of `#[cfg(test)]`
 * modules; the production awc client's timeout (its Duration on the lines below) was not cited,
 * and the client was named reqwest.
 */
const MAIN = [
  'use awc::ClientBuilder;', // 1
  'use std::time::Duration;', // 2
  '', // 3
  'fn main() {', // 4
  '    let server = HttpServer::new(move || {', // 5
  '        let client = ClientBuilder::new()', // 6
  '            .timeout(', // 7
  '                config', // 8
  '                    .timeout', // 9
  '                    .unwrap_or_else(|| Duration::from_secs(30)),', // 10
  '            )', // 11
  '            .finish();', // 12
  '        App::new().app_data(web::Data::new(client))', // 13
  '    });', // 14
  '}', // 15
].join('\n');

const PASTE = [
  'pub async fn fetch(client: &awc::Client, url: &str) -> Vec<u8> {', // 1
  '    client.get(url).send().await.unwrap().body().await.unwrap().to_vec()', // 2
  '}', // 3
  '', // 4
  '#[cfg(test)]', // 5
  'mod tests {', // 6
  '    #[actix_rt::test]', // 7
  '    async fn fetches() {', // 8
  '        let client = awc::ClientBuilder::new().timeout(Duration::from_secs(30)).finish();', // 9
  '    }', // 10
  '}', // 11
].join('\n');

const tree = {
  'Cargo.toml': '[package]\nname = "pastebox"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\nawc = "3"\n',
  'src/main.rs': MAIN,
  'src/paste.rs': PASTE,
};

describe('round 22: Rust timeouts from production code, the client named', () => {
  it('the awc builder timeout (Duration on a later line) is cited; test modules are not', async () => {
    const r = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main.rs', line: 7, note: 'explicit timeout' }),
    );
    expect(r.evidence.some((e) => e.path === 'src/paste.rs' && e.line === 9)).toBe(false);
    expect(r.message).not.toMatch(/reqwest/);
    expect(r.message).toMatch(/Rust \(awc\) calls are not checked one by one/);
  });
});
