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
};

export function catalogueFor(name: string, detect?: Record<string, string[]>): string[] {
  return [...(CATALOGUES[name] ?? []), ...(detect?.[name] ?? [])];
}

// Reliability: resilience libraries per concern (npm, PyPI, Maven/Gradle group:artifact, NuGet, Go modules, gems, Composer, crates).
Object.assign(CATALOGUES, {
  retries: [
    'p-retry', 'async-retry', 'axios-retry', 'retry', 'retry-axios', 'cockatiel', 'exponential-backoff', '@lifeomic/attempt', 'fetch-retry',
    'tenacity', 'backoff', 'retrying', 'stamina', 'retry2',
    'org.springframework.retry:spring-retry', 'io.github.resilience4j:resilience4j-retry', 'io.github.resilience4j:resilience4j-spring-boot*', 'io.github.resilience4j:resilience4j-kotlin', 'dev.failsafe:failsafe', 'net.jodah:failsafe',
    'Polly', 'Polly.Core', 'Polly.Extensions', 'Microsoft.Extensions.Http.Polly', 'Microsoft.Extensions.Http.Resilience', 'Microsoft.Extensions.Resilience',
    'github.com/cenkalti/backoff*', 'github.com/avast/retry-go*', 'github.com/hashicorp/go-retryablehttp', 'github.com/sethvargo/go-retry', 'github.com/failsafe-go/failsafe-go',
    'retriable', 'retryable', 'faraday-retry', 'backoff', 'backon', 'tokio-retry', 'reqwest-retry',
  ],
  'circuit-breakers': [
    'opossum', 'cockatiel', 'brakes', 'mollitia',
    'pybreaker', 'aiobreaker', 'circuitbreaker', 'purgatory',
    'io.github.resilience4j:resilience4j-circuitbreaker', 'io.github.resilience4j:resilience4j-spring-boot*', 'org.springframework.cloud:spring-cloud-starter-circuitbreaker-*',
    'com.netflix.hystrix:hystrix-core', 'org.springframework.cloud:spring-cloud-starter-netflix-hystrix', 'dev.failsafe:failsafe', 'net.jodah:failsafe',
    'Polly', 'Polly.Core', 'Microsoft.Extensions.Http.Polly', 'Microsoft.Extensions.Http.Resilience',
    'github.com/sony/gobreaker*', 'github.com/afex/hystrix-go', 'github.com/rubyist/circuitbreaker', 'github.com/eapache/go-resiliency', 'github.com/failsafe-go/failsafe-go',
    'circuitbox', 'stoplight', 'semian', 'ackintosh/ganesha', 'failsafe', 'recloser',
  ],
  'rate-limiting': [
    'express-rate-limit', 'rate-limiter-flexible', '@fastify/rate-limit', 'fastify-rate-limit', '@nestjs/throttler', 'koa-ratelimit', 'express-slow-down', 'hono-rate-limiter', '@upstash/ratelimit',
    'slowapi', 'flask-limiter', 'django-ratelimit', 'fastapi-limiter',
    'com.bucket4j:bucket4j-core', 'com.bucket4j:bucket4j_jdk17-core', 'com.github.vladimir-bukhtoyarov:bucket4j-core', 'io.github.resilience4j:resilience4j-ratelimiter', 'com.giffing.bucket4j.spring.boot.starter:bucket4j-spring-boot-starter',
    'AspNetCoreRateLimit', 'System.Threading.RateLimiting', 'Microsoft.AspNetCore.RateLimiting',
    'golang.org/x/time', 'github.com/didip/tollbooth*', 'github.com/ulule/limiter*', 'github.com/go-chi/httprate', 'go.uber.org/ratelimit', 'github.com/sethvargo/go-limiter',
    'rack-attack', 'rack-throttle', 'governor', 'tower_governor', 'actix-governor', 'spatie/laravel-rate-limited-job-middleware',
  ],
});
