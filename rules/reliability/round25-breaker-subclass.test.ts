/**
 * Blind round 25, class "a mechanism applied through the project's own subclass": subclasses of the
 * library's breaker (`class WeatherCircuitBreaker(CircuitBreaker):`, `class PaymentsBreaker extends
 * CircuitBreaker`) applied as decorators or constructed around a call are circuit breakers in use; a
 * subclass nothing applies earns no credit and is named.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import circuitBreakers from './circuit-breakers.js';

const BREAKERS = [
  'from circuitbreaker import CircuitBreaker', // 1
  '', // 2
  '', // 3
  'class ForecastCircuitBreaker(CircuitBreaker):', // 4
  '    FAILURE_THRESHOLD = 5', // 5
  '    RECOVERY_TIMEOUT = 30', // 6
  '', // 7
  '', // 8
  'class FlightsCircuitBreaker(CircuitBreaker):', // 9
  '    FAILURE_THRESHOLD = 3', // 10
  '',
].join('\n');

const provider = (decorated: boolean) =>
  [
    'import httpx', // 1
    'from forecast.governance.breakers import ForecastCircuitBreaker', // 2
    '', // 3
    '', // 4
    'class ForecastProvider:', // 5
    ...(decorated
      ? ['    @ForecastCircuitBreaker(name="forecast")  # opens after 5 failures']
      : ['    # no breaker yet']), // 6
    '    async def query(self, city: str) -> dict:', // 7
    '        async with httpx.AsyncClient(timeout=5) as client:', // 8
    '            r = await client.get(f"https://api.example.com/forecast/{city}")', // 9
    '        return r.json()', // 10
    '',
  ].join('\n');

const tree = (decorated: boolean): Tree => ({
  'pyproject.toml':
    '[project]\nname = "forecast"\ndependencies = ["fastapi>=0.110", "httpx>=0.27", "circuitbreaker>=2.1"]\n',
  'forecast/governance/breakers.py': BREAKERS,
  'forecast/providers/forecast.py': provider(decorated),
});

describe('round 25: circuit breakers applied through a subclass', () => {
  it('passes on the decorator that applies the subclass, citing it and where the subclass is defined', async () => {
    const run = await runRuleOn(circuitBreakers, tree(true), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Circuit breakers found: 1 call site in 1 file.');
    expect(run.evidence[0]).toEqual({
      path: 'forecast/providers/forecast.py',
      line: 6,
      snippet: '@ForecastCircuitBreaker(name="forecast")  # opens after 5 failures',
      note: "applies ForecastCircuitBreaker, a subclass of the library's CircuitBreaker (forecast/governance/breakers.py:4)",
    });
  });

  it('a subclass nothing applies earns the declared-library partial and is named as unused', async () => {
    const run = await runRuleOn(circuitBreakers, tree(false), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.score).toBe(0.4);
    expect(run.message).toContain(
      'ForecastCircuitBreaker is defined at forecast/governance/breakers.py:4; FlightsCircuitBreaker is defined at forecast/governance/breakers.py:9, but never used',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'forecast/governance/breakers.py',
        line: 4,
        note: 'ForecastCircuitBreaker defined here, but never used: no credit',
      }),
    );
  });

  it('a TypeScript class extending the library breaker, constructed around a call, counts too', async () => {
    const run = await runRuleOn(
      circuitBreakers,
      {
        'package.json':
          '{"name":"orders","dependencies":{"express":"4.19.0","axios":"1.7.0","circuit-breaker-js":"0.0.1"}}',
        'src/breaker.ts':
          "import { CircuitBreaker } from 'circuit-breaker-js';\n\nexport class PaymentsBreaker extends CircuitBreaker {\n  windowDuration = 10000;\n}\n",
        'src/payments.ts':
          "import axios from 'axios';\nimport { PaymentsBreaker } from './breaker';\n\nconst guard = new PaymentsBreaker();\n\nexport const charge = (id: string) => guard.run(() => axios.post(`https://pay.example.com/charge/${id}`));\n",
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({
      path: 'src/payments.ts',
      line: 4,
      note: "applies PaymentsBreaker, a subclass of the library's CircuitBreaker (src/breaker.ts:3)",
    });
  });
});
