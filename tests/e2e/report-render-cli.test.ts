/**
 * The CLI writes the human-readable reports: `ipstats run` on the hand-computed fixture writes
 * report.html, report.xlsx and index.html beside report.json; `ipstats report --format --lang
 * --deliver` writes the chosen formats, in English, and the outbox; a second run gives the same
 * bytes apart from generated_at. Every report carries its ranks among the configured cities, the
 * same as index.json's, also when `ipstats report --city` ranks one city over the published others.
 */
import DecimalModule, { type Decimal as DecimalType } from 'decimal.js';
import ExcelJS from 'exceljs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { validateWrittenReports } from '../support/validate-written-reports.ts';
import { E2E_CONFIG, fixtureRunArgs, runCli, type CliResult } from './support/run-cli.ts';

const Decimal = DecimalModule as unknown as typeof DecimalType;

let work: string;
let run: CliResult;
let again: CliResult;
let english: CliResult;
let overlay: CliResult;

const reportDir = (out: string, code: string) => path.join(out, 'reports', `city=${code}`, 'period=2025-06');
/** The generated_at instant as report.html prints it (生成时间 … 2025-07-05 02:00). */
const GENERATED_AT_HTML = /(<dt>生成时间<\/dt><dd>)[^<]+(<\/dd>)/;

beforeAll(async () => {
  work = await tempDir('report-render-cli');
  const lake = path.join(work, 'lake');
  run = await runCli(fixtureRunArgs(lake, path.join(work, 'out'), '--period', '2025-06'));
  again = await runCli(fixtureRunArgs(lake, path.join(work, 'out-again'), '--period', '2025-06'));
  // One city again over the published reports of the other: the --city overlay.
  overlay = await runCli(['report', '--city', '440300', '--period', '2025-06', '--lake', lake, '--out', path.join(work, 'out-again'), '--config', E2E_CONFIG]);
  english = await runCli([
    'report', '--city', '440300', '--period', '2025-06', '--format', 'json,html', '--lang', 'en', '--deliver',
    '--lake', lake, '--out', path.join(work, 'out-en'), '--config', E2E_CONFIG,
  ]);
  // Four CLI runs one after another: over a minute on a loaded 2-core machine.
}, 240_000);

describe('ipstats run writes the readable reports', () => {
  it('writes report.json, report.html and report.xlsx per city, report.schema.json beside them, and says where the index is', async () => {
    expect(run.exitCode).toBe(0);
    expect((await readdir(reportDir(path.join(work, 'out'), '440300'))).sort()).toEqual(['report.html', 'report.json', 'report.schema.json', 'report.xlsx']);
    expect(run.stdout).toContain(`index: ${path.join(work, 'out', 'index', 'period=2025-06', 'index.html')}`);
  });

  it('renders report.html from the report.json beside it', async () => {
    const report = JSON.parse(await readFile(path.join(reportDir(path.join(work, 'out'), '440300'), 'report.json'), 'utf8')) as {
      indicators: Record<string, { ytd: number | null }>;
    };
    const html = await readFile(path.join(reportDir(path.join(work, 'out'), '440300'), 'report.html'), 'utf8');
    expect(html).toContain('<title>深圳市知识产权运营服务体系建设月度统计报告（2025年6月）</title>');
    const transfers = report.indicators['ip_transfer_licence_count']!.ytd;
    expect(html).toContain(`<td class="num">${transfers === null ? '—' : transfers.toLocaleString('en-US')}</td>`);
  });

  it('writes an xlsx whose indicator sheet holds the report.json figures (money in 万元) and whose long table holds them exactly', async () => {
    const dir = reportDir(path.join(work, 'out'), '310000');
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as { indicators: Record<string, { unit: 'count' | 'cny'; ytd: number | null }> };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(path.join(dir, 'report.xlsx'))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标总览')!;
    const ytdById: Record<string, unknown> = {};
    // The data rows follow the header row (under a demonstration-classification banner when there is one).
    let header = 0;
    let ytdColumn = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(1).value === '指标代码') {
        header = number;
        row.eachCell((cell, column) => (cell.value === '本年累计' ? (ytdColumn = column) : undefined));
      } else if (header > 0) ytdById[String(row.getCell(1).value)] = row.getCell(ytdColumn).value;
    });
    const wan = (yuan: number) => Number(new Decimal(String(yuan)).div(10_000).toString());
    const shown = (figures: { unit: 'count' | 'cny'; ytd: number | null }) => (figures.ytd === null || figures.unit === 'count' ? figures.ytd : wan(figures.ytd));
    expect(ytdById).toEqual(Object.fromEntries(Object.entries(report.indicators).map(([id, figures]) => [id, shown(figures)])));
    const long = workbook.getWorksheet('长表数据')!;
    const ytdRows: Record<string, unknown> = {};
    long.eachRow((row) => {
      if (row.getCell(7).value === '本年累计') ytdRows[String(row.getCell(3).value)] = row.getCell(8).value;
    });
    expect(ytdRows).toEqual(Object.fromEntries(Object.entries(report.indicators).flatMap(([id, figures]) => (id === 'patent_intensive_value_added_cny' ? [] : [[id, figures.ytd]]))));
  });

  it('links every city from index.html', async () => {
    const index = await readFile(path.join(work, 'out', 'index', 'period=2025-06', 'index.html'), 'utf8');
    expect([...index.matchAll(/href="([^"]+report\.html)"/g)].map((match) => match[1])).toEqual([
      '../../reports/city=310000/period=2025-06/report.html',
      '../../reports/city=440300/period=2025-06/report.html',
    ]);
  });

  it.each(['310000', '440300'])('gives byte-identical report.html for %s on a second run, generated_at aside', async (code) => {
    expect(again.exitCode).toBe(0);
    const first = await readFile(path.join(reportDir(path.join(work, 'out'), code), 'report.html'), 'utf8');
    const second = await readFile(path.join(reportDir(path.join(work, 'out-again'), code), 'report.html'), 'utf8');
    expect(first).toMatch(GENERATED_AT_HTML);
    expect(second.replace(GENERATED_AT_HTML, '$1$2')).toBe(first.replace(GENERATED_AT_HTML, '$1$2'));
  });
});

