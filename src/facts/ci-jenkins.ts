/**
 * Jenkins pipelines: which Groovy files hold one, and a Jenkinsfile read as a CI file (its `sh`,
 * `bat` and `powershell` steps as commands, its stages as jobs). ci.ts lists it with the YAML systems.
 */
import type { FileView } from '../types.js';
import { lineAt } from '../util/lines.js';
import { basename } from '../walk/glob.js';
import type { CiCommand, CiFile } from './ci.js';

/** Groovy files that may hold a Jenkins pipeline outside the `Jenkinsfile*` names. */
export const JENKINS_CANDIDATE_GLOBS = [
  '**/jenkins/**/*.groovy',
  '**/.jenkins/**/*.groovy',
  '**/ci/**/*.groovy',
  '**/pipelines/**/*.groovy',
];

/** A declarative (`pipeline {`) or scripted (`node {`) Jenkins pipeline with at least one `stage(`. */
export function jenkinsPipelineContent(text: string): boolean {
  return /^[ \t]*(?:pipeline\s*\{|node\s*(?:\([^()\n]{0,200}\)\s*)?\{)/m.test(text) && /\bstage\s*\(/.test(text);
}

/** Jenkinsfile: `sh`/`bat`/`powershell` steps (single, double or triple quoted), stages as jobs. */
export function parseJenkinsfile(files: FileView, path: string): CiFile {
  const text = files.read(path);
  if (text === undefined)
    return {
      system: 'jenkins',
      path,
      ok: false,
      error: 'unreadable',
      jobs: [],
      commands: [],
      environments: [],
      docs: [],
    };
  const lines = text.split(/\r?\n/);
  const commands: CiCommand[] = [];
  const jobs: CiFile['jobs'] = [];
  let stage: string | undefined;
  let block: { quote: string; line: number } | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (block) {
      if (line.includes(block.quote)) block = undefined;
      else if (line) commands.push({ text: line, kind: 'run', path, line: i + 1, ...(stage ? { job: stage } : {}) });
      return;
    }
    const st = /\bstage\s*\(\s*['"]([^'"]+)['"]/.exec(line);
    if (st) {
      stage = st[1]!;
      jobs.push({ name: stage, line: i + 1 });
    }
    const triple = /\b(sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?('''|""")(.*)$/.exec(line);
    if (triple) {
      const rest = triple[3]!;
      if (rest.includes(triple[2]!))
        commands.push({
          text: rest.slice(0, rest.indexOf(triple[2]!)).trim(),
          kind: 'run',
          path,
          line: i + 1,
          ...(stage ? { job: stage } : {}),
        });
      else {
        if (rest.trim())
          commands.push({ text: rest.trim(), kind: 'run', path, line: i + 1, ...(stage ? { job: stage } : {}) });
        block = { quote: triple[2]!, line: i + 1 };
      }
      return;
    }
    // `sh 'x'`, `sh(script: "x")`, `sh(returnStdout: true, script: 'x')`
    const single =
      /\b(sh|bat|powershell|pwsh)\s*\(?\s*(?:\w+\s*:\s*[^,'"()]+,\s*)*(?:script\s*:\s*)?(['"])(.*?)\2/.exec(line);
    if (single)
      commands.push({ text: single[3]!.trim(), kind: 'run', path, line: i + 1, ...(stage ? { job: stage } : {}) });
    // A shared library's Gradle builder called with the task (`builder.gradle('integration')`): it runs the wrapper.
    else {
      const gradle = /\.gradle\s*\(\s*(['"])([^'"]{1,200})\1\s*\)/.exec(line);
      if (gradle)
        commands.push({
          text: `${files.exists('gradlew') ? './gradlew' : 'gradle'} ${gradle[2]!.trim()}`,
          kind: 'run',
          path,
          line: i + 1,
          ...(stage ? { job: stage } : {}),
        });
    }
  });
  if (jobs.length === 0 && /\bpipeline\s*\{|\bnode\s*[({]/.test(text)) jobs.push({ name: basename(path), line: 1 });
  // A shared-library step that is the whole pipeline (`buildPlugin(…)`, commands/steps.ts).
  const lib =
    /^\s*(buildPlugin|buildPluginWithGradle)\s*\(/m.exec(text) ??
    (/^[ \t]*@Library\s*\(/m.test(text)
      ? /^[ \t]*((?:with|run|standard|default|build)\w{0,40}Pipeline\w{0,40})[ \t]*\(/im.exec(text)
      : null);
  if (jobs.length === 0 && lib) {
    jobs.push({ name: lib[1]!, line: lineAt(text, lib.index) });
    // Steps written outside any stage (`afterSuccess('test') { builder.gradle('integration') }`) run in that step.
    for (const c of commands) if (!c.job) c.job = lib[1]!;
  }
  return { system: 'jenkins', path, ok: true, jobs, commands, environments: [], docs: [] };
}
