/**
 * Which S3 objects Athena reads for a Glue table, so the stand-in mirrors those and no others:
 * - every object below the table's Location, except Hive's hidden files (a file or folder name
 *   starting with `_` or `.`);
 * - for a partitioned table with partition projection, only objects under the folders the
 *   projection enumerates (`storage.location.template` with each value in its `range`/`values`,
 *   zero-padded to `digits`): a folder `month=6` is never read when the projection says
 *   `month=06`;
 * - for a partitioned table without projection, nothing: its partitions would have to be
 *   registered in Glue (MSCK REPAIR, a crawler), which the stand-in does not model.
 */
import { parseS3Url, type GlueTable } from './glue-catalog.ts';

export interface TableObjects {
  readonly bucket: string;
  /** The Location's key prefix, ending in `/` (or empty for a bucket root): every key read starts with it. */
  readonly locationPrefix: string;
  /** True when Athena reads the object with this key as data of the table. */
  reads(key: string): boolean;
}

export function tableObjects(table: GlueTable): TableObjects {
  const { bucket, prefix } = parseS3Url(table.StorageDescriptor.Location);
  const partitionKeys = table.PartitionKeys ?? [];
  const parameters = table.Parameters ?? {};
  const notHidden = (key: string) => !/(^|\/)[_.]/.test(key.slice(prefix.length));
  if (partitionKeys.length === 0) return { bucket, locationPrefix: prefix, reads: (key) => key.startsWith(prefix) && notHidden(key) };
  if (parameters['projection.enabled'] !== 'true') return { bucket, locationPrefix: prefix, reads: () => false };
  const template = parameters['storage.location.template'];
  if (template === undefined) throw new RangeError(`Glue table ${table.Name}: partition projection without storage.location.template`);
  const templateLocation = parseS3Url(template);
  if (templateLocation.bucket !== bucket || !templateLocation.prefix.startsWith(prefix)) {
    throw new RangeError(`Glue table ${table.Name}: the stand-in wants storage.location.template below the table's Location ${table.StorageDescriptor.Location}`);
  }
  const accepts = new Map(partitionKeys.map((key) => [key.Name, projectedValueCheck(table.Name, key.Name, parameters)]));
  const names: string[] = [];
  const pattern = templateLocation.prefix.replace(/\$\{([^}]+)\}|[^$]+/g, (part, name: string | undefined) => {
    if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!accepts.has(name)) throw new RangeError(`Glue table ${table.Name}: storage.location.template names \${${name}}, which is no partition key`);
    names.push(name);
    return '([^/]+)';
  });
  const folder = new RegExp(`^${pattern}`);
  return {
    bucket,
    locationPrefix: prefix,
    reads(key) {
      const match = folder.exec(key);
      if (match === null || !notHidden(key)) return false;
      return names.every((name, index) => (accepts.get(name) as (value: string) => boolean)(match[index + 1] as string));
    },
  };
}

/** The folder values a projected partition key takes, as a test on the text found in a key. */
function projectedValueCheck(tableName: string, key: string, parameters: Readonly<Record<string, string>>): (value: string) => boolean {
  const type = parameters[`projection.${key}.type`];
  if (type === 'enum') {
    const values = new Set((parameters[`projection.${key}.values`] ?? '').split(','));
    return (value) => values.has(value);
  }
  if (type === 'integer') {
    const [first, last] = (parameters[`projection.${key}.range`] ?? '').split(',').map(Number);
    const digits = Number(parameters[`projection.${key}.digits`] ?? '0');
    if (!Number.isInteger(first) || !Number.isInteger(last)) throw new RangeError(`Glue table ${tableName}: projection.${key}.range must be "first,last"`);
    return (value) => {
      const number = Number(value);
      return /^-?\d+$/.test(value) && number >= (first as number) && number <= (last as number) && value === String(number).padStart(digits, '0');
    };
  }
  throw new RangeError(`Glue table ${tableName}: the stand-in projects enum and integer partitions only, not projection.${key}.type = ${String(type)}`);
}
