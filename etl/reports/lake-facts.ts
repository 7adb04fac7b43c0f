/**
 * What the lake knows about its source files, read once per run: every manifest (from the
 * store) and the months of each file's current rows (view mart_source_file_months). The coverage,
 * data-quality and revision rules each take the facts they need from it.
 */
import type { QueryEngine } from '../engines/query-engine.ts';
import { readAllManifests, type Manifest } from '../ingest/manifest.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';
import type { SourceFileCoverageFacts } from './coverage-resolution.ts';
import type { SourceFileQualityFacts } from './data-quality-section.ts';
import { monthOfDate } from './period.ts';
import type { RevisionSourceFacts } from './revisions.ts';
import { numberAt, stringAt } from './row-values.ts';

export const SOURCE_FILE_MONTHS_SQL = `select dataset, source_sha256, first_month, last_month, row_count
from mart_source_file_months
order by dataset, source_sha256`;

/** First and last month of one source file's current rows. */
export interface SourceFileMonths {
  readonly dataset: DatasetName;
  readonly sha256: string;
  readonly first: string;
  readonly last: string;
  readonly rows: number;
}

export interface LakeFacts {
  /** Every manifest of the lake, files rejected whole included. */
  readonly manifests: readonly Manifest[];
  readonly fileMonths: readonly SourceFileMonths[];
}

export async function fetchLakeFacts(engine: QueryEngine, lake: ObjectStore): Promise<LakeFacts> {
  const [manifests, fileMonths] = await Promise.all([readAllManifests(lake), fetchSourceFileMonths(engine)]);
  return { manifests, fileMonths };
}

export async function fetchSourceFileMonths(engine: QueryEngine): Promise<SourceFileMonths[]> {
  const where = 'mart_source_file_months';
  const { rows } = await engine.query(SOURCE_FILE_MONTHS_SQL);
  return rows.map((row) => {
    const dataset = stringAt(row, 'dataset', where);
    if (!(DATASET_NAMES as readonly string[]).includes(dataset)) throw new Error(`${where}: unknown dataset ${JSON.stringify(dataset)}`);
    return {
      dataset: dataset as DatasetName,
      sha256: stringAt(row, 'source_sha256', where),
      first: monthOfDate(stringAt(row, 'first_month', where)),
      last: monthOfDate(stringAt(row, 'last_month', where)),
      rows: numberAt(row, 'row_count', where),
    };
  });
}

/** Files that were ingested (not rejected whole): only they hold rows or vouch for coverage. */
function ingested(facts: LakeFacts): Manifest[] {
  return facts.manifests.filter((manifest) => manifest.status === 'ingested');
}

/**
 * Every file with current rows (mart_source_file_months), with the coverage its delivery declared
 * (its manifest), and every ingested file that declared a coverage but has no current rows.
 */
export function coverageFactsOf(facts: LakeFacts): SourceFileCoverageFacts[] {
  const declared = new Map(
    ingested(facts)
      .filter((manifest) => manifest.coverage !== undefined)
      .map((manifest) => [`${manifest.dataset}/${manifest.source.sha256}`, { dataset: manifest.dataset, sha256: manifest.source.sha256, coverage: manifest.coverage! }]),
  );
  const withRows = facts.fileMonths.map((file): SourceFileCoverageFacts => {
    const own = declared.get(`${file.dataset}/${file.sha256}`);
    return {
      dataset: file.dataset,
      sha256: file.sha256,
      declared: own === undefined ? null : { first: own.coverage.first, last: own.coverage.last, declaredIn: own.coverage.declared_in },
      rows: { first: file.first, last: file.last },
    };
  });
  const seen = new Set(facts.fileMonths.map((file) => `${file.dataset}/${file.sha256}`));
  const withoutRows = [...declared.entries()]
    .filter(([key]) => !seen.has(key))
    .map(([, { dataset, sha256, coverage }]): SourceFileCoverageFacts => ({
      dataset,
      sha256,
      declared: { first: coverage.first, last: coverage.last, declaredIn: coverage.declared_in },
      rows: null,
    }));
  return [...withRows, ...withoutRows];
}

export function qualityFactsOf(facts: LakeFacts): SourceFileQualityFacts[] {
  return facts.manifests.map((manifest) => ({
    dataset: manifest.dataset,
    name: manifest.source.name,
    sha256: manifest.source.sha256,
    status: manifest.status,
    ingestedAt: manifest.ingested_at,
    error: manifest.error,
    rowsRead: manifest.rows.read,
    rowsRejected: manifest.rows.rejected,
    ingestSeq: manifest.ingest_seq,
    rejectedByCity:
      manifest.rejected_by_city === undefined
        ? manifest.rows.rejected === 0
          ? []
          : null
        : manifest.rejected_by_city.map((entry) => ({ cityCode: entry.city_code, month: entry.month, rows: entry.rows, rules: entry.rules })),
  }));
}

/** The last month with current rows of each dataset. */
export function lakeLastMonthsOf(facts: LakeFacts): Partial<Record<DatasetName, string>> {
  const last: Partial<Record<DatasetName, string>> = {};
  for (const file of facts.fileMonths) {
    const known = last[file.dataset];
    if (known === undefined || file.last > known) last[file.dataset] = file.last;
  }
  return last;
}

export function revisionFactsOf(facts: LakeFacts): RevisionSourceFacts[] {
  return ingested(facts).map((manifest) => ({
    dataset: manifest.dataset,
    file: manifest.source.name,
    sha256: manifest.source.sha256,
    ingestSeq: manifest.ingest_seq,
    ingestedAt: manifest.ingested_at,
    periods: manifest.outputs.curated.map(periodOfCuratedKey),
    supersededByPeriod: manifest.keys.superseded_months ?? {},
  }));
}

/** `curated/<ds>/year=2024/month=06/<sha>.parquet` → '2024-06'; `year=2024/…` → '2024'; unpartitioned → '*'. */
export function periodOfCuratedKey(key: string): string {
  const year = /\/year=(\d{4})\//.exec(key)?.[1];
  const month = /\/month=(\d{2})\//.exec(key)?.[1];
  if (year === undefined) return '*';
  return month === undefined ? year : `${year}-${month}`;
}
