import { describe, expect, it } from 'vitest';
import { componentClassifier, pathComponent } from './component.js';
import type { Dependency, Manifest } from '../types.js';

const manifest = (path: string): Manifest => ({ ecosystem: 'npm', path, ok: true });
const dep = (path: string, name: string): Dependency =>
  ({ ecosystem: 'npm', path, name, version: '1', dev: false, direct: true }) as Dependency;

describe('component of a file', () => {
  it('reads path conventions', () => {
    expect(pathComponent('desktop/main.js')).toBe('desktop');
    expect(pathComponent('src-tauri/src/main.rs')).toBe('desktop');
    expect(pathComponent('frontend/src/composables/useWebSocket.ts')).toBe('browser');
    expect(pathComponent('static/js/app.js')).toBe('browser');
    expect(pathComponent('src/components/Chart.tsx')).toBe('browser');
    expect(pathComponent('webpack.config.js')).toBe('build');
    expect(pathComponent('scripts/build-geo.js')).toBe('build');
    expect(pathComponent('mobile/src/api.ts')).toBe('mobile');
    // Server code keeps its place: Go's web/ package, PHP's public/index.php, Next.js API routes.
    expect(pathComponent('pkg/web/handler.go')).toBe('server');
    expect(pathComponent('public/index.php')).toBe('server');
    expect(pathComponent('src/app/api/heartbeat/route.ts')).toBe('server');
    expect(pathComponent('frontend/pages/api/login.ts')).toBe('server');
    expect(pathComponent('src/lib/redis.ts')).toBe('server');
    // A Next.js config's headers() are sent by the running server.
    expect(pathComponent('next.config.ts')).toBe('server');
  });

  it('reads the layout: a UI package is browser code, an Electron package a desktop shell, a full-stack root stays server', () => {
    const of = componentClassifier(
      [manifest('package.json'), manifest('app/package.json'), manifest('shell/package.json')],
      [
        dep('package.json', 'next'),
        dep('package.json', 'react'),
        dep('app/package.json', 'vue'),
        dep('shell/package.json', 'electron'),
      ],
    );
    expect(of('app/src/api/client.ts')).toBe('browser');
    expect(of('app/package.json')).toBe('browser');
    expect(of('shell/index.js')).toBe('desktop');
    expect(of('src/lib/db.ts')).toBe('server');
    // In a package with a UI framework, hooks and components are the page's.
    expect(of('src/components/hooks/useApi.ts')).toBe('browser');
    expect(of('src/pages/api/send.ts')).toBe('server');
    expect(of('src/store/version.ts')).toBe('browser');
  });

  it('a package with a mobile framework and a server framework is a workspace of both, not a mobile app', () => {
    const of = componentClassifier(
      [manifest('package.json'), manifest('phone/package.json')],
      [
        dep('package.json', '@ionic/angular'),
        dep('package.json', '@angular/core'),
        dep('package.json', '@nestjs/core'),
        dep('phone/package.json', '@capacitor/core'),
      ],
    );
    expect(of('apps/api/src/main.ts')).toBe('server');
    expect(of('apps/client/src/app/api.service.ts')).toBe('browser');
    expect(of('apps/api/src/app/app.component.ts')).toBe('browser');
    expect(of('phone/src/api.ts')).toBe('mobile');
  });

  it('a path takes its deepest package among 20,000 (looked up folder by folder, not scanned per path)', () => {
    const n = 20_000;
    const manifests = [manifest('package.json'), manifest('web/package.json'), manifest('shell/package.json')];
    const deps = [dep('web/package.json', 'vue'), dep('shell/package.json', 'electron')];
    for (let i = 0; i < n; i++) {
      manifests.push(manifest(`packages/p${i}/package.json`));
      deps.push(dep(`packages/p${i}/package.json`, i % 2 ? 'vue' : 'express'));
    }
    const of = componentClassifier(manifests, deps);
    const kinds = Array.from({ length: n }, (_, i) => of(`packages/p${i}/src/lib/a.ts`));
    expect(kinds.filter((k) => k === 'browser').length).toBe(n / 2);
    expect(of('shell/main.js')).toBe('desktop');
    expect(of('web/src/lib/a.ts')).toBe('browser');
    expect(of('webx/src/lib/a.ts')).toBe('server');
  });

  it("a theme's bundled page package and a non-Node service's themes/ scripts are browser code; test-runner configs are tooling", () => {
    const py = componentClassifier(
      [manifest('pyproject.toml'), manifest('shop/themes/plain/package.json'), manifest('tools/pdf/package.json')],
      [
        dep('shop/themes/plain/package.json', 'bootstrap'),
        dep('shop/themes/plain/package.json', 'webpack'),
        dep('tools/pdf/package.json', 'webpack'),
        dep('tools/pdf/package.json', 'puppeteer'),
      ],
    );
    expect(py('shop/themes/plain/src/app.js')).toBe('browser');
    expect(py('shop/themes/legacy/js/menu.js')).toBe('browser');
    // A bundler alone does not make a package the page's.
    expect(py('tools/pdf/render.js')).toBe('server');
    // In a Node service, a themes/ folder may be server code that manages themes.
    const node = componentClassifier([manifest('package.json')], [dep('package.json', 'express')]);
    expect(node('core/server/services/themes/activate.js')).toBe('server');
    expect(pathComponent('playwright.config.ts')).toBe('build');
    expect(pathComponent('jest.config.js')).toBe('build');
    expect(pathComponent('test/wdio.conf.ts')).toBe('build');
  });
});
