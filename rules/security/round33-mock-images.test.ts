import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import containerImage from '../operations/container-image.js';
import containerUser from './container-user.js';

/**
 * Blind round 33: images that stand in for other systems on a laptop (a json-server stub named for
 * the system it fakes, an Azurite storage-emulator set-up image) and a `.devcontainers/` editor box
 * were judged as shipped images beside the service's own Dockerfile, which runs as a user.
 */
const SERVICE = {
  'build.gradle.kts': 'plugins { id("org.springframework.boot") version "3.4.0" }\n',
  'src/main/kotlin/App.kt': 'fun main() {}\n',
  Dockerfile:
    'FROM gradle:8-jdk21 AS build\nCOPY . .\nRUN gradle build\nFROM eclipse-temurin:21-jre\nCOPY --from=build /app.jar /app.jar\nUSER 1000\nCMD ["java", "-jar", "/app.jar"]\n',
  '.dockerignore': '.git\n',
};
const STUB =
  'FROM node:18-alpine\nWORKDIR /usr/src/app\nRUN yarn global add json-server@0.17.4 --exact\nCMD ["json-server", "/config/db.json", "--host", "0.0.0.0"]\n';

describe('round 33: mock servers and emulators are not shipped images', () => {
  it('a json-server stub and an azurite image beside the service Dockerfile: only the service is judged', async () => {
    const tree = {
      ...SERVICE,
      'docker/config/tokenizer/Dockerfile.tokenizer': STUB,
      'azurite/Dockerfile': 'FROM mcr.microsoft.com/azure-cli:2.47.0\nCOPY q.sh q.sh\nCMD ["sh", "q.sh"]\n',
    };
    const u = await runRuleOn(containerUser, tree, { profile: 'service' });
    expect(u.outcome).toBe('pass');
    const i = await runRuleOn(containerImage, tree, { profile: 'service' });
    expect(i.message).not.toMatch(/tokenizer|azurite/);
  });

  it('the same folder with an image that runs a real server as root is still judged', async () => {
    const tree = {
      ...SERVICE,
      'docker/config/tokenizer/Dockerfile.tokenizer': STUB.replace(
        'CMD ["json-server", "/config/db.json", "--host", "0.0.0.0"]',
        'CMD ["node", "server.js"]',
      ),
    };
    const u = await runRuleOn(containerUser, tree, { profile: 'service' });
    expect(u.outcome).toBe('partial');
    expect(u.evidence.some((e) => e.path === 'docker/config/tokenizer/Dockerfile.tokenizer')).toBe(true);
  });

  it('a .devcontainers/ Dockerfile is an editor box: container-user not applicable', async () => {
    const tree = {
      'src/Lib.cs': 'namespace Lib { public class A {} }\n',
      'Lib.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
      '.devcontainers/Dockerfile': 'FROM mcr.microsoft.com/dotnet/sdk:8.0-jammy\nRUN apt-get update\n',
    };
    const u = await runRuleOn(containerUser, tree, { profile: 'library' });
    expect(u.outcome).toBe('not-applicable');
  });
});
