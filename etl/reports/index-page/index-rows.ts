/**
 * The long table of a month's index (index.xlsx, index.json): one row per city, indicator and
 * measure, the values exactly as the city's report.json gives them (docs/reports.md "index.xlsx
 * and index.json"). Measures: the report's figures that exist for the indicator's kind
 * (month, ytd, ytd_prev, yoy_growth, cagr_since_base, cumulative; a not_applicable figure has no
 * row), `annual` for the annual-cadence indicator (the year its rank compares), then `rank` and
 * `rank_of`. A null value keeps its row and says why.
 */
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../indicators.ts';
import type { NullReason } from '../null-reasons.ts';
import { headlinesOf, rankValueField } from '../peers/peer-headlines.ts';
import type { PeriodPeers } from '../peers/period-peers.ts';

export const INDEX_MEASURES = ['month', 'ytd', 'ytd_prev', 'yoy_growth', 'cagr_since_base', 'cumulative', 'annual', 'rank', 'rank_of'] as const;
export type IndexMeasure = (typeof INDEX_MEASURES)[number];
/** `cny` yuan, `count` a count, `ratio` a fraction (0.2 = 20 %), `rank` a place, `cities` a number of cities. */
export const INDEX_UNITS = ['cny', 'count', 'ratio', 'rank', 'cities'] as const;
export type IndexUnit = (typeof INDEX_UNITS)[number];

export interface IndexRow {
  readonly city_code: string;
  readonly city_name: string;
  readonly indicator: IndicatorId;
  readonly indicator_name_zh: string;
  /** The report month, 'YYYY-MM'. */
  readonly period: string;
  readonly measure: IndexMeasure;
  readonly value: number | null;
  readonly unit: IndexUnit;
  /** Why `value` is null; null when it is not. */
  readonly null_reason: NullReason | null;
}

const FIGURE_MEASURES = ['month', 'ytd', 'ytd_prev', 'yoy_growth', 'cagr_since_base', 'cumulative'] as const;
const RATIO_MEASURES: ReadonlySet<string> = new Set(['yoy_growth', 'cagr_since_base']);

export function indexRows(peers: PeriodPeers): IndexRow[] {
  const rows: IndexRow[] = [];
  for (const city of peers.cities) {
    const report = city.report;
    if (report === null) continue;
    const ranks = peers.ranks.get(city.code);
    if (ranks === undefined) throw new Error(`city ${city.code} has a report for ${peers.period} but no ranks`);
    const headlines = headlinesOf(report);
    for (const id of INDICATOR_IDS) {
      const figures = report.indicators[id];
      const row = (measure: IndexMeasure, value: number | null, unit: IndexUnit, reason: NullReason | undefined): IndexRow => ({
        city_code: city.code,
        city_name: report.city.name,
        indicator: id,
        indicator_name_zh: INDICATORS[id].nameZh,
        period: peers.period,
        measure,
        value,
        unit,
        null_reason: value === null ? (reason ?? missingReason(city.code, id, measure)) : null,
      });
      for (const measure of FIGURE_MEASURES) {
        const reason = figures.null_reasons[measure];
        if (figures[measure] === null && reason === 'not_applicable') continue;
        rows.push(row(measure, figures[measure], RATIO_MEASURES.has(measure) ? 'ratio' : INDICATORS[id].unit, reason));
      }
      if (INDICATORS[id].cadence === 'annual') {
        const headline = headlines.figures[id];
        rows.push(row('annual', headline.value, INDICATORS[id].unit, headline.null_reason));
      }
      const rank = ranks.by_indicator[id];
      rows.push(row('rank', rank.rank, 'rank', rank.null_reason));
      rows.push(row('rank_of', rank.of, 'cities', undefined));
    }
  }
  return rows;
}

/** The field each indicator's rank (and its `annual` row) compares, for the month. */
export function indexValueFields(period: string): Record<IndicatorId, string> {
  return Object.fromEntries(INDICATOR_IDS.map((id) => [id, rankValueField(id, period)])) as Record<IndicatorId, string>;
}

function missingReason(cityCode: string, id: IndicatorId, measure: IndexMeasure): never {
  throw new Error(`city ${cityCode} ${id}.${measure} is null without a null reason`);
}
