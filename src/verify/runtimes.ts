/**
 * "**Go Version**: 1.25.4", "**PHP Version:** 8.2+", "**Framework**: ASP.NET Core 8.0": the version of
 * a language or framework a project states in its own files — go.mod's `go` line, composer.json's
 * `php` requirement, package.json's engines, requires-python, a .csproj's target framework, a
 * pom's java.version — compared as a reader compares them. A stated version that differs is out of
 * date; a language whose version no file states settles nothing.
 */
import type { Claim } from './extract.js';
import { dependenciesNamed, type Finding, type LookupContext, versionAgrees } from './lookup.js';
import { fileText } from './problems.js';
import { plain } from './status.js';
import { pinnedClaim } from './pins.js';
import { table } from '../util/table.js';

const VERSION = String.raw`v?(\d+(?:\.\d+){0,3})(\+|\.x)?`;
/** "Go Version: 1.25.4", "PHP Version: 8.2+". */
const LABELLED = new RegExp(
  String.raw`^([A-Za-z][\w.#+ -]{0,24}?)\s+(?:version|versão|versión|Version)\s*:\s*${VERSION}(?![\w.])`,
  'i',
);
/** "Framework: ASP.NET Core 8.0", "Runtime: Node 20". */
const NAMED = new RegExp(
  String.raw`^(?:framework|runtime|language|platform|linguagem|lenguaje|sprache)\s*:\s*([A-Za-z][\w.#+ -]{0,24}?)\s+${VERSION}(?![\w.])`,
  'i',
);

/** "Modern Java 21 LTS", "Built on Next.js 15", "React 19 + Vite": a language or framework named with its version in a short line. */
const INLINE_TECH = String.raw`java|jdk|node\.js|nodejs|node|python|golang|go(?=\s+v?\d+\.\d)|php|\.net(?: core)?|asp\.net core|laravel|symfony|rails|django|spring boot|react|next\.js|nextjs|vue(?:\.js)?|angular|nestjs|fastapi|flask`;
const INLINE = new RegExp(
  String.raw`(?<![\w.@/-])(${INLINE_TECH})\s+v?(\d+(?:\.\d+){0,2})(\+|\.x)?(?![\w.%/-]|\s*(?:%|ms|s\b|mb|gb|kb|x\b|times|files|tests|lines|days|hours|minutes|users|requests))`,
  'gi',
);
/** A version one moves to, compares with or supports is not the version in use. */
const NOT_IN_USE =
  /\b(?:upgrade|update|updating|migrat\w*|move|moving|bump|switch|port(?:ed|ing)?|to|from|towards?|auf|para|vers|nach|instead|compatib\w*|support\w*|tested|requires?|recommend\w*|minimum|mindestens|at least|or (?:higher|later|newer)|and (?:above|later)|eol|end of life|deprecated|mismatch|vs\.?|versus|\?)|→|->|=>|⇒/i;

export interface RuntimeClaim {
  tech: string;
  version: string;
  atLeast: boolean;
  /** Named in the line's words, not on a label line: "Java 21" of "21.0.2" holds. */
  inline?: boolean;
  /** "androidx.core:core-ktx:1.13.1": a package's coordinate, whose version is pinned exactly. */
  coordinate?: boolean;
}

/** "Modern Java 21 LTS": the one language or framework version a short line names. */
function inlineClaim(claim: Claim): RuntimeClaim | null {
  if (claim.asserted === 'not-done' || claim.asserted === 'planned') return null;
  let t = plain(claim.text).replace(/^[|\s-]+/, '');
  // (trimmed by hand: an end-anchored class with + backtracks on long runs)
  while (t.endsWith('|') || t.endsWith(' ')) t = t.slice(0, -1);
  if (t.length > 60 || NOT_IN_USE.test(t)) return null;
  const all = [...t.matchAll(INLINE)];
  if (all.length !== 1) return null;
  const m = all[0]!;
  // "Modern Java 21 LTS" names the version; "Laravel 12 features properly implemented" judges the work.
  const rest = (t.slice(0, m.index) + t.slice(m.index! + m[0].length)).match(/\p{L}{2,}/gu) ?? [];
  if (
    rest.length > 3 ||
    rest.some((w) => /^(?:features?|implemented|used|uses|using|best|practices?|patterns?|app|code)$/i.test(w))
  )
    return null;
  return {
    tech: m[1]!
      .toLowerCase()
      .replace(/^vue\.js$/, 'vue')
      .replace(/^\.net core$/, '.net'),
    version: m[2]!,
    atLeast: m[3] === '+',
    inline: true,
  };
}

export function runtimeClaim(claim: Claim): RuntimeClaim | null {
  const t = plain(claim.text);
  const m = LABELLED.exec(t) ?? NAMED.exec(t);
  if (!m) return pinnedClaim(t) ?? inlineClaim(claim);
  return { tech: m[1]!.trim().toLowerCase(), version: m[2]!, atLeast: m[3] === '+' };
}

interface Stated {
  path: string;
  line: number;
  value: string;
}

