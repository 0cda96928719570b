/**
 * Blind round 28, languages and vendored code: ReScript (and the other ML-family languages that
 * compile to JavaScript) is statically typed source, measured for size; a library unpacked at a
 * version into a served folder (static/sigma.js/1.1.0/) is someone else's code.
 */
import { describe, expect, it } from 'vitest';
import typeSafety from './architecture/type-safety.js';
import moduleSize from './architecture/module-size.js';
import { detectLanguages } from '../src/facts/languages.js';
import { versionedCopies } from '../src/facts/generated.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const lines = (n: number, line: string) =>
  `${Array.from({ length: n }, (_, i) => line.replace('#', String(i))).join('\n')}\n`;

const RAILS = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n",
  'app/controllers/home_controller.rb': 'class HomeController < ApplicationController\n  def index; end\nend\n',
  'app/models/user.rb': 'class User < ApplicationRecord\nend\n',
};

const rescript = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `app/frontend/shared/Component${i}.res`,
      `let make = (~name: string) => {\n  name ++ "${i}"\n}\n`,
    ]),
  );

describe('ReScript is statically typed source', () => {
  it('a Rails app whose front end is ReScript is not "Ruby (untyped)" alone', async () => {
    const run = await runRuleOn(
      typeSafety,
      { ...RAILS, 'bsconfig.json': '{"name": "app", "sources": ["app/frontend"]}\n', ...rescript(4) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('ReScript (statically typed)');
  });

  it('.res files with no ReScript project file are not ReScript (compiled Windows resources)', () => {
    const found = detectLanguages(['app.rc', 'resources/app.res', 'src/main.c']);
    expect(found.languages.map((l) => l.name)).not.toContain('ReScript');
    const withProject = detectLanguages(['rescript.json', 'src/App.res', 'src/App.resi']);
    expect(withProject.languages).toContainEqual({ name: 'ReScript', files: 2 });
    // The interface file declares what App.res defines: a language file, not another module.
    expect(withProject.sourceFiles).toEqual(['src/App.res']);
  });

  it('a 1,200-line ReScript module is measured', async () => {
    const run = await runRuleOn(
      moduleSize,
      {
        ...RAILS,
        'rescript.json': '{"name": "app"}\n',
        'app/frontend/review/Review__Editor.res': lines(1200, 'let x# = #'),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Review__Editor.res');
  });

  it('Elm, PureScript, OCaml, Reason and Gleam are source languages too', () => {
    const found = detectLanguages([
      'src/Main.elm',
      'src/Main.purs',
      'lib/app.ml',
      'lib/app.mli',
      'src/App.re',
      'src/app.gleam',
    ]);
    expect(found.languages.map((l) => l.name).sort()).toEqual(['Elm', 'Gleam', 'OCaml', 'PureScript', 'Reason']);
    expect(found.sourceFiles).toEqual(['src/Main.elm', 'src/Main.purs', 'lib/app.ml', 'src/App.re', 'src/app.gleam']);
  });
});

const GO_SERVICE = {
  'go.mod': 'module example.com/pinger\n\ngo 1.22\n',
  'cmd/pinger/main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
};

const LIBRARY = `;(function(undefined) {\n  'use strict';\n${lines(2500, '  var node# = {id: #};')}})(this);\n`;

describe('a library unpacked at a version into a served folder is not first-party source', () => {
  it('static/sigma.js/1.1.0/sigma.require.js is neither the largest module nor untyped JavaScript', async () => {
    const tree = {
      ...GO_SERVICE,
      'static/sigma.js/1.1.0/sigma.require.js': LIBRARY,
      'static/index.html': '<html></html>\n',
    };
    const size = await runRuleOn(moduleSize, tree, { profile: 'service' });
    expect(size.outcome).toBe('pass');
    const types = await runRuleOn(typeSafety, tree, { profile: 'service' });
    expect(types.outcome).toBe('pass');
    expect(types.message).not.toContain('JavaScript');
  });

  it('the project’s own 2,500-line script in static/js/ is still measured', async () => {
    const run = await runRuleOn(moduleSize, { ...GO_SERVICE, 'static/js/app.js': LIBRARY }, { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });

  it('versioned folders and served library folders, not API versions or the app’s scripts', () => {
    expect(
      versionedCopies([
        'static/sigma.js/1.1.0/sigma.js',
        'assets/chart/2.9.4/Chart.js',
        'public/js/lib/d3-tip.js',
        'static/vendor/leaflet/leaflet-src.js',
        'src/api/v1/handlers.js',
        'static/js/app.js',
        'lib/server.js',
      ]),
    ).toEqual([
      'static/sigma.js/1.1.0/sigma.js',
      'assets/chart/2.9.4/Chart.js',
      'public/js/lib/d3-tip.js',
      'static/vendor/leaflet/leaflet-src.js',
    ]);
  });

  it('a path of thousands of version-like folders is classified in one pass', () => {
    // Hostile: folder and extension in one pattern ran from each version-like folder to the end of
    // the path (100 paths of 2,000 `1.1/` folders: 1.5 s for 20 of them, four times that at double
    // the depth). The verdict is unchanged: a script under a version folder is a copy.
    const deep = (n: number, i: number) => `${'1.1/'.repeat(n)}x${i}`;
    const served = (n: number, i: number) => `${'public/lib/'.repeat(n)}x${i}`;
    const paths = Array.from({ length: 100 }, (_, i) => [
      `${deep(2000, i)}.js`,
      `${deep(2000, i)}.jsx`,
      `${served(2000, i)}.mjs`,
      `${served(2000, i)}.ts`,
    ]).flat();
    const copies = versionedCopies(paths);
    expect(copies).toHaveLength(200);
    expect(copies.every((p) => /\.m?js$/.test(p))).toBe(true);
  });
});