interface RankedReportJson {
  city: { code: string };
  indicators: Record<string, { ytd: number | null; cumulative: number | null }>;
  peer_ranks: { cities: string[]; missing: string[]; by_indicator: Record<string, { rank: number | null; of: number; value_field: string }> };
}
interface IndexJsonRows {
  cities: { code: string; status: string }[];
  rows: { city_code: string; indicator: string; measure: string; value: number | null }[];
}
const readJson = async <T,>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;
const indexJson = (out: string) => readJson<IndexJsonRows>(path.join(out, 'index', 'period=2025-06', 'index.json'));

describe('ranks among the configured cities and the index tables', () => {
  it('writes index.xlsx and index.json beside index.html, and says where', async () => {
    expect((await readdir(path.join(work, 'out', 'index', 'period=2025-06'))).sort()).toEqual(['index.html', 'index.json', 'index.xlsx']);
    const index = path.join(work, 'out', 'index', 'period=2025-06');
    expect(run.stdout).toContain(`index tables: ${path.join(index, 'index.xlsx')} ${path.join(index, 'index.json')}`);
  });

  it('gives every report the ranks index.json gives it, computed from the reports’ own figures', async () => {
    const index = await indexJson(path.join(work, 'out'));
    expect(index.cities).toEqual([
      { code: '310000', name: expect.any(String), status: 'reported', files: expect.any(Array) },
      { code: '440300', name: expect.any(String), status: 'reported', files: expect.any(Array) },
    ]);
    const reports = await Promise.all(['310000', '440300'].map((code) => readJson<RankedReportJson>(path.join(reportDir(path.join(work, 'out'), code), 'report.json'))));
    for (const report of reports) {
      expect(report.peer_ranks.cities).toEqual(['310000', '440300']);
      expect(report.peer_ranks.missing).toEqual([]);
      for (const [id, rank] of Object.entries(report.peer_ranks.by_indicator)) {
        const row = index.rows.find((one) => one.city_code === report.city.code && one.indicator === id && one.measure === 'rank');
        expect(row?.value, `${report.city.code} ${id}`).toBe(rank.rank);
      }
    }
    // Recomputed by hand from the two reports' ytd: the higher is first, a tie shares first.
    const [shanghai, shenzhen] = reports as [RankedReportJson, RankedReportJson];
    const a = shanghai.indicators['ip_transfer_licence_count']!.ytd!;
    const b = shenzhen.indicators['ip_transfer_licence_count']!.ytd!;
    expect(shanghai.peer_ranks.by_indicator['ip_transfer_licence_count']).toEqual({ rank: a >= b ? 1 : 2, of: 2, value_field: 'ytd' });
    expect(shenzhen.peer_ranks.by_indicator['ip_transfer_licence_count']).toEqual({ rank: b >= a ? 1 : 2, of: 2, value_field: 'ytd' });
  });

  it('ipstats report --city ranks the city over the published reports of the others, as the whole run did', async () => {
    expect(overlay.stderr).toBe('');
    expect(overlay.exitCode).toBe(0);
    const ranks = async (out: string) => (await readJson<RankedReportJson>(path.join(reportDir(out, '440300'), 'report.json'))).peer_ranks;
    expect(await ranks(path.join(work, 'out-again'))).toEqual(await ranks(path.join(work, 'out')));
    expect((await indexJson(path.join(work, 'out-again'))).rows).toEqual((await indexJson(path.join(work, 'out'))).rows);
  });

  it('lists a configured city without a report for the month as missing, and ranks without it', async () => {
    const report = await readJson<RankedReportJson>(path.join(reportDir(path.join(work, 'out-en'), '440300'), 'report.json'));
    expect(report.peer_ranks.cities).toEqual(['440300']);
    expect(report.peer_ranks.missing).toEqual(['310000']);
    const index = await indexJson(path.join(work, 'out-en'));
    expect(index.cities.map((city) => [city.code, city.status])).toEqual([
      ['310000', 'missing'],
      ['440300', 'reported'],
    ]);
    expect(new Set(index.rows.map((row) => row.city_code))).toEqual(new Set(['440300']));
  });
});

