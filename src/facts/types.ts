import type { Evidence } from '../engine/types.js';

export const ECOSYSTEMS = ['npm', 'pip', 'go', 'maven', 'gradle', 'nuget', 'cargo', 'composer', 'bundler'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export const PROFILES = ['service', 'library', 'cli', 'infrastructure', 'docs'] as const;
export type ProfileId = (typeof PROFILES)[number];

export interface Dependency {
  ecosystem: Ecosystem;
  /** npm/pip/cargo/gem/nuget package name; Go module path; Maven/Gradle `group:artifact`. */
  name: string;
  version?: string;
  /** The manifest that declares it. */
  path: string;
  line?: number;
  /** Development, test or build-only dependency. */
  dev: boolean;
}

export interface Manifest {
  ecosystem: Ecosystem;
  path: string;
  /** Parsed without error. */
  ok: boolean;
  error?: string;
  /** Package name where the manifest states one. */
  name?: string;
}

export interface Framework {
  /** Stable id, e.g. `express`, `fastapi`, `spring-boot`, `aspnetcore`, `gin`. */
  id: string;
  name: string;
  ecosystem: Ecosystem;
  evidence: Evidence;
}

export interface Workspace {
  path: string;
  ecosystem: Ecosystem;
  name?: string;
}

export interface Profile {
  id: ProfileId;
  reasons: string[];
  /** False when the profile came from --profile or the config. */
  detected: boolean;
}

export interface Facts {
  languages: { name: string; files: number }[];
  /** Files counted as source code (languages with code, not data or docs). */
  sourceFiles: string[];
  manifests: Manifest[];
  dependencies: Dependency[];
  frameworks: Framework[];
  workspaces: Workspace[];
  profile: Profile;
  /** Dependencies whose name matches one of the entries (exact, or `prefix*`), any ecosystem. */
  findDependencies(names: readonly string[], options?: { includeDev?: boolean }): Dependency[];
  hasLanguage(name: string): boolean;
}

/**
 * Folders whose manifests and code show how to use a project rather than what it is: examples,
 * docs, tests, benchmarks. Their frameworks and servers do not decide the profile.
 */
export const NOT_THE_PRODUCT =
  /(^|\/)(examples?|samples?|demos?|docs?|documentation|tests?|testing|spec|__tests__|fixtures|benchmarks?|bench|e2e|playground|sandbox|sections)\//i;
