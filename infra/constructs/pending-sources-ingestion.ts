/**
 * Ingests every source file waiting under `inbox/<dataset>/` in the lake bucket: a Distributed
 * Map over the S3 listing, each file routed by size to the `ingest` Lambda or to the
 * large-source state machine, then the quality gate: a file rejected whole, or whose share of
 * rejected rows is above the threshold, fails its iteration, which fails the run (tolerated
 * failures: 0). Objects that are not source files of a known dataset are left in the inbox,
 * as the S3-triggered ingest leaves them, with `{ key, leftInTheInbox: <why> }` as their output.
 *
 * Input: `{}` or `{ "rejectRateThreshold": 0.1 }` to override the deployed threshold.
 * Output: one ingestion summary per source file, as `ingest` returns it for `{ dataset, key }`
 * (`{ dataset, key, sha256, status, rowsRead, rowsAccepted, rowsRejected, rejectRate, … }`,
 * etl/aws/ingest-summary.ts); merge-ranges returns the same summary for a large file.
 * Ingestion is idempotent (a file's SHA-256 names its outputs), so files already ingested
 * come back as no-ops with their recorded counts and still pass through the gate.
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { SOURCE_EXTENSIONS } from '../../etl/ingest/source-files.ts';
import { DATASET_NAMES } from '../../etl/schemas/dataset-spec.ts';
import { withDefaults } from '../stepfunctions/intrinsic-literal.ts';
import { acknowledgeStateMachineWildcards } from '../nag/state-machine-wildcards.ts';
import { observableStateMachineProps, retryOnThrottling } from './state-machine-observability.ts';
import { retryTransientFailures } from './retry-transient-failures.ts';
import { requireFraction, requireIntegerInRange, requirePositiveInteger } from './validate-props.ts';

export const INBOX_PREFIX = 'inbox/';

export interface PendingSourcesIngestionProps {
  readonly lakeBucket: s3.IBucket;
  readonly ingest: lambda.IFunction;
  readonly largeSourceIngestion: sfn.IStateMachine;
  /** Files of at least this many bytes go to the large-source state machine. */
  readonly largeSourceBytes: number;
  /** Default share of rejected rows (0–1) above which the run fails. */
  readonly rejectRateThreshold: number;
  /**
   * Files ingested at once. Ingestion numbers each dataset's files in turn, so the default takes
   * them one at a time, in key order. @default 1
   */
  readonly maxConcurrency?: number;
  /** @default 12 hours */
  readonly timeout?: Duration;
}

export class PendingSourcesIngestion extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: PendingSourcesIngestionProps) {
    super(scope, id);
    const largeSourceBytes = requirePositiveInteger('largeSourceBytes', props.largeSourceBytes);
    const threshold = requireFraction('rejectRateThreshold', props.rejectRateThreshold);
    const maxConcurrency = requireIntegerInRange('maxConcurrency', props.maxConcurrency ?? 1, 1, 1000);

    const defaults = new sfn.Pass(this, 'ApplyDefaults', {
      parameters: { 'run.$': withDefaults({ rejectRateThreshold: threshold }) },
      outputPath: '$.run',
    });
    const eachFile = new sfn.DistributedMap(this, 'EachPendingFile', {
      itemReader: new sfn.S3ObjectsItemReader({ bucket: props.lakeBucket, prefix: INBOX_PREFIX }),
      itemSelector: { 'key.$': '$$.Map.Item.Value.Key', 'size.$': '$$.Map.Item.Value.Size', 'threshold.$': '$.rejectRateThreshold' },
      maxConcurrency,
      toleratedFailurePercentage: 0,
    });

