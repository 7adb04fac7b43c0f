/**
 * How a header cell is matched: BOM, surrounding and inner spaces, `_` and `-` dropped, case and
 * full-width forms folded, and a trailing bracketed suffix — `合同金额(万元)`,
 * `担保债权数额（万元）`, `让与方名称 (transferor / licensor)` — split off as the unit.
 */
import { toHalfWidth } from './parse/half-width.ts';

export interface HeaderKey {
  /** What is compared: `申请号`, `applicationno`. */
  readonly key: string;
  /** The bracketed suffix, folded the same way (`万元`, `元`), or null. */
  readonly unit: string | null;
}

const BOM = /^\uFEFF/;
const TRAILING_BRACKETS = /[([【]([^()[\]【】]*)[)\]】]\s*$/;
const IGNORED = /[\s_-]+/g;

export function headerKey(header: string): HeaderKey {
  const text = toHalfWidth(header.replace(BOM, '')).trim().toLowerCase();
  const match = TRAILING_BRACKETS.exec(text);
  const name = match === null ? text : text.slice(0, match.index);
  return {
    key: name.replace(IGNORED, ''),
    unit: match === null ? null : (match[1] ?? '').replace(IGNORED, ''),
  };
}
