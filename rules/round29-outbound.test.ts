/**
 * Blind round 29: what counts as the service's outbound call. A Rust service's web pages (TypeScript
 * under templates/, bundled by webpack at the root) had their browser fetch() cited as "Node's fetch";
 * a HashMap `.get(url)` inside a `#[actix_rt::test]` was its "outbound call"; a monorepo's CLI
 * package's fetch was the only call cited while the server's `axios.request({ timeout })` went unseen
 * (its file sits in a `web/` folder of the server package).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';

const rustService = {
  'Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\nactix-web = "4"\nreqwest = "0.11"\n',
  'src/main.rs': 'use actix_web::{App, HttpServer};\n\nfn main() {\n    HttpServer::new(|| App::new());\n}\n',
  'src/survey.rs': [
    'use reqwest::Client;',
    '',
    'pub fn client() -> Client {',
    '    Client::new()',
    '}',
    '',
    '#[cfg(test)]',
    'mod tests {',
    '    #[actix_rt::test]',
    '    async fn upload() {',
    '        assert_eq!(data.survey_secrets.get(instance_url).unwrap(), msg.secret);',
    '    }',
    '}',
  ].join('\n'),
  'package.json':
    '{"scripts":{"build":"webpack"},"devDependencies":{"webpack":"5","css-loader":"7","sass":"1","jest-environment-jsdom":"30"}}',
  'templates/auth/login/ts/index.ts':
    "export const login = async (e: Event) => {\n  const res = await fetch(ROUTES.login, { method: 'POST' });\n  return res.ok;\n};\n",
};

describe('outbound calls are the server code’s, round 29', () => {
  it('browser TypeScript bundled by a non-JavaScript service is not its outbound call; the reqwest client is', async () => {
    const t = await runRuleOn(timeouts, rustService, { profile: 'service' });
    expect(t.outcome).toBe('fail');
    expect(t.evidence.map((e) => `${e.path}:${e.line ?? ''}`)).toContain('src/survey.rs:4');
    expect(t.evidence.some((e) => e.path.startsWith('templates/'))).toBe(false);
    expect(t.message).not.toMatch(/Node's fetch/);
    // The same TypeScript in a Node service (express at the root) is the server's own call.
    const node = {
      'package.json': '{"dependencies":{"express":"4"},"devDependencies":{"webpack":"5","css-loader":"7"}}',
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
      'templates/sync/index.ts': 'export const pull = async () => (await fetch(SOURCE_URL)).json();\n',
    };
    const n = await runRuleOn(timeouts, node, { profile: 'service' });
    expect(n.evidence.map((e) => `${e.path}:${e.line ?? ''}`)).toContain('templates/sync/index.ts:1');
  });

  it('a map lookup with a URL key in a Rust unit test is no outbound call', async () => {
    const r = await runRuleOn(retries, rustService, { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'src/survey.rs' && e.line === 11)).toBe(false);
    // Outside a test, a lookup on a collection is still no call; on a client it is.
    const lookupOnly = {
      'Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\nactix-web = "4"\n',
      'src/main.rs': 'use actix_web::{App, HttpServer};\n\nfn main() {\n    HttpServer::new(|| App::new());\n}\n',
      'src/cache.rs': 'pub fn secret(&self, url: &str) -> Option<String> {\n    self.secrets.get(url).cloned()\n}\n',
    };
    expect((await runRuleOn(retries, lookupOnly, { profile: 'service' })).outcome).toBe('not-applicable');
    const onClient = {
      ...lookupOnly,
      'src/cache.rs':
        'pub async fn pull(&self, url: &str) -> String {\n    self.http.get(url).send().await.unwrap().text().await.unwrap()\n}\n',
    };
    expect((await runRuleOn(retries, onClient, { profile: 'service' })).outcome).toBe('fail');
    // A builder chain continued on the next line keeps its call: the receiver is on the line above.
    const chained = {
      ...lookupOnly,
      'src/cache.rs':
        'pub async fn pull(&self, url: &str) -> String {\n    self.http\n        .get(url)\n        .send()\n        .await\n        .unwrap()\n}\n',
    };
    expect((await runRuleOn(retries, chained, { profile: 'service' })).outcome).toBe('fail');
  });

  const monorepo = {
    'package.json': '{"private":true,"workspaces":["packages/*"]}',
    'packages/api/package.json': '{"name":"api","dependencies":{"@nestjs/core":"10","axios":"1"}}',
    'packages/api/src/main.ts':
      "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\nawait app.listen(3000);\n",
    'packages/api/src/actions/web/http-request.action.ts': [
      "import axios from 'axios';",
      '',
      'export async function run(url: string) {',
      '  const response = await axios.request({',
      '    url,',
      '    timeout: timeoutMs,',
      '  });',
      '  return response.data;',
      '}',
    ].join('\n'),
    'packages/cli/package.json': '{"name":"cli","bin":{"svc":"dist/index.js"},"dependencies":{"commander":"12"}}',
    'packages/cli/src/commands/create.ts':
      "export async function create() {\n  const res = await fetch('https://api.github.com/repos/x/y/releases');\n  return res.json();\n}\n",
  };

  it("a monorepo's CLI package is not the service; a server package's web/ folder is server code", async () => {
    const t = await runRuleOn(timeouts, monorepo, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.evidence.map((e) => `${e.path}:${e.line ?? ''}`)).toContain(
      'packages/api/src/actions/web/http-request.action.ts:6',
    );
    expect(t.evidence.some((e) => e.path.startsWith('packages/cli/'))).toBe(false);
    // Without a server beside it, the CLI package is the product and its calls count.
    const cliOnly = {
      'package.json': monorepo['package.json'],
      'packages/cli/package.json': monorepo['packages/cli/package.json'],
      'packages/cli/src/commands/create.ts': monorepo['packages/cli/src/commands/create.ts'],
    };
    const c = await runRuleOn(timeouts, cliOnly, { profile: 'service' });
    expect(c.outcome).toBe('fail');
    expect(c.evidence.map((e) => e.path)).toContain('packages/cli/src/commands/create.ts');
  });
});
