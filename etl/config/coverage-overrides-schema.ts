/**
 * `data_since` and `coverage` of a city: the months the city's monthly datasets cover, as
 * configured rather than guessed from the rows. `data_since: "2019-01"` is the default first
 * month of every monthly dataset of the city; `coverage: { "<dataset>": "FROM..TO" | "FROM.." }`
 * overrides it for one dataset (an open TO: up to the latest data). Used by the report's coverage
 * rule (docs/indicators.md "coverage").
 */
import { z } from 'zod';
import { readMonthRange } from '../coverage/coverage-range.ts';
import { coverageNotDeclarableReason, DECLARABLE_DATASETS } from '../coverage/declarable-dataset.ts';
import { DATASETS, isDatasetName } from '../schemas/index.ts';

export const DataSinceSchema = z
  .string({ error: 'not a month YYYY-MM such as 2019-01' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'not a month YYYY-MM such as 2019-01' });

export const CoverageOverridesSchema = z
  .record(z.string(), z.string({ error: 'expected a month range FROM..TO or FROM.. such as 2019-01..2025-03 or 2019-01..' }))
  .superRefine((overrides, context) => {
    for (const [name, text] of Object.entries(overrides)) {
      if (!isDatasetName(name)) {
        context.addIssue({ code: 'custom', path: [name], message: `unknown dataset "${name}"; datasets whose coverage can be declared: ${DECLARABLE_DATASETS.join(', ')}` });
        continue;
      }
      const notDeclarable = coverageNotDeclarableReason(DATASETS[name]);
      if (notDeclarable !== null) {
        context.addIssue({ code: 'custom', path: [name], message: notDeclarable });
        continue;
      }
      const reading = readMonthRange(text, { openEnded: true });
      if (!reading.ok) context.addIssue({ code: 'custom', path: [name], message: reading.problem });
    }
  });

export type CoverageOverrides = z.infer<typeof CoverageOverridesSchema>;
