/**
 * Detection catalogues: library names per concern, as data. A user extends any of them from the
 * config (`detect: {metrics: ["@acme/metrics"]}`); rules read them through ctx.catalogue(name).
 * Names match dependencies exactly or, with a trailing `*`, by prefix (case-insensitive).
 */
export const CATALOGUES: Record<string, string[]> = {
  'security-headers': [
    'helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'hono', 'flask-talisman', 'talisman', 'secure',
    'django', 'github.com/unrolled/secure', 'NWebsec.AspNetCore.Middleware', 'NetEscapades.AspNetCore.SecurityHeaders',
    'secure_headers', 'org.springframework.boot:spring-boot-starter-security', 'bepsvpt/secure-headers',
  ],
  // Feature-flag SDKs (progressive-delivery): server and client SDKs across ecosystems.
  'feature-flags': [
    'launchdarkly-*', '@launchdarkly/*', 'ldclient-py', 'launchdarkly-server-sdk', 'github.com/launchdarkly/go-server-sdk*', 'com.launchdarkly:*', 'LaunchDarkly.ServerSdk', 'LaunchDarkly.ClientSdk',
    'unleash-client', 'unleash-client-node', 'unleashclient', '@unleash/*', 'github.com/Unleash/unleash-client-go*', 'io.getunleash:*', 'Unleash.Client', 'unleash', 'unleash-client-rust',
    'flagsmith', 'flagsmith-nodejs', 'flagsmith-es', 'github.com/Flagsmith/flagsmith-go-client*', 'com.flagsmith:*', 'Flagsmith',
    '@openfeature/*', 'openfeature-sdk', 'github.com/open-feature/go-sdk*', 'dev.openfeature:*', 'OpenFeature', 'openfeature', 'open-feature-openfeature',
    '@growthbook/*', 'growthbook', 'github.com/growthbook/growthbook-golang', 'configcat-*', 'ConfigCat.Client', 'github.com/configcat/go-sdk*', '@splitsoftware/*', 'splitio_client', 'splitclient-rb',
    'statsig-node', 'statsig-python', '@statsig/*', 'flipper', 'flipper-*', 'django-waffle', 'flask-featureflags', 'Microsoft.FeatureManagement', 'Microsoft.FeatureManagement.AspNetCore',
    'org.ff4j:*', 'org.togglz:*', 'flagd', '@vercel/flags', 'github.com/thomaspoignant/go-feature-flag',
  ],
};

export function catalogueFor(name: string, detect?: Record<string, string[]>): string[] {
  return [...(CATALOGUES[name] ?? []), ...(detect?.[name] ?? [])];
}
