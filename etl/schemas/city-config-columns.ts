/** The curated `city_config` table, written by `run` from the city configuration (docs/lake.md). */
import type { CuratedColumn } from './dataset-spec.ts';

export const CITY_CONFIG_COLUMNS: readonly CuratedColumn[] = [
  { name: 'city_code', sqlType: 'VARCHAR', labelZh: '城市代码', nullable: false },
  { name: 'city_name', sqlType: 'VARCHAR', labelZh: '城市名称', nullable: false },
  { name: 'programme_start_year', sqlType: 'INTEGER', labelZh: '运营服务体系建设起始年份', nullable: false },
  { name: 'base_year', sqlType: 'INTEGER', labelZh: '基期年份', nullable: false },
];
