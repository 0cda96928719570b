/** The Report's schema version, apart from the zod schema: building a report does not load zod. */
export const SCHEMA_VERSION = 2;
/** Versions this build reads (render, diff, baseline, aggregate). */
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const;
