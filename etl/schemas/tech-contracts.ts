/** tech_contracts — registered technology contracts (技术合同认定登记). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { PARTY_TYPES, TECH_CONTRACT_IP_KINDS, TECH_CONTRACT_TYPES } from './enums.ts';
import { boolean, cityCode, date, enumeration, money, text } from './fields.ts';

export const techContracts = defineDataset({
  name: 'tech_contracts',
  titleZh: '技术合同认定登记',
  fields: {
    contract_id: text({ zh: '合同登记号', zhHant: '合同登記號', required: true }),
    registration_date: date({ zh: '登记日', zhHant: '登記日', required: true }),
    contract_type: enumeration({ zh: '合同类型', zhHant: '合同類型', required: true }, TECH_CONTRACT_TYPES),
    ip_kind: enumeration({ zh: '知识产权类型', zhHant: '知識產權類型', required: true }, TECH_CONTRACT_IP_KINDS),
    seller_name: text({ zh: '卖方名称', zhHant: '賣方名稱', required: true }),
    seller_type: enumeration({ zh: '卖方类型', zhHant: '賣方類型', required: true }, PARTY_TYPES),
    seller_city_code: cityCode({ zh: '卖方行政区划代码', zhHant: '賣方行政區劃代碼', required: true }),
    buyer_name: text({ zh: '买方名称', zhHant: '買方名稱', required: false }),
    buyer_type: enumeration({ zh: '买方类型', zhHant: '買方類型', required: false }, PARTY_TYPES),
    buyer_city_code: cityCode({ zh: '买方行政区划代码', zhHant: '買方行政區劃代碼', required: false }),
    buyer_is_sme: boolean({ zh: '买方是否中小企业', zhHant: '買方是否中小企業', required: false }),
    turnover_cny: money({ zh: '成交额', zhHant: '成交額', required: true, sign: 'non_negative' }),
  },
  key: ['contract_id'],
  partitioning: { kind: 'month', column: 'registration_date' },
});

export type TechContractRow = z.infer<typeof techContracts.schema>;
