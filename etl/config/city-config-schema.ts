/**
 * The city configuration file (DATA-CONTRACT.md "City configuration"), as written by an
 * operator. Objects are strict so that a misspelt key is an error, not a silently ignored
 * setting. Defaults (base year, targets) are applied after parsing, in city-config.ts.
 */
import { z } from 'zod';
import { INDICATORS, INDICATOR_IDS, isIndicatorId, targetKindOf } from '../reports/indicators.ts';
import { cityLevelProblem } from './city-code-rule.ts';
import { CoverageOverridesSchema, DataSinceSchema } from './coverage-overrides-schema.ts';
import { PartialSharesSchema } from './partial-shares-schema.ts';
import { SelfEvaluationWeightsSchema } from './self-evaluation-weights-schema.ts';
import { PledgeThresholdSchema } from './pledge-threshold-schema.ts';

/** YAML reads `code: 440300` as a number; a code never starts with 0, so the digits are the code. */
const codeAsText = (value: unknown): unknown => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value);

export const CityCodeSchema = z.preprocess(
  codeAsText,
  z.string().superRefine((code, context) => {
    const problem = cityLevelProblem(code);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  }),
);

export const TargetSchema = z.strictObject({
  kind: z.enum(['growth', 'cumulative']),
  value: z.number().min(0, { error: 'target value must be ≥ 0' }),
});

const YEAR = z.number().int().min(2000).max(2100);

export const TargetsSchema = z.record(z.string(), TargetSchema).superRefine((targets, context) => {
  for (const [id, target] of Object.entries(targets)) {
    if (!isIndicatorId(id)) {
      context.addIssue({
        code: 'custom',
        path: [id],
        message: `unknown indicator id "${id}"; valid ids: ${INDICATOR_IDS.join(', ')}`,
      });
      continue;
    }
    const expected = targetKindOf(id);
    if (target.kind !== expected) {
      context.addIssue({
        code: 'custom',
        path: [id, 'kind'],
        message: `${id} is a ${INDICATORS[id].kind} indicator: its target kind must be "${expected}"`,
      });
    }
  }
});

export const CityEntrySchema = z
  .strictObject({
    code: CityCodeSchema,
    name: z.string().trim().min(1, { error: 'city name must not be empty' }),
    programme_start_year: YEAR,
    base_year: YEAR.optional(),
    contacts: z.array(z.email({ error: 'not an e-mail address' })).optional(),
    targets: TargetsSchema.optional(),
    patent_intensive_partial_shares: PartialSharesSchema.optional(),
    high_value_pledge_threshold_cny: PledgeThresholdSchema.optional(),
    data_since: DataSinceSchema.optional(),
    coverage: CoverageOverridesSchema.optional(),
    self_evaluation_weights: SelfEvaluationWeightsSchema.optional(),
  })
  .superRefine((city, context) => {
    if (city.base_year !== undefined && city.base_year >= city.programme_start_year) {
      context.addIssue({
        code: 'custom',
        path: ['base_year'],
        message: `base_year must be before programme_start_year ${city.programme_start_year}`,
      });
    }
  });

export const CityConfigFileSchema = z
  .strictObject({
    cities: z.array(CityEntrySchema).min(1, { error: 'at least one city is required' }),
  })
  .superRefine((file, context) => {
    const firstIndexOfCode = new Map<string, number>();
    file.cities.forEach((city, index) => {
      const earlier = firstIndexOfCode.get(city.code);
      if (earlier === undefined) {
        firstIndexOfCode.set(city.code, index);
        return;
      }
      context.addIssue({
        code: 'custom',
        path: ['cities', index, 'code'],
        message: `duplicate city code, already used by cities[${earlier}]`,
      });
    });
  });

export type CityConfigFile = z.infer<typeof CityConfigFileSchema>;
export type CityEntry = z.infer<typeof CityEntrySchema>;

/** The keys each strict object accepts, for "unknown key" messages. */
export const ALLOWED_KEYS = {
  file: Object.keys(CityConfigFileSchema.shape),
  city: Object.keys(CityEntrySchema.shape),
  target: Object.keys(TargetSchema.shape),
} as const;
