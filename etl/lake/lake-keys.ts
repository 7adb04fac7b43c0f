/** The lake's key layout (docs/lake.md): one function per kind of object, so no key is spelled twice. */
import type { DatasetName } from '../schemas/dataset-spec.ts';

export interface PartitionValues {
  readonly year?: number;
  readonly month?: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export const lakeKeys = {
  /** What the lake was built for (etl/lake/lake-record.ts), at its root. */
  lakeRecord: 'lake.json',
  raw: (dataset: DatasetName, ingestDate: string, sha256: string, extension: string) =>
    `raw/${dataset}/ingest_date=${ingestDate}/${sha256}${extension}`,
  curatedPrefix: (dataset: string) => `curated/${dataset}/`,
  curated: (dataset: string, partition: PartitionValues, sha256: string) => {
    const parts = [`curated/${dataset}`];
    if (partition.year !== undefined) parts.push(`year=${partition.year}`);
    if (partition.month !== undefined) parts.push(`month=${pad2(partition.month)}`);
    return `${parts.join('/')}/${sha256}.parquet`;
  },
  rejects: (dataset: DatasetName, ingestDate: string, sha256: string) => `rejects/${dataset}/ingest_date=${ingestDate}/${sha256}.jsonl`,
  manifestsRoot: 'manifests/',
  manifestPrefix: (dataset: DatasetName) => `manifests/${dataset}/`,
  manifest: (dataset: DatasetName, sha256: string) => `manifests/${dataset}/${sha256}.json`,
  /** Ingest sequence numbers taken, one object per number (next-ingest-seq.ts): outside manifests/, which Athena reads as a table. */
  ingestSeqPrefix: (dataset: DatasetName) => `ingest-seq/${dataset}/`,
  ingestSeq: (dataset: DatasetName, seq: number) => `ingest-seq/${dataset}/${String(seq).padStart(10, '0')}`,
  report: (cityCode: string, period: string, fileName: string) => `reports/city=${cityCode}/period=${period}/${fileName}`,
  reportCityPrefix: (cityCode: string) => `reports/city=${cityCode}/`,
  /** An earlier published version of a report, kept when a later one replaces it (`stamp`: its generated_at, UTC, 20251205T020000Z). */
  reportVersion: (cityCode: string, period: string, stamp: string, fileName: string) => `reports/city=${cityCode}/period=${period}/versions/${stamp}/${fileName}`,
} as const;

/** The month 'YYYY-MM' of a monthly dataset's curated key (`…/year=2025/month=06/<sha>.parquet`), or null for other keys. */
export function monthOfCuratedKey(key: string): string | null {
  const match = /^curated\/[^/]+\/year=(\d{4})\/month=(\d{2})\/[^/]+$/.exec(key);
  return match === null ? null : `${match[1]}-${match[2]}`;
}
