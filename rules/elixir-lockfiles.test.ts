import lockfiles from './security/lockfiles.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { mixExs, phoenixService } from '../src/testing/elixir-trees.js';

const service = phoenixService();
const { 'mix.lock': _lock, ...unlocked } = service;

ruleTester(lockfiles, {
  valid: [
    {
      name: 'a Phoenix service with mix.lock',
      tree: service,
      expect: { outcome: 'pass', evidence: [{ path: 'mix.exs' }] },
    },
    {
      name: 'an umbrella app shares the root mix.lock',
      tree: {
        'mix.exs':
          'defmodule Umbrella.MixProject do\n  use Mix.Project\n  def project, do: [apps_path: "apps", deps: []]\nend\n',
        'mix.lock': '%{}\n',
        'apps/shop/mix.exs': mixExs(['{:jason, "~> 1.4"}'], ['lockfile: "../../mix.lock",']),
        'apps/shop/lib/shop.ex': 'defmodule Shop do\nend\n',
      },
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'a Phoenix service without mix.lock',
      tree: unlocked,
      expect: { outcome: 'fail', message: 'mix.exs' },
    },
  ],
});
