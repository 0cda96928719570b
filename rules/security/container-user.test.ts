import { expect } from 'vitest';
import rule from './container-user.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'package-build images (CMD build.sh, rpmbuild) are not judged beside the runtime image',
      tree: {
        'packaging/docker/alpine/Dockerfile':
          'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 65534\nCMD ["/app"]\n',
        'packaging/debian/Dockerfile': 'FROM golang:1.22\nCOPY . /src\nCMD ["/src/packaging/debian/build.sh"]\n',
        'packaging/rpm/Dockerfile': 'FROM rockylinux:9\nCMD ["rpmbuild", "-bb", "app.spec"]\n',
      },
      expect: { outcome: 'pass', data: { dockerfiles: 1, nonRoot: 1 } },
    },
    {
      name: 'SQL Server 2022, Bitnami, Grafana and Prometheus base images run as an unprivileged user by default',
      tree: {
        'src/Database/Dockerfile': 'FROM mcr.microsoft.com/mssql/server:2022-latest\nCOPY init.sql /init.sql\n',
        'cache/Dockerfile': 'FROM bitnami/redis:7.2\n',
        'docker/grafana/Dockerfile': 'FROM grafana/grafana:5.2.4\nADD ./provisioning /etc/grafana/provisioning\n',
        'docker/prometheus/Dockerfile': 'FROM prom/prometheus:v2.4.2\nADD prometheus.yml /etc/prometheus/\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'src/Database/Dockerfile',
            line: 1,
            note: 'no USER here: the base image runs as mssql (uid 10001) by default',
          },
        ],
      },
    },
    {
      name: 'a base image that the runtime Dockerfile builds FROM (Dockerfile.base, no CMD) is not a runtime image',
      tree: {
        'Dockerfile.base': 'FROM node:22 AS deps\nRUN yarn install\nCOPY . .\nRUN yarn build\n',
        Dockerfile:
          'ARG BASE_IMAGE=acme/app-base\nFROM ${BASE_IMAGE} AS base\nFROM node:22-slim AS runner\nCOPY --from=base /app /app\nUSER node\nCMD ["node", "build/server/index.js"]\n',
      },
      expect: { outcome: 'pass', data: { dockerfiles: 1 }, evidence: [{ path: 'Dockerfile', line: 5 }] },
    },
    {
      name: 'a multi-stage Node image ending with USER node passes, citing the USER line',
      tree: {
        Dockerfile:
          'FROM node:20 AS build\nRUN npm ci\n\nFROM node:20-slim\nCOPY --from=build /app /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Dockerfile', line: 6, snippet: 'USER node' }] },
    },
    {
      name: 'a distroless :nonroot final image passes without USER',
      tree: {
        'cmd/api/Dockerfile':
          'FROM golang:1.22 AS build\nRUN go build -o /api ./cmd/api\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /api /api\nENTRYPOINT ["/api"]\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'cmd/api/Dockerfile', line: 3 }] },
    },
    {
      name: 'USER set in a base stage is inherited by a final stage built from it',
      tree: {
        Dockerfile:
          'FROM python:3.12-slim AS base\nRUN useradd -u 10001 app\nUSER 10001\nFROM base AS runtime\nCMD ["python", "-m", "app"]\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Dockerfile', line: 3 }] },
    },
    {
      name: 'an entrypoint script that execs the service through su-exec runs it as a non-root user',
      tree: {
        Dockerfile:
          'FROM node:22-alpine AS runner\nWORKDIR /opt/app\nCOPY ./scripts/docker ./scripts/docker\nENTRYPOINT ["sh", "./scripts/docker/create-user.sh"]\nCMD ["node", "dist/main.js"]\n',
        'scripts/docker/create-user.sh':
          '#!/bin/sh\nPUID="${PUID:-1000}"\nadduser -D -u "$PUID" app 2>/dev/null\nchown -R "$PUID" /opt/app/data\nexec su-exec "$PUID" "$@"\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'scripts/docker/create-user.sh',
            line: 5,
            note: expect.stringContaining('drops to an unprivileged user'),
          },
        ],
      },
    },
    {
      name: 'Jib <container><user> in pom.xml is the image user (no Dockerfile)',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <build>\n   <plugins>\n    <plugin>\n      <groupId>com.google.cloud.tools</groupId>\n      <artifactId>jib-maven-plugin</artifactId>\n      <configuration>\n        <to><image>shop:latest</image></to>\n        <container>\n          <entrypoint>/entrypoint.sh</entrypoint>\n          <user>1000</user>\n        </container>\n      </configuration>\n    </plugin>\n   </plugins>\n  </build>\n</project>\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'pom.xml', line: 11, note: 'Jib runs the image as 1000' }] },
    },
  ],
  invalid: [
    {
      name: 'a Dockerfile.dev that CI builds and pushes to a registry is the published image and is judged (round 14)',
      tree: {
        'package.json': JSON.stringify({ name: 'planner', dependencies: { express: '^4.19.0' } }),
        'Dockerfile.dev':
          'FROM node:22-bookworm-slim\nRUN adduser --disabled-password app\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
        '.github/workflows/images.yml':
          'name: images\non:\n  push:\n    tags: ["v*"]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build and push\n        run: |\n          docker build -f Dockerfile.dev -t ghcr.io/acme/planner:${{ github.ref_name }} .\n          docker push ghcr.io/acme/planner:${{ github.ref_name }}\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'Dockerfile.dev' }] },
    },
    {
      name: 'a test-runner image beside a production image is not judged',
      tree: {
        'backend/Dockerfile': 'FROM python:3.12\nCMD ["fastapi", "run"]\n',
        'frontend/Dockerfile.playwright': 'FROM mcr.microsoft.com/playwright:v1.45.0\n',
      },
      expect: { outcome: 'fail', data: { dockerfiles: 1 }, evidence: [{ path: 'backend/Dockerfile', line: 1 }] },
    },
    {
      name: 'a final stage without USER fails with the line of its FROM',
      tree: {
        Dockerfile:
          'FROM maven:3-eclipse-temurin-21 AS build\nRUN mvn package\nUSER 1000\nFROM eclipse-temurin:21-jre\nCOPY --from=build /app.jar /app.jar\nCMD ["java","-jar","/app.jar"]\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'Dockerfile', line: 4, snippet: 'FROM eclipse-temurin:21-jre' }] },
    },
    {
      name: 'switching back to root fails at the USER line',
      tree: {
        Dockerfile:
          'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\nRUN apt-get update\nUSER root\nENTRYPOINT ["dotnet","Api.dll"]\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'Dockerfile', line: 4, snippet: 'USER root' }] },
    },
    {
      name: 'one of two Dockerfiles as root is partial, with evidence per Dockerfile',
      tree: {
        'api/Dockerfile': 'FROM node:20-slim\nUSER node\nCMD ["node","index.js"]\n',
        'worker/Dockerfile': 'FROM python:3.12-slim\nCMD ["python","worker.py"]\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [
          { path: 'api/Dockerfile', line: 2 },
          { path: 'worker/Dockerfile', line: 1 },
        ],
      },
    },
    {
      name: 'Jib without <container><user> runs as its base image user (root by default)',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <build>\n   <plugins>\n    <plugin>\n      <groupId>com.google.cloud.tools</groupId>\n      <artifactId>jib-maven-plugin</artifactId>\n      <configuration>\n        <to><image>shop:latest</image></to>\n        <container>\n          <entrypoint>/entrypoint.sh</entrypoint>\n        </container>\n      </configuration>\n    </plugin>\n   </plugins>\n  </build>\n</project>\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'pom.xml', note: expect.stringContaining('eclipse-temurin') }] },
    },
    {
      name: 'an entrypoint script that only prepares files and runs the service as root does not drop privileges',
      tree: {
        Dockerfile:
          'FROM alpine:3.20\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
        'docker-entrypoint.sh':
          '#!/bin/sh\n# exec su-exec would drop privileges here\nchown -R 1000 /data\nexec "$@"\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'Dockerfile', line: 1 }] },
    },
  ],
  notApplicable: [
    {
      name: 'no Dockerfile: not applicable',
      tree: { 'main.go': 'package main\n' },
      expect: { outcome: 'not-applicable' },
    },
    {
      name: 'a chart repository whose only Dockerfile builds a maintainer script ships no image',
      profile: 'infrastructure',
      tree: {
        'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
        'scripts/release-analysis/Dockerfile': 'FROM python:3.12\nCOPY . .\nCMD ["python", "analyse.py"]\n',
      },
      expect: { outcome: 'not-applicable', message: 'no image ships from this infrastructure repository' },
    },
    {
      name: 'a Rails service whose only Dockerfile is Dockerfile.dev: not judged, as container-image does not count it',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        'Dockerfile.dev': 'FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nCMD ["bin/rails", "server"]\n',
      },
      expect: {
        outcome: 'not-applicable',
        message:
          'no image ships from this repository: Dockerfile.dev builds a development, test, example or tool image',
      },
    },
    {
      name: 'a dev container alone is not a deployment, and the reason says it was seen, never "no Dockerfile" (round 12)',
      tree: { '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/base\n' },
      expect: {
        outcome: 'not-applicable',
        message: 'only a development-container Dockerfile (.devcontainer/Dockerfile)',
        absent: ['no Dockerfile or Containerfile'],
      },
    },
  ],
});
