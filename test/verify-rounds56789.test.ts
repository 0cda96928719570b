/**
 * readiness verify: classes found on rounds 5–9 together (used for development, third helper), each on
 * a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';
import { replacedNames } from '../src/verify/judge.js';

const verifyIn = verifier('STATUS.md');

describe("a named feature: a file, folder or dependency named by the claim's words settles it", () => {
  const tree: Tree = {
    Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'rack-attack'\n",
    'app/models/delivery_slot_change_request.rb': 'class DeliverySlotChangeRequest < ApplicationRecord\nend\n',
    'app/models/partner_network.rb': 'class PartnerNetwork < ApplicationRecord\nend\n',
    'app/services/cache_store.rb': 'class CacheStore\nend\n',
    'test/models/loyalty_card_test.rb': 'class LoyaltyCardTest\nend\n',
    'docs/gift-voucher.md': '# Gift vouchers\n',
    'app/models/referral_code.rb': 'class ReferralCode < ApplicationRecord\nend\n',
  };
  const doc = [
    '# Garden shop status', //  1
    '', //  2
    '## Done', //  3
    '', //  4
    '- ✅ Delivery slot change request system with approval workflow', //  5
    '- ✅ Partner Networks: complete partner organisation management', //  6
    '- ✅ Comprehensive Rack::Attack configuration', //  7
    '- ✅ Memcached caching layer', //  8
    '- ✅ Loyalty card program', //  9
    '- ✅ Gift voucher checkout', // 10
    '', // 11
    '## Missing', // 12
    '', // 13
    '- ❌ Partner network', // 14
    '- ❌ Seasonal price rules', // 15
    '', // 16
    '## Also done', // 17
    '', // 18
    '- ✅ Referral System: polymorphic referral code flow', // 19
  ].join('\n');
  const { at } = verifyIn(tree, doc, reportWith([]));

  it("a multi-word phrase that is a code file's name confirms, citing the file", () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]?.path).toBe('app/models/delivery_slot_change_request.rb');
    expect(at(5).evidence[0]?.line).toBe(1);
    expect(at(6).verdict).toBe('confirmed');
  });

  it('a short line said to be done: its description names the thing when its lead does not', () => {
    expect(at(19).verdict).toBe('confirmed');
    expect(at(19).evidence[0]?.path).toBe('app/models/referral_code.rb');
  });

  it('a product written as code (Rack::Attack) names a dependency', () => {
    expect(at(7).verdict).toBe('confirmed');
    expect(at(7).reason).toContain('rack-attack');
  });

  it('a product the repository lacks is not confirmed by a file named for the practice', () => {
    expect(at(8).verdict).not.toBe('confirmed');
  });

  it('a test file or a document named for the feature is not the feature', () => {
    expect(at(9).verdict).not.toBe('confirmed');
    expect(at(10).verdict).not.toBe('confirmed');
  });

  it('an item listed as missing whose named thing is there is out of date: contradicted', () => {
    expect(at(14).verdict).toBe('contradicted');
    expect(at(15).verdict).not.toBe('contradicted');
  });
});

describe('a claimed replacement: the name replaced must be gone', () => {
  const doc = [
    '# Front-end status', // 1
    '', // 2
    '- ✅ **Asset pipeline**: template fix (replaced `legacy_bundle_tag`)', // 3
  ].join('\n');
  const manifest = { 'composer.json': '{"require": {"symfony/asset-mapper": "^7.3"}}\n' };
  it('the old name absent: confirmed, not "not found" against the claim', () => {
    const tree: Tree = { ...manifest, 'templates/layout.html.twig': "<html>{{ importmap('app') }}</html>\n" };
    const { at } = verifyIn(tree, doc, reportWith([]));
    expect(at(3).verdict).toBe('confirmed');
  });
  it('the replaced name is read after the verb, in several languages, not after "replaced by"', () => {
    expect(replacedNames('Asset pipeline (replaced `legacy_bundle_tag`)')).toEqual(['legacy_bundle_tag']);
    expect(replacedNames('Dates: dayjs au lieu de moment.js')).toEqual(['moment.js']);
    expect(replacedNames('Logger ersetzt winston')).toEqual(['winston']);
    expect(replacedNames('Old logger replaced by pino')).toEqual([]);
  });
});
