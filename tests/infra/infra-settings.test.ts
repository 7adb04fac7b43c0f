import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInfraSettings } from '../../infra/config/infra-settings.ts';
import { IPSTATS_FEATURE_FLAGS } from '../../infra/feature-flags.ts';
import { intrinsicStringLiteral, withDefaults } from '../../infra/stepfunctions/intrinsic-literal.ts';
import { PROJECT_ROOT } from './support/synth-ipstats.ts';

const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { app: string; context: Record<string, unknown> };

describe('deployable settings (cdk.json context)', () => {
  it('has documented defaults for every setting', () => {
    expect(parseInfraSettings({})).toEqual({
      stackPrefix: 'Ipstats',
      retainOnDelete: true,
      cityConfigKey: 'config/cities.json',
      monthlyRunDayOfMonth: 5,
      monthlyRunHour: 6,
      dailyIngestionHour: 2,
      athenaBytesScannedCutoffPerQuery: 10 * 1024 ** 3,
      rejectRateThreshold: 0.05,
      largeSourceBytes: 512 * 1024 ** 2,
      rangeBytes: 128 * 1024 ** 2,
      athenaResultsExpireDays: 30,
      noncurrentVersionsExpireDays: 90,
      accessLogsExpireDays: 365,
      cities: [],
      cityTrustedAccounts: {},
      linkSignerKeySerials: [1],
    });
  });

  it('takes the range size of large sources from context, between 1 MiB and 1 GiB', () => {
    expect(parseInfraSettings({ 'ipstats:rangeBytes': '67108864' }).rangeBytes).toBe(64 * 1024 ** 2);
    expect(() => parseInfraSettings({ 'ipstats:rangeBytes': 1024 })).toThrow(/ipstats:rangeBytes = 1024: Too small/);
    expect(() => parseInfraSettings({ 'ipstats:rangeBytes': 2 * 1024 ** 3 })).toThrow(/ipstats:rangeBytes = 2147483648: Too big/);
  });

  it('takes the link signer key serials from context, as a JSON array on the command line too', () => {
    expect(parseInfraSettings({ 'ipstats:linkSignerKeySerials': '[1,2]' }).linkSignerKeySerials).toEqual([1, 2]);
    expect(() => parseInfraSettings({ 'ipstats:linkSignerKeySerials': [0] })).toThrow(/ipstats:linkSignerKeySerials/);
  });

  it('reads the committed cdk.json: the sample cities and the defaults', () => {
    const settings = parseInfraSettings(cdkJson.context);
    expect(settings.cities).toEqual(['310000', '440300', '330100', '420100', '510100', '320500']);
    expect(settings.monthlyRunDayOfMonth).toBe(5);
    expect(settings.rejectRateThreshold).toBe(0.05);
    expect(cdkJson.app).toBe('npx tsx infra/app.ts');
  });

  it('keeps the feature flags the tests synthesise with in cdk.json', () => {
    for (const [flag, value] of Object.entries(IPSTATS_FEATURE_FLAGS)) expect({ flag, value: cdkJson.context[flag] }).toEqual({ flag, value });
  });

  it('decodes -c key=value strings: numbers, booleans and JSON', () => {
    const settings = parseInfraSettings({
      'ipstats:monthlyRunDayOfMonth': '12',
      'ipstats:lakeRetainOnDelete': 'false',
      'ipstats:cities': '["440300"]',
      'ipstats:rejectRateThreshold': '0.1',
    });
    expect([settings.monthlyRunDayOfMonth, settings.retainOnDelete, settings.cities, settings.rejectRateThreshold]).toEqual([12, false, ['440300'], 0.1]);
  });

  it('names the key, the bad value and the rule', () => {
    expect(() => parseInfraSettings({ 'ipstats:monthlyRunDayOfMonth': 30 })).toThrow(/^invalid cdk\.json context: ipstats:monthlyRunDayOfMonth = 30: Too big: expected number to be <=28$/);
    expect(() => parseInfraSettings({ 'ipstats:athenaBytesScannedCutoffPerQuery': 1000 })).toThrow(/ipstats:athenaBytesScannedCutoffPerQuery = 1000: Too small/);
    expect(() => parseInfraSettings({ 'ipstats:rejectRateThreshold': 1.5 })).toThrow(/ipstats:rejectRateThreshold = 1.5: Too big/);
  });

  it('accepts only city-level GB/T 2260 codes, once each', () => {
    expect(() => parseInfraSettings({ 'ipstats:cities': ['310000', '440305'] })).toThrow(/ipstats:cities\[1\] = \["310000","440305"\]: 440305 \(.+\) is not a city-level code: it rolls up to 440300/);
    expect(() => parseInfraSettings({ 'ipstats:cities': ['310000', '310000'] })).toThrow(/ipstats:cities = \["310000","310000"\]: city codes must be unique/);
  });

  it('refuses a trusted account for a city that is not configured', () => {
    expect(() => parseInfraSettings({ 'ipstats:cities': ['310000'], 'ipstats:cityTrustedAccounts': { '440300': '123456789012' } })).toThrow(
      'invalid cdk.json context: ipstats:cityTrustedAccounts names 440300, which ipstats:cities does not list',
    );
  });
});

describe('intrinsic function literals', () => {
  it("escapes ' { } and \\ so JSON can go inside States.StringToJson", () => {
    expect(intrinsicStringLiteral(`{"a":"it's \\ ok"}`)).toBe(`'\\{"a":"it\\'s \\\\ ok"\\}'`);
    expect(withDefaults({ rejectRateThreshold: 0.05 })).toBe(`States.JsonMerge(States.StringToJson('\\{"rejectRateThreshold":0.05\\}'), $, false)`);
  });
});
