/** Splits each dataset's records into the files an operator would receive (one per year for some). */
import type { DatasetName } from '../schemas/dataset-spec.ts';
import type { SampleFileFormat, SampleRecord } from './csv-rendering.ts';
import { OFFICIAL_CLASSIFICATION_SOURCE_NAME } from '../classification/official-classification.ts';
import { EXTRACT_FORMATS, patentsFormatForYear } from './extract-formats.ts';

export interface PlannedFile {
  readonly dataset: DatasetName;
  /** Relative to the sample folder, with forward slashes: `<dataset>/<file>.csv`. */
  readonly path: string;
  readonly format: SampleFileFormat;
  readonly records: SampleRecord[];
}

export type GeneratedRecords = Readonly<Record<DatasetName, SampleRecord[]>>;

function single(dataset: DatasetName, records: SampleRecord[], fileName = `${dataset}.csv`): PlannedFile[] {
  return [{ dataset, path: `${dataset}/${fileName}`, format: EXTRACT_FORMATS[dataset], records }];
}

/** One file per calendar year of `yearOf`, in year order. */
function perYear(dataset: DatasetName, records: SampleRecord[], yearOf: (record: SampleRecord) => number, formatFor: (year: number) => SampleFileFormat = () => EXTRACT_FORMATS[dataset]): PlannedFile[] {
  const byYear = new Map<number, SampleRecord[]>();
  for (const record of records) {
    const year = yearOf(record);
    const list = byYear.get(year) ?? [];
    list.push(record);
    byYear.set(year, list);
  }
  return [...byYear.keys()].sort((a, b) => a - b).map((year) => ({ dataset, path: `${dataset}/${dataset}_${year}.csv`, format: formatFor(year), records: byYear.get(year)! }));
}

const yearOfColumn = (column: string) => (record: SampleRecord): number => Number(String(record[column]).slice(0, 4));

export function planSampleFiles(records: GeneratedRecords): PlannedFile[] {
  return [
    ...perYear('patents', records.patents, yearOfColumn('application_date'), patentsFormatForYear),
    ...perYear('patent_events', records.patent_events, yearOfColumn('effective_date')),
    ...single('trademarks', records.trademarks),
    ...single('trademark_events', records.trademark_events),
    ...single('pledges', records.pledges),
    ...single('gi_products', records.gi_products),
    ...single('gi_output', records.gi_output),
    ...single('enterprises', records.enterprises),
    ...perYear('enterprise_accounts', records.enterprise_accounts, (record) => Number(record['year'])),
    ...single('industry_accounts', records.industry_accounts),
    ...single('city_accounts', records.city_accounts),
    ...perYear('tech_contracts', records.tech_contracts, yearOfColumn('registration_date')),
    ...single('programme_records', records.programme_records),
    // The official table shipped with ipstats, under its version.
    ...single('patent_intensive_classification', records.patent_intensive_classification, OFFICIAL_CLASSIFICATION_SOURCE_NAME),
  ];
}
