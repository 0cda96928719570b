/**
 * Blind round 47: object-level authorization written by hand. A service function named for an
 * access or ownership check whose body refuses the caller with an access exception, called from
 * the controllers, is authorization (partial: no role or permission model); a guard that refuses
 * nothing, one nothing else calls, or a token check named for access earns nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import authorization from './authorization.js';

const GUARD = [
  'package no.example.innsyn.tilgang', // 1
  '', // 2
  '@Component', // 3
  'class TilgangskontrollService(private val pdl: PdlClient) {', // 4
  '    suspend fun sjekkTilgang(ident: String) {', // 5
  '        val person = pdl.hentPerson(ident)', // 6
  '        if (person != null && person.isProtected()) {', // 7
  '            throw TilgangskontrollException("Bruker har ikke tilgang")', // 8
  '        }', // 9
  '    }', // 10
  '', // 11
  '    suspend fun verifyCaseIsForCorrectUser(case: Case) {', // 12
  '        val ids = pdl.hentIdenter(TokenUtils.getUserId())', // 13
  '        if (!ids.contains(case.ownerId)) {', // 14
  '            throw TilgangskontrollException("case belongs to someone else")', // 15
  '        }', // 16
  '    }', // 17
  '}', // 18
  '',
].join('\n');

const CONTROLLER = [
  'package no.example.innsyn.sak', // 1
  '', // 2
  '@RestController', // 3
  'class SakController(private val tilgangskontroll: TilgangskontrollService) {', // 4
  '    @GetMapping("/saker")', // 5
  '    suspend fun saker(): List<Sak> {', // 6
  '        tilgangskontroll.sjekkTilgang(TokenUtils.getUserId())', // 7
  '        return emptyList()', // 8
  '    }', // 9
  '}', // 10
  '',
].join('\n');

const base: Tree = {
  'settings.gradle.kts': 'rootProject.name = "innsyn"\n',
  'build.gradle.kts':
    'plugins { kotlin("jvm") version "2.0.0"\n id("org.springframework.boot") version "3.3.0" }\ndependencies {\n  implementation("org.springframework.boot:spring-boot-starter-webflux")\n}\n',
  'src/main/kotlin/no/example/innsyn/App.kt':
    '@SpringBootApplication\nclass App\nfun main(args: Array<String>) { runApplication<App>(*args) }\n',
};

describe('hand-written object-level access guards', () => {
  it('credits a guard that throws an access exception and is called from a controller (partial)', async () => {
    const r = await runRuleOn(authorization, {
      ...base,
      'src/main/kotlin/no/example/innsyn/tilgang/Tilgangskontroll.kt': GUARD,
      'src/main/kotlin/no/example/innsyn/sak/SakController.kt': CONTROLLER,
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('Access to objects is checked by hand-written guards (sjekkTilgang');
    expect(r.message).toContain('but no role, permission or policy check was found');
    const ev = JSON.stringify(r.evidence);
    expect(ev).toContain('"path":"src/main/kotlin/no/example/innsyn/tilgang/Tilgangskontroll.kt","line":8');
    expect(ev).toContain('"path":"src/main/kotlin/no/example/innsyn/sak/SakController.kt","line":7');
  });

  it('earns nothing for a guard nothing else calls', async () => {
    const r = await runRuleOn(authorization, {
      ...base,
      'src/main/kotlin/no/example/innsyn/tilgang/Tilgangskontroll.kt': GUARD,
    });
    expect(r.outcome).toBe('fail');
  });

  it('earns nothing for a guard that refuses nothing', async () => {
    const r = await runRuleOn(authorization, {
      ...base,
      'src/main/kotlin/no/example/innsyn/tilgang/Tilgangskontroll.kt': GUARD.replace(
        /throw TilgangskontrollException\(([^)]*)\)/g,
        'log.info($1)',
      ),
      'src/main/kotlin/no/example/innsyn/sak/SakController.kt': CONTROLLER,
    });
    expect(r.outcome).toBe('fail');
  });

  it('does not take a token check named for access as authorization', async () => {
    const r = await runRuleOn(authorization, {
      ...base,
      'src/main/kotlin/no/example/innsyn/tilgang/Tilgangskontroll.kt': GUARD.replace(
        'fun sjekkTilgang(',
        'fun checkAccessToken(',
      ).replace('fun verifyCaseIsForCorrectUser(', 'fun verifyAccessTokenExpiry('),
      'src/main/kotlin/no/example/innsyn/sak/SakController.kt': CONTROLLER.replace('sjekkTilgang', 'checkAccessToken'),
    });
    expect(r.outcome).toBe('fail');
  });
});
