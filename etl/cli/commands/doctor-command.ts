/**
 * `ipstats doctor [--repair]`: lists what interrupted ingestions left in the lake — objects under
 * raw/, curated/ and rejects/ that no manifest lists (etl/ingest/uncommitted-objects.ts), older
 * than the command's start — and with --repair deletes them. They count nowhere either way
 * (docs/lake.md "The commit rule"); this only tidies the lake. On a local lake it holds the
 * write lock, so it never sees an ingestion half-way.
 */
import type { Command } from 'commander';
import { findUncommittedObjects, type UncommittedObject } from '../../ingest/uncommitted-objects.ts';
import { withLakeWriteLock } from '../../lake/lake-write-lock.ts';
import { openObjectStore } from '../../lake/open-object-store.ts';
import { writeLockOptions } from '../../pipeline/write-lock-logging.ts';
import { DEFAULT_LAKE } from '../defaults.ts';
import { lockTimeoutOption, loggerFor } from '../options.ts';
import { formatTable } from '../text-table.ts';

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('list objects that interrupted ingestions left in the lake (never counted); --repair deletes them')
    .option('--repair', 'delete the objects listed')
    .option('--lake <dir>', 'lake folder or s3://bucket/prefix', DEFAULT_LAKE)
    .addOption(lockTimeoutOption())
    .action(async (options: { repair?: boolean; lake: string; lockTimeout?: number }) => {
      const started = new Date();
      const logger = loggerFor(program.opts());
      const store = openObjectStore(options.lake);
      const found = await withLakeWriteLock(
        store,
        async () => {
          const leftovers = await findUncommittedObjects(store, { before: started });
          if (options.repair) {
            for (const object of leftovers) await store.delete(object.key);
          }
          return leftovers;
        },
        writeLockOptions(logger, options.lockTimeout),
      );
      process.stdout.write(doctorReport(found, { repaired: options.repair === true, location: store.location, lakeArgument: options.lake }));
    });
}

function doctorReport(found: readonly UncommittedObject[], { repaired, location, lakeArgument }: { repaired: boolean; location: string; lakeArgument: string }): string {
  if (found.length === 0) return `no uncommitted objects in ${location}: everything under raw/, curated/ and rejects/ belongs to a committed ingestion\n`;
  const bytes = found.reduce((sum, object) => sum + object.size, 0);
  const rows = found.map((object) => [object.key, object.size.toLocaleString('en-US'), object.lastModified?.toISOString() ?? '', object.reason]);
  const table = formatTable(['object', 'bytes', 'written', 'why uncommitted'], rows, [false, true, false, false]);
  const summary = repaired
    ? `removed ${found.length} uncommitted object(s), ${bytes.toLocaleString('en-US')} bytes, from ${location}`
    : `${found.length} uncommitted object(s), ${bytes.toLocaleString('en-US')} bytes, in ${location}: left by interrupted ingestions and not counted; ` +
      `delete them with ipstats doctor --repair --lake ${lakeArgument}, then ingest those source files again`;
  return `${table}\n${summary}\n`;
}
