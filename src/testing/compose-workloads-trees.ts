/**
 * In-memory trees shared by the health-checks, redundancy and resource-limits tests: the compose
 * services set aside (one-shot jobs, development services) must be the same for all three rules.
 */

/** A Nest API with a migration job in its own compose file (no command, no ports: named for it). */
export const MIGRATE_JOB_TREE: Record<string, string> = {
  'package.json': '{"name":"notes-api","dependencies":{"@nestjs/core":"10.0.0"}}',
  Dockerfile: 'FROM node:20-alpine\nCOPY . .\nEXPOSE 3000\nCMD ["node", "dist/main"]\n',
  'docker-compose.yml': [
    'services:',
    '  notes-api:',
    '    build: .',
    '    restart: always',
    '    ports:',
    "      - '3000:3000'",
    '',
  ].join('\n'),
  'docker-compose.migrate.yml': [
    'services:',
    '  db-migrate:',
    '    build:',
    '      context: prisma',
    '    environment:',
    '      DATABASE_URL: ${DATABASE_URL}',
    '  db-seed:',
    '    build: .',
    "    command: ['npx', 'prisma', 'db', 'seed']",
    '  release:',
    '    build: .',
    "    command: sh -c 'npx prisma migrate deploy && node dist/main'",
    '',
  ].join('\n'),
};

/** Only a development compose file (hot reload, development images) beside the image that ships. */
export const DEV_ONLY_TREE: Record<string, string> = {
  'go.mod': 'module example.com/authd\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  Dockerfile:
    'FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /authd\nFROM alpine:3.20\nCOPY --from=build /authd /authd\nEXPOSE 9999\nCMD ["/authd"]\n',
  'Dockerfile.dev': 'FROM golang:1.22\nRUN go install github.com/githubnemo/CompileDaemon@latest\n',
  'Dockerfile.postgres.dev': 'FROM postgres:15\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
  'docker-compose-dev.yml': [
    'services:',
    '  authd:',
    '    build:',
    '      context: ./',
    '      dockerfile: Dockerfile.dev',
    '    ports:',
    "      - '9999:9999'",
    '    volumes:',
    '      - ./:/go/src/authd',
    '    command: CompileDaemon --build="go build" --command=./authd',
    '  postgres:',
    '    build:',
    '      context: .',
    '      dockerfile: Dockerfile.postgres.dev',
    '',
  ].join('\n'),
};
