/**
 * Blind round 49: a monorepo deployed to Heroku keeps its Procfile in the component it runs
 * (`backend/Procfile`) and a Heroku app manifest (`frontend/app.json`: buildpacks, formation) in
 * another: Heroku is the deployment target, not "no PaaS described" beside a development compose file.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import orchestration from './operations/orchestration.js';

const tree = {
  'backend/Gemfile': "source 'https://rubygems.org'\ngem 'rails'\ngem 'puma'\n",
  'backend/config/routes.rb': "Rails.application.routes.draw do\n  get '/up', to: 'health#show'\nend\n",
  'backend/Procfile': 'web: bundle exec puma -C config/puma.rb\nworker: bundle exec sidekiq\n',
  'frontend/package.json': JSON.stringify({ name: 'web', dependencies: { 'ember-source': '^4.0.0' } }),
  'docker-compose.yml':
    'services:\n  backend:\n    build: ./backend\n    volumes:\n      - ./backend:/app\n  db:\n    image: postgres:16\n',
  'README.md': '# Tracker\n\nA symptom tracker.\n',
};
const MANIFEST = JSON.stringify(
  { name: 'tracker-web', buildpacks: [{ url: 'heroku/nodejs' }], formation: { web: { quantity: 1 } } },
  null,
  2,
);

describe('orchestration: Heroku in a monorepo (blind round 49)', () => {
  it('a component Procfile beside an app.json Heroku manifest: Heroku is the target', async () => {
    const r = await runRuleOn(orchestration, { ...tree, 'frontend/app.json': MANIFEST }, { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toContain('Heroku');
    expect(r.evidence[0]).toMatchObject({ path: 'backend/Procfile' });
  });
  it('a component heroku.yml (build and run) is Heroku too', async () => {
    const r = await runRuleOn(
      orchestration,
      { ...tree, 'backend/heroku.yml': 'build:\n  docker:\n    web: Dockerfile\nrun:\n  web: bundle exec puma\n' },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toContain('Heroku');
  });
  it('a component Procfile with nothing that names Heroku is no deployment target', async () => {
    const r = await runRuleOn(orchestration, tree, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).not.toContain('Heroku');
  });
  it('an Expo app.json is no Heroku manifest', async () => {
    const expo = JSON.stringify({ expo: { name: 'tracker', slug: 'tracker', platforms: ['ios'] }, stack: 'x' });
    const r = await runRuleOn(orchestration, { ...tree, 'frontend/app.json': expo }, { profile: 'service' });
    expect(r.message).not.toContain('Heroku');
  });
});
