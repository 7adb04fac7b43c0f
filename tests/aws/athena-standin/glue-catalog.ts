/**
 * What the Athena stand-in knows of the account: one Glue database with its tables and the
 * Athena workgroups, in the shapes CloudFormation and the Glue API use (PascalCase, as in
 * `AWS::Glue::Table` `TableInput`), so a catalog read from a synthesized template or from a
 * Glue `GetTables` answer can be passed as is.
 */

export interface GlueColumn {
  readonly Name: string;
  /** Hive type name: `string`, `int`, `bigint`, `date`, `decimal(18,2)` … */
  readonly Type: string;
  readonly Comment?: string;
}

export interface GlueTable {
  readonly Name: string;
  readonly TableType?: string;
  /** Table properties: `classification`, partition projection (`projection.*`, `storage.location.template`). */
  readonly Parameters?: Readonly<Record<string, string>>;
  readonly PartitionKeys?: readonly GlueColumn[];
  readonly StorageDescriptor: {
    /** `s3://bucket/prefix/`: every object below it is the table's data (partitions aside). */
    readonly Location: string;
    readonly Columns: readonly GlueColumn[];
    readonly SerdeInfo?: {
      readonly SerializationLibrary?: string;
      readonly Parameters?: Readonly<Record<string, string>>;
    };
  };
}

export interface AthenaWorkGroup {
  readonly Name: string;
  /** Where results go (`s3://bucket/prefix/`); absent: every query must give one. */
  readonly OutputLocation?: string;
  /** The workgroup's settings override the client's (ResultConfiguration). */
  readonly EnforceWorkGroupConfiguration?: boolean;
}

export interface StandInCatalog {
  /** The Glue database every query's QueryExecutionContext.Database must name. */
  readonly database: string;
  readonly tables: readonly GlueTable[];
  /** `primary` (no results location) is always there, as in every account. */
  readonly workGroups: readonly AthenaWorkGroup[];
}

/** Athena's default workgroup: present in every account, with no results location until one is set. */
export const PRIMARY_WORKGROUP: AthenaWorkGroup = { Name: 'primary' };

/** `s3://bucket/some/prefix/` → bucket and key prefix. */
export function parseS3Url(url: string): { readonly bucket: string; readonly prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (match === null) throw new RangeError(`not an s3:// URL: ${JSON.stringify(url)}`);
  return { bucket: match[1] as string, prefix: match[2] as string };
}
