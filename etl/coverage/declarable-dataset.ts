/**
 * Which datasets a coverage declaration may be made for: those partitioned by month
 * (`DatasetSpec.partitioning.kind === 'month'`), whose coverage is a span of months. An annual
 * dataset covers the years it has rows for, and a reference dataset has no dates at all.
 */
import { DATASET_NAMES, type DatasetName, type DatasetSpec } from '../schemas/dataset-spec.ts';
import { DATASETS } from '../schemas/index.ts';
import { CoverageDeclarationError } from './coverage-declaration-error.ts';

/** Why `dataset`'s coverage cannot be declared, or null when it can. */
export function coverageNotDeclarableReason(dataset: DatasetSpec): string | null {
  switch (dataset.partitioning.kind) {
    case 'month':
      return null;
    case 'year':
      return `${dataset.name} is an annual dataset: its coverage is the years it has accounts for, it cannot be declared`;
    case 'none':
      return `${dataset.name} is a reference dataset without dates: it has no coverage to declare`;
  }
}

/** Throws a CoverageDeclarationError when `dataset`'s coverage cannot be declared; `label` (e.g. `--covers`) prefixes the message. */
export function assertCoverageDeclarable(dataset: DatasetSpec, label?: string): void {
  const reason = coverageNotDeclarableReason(dataset);
  if (reason !== null) throw new CoverageDeclarationError(label === undefined ? reason : `${label}: ${reason}`);
}

/** The datasets whose coverage can be declared, in the data contract's order. */
export const DECLARABLE_DATASETS: readonly DatasetName[] = DATASET_NAMES.filter((name) => coverageNotDeclarableReason(DATASETS[name]) === null);
