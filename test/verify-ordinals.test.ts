/**
 * readiness verify: "Module 2", "Phase 5", "Step 3" label a part; the number counts nothing. A line
 * "2. Module 2: Spring Boot Core ✓" is confirmed by a folder numbered and named as the part
 * (02-spring-boot-core/), and a lookup that found the part is not left open for want of counting "2".
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { ordinalLabel } from '../src/verify/ordinals.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('an ordinal label', () => {
  it('is the number after a word of sequence when the line has no other figure', () => {
    expect(ordinalLabel('2. Module 2: Spring Boot Core (Full Implementation)')).toBe(2);
    expect(ordinalLabel('Phase 5 - Benchmarking')).toBe(5);
    expect(ordinalLabel('Schritt 3: Deployment')).toBe(3);
  });
  it('is no label when the line counts something beside it', () => {
    expect(ordinalLabel('Phase 2: Core Examples | 3 | 3 | Complete')).toBeNull();
    expect(ordinalLabel('Module 4: API Versioning NEW IN 4.0')).toBeNull();
    expect(ordinalLabel('Modules: 9')).toBeNull();
    expect(ordinalLabel('12 modules implemented')).toBeNull();
  });
});

describe('a numbered part of the project', () => {
  const tree: Tree = {
    'pom.xml': '<project><modules><module>02-spring-boot-core</module></modules></project>\n',
    '02-spring-boot-core/pom.xml': '<project><artifactId>core</artifactId></project>\n',
    '02-spring-boot-core/src/main/java/demo/CoreApp.java': 'public class CoreApp {}\n',
    '03-spring-boot-advanced/src/main/java/demo/AdvancedApp.java': 'public class AdvancedApp {}\n',
  };
  const doc = [
    '# Implementation Summary', // 1
    '', // 2
    '### 2. **Module 2: Spring Boot Core** ✓ (Full Implementation)', // 3
    '', // 4
    '### 4. **Module 4: Spring Boot Advanced** ✓ (Core Implementation)', // 5
    '', // 6
    '### 3. **Module 3: Spring Boot Advanced With Kafka** ✓', // 7
    '', // 8
    '### 5. **Module 5: Reactive Streams** ✓', // 9
  ].join('\n');
  const { at, has } = verifier('SUMMARY.md')(tree, doc, reportWith([]));
  const confirmed = (line: number) => has(line) && at(line).verdict === 'confirmed';

  it('is confirmed by a folder of its number and name', () => {
    expect(at(3).verdict, at(3).reason).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: '02-spring-boot-core' });
  });
  it('is not confirmed by a folder of another number, a name that says more, or no folder', () => {
    expect(confirmed(5)).toBe(false);
    expect(confirmed(7)).toBe(false);
    expect(confirmed(9)).toBe(false);
  });
});
