/** Every dataset of the data contract, by name. */
import { cityAccounts } from './city-accounts.ts';
import { DATASET_NAMES, type DatasetName, type DatasetSpec } from './dataset-spec.ts';
import { enterpriseAccounts } from './enterprise-accounts.ts';
import { enterprises } from './enterprises.ts';
import { giOutput } from './gi-output.ts';
import { giProducts } from './gi-products.ts';
import { industryAccounts } from './industry-accounts.ts';
import { patentEvents } from './patent-events.ts';
import { patentIntensiveClassification } from './patent-intensive-classification.ts';
import { patents } from './patents.ts';
import { pledges } from './pledges.ts';
import { programmeRecords } from './programme-records.ts';
import { techContracts } from './tech-contracts.ts';
import { trademarkEvents } from './trademark-events.ts';
import { trademarks } from './trademarks.ts';

export { CITY_CONFIG_COLUMNS } from './city-config-columns.ts';

export const DATASETS: Readonly<Record<DatasetName, DatasetSpec>> = {
  patents,
  patent_events: patentEvents,
  trademarks,
  trademark_events: trademarkEvents,
  pledges,
  gi_products: giProducts,
  gi_output: giOutput,
  enterprises,
  enterprise_accounts: enterpriseAccounts,
  industry_accounts: industryAccounts,
  city_accounts: cityAccounts,
  tech_contracts: techContracts,
  programme_records: programmeRecords,
  patent_intensive_classification: patentIntensiveClassification,
};

export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}

export function getDataset(name: string): DatasetSpec {
  if (!isDatasetName(name)) throw new Error(`unknown dataset "${name}"; expected one of ${DATASET_NAMES.join(', ')}`);
  return DATASETS[name];
}
