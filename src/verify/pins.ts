/**
 * Lines that pin a version the build states: a package's coordinate ("androidx.core:core-ktx:1.13.1")
 * or a build tool and its version ("Android Gradle Plugin: 8.7.3", "Gradle Wrapper: 8.9"), each alone
 * on its line — read by the extractor (such lines in a fence or a label are claims) and by
 * runtimes.ts, which compares them with the build files.
 */
/** A version as build files pin it: "8.7.3", "2.0.0-1.0.24", "2024.06.00", "1.0.0-beta02". */
const PIN = String.raw`v?(\d+(?:\.\d+){1,3}(?:-[\w.]+)?)`;
/** "- androidx.core:core-ktx:1.13.1", "compose-bom:2024.06.00": a coordinate and the version it pins. */
const COORDINATE = new RegExp(
  String.raw`^(?:[-*•]\s+)?\x60?((?:[A-Za-z][\w.-]*:)?[A-Za-z][\w.]*-[\w.-]*[A-Za-z0-9]|[A-Za-z][\w-]*\.[\w.-]*[A-Za-z0-9]:[A-Za-z][\w.-]*):${PIN}\x60?$`,
);
/**
 * "Android Gradle Plugin: 8.7.3", "Gradle Wrapper: 8.9", "Build Tool: Gradle 8.9", "targetSdk: 34":
 * a build tool, or a setting of the build, and the one version the line gives it.
 */
const TOOL_NAME = String.raw`gradle(?: wrapper)?|android gradle plugin|agp|kotlin|ksp|(?:compile|target|min)sdk(?:version)?`;
const TOOL_LABEL = new RegExp(
  String.raw`^(?:[-*•]\s+)?(?:(${TOOL_NAME})\s*:\s*(?:${PIN}|(\d{2}))|(?:build tool|build system|build)\s*:\s*(gradle)\s+${PIN})$`,
  'i',
);

/** A coordinate, or a build tool and its version, alone on the line. */
export function pinnedClaim(
  text: string,
): { tech: string; version: string; atLeast: boolean; coordinate?: boolean } | null {
  const t = text.trim();
  const c = COORDINATE.exec(t);
  if (c) return { tech: c[1]!, version: c[2]!, atLeast: false, coordinate: true };
  const m = TOOL_LABEL.exec(t);
  if (!m) return null;
  return m[1]
    ? { tech: m[1].toLowerCase(), version: (m[2] ?? m[3])!, atLeast: false }
    : { tech: m[4]!.toLowerCase(), version: m[5]!, atLeast: false };
}
