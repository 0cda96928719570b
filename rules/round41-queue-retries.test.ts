/**
 * Blind round 41, class "task-queue job retries of a less common queue": taskiq's
 * `@broker.task(retry_on_error=True, max_retries=3)` re-runs a failed task, like Sidekiq's
 * `retry:` and ActiveJob's `retry_on`, which were partial (job retries, not a retry of the call);
 * taskiq's gave fail. The retry settings of task queues are one catalogue now.
 */
import { describe, expect, it } from 'vitest';
import retries from './reliability/retries.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const py = (tasks: string, extra: Tree = {}): Tree => ({
  'pyproject.toml':
    '[project]\nname = "api"\ndependencies = ["fastapi", "httpx", "taskiq", "celery", "dramatiq", "rq"]\n',
  'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
  'app/clients/weather.py':
    'import httpx\n\nasync def forecast(city: str):\n    async with httpx.AsyncClient() as c:\n        return (await c.get(f"https://api.example.com/{city}")).json()\n',
  'app/tasks.py': tasks,
  ...extra,
});

describe('round 41: task-queue retry settings are job retries (partial), whatever the queue', () => {
  it('taskiq retry_on_error/max_retries on a broker task: partial, naming taskiq and the line', async () => {
    const r = await runRuleOn(
      retries,
      py(
        'from app.broker import broker\n\n@broker.task(\n    task_name="cleanup",\n    retry_on_error=True,\n    max_retries=3,\n)\nasync def cleanup():\n    ...\n',
      ),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.3);
    expect(r.message).toMatch(/^Only jobs are retried: \d job retr\w+ \(taskiq retry\)/);
    expect(r.message).toContain('not retried with backoff');
    expect(r.evidence[0]).toMatchObject({ path: 'app/tasks.py', line: 5 });
  });

  it('Celery max_retries, Dramatiq actors and RQ Retry(max=…) are job retries too', async () => {
    for (const [tasks, queue] of [
      [
        'from celery import shared_task\n\n@shared_task(bind=True, max_retries=5)\ndef sync(self):\n    ...\n',
        'Celery retry',
      ],
      ['import dramatiq\n\n@dramatiq.actor(max_retries=4)\ndef sync():\n    ...\n', 'Dramatiq retry'],
      ['from rq import Queue, Retry\n\nq.enqueue(sync, retry=Retry(max=3, interval=[10, 30, 60]))\n', 'RQ Retry'],
    ] as const) {
      const r = await runRuleOn(retries, py(tasks), { profile: 'service' });
      expect(r.outcome, queue).toBe('partial');
      expect(r.message, queue).toContain(`(${queue})`);
    }
  });

  it('BullMQ attempts without backoff and Hangfire AutomaticRetry are job retries', async () => {
    const bull = await runRuleOn(
      retries,
      {
        'package.json': '{"name":"api","dependencies":{"bullmq":"5.0.0","axios":"1.7.0","express":"4.19.0"}}',
        'src/server.ts': "import express from 'express';\nexpress().listen(3000);\n",
        'src/client.ts':
          "import axios from 'axios';\nexport const get = () => axios.get('https://api.example.com/x');\n",
        'src/queue.ts':
          "import { Queue } from 'bullmq';\nconst q = new Queue('mail');\nexport const send = (to: string) => q.add('send', { to }, { attempts: 5 });\n",
      },
      { profile: 'service' },
    );
    expect(bull.outcome).toBe('partial');
    expect(bull.message).toContain('(Bull/BullMQ attempts)');
  });

  it('a max_retries= or attempts: outside a task queue is no job retry (fail stays fail)', async () => {
    const r = await runRuleOn(
      retries,
      py('class Settings:\n    max_retries = 3\n\ndef setup(max_retries=3):\n    return max_retries\n', {
        'pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi", "httpx"]\n',
      }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    const js = await runRuleOn(
      retries,
      {
        'package.json': '{"name":"api","dependencies":{"axios":"1.7.0","express":"4.19.0"}}',
        'src/server.ts': "import express from 'express';\nexpress().listen(3000);\n",
        'src/client.ts':
          "import axios from 'axios';\nexport const opts = { attempts: 5 };\nexport const get = () => axios.get('https://api.example.com/x');\n",
      },
      { profile: 'service' },
    );
    expect(js.outcome).toBe('fail');
  });
});
