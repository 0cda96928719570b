import { describe, expect, it } from 'vitest';
import { LineIndex } from '../util/lines.js';
import { agentFlags, MAX_FLAGS, mochaLines } from './alongside.js';

describe('agentFlags', () => {
  it('gives each flag’s path, line and trimmed line as the file’s line index reads them (CRLF too)', () => {
    const text =
      'FROM eclipse-temurin:21\r\n\r\nENV JAVA_OPTS="-javaagent:/opt/dd-java-agent.jar"\r\n# -javaagent:old.jar\r\nCMD ["java", "-javaagent:${AGENT}/otel.jar", "-jar", "app.jar"]\r\n';
    const lines = new LineIndex(text);
    const flags = agentFlags(text)!;
    expect(flags.map((f) => f.agentPath)).toEqual(['/opt/dd-java-agent.jar', 'old.jar', 'otel.jar']);
    expect(flags.map((f) => f.line)).toEqual([3, 4, 5]);
    for (const f of flags) expect(f.snippet).toBe(lines.bare(f.line).trim());
  });

  it('reads nothing from a text without the flag, and at most MAX_FLAGS flags of one that repeats it', () => {
    expect(agentFlags('java -jar app.jar\n')).toBeUndefined();
    const many = agentFlags('-javaagent:a.jar '.repeat(50))!;
    expect(many).toHaveLength(MAX_FLAGS);
    expect(many.every((f) => f.line === 1 && f.agentPath === 'a.jar')).toBe(true);
  });
});

describe('mochaLines', () => {
  it('keeps the lines that run Mocha, none longer than 500 characters', () => {
    expect(mochaLines('#!/bin/sh\nnpm ci\nnpx mocha ./it/*.spec.js\n')).toBe('npx mocha ./it/*.spec.js');
    expect(mochaLines(`echo ${'x'.repeat(600)} mocha\n`)).toBeUndefined();
    expect(mochaLines('npm test\n')).toBeUndefined();
  });
});
