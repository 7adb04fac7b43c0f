import { writePatentEventsCsv } from './etl/sample/patent-events-stream.ts';
const r = await writePatentEventsCsv('/tmp/lead/pe1m.csv', 1_000_000, 20250701);
console.log(r);
