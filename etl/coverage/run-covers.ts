/**
 * `ipstats run --covers [DATASET=]FROM..TO`, repeatable. Without `DATASET=` the range is the
 * coverage of every monthly dataset folder of the input; with it, of that dataset only, and a
 * dataset's own `--covers` wins over the bare one. Either wins over the folders' coverage.json.
 */
import { DATASET_NAMES, type DatasetName, type DatasetSpec } from '../schemas/dataset-spec.ts';
import { DATASETS } from '../schemas/index.ts';
import { CoverageDeclarationError } from './coverage-declaration-error.ts';
import { describeRangeProblem, formatMonthRange, readMonthRange, type MonthRange, type MonthRangeReading } from './coverage-range.ts';
import { coverageNotDeclarableReason, DECLARABLE_DATASETS } from './declarable-dataset.ts';

export interface RunCovers {
  /** The bare `--covers FROM..TO`: every monthly dataset of the input. */
  readonly everyMonthlyDataset: MonthRange | null;
  /** `--covers DATASET=FROM..TO`, by dataset. */
  readonly byDataset: Readonly<Partial<Record<DatasetName, MonthRange>>>;
}

export const NO_RUN_COVERS: RunCovers = { everyMonthlyDataset: null, byDataset: {} };

const LABEL = '--covers';

/** The `--covers` values of one run, checked; every problem is a CoverageDeclarationError naming the value. */
export function parseRunCovers(values: readonly string[]): RunCovers {
  let everyMonthlyDataset: MonthRange | null = null;
  const byDataset: Partial<Record<DatasetName, MonthRange>> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals < 0) {
      const range = closedRange(value, (reading) => describeRangeProblem(LABEL, value, reading));
      if (everyMonthlyDataset !== null && !sameRange(everyMonthlyDataset, range)) {
        throw new CoverageDeclarationError(
          `${LABEL} is given twice without a dataset ('${formatMonthRange(everyMonthlyDataset)}' and '${value}'): give one range, or DATASET=FROM..TO per dataset`,
        );
      }
      everyMonthlyDataset = range;
      continue;
    }
    const name = value.slice(0, equals);
    const rangeText = value.slice(equals + 1);
    if (!(DATASET_NAMES as readonly string[]).includes(name)) {
      throw new CoverageDeclarationError(`${LABEL} '${value}': unknown dataset '${name}'; datasets whose coverage can be declared: ${DECLARABLE_DATASETS.join(', ')}`);
    }
    const dataset = name as DatasetName;
    const notDeclarable = coverageNotDeclarableReason(DATASETS[dataset]);
    if (notDeclarable !== null) throw new CoverageDeclarationError(`${LABEL} '${value}': ${notDeclarable}`);
    const range = closedRange(rangeText, (reading) =>
      reading.kind === 'syntax' ? `${LABEL} '${value}': '${rangeText}' ${reading.problem}` : `${LABEL} '${value}': ${reading.problem}`,
    );
    const earlier = byDataset[dataset];
    if (earlier !== undefined && !sameRange(earlier, range)) {
      throw new CoverageDeclarationError(
        `${LABEL} is given twice for ${dataset} ('${dataset}=${formatMonthRange(earlier)}' and '${value}'): give one range per dataset`,
      );
    }
    byDataset[dataset] = range;
  }
  return { everyMonthlyDataset, byDataset };
}

/** What `--covers` declares for `dataset`: its own range, else the bare one if the dataset is monthly, else nothing. */
export function runCoversFor(covers: RunCovers, dataset: DatasetSpec): MonthRange | undefined {
  const own = covers.byDataset[dataset.name];
  if (own !== undefined) return own;
  if (covers.everyMonthlyDataset === null || coverageNotDeclarableReason(dataset) !== null) return undefined;
  return covers.everyMonthlyDataset;
}

type RangeProblem = Extract<MonthRangeReading, { ok: false }>;

function closedRange(text: string, describe: (reading: RangeProblem) => string): MonthRange {
  const reading = readMonthRange(text, { openEnded: false });
  if (!reading.ok) throw new CoverageDeclarationError(describe(reading));
  return { first: reading.range.first, last: reading.range.last! };
}

function sameRange(a: MonthRange, b: MonthRange): boolean {
  return a.first === b.first && a.last === b.last;
}
