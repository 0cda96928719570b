/**
 * What Travis CI runs when `.travis.yml` writes no `script:` (or `install:`): each language's
 * documented default (https://docs.travis-ci.com/user/languages/), chosen by the build files the
 * repository has, as Travis chooses it. A `jobs.include` entry without a script of its own runs
 * the top-level script, or its language's default when there is none.
 */
import type { FileView } from '../../types.js';
import { type CiFile, travisJobName } from '../ci.js';
import type { CiDefault } from './steps.js';
import { lineOf } from './types.js';
import { table } from '../../util/table.js';
import { escapeRe } from '../../util/regex.js';

/** Travis's default `script` per language (JVM languages depend on the build tool, below). */
const SCRIPT: Record<string, string> = table({
  node_js: 'npm test',
  ruby: 'bundle exec rake',
  go: 'go test -v ./...',
  rust: 'cargo build --verbose\ncargo test --verbose',
  php: 'phpunit',
  elixir: 'mix test',
  clojure: 'lein test',
  haskell: 'cabal test',
  scala: 'sbt ++$TRAVIS_SCALA_VERSION test',
  perl: 'make test',
  c: './configure && make && make test',
  cpp: './configure && make && make test',
  crystal: 'crystal spec',
  d: 'dub test',
  dart: 'pub run test',
  r: 'R CMD check',
  julia: 'julia -e "using Pkg; Pkg.test()"',
  android: './gradlew build connectedCheck',
});

/** Maven, Gradle (with or without the wrapper) or Ant, as Travis picks them for Java and Groovy. */
function jvm(files: FileView, what: 'script' | 'install'): string | undefined {
  if (files.exists('pom.xml'))
    return what === 'script' ? 'mvn test -B' : 'mvn install -DskipTests=true -Dmaven.javadoc.skip=true -B -V';
  if (files.exists('build.gradle') || files.exists('build.gradle.kts')) {
    const gradle = files.exists('gradlew') ? './gradlew' : 'gradle';
    return `${gradle} ${what === 'script' ? 'check' : 'assemble'}`;
  }
  if (files.exists('build.xml')) return what === 'script' ? 'ant test' : undefined;
  return undefined;
}

function defaultOf(files: FileView, language: string, what: 'script' | 'install'): string | undefined {
  if (language === 'java' || language === 'groovy') return jvm(files, what);
  return what === 'script' ? SCRIPT[language] : undefined;
}

type Doc = Record<string, unknown>;

export function travisDefaults(files: FileView, f: CiFile, doc: Doc, text: string): CiDefault[] {
  const out: CiDefault[] = [];
  const languageLine = lineOf(text, /^language\s*:/) ?? 1;
  const add = (language: string, job: string | undefined, owner: Doc, line: number) => {
    for (const what of ['install', 'script'] as const) {
      if (owner[what] !== undefined || doc[what] !== undefined) continue;
      const script = defaultOf(files, language, what);
      if (!script) continue;
      out.push({
        system: 'travis',
        ...(job ? { job } : {}),
        hop: {
          path: f.path,
          line,
          text: `language: ${language}`,
          via: `Travis default ${what}: ${script.split('\n')[0]}`,
        },
        expansion: {
          blocks: [{ path: f.path, line, text: script, via: `Travis default ${what} for ${language}`, cwd: '' }],
        },
      });
    }
  };
  const language = typeof doc.language === 'string' ? doc.language : undefined;
  const includes = [rec(doc.jobs)?.include, rec(doc.matrix)?.include].flatMap((x) => (Array.isArray(x) ? x : []));
  // The top-level build matrix runs unless the file only lists included jobs.
  if (language && (includes.length === 0 || doc.jdk || doc.node_js || doc.go || doc.rvm || doc.env))
    add(language, undefined, doc, languageLine);
  includes.forEach((item, i) => {
    const job = rec(item);
    if (!job) return;
    const lang = typeof job.language === 'string' ? job.language : language;
    if (!lang) return;
    const name = travisJobName(job, i);
    const line =
      (typeof job.name === 'string' ? lineOf(text, new RegExp(`name\\s*:\\s*["']?${esc(job.name)}`)) : undefined) ??
      languageLine;
    add(lang, name, job, line);
  });
  return out;
}

const rec = (v: unknown): Doc | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : undefined);
const esc = escapeRe;
