import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import configExternalized from './config-externalized.js';

/**
 * Blind round 32 (a Go server): `mainImpl(os.Args[1:], os.Getenv, …)` hands the environment lookup to
 * the configuration loader as a value, which then calls `getEnvVal("PORT")`; the rule said "no
 * environment reads in code". A reference to the lookup function is a read wherever it is passed,
 * and the settings libraries that bind variables (cleanenv, caarlos0/env, django-environ,
 * python-decouple) are reads too.
 */
const README =
  '# echoer\n\n## Configuration\n\n| flag | variable | meaning |\n|---|---|---|\n| -port | `PORT` | listen port |\n| -host | `HOST` | listen address |\n| -max-body | `MAX_BODY_SIZE` | largest body accepted |\n';

const goTree = (main: string) => ({
  'go.mod': 'module example.com/echoer\n\ngo 1.22\n',
  'README.md': README,
  'cmd/main.go': [
    'package main',
    '',
    'import "os"',
    '',
    'func main() {',
    `\t${main}`,
    '}',
    '',
    'func load(args []string, getEnvVal func(string) string) config {',
    '\treturn config{port: getEnvVal("PORT"), host: getEnvVal("HOST")}',
    '}',
    '',
  ].join('\n'),
});

describe('round 32: environment reads through a passed function', () => {
  it('os.Getenv passed as a value is an environment read, cited at its line', async () => {
    const r = await runRuleOn(configExternalized, goTree('os.Exit(run(load(os.Args[1:], os.Getenv)))'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toMatch(/no environment reads/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'cmd/main.go', line: 6, note: 'reads configuration from the environment' }),
    );
  });

  it('a loader given a fixed lookup reads no environment', async () => {
    const r = await runRuleOn(
      configExternalized,
      goTree('os.Exit(run(load(os.Args[1:], func(string) string { return "" })))'),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no environment reads in code/);
  });

  it.each([
    ['Java method reference', 'src/main/java/app/Config.java', 'Config c = Config.load(System::getenv);'],
    ['Python reference', 'app/settings.py', 'settings = load_settings(os.getenv)'],
    ['Go cleanenv', 'internal/config/config.go', 'if err := cleanenv.ReadEnv(&cfg); err != nil {'],
    ['Go caarlos0/env', 'internal/config/config.go', 'if err := env.Parse(&cfg); err != nil {'],
    ['django-environ', 'app/settings.py', 'env = environ.Env(DEBUG=(bool, False))'],
    ['python-decouple', 'app/settings.py', 'from decouple import config'],
  ])('%s is an environment read', async (_, path, line) => {
    const r = await runRuleOn(
      configExternalized,
      { 'README.md': README, [path]: `${line}\n`, 'go.mod': 'module x\n\ngo 1.22\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path, line: 1 }));
  });
});
