/**
 * What every dataset module in etl/schemas/ exports. The zod schema is the single source of
 * truth: `columns` (Parquet / SQL / Glue types) and `headers` are derived from the metadata
 * registered on its fields, never written a second time by hand.
 */
import type { z } from 'zod';

export const DATASET_NAMES = [
  'patents',
  'patent_events',
  'trademarks',
  'trademark_events',
  'pledges',
  'gi_products',
  'gi_output',
  'enterprises',
  'enterprise_accounts',
  'industry_accounts',
  'city_accounts',
  'tech_contracts',
  'programme_records',
  'patent_intensive_classification',
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** The portable column types, written the same way in DuckDB and Athena (Trino) DDL. */
export type SqlType = 'VARCHAR' | 'BOOLEAN' | 'INTEGER' | 'BIGINT' | 'DATE' | 'DECIMAL(18,2)' | 'DECIMAL(18,4)';

/** One column of the curated Parquet files (and of the SQL source table). */
export interface CuratedColumn {
  readonly name: string;
  readonly sqlType: SqlType;
  /** Chinese label for reports and docs. */
  readonly labelZh: string;
  readonly nullable: boolean;
}

/** One column of the source CSV, with every header spelling it may arrive under. */
export interface SourceColumn {
  readonly name: string;
  readonly required: boolean;
  /** English name, simplified and traditional Chinese names; matched after normalisation. */
  readonly headers: readonly string[];
  /** A money (`_cny`) column: a header unit (万元) means its values are ten-thousands of yuan. */
  readonly money?: boolean;
}

/**
 * How curated files are laid out:
 * - `month`: `curated/<ds>/year=YYYY/month=MM/` from the month of `column` (a DATE column);
 * - `year`: `curated/<ds>/year=YYYY/` from the INTEGER `column` (that column is then the
 *   partition column and is not stored inside the Parquet file, Hive style);
 * - `none`: `curated/<ds>/` (reference data without a date).
 */
export type Partitioning =
  | { readonly kind: 'month'; readonly column: string }
  | { readonly kind: 'year'; readonly column: string }
  | { readonly kind: 'none' };

/** Lineage columns appended to every curated row by the ingestion. */
export const LINEAGE_COLUMNS: readonly CuratedColumn[] = [
  { name: '_source_sha256', sqlType: 'VARCHAR', labelZh: '来源文件SHA-256', nullable: false },
  { name: '_source_row', sqlType: 'BIGINT', labelZh: '来源行号', nullable: false },
  { name: '_ingest_seq', sqlType: 'INTEGER', labelZh: '入湖序号', nullable: false },
];

export interface DatasetSpec<S extends z.ZodType = z.ZodType> {
  readonly name: DatasetName;
  readonly titleZh: string;
  /** Parses one raw record (column name → trimmed string, `undefined` when the column is absent) into a normalised row. */
  readonly schema: S;
  readonly sourceColumns: readonly SourceColumn[];
  /** Curated columns in file order, without lineage and without a `year` partition column. */
  readonly curatedColumns: readonly CuratedColumn[];
  /** Natural key (curated column names): a later row with the same key supersedes an earlier one. */
  readonly key: readonly string[];
  readonly partitioning: Partitioning;
  /**
   * A check of the whole file, for small reference datasets whose rows only make sense together
   * (a classification table). Runs after row validation on the accepted rows; its warnings and
   * summary go into the manifest, and a `rejection` rejects the whole file. Only for datasets
   * without partitioning. @default no whole-file check
   */
  readonly checkWholeFile?: (input: WholeFileInput) => WholeFileCheck;
}

export interface WholeFileInput {
  /** Accepted rows, each with its `_source_row` (the record number in the file). */
  readonly rows: readonly NormalisedRow[];
  readonly rowsRejected: number;
  /** "row 5: industry_code: 9999 is not a GB/T 4754-2017 code" for the first rejected rows. */
  readonly rejectExamples: readonly string[];
}

export interface WholeFileCheck {
  /** Why the whole file is rejected, or null to accept it. */
  readonly rejection: string | null;
  readonly warnings: readonly string[];
  /** JSON-serialisable facts about the file (e.g. classes per category), kept in the manifest. */
  readonly summary: Readonly<Record<string, unknown>>;
}

export type NormalisedRow = Record<string, string | number | bigint | boolean | null>;
