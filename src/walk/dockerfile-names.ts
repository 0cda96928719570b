/** What a Dockerfile glob matches that is not a Dockerfile: shared by the facts and the scanner. */

/**
 * Files a DOCKERFILE_GLOBS name matches that are something else: notes and backups, and source or
 * data files named for Dockerfiles (`dockerfile-bounds.test.ts`, `Dockerfile.test.js`,
 * `dockerfile_parser.py`): a reader of Dockerfiles is no Dockerfile. The audit of this repository
 * judged its test of the Dockerfile reader as a Dockerfile with no FROM (container-user unknown).
 */
export const NOT_A_DOCKERFILE =
  /\.(?:md|markdown|rst|txt|orig|bak|swp|dockerignore|[cm]?[jt]sx?|py|go|rb|java|kts?|scala|rs|php|cs|fs|swift|json|ya?ml|toml|ini|sh|bash|ps1|lock|snap|html?|css)$/i;

/** A glob aimed at Dockerfiles or Containerfiles by name (`**\/Dockerfile.*`). */
export const DOCKERFILE_GLOB = /[Dd]ockerfile|[Cc]ontainerfile/;

/**
 * A file a Dockerfile glob matches that only carries the word (`Dockerfile.md`, `DockerfileTest.kt`,
 * `Dockerfile.test.ts`): prose or code about Dockerfiles, not one. Its `STOPSIGNAL` or `CMD` lines
 * say nothing about the image.
 */
export function misnamedDockerfile(path: string): boolean {
  return NOT_A_DOCKERFILE.test(path) && DOCKERFILE_GLOB.test(path.slice(path.lastIndexOf('/') + 1));
}
