/**
 * Facts, computed once per audit: languages, manifests → dependencies, frameworks, workspaces
 * (from the listing and the manifests), then the profile (which also needs the scan).
 */
import type { FileView } from '../types.js';
import type { Match } from '../types.js';
import { detectLanguages } from './languages.js';
import { parseManifests } from './manifests/index.js';
import { detectFrameworks, nameMatches } from './frameworks.js';
import { detectWorkspaces } from './workspaces.js';
import { detectProfile } from './profile.js';
import { commandGraph } from './commands/index.js';
import type { Dependency, Facts, Profile, ProfileId } from '../types.js';

export type PreFacts = Omit<Facts, 'profile'>;

export function collectFacts(files: FileView): PreFacts {
  const { languages, sourceFiles } = detectLanguages(files.paths);
  const { manifests, dependencies } = parseManifests(files);
  dependencies.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)) || (a.name < b.name ? -1 : 1),
  );
  const frameworks = detectFrameworks(files, dependencies);
  const workspaces = detectWorkspaces(files, manifests);
  const langSet = new Set(languages.map((l) => l.name));
  return {
    commands: commandGraph(files),
    languages,
    sourceFiles,
    manifests,
    dependencies,
    frameworks,
    workspaces,
    findDependencies(names: readonly string[], options: { includeDev?: boolean } = {}): Dependency[] {
      return dependencies.filter((d) => (options.includeDev || !d.dev) && names.some((n) => nameMatches(d.name, n)));
    },
    hasLanguage: (name: string) => langSet.has(name),
  };
}

export function completeFacts(files: FileView, pre: PreFacts, serverMatches: Match[], override?: ProfileId): Facts {
  const profile: Profile = override
    ? { id: override, detected: false, reasons: [`set by configuration or --profile to "${override}"`] }
    : detectProfile({ files, ...pre, serverMatches });
  return { ...pre, profile };
}
