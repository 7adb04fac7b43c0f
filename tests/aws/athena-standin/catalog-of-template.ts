/**
 * The stand-in's catalog read from a synthesized CloudFormation template (the catalog stack's):
 * its `AWS::Glue::Database`, every `AWS::Glue::Table` of that database and every
 * `AWS::Athena::WorkGroup`. Only the properties the stand-in reads are resolved; the intrinsics
 * found there are `Ref` (to the database or a pseudo parameter) and `Fn::Join`. A caller with a
 * fuller resolver (the ASL harness resolves the whole template) passes it as `resolve`.
 */
import type { AthenaWorkGroup, GlueTable, StandInCatalog } from './glue-catalog.ts';

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

export interface CloudFormationTemplate {
  readonly Resources: Readonly<Record<string, TemplateResource>>;
}

export interface TemplateCatalogOptions {
  /** @default '000000000000' */
  readonly accountId?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** Resolves any intrinsic the default resolver does not know; it gets the value as written in the template. */
  readonly resolve?: (value: unknown) => unknown;
}

export function catalogOfTemplate(template: CloudFormationTemplate, options: TemplateCatalogOptions = {}): StandInCatalog {
  const resources = Object.entries(template.Resources);
  const databases = resources.filter(([, resource]) => resource.Type === 'AWS::Glue::Database');
  if (databases.length !== 1) {
    throw new RangeError(`the template has ${databases.length} AWS::Glue::Database resources; the Athena stand-in serves exactly one`);
  }
  const [databaseId, databaseResource] = databases[0] as [string, TemplateResource];
  const pseudo: Record<string, string> = {
    'AWS::AccountId': options.accountId ?? '000000000000',
    'AWS::Region': options.region ?? 'us-east-1',
    'AWS::Partition': options.partition ?? 'aws',
    'AWS::URLSuffix': (options.partition ?? 'aws') === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
  };
  const database = String(resolved(property(databaseResource, 'DatabaseInput', 'Name'), {}, pseudo, options.resolve));
  const refs = { [databaseId]: database };
  const tables = resources
    .filter(([, resource]) => resource.Type === 'AWS::Glue::Table')
    .filter(([, resource]) => resolved(property(resource, 'DatabaseName'), refs, pseudo, options.resolve) === database)
    .map(([, resource]) => resolved(property(resource, 'TableInput'), refs, pseudo, options.resolve) as GlueTable);
  const workGroups = resources
    .filter(([, resource]) => resource.Type === 'AWS::Athena::WorkGroup')
    .map(([, resource]): AthenaWorkGroup => {
      const configuration = (resource.Properties?.['WorkGroupConfiguration'] ?? {}) as Record<string, unknown>;
      const outputLocation = (configuration['ResultConfiguration'] as Record<string, unknown> | undefined)?.['OutputLocation'];
      return {
        Name: String(resolved(property(resource, 'Name'), refs, pseudo, options.resolve)),
        ...(outputLocation === undefined ? {} : { OutputLocation: String(resolved(outputLocation, refs, pseudo, options.resolve)) }),
        EnforceWorkGroupConfiguration: configuration['EnforceWorkGroupConfiguration'] === true,
      };
    });
  return { database, tables, workGroups };
}

function property(resource: TemplateResource, ...path: string[]): unknown {
  let value: unknown = resource.Properties;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  if (value === undefined) throw new RangeError(`a ${resource.Type} resource has no ${path.join('.')}`);
  return value;
}

/** The value with every `Ref` and `Fn::Join` inside replaced; any other intrinsic goes to `resolve`. */
function resolved(value: unknown, refs: Readonly<Record<string, string>>, pseudo: Readonly<Record<string, string>>, resolve?: (value: unknown) => unknown): unknown {
  const again = (inner: unknown) => resolved(inner, refs, pseudo, resolve);
  if (Array.isArray(value)) return value.map(again);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const intrinsic = entries.length === 1 && (entries[0]?.[0] === 'Ref' || entries[0]?.[0].startsWith('Fn::')) ? entries[0] : undefined;
  if (intrinsic === undefined) return Object.fromEntries(entries.map(([key, inner]) => [key, again(inner)]));
  const [name, argument] = intrinsic;
  if (name === 'Ref' && typeof argument === 'string' && (refs[argument] ?? pseudo[argument]) !== undefined) return refs[argument] ?? pseudo[argument];
  if (name === 'Fn::Join' && Array.isArray(argument) && Array.isArray(argument[1])) {
    return (argument[1] as unknown[]).map((part) => String(again(part))).join(String(argument[0]));
  }
  if (resolve !== undefined) return again(resolve(value));
  throw new RangeError(`the Athena stand-in cannot resolve ${JSON.stringify(value)} in the template; pass a resolver (TemplateCatalogOptions.resolve)`);
}
