import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import metrics from './observability/metrics.js';
import structuredLogging from './observability/structured-logging.js';
import errorTracking from './observability/error-tracking.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import timeouts from './reliability/timeouts.js';
import retries from './reliability/retries.js';
import authentication from './security/authentication.js';
import authorization from './security/authorization.js';
import securityMiddleware from './security/security-middleware.js';

/**
 * Blind round 25: what a framework or SDK provides when the code calls it was not credited.
 * A controller-runtime operator (metrics server, zap JSON logger, signal handler, metrics authn/authz
 * filter, a client timeout set through its setter), a NestJS API (a community Sentry module, Stripe's
 * and RxJS's retries) and a Rails app (ActiveJob retry_on with a growing wait).
 */
const goMod = [
  'module github.com/acme/queue-operator', // 1
  '', // 2
  'go 1.22', // 3
  '', // 4
  'require (', // 5
  '\tgithub.com/michaelklishin/rabbit-hole/v3 v3.2.0', // 6
  '\tk8s.io/client-go v0.31.0', // 7
  '\tsigs.k8s.io/controller-runtime v0.19.0', // 8
  ')', // 9
  '', // 10
  'require go.uber.org/zap v1.27.0 // indirect', // 11
].join('\n');
const main = (zapOptions = 'zap.Options{}') =>
  [
    'package main', // 1
    '', // 2
    'import (', // 3
    '\t"flag"', // 4
    '\t"os"', // 5
    '', // 6
    '\tctrl "sigs.k8s.io/controller-runtime"', // 7
    '\t"sigs.k8s.io/controller-runtime/pkg/log/zap"', // 8
    '\t"sigs.k8s.io/controller-runtime/pkg/metrics/filters"', // 9
    '\tmetricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"', // 10
    ')', // 11
    '', // 12
    'func main() {', // 13
    '\tvar metricsAddr string', // 14
    '\tflag.StringVar(&metricsAddr, "metrics-bind-address", ":8080", "metrics address")', // 15
    `\topts := ${zapOptions}`, // 16
    '\topts.BindFlags(flag.CommandLine)', // 17
    '\tflag.Parse()', // 18
    '\tctrl.SetLogger(zap.New(zap.UseFlagOptions(&opts)))', // 19
    '', // 20
    '\toptions := ctrl.Options{', // 21
    '\t\tMetrics: metricsserver.Options{', // 22
    '\t\t\tBindAddress: metricsAddr,', // 23
    '\t\t},', // 24
    '\t\tHealthProbeBindAddress: ":8081",', // 25
    '\t}', // 26
    '\toptions.Metrics.FilterProvider = filters.WithAuthenticationAndAuthorization', // 27
    '\tmgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), options)', // 28
    '\tif err != nil {', // 29
    '\t\tos.Exit(1)', // 30
    '\t}', // 31
    '\tif err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {', // 32
    '\t\tos.Exit(1)', // 33
    '\t}', // 34
    '}', // 35
  ].join('\n');
const controller = [
  'package controller', // 1
  '', // 2
  'import (', // 3
  '\t"context"', // 4
  '', // 5
  '\tctrl "sigs.k8s.io/controller-runtime"', // 6
  ')', // 7
  '', // 8
  'type QueueReconciler struct{}', // 9
  '', // 10
  'func (r *QueueReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {', // 11
  '\tlogger := ctrl.LoggerFrom(ctx)', // 12
  '\tlogger.Info("reconciling", "queue", req.Name)', // 13
  '\treturn ctrl.Result{}, nil', // 14
  '}', // 15
].join('\n');
const factory = [
  'package brokerclient', // 1
  '', // 2
  'import (', // 3
  '\t"time"', // 4
  '', // 5
  '\trabbithole "github.com/michaelklishin/rabbit-hole/v3"', // 6
  ')', // 7
  '', // 8
  'func New(url, user, pass string) (*rabbithole.Client, error) {', // 9
  '\tc, err := rabbithole.NewClient(url, user, pass)', // 10
  '\tif err != nil {', // 11
  '\t\treturn nil, err', // 12
  '\t}', // 13
  '\tc.SetTimeout(30 * time.Second)', // 14
  '\treturn c, nil', // 15
  '}', // 16
].join('\n');
const operator = (zapOptions?: string) => ({
  'go.mod': goMod,
  'cmd/main.go': main(zapOptions),
  'internal/controller/queue_controller.go': controller,
  'internal/brokerclient/factory.go': factory,
});

