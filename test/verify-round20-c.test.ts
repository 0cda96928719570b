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
