/**
 * "Database (H2) with JPA/Hibernate", "PostgreSQL with GORM", "SQLite in-memory database for testing":
 * a short line that names the database engine (and perhaps the ORM) a project uses. The engine shows
 * in a driver the project declares and in a connection setting (a jdbc URL, a DATABASE_URL, Prisma's
 * datasource provider, Django's ENGINE, Laravel's DB_CONNECTION, EF Core's UseSqlite…); the ORM in a
 * declared dependency. Every technology found: confirmed, each with its file and line; some: partly.
 * Contradicted only when the line names one engine, with no environment, and the repository
 * clearly uses another one (a driver and a setting) — a line naming several engines, or none of them
 * readable, settles nothing.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import { plain } from './status.js';

interface Tech {
  name: string;
  /** How a line names it. */
  claim: RegExp;
  /** Dependency names (the last segment of a Maven coordinate or a Go path, lower case). */
  deps: RegExp;
  /** A connection setting that selects it (engines only). */
  setting?: RegExp;
}

const ENGINES: Tech[] = [
  {
    name: 'PostgreSQL',
    claim: /\bpostgres(?:ql)?\b|\bpostgre\b/i,
    deps: /^(?:postgresql|postgres|pg|pg-promise|psycopg2?(?:-binary)?|psycopg|asyncpg|npgsql(?:\..*)?|pq|pgx(?:\/v\d)?|r2dbc-postgresql|quarkus-jdbc-postgresql)$/,
    setting:
      /jdbc:postgresql:|\bpostgres(?:ql)?(?:\+\w+)?:\/\/|provider\s*=\s*"postgresql"|django\.db\.backends\.postgresql|adapter:\s*postgresql|DB_CONNECTION["']?\s*(?:=|value=)\s*["']?pgsql|\bUseNpgsql\b/,
  },
  {
    name: 'MySQL',
    claim: /\bmysql\b|\bmariadb\b/i,
    deps: /^(?:mysql2?|mysqlclient|pymysql|aiomysql|mysql-connector-(?:java|j|python)|mariadb(?:-java-client)?|pomelo\.entityframeworkcore\.mysql|quarkus-jdbc-mysql)$/,
    setting:
      /jdbc:(?:mysql|mariadb):|\b(?:mysql|mariadb)(?:\+\w+)?:\/\/|provider\s*=\s*"mysql"|django\.db\.backends\.mysql|adapter:\s*mysql2?|DB_CONNECTION["']?\s*(?:=|value=)\s*["']?(?:mysql|mariadb)|\bUseMySql\b/,
  },
  {
    name: 'SQLite',
    claim: /\bsqlite3?\b/i,
    deps: /^(?:sqlite3|better-sqlite3|sqlite-jdbc|sqlite|aiosqlite|go-sqlite3|microsoft\.entityframeworkcore\.sqlite|quarkus-jdbc-sqlite)$/,
    setting:
      /jdbc:sqlite:|\bsqlite(?:\+\w+)?:\/\/|provider\s*=\s*"sqlite"|django\.db\.backends\.sqlite3|adapter:\s*sqlite3|DB_CONNECTION["']?\s*(?:=|value=)\s*["']?sqlite|\bUseSqlite\b/,
  },
  {
    name: 'H2',
    claim: /\bh2\b/i,
    deps: /^(?:h2|quarkus-jdbc-h2)$/,
    setting: /jdbc:h2:/,
  },
  {
    name: 'MongoDB',
    claim: /\bmongo(?:db)?\b/i,
    deps: /^(?:mongodb|mongoose|pymongo|motor|mongo-driver|spring-boot-starter-data-mongodb|mongodb\.driver)$/,
    setting: /\bmongodb(?:\+srv)?:\/\/|provider\s*=\s*"mongodb"/,
  },
  {
    name: 'SQL Server',
    claim: /\bsql ?server\b|\bmssql\b/i,
    deps: /^(?:mssql|tedious|pyodbc|mssql-jdbc|microsoft\.entityframeworkcore\.sqlserver)$/,
    setting: /jdbc:sqlserver:|provider\s*=\s*"sqlserver"|\bUseSqlServer\b/,
  },
];

const ORMS: Tech[] = [
  {
    name: 'JPA',
    claim: /\bjpa\b/i,
    deps: /^(?:spring-boot-starter-data-jpa|jakarta\.persistence-api|javax\.persistence-api|hibernate-core|quarkus-hibernate-orm(?:-panache)?)$/,
  },
  {
    name: 'Hibernate',
    claim: /\bhibernate\b/i,
    deps: /^(?:hibernate-core|spring-boot-starter-data-jpa|quarkus-hibernate-orm(?:-panache)?)$/,
  },
  { name: 'SQLAlchemy', claim: /\bsqlalchemy\b/i, deps: /^(?:sqlalchemy|flask-sqlalchemy|sqlmodel)$/ },
  { name: 'SQLModel', claim: /\bsqlmodel\b/i, deps: /^sqlmodel$/ },
  { name: 'Prisma', claim: /\bprisma\b/i, deps: /^(?:prisma|@prisma\/client)$/ },
  { name: 'GORM', claim: /\bgorm\b/i, deps: /^gorm$/ },
  {
    name: 'Entity Framework',
    claim: /\bentity framework(?: core)?\b|\bef core\b/i,
    deps: /^microsoft\.entityframeworkcore(?:\.\w+)?$/,
  },
  { name: 'Mongoose', claim: /\bmongoose\b/i, deps: /^mongoose$/ },
  { name: 'TypeORM', claim: /\btypeorm\b/i, deps: /^typeorm$/ },
  { name: 'Sequelize', claim: /\bsequelize\b/i, deps: /^sequelize$/ },
  { name: 'Drizzle', claim: /\bdrizzle\b/i, deps: /^drizzle-orm$/ },
  { name: 'Doctrine', claim: /\bdoctrine\b/i, deps: /^doctrine\/orm$/ },
];

/** Words a line about its database may hold besides the names: labels, connectives, environments. */
const FILLER =
  /^(?:database|databases|db|orm|with|using|use|uses|via|and|or|plus|for|in|on|the|a|an|memory|in-memory|inmemory|embedded|driver|engine|base|de|datos|dados|données|banco|datenbank|mit|und|con|com|avec|et|y|e|testing|tests?|test|dev|development|desarrollo|desenvolvimento|développement|local|prod|production|producción|produção|staging|ci|persistence|storage|data|layer)$/i;
const ENVIRONMENT =
  /\b(?:test|tests|testing|dev|development|desarrollo|desenvolvimento|local|prod|production|producción|produção|staging|ci|docker|container|containers|fallback|optional|if selected)\b/i;
/** A line about a move, a choice or an option is not a statement of what is used. */
const NOT_IN_USE =
  /\b(?:migrat\w*|switch\w*|move|moving|replace\w*|instead|support\w*|compatib\w*|option\w*|choose|choice|recommend\w*|consider\w*|plan\w*|todo|future|to|from|vs\.?|versus|setup|set up|install\w*|configure|if)\b|→|->|\?/i;

/** The file:line where a pattern first appears, outside a comment, in the connection settings. */
function settingAt(ctx: LookupContext, files: string[], re: RegExp): Evidence | null {
  const g = new RegExp(re.source, 'g');
  for (const path of files) {
    const text = fileText(ctx, path);
    if (!text) continue;
    g.lastIndex = 0;
    for (let m = g.exec(text), k = 0; m && k < 20; m = g.exec(text), k++) {
      const from = text.lastIndexOf('\n', m.index) + 1;
      const end = text.indexOf('\n', m.index);
      const snippet = text.slice(from, end < 0 ? undefined : end).trim();
      if (/^(?:#|\/\/|<!--|\/\*|\*|--|;)/.test(snippet)) continue;
      const line = text.slice(0, m.index).split('\n').length;
      return { path, line, snippet: snippet.slice(0, 160) };
    }
  }
  return null;
}

/**
 * Files that select a database: application settings, compose files, Prisma schemas. Not .env
 * examples: they often list a choice of URLs, and say nothing of which one the project runs.
 */
const SETTINGS_FILE =
  /(?:^|\/)(?:application[\w-]*\.(?:ya?ml|properties)|settings(?:\/\w+)?\.py|settings\.py|database\.(?:ya?ml|php)|schema\.prisma|appsettings[\w.-]*\.json|Program\.cs|Startup\.cs|phpunit\.xml(?:\.dist)?|docker-compose[\w.-]*\.ya?ml|compose\.ya?ml|persistence\.xml|config\.(?:py|ts|js)|db\.(?:py|ts|js|go)|database\.(?:py|ts|js|go))$/;
const VENDORED = /(?:^|\/)(?:node_modules|vendor|\.git|dist|build|target)\//;

function dependencyAt(ctx: LookupContext, deps: RegExp): Evidence | null {
  for (const d of ctx.facts.dependencies) {
    if (d.direct === false) continue;
    const last = d.name.toLowerCase().split(/[:/]/);
    const tail = last[last.length - 1]!;
    const name = d.name.toLowerCase();
    if (deps.test(tail) || deps.test(name))
      return { path: d.path, ...(d.line ? { line: d.line } : {}), snippet: `${d.name} ${d.version ?? ''}`.trim() };
  }
  return null;
}

export interface DatabaseJudgement {
  verdict: 'confirmed' | 'partially-confirmed' | 'contradicted';
  reason: string;
  evidence: Evidence[];
}

/** The technologies a short database line names, or null when the line is not one. */
export function databaseLine(text: string): { engines: Tech[]; orms: Tech[]; environment: boolean } | null {
  const t = plain(text)
    .replace(/^[|\s>*+-]+/, '')
    .slice(0, 200);
  if (t.length > 90 || NOT_IN_USE.test(t) || /\d\.\d/.test(t)) return null;
  const engines = ENGINES.filter((e) => e.claim.test(t));
  if (!engines.length) return null;
  const orms = ORMS.filter((o) => o.claim.test(t));
  let rest = t;
  for (const x of [...engines, ...orms]) rest = rest.replace(new RegExp(x.claim.source, 'gi'), ' ');
  const words = (rest.match(/[\p{L}][\p{L}-]*/gu) ?? []).filter((w) => !FILLER.test(w));
  if (words.length > 2) return null;
  return { engines, orms, environment: ENVIRONMENT.test(t) };
}

/** "Database (H2) with JPA/Hibernate" judged against drivers, settings and ORM dependencies. */
export function databaseJudgement(ctx: LookupContext, claim: Claim): DatabaseJudgement | null {
  if (claim.asserted === 'not-done' || claim.asserted === 'planned') return null;
  const line = databaseLine(claim.text);
  if (!line) return null;
  const files = ctx.files.paths.filter((p) => SETTINGS_FILE.test(p) && !VENDORED.test(p)).slice(0, 60);
  const found: { name: string; evidence: Evidence[] }[] = [];
  const missing: string[] = [];
  for (const e of line.engines) {
    const ev = [dependencyAt(ctx, e.deps), e.setting ? settingAt(ctx, files, e.setting) : null].filter(
      (x): x is Evidence => !!x,
    );
    if (ev.length) found.push({ name: e.name, evidence: ev });
    else missing.push(e.name);
  }
  for (const o of line.orms) {
    const ev = dependencyAt(ctx, o.deps);
    if (ev) found.push({ name: o.name, evidence: [ev] });
    else missing.push(o.name);
  }
  const says = (f: { name: string; evidence: Evidence[] }) =>
    `${f.name} (${f.evidence.map((e) => `${e.path}${e.line ? `:${e.line}` : ''}`).join(', ')})`;
  if (!missing.length) {
    const used = {
      verdict: 'confirmed' as const,
      reason: `used: ${found.map(says).join('; ')}`,
      evidence: found.flatMap((f) => f.evidence).slice(0, 4),
    };
    return imageVersion(ctx, claim.text, used) ?? used;
  }
  if (found.length)
    return {
      verdict: 'partially-confirmed',
      reason: `only in part: ${found.map(says).join('; ')}; no driver or setting for ${missing.join(', ')}`,
      evidence: found.flatMap((f) => f.evidence).slice(0, 4),
    };
  // Nothing the line names is used: another engine, shown by both a driver and a setting, says it is out of date.
  if (line.engines.length !== 1 || line.environment) return null;
  for (const other of ENGINES) {
    if (other === line.engines[0]) continue;
    const dep = dependencyAt(ctx, other.deps);
    const set = other.setting ? settingAt(ctx, files, other.setting) : null;
    if (dep && set)
      return {
        verdict: 'contradicted',
        reason: `not so: the project uses ${other.name} (${dep.path}${dep.line ? `:${dep.line}` : ''}, ${set.path}:${set.line}), with no driver or setting for ${line.engines[0]!.name}`,
        evidence: [set, dep],
      };
  }
  return null;
}

/**
 * "Postgres 15", "PostgreSQL 16+", "MongoDB 7": the engine's major version the line gives. Only a whole
 * major version right after the engine's name ("MySQL 8.0" is left to others; a database line with a
 * dotted figure is not read here).
 */
const ENGINE_VERSION = /\b(postgres(?:ql)?|postgre|mysql|mongo(?:db)?)\s*v?(\d{1,2})(\+)?(?![\w.])/i;
/** Where a container image is named: compose, Kubernetes and deploy manifests, Dockerfiles, CI workflows. */
const IMAGE_FILE =
  /(?:^|\/)(?:(?:docker-)?compose[\w.-]*\.ya?ml|Dockerfile[\w.-]*|[\w.-]*\.Dockerfile|deploy\.ya?ml)$|(?:^|\/)\.github\/workflows\/[\w.-]+\.ya?ml$|(?:^|\/)(?:k8s|kubernetes|manifests|helm|charts?|deploy(?:ment)?s?)\/(?:[\w.-]+\/){0,4}[\w.-]+\.ya?ml$/i;
/** "image: postgres:16-alpine", "FROM pgvector/pgvector:pg16", "image: 'mongo:7'": an image and its tag. */
const IMAGE_REF = /^\s*(?:-\s*)?(?:image\s*:|FROM\s)\s*["']?((?:[\w.-]+\/){0,3}[\w.-]+):([\w.-]{1,40})/i;
const IMAGE_ENGINE: [RegExp, string][] = [
  [/^(?:postgres(?:ql)?|postgis|pgvector|timescaledb(?:-ha)?)$/i, 'postgres'],
  [/^mysql(?:-server)?$/i, 'mysql'],
  [/^mongo(?:db)?(?:-community-server)?$/i, 'mongo'],
];

/** The major version an image tag gives: "16-alpine" → 16, "pg16" / "0.7.0-pg16" → 16, "latest" → null. */
function tagMajor(tag: string): number | null {
  const pg = /(?:^|-)pg(\d{1,2})\b/i.exec(tag);
  if (pg) return Number(pg[1]);
  const lead = /^(\d{1,2})(?:[.-]|$)/.exec(tag);
  return lead ? Number(lead[1]) : null;
}

/**
 * The images of the engine a confirmed database line names with a version, compared with that version:
 * an image of the stated version (or later, for "16+") adds its evidence; images of the engine that are
 * all of another version say the line is out of date. No image of the engine: null (nothing compared).
 */
function imageVersion(ctx: LookupContext, text: string, used: DatabaseJudgement): DatabaseJudgement | null {
  const said = ENGINE_VERSION.exec(plain(text));
  if (!said) return null;
  const engine = /^postgre/i.test(said[1]!) ? 'postgres' : /^mysql/i.test(said[1]!) ? 'mysql' : 'mongo';
  const major = Number(said[2]);
  const atLeast = said[3] === '+';
  const seen: (Evidence & { major: number })[] = [];
  const files = ctx.files.paths.filter((p) => IMAGE_FILE.test(p) && !VENDORED.test(p)).slice(0, 60);
  for (const path of files) {
    const body = fileText(ctx, path);
    if (!body) continue;
    const lines = body.split('\n', 5000);
    for (let i = 0; i < lines.length && seen.length < 20; i++) {
      const m = IMAGE_REF.exec(lines[i]!);
      if (!m) continue;
      const name = m[1]!.slice(m[1]!.lastIndexOf('/') + 1);
      if (!IMAGE_ENGINE.some(([re, e]) => e === engine && re.test(name))) continue;
      const v = tagMajor(m[2]!);
      if (v !== null) seen.push({ path, line: i + 1, snippet: lines[i]!.trim().slice(0, 160), major: v });
    }
  }
  if (!seen.length) return null;
  const agree = seen.filter((e) => (atLeast ? e.major >= major : e.major === major));
  const cite = (e: Evidence & { major: number }) => ({ path: e.path, line: e.line, snippet: e.snippet });
  const at = (e: Evidence) => `${e.path}:${e.line}`;
  if (agree.length)
    return {
      ...used,
      reason: `${used.reason}; version ${major}${atLeast ? '+' : ''} as the image at ${at(agree[0]!)} gives`,
      evidence: [cite(agree[0]!), ...used.evidence].slice(0, 4),
    };
  const versions = [...new Set(seen.map((e) => e.major))].join(', ');
  return {
    verdict: 'contradicted',
    reason: `not so: the line says ${said[1]} ${major}${atLeast ? '+' : ''}, but the images of it the repository runs are version ${versions} (${seen
      .slice(0, 2)
      .map(at)
      .join(', ')})`,
    evidence: seen.slice(0, 3).map(cite),
  };
}
