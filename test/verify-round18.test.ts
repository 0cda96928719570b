/**
 * readiness verify: stale values beside a subject that exists (round 18). A port a document gives a
 * service is compared with the service's own compose block, Dockerfile and port settings; each case
 * is a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a port a table row gives a service is compared with the service', () => {
  const tree: Tree = {
    'compose.yml': [
      'services:',
      '  billing-api:',
      '    build: ./svc/billing-api',
      '    environment:',
      '      PORT: 7301',
      '    ports:',
      '      - "7301:7301"',
      '  ledger:',
      '    build: ./svc/ledger',
    ].join('\n'),
    'svc/billing-api/main.go': 'package main\n\nfunc main() { http.HandleFunc("/healthz", nil) }\n',
    'svc/ledger/main.go': 'package main\n\nfunc main() { http.HandleFunc("/healthz", nil) }\n',
    'svc/ledger/config.rs': ['let port = std::env::var("PORT")', '    .unwrap_or_else(|_| "7402".to_string());'].join(
      '\n',
    ),
    'svc/vault/main.go': 'package main\n\nfunc main() { http.HandleFunc("/healthz", nil) }\n',
  };
  const doc = [
    '# Services', // 1
    '', // 2
    '| Port | Service | Endpoint | Status |', // 3
    '|---|---|---|---|', // 4
    '| 7300 | billing-api | `/healthz` | ✅ Up |', // 5
    '| 7301 | billing-api | `/healthz` | ✅ Up |', // 6
    '| 7400 | ledger | `/healthz` | ✅ Up |', // 7
    '| 7500 | vault | `/healthz` | ✅ Up |', // 8
    '', // 9
    '- ✅ Ledger service (port 7400) deployed', // 10
  ].join('\n');
  const { at } = verifier('SERVICES.md')(tree, doc, reportWith([]));

  it('a port the compose block does not give the service contradicts the row, citing the compose line', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('7301');
    expect(at(5).evidence[0]?.path).toBe('compose.yml');
  });
  it('the port the compose block gives is not contradicted', () => {
    expect(at(6).verdict).not.toBe('contradicted');
  });
  it("a port default in the service's own configuration (on the next line) is compared", () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('7402');
  });
  it('a port no file of the service gives is not confirmed', () => {
    expect(at(8).verdict).not.toBe('confirmed');
    expect(at(8).verdict).not.toBe('partially-confirmed');
    expect(at(8).verdict).not.toBe('contradicted');
  });
  it('a port in prose beside the service is compared too', () => {
    expect(at(10).verdict).toBe('contradicted');
    expect(at(10).reason).toContain('svc/ledger/config.rs:1');
  });
});

describe('a count a note gives of what is in a file is not confirmed by the file being there', () => {
  const tree: Tree = {
    'package.json': '{"name":"desk","version":"1.0.0"}',
    'web/src/forms/Invoice.jsx': 'export function Invoice() {\n  notifyOk("saved");\n  notifyOk("sent");\n}\n',
    'web/src/forms/Quote.jsx': 'export function Quote() {\n  notifyOk("saved");\n}\n',
  };
  const doc = [
    '# Changes', // 1
    '', // 2
    '```', // 3
    'web/', // 4
    '└── src/', // 5
    '    └── forms/', // 6
    '        ├── Invoice.jsx   ← ✅ UPDATED: 6 notices', // 7
    '        └── Quote.jsx     ← ✅ UPDATED', // 8
    '```', // 9
    '', // 10
    '- [x] Quote.jsx - 1 alert → notice', // 11
  ].join('\n');
  const { at } = verifier('CHANGES.md')(tree, doc, reportWith([]));

  it('the count in the note leaves the line open, saying it was not compared', () => {
    expect(at(7).verdict).toBe('unverifiable');
    expect(at(7).reason).toContain('6 notices');
  });
  it('the file without a count is still confirmed by being there', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
  it('a count of what was replaced ("1 alert → notice") is not a count of what the file holds', () => {
    expect(at(11).verdict).toBe('confirmed');
  });
});

describe('a value the line quotes from a file it names is compared with that file', () => {
  const tree: Tree = {
    'Package.swift': '// swift-tools-version:5.9\nimport PackageDescription\n\nlet channelTag = "2.4.0"\n',
    'src/lib.rs': 'pub fn run() {}\n',
  };
  const doc = [
    '# Release notes', // 1
    '', // 2
    '- ✅ Root `Package.swift` updated, channelTag = "2.3.9"', // 3
    '- ✅ Root `Package.swift` updated, channelTag = "2.4.0"', // 4
  ].join('\n');
  const { at } = verifier('RELEASE.md')(tree, doc, reportWith([]));

  it('another value in the file contradicts the line, citing the line that sets it', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('Package.swift:4');
  });
  it('the same value is not contradicted', () => {
    expect(at(4).verdict).not.toBe('contradicted');
  });
});
