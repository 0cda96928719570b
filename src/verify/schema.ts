/** The verify result: a JSON contract like the Report, validated before it is printed. */
import { z } from 'zod';

export const VERDICTS = ['confirmed', 'partially-confirmed', 'contradicted', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];

const evidence = z
  .object({
    path: z.string(),
    line: z.number().int().positive().optional(),
    snippet: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

export const verifySchema = z
  .object({
    schemaVersion: z.literal(1),
    document: z.string(),
    /** Repository-relative POSIX path of the document; absent when it lies outside the repository. */
    documentPath: z.string().optional(),
    repository: z.string(),
    repaired: z.object({ encoding: z.string(), lines: z.number().int() }).strict().nullable(),
    /** The profile the audit assumed, and why: --profile, the document's description, or detection. */
    profile: z
      .object({ id: z.string(), from: z.enum(['option', 'document', 'detected']) })
      .strict()
      .optional(),
    summary: z
      .object({
        claims: z.number().int(),
        confirmed: z.number().int(),
        partiallyConfirmed: z.number().int(),
        contradicted: z.number().int(),
        unverifiable: z.number().int(),
        claimedReadiness: z
          .object({
            line: z.number().int(),
            text: z.string(),
            value: z.union([z.number(), z.string()]),
            asScore: z.number().nullable(),
          })
          .strict()
          .nullable(),
        measuredScore: z.number().nullable(),
        measuredGrade: z.string().nullable(),
      })
      .strict(),
    claims: z.array(
      z
        .object({
          line: z.number().int(),
          text: z.string(),
          asserted: z.enum(['done', 'partial', 'not-done', 'planned']).nullable(),
          number: z
            .object({
              kind: z.string(),
              value: z.union([z.number(), z.string()]),
              total: z.number().optional(),
              unit: z.string().optional(),
            })
            .strict()
            .nullable(),
          rule: z.string().nullable(),
          /** What the verdict rests on: `rule:<id>`, `pillar:<id>`, `score`, or a fact (`file`, `dependency`, `tests`, `search`, `mechanism`, `tools`, `coverage`); `none` when nothing decided it. */
          basis: z.string(),
          verdict: z.enum(VERDICTS),
          reason: z.string(),
          evidence: z.array(evidence),
        })
        .strict(),
    ),
  })
  .strict();

export type VerifyResult = z.infer<typeof verifySchema>;
export type VerifiedClaim = VerifyResult['claims'][number];
