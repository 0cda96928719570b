/**
 * Issue 15, blind round 50: a production Airflow deployment (`FROM apache/airflow` + DAGs, pushed by
 * CI) failed health endpoints, authorization, graceful shutdown, retries, migrations, alerting and
 * metrics as if its own code had to provide them. What the platform provides by default is its
 * practice; what it offers only when set up (task retries, failure e-mails, StatsD) is looked for.
 * A Python service with a dags/ folder of its own and no Airflow, and a library that only depends
 * on Airflow, keep their verdicts. Real facts and scan, on in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import databaseMigrations from '../../rules/architecture/database-migrations.js';
import alerting from '../../rules/observability/alerting.js';
import healthEndpoints from '../../rules/observability/health-endpoints.js';
import metrics from '../../rules/observability/metrics.js';
import gracefulShutdown from '../../rules/reliability/graceful-shutdown.js';
import retries from '../../rules/reliability/retries.js';
import authorization from '../../rules/security/authorization.js';
import type { Tree } from '../testing/memory.js';
import { runRuleOn } from '../testing/rule-tester.js';

const dag = (extra: string) =>
  [
    'import datetime', // 1
    'from airflow import DAG', // 2
    'from airflow.operators.bash import BashOperator', // 3
    '', // 4
    'default_args = {', // 5
    '    "owner": "data",', // 6
    extra, // 7
    '}', // 8
    '', // 9
    'with DAG("daily_report", default_args=default_args) as dag:', // 10
    '    BashOperator(task_id="run", bash_command="echo run")', // 11
    '',
  ].join('\n');

const airflow: Tree = {
  'requirements.in': 'apache-airflow[statsd,postgres]==2.10.5\n',
  'requirements.txt': 'apache-airflow==2.10.5\nsqlalchemy==1.4.54\npsycopg2-binary==2.9.9\nrequests==2.32.3\n',
  'README.md': '# Airflow DAGs\n\nDeployed to production by the platform team.\n',
  Dockerfile: [
    'FROM apache/airflow:slim-2.10.5-python3.11',
    'USER airflow',
    'COPY requirements.txt /',
    'RUN pip install --no-cache-dir -r /requirements.txt',
    'COPY dags/ /opt/airflow/dags/',
    '',
  ].join('\n'),
  'dags/daily_report.py': dag(
    '    "retries": 2,\n    "retry_delay": datetime.timedelta(minutes=30),\n    "email_on_failure": True,',
  ),
  '.github/workflows/image.yml': [
    'name: image',
    'on:',
    '  push:',
    '    branches: [main]',
    'jobs:',
    '  image:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    '          push: true',
    '          tags: registry.example.com/data/airflow:${{ github.sha }}',
    '',
  ].join('\n'),
};

/** A Flask service of its own whose folder happens to be called dags/: no Airflow anywhere. */
const flask: Tree = {
  'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\nsqlalchemy==2.0.30\npsycopg2-binary==2.9.9\n',
  Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["python", "/app/app.py"]\n',
  'app.py':
    'from flask import Flask\nfrom sqlalchemy import create_engine\n\napp = Flask(__name__)\nengine = create_engine("postgresql://db/app")\n\n@app.get("/items")\ndef items():\n    return []\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=8000)\n',
  'dags/graph.py': 'default_args = {"retries": 2, "retry_delay": 5, "email_on_failure": True}\n',
};

