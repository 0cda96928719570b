/**
 * readiness verify: every named part of a claim must hold for a confirmation — the hashing algorithm
 * a line names, a Go module it lists, a runtime figure it gives, the place it says a unit is
 * integrated into. Found only in part, the line is not confirmed.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const verify = verifier('CHECKLIST.md');

describe('a hashing algorithm the line names', () => {
  const doc = [
    '# Checklist', // 1
    '', // 2
    '- [x] **Password security** - Bcrypt hashing, strong password requirements', // 3
  ].join('\n');
  const python = (requirements: string, hashing: string): Tree => ({
    'requirements.txt': requirements,
    'src/auth.py': [
      hashing,
      '',
      'def validate_password(password):',
      '    return len(password) >= 12',
      '',
      'def password_strength(password):',
      '    return validate_password(password)',
      '',
    ].join('\n'),
  });

  it('is contradicted when no package and no code holds it (werkzeug hashes instead)', () => {
    const { at } = verify(
      python('flask==3.0.0\nwerkzeug==3.0.1\n', 'from werkzeug.security import generate_password_hash'),
      doc,
      reportWith([]),
    );
    expect(at(3).verdict).not.toBe('confirmed');
    expect(at(3).verdict).not.toBe('partially-confirmed');
  });
  it('is not contradicted when the project depends on bcrypt', () => {
    const { at } = verify(python('flask==3.0.0\nbcrypt==4.1.2\n', 'import bcrypt'), doc, reportWith([]));
    expect(at(3).verdict).not.toBe('contradicted');
  });
  it('is not contradicted when the code imports it from a broader package', () => {
    const tree: Tree = {
      'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire golang.org/x/crypto v0.21.0\n',
      'internal/auth/password.go': [
        'package auth',
        '',
        'import "golang.org/x/crypto/bcrypt"',
        '',
        'func ValidatePassword(p string) bool { return len(p) >= 12 }',
        '',
        'func PasswordStrength(p string) bool { return ValidatePassword(p) }',
        '',
        'func Hash(p string) ([]byte, error) { return bcrypt.GenerateFromPassword([]byte(p), 12) }',
        '',
      ].join('\n'),
    };
    const { at } = verify(tree, doc, reportWith([]));
    expect(at(3).verdict).not.toBe('contradicted');
  });
});

describe('a Go module listed as a dependency', () => {
  const tree: Tree = {
    'go.mod': [
      'module example.com/tool',
      '',
      'go 1.22',
      '',
      'require (',
      '\tgithub.com/spf13/cobra v1.8.0',
      '\tgithub.com/spf13/viper v1.16.0',
      ')',
      '',
    ].join('\n'),
    'main.go': 'package main\n\nimport "github.com/spf13/cobra"\n\nfunc main() { _ = cobra.Command{} }\n',
  };
  const doc = [
    '# Dependencies', // 1
    '', // 2
    '- `github.com/spf13/cobra` - CLI framework', // 3
    '- `github.com/spf13/viper` - Configuration management', // 4
  ].join('\n');
  const { at } = verify(tree, doc, reportWith([]));

  it('is looked up among the dependencies, not as a file', () => {
    // A plain item that is a declared module and its caption is settled by go.mod (dependency-items.ts).
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).not.toBe('contradicted');
    expect(at(3).basis).toBe('dependency');
    expect(at(3).reason).toContain('github.com/spf13/cobra v1.8.0 is declared');
    expect(at(3).evidence[0]!.path).toBe('go.mod');
  });
});

describe('a figure a running program gives', () => {
  const tree: Tree = {
    'package.json': '{"name":"tool","dependencies":{"commander":"^11.0.0"}}\n',
    'config/goals.yaml': [
      'performance_targets:',
      '  memory_usage: "< 50MB"',
      '  command_execution_time: "<100ms"',
      '',
    ].join('\n'),
    'src/cli.js': "const { program } = require('commander');\nprogram.parse();\n",
  };
  const doc = [
    '# Performance', // 1
    '', // 2
    '- **Memory Usage:** <50MB', // 3
    '- **Command Execution:** <100ms average execution time', // 4
  ].join('\n');
  const { at } = verify(tree, doc, reportWith([]));

  it('is not confirmed by a key of that name in a YAML of goals', () => {
    expect(at(3).verdict).not.toBe('confirmed');
    expect(at(4).verdict).not.toBe('confirmed');
  });
});

describe('a unit the line says is integrated', () => {
  const bell = [
    "import React from 'react';",
    '',
    'export const NotificationBell = () => <span>bell</span>;',
    '',
    'export default NotificationBell;',
    '',
  ].join('\n');
  const base: Tree = {
    'package.json': '{"name":"web","dependencies":{"react":"^18.2.0"}}\n',
    'src/components/notifications/NotificationBell.tsx': bell,
    'src/components/notifications/index.ts': "export { NotificationBell } from './NotificationBell';\n",
    'src/components/Layout.tsx': "import React from 'react';\n\nexport const Layout = () => <main />;\n",
  };
  const doc = [
    '# Summary', // 1
    '', // 2
    '- **11.2**: Integrated NotificationBell into main layout', // 3
  ].join('\n');

  it('is contradicted when only its own folder names it', () => {
    const { at } = verify(base, doc, reportWith([]));
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('no other file imports or uses it');
  });
  it('stays confirmed when the layout imports and renders it', () => {
    const tree: Tree = {
      ...base,
      'src/components/Layout.tsx': [
        "import React from 'react';",
        "import { NotificationBell } from './notifications';",
        '',
        'export const Layout = () => <main><NotificationBell /></main>;',
        '',
      ].join('\n'),
    };
    const { at } = verify(tree, doc, reportWith([]));
    expect(at(3).verdict).toBe('confirmed');
  });
});