    const withDataset = new sfn.Pass(this, 'DatasetFromKey', {
      parameters: {
        'key.$': '$.key',
        'size.$': '$.size',
        'threshold.$': '$.threshold',
        // inbox/<dataset>/<file>: the second path segment names the dataset.
        'dataset.$': "States.ArrayGetItem(States.StringSplit($.key, '/'), 1)",
      },
    });
    const ingestSmall = retryTransientFailures(
      new tasks.LambdaInvoke(this, 'IngestFile', {
        lambdaFunction: props.ingest,
        payload: sfn.TaskInput.fromObject({ 'dataset.$': '$.dataset', 'key.$': '$.key' }),
        payloadResponseOnly: true,
        resultPath: '$.result',
      }),
    );
    const ingestLarge = retryOnThrottling(
      new tasks.StepFunctionsStartExecution(this, 'IngestLargeFile', {
        stateMachine: props.largeSourceIngestion,
        integrationPattern: sfn.IntegrationPattern.RUN_JOB,
        input: sfn.TaskInput.fromObject({ 'dataset.$': '$.dataset', 'key.$': '$.key' }),
        associateWithParent: true,
        resultSelector: { 'summary.$': '$.Output' },
        resultPath: '$.large',
      }),
    );
    const unwrapLarge = new sfn.Pass(this, 'LargeFileSummary', {
      parameters: { 'dataset.$': '$.dataset', 'key.$': '$.key', 'threshold.$': '$.threshold', 'result.$': '$.large.summary' },
    });
    const passed = new sfn.Pass(this, 'WithinRejectThreshold', { outputPath: '$.result' });
    const gate = new sfn.Choice(this, 'RejectRateGate')
      .when(sfn.Condition.not(sfn.Condition.isPresent('$.result.rejectRate')), new sfn.Fail(this, 'SummaryWithoutRejectRate', {
        error: 'IngestSummaryWithoutRejectRate',
        cause: 'the ingestion summary has no rejectRate, so the quality gate cannot be evaluated',
      }))
      .when(sfn.Condition.stringEquals('$.result.status', 'file_rejected'), new sfn.Fail(this, 'FileRejected', {
        error: 'SourceFileRejected',
        causePath: "States.Format('{} was rejected whole: {}', $.key, $.result.error)",
      }))
      .when(sfn.Condition.numberGreaterThanJsonPath('$.result.rejectRate', '$.threshold'), new sfn.Fail(this, 'TooManyRejects', {
        error: 'RejectRateAboveThreshold',
        causePath: "States.Format('{} rejected a share of {} of its rows, above the threshold {}', $.key, $.result.rejectRate, $.threshold)",
      }))
      .otherwise(passed);
    ingestSmall.next(gate);
    ingestLarge.next(unwrapLarge).next(gate);
    const bySize = new sfn.Choice(this, 'BySize')
      .when(sfn.Condition.numberGreaterThanEquals('$.size', largeSourceBytes), ingestLarge)
      .otherwise(ingestSmall);
    // Folder markers and files outside a dataset folder (inbox/README.txt) are not sources.
    const notASource = new sfn.Succeed(this, 'NotASourceFile');
    // Nor is what the S3-triggered ingest leaves in the inbox (etl/aws/ingest-request.ts): a file
    // without a source extension, in an unknown dataset folder or deeper. Sent to ingest, it would
    // fail the run (or be rejected whole) and so block every other pending file.
    const leftInInbox = new sfn.Pass(this, 'LeftInTheInbox', {
      parameters: { 'key.$': '$.key', leftInTheInbox: strayObjectReason() },
    });
    const skipStrays = new sfn.Choice(this, 'SkipStrayObjects')
      .when(strayObjectCondition(), leftInInbox)
      .otherwise(withDataset.next(bySize));
    const skipFolders = new sfn.Choice(this, 'SkipFolderMarkers')
      .when(sfn.Condition.stringMatches('$.key', '*/'), notASource)
      .when(sfn.Condition.not(sfn.Condition.stringMatches('$.key', `${INBOX_PREFIX}*/*`)), notASource)
      .otherwise(skipStrays);
    eachFile.itemProcessor(skipFolders);

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'ipstats: ingest every pending source file under inbox/, with the reject-rate gate',
      definitionBody: sfn.DefinitionBody.fromChainable(defaults.next(eachFile)),
      timeout: props.timeout ?? Duration.hours(12),
      ...observableStateMachineProps(this, 'StateMachine'),
    });
    acknowledgeStateMachineWildcards(this.stateMachine);
  }
}

/**
 * True for an `inbox/<folder>/<…>` key that is not `inbox/<dataset>/<file>` with a source
 * extension: the same objects parseInboxKey and SOURCE_EXTENSIONS turn away on the S3 path
 * (extensions in any letter case, as there).
 */
function strayObjectCondition(): sfn.Condition {
  const inDatasetFolder = sfn.Condition.or(...DATASET_NAMES.map((name) => sfn.Condition.stringMatches('$.key', `${INBOX_PREFIX}${name}/*`)));
  const deeper = sfn.Condition.stringMatches('$.key', `${INBOX_PREFIX}*/*/*`);
  const sourceExtension = sfn.Condition.or(...SOURCE_EXTENSIONS.flatMap(letterCases).map((extension) => sfn.Condition.stringMatches('$.key', `*${extension}`)));
  return sfn.Condition.or(sfn.Condition.not(inDatasetFolder), deeper, sfn.Condition.not(sourceExtension));
}

function strayObjectReason(): string {
  return `not a source file in a dataset folder, left where it is: expected ${INBOX_PREFIX}<dataset>/<file> with a ${SOURCE_EXTENSIONS.join(', ')} name, <dataset> one of ${DATASET_NAMES.join(', ')}`;
}

/** Every upper/lower-case spelling of an extension: `.csv`, `.csV`, … `.CSV`. */
function letterCases(extension: string): string[] {
  return [...extension].reduce<string[]>(
    (spellings, char) => spellings.flatMap((prefix) => (char.toLowerCase() === char.toUpperCase() ? [prefix + char] : [prefix + char.toLowerCase(), prefix + char.toUpperCase()])),
    [''],
  );
}
