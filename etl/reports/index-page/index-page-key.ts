/**
 * Where the index of a period is written: beside, not under, `reports/city=…/`, because each city
 * may only reach its own prefix there, while the index (every city) is for the province and CNIPA.
 */
import { lakeKeys } from '../../lake/lake-keys.ts';

/** The files of a period's index, written together (write-index-page.ts). */
export const INDEX_FILE_NAMES = { html: 'index.html', xlsx: 'index.xlsx', json: 'index.json' } as const;

export const indexFileKey = (period: string, fileName: string) => `index/period=${period}/${fileName}`;
export const indexPageKey = (period: string) => indexFileKey(period, INDEX_FILE_NAMES.html);

/** The link from the index page to a file of one city's report (relative, works on disk and in S3). */
export const reportLinkFromIndex = (cityCode: string, period: string, fileName: string) => `../../${lakeKeys.report(cityCode, period, fileName)}`;

/** The link from one period's index page to another period's (relative). */
export const indexLinkFromIndex = (period: string) => `../period=${period}/${INDEX_FILE_NAMES.html}`;
