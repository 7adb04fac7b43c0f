/**
 * The seven categories of the patent-intensive industry classification (2019), from
 * etl/reference/patent_intensive_categories.csv (see patent_intensive.SOURCE.md).
 */
import { readFileSync } from 'node:fs';
import { referenceFilePath } from '../reference/read-reference-csv.ts';

export const CATEGORY_CODES = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export interface PatentIntensiveCategory {
  readonly code: CategoryCode;
  readonly nameZh: string;
  readonly nameEn: string;
}

const HEADER = 'category_code,name_zh,name_en';

export function isCategoryCode(value: string): value is CategoryCode {
  return (CATEGORY_CODES as readonly string[]).includes(value);
}

let categories: readonly PatentIntensiveCategory[] | undefined;

/** The categories in code order; the file must list exactly 01–07. */
export function patentIntensiveCategories(): readonly PatentIntensiveCategory[] {
  categories ??= load();
  return categories;
}

function load(): readonly PatentIntensiveCategory[] {
  const file = referenceFilePath('patent_intensive_categories.csv');
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  if (lines[0] !== HEADER) throw new Error(`${file}: expected header "${HEADER}", found "${lines[0] ?? ''}"`);
  const parsed = lines.slice(1).map((line, index) => {
    // The English name may be quoted and hold a comma ("R&D, design and technical services").
    const match = /^(\d{2}),([^,]+),(?:"((?:[^"]|"")*)"|([^,]*))$/.exec(line);
    if (match === null) throw new Error(`${file}: line ${index + 2} is not "code,name_zh,name_en": ${line}`);
    const code = match[1]!;
    if (!isCategoryCode(code)) throw new Error(`${file}: line ${index + 2}: category code ${code} is not 01–07`);
    return Object.freeze({ code, nameZh: match[2]!, nameEn: (match[3] ?? match[4] ?? '').replace(/""/g, '"') });
  });
  const codes = parsed.map((category) => category.code).join(',');
  if (codes !== CATEGORY_CODES.join(',')) throw new Error(`${file}: expected categories ${CATEGORY_CODES.join(',')} in order, found ${codes}`);
  return Object.freeze(parsed);
}
