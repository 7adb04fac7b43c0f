/**
 * IPC symbols (国际专利分类号) → `H04L 29/06`: section A–H, class, subclass letter, a space,
 * main group / subgroup. Accepts lower case, no or several spaces, and a trailing edition
 * such as `(2006.01)`, which is dropped.
 */
import { toHalfWidth } from './half-width.ts';
import { ParseFailure, quote } from './parse-failure.ts';

const IPC = /^([A-H]\d{2}[A-Z])\s*(\d{1,4})\s*\/\s*(\d{1,6})(?:\s*\(\d{4}\.\d{2}\))?$/;

export function parseIpc(raw: string): string | ParseFailure {
  const match = IPC.exec(toHalfWidth(raw).toUpperCase());
  if (match === null) return new ParseFailure('ipc_format', `expected an IPC symbol such as H04L 29/06, got ${quote(raw)}`);
  return `${match[1]} ${match[2]}/${match[3]}`;
}
