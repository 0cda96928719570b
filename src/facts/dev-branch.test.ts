import { describe, expect, it } from 'vitest';
import { devOnlyBranch } from './dev-branch.js';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('devOnlyBranch', () => {
  it('finds the .NET IsDevelopment block (Allman braces) around a mapped endpoint', () => {
    const cs = [
      'public static WebApplication MapDefaultEndpoints(this WebApplication app)',
      '{',
      '    if (app.Environment.IsDevelopment())',
      '    {',
      '        app.MapHealthChecks("/health");',
      '    }',
      '    return app;',
      '}',
    ].join('\n');
    expect(devOnlyBranch(cs, lineOf(cs, 'MapHealthChecks'))).toEqual({
      line: 3,
      snippet: 'if (app.Environment.IsDevelopment())',
    });
    expect(devOnlyBranch(cs, lineOf(cs, 'return app'))).toBeNull();
  });

  it('finds an environment name compared with a development value (Go getenv, a config field)', () => {
    const go =
      'func router() {\n\tif os.Getenv("ENVIRONMENT") == "dev" {\n\t\tapp.Use(cors.New())\n\t}\n\tapp.Use(recover.New())\n}\n';
    expect(devOnlyBranch(go, 3)).toEqual({ line: 2, snippet: 'if os.Getenv("ENVIRONMENT") == "dev" {' });
    expect(devOnlyBranch(go, 5)).toBeNull();
    const cfg =
      'if cfg.Environment == "development" {\n\tallowAll()\n}\nif cfg.Environment != "dev" {\n\tstrict()\n}\n';
    expect(devOnlyBranch(cfg, 2)?.line).toBe(1);
    expect(devOnlyBranch(cfg, 5)).toBeNull();
  });

  it('finds Django DEBUG, Rails and NODE_ENV guards, block or one-line', () => {
    const py = 'urlpatterns = [path("", home)]\nif settings.DEBUG:\n    urlpatterns += [path("health/", health)]\n';
    expect(devOnlyBranch(py, 3)?.line).toBe(2);
    const rb = 'Rails.application.routes.draw do\n  get "up" => "rails/health#show" if Rails.env.development?\nend\n';
    expect(devOnlyBranch(rb, 2)?.line).toBe(2);
    const js = "if (process.env.NODE_ENV !== 'production') {\n  app.get('/health', ok);\n}\napp.get('/ready', ok);\n";
    expect(devOnlyBranch(js, 2)?.line).toBe(1);
    expect(devOnlyBranch(js, 4)).toBeNull();
  });

  it('a negated condition or the else branch is production', () => {
    const cs = 'if (!app.Environment.IsDevelopment())\n{\n    app.MapHealthChecks("/health");\n}\n';
    expect(devOnlyBranch(cs, 3)).toBeNull();
    const js =
      "if (process.env.NODE_ENV === 'development') {\n  app.use(devTools);\n} else {\n  app.get('/health', ok);\n}\n";
    expect(devOnlyBranch(js, 4)).toBeNull();
    const py = 'if not settings.DEBUG:\n    urlpatterns += [path("health/", health)]\n';
    expect(devOnlyBranch(py, 2)).toBeNull();
    const rb = 'unless Rails.env.development?\n  get "up" => "rails/health#show"\nend\n';
    expect(devOnlyBranch(rb, 2)).toBeNull();
  });
});

describe('negated environment checks guard code that runs everywhere except development', () => {
  it('Laravel `! app()->environment(…)` and `!$this->app->isLocal()` are production branches', () => {
    const php = [
      '<?php',
      'class AppServiceProvider extends ServiceProvider',
      '{',
      '    protected function forceHttps(): void',
      '    {',
      "        if (! app()->environment('local') && config('app.force_https')) {",
      "            URL::forceScheme('https');",
      '        }',
      '        if (!$this->app->isLocal()) {',
      '            $this->app->make(Kernel::class)->pushMiddleware(TrustProxies::class);',
      '        }',
      "        if (app()->environment('local')) {",
      '            DB::listen(fn ($q) => logger($q->sql));',
      '        }',
      '    }',
      '}',
    ].join('\n');
    expect(devOnlyBranch(php, lineOf(php, 'forceScheme'))).toBeNull();
    expect(devOnlyBranch(php, lineOf(php, "if (! app()->environment('local')"))).toBeNull();
    expect(devOnlyBranch(php, lineOf(php, 'pushMiddleware'))).toBeNull();
    expect(devOnlyBranch(php, lineOf(php, 'DB::listen'))).toEqual({
      line: lineOf(php, "if (app()->environment('local'))"),
      snippet: "if (app()->environment('local')) {",
    });
  });

  it('`!app.isDevelopment()` and `if not settings.DEBUG` are production; the plain checks are not', () => {
    const ts =
      'if (!app.isDevelopment()) {\n  app.use(helmet());\n}\nif (app.isDevelopment()) {\n  app.use(cors());\n}\n';
    expect(devOnlyBranch(ts, 2)).toBeNull();
    expect(devOnlyBranch(ts, 5)).toEqual({ line: 4, snippet: 'if (app.isDevelopment()) {' });
    const py = 'if not settings.DEBUG:\n    MIDDLEWARE += ["django.middleware.security.SecurityMiddleware"]\n';
    expect(devOnlyBranch(py, 2)).toBeNull();
  });
});
