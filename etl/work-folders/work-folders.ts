/**
 * The process's temporary work folders: staging CSVs, rejected rows (names of people), Parquet
 * copies. They are made in the OS temp folder under a recognisable name,
 * `ipstats-work-<pid>-<label>-XXXXXX`, and removed when the work ends; a process that is
 * interrupted (SIGINT, SIGTERM) or exits early removes those still there once
 * `removeWorkFoldersOnExit` is on (the CLI turns it on), and the next run removes what a killed
 * process left (leftover-work-folders.ts).
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const WORK_FOLDER_PREFIX = 'ipstats-work-';

/** `ipstats-work-<pid>-…`: the process that made it. */
export const WORK_FOLDER_NAME = /^ipstats-work-(\d+)-/;

const live = new Set<string>();
let onExit: ((folders: readonly string[], signal: NodeJS.Signals | null) => void) | null = null;

/** Makes `<tmp>/ipstats-work-<pid>-<label>-XXXXXX` and tracks it until removeWorkFolder. */
export async function makeWorkFolder(label: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), `${WORK_FOLDER_PREFIX}${process.pid}-${label}-`));
  trackWorkFolder(folder);
  return folder;
}

export async function removeWorkFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  untrackWorkFolder(folder);
}

/** Tracks a folder made elsewhere (a staging folder inside the output folder) for removal on exit. */
export function trackWorkFolder(folder: string): void {
  live.add(folder);
  if (live.size === 1) listenForSignals(true);
}

export function untrackWorkFolder(folder: string): void {
  live.delete(folder);
  if (live.size === 0 && uninterruptible === 0) listenForSignals(false);
}

/** The folders this process has made and not yet removed. */
export function liveWorkFolders(): string[] {
  return [...live].sort();
}

/**
 * From now on, folders still there when the process exits are removed, and SIGINT or SIGTERM
 * while some exist removes them, calls `say` (what was removed, for the operator) and ends the
 * process with status 128 + the signal's number (130, 143). Signals are only listened to while
 * folders exist, so commands without any (an Athena query stopping on Ctrl-C) keep their own handling.
 */
export function removeWorkFoldersOnExit(say: (folders: readonly string[], signal: NodeJS.Signals | null) => void): void {
  const first = onExit === null;
  onExit = say;
  if (!first) return;
  process.on('exit', () => {
    const folders = removeLiveSync();
    if (folders.length > 0) onExit?.(folders, null);
  });
  if (live.size > 0) listenForSignals(true);
}

/**
 * Runs `work` (replacing published files, which must not stop half-way) with SIGINT and SIGTERM
 * held back: one that arrives meanwhile takes effect when `work` has finished.
 */
export async function withoutInterruption<T>(work: () => Promise<T>): Promise<T> {
  uninterruptible++;
  listenForSignals(true);
  try {
    return await work();
  } finally {
    uninterruptible--;
    if (uninterruptible === 0) {
      if (heldSignal !== null) onSignal(heldSignal);
      else if (live.size === 0) listenForSignals(false);
    }
  }
}

/** The exit status of a process these signals end: 128 + the signal's number. */
export const SIGNAL_STATUS: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };
let uninterruptible = 0;
let heldSignal: NodeJS.Signals | null = null;

function onSignal(signal: NodeJS.Signals): void {
  if (uninterruptible > 0) {
    heldSignal = signal;
    return;
  }
  const folders = removeLiveSync();
  onExit?.(folders, signal);
  process.exit(SIGNAL_STATUS[signal as 'SIGINT' | 'SIGTERM']);
}

let listening = false;
function listenForSignals(on: boolean): void {
  if (onExit === null || uninterruptible > 0 && !on) return;
  if (on === listening) return;
  listening = on;
  for (const signal of Object.keys(SIGNAL_STATUS) as NodeJS.Signals[]) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
}

function removeLiveSync(): string[] {
  const folders = liveWorkFolders();
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
    live.delete(folder);
  }
  return folders;
}
