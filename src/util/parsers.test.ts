import { describe, expect, it } from 'vitest';
import { checkYamlNesting, YAML_MAX_NESTING } from './parsers.js';

describe('checkYamlNesting: hostile flow nesting refused before the yaml library runs', () => {
  it('refuses unclosed and closed nesting deeper than the limit, naming the limit', () => {
    const msg = new RegExp(`nested deeper than ${YAML_MAX_NESTING} levels`);
    expect(() => checkYamlNesting(`on: push\njobs: ${'['.repeat(200_000)}\n`)).toThrow(msg);
    expect(() => checkYamlNesting(`services: ${'{a: '.repeat(100_000)}\n`)).toThrow(msg);
    expect(() => checkYamlNesting(`spec: ${'['.repeat(300)}${']'.repeat(300)}\n`)).toThrow(msg);
    // A quote glued to a word is plain text to the library, so it must not hide what follows here.
    expect(() => checkYamlNesting(`jobs: [a:'${'['.repeat(200_000)}\n`)).toThrow(msg);
    expect(() => checkYamlNesting(`jobs: [a-'${'['.repeat(200_000)}\n`)).toThrow(msg);
  });

  it('lets real files through: many balanced collections, brackets in quotes, comments and plain scalars', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => `k${i}: [a, {b: [c]}]`).join('\n');
    expect(() => checkYamlNesting(many)).not.toThrow();
    const quoted = `run: "${'['.repeat(400)}"\nother: '${'{'.repeat(400)}'\n# ${'['.repeat(400)}\nplain: it's ${'['.repeat(10)}\n`;
    expect(() => checkYamlNesting(quoted)).not.toThrow();
    expect(() =>
      checkYamlNesting(`spec: ${'['.repeat(YAML_MAX_NESTING)}${']'.repeat(YAML_MAX_NESTING)}\n`),
    ).not.toThrow();
  });
});
