/**
 * report.json of one city and month, from already-fetched inputs. Pure: no I/O, and the
 * result is validated against the report contract before it is returned.
 */
import { computeIndicatorFigures } from './indicator-figures.ts';
import { INDICATORS, INDICATOR_IDS } from './indicators.ts';
import { dataQualitySection } from './data-quality-section.ts';
import { giOutputSection } from './gi-output-section.ts';
import { monthlyTrend } from './monthly-trend.ts';
import { parsePeriod } from './period.ts';
import { PATENT_INTENSIVE_CATEGORIES, REPORT_SCHEMA_VERSION, validateReport, type PatentIntensiveSection, type Report } from './report-schema.ts';
import type { ReportInput } from './report-inputs.ts';
import { transferBreakdown } from './transfer-breakdown.ts';

export function assembleReport(input: ReportInput): Report {
  const period = parsePeriod(input.period);
  const indicators: Record<string, unknown> = {};
  for (const id of INDICATOR_IDS) {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS[id],
      series: input.series[id] ?? [],
      coverage: input.coverage,
      city: input.city,
      period,
    });
    indicators[id] =
      id === 'ip_transfer_licence_count' ? { ...figures, breakdown: transferBreakdown(input.transferFlows, input.coverage, period) } : figures;
  }
  return validateReport({
    schema_version: REPORT_SCHEMA_VERSION,
    city: { code: input.city.code, name: input.city.name },
    period,
    generated_at: input.generatedAt,
    classification_version: input.classificationVersion,
    indicators,
    patent_intensive: patentIntensiveNotYetComputed(),
    gi_output: giOutputSection(input.giOutput, input.coverage, input.city.code, period),
    data_quality: dataQualitySection(input.rowCounts, input.coverage),
    monthly_trend: monthlyTrend({ cityCode: input.city.code, programmeStartYear: input.city.programmeStartYear, period, series: input.series, coverage: input.coverage }),
  });
}

/** Patent-intensive value added comes from a later step; the section is present, all null. */
function patentIntensiveNotYetComputed(): PatentIntensiveSection {
  return {
    year: null,
    method: null,
    value_added_cny: null,
    share_of_gdp: null,
    growth: null,
    by_category: Object.fromEntries(PATENT_INTENSIVE_CATEGORIES.map((code) => [code, null])) as PatentIntensiveSection['by_category'],
  };
}
