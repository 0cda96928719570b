/**
 * readiness verify: a line that names a declared package and a version ("github.com/gin-gonic/gin
 * v1.11.0", "| axios | 1.6.0 |") says the project is at that version; the package being there while
 * the manifest pins another version holds the line only in part, and the reason says which version.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a package named with a version', () => {
  const tree: Tree = {
    'go.mod': [
      'module example.com/svc',
      '',
      'go 1.22',
      '',
      'require (',
      '\tgithub.com/gin-gonic/gin v1.12.0',
      '\tgo.uber.org/zap v1.27.1',
      ')',
      '',
    ].join('\n'),
    'main.go': [
      'package main',
      '',
      'import (',
      '\t"github.com/gin-gonic/gin"',
      '\t"go.uber.org/zap"',
      ')',
      '',
      'func main() {',
      '\tlogger, _ := zap.NewProduction()',
      '\tdefer logger.Sync()',
      '\tr := gin.Default()',
      '\t_ = r.Run()',
      '}',
      '',
    ].join('\n'),
  };
  const doc = [
    '# Dependencies', // 1
    '', // 2
    '- ✅ github.com/gin-gonic/gin **v1.11.0** (HTTP router)', // 3
    '- ✅ github.com/gin-gonic/gin v1.12.0', // 4
    '- ✅ go.uber.org/zap **v1.27.0** (structured logging)', // 5
    '- ✅ go.uber.org/zap v1.27.1 (structured logging)', // 6
  ].join('\n');
  const { at } = verifier('DEPENDENCIES.md')(tree, doc);

  it('another version pinned: only in part, naming the declared version', () => {
    expect(at(3).verdict).toBe('partially-confirmed');
    expect(at(3).reason).toContain('v1.12.0, not v1.11.0');
    expect(at(3).evidence.some((e) => e.path === 'go.mod')).toBe(true);
    expect(at(5).verdict).toBe('partially-confirmed');
  });
  it('the version pinned: confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(6).verdict).not.toBe('partially-confirmed');
  });
});
