import { S3Client } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../../etl/lake/local-object-store.ts';
import { composeCityNotification } from '../../../../etl/reports/delivery/city-notification.ts';
import { deliverReports } from '../../../../etl/reports/delivery/deliver-reports.ts';
import { presignReportLinks } from '../../../../etl/reports/delivery/presign-report-links.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

const client = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' } });
const signingDate = new Date('2025-07-05T02:00:00Z');
const files = [
  { format: 'html', key: 'reports/city=440300/period=2025-06/report.html' },
  { format: 'xlsx', key: 'reports/city=440300/period=2025-06/report.xlsx' },
] as const;

describe('presignReportLinks', () => {
  it('signs a GET of each file under the store prefix, valid 7 days by default', async () => {
    const { links, expiresAt } = await presignReportLinks({ client, bucket: 'ipstats-out', prefix: 'prod', files, signingDate });
    expect(expiresAt?.toISOString()).toBe('2025-07-12T02:00:00.000Z');
    expect(links.map((link) => link.format)).toEqual(['html', 'xlsx']);
    const url = new URL(links[0]!.url);
    expect(url.hostname).toBe('ipstats-out.s3.cn-north-1.amazonaws.com.cn');
    expect(decodeURIComponent(url.pathname)).toBe('/prod/reports/city=440300/period=2025-06/report.html');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('604800');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20250705T020000Z');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20250705/cn-north-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs the same URL for the same clock, and honours a shorter expiry', async () => {
    const first = await presignReportLinks({ client, bucket: 'ipstats-out', prefix: '', files, signingDate, expiresInSeconds: 3600 });
    const second = await presignReportLinks({ client, bucket: 'ipstats-out', prefix: '', files, signingDate, expiresInSeconds: 3600 });
    expect(second.links[1]!.url).toBe(first.links[1]!.url);
    expect(new URL(first.links[1]!.url).searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(decodeURIComponent(new URL(first.links[1]!.url).pathname)).toBe('/reports/city=440300/period=2025-06/report.xlsx');
  });

  it('refuses an expiry beyond what SigV4 allows', async () => {
    await expect(presignReportLinks({ client, bucket: 'b', prefix: '', files, expiresInSeconds: 8 * 24 * 3600 })).rejects.toThrow(
      /link expiry 691200 s is out of range: expected a whole number of seconds from 1 to 604800 \(7 days\)/,
    );
  });
});

describe('composeCityNotification', () => {
  const notification = composeCityNotification({
    report: FIXTURE_REPORT,
    links: { links: [{ format: 'html', key: files[0].key, url: 'https://example.com/r.html?sig' }], expiresAt: new Date('2025-07-12T02:00:00Z') },
    recipients: ['ip@example.gov.cn'],
  });

  it('has an ASCII subject for SNS and attributes to route by city', () => {
    expect(notification.subject).toBe('ipstats monthly IP report 440300 2025-06');
    expect(/^[\x20-\x7e]{1,99}$/.test(notification.subject)).toBe(true);
    expect(notification.attributes).toEqual({ city_code: '440300', period: '2025-06' });
    expect(notification.recipients).toEqual(['ip@example.gov.cn']);
  });

  it('says in Chinese what is ready, the headline figures, the statuses and the links with their expiry in Beijing time', () => {
    expect(notification.message.split('\n')).toEqual([
      '深圳市知识产权运营服务体系建设月度统计报告（2025年6月）已生成。',
      '',
      '主要指标（本年累计）：',
      '- 知识产权转让、许可次数：1,237 次（同比 +13,644.4%）',
      '- 知识产权质押融资金额：12,345.68 万元（同比 -50.6%）',
      '- 专利技术合同成交额：4.57 万元（同比 —）',
      '- 地理标志运用促进工程产品产值：0.02 万元（同比 +50.3%）',
      '',
      '指标完成情况：已达标 2 项，进度正常 1 项，落后 6 项，无数据 3 项。',
      '',
      '报告下载（链接有效期至北京时间 2025-07-12 10:00）：',
      '- 网页版 report.html：https://example.com/r.html?sig',
      '',
      '本消息由 ipstats 自动发送，请勿直接回复。',
    ]);
  });

  it('says when the report revises figures published in the previous report', () => {
    const change = { indicator: 'pledge_amount_cny' as const, period: '2025-05', figure: 'month' as const, unit: 'cny' as const, old: 1, new: 2, sources: [] };
    const revised = composeCityNotification({
      report: { ...FIXTURE_REPORT, revisions: { compared_with: { period: '2025-05', generated_at: '2025-06-05T02:00:00+08:00' }, changes: [change, { ...change, period: '2025-04' }] } },
      links: { links: [], expiresAt: null },
    });
    expect(revised.message).toContain('指标完成情况：已达标 2 项，进度正常 1 项，落后 6 项，无数据 3 项。\n\n数据修订：与2025年5月报告相比，2 项已发布数据有修订，详见报告“修订说明”。\n\n报告下载：');
  });
});

describe('deliverReports to a local outbox', () => {
  it('writes one JSON message and one text message per city, with file paths as links', async () => {
    const root = await tempDir('outbox');
    const store = new LocalObjectStore(root);
    const { outboxKeys, notifications } = await deliverReports({
      store,
      target: { kind: 'local', root },
      reports: [{ report: FIXTURE_REPORT, files: [...files].reverse(), recipients: [] }],
    });
    expect(outboxKeys).toEqual(['outbox/period=2025-06/city=440300.json']);
    const written = JSON.parse(await readFile(path.join(root, 'outbox', 'period=2025-06', 'city=440300.json'), 'utf8')) as { message: string };
    expect(written).toEqual(JSON.parse(JSON.stringify(notifications[0])));
    // HTML first whatever the order given; local files do not expire.
    expect(written.message).toContain(`报告下载：\n- 网页版 report.html：${path.join(root, 'reports', 'city=440300', 'period=2025-06', 'report.html')}\n- 表格版 report.xlsx：`);
    const text = await readFile(path.join(root, 'outbox', 'period=2025-06', 'city=440300.txt'), 'utf8');
    expect(text.startsWith('ipstats monthly IP report 440300 2025-06\n\n深圳市知识产权运营服务体系建设月度统计报告（2025年6月）已生成。')).toBe(true);
  });
});
