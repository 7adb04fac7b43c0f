import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, cityByCode, loadCityConfig, parseCityConfig } from '../../../etl/config/city-config.ts';
import { tempDir } from '../../support/temp-dir.ts';

const oneCity = (city: Record<string, unknown>) => JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, ...city }] });

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseCityConfig: defaults', () => {
  const config = parseCityConfig(oneCity({ targets: { pledge_amount_cny: { kind: 'growth', value: 0.35 } } }), 'cities.json');
  const city = config.cities[0]!;

  it('base_year defaults to the year before the programme start; contacts to none', () => {
    expect(city.code).toBe('440300');
    expect(city.name).toBe('深圳市');
    expect(city.programmeStartYear).toBe(2024);
    expect(city.baseYear).toBe(2023);
    expect(city.contacts).toEqual([]);
  });

  it('keeps a configured target and fills every other one with the notice default', () => {
    expect(city.targets).toEqual({
      ip_transfer_licence_count: { kind: 'growth', value: 0.2 },
      pledge_amount_cny: { kind: 'growth', value: 0.35 },
      pledge_project_count: { kind: 'growth', value: 0.3 },
      patent_contract_turnover_cny: { kind: 'growth', value: 0.4 },
      sme_university_patent_count: { kind: 'cumulative', value: 100 },
      securitization_product_count: { kind: 'cumulative', value: 1 },
      patent_navigation_project_count: { kind: 'cumulative', value: 5 },
      ip_certified_entity_count: { kind: 'cumulative', value: 200 },
      ip_custody_sme_count: { kind: 'cumulative', value: 1000 },
      operation_centre_count: { kind: 'cumulative', value: 3 },
      patent_intensive_value_added_cny: { kind: 'growth', value: 0 },
      gi_output_value_cny: { kind: 'growth', value: 0 },
    });
  });

  it('no configured coverage: data_since null, no overrides', () => {
    expect(city.dataSince).toBeNull();
    expect(city.coverageOverrides).toEqual({});
  });

  it('an explicit base_year wins', () => {
    expect(parseCityConfig(oneCity({ base_year: 2021 }), 'c.json').cities[0]!.baseYear).toBe(2021);
  });
});

