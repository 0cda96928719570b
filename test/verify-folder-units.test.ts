/**
 * readiness verify: counts of code units a document gives (rounds 22-25, development sets). A file tree's
 * note that counts a folder's units ("Models/ ← 5 domain models") is compared with the folder's source
 * files; a named class's count of operations, queries or endpoints with the methods its body defines.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const cls = (name: string, methods: string[]) =>
  `public class ${name}\n{\n${methods.map((m) => `    public void ${m}()\n    {\n    }\n`).join('')}}\n`;

describe('a file tree note that counts the units a folder holds', () => {
  const tree: Tree = {
    'App.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
    'src/Core/Models/Post.cs': cls('Post', []),
    'src/Core/Models/User.cs': cls('User', []),
    'src/Core/Models/Event.cs': cls('Event', []),
    'src/Core/Repositories/GenericRepository.cs': cls('GenericRepository', []),
    'src/Core/Repositories/PostRepository.cs': cls('PostRepository', []),
    'src/Core/Repositories/Interfaces/IPostRepository.cs': 'public interface IPostRepository {}\n',
    'src/Core/Services/PostService.cs': cls('PostService', []),
    'src/Core/Services/BaseService.cs': cls('BaseService', []),
  };
  const doc = [
    '# Summary', // 1
    '', // 2
    '```', // 3
    'src/', // 4
    '├── Core/', // 5
    '│   ├── Models/            ← 2 domain models', // 6
    '│   ├── Repositories/      ← 2 repositories', // 7
    '│   ├── Services/          ← 1 service', // 8
    '│   └── Services/          ← 2 services + validators', // 9
    '```', // 10
  ].join('\n');
  const { at } = verifier('SUMMARY.md')(tree, doc, reportWith([]));

  it('is out of date when the folder holds more source files than the note counts', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('src/Core/Models/');
  });
  it('holds when any way a reader counts gives the figure (interfaces and base classes aside)', () => {
    expect(at(7).verdict).toBe('confirmed');
    expect(at(8).verdict).toBe('confirmed');
  });
  it('leaves a note that adds another thing to the count open', () => {
    expect(at(9).verdict).toBe('unverifiable');
  });
});

describe("a named class's count of operations, queries or endpoints", () => {
  const tree: Tree = {
    'App.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
    'src/Repositories/CommentRepository.cs': cls('CommentRepository', [
      'ByPost',
      'ByUser',
      'Replies',
      'Recent',
      'Flagged',
    ]),
    // A constructor whose parameters run over two lines is not one of its methods.
    'src/Repositories/RoleRepository.cs':
      'public class RoleRepository\n{\n    public RoleRepository(\n        Db db)\n    {\n    }\n    public void ByName()\n    {\n    }\n    public void WithUsers()\n    {\n    }\n}\n',
  };
  const doc = [
    '# Data access', // 1
    '', // 2
    '- **CommentRepository**: 4 hierarchical queries', // 3
    '- **RoleRepository**: 2 specialized role queries', // 4
  ].join('\n');
  const { at } = verifier('DATA.md')(tree, doc, reportWith([]));

  it('is out of date when the class defines another number of methods', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('defines 5');
  });
  it('is not contradicted when the count is the methods its body defines', () => {
    expect(at(4).verdict).not.toBe('contradicted');
    expect(at(4).reason).toContain('defines 2');
  });
});
