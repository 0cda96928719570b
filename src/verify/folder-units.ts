/**
 * "│   ├── Models/   ← 5 domain models", "Repositories/  # 5 repositories": a folder of a file tree whose
 * note counts the code units it holds. A reader lists the folder: each unit is a source file there. The
 * count agrees when it equals any count a reader could make (files directly in the folder or under it,
 * with or without base classes, interfaces and index files, or only the files whose name carries the
 * kind, `PostRepository.cs`); a count that equals none is out of date. Notes that count more than one
 * thing ("2 services + validators", "3 controllers (13 endpoints)") are left open.
 */
import type { Evidence } from '../types.js';
import type { LookupContext } from './lookup.js';

/** Kinds of code unit, singular stem first (the file-name suffix a unit of that kind carries). */
const UNITS: [RegExp, string][] = [
  [/^(?:models?|modelos?|mod[eè]les?|modelle)$/i, ''],
  [/^(?:entit(?:y|ies)|entidades?|entit[ée]s?)$/i, 'entity'],
  [/^(?:repositor(?:y|ies)|reposit[oó]rios?|repositorios?)$/i, 'repository'],
  [/^(?:services?|servi[çc]os?|servicios?|dienste)$/i, 'service'],
  [/^(?:controllers?|controladores?|contr[ôo]leurs?)$/i, 'controller'],
  [/^(?:handlers?)$/i, 'handler'],
  [/^(?:middlewares?)$/i, 'middleware'],
  [/^(?:components?|componentes?|composants?|komponenten)$/i, ''],
  [/^(?:serializers?)$/i, 'serializer'],
  [/^(?:validators?|validadores?)$/i, 'validator'],
  [/^(?:dtos?)$/i, 'dto'],
  [/^(?:hooks?)$/i, ''],
  [/^(?:routers?)$/i, 'router'],
  [/^(?:classes|clases|klassen)$/i, ''],
];
const COUNT = /(?<![\w.%/-])(\d{1,4})\s+(?:([\p{L}-]{2,30})\s+)?([\p{L}]{3,30})\b/u;
/** A second thing counted or added after the unit: "+ validators", "and helpers", "(13 endpoints)". */
const MORE = /^\s*(?:\+|&|and\b|plus\b|et\b|e\b|y\b|und\b|with\b|com\b|con\b|avec\b|mit\b)/i;
const SOURCE = /\.(?:java|kt|py|ts|tsx|js|jsx|mjs|go|rs|php|rb|cs|swift|dart|scala|vue|svelte)$/i;
/** Files that hold no unit of their own: a package's index, a module file. */
const NOT_A_UNIT = /(?:^|\/)(?:__init__\.py|index\.[cm]?[jt]sx?|mod\.rs|package-info\.java|\.gitkeep|\.keep)$/i;
/** A base class or an interface beside the units: "BaseService.cs", "AbstractRepo.java", "IPostRepository.cs". */
const BESIDE = /(?:^|\/)(?:Base[A-Z]|Abstract[A-Z]|I[A-Z][a-z])[^/]*$/;

export interface FolderUnits {
  claimed: number;
  kind: string;
  folder: string;
  counts: number[];
  agrees: boolean;
  evidence: Evidence[];
}

/** The count of units a tree note gives a folder (`prefix` ends in "/"), compared with the folder's source files. */
export function folderUnitCount(ctx: LookupContext, prefix: string, note: string): FolderUnits | null {
  const m = COUNT.exec(note);
  if (!m) return null;
  const noun = m[3]!;
  const unit = UNITS.find(([re]) => re.test(noun));
  if (!unit) return null;
  // One figure only, and nothing added to the units counted.
  const rest = note.slice(m.index + m[0].length);
  if (MORE.test(rest) || /\d/.test(note.slice(0, m.index)) || /\d/.test(rest)) return null;
  // "5 unit tests", "3 test classes": tests are counted by their cases, not here.
  if (m[2] && /^(?:unit|test|tests|integration|e2e)$/i.test(m[2])) return null;
  const files = ctx.files.paths.filter((p) => p.startsWith(prefix) && SOURCE.test(p) && !NOT_A_UNIT.test(p));
  if (!files.length) return null;
  const direct = files.filter((p) => !p.includes('/', prefix.length));
  const units = (list: string[]) => list.filter((p) => !BESIDE.test(p));
  const suffix = unit[1];
  const named = (list: string[]) => (suffix ? list.filter((p) => new RegExp(`${suffix}s?\\.\\w+$`, 'i').test(p)) : []);
  const counts = [
    ...new Set(
      [direct, files, units(direct), units(files), named(direct), named(files), units(named(files))].map(
        (l) => l.length,
      ),
    ),
  ].filter((n) => n > 0);
  const claimed = Number(m[1]);
  const shown = direct.length ? direct : files;
  return {
    claimed,
    kind: noun.toLowerCase(),
    folder: prefix,
    counts,
    agrees: counts.includes(claimed),
    evidence: shown.slice(0, 3).map((path) => ({ path })),
  };
}

export function folderUnitReason(c: FolderUnits): string {
  const held =
    c.counts.length === 1
      ? `${c.counts[0]} source files`
      : `${c.counts.join(' or ')} source files (counted several ways)`;
  return c.agrees
    ? `found: ${c.folder} holds ${c.claimed} ${c.kind}, as the note says`
    : `the note says ${c.claimed} ${c.kind}, but ${c.folder} holds ${held}: the document is out of date`;
}
