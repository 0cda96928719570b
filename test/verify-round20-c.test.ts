/**
 * readiness verify: contradictions found (round 20, development on rounds 5–19). Each case is a small
 * document of our own against an in-memory tree: the claim's own value (a count, a version, a name) is
 * compared with the repository's facts, and contradicted only where the repository settles it.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a total of tests the line gives, under a heading whose words name no part of the suite', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","devDependencies":{"vitest":"1.0.0"}}\n',
    'src/cart.test.ts': "import { it } from 'vitest';\nit('adds', () => {});\nit('removes', () => {});\n",
    'src/pay.test.ts': "import { it } from 'vitest';\nit('pays', () => {});\nit('refunds', () => {});\n",
  };
  const doc = [
    '# Report', // 1
    '', // 2
    '### Test Suite Health', // 3
    '- **Framework**: Vitest', // 4
    '- **Total Tests**: 40', // 5
    '', // 6
    '### Test Suite Vitality', // 7
    '- **Total Tests**: 4', // 8
  ].join('\n');
  const { at } = verifier('REPORT.md')(tree, doc, reportWith([]));

  it('is compared with the whole suite and contradicted when it differs', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('4 test cases');
  });
  it('is confirmed when the suite holds that many', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
});

describe("a build's versions as a document lists them", () => {
  const tree: Tree = {
    'settings.gradle.kts': 'rootProject.name = "calc"\ninclude(":app")\n',
    'build.gradle.kts':
      'plugins {\n    id("com.android.application") version "8.2.1" apply false\n    id("org.jetbrains.kotlin.android") version "1.9.0" apply false\n}\n',
    'gradle/wrapper/gradle-wrapper.properties':
      'distributionBase=GRADLE_USER_HOME\ndistributionUrl=https\\://services.gradle.org/distributions/gradle-8.2-bin.zip\n',
    'app/build.gradle.kts':
      'android {\n    compileSdk = 35\n    defaultConfig {\n        targetSdk = 35\n    }\n}\ndependencies {\n    implementation("androidx.core:core-ktx:1.12.0")\n    implementation("androidx.room:room-runtime:2.6.1")\n    implementation("com.example:flexible:[1.0,2.0)")\n}\n',
    'app/src/main/kotlin/Main.kt': 'fun main() {}\n',
  };
  const doc = [
    '# Build report', // 1
    '', // 2
    '**Build Tool**: Gradle 8.9', // 3
    '**Android Gradle Plugin**: 8.2.1', // 4
    '', // 5
    '```kotlin', // 6
    'Kotlin: 2.0.0', // 7
    'Gradle Wrapper: 8.2', // 8
    'targetSdk: 34', // 9
    '- androidx.core:core-ktx:1.13.1', // 10
    '- room-runtime:2.6.1', // 11
    '- com.example:flexible:1.5.0', // 12
    '- leftpad-js:1.0.0', // 13
    '```', // 14
  ].join('\n');
  const { at, has } = verifier('BUILD.md')(tree, doc, reportWith([]));

  it('a build tool whose version the wrapper or the plugins block states differently is contradicted, with file:line', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('gradle-wrapper.properties:2');
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('build.gradle.kts:3');
    expect(at(9).verdict).toBe('contradicted');
    expect(at(9).reason).toContain('app/build.gradle.kts:4');
  });
  it('the same version is confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(8).verdict).toBe('confirmed');
    expect(at(11).verdict).toBe('confirmed');
  });
  it('a coordinate the build pins to another version is contradicted at the pinning line', () => {
    expect(at(10).verdict).toBe('contradicted');
    expect(at(10).reason).toContain('app/build.gradle.kts:8');
  });
  it('a range that allows the version, or a package no manifest pins, settles nothing', () => {
    expect(at(12).verdict).not.toBe('contradicted');
    expect(has(13) ? at(13).verdict : 'unverifiable').not.toBe('contradicted');
  });
});

describe('files a list names by their name alone', () => {
  const tree: Tree = {
    'README.md': '# app\n',
    'docs/RUNBOOK.md': '# runbook\n',
    '.gitignore': 'SECRETS.md\n',
    '.github/workflows/ci.yml': 'on: push\n',
  };
  const doc = [
    '# Documents', // 1
    '', // 2
    '**Reference documents:**', // 3
    '- RUNBOOK.md', // 4
    '- ARCHITECTURE_REVIEW.md', // 5
    '- `docs/ONBOARDING.md` — first steps', // 6
    '- SECRETS.md', // 7
    '- Node.js', // 8
    '', // 9
    '### Files deleted', // 10
    '- OLD_PLAN.md', // 11
    '', // 12
    '### CI', // 13
    '**Missing:** .github/workflows/ci.yml', // 14
    '**Missing:** .github/workflows/release.yml', // 15
  ].join('\n');
  const { at, has } = verifier('INDEX.md')(tree, doc, reportWith([]));

  it('a file found in some folder stays open', () => {
    expect(at(4).verdict).toBe('unverifiable');
  });
  it('a file in no folder of the repository is contradicted', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(6).verdict).toBe('contradicted');
  });
  it('a file the .gitignore keeps out, a library name and a deleted file are not contradicted', () => {
    expect(has(7) ? at(7).verdict : 'unverifiable').not.toBe('contradicted');
    expect(has(8) ? at(8).verdict : 'unverifiable').not.toBe('contradicted');
    expect(has(11) ? at(11).verdict : 'unverifiable').not.toBe('contradicted');
  });
  it('a file said missing that is there is contradicted; one that is absent is confirmed', () => {
    expect(at(14).verdict).toBe('contradicted');
    expect(at(15).verdict).not.toBe('contradicted');
  });
});

describe('a heading that gives a kind of code unit its count in brackets', () => {
  const tree: Tree = {
    'composer.json': '{"require":{"laravel/framework":"^11.0"}}\n',
    'app/Policies/UserPolicy.php': '<?php class UserPolicy {}\n',
    'app/Policies/PostPolicy.php': '<?php class PostPolicy {}\n',
    'app/Policies/TagPolicy.php': '<?php class TagPolicy {}\n',
    'app/Http/Requests/StorePostRequest.php': '<?php class StorePostRequest {}\n',
    'app/Http/Requests/UpdatePostRequest.php': '<?php class UpdatePostRequest {}\n',
  };
  const doc = [
    '# System map', // 1
    '', // 2
    '#### Policies (5 Classes)', // 3
    '', // 4
    '#### Form Requests (2 Classes)', // 5
  ].join('\n');
  const { at } = verifier('MAP.md')(tree, doc, reportWith([]));

  it('a count the folder no longer holds is contradicted', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('3');
  });
  it('the count the folder holds is not contradicted (a heading read by its shape is not confirmed by it alone)', () => {
    expect(at(5).verdict).not.toBe('contradicted');
    expect(at(5).reason).toContain('2 files under app/Http/Requests/');
  });
});

describe('a source file the document places in the project that a .gitignore keeps out', () => {
  const tree: Tree = {
    '.gitignore': '# outputs\nbuild/\n.env\n',
    'go.mod': 'module example.com/tool\n\ngo 1.22\n',
    'main.go': 'package main\n\nfunc main() {}\n',
  };
  const doc = [
    '# Layout', // 1
    '', // 2
    '```', // 3
    'tool/', // 4
    '├── main.go            # ✅ entry point', // 5
    '├── build/', // 6
    '│   └── release.sh     # ✅ production build', // 7
    '└── .env               # ✅ local settings', // 8
    '```', // 9
  ].join('\n');
  const { at } = verifier('LAYOUT.md')(tree, doc, reportWith([]));

  it('is contradicted, citing the rule of the .gitignore that keeps it out', () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('.gitignore:2');
  });
  it('a file kept out by design (settings, secrets) is still not judged by its absence', () => {
    expect(at(8).verdict).not.toBe('contradicted');
    expect(at(5).verdict).not.toBe('contradicted');
  });
});

describe("a language's code measured in lines on a label line", () => {
  const tree: Tree = {
    'go.mod': 'module example.com/tool\n\ngo 1.22\n',
    'main.go': 'package main\n\nfunc main() {}\n',
    'util.go': 'package main\n\nfunc helper() int {\n\treturn 1\n}\n',
  };
  const doc = [
    '# Stats',
    '',
    '- **Total Go Code**: 40 lines (clean, documented)',
    '',
    '**Total Go Code**: 8 lines',
  ].join('\n');
  const { at } = verifier('STATS.md')(tree, doc, reportWith([]));

  it('is counted over the language files and contradicted when it differs', () => {
    expect(at(3).verdict).toBe('contradicted');
  });
  it('is confirmed when the files hold that many lines', () => {
    expect(at(5).verdict).not.toBe('contradicted');
  });
});

describe('a file a label of Portuguese places', () => {
  const tree: Tree = { 'backend/app.py': 'print(1)\n' };
  const doc = [
    '# Relatório',
    '',
    '### 1. Erro corrigido',
    '',
    '**Arquivo:** `backend/orchestrator.py` (linha 27)',
  ].join('\n');
  const { at } = verifier('R.md')(tree, doc, reportWith([]));
  it('is looked up, and a file that is gone contradicts the line', () => {
    expect(at(5).verdict).toBe('contradicted');
  });
});
