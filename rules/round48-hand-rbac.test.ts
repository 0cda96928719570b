/**
 * Blind round 48: a Spring WebFlux service checked role-based permissions by hand — an access-control
 * service decides whether the user's roles grant the action on the resource and answers
 * `allowed ? Mono.empty() : Mono.error(new AccessDeniedException(…))`, called by every controller.
 * It was "no role, permission or policy checks".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import authorization from './security/authorization.js';

const service = (decide: string) => ({
  'build.gradle': [
    "plugins { id 'org.springframework.boot' version '3.5.0' }",
    'dependencies {',
    "  implementation 'org.springframework.boot:spring-boot-starter-webflux'",
    '}',
  ].join('\n'),
  'src/main/java/app/rbac/AccessControlService.java': [
    'package app.rbac;', // 1
    'import org.springframework.security.access.AccessDeniedException;', // 2
    'import reactor.core.publisher.Mono;', // 3
    'public class AccessControlService {', // 4
    '  public Mono<Void> validateAccess(AccessContext context) {', // 5
    '    return isAccessible(context)', // 6
    `        .flatMap(allowed -> ${decide})`, // 7
    '        .then();', // 8
    '  }', // 9
    '  private Mono<Boolean> isAccessible(AccessContext context) {', // 10
    '    return getUser().map(user -> context.isAccessible(permissionsOf(user)));', // 11
    '  }', // 12
    '}', // 13
  ].join('\n'),
  'src/main/java/app/controller/TopicsController.java': [
    'package app.controller;', // 1
    'import org.springframework.web.bind.annotation.*;', // 2
    '@RestController', // 3
    'public class TopicsController {', // 4
    '  @DeleteMapping("/api/topics/{name}")', // 5
    '  public Mono<Void> delete(@PathVariable String name) {', // 6
    '    return accessControlService.validateAccess(AccessContext.topic(name, TopicAction.DELETE))', // 7
    '        .then(topicsService.delete(name));', // 8
    '  }', // 9
    '}', // 10
  ].join('\n'),
});

describe('role-based access control written by hand (round 48)', () => {
  it('a permission decided by a conditional whose other branch is an access-denied error is authorization', async () => {
    const r = await runRuleOn(
      authorization,
      service('allowed ? Mono.empty() : Mono.error(new AccessDeniedException("Access denied"))'),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/java/app/rbac/AccessControlService.java', line: 7 }),
    );
  });

  it('a conditional that refuses nothing is no check', async () => {
    const r = await runRuleOn(authorization, service('allowed ? Mono.empty() : Mono.just("x").then()'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
  });
});
