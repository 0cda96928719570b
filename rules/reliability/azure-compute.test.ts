import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import healthChecks from './health-checks.js';
import redundancy from './redundancy.js';

// An Azure estate of root stacks (a backend, environments): App Service, a container group, SQL (blind round 36).
const backend = 'terraform {\n  backend "azurerm" {}\n}\nprovider "azurerm" {\n  features {}\n}\n';
const plan = (extra: string) =>
  `resource "azurerm_service_plan" "apps" {\n  name     = "asp"\n  os_type  = "Linux"\n  sku_name = "P1v3"\n${extra}}\n`;
const webApp = (siteConfig: string) =>
  `resource "azurerm_linux_web_app" "web" {\n  name            = "web"\n  service_plan_id = azurerm_service_plan.apps.id\n  site_config {\n${siteConfig}  }\n}\n`;
const containerGroup = (probe: string) =>
  `resource "azurerm_container_group" "scan" {\n  name    = "clamav"\n  os_type = "Linux"\n  container {\n    name   = "clamav"\n    image  = "clamav/clamav"\n    cpu    = 1\n    memory = 2\n${probe}  }\n}\n`;

describe('health-checks: Azure App Service, Functions and container groups are compute', () => {
  it('web apps with health_check_path and probed containers pass; they are not "no compute in IaC"', async () => {
    const run = await runRuleOn(healthChecks, {
      'stacks/prod/main.tf': backend,
      'stacks/prod/app.tf':
        plan('') +
        webApp('    health_check_path                 = "/health"\n    health_check_eviction_time_in_min = 5\n'),
      'stacks/prod/scan.tf': containerGroup(
        '    liveness_probe {\n      exec = ["clamdcheck"]\n    }\n    readiness_probe {\n      exec = ["clamdcheck"]\n    }\n',
      ),
    });
    expect(run.outcome, run.message).toBe('pass');
  });

  it('a web app without health_check_path and a container group without probes are units nothing checks: fail', async () => {
    const run = await runRuleOn(healthChecks, {
      'stacks/prod/main.tf': backend,
      'stacks/prod/app.tf': plan('') + webApp('    always_on = true\n'),
      'stacks/prod/scan.tf': containerGroup(''),
    });
    expect(run.outcome, run.message).not.toBe('not-applicable');
    expect(run.outcome).not.toBe('pass');
    expect(run.evidence.map((e) => e.note)).toEqual(
      expect.arrayContaining([
        'azurerm_linux_web_app.web has no health_check_path: nothing checks it',
        'azurerm_container_group.scan has no liveness or readiness probe: nothing checks it',
      ]),
    );
  });

  it('an Application Insights availability test checks the deployed endpoint', async () => {
    const run = await runRuleOn(healthChecks, {
      'stacks/prod/main.tf': backend,
      'stacks/prod/app.tf': plan('') + webApp('    always_on = true\n'),
      'stacks/prod/monitoring.tf':
        'resource "azurerm_application_insights_standard_web_test" "portal" {\n  name = "portal"\n  request {\n    url = "https://example.org/health"\n  }\n}\n',
    });
    expect(run.outcome, run.message).toBe('partial');
  });
});

describe('redundancy: Azure failover groups, worker counts and zone balancing', () => {
  it('a SQL failover group and a plan of three zone-balanced workers are redundant', async () => {
    const run = await runRuleOn(redundancy, {
      'stacks/prod/main.tf': backend,
      'stacks/prod/app.tf': plan('  worker_count           = 3\n  zone_balancing_enabled = true\n'),
      'stacks/prod/db.tf':
        'resource "azurerm_mssql_failover_group" "fog" {\n  name      = "fog"\n  server_id = azurerm_mssql_server.primary.id\n  partner_server {\n    id = azurerm_mssql_server.secondary.id\n  }\n  read_write_endpoint_failover_policy {\n    mode = "Manual"\n  }\n}\n',
    });
    expect(run.outcome, run.message).toBe('pass');
  });

  it('a dedicated plan with worker_count unset runs one instance: not redundant', async () => {
    const run = await runRuleOn(redundancy, {
      'stacks/prod/main.tf': backend,
      'stacks/prod/app.tf': plan(''),
    });
    expect(run.outcome, run.message).not.toBe('pass');
    expect(run.outcome).not.toBe('unknown');
    expect(run.evidence.map((e) => e.note)).toContain(
      'azurerm_service_plan.apps: sku P1v3, worker_count unset (one instance)',
    );
  });

  it('a consumption plan scales out by itself: not judged', async () => {
    const run = await runRuleOn(redundancy, {
      'stacks/prod/main.tf': backend,
      'stacks/prod/app.tf': plan('').replace('"P1v3"', '"Y1"'),
    });
    expect(run.outcome, run.message).toBe('unknown');
  });
});