function firstLine(ctx: LookupContext, paths: string[], re: RegExp): Stated | null {
  for (const path of paths.sort((a, b) => a.split('/').length - b.split('/').length)) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]!);
      if (m) return { path, line: i + 1, value: m[1]! };
    }
  }
  return null;
}

const named = (ctx: LookupContext, re: RegExp) => ctx.files.paths.filter((p) => re.test(p));

/** Where each language states the version it needs. */
function stated(ctx: LookupContext, tech: string): Stated | null {
  if (/^(?:go|golang)$/.test(tech)) return firstLine(ctx, named(ctx, /(?:^|\/)go\.mod$/), /^go\s+(\d+(?:\.\d+)*)\s*$/);
  if (tech === 'php') return firstLine(ctx, named(ctx, /(?:^|\/)composer\.json$/), /^\s*"php"\s*:\s*"([^"]+)"/);
  if (/^(?:node|node\.js|nodejs)$/.test(tech))
    return (
      firstLine(ctx, named(ctx, /(?:^|\/)package\.json$/), /^\s*"node"\s*:\s*"([^"]+)"/) ??
      firstLine(ctx, named(ctx, /(?:^|\/)\.nvmrc$/), /^\s*v?(\d[\d.]*)/)
    );
  if (tech === 'python')
    return (
      firstLine(ctx, named(ctx, /(?:^|\/)pyproject\.toml$/), /^\s*requires-python\s*=\s*["']([^"']+)["']/) ??
      firstLine(ctx, named(ctx, /(?:^|\/)\.python-version$/), /^\s*(\d[\d.]*)/)
    );
  if (/^(?:java|jdk)$/.test(tech))
    return (
      firstLine(
        ctx,
        named(ctx, /(?:^|\/)pom\.xml$/),
        /<(?:java\.version|maven\.compiler\.release|maven\.compiler\.source)>\s*([\d.]+)/,
      ) ??
      firstLine(
        ctx,
        named(ctx, /(?:^|\/)build\.gradle(?:\.kts)?$/),
        /(?:languageVersion\.set\(JavaLanguageVersion\.of\(|JavaLanguageVersion\.of\(|sourceCompatibility\s*=\s*['"]?(?:JavaVersion\.VERSION_)?)(\d+)/,
      )
    );
  // The Gradle wrapper's distribution, and the plugins that carry the Android and Kotlin toolchains.
  if (/^gradle(?: wrapper)?$/.test(tech))
    return firstLine(
      ctx,
      named(ctx, /(?:^|\/)gradle\/wrapper\/gradle-wrapper\.properties$/),
      /^\s*distributionUrl\s*=.*gradle-(\d+(?:\.\d+)*(?:-[\w.]+?)?)-(?:bin|all)\.zip/,
    );
  const plugin = /^(?:android gradle plugin|agp)$/.test(tech)
    ? /^plugin:com\.android\.(?:application|library)$/
    : tech === 'kotlin'
      ? /^plugin:org\.jetbrains\.kotlin\.(?:android|jvm|multiplatform)$/
      : tech === 'ksp'
        ? /^plugin:com\.google\.devtools\.ksp$/
        : null;
  if (plugin) {
    const d = ctx.facts.dependencies.find((x) => plugin.test(x.name) && x.version);
    return d ? { path: d.path, line: d.line ?? 0, value: d.version! } : null;
  }
  const sdk = /^(compile|target|min)sdk(?:version)?$/.exec(tech);
  if (sdk)
    return firstLine(
      ctx,
      named(ctx, /(?:^|\/)build\.gradle(?:\.kts)?$/),
      new RegExp(String.raw`^\s*${sdk[1]}Sdk(?:Version)?\s*(?:=\s*|\s+)(\d+)\s*$`),
    );
  if (/^(?:\.net|net|dotnet|asp\.net core|asp\.net|\.net core|ef core)$/.test(tech))
    return firstLine(ctx, named(ctx, /\.(?:cs|fs|vb)proj$/), /<TargetFrameworks?>\s*net(?:coreapp)?(\d+\.\d+)/);
  return null;
}

/** Frameworks by the package that carries their version. */
const FRAMEWORK_PACKAGE: Record<string, string> = table({
  laravel: 'laravel/framework',
  symfony: 'symfony/framework-bundle',
  rails: 'rails',
  django: 'django',
  'spring boot': 'spring-boot-starter-parent',
  react: 'react',
  'next.js': 'next',
  nextjs: 'next',
  vue: 'vue',
  angular: '@angular/core',
  nestjs: '@nestjs/core',
  express: 'express',
  fastapi: 'fastapi',
  flask: 'flask',
});

export function runtimeFinding(ctx: LookupContext, c: RuntimeClaim): Finding | null {
  const subject = `${c.tech} ${c.version}${c.atLeast ? '+' : ''}`;
  const pkg = FRAMEWORK_PACKAGE[c.tech];
  if (c.coordinate) return coordinateFinding(ctx, c, subject);
  if (c.inline) return inlineFinding(ctx, c, subject, pkg);
  const s: Stated | null = pkg
    ? (() => {
        const d = dependenciesNamed(ctx.facts, pkg).find((x) => x.version);
        return d ? { path: d.path, line: d.line ?? 0, value: d.version! } : null;
      })()
    : stated(ctx, c.tech);
  if (!s) return null;
  const spec = s.value.trim();
  const evidence = [{ path: s.path, ...(s.line ? { line: s.line } : {}), snippet: `${c.tech} ${spec}` }];
  // "8.2+" is a floor, which "^8.2" or ">=8.2" states; "1.25.4" is what go.mod's go line says exactly.
  const bare = spec.replace(/^[\s^~=v]+/, '');
  const floor = /^(?:\^|>=|~)/.test(spec);
  const agrees =
    bare === c.version ||
    (bare.startsWith(`${c.version}.`) && floor) ||
    (c.atLeast && floor && versionAgrees(c.version, spec) !== 'no' && bare.split('.')[0] === c.version.split('.')[0]) ||
    (floor && versionAgrees(c.version, spec) === 'yes');
  return {
    subject,
    basis: 'config',
    valued: true,
    present: agrees ? 'yes' : 'no',
    detail: `${s.path}${s.line ? `:${s.line}` : ''} states ${c.tech} ${spec}${agrees ? '' : `, not ${c.version}`}`,
    evidence,
  };
}

/**
 * "Java 21" where pom.xml says 17, "React 19" where package.json says ^18.2.0: a version named in
 * passing agrees with any declaration of the same major (and minor, when given); a monorepo whose
 * packages declare several is settled when one agrees.
 */
function inlineFinding(ctx: LookupContext, c: RuntimeClaim, subject: string, pkg: string | undefined): Finding | null {
  const all: Stated[] = pkg
    ? dependenciesNamed(ctx.facts, pkg)
        .filter((d) => d.version)
        .map((d) => ({ path: d.path, line: d.line ?? 0, value: d.version! }))
    : [stated(ctx, c.tech)].filter((x): x is Stated => x !== null);
  // A spec without a number ("*", "latest", a git URL) states no version.
  const specs = all.filter((s) => /\d/.test(s.value) && !/[*x]$|latest|:\/\/|workspace:|file:/i.test(s.value));
  if (!specs.length) return null;
  const agrees = (s: Stated) => {
    const spec = s.value.trim();
    const v = versionAgrees(c.version, spec);
    return v === 'yes' || (v === 'partly' && (c.atLeast || /^(?:\^|~)/.test(spec)));
  };
  const same = specs.find(agrees);
  // "Python 3.12" where requires-python is ">=3.10": within the range, neither said nor denied.
  if (!same && specs.some((s) => versionAgrees(c.version, s.value.trim()) === 'partly')) return null;
  const shown = same ? [same] : specs.slice(0, 3);
  return {
    subject,
    basis: 'config',
    valued: true,
    present: same ? 'yes' : 'no',
    detail: same
      ? `${same.path}${same.line ? `:${same.line}` : ''} states ${c.tech} ${same.value.trim()}`
      : `${shown.map((s) => `${s.path}${s.line ? `:${s.line}` : ''} states ${c.tech} ${s.value.trim()}`).join(', ')}, not ${c.version}`,
    evidence: shown.map((s) => ({
      path: s.path,
      ...(s.line ? { line: s.line } : {}),
      snippet: `${c.tech} ${s.value.trim()}`,
    })),
  };
}

/**
 * "- androidx.core:core-ktx:1.13.1" where app/build.gradle.kts pins core-ktx 1.12.0: the coordinate
 * (or its artifact alone) names the package, and a build pins one version exactly, so another is out
 * of date. A package no manifest pins (a catalogue reference, a version from a variable) settles nothing.
 */
function coordinateFinding(ctx: LookupContext, c: RuntimeClaim, subject: string): Finding | null {
  const want = c.tech.toLowerCase();
  const all = ctx.facts.dependencies.filter((d) => {
    const name = d.name.toLowerCase();
    return (name === want || (!want.includes(':') && name.endsWith(`:${want}`))) && d.version && /\d/.test(d.version);
  });
  if (!all.length) return null;
  const specs = all.map((d) => ({ path: d.path, line: d.line ?? 0, value: d.version!.trim(), name: d.name }));
  const same = specs.find((s) => versionAgrees(c.version, s.value) === 'yes');
  // A range that allows the version ("^1.9", "[1.0,2.0)") neither says nor denies it.
  if (!same && specs.some((s) => !/^v?\d[\w.-]*$/.test(s.value) || versionAgrees(c.version, s.value) === 'partly'))
    return null;
  const shown = same ? [same] : specs.slice(0, 3);
  const at = (s: (typeof specs)[number]) => `${s.path}${s.line ? `:${s.line}` : ''}`;
  return {
    subject,
    basis: 'dependency',
    valued: true,
    present: same ? 'yes' : 'no',
    detail: same
      ? `${at(same)} pins ${same.name} ${same.value}`
      : `${shown.map((s) => `${at(s)} pins ${s.name} ${s.value}`).join(', ')}, not ${c.version}`,
    evidence: shown.map((s) => ({
      path: s.path,
      ...(s.line ? { line: s.line } : {}),
      snippet: `${s.name} ${s.value}`,
    })),
  };
}
