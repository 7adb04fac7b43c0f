/** Which defects each dataset's bad rows carry (reference datasets stay clean: a bad row there would skew every figure). */
import type { DatasetName } from '../schemas/dataset-spec.ts';
import { badApplicationNoCheck, badEnum, badUsccCheck, dateOrder, impossibleDate, missingRequired, negativeAmount, unknownCityCode, type DefectRule } from './bad-rows.ts';

export const DATASET_DEFECTS: Readonly<Record<DatasetName, readonly DefectRule[]>> = {
  patents: [badUsccCheck('applicant_uscc'), badApplicationNoCheck('application_no'), impossibleDate('application_date'), unknownCityCode('city_code'), missingRequired('applicant_name'), badEnum('legal_status'), dateOrder('application_date', 'grant_date')],
  patent_events: [badUsccCheck('to_uscc'), badApplicationNoCheck('application_no'), impossibleDate('effective_date'), unknownCityCode('to_city_code'), missingRequired('from_name'), badEnum('from_type'), negativeAmount('contract_amount_cny')],
  trademarks: [badUsccCheck('applicant_uscc'), impossibleDate('application_date'), unknownCityCode('city_code'), missingRequired('applicant_name'), badEnum('mark_kind'), dateOrder('application_date', 'registration_date')],
  trademark_events: [badUsccCheck('from_uscc'), impossibleDate('effective_date'), unknownCityCode('from_city_code'), missingRequired('to_name'), badEnum('to_type'), negativeAmount('contract_amount_cny')],
  pledges: [badUsccCheck('pledgor_uscc'), impossibleDate('registration_date'), unknownCityCode('pledgor_city_code'), missingRequired('pledgee_name'), badEnum('status'), negativeAmount('secured_amount_cny'), dateOrder('term_start', 'term_end')],
  gi_products: [],
  gi_output: [badUsccCheck('producer_uscc'), impossibleDate('period', true), unknownCityCode('city_code'), missingRequired('producer_name'), negativeAmount('output_value_cny')],
  enterprises: [badUsccCheck('uscc'), unknownCityCode('city_code'), missingRequired('name')],
  enterprise_accounts: [badUsccCheck('uscc'), missingRequired('year')],
  industry_accounts: [],
  city_accounts: [],
  tech_contracts: [impossibleDate('registration_date'), unknownCityCode('seller_city_code'), missingRequired('seller_name'), badEnum('ip_kind'), negativeAmount('turnover_cny')],
  programme_records: [badUsccCheck('entity_uscc'), impossibleDate('event_date'), unknownCityCode('city_code'), missingRequired('entity_name'), badEnum('kind'), negativeAmount('amount_cny')],
  patent_intensive_classification: [],
};
