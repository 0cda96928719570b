/**
 * readiness verify: "No input validation" is not confirmed because no validation library or usual
 * spelling was found — handlers often check their input by hand (an allow-list, `if !isValidSection(…)`),
 * in words no list holds. A library or usual spelling found still says the line is out of date.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const verify = verifier('docs/SECURITY_AUDIT.md');
const doc = ['# Security audit', '', '## Issues', '', '- ❌ No input validation on route parameters'].join('\n');

describe('a claim that input validation is absent', () => {
  it('is not confirmed when the usual spellings are absent: the checks may be hand-written', () => {
    const tree: Tree = {
      'go.mod': 'module example.com/site\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
      'internal/controllers/cv.go': [
        'package controllers',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'var sections = map[string]bool{"skills": true, "jobs": true}',
        '',
        'func isAllowedSection(s string) bool { return sections[s] }',
        '',
        'func GetSection(c *gin.Context) {',
        '\tsection := c.Param("section")',
        '\tif !isAllowedSection(section) {',
        '\t\tc.JSON(400, gin.H{"error": "bad section"})',
        '\t\treturn',
        '\t}',
        '\tc.JSON(200, gin.H{"section": section})',
        '}',
      ].join('\n'),
    };
    const { at } = verify(tree, doc);
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(5).reason).toMatch(/no proof it is absent/);
  });
  it('is out of date when a validation library is used', () => {
    const tree: Tree = {
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0', zod: '^3.23.0' } }),
      'src/routes.js': [
        "const { z } = require('zod');",
        'const Params = z.object({ id: z.string().uuid() });',
        "router.get('/items/:id', (req, res) => { Params.parse(req.params); res.json({}); });",
      ].join('\n'),
    };
    const { at } = verify(tree, doc);
    expect(at(5).verdict).toBe('contradicted');
  });
});