describe('parseCityConfig: errors name the file, the JSON path and the bad value', () => {
  it('an unknown key, with the allowed keys', () => {
    expect(() => parseCityConfig(oneCity({ tagets: {} }), 'cities.json')).toThrow(
      'cities.json: $.cities[0].tagets: unknown key "tagets"; allowed keys: code, name, programme_start_year, base_year, contacts, targets, patent_intensive_partial_shares, high_value_pledge_threshold_cny, data_since, coverage, self_evaluation_weights (got {})',
    );
  });

  it('an unknown key inside a target', () => {
    expect(() => parseCityConfig(oneCity({ targets: { pledge_amount_cny: { kind: 'growth', value: 0.3, note: 'x' } } }), 'c.json')).toThrow(
      'c.json: $.cities[0].targets.pledge_amount_cny.note: unknown key "note"; allowed keys: kind, value (got "x")',
    );
  });

  it('an unknown indicator id, listing the valid ids', () => {
    expect(() => parseCityConfig(oneCity({ targets: { pledge_amount: { kind: 'growth', value: 0.3 } } }), 'c.json')).toThrow(
      /^c\.json: \$\.cities\[0\]\.targets\.pledge_amount: unknown indicator id "pledge_amount"; valid ids: ip_transfer_licence_count, pledge_amount_cny, .*, gi_output_value_cny \(got \{"kind":"growth","value":0\.3\}\)$/,
    );
  });

  it('a target kind that does not fit the indicator', () => {
    expect(() => parseCityConfig(oneCity({ targets: { operation_centre_count: { kind: 'growth', value: 0.3 } } }), 'c.json')).toThrow(
      'c.json: $.cities[0].targets.operation_centre_count.kind: operation_centre_count is a cumulative indicator: its target kind must be "cumulative" (got "growth")',
    );
  });

  it.each([
    ['4403', 'city code must be six digits (GB/T 2260)'],
    ['440305', '440305 (南山区) is not a city-level code: it rolls up to 440300; configure that code'],
    ['110101', '110101 (东城区) is not a city-level code: it rolls up to 110000; configure that code'],
    ['440000', '440000 (广东省) is a province code, not a city-level code'],
    ['429000', '429000 (湖北省-自治区直辖县级行政区划) is a county group code, not a city-level code'],
    ['449900', '449900 is not a GB/T 2260 administrative division code'],
  ])('a bad code %s', (code, problem) => {
    expect(() => parseCityConfig(oneCity({ code }), 'c.json')).toThrow(`c.json: $.cities[0].code: ${problem}`);
    expect(() => parseCityConfig(oneCity({ code }), 'c.json')).toThrow(`(got "${code}")`);
  });

  it('accepts municipalities and province-administered counties', () => {
    expect(parseCityConfig(oneCity({ code: '500000' }), 'c.json').cities[0]!.code).toBe('500000');
    expect(parseCityConfig(oneCity({ code: '429004' }), 'c.json').cities[0]!.code).toBe('429004');
  });

  it('a duplicate code', () => {
    const text = JSON.stringify({
      cities: [
        { code: '440300', name: '深圳市', programme_start_year: 2024 },
        { code: '440300', name: '深圳', programme_start_year: 2024 },
      ],
    });
    expect(() => parseCityConfig(text, 'c.json')).toThrow('c.json: $.cities[1].code: duplicate city code, already used by cities[0] (got "440300")');
  });

  it('a missing required key, a bad year and a base year not before the start, all reported at once', () => {
    const error = configErrorOf(() =>
      parseCityConfig(JSON.stringify({ cities: [{ code: '440300', programme_start_year: 2024.5, base_year: 1999 }] }), 'c.json'),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['$.cities[0].name', '$.cities[0].programme_start_year', '$.cities[0].base_year']);
    expect(error.message.split('\n')[0]).toBe('c.json: $.cities[0].name: is required');
    expect(() => parseCityConfig(oneCity({ base_year: 2024 }), 'c.json')).toThrow(
      'c.json: $.cities[0].base_year: base_year must be before programme_start_year 2024 (got 2024)',
    );
  });

  it('a contact that is not an e-mail address', () => {
    expect(() => parseCityConfig(oneCity({ contacts: ['ip office'] }), 'c.json')).toThrow(
      'c.json: $.cities[0].contacts[0]: not an e-mail address (got "ip office")',
    );
  });

  it('a negative target', () => {
    expect(() => parseCityConfig(oneCity({ targets: { pledge_amount_cny: { kind: 'growth', value: -0.1 } } }), 'c.json')).toThrow(
      'c.json: $.cities[0].targets.pledge_amount_cny.value: target value must be ≥ 0 (got -0.1)',
    );
  });

  it('no cities, an empty file, broken JSON, an unsupported extension', () => {
    expect(() => parseCityConfig('{"cities": []}', 'c.json')).toThrow('c.json: $.cities: at least one city is required (got [])');
    expect(() => parseCityConfig('  \n', 'c.json')).toThrow('c.json: $: the file is empty');
    expect(() => parseCityConfig('{"cities": [', 'c.json')).toThrow(/^c\.json: \$: not valid JSON: /);
    expect(() => parseCityConfig('{}', 'cities.toml')).toThrow(
      'cities.toml: $: unsupported file extension ".toml": expected .json, .yaml, .yml or none',
    );
  });
});

