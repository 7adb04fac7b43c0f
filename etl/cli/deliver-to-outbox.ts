/** `--deliver` of `ipstats report` and `ipstats run`: notifications written to <out>/outbox/, paths printed. */
import type { ObjectStore } from '../lake/object-store.ts';
import type { WrittenReport } from '../pipeline/build-reports.ts';
import { reportLocation } from '../pipeline/report-location.ts';
import { deliverReports } from '../reports/delivery/deliver-reports.ts';
import { linkTargetFor } from '../reports/delivery/link-target.ts';

export async function deliverToOutbox(out: ObjectStore, outLocation: string, reports: readonly WrittenReport[]): Promise<void> {
  const { outboxKeys } = await deliverReports({
    store: out,
    target: linkTargetFor(outLocation),
    reports: reports.map(({ report, files, key, city }) => ({ report, files: files ?? [{ format: 'json', key }], recipients: city.contacts })),
  });
  process.stdout.write(`outbox:\n${outboxKeys.map((key) => `  ${reportLocation(out.location, key)}`).join('\n')}\n`);
}
