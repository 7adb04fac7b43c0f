/**
 * What the `report` function accepts: one city and the month (one Map iteration of the monthly
 * run, which passes `period: null` when its input names none).
 */
import { z } from 'zod';

export const ReportEventSchema = z.strictObject({
  /** City-level GB/T 2260 code of a configured city. */
  cityCode: z.string().regex(/^\d{6}$/, 'expected a six-digit city code such as "440300"'),
  /** @default the latest month every flow source has reported */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')
    .nullable()
    .optional(),
});
export type ReportEvent = z.infer<typeof ReportEventSchema>;

export const REPORT_EVENT_FORM = '{ "cityCode": "440300", "period"?: "2025-06" | null }';
