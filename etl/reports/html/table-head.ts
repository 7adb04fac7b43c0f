/** A table's header row; numeric columns are right-aligned like their cells. */
import { escapeHtml } from './html-escape.ts';

export interface HeaderCell {
  readonly text: string;
  readonly numeric?: boolean;
}

export function tableHead(cells: readonly HeaderCell[]): string {
  const ths = cells.map((cell) => `<th scope="col"${cell.numeric ? ' class="num"' : ''}>${escapeHtml(cell.text)}</th>`).join('');
  return `<thead><tr>${ths}</tr></thead>`;
}
