import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
const cols = "event_id,application_no,event_type,licence_type,effective_date,from_name,from_uscc,from_type,from_city_code,to_name,to_uscc,to_type,to_city_code,to_is_sme,contract_amount_cny".split(',');
const colsSql = cols.map((n,i)=>`'c${i}':'VARCHAR'`).join(',');
const src = `read_csv('/tmp/lead/pe1m.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={${colsSql}})`;
async function t(name, q) { const u0 = process.cpuUsage(); const w0 = performance.now(); await c.run(q); const u = process.cpuUsage(u0); console.log(name, ((performance.now()-w0)/1000).toFixed(2), 'wall', ((u.user+u.system)/1e6).toFixed(2), 'cpu', (process.memoryUsage().rss/2**20).toFixed(0),'MB'); }
await t('copy-varchar', `COPY (SELECT * FROM ${src}) TO '/tmp/lead/o1.parquet' (FORMAT parquet)`);
await t('copy-rownum', `COPY (SELECT row_number() OVER () AS r, * FROM ${src}) TO '/tmp/lead/o2.parquet' (FORMAT parquet)`);
await t('copy-rownum-part', `COPY (SELECT row_number() OVER () AS r, *, substr(c4,1,4) AS y, substr(c4,6,2) AS m FROM ${src}) TO '/tmp/lead/o3' (FORMAT parquet, PARTITION_BY (y, m), OVERWRITE)`);
await t('ctas', `CREATE TEMP TABLE x AS SELECT row_number() OVER () AS r, * FROM ${src}`);
const r = await c.runAndReadAll(`SELECT count(*) FROM read_parquet('/tmp/lead/o3/*/*/*.parquet', hive_partitioning=false)`); console.log(r.getRowsJson());
const r2 = await c.runAndReadAll(`SELECT filename, count(*), bool_and(r > lr) FROM (SELECT filename, r, lag(r, 1, 0) OVER (PARTITION BY filename ORDER BY file_row_number) AS lr FROM read_parquet('/tmp/lead/o3/*/*/*.parquet', filename=true, file_row_number=true)) GROUP BY ALL ORDER BY 1 LIMIT 3`); console.log(JSON.stringify(r2.getRowsJson()));
