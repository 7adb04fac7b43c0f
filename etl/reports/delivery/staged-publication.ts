/**
 * Publishes a set of files (every city's report files and the index) all or nothing
 * (docs/reports.md "Staged publication"):
 *
 * 1. the whole set is written under `reports/.ipstats-staging/<id>/new/` in the output store — this is
 *    where a full disk or a failed write stops a run, and the published files are not touched;
 * 2. `beforeReplace` runs (published-reports.ts keeps replaced reports under versions/ there);
 * 3. the set replaces the published files: in a local folder by renames (no new space needed;
 *    each file replaced is first renamed to the staging's `old/`), in S3 by PUTs (the
 *    files replaced are read first). A failure here puts the replaced files back, so the
 *    previous set stays whole. SIGINT/SIGTERM meanwhile waits until the replacing is done;
 * 4. the staging objects are deleted.
 *
 * A staging left by a run that was killed is deleted by the next publication to the same store
 * once it is older than LEFTOVER_STAGING_MS; a local one is also removed on SIGINT/SIGTERM
 * (work-folders.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { asDiskFullError, NOTHING_PUBLISHED } from '../../lake/disk-full.ts';
import { ObjectNotFoundError, type ObjectStore } from '../../lake/object-store.ts';
import { trackWorkFolder, untrackWorkFolder, withoutInterruption } from '../../work-folders/work-folders.ts';

/**
 * Inside reports/ (the prefix the report function may write in AWS), beside the `city=` folders:
 * no city's access (`reports/city=<code>/`) and no listing of reports (`reports/city=`) reaches it.
 */
export const STAGING_PREFIX = 'reports/.ipstats-staging/';
/** An hour: no publication takes that long, so an older staging belongs to no running publication. */
export const LEFTOVER_STAGING_MS = 60 * 60 * 1000;

export interface PublishedFile {
  readonly key: string;
  readonly body: Uint8Array | string;
  readonly contentType: string;
}

export interface StagedPublicationOptions {
  /** Runs once the whole set is staged, before any published file is replaced. */
  readonly beforeReplace?: () => Promise<void>;
  /** Called for each leftover staging removed (its prefix). */
  readonly onLeftoverRemoved?: (prefix: string) => void;
  readonly now?: () => Date;
}

/** Publishing failed half-way and the files replaced so far could not all be put back. */
export class PartialPublicationError extends Error {
  constructor(
    readonly location: string,
    readonly notRestored: readonly string[],
    options?: ErrorOptions,
  ) {
    super(
      `publishing the reports to ${location} failed while replacing the published files, and ${notRestored.length} of them could not be put back: ` +
        `${notRestored.join(', ')}; run again to publish the whole set`,
      options,
    );
    this.name = 'PartialPublicationError';
  }
}

