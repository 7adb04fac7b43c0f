/**
 * How every sheet of report.xlsx prints: A4, fitted to one page wide and as many pages down as
 * it needs, landscape when its columns are wide, the header row(s) repeated on every page, a
 * running header naming the city, the sheet and the report month, and "第 x 页 共 y 页" below.
 */
import type ExcelJS from 'exceljs';
import type { Report } from '../report-schema.ts';

/** Column widths (in characters) that still fit A4 portrait at a readable scale. */
const PORTRAIT_MAX_WIDTH = 100;
const A4 = 9;

export interface PrintSetupProps {
  /** Rows repeated at the top of every printed page, e.g. '1:1' or '1:2' (banner and header). */
  readonly titleRows: string;
  /** @default landscape when the columns are wider than A4 portrait holds */
  readonly landscape?: boolean;
}

/** '&' starts a header/footer code in Excel: a literal ampersand is written '&&'. */
function headerFooterText(text: string): string {
  return text.replaceAll('&', '&&');
}

export function applyPrintSetup(sheet: ExcelJS.Worksheet, report: Pick<Report, 'city' | 'period'>, props: PrintSetupProps): void {
  const totalWidth = sheet.columns.reduce((sum, column) => sum + (column.width ?? 9), 0);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation: props.landscape ?? totalWidth > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as the rows need
    printTitlesRow: props.titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddHeader: `&L${headerFooterText(`${report.city.name}（${report.city.code}）`)}&C${headerFooterText(sheet.name)}&R${headerFooterText(`报告月份：${report.period}`)}`,
    oddFooter: '&C第 &P 页 共 &N 页',
  };
}