describe('report.json keeps its published JSON Schema', () => {
  it('every report.json of the four runs is valid for ajv against the report.schema.json beside it and docs/report.schema.json', async () => {
    const bothCities = ['reports/city=310000/period=2025-06/report.json', 'reports/city=440300/period=2025-06/report.json'].map((report) => ({ report, errors: [] }));
    expect(await validateWrittenReports(path.join(work, 'out'))).toEqual(bothCities);
    // The --city overlay published 440300 again over the whole run's reports.
    expect(await validateWrittenReports(path.join(work, 'out-again'))).toEqual(bothCities);
    expect(await validateWrittenReports(path.join(work, 'out-en'))).toEqual([{ report: 'reports/city=440300/period=2025-06/report.json', errors: [] }]);
  });
});

describe('ipstats report --format json,html --lang en --deliver', () => {
  it('writes only the chosen formats, in English, and the notification to the outbox', async () => {
    expect(english.stderr).toBe('');
    expect(english.exitCode).toBe(0);
    const out = path.join(work, 'out-en');
    expect((await readdir(reportDir(out, '440300'))).sort()).toEqual(['report.html', 'report.json', 'report.schema.json']);
    expect(await readFile(path.join(reportDir(out, '440300'), 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(english.stdout).toContain(`outbox:\n  ${path.join(out, 'outbox', 'period=2025-06', 'city=440300.json')}`);
    const notification = JSON.parse(await readFile(path.join(out, 'outbox', 'period=2025-06', 'city=440300.json'), 'utf8')) as { subject: string; message: string };
    expect(notification.subject).toBe('ipstats monthly IP report 440300 2025-06');
    expect(notification.message).toContain(`- 网页版 report.html：${path.join(reportDir(out, '440300'), 'report.html')}`);
  });

  it('rejects an unknown format or language with exit status 2', async () => {
    const badFormat = await runCli(['report', '--city', '440300', '--format', 'pdf', '--lake', path.join(work, 'lake'), '--out', path.join(work, 'x'), '--config', E2E_CONFIG]);
    expect(badFormat.exitCode).toBe(2);
    expect(badFormat.stderr).toContain("--format 'pdf' is not available; available: json, html, xlsx");
    const badLanguage = await runCli(['report', '--city', '440300', '--lang', 'fr', '--lake', path.join(work, 'lake'), '--out', path.join(work, 'x'), '--config', E2E_CONFIG]);
    expect(badLanguage.exitCode).toBe(2);
    expect(badLanguage.stderr).toContain("--lang 'fr' is not available; available: zh, en");
  });
});