export async function publishStaged(out: ObjectStore, files: readonly PublishedFile[], options: StagedPublicationOptions = {}): Promise<void> {
  const now = (options.now ?? (() => new Date()))();
  await removeLeftoverStagings(out, now, options.onLeftoverRemoved);
  const id = `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = new Staging(out, `${STAGING_PREFIX}${id}/`);
  try {
    for (const file of files) await out.put(staging.newKey(file.key), file.body, { contentType: file.contentType });
    await options.beforeReplace?.();
    // Ctrl-C while the published files are being replaced waits until the set is whole again.
    await withoutInterruption(() => (out.localPath === undefined ? replaceByPuts(out, files) : replaceByRenames(out, files, staging)));
  } catch (error) {
    // The failure is what the operator must see; a staging that cannot be removed now is a leftover for the next run.
    await staging.remove().catch(() => undefined);
    if (error instanceof PartialPublicationError) throw error;
    throw asDiskFullError(error, out.location, NOTHING_PUBLISHED);
  }
  await staging.remove();
}

class Staging {
  private readonly localFolder: string | undefined;

  constructor(
    private readonly out: ObjectStore,
    readonly prefix: string,
  ) {
    this.localFolder = out.localPath?.(prefix.slice(0, -1));
    if (this.localFolder !== undefined) trackWorkFolder(this.localFolder);
  }

  newKey(key: string): string {
    return `${this.prefix}new/${key}`;
  }

  oldKey(key: string): string {
    return `${this.prefix}old/${key}`;
  }

  async remove(): Promise<void> {
    if (this.localFolder !== undefined) {
      await rm(this.localFolder, { recursive: true, force: true });
      untrackWorkFolder(this.localFolder);
      // The staging root is removed when no other staging is in it.
      await rmdir(path.dirname(this.localFolder)).catch(() => undefined);
      return;
    }
    for (const object of await this.out.list(this.prefix)) await this.out.delete(object.key);
  }
}

/** Local folder: renames only, which need no new space; each replaced file waits in old/ until the set is in place. */
async function replaceByRenames(out: ObjectStore, files: readonly PublishedFile[], staging: Staging): Promise<void> {
  const local = (key: string) => out.localPath!(key);
  const moves = files.map((file) => ({ final: local(file.key), staged: local(staging.newKey(file.key)), old: local(staging.oldKey(file.key)) }));
  // Folders first, so that a failure to make one (a full disk) comes before any file is replaced.
  for (const folder of new Set(moves.flatMap((move) => [path.dirname(move.final), path.dirname(move.old)]))) await mkdir(folder, { recursive: true });
  const done: { final: string; old: string; keptOld: boolean; placed: boolean }[] = [];
  try {
    for (const move of moves) {
      const step = { final: move.final, old: move.old, keptOld: false, placed: false };
      done.push(step);
      if (await isFile(move.final)) {
        await rename(move.final, move.old);
        step.keptOld = true;
      }
      await rename(move.staged, move.final);
      step.placed = true;
    }
  } catch (error) {
    const notRestored: string[] = [];
    for (const step of done.reverse()) {
      try {
        if (step.keptOld) await rename(step.old, step.final);
        else if (step.placed) await unlink(step.final);
      } catch {
        notRestored.push(step.final);
      }
    }
    if (notRestored.length > 0) throw new PartialPublicationError(out.location, notRestored, { cause: error });
    throw error;
  }
}

/** Any other store (S3): the replaced objects are read first and put back if a PUT fails half-way. */
async function replaceByPuts(out: ObjectStore, files: readonly PublishedFile[]): Promise<void> {
  const previous = new Map<string, Uint8Array | null>();
  for (const file of files) {
    previous.set(
      file.key,
      await out.get(file.key).catch((error: unknown) => {
        if (error instanceof ObjectNotFoundError) return null;
        throw error;
      }),
    );
  }
  const done: PublishedFile[] = [];
  try {
    for (const file of files) {
      await out.put(file.key, file.body, { contentType: file.contentType });
      done.push(file);
    }
  } catch (error) {
    const notRestored: string[] = [];
    for (const file of done.reverse()) {
      const before = previous.get(file.key) ?? null;
      try {
        if (before === null) await out.delete(file.key);
        else await out.put(file.key, before, { contentType: file.contentType });
      } catch {
        notRestored.push(file.key);
      }
    }
    if (notRestored.length > 0) throw new PartialPublicationError(out.location, notRestored, { cause: error });
    throw error;
  }
}

/** Stagings of publications that were killed: their id starts with the UTC time they began. */
async function removeLeftoverStagings(out: ObjectStore, now: Date, onRemoved: ((prefix: string) => void) | undefined): Promise<void> {
  const byStaging = new Map<string, string[]>();
  for (const object of await out.list(STAGING_PREFIX)) {
    const id = object.key.slice(STAGING_PREFIX.length).split('/')[0]!;
    byStaging.set(id, [...(byStaging.get(id) ?? []), object.key]);
  }
  for (const [id, keys] of [...byStaging].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const started = stagingStart(id);
    if (started === null || now.getTime() - started.getTime() < LEFTOVER_STAGING_MS) continue;
    for (const key of keys) await out.delete(key);
    const localFolder = out.localPath?.(`${STAGING_PREFIX}${id}`);
    if (localFolder !== undefined) await rm(localFolder, { recursive: true, force: true });
    onRemoved?.(`${STAGING_PREFIX}${id}/`);
  }
}

function stagingStart(id: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(id);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second] = match;
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
}

async function isFile(filePath: string): Promise<boolean> {
  return (await stat(filePath).catch(() => null))?.isFile() ?? false;
}
