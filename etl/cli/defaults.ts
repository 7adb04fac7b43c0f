/** Where `ipstats` looks and writes when no option is given: the shipped sample and ./out. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_INPUT_DIR = fileURLToPath(new URL('../../samples/default', import.meta.url));
export const SAMPLE_CONFIG = path.join(SAMPLE_INPUT_DIR, 'cities.json');
export const DEFAULT_OUT = 'out';
export const DEFAULT_LAKE = path.join(DEFAULT_OUT, 'lake');

/**
 * The shipped sample is replayed as two deliveries (etl/pipeline/run-pipeline.ts `replay`): its
 * correction file arrives after the previous month's reports were published, so the sample's
 * reports show revisions (docs/sample-data.md).
 */
export const SAMPLE_LATER_DELIVERY = (filePath: string): boolean => /_correction\.csv$/i.test(path.basename(filePath));
