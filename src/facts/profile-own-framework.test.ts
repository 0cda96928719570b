import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { collectFacts, completeFacts } from './index.js';

const audit = (tree: Record<string, string>, server?: { path: string; snippet: string }) => {
  const files = memoryIndex(tree);
  const pre = collectFacts(files);
  const facts = completeFacts(files, pre, {
    matches: (k) => (server && k === 'facts:server' ? [{ ...server, line: 3, groups: [] }] : []),
  });
  return { pre, profile: facts.profile };
};

// A web framework's own workspace: the framework crate, and a sibling crate built on it.
const cargoWorkspace = {
  'Cargo.toml': '[workspace]\nmembers = ["webfw", "webfw-extra"]\n',
  'webfw/Cargo.toml':
    '[package]\nname = "axum"\nversion = "0.8.0"\nlicense = "MIT"\n\n[dependencies]\nhyper = "1"\ntower = "0.5"\n',
  'webfw/src/lib.rs': 'pub mod routing;\n',
  'webfw-extra/Cargo.toml':
    '[package]\nname = "webfw-extra"\nversion = "0.10.0"\n\n[dependencies]\naxum = { path = "../webfw", version = "0.8.0" }\nserde = "1"\n',
  'webfw-extra/src/lib.rs': 'pub mod extract;\n',
  'examples/hello/Cargo.toml': '[package]\nname = "hello"\n\n[dependencies]\naxum = { path = "../../webfw" }\n',
  'examples/hello/src/main.rs': 'fn main() {}\n',
};

describe("a web framework's own repository (issue 15, blind round 49)", () => {
  it('a crate depending on its sibling framework crate does not make the workspace a service', () => {
    const { pre, profile } = audit(cargoWorkspace);
    expect(pre.frameworks.map((f) => f.id)).not.toContain('axum');
    expect(profile.id).toBe('library');
    expect(profile.reasons.join(' ')).toContain(
      'web framework axum (webfw-extra/Cargo.toml:6) is a package of this repository: it is the product',
    );
  });

  it('an application depending on the same framework from the registry is still a service', () => {
    const app = {
      'Cargo.toml': '[package]\nname = "shop"\nversion = "0.1.0"\n\n[dependencies]\naxum = "0.8"\n',
      'src/main.rs': 'fn main() {}\n',
    };
    const { profile } = audit(app);
    expect(profile.id).toBe('service');
    expect(profile.reasons[0]).toContain('web framework axum (Cargo.toml:');
  });

  it('a server started by the product outside examples still makes the framework workspace a service', () => {
    const tree = {
      ...cargoWorkspace,
      'webfw-extra/src/bin/serve.rs': 'fn main() {\n\n  axum::serve(l, app).await;\n}\n',
    };
    const { profile } = audit(tree, { path: 'webfw-extra/src/bin/serve.rs', snippet: 'axum::serve(l, app).await;' });
    expect(profile.id).toBe('service');
  });

  it('npm: a workspace package built on its sibling framework package is the framework, not a service', () => {
    const tree = {
      'package.json': '{"name":"root","private":true,"workspaces":["packages/*"]}',
      'packages/fastify/package.json': '{"name":"fastify","version":"5.0.0","main":"index.js"}',
      'packages/fastify/index.js': 'module.exports = {};\n',
      'packages/fastify-cors/package.json':
        '{"name":"@fw/cors","version":"1.0.0","main":"index.js","dependencies":{"fastify":"workspace:*"}}',
      'packages/fastify-cors/index.js': 'module.exports = {};\n',
    };
    const { pre, profile } = audit(tree);
    expect(pre.frameworks).toEqual([]);
    expect(profile.id).not.toBe('service');
    // the same package taken from the registry by an application is a framework of that application
    const app = audit({ 'package.json': '{"name":"api","dependencies":{"fastify":"5"}}', 'index.js': '' });
    expect(app.profile.id).toBe('service');
  });
});
