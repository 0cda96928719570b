import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import migrations from './database-migrations.js';

/**
 * Blind round 23 (a Laravel importer with no database): `laravel/framework` was taken as a database
 * client, so "no versioned migrations" failed an app whose cache and sessions are files and whose
 * queue is sync. A framework that bundles a database layer (laravel/framework, rails) is a database
 * client only where the application uses it: migrations, a database setting, a model or a DB call.
 */
const USER = [
  '<?php', // 1
  'namespace App;', // 2
  'use Illuminate\\Foundation\\Auth\\User as Authenticatable;', // 3
  'final class User extends Authenticatable', // 4
  '{', // 5
  "    protected $fillable = ['name', 'email', 'password'];", // 6
  '}', // 7
].join('\n');
const ENV = [
  'APP_NAME=Importer',
  'APP_ENV=local',
  'CACHE_DRIVER=file',
  'QUEUE_CONNECTION=sync',
  'SESSION_DRIVER=file',
].join('\n');
const laravel = (extra: Record<string, string> = {}) => ({
  'composer.json': '{"require":{"php":"^8.3","laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
  artisan: '#!/usr/bin/env php\n<?php\n',
  'routes/web.php': "<?php\nuse Illuminate\\Support\\Facades\\Route;\nRoute::get('/', fn () => view('index'));\n",
  'app/User.php': USER,
  '.env.example': ENV,
  ...extra,
});

describe('round 23: a framework bundling a database layer is no database client by itself', () => {
  it('Laravel with file cache/session, sync queue and only the stock User model: not applicable, said why', async () => {
    const r = await runRuleOn(migrations, laravel(), { profile: 'service' });
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toMatch(
      /laravel\/framework \(composer\.json:1\) bundles a database layer, but the application uses none: no migrations or schema, no database setting in \.env\.example/,
    );
  });

  it('a DB_CONNECTION in .env.example: the rule applies (no migrations: fail)', async () => {
    const r = await runRuleOn(migrations, laravel({ '.env.example': `${ENV}\nDB_CONNECTION=mysql\nDB_HOST=db\n` }), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'composer.json', note: 'database client: laravel/framework' }),
    );
  });

  it('an Eloquent model of its own: the rule applies', async () => {
    const r = await runRuleOn(
      migrations,
      laravel({
        'app/Models/Import.php':
          "<?php\nnamespace App\\Models;\nuse Illuminate\\Database\\Eloquent\\Model;\nclass Import extends Model\n{\n    protected $table = 'imports';\n}\n",
      }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('Laravel migrations committed: pass as before', async () => {
    const r = await runRuleOn(
      migrations,
      laravel({
        'database/migrations/2024_01_01_000000_create_imports_table.php':
          "<?php\nuse Illuminate\\Database\\Migrations\\Migration;\nreturn new class extends Migration {\n    public function up(): void { Schema::create('imports', function ($t) { $t->id(); }); }\n};\n",
      }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('Rails with config/database.yml: the rule applies', async () => {
    const r = await runRuleOn(
      migrations,
      {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n",
        'config/application.rb': 'module Shop\n  class Application < Rails::Application\n  end\nend\n',
        'config/database.yml': 'production:\n  adapter: postgresql\n  url: <%= ENV["DATABASE_URL"] %>\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