describe('round 25: a controller-runtime operator gets what the framework provides', () => {
  it("metrics: the manager's metrics server is metrics, cited at the Metrics option", async () => {
    const r = await runRuleOn(metrics, operator(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'cmd/main.go', line: 22, note: expect.stringMatching(/metrics server/) }),
    );
  });

  it('metrics: without controller-runtime, a `Metrics: x.Options{` field is no metrics server', async () => {
    const r = await runRuleOn(
      metrics,
      { ...operator(), 'go.mod': 'module github.com/acme/queue-operator\n\ngo 1.22\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('structured-logging: zap.New from the controller-runtime wrapper is JSON; the per-reconcile logger carries an id', async () => {
    const r = await runRuleOn(structuredLogging, operator(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'cmd/main.go',
        line: 19,
        note: expect.stringMatching(/production mode writes JSON/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'internal/controller/queue_controller.go', line: 12 }),
    );
  });

  it('structured-logging: Development: true writes console text, not JSON', async () => {
    const r = await runRuleOn(structuredLogging, operator('zap.Options{Development: true}'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/without JSON output/);
  });

  it('graceful-shutdown: ctrl.SetupSignalHandler() handed to the manager handles SIGTERM', async () => {
    const r = await runRuleOn(gracefulShutdown, operator(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'cmd/main.go', line: 32 }));
  });

  it('authentication and authorization: the metrics filter covers the only API a manager-only operator serves', async () => {
    for (const rule of [authentication, authorization]) {
      const r = await runRuleOn(rule, operator(), { profile: 'service' });
      expect(r.outcome).toBe('pass');
      expect(r.message).toMatch(/metrics endpoint; the manager is the only HTTP server/);
      expect(r.evidence).toContainEqual(
        expect.objectContaining({ path: 'cmd/main.go', line: 27, note: expect.stringMatching(/metrics filter/) }),
      );
    }
  });

  it('authentication: beside an application HTTP server the metrics filter is partial (metrics only)', async () => {
    const r = await runRuleOn(
      authentication,
      {
        ...operator(),
        'cmd/api/main.go':
          'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/queues", list)\n\thttp.ListenAndServe(":9000", nil)\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/metrics endpoint only/);
  });

  it('security-middleware: not applicable when the only HTTP server is a controller-runtime manager', async () => {
    const r = await runRuleOn(securityMiddleware, operator(), { profile: 'service' });
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toMatch(/controller-runtime manager \(cmd\/main\.go:28\)/);
  });

  it('timeouts: a client timeout set through its setter bounds its calls', async () => {
    const r = await runRuleOn(timeouts, operator(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'internal/brokerclient/factory.go', line: 14 }));
    const off = await runRuleOn(
      timeouts,
      { ...operator(), 'internal/brokerclient/factory.go': factory.replace('c.SetTimeout(30 * time.Second)', '') },
      { profile: 'service' },
    );
    expect(off.outcome).not.toBe('pass');
  });
});

const nestPackage = (sentry: string) =>
  JSON.stringify({
    name: 'charity-api',
    dependencies: {
      '@nestjs/core': '^10.0.0',
      '@nestjs/common': '^10.0.0',
      [sentry]: '^4.0.0',
      '@sentry/node': '^7.60.0',
      stripe: '^14.0.0',
      rxjs: '^7.8.0',
    },
  });
const appModule = (from: string) =>
  [
    "import { Module } from '@nestjs/common'", // 1
    `import { SentryModule } from '${from}'`, // 2
    '', // 3
    '@Module({', // 4
    '  imports: [', // 5
    '    SentryModule.forRootAsync({', // 6
    '      useFactory: async () => ({ dsn: process.env.SENTRY_DSN }),', // 7
    '    }),', // 8
    '  ],', // 9
    '})', // 10
    'export class AppModule {}', // 11
  ].join('\n');
const stripeFactory = [
  "import Stripe from 'stripe'", // 1
  '', // 2
  'export const stripe = new Stripe(process.env.STRIPE_KEY ?? "", {', // 3
  "  apiVersion: '2024-06-20',", // 4
  '  maxNetworkRetries: 2,', // 5
  '})', // 6
  '', // 7
  'export async function charge(amount: number) {', // 8
  "  return stripe.paymentIntents.create({ amount, currency: 'eur' })", // 9
  '}', // 10
].join('\n');
const nest = (sentry: string, from: string, stripeCode = stripeFactory) => ({
  'package.json': nestPackage(sentry),
  'src/main.ts':
    "import { NestFactory } from '@nestjs/core'\nimport { AppModule } from './app.module'\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule)\n  await app.listen(3000)\n}\nbootstrap()\n",
  'src/app.module.ts': appModule(from),
  'src/payments/stripe.ts': stripeCode,
});

describe('round 25: a NestJS API gets what its modules and SDKs provide', () => {
  it('error-tracking: SentryModule.forRootAsync from @ntegral/nestjs-sentry starts Sentry', async () => {
    const r = await runRuleOn(errorTracking, nest('@ntegral/nestjs-sentry', '@ntegral/nestjs-sentry'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/app.module.ts', line: 6, note: expect.stringMatching(/Sentry\.init/) }),
    );
  });

  it('error-tracking: the official @sentry/nestjs module needs Sentry.init elsewhere: it alone is no initialisation', async () => {
    const r = await runRuleOn(errorTracking, nest('@sentry/nestjs', '@sentry/nestjs/setup'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
  });

  it("retries: Stripe's maxNetworkRetries and RxJS retry({ count, delay }) retry with a wait", async () => {
    const r = await runRuleOn(retries, nest('@ntegral/nestjs-sentry', '@ntegral/nestjs-sentry'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/payments/stripe.ts', line: 5 }));
    const rx = await runRuleOn(
      retries,
      nest(
        '@ntegral/nestjs-sentry',
        '@ntegral/nestjs-sentry',
        stripeFactory
          .replace('  maxNetworkRetries: 2,\n', '')
          .replace(
            "  return stripe.paymentIntents.create({ amount, currency: 'eur' })",
            "  return from(stripe.paymentIntents.create({ amount, currency: 'eur' })).pipe(retry({ count: 2, delay: 500 }))",
          ),
      ),
      { profile: 'service' },
    );
    expect(rx.outcome).toBe('pass');
    expect(rx.evidence).toContainEqual(expect.objectContaining({ path: 'src/payments/stripe.ts', line: 8 }));
    const none = await runRuleOn(
      retries,
      nest('@ntegral/nestjs-sentry', '@ntegral/nestjs-sentry', stripeFactory.replace('  maxNetworkRetries: 2,\n', '')),
      { profile: 'service' },
    );
    expect(none.outcome).not.toBe('pass');
  });
});

const rails = (retryOn: string) => ({
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\ngem "faraday"\n',
  'config/application.rb': 'module Registry\n  class Application < Rails::Application\n  end\nend\n',
  'app/jobs/application_job.rb': `class ApplicationJob < ActiveJob::Base\n  ${retryOn}\nend\n`,
  'app/jobs/notify_hook_job.rb':
    'class NotifyHookJob < ApplicationJob\n  def perform(url)\n    Faraday.new(url, request: { timeout: 5 }).post("/", "{}")\n  end\nend\n',
});

describe('round 25: ActiveJob retry_on with a growing wait retries the job that makes the call', () => {
  it('retry_on StandardError, wait: :polynomially_longer in ApplicationJob: pass, cited with the job call', async () => {
    const r = await runRuleOn(retries, rails('retry_on StandardError, wait: :polynomially_longer, attempts: 5'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/jobs/application_job.rb', line: 2 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/jobs/notify_hook_job.rb', line: 3 }));
  });

  it('retry_on without a wait that grows stays a job retry (partial)', async () => {
    const r = await runRuleOn(retries, rails('retry_on ActiveRecord::Deadlocked'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
  });
});

describe('round 25: a Rails log payload field set from the request id is request correlation', () => {
  const tree = (field: string) => ({
    Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 8.0"\ngem "rails_semantic_logger"\n',
    'config/application.rb': 'module Registry\n  class Application < Rails::Application\n  end\nend\n',
    'config/environments/production.rb':
      'Rails.application.configure do\n  config.rails_semantic_logger.format = :json\n  config.semantic_logger.add_appender(io: $stdout, formatter: :json)\nend\n',
    'config/initializers/semantic_logger.rb': [
      'class RequestPayload < RailsSemanticLogger::ActionController::LogSubscriber', // 1
      '  def process_action(event)', // 2
      '    payload = event.payload', // 3
      '    payload[:http] = {', // 4
      `      ${field},`, // 5
      '      method: request.method', // 6
      '    }', // 7
      '  end', // 8
      'end', // 9
    ].join('\n'),
  });
  it('`request_id: request.uuid` in the payload: pass, cited', async () => {
    const r = await runRuleOn(structuredLogging, tree('request_id: request.uuid'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'config/initializers/semantic_logger.rb', line: 5 }),
    );
  });
  it('another field from the request is no correlation id', async () => {
    const r = await runRuleOn(structuredLogging, tree('path: request.path'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Suggestion: attach a request/correlation id');
  });
});
