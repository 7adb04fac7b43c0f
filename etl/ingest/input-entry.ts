/**
 * What one entry of an input folder is, links followed. A link is followed only when its target
 * lies inside the folder the operator gave (`boundary`): a statistics office's input folder must
 * not pull in arbitrary files from elsewhere on the machine, so a link leading outside is refused
 * with its target named.
 */
import { constants } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NotIngested } from './not-ingested.ts';

export type InputEntry =
  | { readonly kind: 'file' | 'folder' | 'other'; readonly path: string }
  | { readonly kind: 'refused'; readonly notIngested: NotIngested };

export interface LinkBoundary {
  /** The folder as the operator named it, for messages. */
  readonly shown: string;
  /** Its real path (links resolved), to compare targets with. */
  readonly real: string;
}

export async function linkBoundaryOf(folder: string): Promise<LinkBoundary> {
  return { shown: folder, real: await realpath(folder) };
}

export async function resolveInputEntry(entryPath: string, boundary: LinkBoundary): Promise<InputEntry> {
  const refused = (code: NotIngested['code'], reason: string): InputEntry => ({ kind: 'refused', notIngested: { path: entryPath, code, reason } });
  let info;
  try {
    info = await lstat(entryPath);
  } catch (error) {
    return refused('unreadable', `cannot be read: ${describeError(error)}`);
  }
  if (!info.isSymbolicLink()) return { kind: kindOf(info), path: entryPath };
  let target: string;
  try {
    target = await realpath(entryPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const written = await readlink(entryPath).catch(() => '?');
    if (code === 'ENOENT') return refused('broken_link', `a link to ${written}, which does not exist`);
    if (code === 'ELOOP') return refused('unreadable', `a link to ${written} that leads round in a loop`);
    return refused('unreadable', `a link to ${written} that cannot be followed: ${describeError(error)}`);
  }
  if (!isInside(boundary.real, target)) {
    return refused('link_outside_input', `a link to ${target}, outside ${boundary.shown}: links are followed only when they stay inside the input folder`);
  }
  return { kind: kindOf(await stat(target)), path: entryPath };
}

/** Null when the file can be opened for reading, else why not. */
export async function unreadableReason(filePath: string): Promise<string | null> {
  try {
    await access(filePath, constants.R_OK);
    return null;
  } catch (error) {
    return `cannot be read: ${describeError(error)}`;
  }
}

function kindOf(info: { isFile(): boolean; isDirectory(): boolean }): 'file' | 'folder' | 'other' {
  return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function describeError(error: unknown): string {
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'ENOENT') return 'it no longer exists (ENOENT)';
  return error instanceof Error ? error.message : String(error);
}
