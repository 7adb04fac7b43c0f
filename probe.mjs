import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
const cases = {
 spacequote: 'a,b\n1, "x"\n',
 spacequote2: 'a,b\n1,"x" \n',
 trailingDelim: 'a,b\n1,x,\n',
 short: 'a,b\n1\n2,z\n',
 long: 'a,b\n1,x,y\n',
 emptyQuoted: 'a,b\n"",x\n,y\n',
 midquote: 'a,b\n1,x"y\n',
 quotedNl: 'a,b\n1,"x\ny"\n3,"p""q"\n',
};
for (const opts of ["strict_mode=true", "strict_mode=true, null_padding=true, nullstr='\u0001'", ]) {
for (const [name, text] of Object.entries(cases)) {
  writeFileSync('/tmp/lead/p.csv', text);
  const q = `SELECT * FROM read_csv('/tmp/lead/p.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', ${opts}, columns={'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR'})`;
  try { const r = await c.runAndReadAll(q); console.log(opts.slice(0,20), name, JSON.stringify(r.getRowsJson())); } catch (e) { console.log(opts.slice(0,20),name, 'ERR', e.message.split('\n')[0].slice(0,150)); }
}}
