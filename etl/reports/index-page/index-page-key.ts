/**
 * Where the index of a period is written: beside, not under, `reports/city=…/`, because each city
 * may only reach its own prefix there, while the index (every city) is for the province and CNIPA.
 */
import { lakeKeys } from '../../lake/lake-keys.ts';

export const indexPageKey = (period: string) => `index/period=${period}/index.html`;

/** The link from the index page to a file of one city's report (relative, works on disk and in S3). */
export const reportLinkFromIndex = (cityCode: string, period: string, fileName: string) => `../../${lakeKeys.report(cityCode, period, fileName)}`;
