import rule from './container-image.js';
import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';

const goDockerfile =
  'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /api ./cmd/api\n\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /api /api\nUSER nonroot\nENTRYPOINT ["/api"]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a global ARG default (built from an earlier ARG) pins the FROM that names it, also when a stage redeclares the ARG without a value',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "forum"\n',
        'docker/Dockerfile':
          '# syntax=docker/dockerfile:1\nARG RUST_VERSION=1.81\nARG BUILDER_IMAGE=rust:${RUST_VERSION}-slim RUNNER_IMAGE=debian:bookworm-slim\n\nFROM ${BUILDER_IMAGE} AS build\nARG BUILDER_IMAGE\nRUN cargo build --release\n\nFROM ${RUNNER_IMAGE}\nARG RUNNER_IMAGE\nCOPY --from=build /app/target/release/forum /usr/local/bin/forum\n',
        '.dockerignore': 'target\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'docker/Dockerfile', line: 9, note: '2 stages; base images pinned; .dockerignore present' }],
        absent: ['without a default'],
      },
    },
    {
      name: 'a multi-stage Go Dockerfile with pinned bases and a .dockerignore passes',
      profile: 'service',
      tree: { 'go.mod': 'module x\n', Dockerfile: goDockerfile, '.dockerignore': '.git\n' },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'Dockerfile', line: 6, note: '2 stages; base images pinned; .dockerignore present' }],
        data: { dockerfiles: 1, multiStage: 1 },
      },
    },
    {
      name: 'a Dockerfile template and the Playwright harness images are not the shipped image (vaultwarden-style)',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n',
        'docker/Dockerfile.debian': goDockerfile,
        'docker/Dockerfile.j2': 'FROM {{ build_image }} AS build\nRUN make\n',
        'playwright/compose/warden/Dockerfile': 'FROM playwright-base\nRUN npm ci\n',
        '.dockerignore': '.git\n',
      },
      expect: { outcome: 'pass', data: { dockerfiles: 1, multiStage: 1 } },
    },
    {
      name: 'ARG-substituted base images count as pinned; a Dockerfile-specific .dockerignore counts (Node)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"api"}\n',
        'docker/api.Dockerfile':
          'ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine AS deps\nRUN npm ci\nFROM node:${NODE_VERSION}-alpine\nCOPY --from=deps /app /app\n',
        'docker/api.Dockerfile.dockerignore': 'node_modules\n',
      },
      expect: { outcome: 'pass', data: { pinnedBaseImages: 1, withDockerignore: 1 } },
    },
    {
      name: 'a Spring service built with Jib and no Dockerfile passes (Java)',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <build><plugins><plugin>\n    <artifactId>jib-maven-plugin</artifactId>\n  </plugin></plugins></build>\n</project>\n',
      },
      expect: { outcome: 'pass', message: 'by Jib', evidence: [{ path: 'pom.xml', line: 3 }] },
    },
    {
      name: 'Spring Boot buildpacks named in the README (spring-boot:build-image) build the image',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'README.md': '# Shop\n\n## Container image\n\n```\n./mvnw spring-boot:build-image\n```\n',
      },
      expect: { outcome: 'pass', message: 'Spring Boot buildpacks', evidence: [{ path: 'README.md', line: 6 }] },
    },
    {
      name: '.NET SDK container publishing configured in the project builds the image',
      profile: 'service',
      tree: {
        'src/Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <ContainerRepository>shop/api</ContainerRepository>\n  </PropertyGroup>\n</Project>\n',
      },
      expect: {
        outcome: 'pass',
        message: '.NET SDK container publishing',
        evidence: [{ path: 'src/Api/Api.csproj', line: 3 }],
      },
    },
  ],
  invalid: [
    {
      name: 'a Heroku app (Procfile, app.json) is built by the platform’s buildpacks: partial, and says what is missing',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails', '~> 7.1'\ngem 'puma'\n",
        Procfile: 'web: bundle exec puma -C config/puma.rb\n',
        'app.json': '{"name":"triage","buildpacks":[{"url":"heroku/ruby"}]}\n',
      },
      expect: { outcome: 'partial', message: ['Heroku buildpacks builds the image', 'pins the runtime'] },
    },
    {
      name: 'test and local Dockerfiles are not what ships; the partial message names the files that miss a practice',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask\n',
        'docker/production.Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\n',
        'docker/local.Dockerfile': 'FROM python:latest\n',
        'api/Dockerfile':
          'FROM python:3.12 AS build\nRUN pip wheel .\nFROM python:3.12-slim\nCOPY --from=build /w /w\n',
        '.dockerignore': '.git\n',
      },
      expect: {
        outcome: 'partial',
        message:
          '2 Dockerfiles with pinned base images and a .dockerignore; missing multi-stage builds (docker/production.Dockerfile)',
        data: { dockerfiles: 2 },
      },
    },
    {
      name: 'an unpinned single-stage Python image without .dockerignore names each fault with its line',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask\n',
        Dockerfile:
          '# syntax=docker/dockerfile:1\nFROM python\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: ['multi-stage builds', 'pinned base images', 'a .dockerignore'],
        evidence: [{ path: 'Dockerfile', line: 2, note: 'base image python is untagged: builds are not reproducible' }],
      },
    },
    {
      name: 'latest and floating tags are not pinned, each cited on its own line (.NET)',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"/>\n',
        'Api/Dockerfile':
          'FROM mcr.microsoft.com/dotnet/sdk:latest AS build\nRUN dotnet publish -o /out\nFROM node:alpine AS assets\nRUN echo\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\n',
        '.dockerignore': 'bin\nobj\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.8,
        evidence: [
          { path: 'Api/Dockerfile', line: 1, note: expect.stringContaining('tagged latest') },
          { path: 'Api/Dockerfile', line: 3, note: expect.stringContaining('floating tag') },
        ],
      },
    },
    {
      name: 'a base image from an ARG without a default is noted',
      profile: 'service',
      tree: { Dockerfile: 'ARG BASE\nFROM ${BASE}\nCOPY . /app\n', '.dockerignore': '.git\n' },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'Dockerfile', line: 2, note: expect.stringContaining('build argument without a default') }],
      },
    },
    {
      name: 'a .devcontainer Dockerfile is not a shipping image',
      profile: 'service',
      tree: { 'pom.xml': '<project/>\n', '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/java:21\n' },
      expect: {
        outcome: 'fail',
        evidence: [{ path: '.' }, { path: '.devcontainer/Dockerfile', note: expect.stringContaining('not counted') }],
      },
    },
    {
      name: 'a Dockerfile without FROM is unknown, not a crash',
      profile: 'service',
      tree: { Dockerfile: 'RUN echo hi\n' },
      expect: { outcome: 'unknown', evidence: [{ path: 'Dockerfile', note: expect.stringContaining('no FROM') }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library ships no image',
      profile: 'library',
      tree: { Dockerfile: 'FROM node:20\n' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
  ],
});
