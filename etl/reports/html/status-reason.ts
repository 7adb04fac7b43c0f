/**
 * Why an indicator has its status, in one line, from the figures the status was judged on
 * (indicator-status.ts): "较基期年均增长 +4.6% ≥ 目标 0% → ✔ 已达标；本年同比 -10.6%". The numbers are
 * printed with enough decimals to compare the way the exact ones did (comparable-percent.ts), so a
 * reason never reads as contradicting its status. A cumulative target's line to date is the
 * self-evaluation row's target to date (the same straight line over 36 months).
 */
import { growthBeside } from '../format/comparable-percent.ts';
import { compareDecimals } from '../format/decimal-text.ts';
import { displayAmount, indicatorDisplayUnit } from '../format/display-unit.ts';
import { trimmedNumber } from '../format/grouped-number.ts';
import { formatGrowth, formatTrimmedPercent } from '../format/percent.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { INDICATORS, type IndicatorId } from '../indicators.ts';
import type { NullReason } from '../null-reasons.ts';
import type { Report } from '../report-schema.ts';
import type { SelfEvaluationRow } from '../self-evaluation-schema.ts';
import type { ReportLabels } from './report-labels.ts';

type Figures = Report['indicators'][IndicatorId];

export function statusReason(id: IndicatorId, figures: Figures, row: SelfEvaluationRow | undefined, language: ReportLanguage, labels: ReportLabels): string {
  const r = labels.statusReasons;
  const reasonText = (reason: NullReason | undefined) => labels.nullReasons[reason ?? 'no_data'];
  if (figures.status === 'no_data') return r.notJudged(reasonText(figures.null_reasons.status));
  // The status in words without its mark: the reason sits beside the mark itself.
  const status = labels.status[figures.status].replace(/^\S+\s/, '');
  if (figures.target.kind === 'cumulative') return cumulativeReason(id, figures, row, language, labels) + r.leadsTo + status;

  const target = figures.target.value;
  const growthName = INDICATORS[id].cadence === 'annual' ? r.annualGrowth : r.ytdGrowth;
  /** One rate against the target: "较基期年均增长 +1.2% < 目标 20%". */
  const against = (name: string, rate: number | null, reason: NullReason | undefined) => {
    if (rate === null) return r.cannotCompute(name, reasonText(reason));
    if (target === 0) return `${name} ${growthBeside(rate, 0)} ${compareDecimals(rate, 0) > 0 ? r.aboveZero : r.notAboveZero}`;
    return `${name} ${growthBeside(rate, target)} ${compareDecimals(rate, target) >= 0 ? '≥' : '<'} ${r.target} ${formatTrimmedPercent(target, 2)}`;
  };
  const cagr = against(r.cagr, figures.cagr_since_base, figures.null_reasons.cagr_since_base);
  if (figures.status === 'met') {
    // Met on the CAGR; this year's growth beside it, so a fall this year is not hidden by a green mark.
    const thisYear = figures.yoy_growth === null ? '' : `${r.separator}${growthName} ${formatGrowth(figures.yoy_growth)}`;
    return `${cagr}${r.leadsTo}${status}${thisYear}`;
  }
  return `${cagr}${r.separator}${against(growthName, figures.yoy_growth, figures.null_reasons.yoy_growth)}${r.leadsTo}${status}`;
}

/** "建设期累计 3 家 < 目标 5 家，≥ 序时进度 2.5（18/36 个月）". */
function cumulativeReason(id: IndicatorId, figures: Figures, row: SelfEvaluationRow | undefined, language: ReportLanguage, labels: ReportLabels): string {
  const r = labels.statusReasons;
  const unit = indicatorDisplayUnit(id, language);
  const cumulative = figures.cumulative!;
  const target = figures.target.value;
  const head = `${r.cumulative} ${displayAmount(cumulative, figures.unit, language)} ${unit}`;
  const targetText = `${r.target} ${trimmedNumber(target, 2)} ${unit}`;
  if (figures.status === 'met') return `${head} ≥ ${targetText}`;
  const line = row?.target_to_date ?? null;
  const share = row?.to_date_share ?? null;
  const lineText = line === null || share === null ? null : r.lineToDate(trimmedNumber(line, 2), share.months, share.of);
  if (figures.status === 'on_track') return `${head} < ${targetText}${lineText === null ? '' : `${language === 'zh' ? '，' : ', '}≥ ${lineText}`}`;
  return lineText === null ? `${head} < ${targetText}` : `${head} < ${lineText}`;
}
