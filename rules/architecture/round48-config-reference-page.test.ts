/**
 * Blind round 48: a Ruby service reads its settings from a YAML file (`~/.cachebox/config.yml`, path
 * overridable by CACHEBOX_CONFIG) and documents every key on a man page written in Markdown
 * (docs/cachebox-configuration.5.md: a section per setting, the key as code on its own line). That
 * is documentation of the settings; the rule said "no … documentation of the settings". A docs page
 * named for configuration that names fewer than three settings, or a page of another name, is none.
 */
import { describe, expect, it } from 'vitest';
import rule from './config-externalized.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const PAGE = [
  '# Name', // 1
  '', // 2
  'cachebox-configuration', // 3
  '', // 4
  '# Base Path', // 5
  '', // 6
  '`:base_path`', // 7
  '', // 8
  'Where cached files and the database are stored.', // 9
  '', // 10
  '# Cache Type', // 11
  '', // 12
  '`:cache_type`', // 13
  '', // 14
  'memory or memcached.', // 15
  '', // 16
  '# Bind', // 17
  '', // 18
  '`:bind`', // 19
  '', // 20
  'The address the server listens on.', // 21
].join('\n');

const tree = (extra: Tree): Tree => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'puma'\ngem 'sinatra'\n",
  'cachebox.gemspec': 'Gem::Specification.new do |s|\n  s.name = "cachebox"\n  s.add_dependency "puma"\nend\n',
  'lib/cachebox/configuration.rb': [
    'module Cachebox',
    '  class Configuration',
    '    def self.path',
    "      ENV['CACHEBOX_CONFIG'] || File.expand_path('~/.cachebox/config.yml')",
    '    end',
    '  end',
    'end',
  ].join('\n'),
  'lib/cachebox/web.rb': "require 'sinatra/base'\nmodule Cachebox\n  class Web < Sinatra::Base\n  end\nend\n",
  'README.md': '# Cachebox\n\nA caching proxy for gems.\n',
  ...extra,
});

describe('round 48: settings documented on a configuration page under docs/', () => {
  it('finds and cites the configuration page that describes the settings', async () => {
    const r = await runRuleOn(rule, tree({ 'docs/cachebox-configuration.5.md': PAGE }), { profile: 'service' });
    const cited = r.evidence.find((e) => e.path === 'docs/cachebox-configuration.5.md');
    expect(cited?.line, r.message).toBe(7);
    expect(cited?.note).toMatch(/configuration reference page: describes 3 settings/);
    expect(r.message).not.toMatch(/documentation of the settings/);
  });
  it('a configuration page naming fewer than three settings documents none', async () => {
    const short = PAGE.split('\n').slice(0, 16).join('\n');
    const r = await runRuleOn(rule, tree({ 'docs/cachebox-configuration.5.md': short }), { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'docs/cachebox-configuration.5.md')).toBe(false);
    expect(r.message).toMatch(/documentation of the settings/);
  });
  it('a docs page of another name is not a configuration page', async () => {
    const r = await runRuleOn(rule, tree({ 'docs/cachebox-mirror.7.md': PAGE }), { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'docs/cachebox-mirror.7.md')).toBe(false);
  });
});
