/**
 * One ipstats Lambda function: a TypeScript entry bundled offline by the local esbuild
 * (Node.js 24, ESM), with its own role (no managed policies: callers grant what it needs),
 * its own log group (JSON logs, Powertools logger settings), a KMS-encrypted dead-letter
 * queue for failed asynchronous invocations, X-Ray tracing (outside the China regions, which
 * lack it for Lambda), and the reference CSVs and sql/
 * shipped beside the bundle (the code finds them through IPSTATS_REFERENCE_DIR and
 * IPSTATS_SQL_DIR).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration, RemovalPolicy, Size } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { activeTracingOutsideChina } from '../china/tracing-outside-china.ts';
import { findDuckDbBinding, type PackageCopy } from '../lambda/duckdb-binding.ts';
import { acknowledge } from '../nag/acknowledge.ts';
import { requireIntegerInRange } from './validate-props.ts';

/** Where the bundle's data files are, inside the Lambda (the code is unpacked in /var/task). */
export const LAMBDA_REFERENCE_DIR = '/var/task/reference';
export const LAMBDA_SQL_DIR = '/var/task/sql';

/** ESM output still meets CommonJS packages (papaparse, iconv-lite) that call `require`. */
const ESM_REQUIRE_BANNER = "import { createRequire as __ipstatsCreateRequire } from 'node:module'; const require = __ipstatsCreateRequire(import.meta.url);";

export interface PipelineFunctionProps {
  /** The handler file (`functions/<name>/handler.ts`), absolute or relative to projectRoot; exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** MB; Lambda gives a second vCPU from 1,769 MB. */
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Key for the dead-letter queue. */
  readonly encryptionKey: kms.IKey;
  readonly environment?: Readonly<Record<string, string>>;
  /** /tmp size in MiB (512–10240). @default 512 */
  readonly ephemeralStorageMiB?: number;
  /**
   * Ship DuckDB's native module beside the bundle (for handlers that write Parquet). Other
   * functions must not import DuckDB: without this flag esbuild fails on its `.node` file.
   * @default false
   */
  readonly nativeDuckDb?: boolean;
  /**
   * Extra ESM bundles written beside index.mjs, by output file name: the entry files that code
   * starts worker threads from (`new URL('./x.mjs', import.meta.url)`). @default none
   */
  readonly workerEntries?: Readonly<Record<string, string>>;
  /** Folder holding package-lock.json, node_modules, sql/ and etl/reference/. @default the current working directory */
  readonly projectRoot?: string;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /** Powertools log level. @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Keep the log group when the stack is deleted. @default true */
  readonly retainLogs?: boolean;
  /** At most this many invocations at once (1 serialises the function). @default no reservation */
  readonly reservedConcurrentExecutions?: number;
}

export class PipelineFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly deadLetterQueue: sqs.Queue;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    requireIntegerInRange('memorySize', props.memorySize, 128, 10_240);
    const timeoutSeconds = props.timeout.toSeconds();
    if (timeoutSeconds < 1 || timeoutSeconds > 900) throw new RangeError(`timeout must be from 1 to 900 seconds (Lambda's limit), got ${timeoutSeconds}`);
    const ephemeral = requireIntegerInRange('ephemeralStorageMiB', props.ephemeralStorageMiB ?? 512, 512, 10_240);
    const projectRoot = path.resolve(props.projectRoot ?? process.cwd());
    const duckDb = props.nativeDuckDb ? findDuckDbBinding(projectRoot) : undefined;
    const workerEntries = Object.entries(props.workerEntries ?? {});
    for (const [outputFile, source] of workerEntries) {
      if (!/^[\w.-]+\.mjs$/.test(outputFile)) throw new RangeError(`workerEntries output must be a plain .mjs file name, got "${outputFile}"`);
      if (!existsSync(path.resolve(projectRoot, source))) throw new Error(`workerEntries source ${source} (for ${outputFile}) does not exist under ${projectRoot}`);
    }
    const externals = duckDb ? ['@duckdb/node-api'] : [];

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `ipstats ${id}: execution role (least privilege, granted by the stack)`,
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: (props.retainLogs ?? true) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: path.resolve(projectRoot, props.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      // Graviton for every function: the DuckDB ones ship the arm64 binding (duckdb-binding.ts).
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      ...(props.reservedConcurrentExecutions === undefined ? {} : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      ephemeralStorageSize: Size.mebibytes(ephemeral),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[props.logLevel ?? 'INFO'],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      deadLetterQueue: this.deadLetterQueue,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `ipstats-${id.toLowerCase()}`,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        IPSTATS_REFERENCE_DIR: LAMBDA_REFERENCE_DIR,
        IPSTATS_SQL_DIR: LAMBDA_SQL_DIR,
        ...props.environment,
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        // The SDK versions are pinned in package.json; bundling them keeps the function's
        // behaviour independent of the runtime's preinstalled copy.
        bundleAwsSDK: true,
        externalModules: externals,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            `mkdir -p "${outputDir}/reference" "${outputDir}/sql"`,
            `cp "${inputDir}"/etl/reference/*.csv "${outputDir}/reference/"`,
            `cp -R "${inputDir}/sql/." "${outputDir}/sql/"`,
            ...(duckDb ? copyPackagesCommands(inputDir, outputDir, duckDb.packages) : []),
            ...workerEntries.map(([outputFile, source]) => workerBundleCommand(inputDir, outputDir, source, outputFile, externals)),
          ],
        },
      },
    });
    activeTracingOutsideChina(this.function);
    // The DLQ key: Lambda sends failed async events with the function's role.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.encryptionKey.keyArn] }),
    );
    acknowledge(this.role, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions');
  }
}

/** The same esbuild settings as the main bundle, for a worker-thread entry. */
function workerBundleCommand(inputDir: string, outputDir: string, source: string, outputFile: string, externals: readonly string[]): string {
  const args = [
    `"${inputDir}/node_modules/.bin/esbuild"`,
    '--bundle',
    `"${path.resolve(inputDir, source)}"`,
    '--platform=node',
    '--format=esm',
    '--target=node24',
    '--main-fields=module,main',
    '--minify',
    '--sourcemap',
    `--outfile="${outputDir}/${outputFile}"`,
    `--banner:js="${ESM_REQUIRE_BANNER}"`,
    ...externals.map((name) => `--external:${name}`),
  ];
  return args.join(' ');
}

function copyPackagesCommands(inputDir: string, outputDir: string, packages: readonly PackageCopy[]): string[] {
  return packages.flatMap(({ from, to }) => {
    const target = `${outputDir}/${to}`;
    return [`mkdir -p "${path.posix.dirname(target)}"`, `cp -R "${inputDir}/${from}" "${target}"`];
  });
}
