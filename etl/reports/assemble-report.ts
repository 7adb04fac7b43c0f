/**
 * report.json of one city and month, from already-fetched inputs. Pure: no I/O, and the
 * result is validated against the report contract before it is returned.
 */
import { isDemonstrationVersion } from '../classification/demonstration.ts';
import { computeIndicatorFigures } from './indicator-figures.ts';
import { INDICATORS, INDICATOR_IDS } from './indicators.ts';
import { dataQualitySection } from './data-quality-section.ts';
import { giOutputSection } from './gi-output-section.ts';
import { highValuePatentsSection } from './high-value-patents-section.ts';
import { DEFAULT_HIGH_VALUE_PLEDGE_THRESHOLD_CNY } from '../config/pledge-threshold-schema.ts';
import { monthlyTrend } from './monthly-trend.ts';
import { lastDayOfMonth, parsePeriod } from './period.ts';
import { NO_PATENT_INTENSIVE_INPUT } from './patent-intensive-inputs.ts';
import { patentIntensiveFigures } from './patent-intensive-section.ts';
import { REPORT_SCHEMA_VERSION, validateUnrankedReport, type Report, type UnrankedReport } from './report-schema.ts';
import type { ReportInput } from './report-inputs.ts';
import { revisionsSection } from './revisions.ts';
import { selfEvaluationSection } from './self-evaluation-section.ts';
import { transferBreakdown } from './transfer-breakdown.ts';

/** Everything but `peer_ranks`, which needs the other cities' reports (peers/rank-peers.ts). */
export function assembleReport(input: ReportInput): UnrankedReport {
  const period = parsePeriod(input.period);
  const patentIntensiveInput = input.patentIntensive ?? NO_PATENT_INTENSIVE_INPUT;
  // Annual, from accounts: computed beside its section rather than from monthly values.
  const patentIntensive = patentIntensiveFigures(
    patentIntensiveInput,
    {
      code: input.city.code,
      baseYear: input.city.baseYear,
      target: input.city.targets.patent_intensive_value_added_cny,
      partialShares: input.city.patentIntensivePartialShares,
    },
    period,
  );
  const classificationVersion = patentIntensiveInput.classificationVersion ?? input.classificationVersion;
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
      id === 'ip_transfer_licence_count'
        ? { ...figures, breakdown: transferBreakdown(input.transferFlows, input.coverage, period) }
        : id === 'patent_intensive_value_added_cny'
          ? patentIntensive.indicator
          : figures;
  }
  const trend = monthlyTrend({ cityCode: input.city.code, programmeStartYear: input.city.programmeStartYear, period, series: input.series, coverage: input.coverage });
  return validateUnrankedReport({
    schema_version: REPORT_SCHEMA_VERSION,
    city: { code: input.city.code, name: input.city.name },
    period,
    generated_at: input.generatedAt,
    classification_version: classificationVersion,
    classification_is_demonstration: classificationVersion === null ? null : isDemonstrationVersion(classificationVersion),
    indicators,
    patent_intensive: patentIntensive.section,
    gi_output: giOutputSection(input.giOutput, input.coverage, input.city.code, period),
    // A register with no patents ingested at all has nothing to count: no_data, not 0.
    high_value_patents: highValuePatentsSection(
      (input.coverage.patents?.runs.length ?? 0) === 0 ? undefined : input.highValuePatents,
      lastDayOfMonth(period),
      input.city.highValuePledgeThresholdCny ?? DEFAULT_HIGH_VALUE_PLEDGE_THRESHOLD_CNY,
      `city ${input.city.code} high_value_patents`,
    ),
    data_quality: dataQualitySection({ cityCode: input.city.code, period, coverage: input.coverage, ...input.quality }),
    monthly_trend: trend,
    revisions: revisionsSection({ current: { indicators: indicators as Report['indicators'], monthly_trend: trend }, previous: input.previousReport, sources: input.revisionSources }),
    self_evaluation: selfEvaluationSection({
      period,
      indicators: indicators as Report['indicators'],
      patentIntensiveYear: patentIntensive.section.year,
      city: { ...input.city, weights: input.city.selfEvaluationWeights ?? null },
    }),
  });
}
