/**
 * A DEMONSTRATION patent-intensive classification (version `demo-2019`). It is NOT the official
 * 188-class table of 《知识产权（专利）密集型产业统计分类（2019）》: it maps some real GB/T 4754-2017
 * classes to the seven official categories so that the sample exercises every category and the
 * partial-class rule. Operators load the official table themselves (see docs/sample-data.md).
 */

export const DEMO_CLASSIFICATION_VERSION = 'demo-2019';

export interface DemoClassificationEntry {
  readonly industryCode: string;
  readonly categoryCode: '01' | '02' | '03' | '04' | '05' | '06' | '07';
  /** Only part of the class counts (marked "*" in the standard). */
  readonly partial: boolean;
}

function entries(categoryCode: DemoClassificationEntry['categoryCode'], codes: readonly string[]): DemoClassificationEntry[] {
  // A trailing * marks a partial class, as the standard prints it.
  return codes.map((code) => ({ industryCode: code.replace('*', ''), categoryCode, partial: code.endsWith('*') }));
}

export const DEMO_CLASSIFICATION: readonly DemoClassificationEntry[] = [
  ...entries('01', ['3911', '3914', '3921', '3922', '3961*', '3973', '3974', '3976', '3982', '3983']),
  ...entries('02', ['6511', '6513', '6520', '6531', '6532*']),
  ...entries('03', ['3491', '3493', '3562', '3421', '3612', '3670*', '3825', '4011', '4014']),
  ...entries('04', ['2651', '3985', '3841*', '3091', '2662*']),
  ...entries('05', ['2710', '2720', '2761', '2762', '3581', '3584']),
  ...entries('06', ['3591', '4021', '7516*']),
  ...entries('07', ['7320', '7340', '7491', '7517']),
];

/** Classes the demonstration table marks partial: the sample gives them groups with and without patents. */
export const DEMO_PARTIAL_CLASSES: ReadonlySet<string> = new Set(DEMO_CLASSIFICATION.filter((entry) => entry.partial).map((entry) => entry.industryCode));
