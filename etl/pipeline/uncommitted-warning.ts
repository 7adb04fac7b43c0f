/**
 * The one line `run`, `ingest` and `report` print when interrupted ingestions left uncommitted
 * objects in the lake (etl/ingest/uncommitted-objects.ts): how many, and what to do.
 */
import type { Logger } from '../cli/logger.ts';
import { findUncommittedObjects } from '../ingest/uncommitted-objects.ts';
import type { ObjectStore } from '../lake/object-store.ts';

/** `lakeArgument`: the lake as the operator gave it, for the commands to copy. Returns the number found. */
export async function warnAboutUncommittedObjects(store: ObjectStore, lakeArgument: string, logger: Logger): Promise<number> {
  const found = await findUncommittedObjects(store);
  if (found.length > 0) {
    logger.warn('uncommitted objects of an interrupted ingestion are in the lake; they are not counted', {
      objects: found.length,
      lake: store.location,
      what_to_do: `list them with ipstats doctor --lake ${lakeArgument}, delete them with ipstats doctor --repair --lake ${lakeArgument}`,
    });
  }
  return found.length;
}