describe('an Airflow deployment gets what Airflow provides; what it only offers is looked for', () => {
  it("health endpoints, authorization and graceful shutdown are the framework's, the image cited", async () => {
    const health = await runRuleOn(healthEndpoints, airflow, { profile: 'service' });
    expect(health.outcome).toBe('pass');
    expect(health.message).toContain("Health endpoints are the framework's: the Airflow webserver serves /health");
    expect(health.evidence.map((e) => `${e.path}:${e.line}`)).toContain('Dockerfile:1');
    const authz = await runRuleOn(authorization, airflow, { profile: 'service' });
    expect(authz.outcome).toBe('pass');
    expect(authz.message).toContain('role-based access control');
    // Airflow 1.x served its UI without RBAC unless asked: no authorization by default.
    const old = { ...airflow, Dockerfile: airflow.Dockerfile!.toString().replace('slim-2.10.5', '1.10.15') };
    expect((await runRuleOn(authorization, old, { profile: 'service' })).outcome).toBe('fail');
    const { Dockerfile: _d, ...pinned } = airflow;
    const old1 = { ...pinned, 'requirements.in': 'apache-airflow==1.10.15\n' };
    expect((await runRuleOn(authorization, old1, { profile: 'service' })).outcome).toBe('fail');
    expect((await runRuleOn(healthEndpoints, old1, { profile: 'service' })).outcome).toBe('pass');
    const shutdown = await runRuleOn(gracefulShutdown, airflow, { profile: 'service' });
    expect(shutdown.outcome).toBe('pass');
    expect(shutdown.message).toContain('Celery workers finish the tasks they run');
  });

  it('DAG default_args retries pass with their delay cited; with none set the rule still fails', async () => {
    const run = await runRuleOn(retries, airflow, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain(
      'Failed tasks are retried by Apache Airflow: 1 file of flows set task retries (dags/daily_report.py:7)',
    );
    expect(run.message).toContain('1 with a delay or backoff');
    // Retries without retry_delay: Airflow's default delay (300 s) is said.
    const bare = { ...airflow, 'dags/daily_report.py': dag('    "retries": 1,') };
    expect((await runRuleOn(retries, bare, { profile: 'service' })).message).toContain(
      'default_task_retry_delay (300 s)',
    );
    // retries 0 (Airflow's default) is no retry.
    const none = { ...airflow, 'dags/daily_report.py': dag('    "retries": 0,') };
    expect((await runRuleOn(retries, none, { profile: 'service' })).outcome).toBe('fail');
  });

  it("the metadata database is Airflow's to migrate; a table of the project's own still needs migrations", async () => {
    // A DAG that reads another system's database through SQLAlchemy.
    const reads = {
      ...airflow,
      'dags/warehouse.py': 'import sqlalchemy\n\nengine = sqlalchemy.create_engine("postgresql://warehouse/x")\n',
    };
    const run = await runRuleOn(databaseMigrations, reads, { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain("Airflow's metadata database, whose schema Airflow migrates itself");
    const own = { ...reads, 'plugins/store.py': 'SQL = "CREATE TABLE runs (id int)"\n' };
    expect((await runRuleOn(databaseMigrations, own, { profile: 'service' })).outcome).not.toBe('not-applicable');
  });

  it('failure e-mails are partial alerting, the missing alert rules said; the StatsD extra alone is partial metrics', async () => {
    const alert = await runRuleOn(alerting, airflow, { profile: 'service' });
    expect(alert.outcome).toBe('partial');
    expect(alert.message).toContain('Failed tasks notify');
    expect(alert.message).toContain('Missing: no alert rules on the service itself');
    const quiet = { ...airflow, 'dags/daily_report.py': dag('    "retries": 1,') };
    expect((await runRuleOn(alerting, quiet, { profile: 'service' })).outcome).toBe('fail');
    const m = await runRuleOn(metrics, airflow, { profile: 'service' });
    expect(m.outcome).toBe('partial');
    expect(m.message).toContain('installed (requirements.in:1), but not switched on');
    const on = {
      ...airflow,
      'docker-compose.yml':
        "services:\n  scheduler:\n    image: airflow\n    environment:\n      AIRFLOW__METRICS__STATSD_ON: 'true'\n",
    };
    const enabled = await runRuleOn(metrics, on, { profile: 'service' });
    expect(enabled.outcome).toBe('pass');
    expect(enabled.evidence.map((e) => `${e.path}:${e.line}`)).toContain('docker-compose.yml:5');
  });

  it('the package beside a dags/ folder is a deployment too; the package alone, or a dags/ folder alone, is not', async () => {
    const { Dockerfile: _d, ...noImage } = airflow;
    expect((await runRuleOn(healthEndpoints, noImage, { profile: 'service' })).outcome).toBe('pass');
    // A library that depends on Airflow keeps its example DAGs away from its manifest: no deployment.
    const { 'dags/daily_report.py': example, ...noDags } = noImage;
    const library = { ...noDags, 'dev/dags/example.py': example! };
    expect((await runRuleOn(healthEndpoints, library, { profile: 'service' })).outcome).toBe('fail');
    expect((await runRuleOn(retries, library, { profile: 'service' })).message).not.toContain('Airflow');
    const lib = { ...noDags, 'report/tasks.py': 'from airflow.models import BaseOperator\n' };
    expect((await runRuleOn(healthEndpoints, lib, { profile: 'service' })).outcome).toBe('fail');
    for (const rule of [healthEndpoints, authorization, gracefulShutdown, retries, alerting])
      expect((await runRuleOn(rule, flask, { profile: 'service' })).message).not.toMatch(/Airflow|framework's/);
    expect((await runRuleOn(databaseMigrations, flask, { profile: 'service' })).outcome).toBe('fail');
  });
});
