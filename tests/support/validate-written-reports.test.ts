import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_REPORT } from '../etl/reports/html/report-fixture.ts';
import { tempDir } from './temp-dir.ts';
import { validateWrittenReports } from './validate-written-reports.ts';

async function write(root: string, relative: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
  await writeFile(path.join(root, relative), text);
}

describe('validateWrittenReports', () => {
  it('checks every published report.json, versions included, against the schema beside it and the docs copy; skips staged copies and index.json', async () => {
    const out = await tempDir('validate-written-reports');
    const schema = await readFile(new URL('../../docs/report.schema.json', import.meta.url), 'utf8');
    const good = `${JSON.stringify(FIXTURE_REPORT, null, 2)}\n`;
    await write(out, 'reports/city=440300/period=2025-06/report.json', good);
    await write(out, 'reports/city=440300/period=2025-06/report.schema.json', schema);
    await write(out, 'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.json', JSON.stringify({ ...FIXTURE_REPORT, period: 'June' }));
    await write(out, 'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.schema.json', schema);
    await write(out, 'reports/city=310000/period=2025-06/report.json', good);
    await write(out, 'reports/.ipstats-staging/run-1/city=440300/report.json', '{}');
    await write(out, 'index/period=2025-06/index.json', '{}');
    expect(await validateWrittenReports(out)).toEqual([
      { report: 'reports/city=310000/period=2025-06/report.json', errors: ['no report.schema.json beside it'] },
      { report: 'reports/city=440300/period=2025-06/report.json', errors: [] },
      {
        report: 'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.json',
        errors: [
          'report.schema.json beside it: /period: must match pattern "^\\d{4}-(0[1-9]|1[0-2])$"',
          'docs/report.schema.json: /period: must match pattern "^\\d{4}-(0[1-9]|1[0-2])$"',
        ],
      },
    ]);
  });
});