describe('parseCityConfig: data_since and coverage', () => {
  const MONTHLY = 'patents, patent_events, trademarks, trademark_events, pledges, gi_output, tech_contracts, programme_records';

  it('reads data_since and per-dataset ranges, open or closed', () => {
    const city = parseCityConfig(oneCity({ data_since: '2019-01', coverage: { pledges: '2020-07..', gi_output: '2021-01..2024-12' } }), 'c.json').cities[0]!;
    expect(city.dataSince).toBe('2019-01');
    expect(city.coverageOverrides).toEqual({ pledges: { first: '2020-07', last: null }, gi_output: { first: '2021-01', last: '2024-12' } });
  });

  it('a data_since that is not a month', () => {
    expect(() => parseCityConfig(oneCity({ data_since: '2019-1' }), 'c.json')).toThrow('c.json: $.cities[0].data_since: not a month YYYY-MM such as 2019-01 (got "2019-1")');
    expect(() => parseCityConfig(oneCity({ data_since: 201901 }), 'c.json')).toThrow('c.json: $.cities[0].data_since: not a month YYYY-MM such as 2019-01 (got 201901)');
  });

  it('an unknown dataset, a dataset whose coverage cannot be configured, bad ranges: all reported, one line each', () => {
    const error = configErrorOf(() =>
      parseCityConfig(oneCity({ coverage: { pledge: '2019-01..', enterprise_accounts: '2019-01..', patents: '2019-1..', trademarks: '2025-03..2019-01' } }), 'c.json'),
    );
    expect(error.message.split('\n')).toEqual([
      `c.json: $.cities[0].coverage.pledge: unknown dataset "pledge"; datasets whose coverage can be declared: ${MONTHLY} (got "2019-01..")`,
      'c.json: $.cities[0].coverage.enterprise_accounts: enterprise_accounts is an annual dataset: its coverage is the years it has accounts for, it cannot be declared (got "2019-01..")',
      'c.json: $.cities[0].coverage.patents: is not a month range FROM..TO or FROM.. such as 2019-01..2025-03 or 2019-01.. (got "2019-1..")',
      'c.json: $.cities[0].coverage.trademarks: FROM is after TO (got "2025-03..2019-01")',
    ]);
  });

  it('a range that is not text is reported first, alone (the dataset checks need text)', () => {
    expect(() => parseCityConfig(oneCity({ coverage: { pledge: '2019-01..', tech_contracts: 7 } }), 'c.json')).toThrow(
      new ConfigError('c.json', [{ path: '$.cities[0].coverage.tech_contracts', problem: 'expected a month range FROM..TO or FROM.. such as 2019-01..2025-03 or 2019-01..', value: 7 }]),
    );
  });

  it('YAML months stay text', () => {
    const yaml = 'cities:\n  - code: 440300\n    name: 深圳市\n    programme_start_year: 2024\n    data_since: 2019-01\n    coverage:\n      pledges: 2020-01..2025-06\n';
    const city = parseCityConfig(yaml, 'c.yaml').cities[0]!;
    expect(city.dataSince).toBe('2019-01');
    expect(city.coverageOverrides).toEqual({ pledges: { first: '2020-01', last: '2025-06' } });
  });
});

describe('YAML', () => {
  const yaml = [
    'cities:',
    '  - code: 440300 # a bare number in YAML',
    '    name: 深圳市',
    '    programme_start_year: 2024',
    '    targets:',
    '      ip_custody_sme_count: { kind: cumulative, value: 1200 }',
    '',
  ].join('\n');

  it('parses a .yaml file; a numeric code is read as its digits', () => {
    const city = parseCityConfig(yaml, 'cities.yaml').cities[0]!;
    expect(city.code).toBe('440300');
    expect(city.baseYear).toBe(2023);
    expect(city.targets.ip_custody_sme_count).toEqual({ kind: 'cumulative', value: 1200 });
  });

  it('sniffs YAML and JSON when the name has no extension', () => {
    expect(parseCityConfig(yaml, 'cities').cities[0]!.name).toBe('深圳市');
    expect(parseCityConfig('\uFEFF' + oneCity({}), 'cities').cities[0]!.name).toBe('深圳市');
  });

  it('reports YAML syntax errors and unknown keys with the YAML file name', () => {
    expect(() => parseCityConfig('cities:\n  - code: [440300\n', 'c.yml')).toThrow(/^c\.yml: \$: not valid YAML: /);
    expect(() => parseCityConfig(yaml.replace('name:', 'nmae:'), 'c.yml')).toThrow('c.yml: $.cities[0].nmae: unknown key "nmae"');
  });
});

describe('loadCityConfig and cityByCode', () => {
  it('loads the shipped example', async () => {
    const config = await loadCityConfig('samples/cities.example.json');
    expect(config.cities.map((city) => [city.code, city.baseYear])).toEqual([
      ['440300', 2023],
      ['420100', 2022],
      ['310000', 2023],
    ]);
    expect(cityByCode(config, '420100').name).toBe('武汉市');
    expect(() => cityByCode(config, '110000')).toThrow(
      'samples/cities.example.json: $.cities: no city with code "110000"; configured: 440300, 420100, 310000',
    );
  });

  it('an unreadable file is a ConfigError naming it and keeping the cause', async () => {
    const folder = await tempDir('config');
    const missing = join(folder, 'missing.json');
    const error = await loadCityConfig(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\$: cannot read the city configuration: ENOENT`));
    expect((error as ConfigError).cause).toBeInstanceOf(Error);
    const yamlFile = join(folder, 'cities.yml');
    await writeFile(yamlFile, 'cities:\n  - { code: "110000", name: 北京市, programme_start_year: 2025 }\n');
    expect((await loadCityConfig(yamlFile)).cities[0]!.baseYear).toBe(2024);
  });
});
