/**
 * readiness verify: "Domain Layer (3 files)" in a block of the delivered parts is the folder Domain/
 * and the number of source files it holds: confirmed when they agree, contradicted when they do not,
 * left open when only the count with project files agrees or when no single folder has the name.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'src/Domain/Domain.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
  'src/Domain/User.cs': 'public class User {}\n',
  'src/Domain/Order.cs': 'public class Order {}\n',
  'src/Domain/Interfaces/IRepo.cs': 'public interface IRepo {}\n',
  'src/API/API.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
  'src/API/Program.cs': 'var app = 1;\n',
  'src/API/UsersController.cs': 'public class UsersController {}\n',
  'src/Application/Application.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
  'src/Application/Handler.cs': 'public class Handler {}\n',
};

const doc = (domain: number, api: number, app: number) =>
  [
    '# Delivery', // 1
    '', // 2
    '## ✅ Source code', // 3
    '', // 4
    '```', // 5
    `✅ Domain Layer (${domain} files)`, // 6
    `✅ API Layer (${api} files)`, // 7
    `✅ Application Layer (${app} files)`, // 8
    '✅ Reporting Layer (2 files)', // 9
    '```', // 10
  ].join('\n');

describe('a named folder and the files it holds', () => {
  it('confirms a count of its source files, with the folder as evidence', () => {
    const { at } = verifier('DELIVERY.md')(tree, doc(3, 2, 1));
    expect(at(6).verdict).toBe('confirmed');
    expect(at(6).evidence[0]!.path).toBe('src/Domain/');
    expect(at(7).verdict).toBe('confirmed');
  });
  it('contradicts a count that is not there, saying what is', () => {
    const { at } = verifier('DELIVERY.md')(tree, doc(5, 3, 1));
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('src/Domain/ holds 4 files, 3 of them .cs');
    // 3 is the API folder's count with its project file: open to either reading.
    expect(at(7).verdict).toBe('unverifiable');
  });
  it('leaves a name no folder has as it was', () => {
    const { at, has } = verifier('DELIVERY.md')(tree, doc(3, 2, 1));
    if (has(9)) expect(at(9).verdict).toBe('unverifiable');
  });
});
