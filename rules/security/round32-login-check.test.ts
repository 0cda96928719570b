import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';
import authorization from './authorization.js';

/**
 * Blind round 32 (a Spring Boot admin console on an SSO client library): every controller went
 * through `SsoHelper.loginCheckWithAttr(request)` or an `@Sso` annotation, and role checks called
 * `SsoHelper.hasRole(…)`. Authentication failed while authorization passed, and the role checks were
 * labelled Spring Security, which the project does not use. Login checks named for what they do
 * are hand-written authentication; `hasRole` outside Spring Security is a hand-written role check.
 */
const POM =
  '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n';

const controller = (body: string[]) =>
  [
    'package com.example.admin.controller;', // 1
    '', // 2
    'import com.example.sso.SsoHelper;', // 3
    'import com.example.sso.annotation.Sso;', // 4
    'import org.springframework.stereotype.Controller;', // 5
    '', // 6
    '@Controller', // 7
    'public class JobController {', // 8
    ...body, // 9…
    '}',
    '',
  ].join('\n');

const CHECKED = [
  '    @Sso(role = "ADMIN")', // 9
  '    public String list(HttpServletRequest request) {', // 10
  '        Response<LoginInfo> login = SsoHelper.loginCheckWithAttr(request);', // 11
  '        if (!SsoHelper.hasRole(login.getData(), "ADMIN").isSuccess()) {', // 12
  '            return "403";', // 13
  '        }', // 14
  '        return "list";', // 15
  '    }', // 16
];

describe('round 32: login checks and role checks written by hand', () => {
  it('an SSO login check called and annotated on controllers is hand-written authentication', async () => {
    const r = await runRuleOn(
      authentication,
      { 'pom.xml': POM, 'src/main/java/com/example/admin/controller/JobController.java': controller(CHECKED) },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/hand-written login check/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/java/com/example/admin/controller/JobController.java',
        note: expect.stringMatching(/^hand-written login check/),
      }),
    );
  });

  it('an annotation that opens the handler (login = false) and a definition of the check authenticate nothing', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'pom.xml': POM,
        'src/main/java/com/example/admin/controller/JobController.java': controller([
          '    @Sso(login = false)',
          '    public String open() { return "ok"; }',
          '    public static Response<LoginInfo> loginCheckWithAttr(HttpServletRequest request) {',
          '        return null;',
          '    }',
        ]),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });

  it('hasRole on an SSO helper is a hand-written role check, not Spring Security', async () => {
    const r = await runRuleOn(
      authorization,
      { 'pom.xml': POM, 'src/main/java/com/example/admin/controller/JobController.java': controller(CHECKED) },
      { profile: 'service' },
    );
    expect(r.message).not.toMatch(/Spring method or request security/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ line: 12, note: expect.stringMatching(/^hand-written role checks/) }),
    );
  });

  it('hasRole in a Spring Security configuration stays Spring method or request security', async () => {
    const r = await runRuleOn(
      authorization,
      {
        'pom.xml': POM,
        'src/main/java/com/example/admin/SecurityConfig.java': [
          'package com.example.admin;',
          '',
          'import org.springframework.security.config.annotation.web.builders.HttpSecurity;',
          '',
          'public class SecurityConfig {',
          '    SecurityFilterChain chain(HttpSecurity http) throws Exception {',
          '        http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("ADMIN"));',
          '        return http.build();',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ line: 7, note: 'Spring method or request security' }));
  });
});
