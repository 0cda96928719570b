/**
 * Blind round 25, class "in-house use of a mechanism": feature flags a project wrote itself that
 * bucket requests against a per-flag share of traffic (`return bucket_value <= config.enabled`),
 * asked by production code, are a percentage rollout: partial credit (no flag service: the share
 * changes with a release of its configuration). Defined and never asked, they stage nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import progressiveDelivery from './progressive-delivery.js';

const FLAGS = [
  'import hashlib', // 1
  '', // 2
  '', // 3
  'class FeatureFlags:', // 4
  '    def __init__(self, flags: dict) -> None:', // 5
  '        self.flags = flags', // 6
  '', // 7
  '    def is_enabled(self, name: str, session_id: str) -> bool:', // 8
  '        config = self.flags.get(name)', // 9
  '        if config is None:', // 10
  '            return False', // 11
  '        bucket = int.from_bytes(hashlib.sha256(session_id.encode()).digest()[:4]) / 2**32', // 12
  '        return bucket <= config.enabled', // 13
  '',
].join('\n');

const tree = (asked: boolean): Tree => ({
  'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["fastapi>=0.110"]\n',
  'shop/utils/featureflags.py': FLAGS,
  'shop/configs/flags/production.toml': '[production.flags.new-checkout]\nenabled = 0.1\n',
  'shop/api.py': [
    'from fastapi import FastAPI', // 1
    'from shop.utils.featureflags import FeatureFlags', // 2
    '', // 3
    'app = FastAPI()', // 4
    'flags = FeatureFlags({})', // 5
    '', // 6
    '', // 7
    '@app.get("/checkout")', // 8
    'def checkout(sid: str) -> dict:', // 9
    asked ? '    if flags.is_enabled("new-checkout", sid):' : '    if False:', // 10
    '        return {"flow": "new"}', // 11
    '    return {"flow": "classic"}', // 12
    '',
  ].join('\n'),
});

describe('round 25: hand-written percentage feature flags', () => {
  it('partial 0.6 when production code asks a flag the module buckets by share of traffic', async () => {
    const run = await runRuleOn(progressiveDelivery, tree(true), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.score).toBe(0.6);
    expect(run.message).toBe(
      'Feature flags the project wrote itself roll a change out to a share of traffic (shop/utils/featureflags.py:13), asked in production code; no flag service (the share changes with a release of its configuration) and no canary or blue/green rollout.',
    );
    expect(run.evidence.slice(0, 2)).toEqual([
      expect.objectContaining({
        path: 'shop/utils/featureflags.py',
        line: 13,
        snippet: 'return bucket <= config.enabled',
      }),
      expect.objectContaining({ path: 'shop/api.py', line: 10, note: 'a flag checked in production code' }),
    ]);
  });

  it('fails when nothing outside the module asks a flag', async () => {
    const run = await runRuleOn(progressiveDelivery, tree(false), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({ path: '.' });
  });
});
