/** Where an object of an output store is, for people: a local path, or an s3:// URL. */
import path from 'node:path';

export function reportLocation(outLocation: string, key: string): string {
  return outLocation.startsWith('s3://') ? `${outLocation.replace(/\/$/, '')}/${key}` : path.join(outLocation, ...key.split('/'));
}
