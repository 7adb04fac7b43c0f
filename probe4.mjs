import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
const cases = {
 ok: 'a,b\n1,x\n',
 trailingDelim: 'a,b\n1,x,\n1,,\n',
 short: 'a,b\n1\n2,z\n',
 long: 'a,b\n1,x,y\n',
 longer: 'a,b\n1,x,y,z\n',
 quotedNl: 'a,b\n1,"x\ny"\n3,"p""q"\n',
 spacequote: 'a,b\n1, "x"\n',
};
for (const [name, text] of Object.entries(cases)) {
  writeFileSync('/tmp/lead/p.csv', text);
  const q = `SELECT * FROM read_csv('/tmp/lead/p.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', null_padding=true, parallel=false, nullstr='\u0001', columns={'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR'})`;
  try { const r = await c.runAndReadAll(q); console.log(name, JSON.stringify(r.getRowsJson())); } catch (e) { console.log(name, 'ERR', e.message.split('\n')[0].slice(0,150)); }
}
const cols = Array.from({length:16},(_, i)=>`'c${i}':'VARCHAR'`).join(',');
async function t(name, q) { const u0 = process.cpuUsage(); const w0 = performance.now(); await c.run(q); const u = process.cpuUsage(u0); console.log(name, ((performance.now()-w0)/1000).toFixed(2), 'wall', ((u.user+u.system)/1e6).toFixed(2), 'cpu'); }
await t('pad-nopar', `COPY (SELECT * FROM read_csv('/tmp/lead/pe1m.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', null_padding=true, parallel=false, nullstr='\u0001', columns={${cols}})) TO '/tmp/lead/o1.parquet' (FORMAT parquet)`);
await t('par-count', `SELECT count(*) FROM read_csv('/tmp/lead/pe1m.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={${Array.from({length:15},(_, i)=>`'c${i}':'VARCHAR'`).join(',')}})`);
await t('pad-nopar-count', `SELECT count(*), count(c15) FROM read_csv('/tmp/lead/pe1m.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', null_padding=true, parallel=false, nullstr='\u0001', columns={${cols}})`);
