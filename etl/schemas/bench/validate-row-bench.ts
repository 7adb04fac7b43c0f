/**
 * Measures validateRow on synthetic valid patent_events rows (the ingestion's hot path).
 * Run: node --import tsx etl/schemas/bench/validate-row-bench.ts [rows=200000] [--zod]
 * `--zod` measures the zod schema path (validateRowWithZod) instead of the compiled one.
 */
import { applicationNoCheckDigit } from '../parse/patent-application-no.ts';
import { usccCheckCharacter } from '../parse/uscc.ts';
import { patentEvents } from '../patent-events.ts';
import { validateRow, validateRowWithZod } from '../validate-row.ts';

const CITY_CODES = ['110108', '310115', '440305', '440300', '429004', '500230', '330106', '320102'];
const PARTY_TYPES = ['企业', 'university', '科研单位', 'enterprise', '个人'];

function syntheticRow(index: number): Record<string, string> {
  const applicationDigits = `2019${(index % 3) + 1}${String(index).padStart(7, '0')}`;
  const usccBody = `9144030071${String(index % 10_000_000).padStart(7, '0')}`;
  const licence = index % 3 === 0;
  return {
    event_id: `E${index}`,
    application_no: `CN${applicationDigits}.${applicationNoCheckDigit(applicationDigits)}`,
    event_type: licence ? '许可' : 'transfer',
    licence_type: licence ? '独占' : '',
    effective_date: `2023-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
    from_name: `某某大学${index % 97}`,
    from_uscc: `${usccBody}${usccCheckCharacter(usccBody)}`,
    from_type: PARTY_TYPES[index % PARTY_TYPES.length]!,
    from_city_code: CITY_CODES[index % CITY_CODES.length]!,
    to_name: `深圳某某科技有限公司${index}`,
    to_uscc: '',
    to_type: '企业',
    to_city_code: CITY_CODES[(index + 3) % CITY_CODES.length]!,
    to_is_sme: index % 2 === 0 ? '是' : '否',
    contract_amount_cny: index % 4 === 0 ? `${index % 1000}.5万元` : `${(index * 37) % 1000},${String(index % 1000).padStart(3, '0')}.25`,
  };
}

const rowCount = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200_000);
const useZod = process.argv.includes('--zod');
const validate = useZod ? validateRowWithZod : validateRow;
const rows = Array.from({ length: rowCount }, (_, index) => syntheticRow(index));

// Warm-up, so the measurement sees optimised code as a long ingestion would.
for (let index = 0; index < Math.min(20_000, rowCount); index++) validate(patentEvents, rows[index]!);

// CPU time as well as wall time: on a shared machine the wall clock also counts other work.
const cpuStarted = process.cpuUsage();
const started = performance.now();
let rejected = 0;
for (const row of rows) {
  const result = validate(patentEvents, row);
  if (!result.ok) {
    rejected++;
    if (rejected === 1) console.error(JSON.stringify(result.reasons));
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    path: useZod ? 'zod' : 'compiled',
    rows: rowCount,
    rejected,
    wallSeconds: Number(seconds.toFixed(3)),
    rowsPerWallSecond: Math.round(rowCount / seconds),
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    rowsPerCpuSecond: Math.round(rowCount / cpuSeconds),
  }),
);
