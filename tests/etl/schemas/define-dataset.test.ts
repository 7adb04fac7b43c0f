import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineDataset } from '../../../etl/schemas/define-dataset.ts';
import { cityCode, date, text } from '../../../etl/schemas/fields.ts';

describe('defineDataset', () => {
  it('refuses two columns whose headers collide', () => {
    expect(() =>
      defineDataset({
        name: 'patents',
        titleZh: '测试',
        fields: { title: text({ zh: '名称', zhHant: '名稱', required: true }), name: text({ zh: '名称', zhHant: '名稱', required: false }) },
        key: ['title'],
        partitioning: { kind: 'none' },
      }),
    ).toThrow('patents: header "名称" would match both title and name');
  });

  it('refuses a key that is not a column and a month partition that is not a date', () => {
    const fields = { id: text({ zh: '编号', zhHant: '編號', required: true }), day: date({ zh: '日期', zhHant: '日期', required: true }) };
    expect(() => defineDataset({ name: 'patents', titleZh: '测试', fields, key: ['no_such'], partitioning: { kind: 'none' } })).toThrow(
      'patents: key column no_such is not a curated column',
    );
    expect(() => defineDataset({ name: 'patents', titleZh: '测试', fields, key: ['id'], partitioning: { kind: 'month', column: 'id' } })).toThrow(
      'patents: month partition column id must be a DATE column',
    );
  });

  it('refuses a city code field whose name does not end in city_code', () => {
    expect(() =>
      defineDataset({ name: 'patents', titleZh: '测试', fields: { place: cityCode({ zh: '地区', zhHant: '地區', required: true }) }, key: ['place'], partitioning: { kind: 'none' } }),
    ).toThrow('patents.place: a city code field\'s name must end in "city_code"');
  });

  it('refuses a schema that was not made by a field builder', () => {
    expect(() => defineDataset({ name: 'patents', titleZh: '测试', fields: { id: z.string() }, key: ['id'], partitioning: { kind: 'none' } })).toThrow(
      'patents.id: the schema has no field metadata; build it with etl/schemas/fields.ts',
    );
  });
});
