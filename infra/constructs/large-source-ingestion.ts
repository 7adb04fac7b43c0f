/**
 * Ingestion of a source file too large for one Lambda's 15 minutes: `split-source` plans byte
 * ranges on record boundaries, a Distributed Map runs `ingest-range` on each range in
 * parallel, and `merge-ranges` merges the partial results, in range order, into exactly the
 * lake a single ingestion would have written.
 *
 * Input: `{ "dataset": "patent_events", "key": "inbox/patent_events/<file>" }`.
 * split-source returns `{ "ranges": [ … ] }` (each range carries all its ingestion needs);
 * ingest-range receives `{ dataset, key, range }`; merge-ranges receives
 * `{ dataset, key, plan, ranges: [ingest-range results in range order] }` and its result is
 * the execution's output (the same summary `ingest` returns).
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { acknowledgeStateMachineWildcards } from '../nag/state-machine-wildcards.ts';
import { observableStateMachineProps } from './state-machine-observability.ts';
import { retryTransientFailures } from './retry-transient-failures.ts';
import { requireIntegerInRange } from './validate-props.ts';

export interface LargeSourceIngestionProps {
  readonly splitSource: lambda.IFunction;
  readonly ingestRange: lambda.IFunction;
  readonly mergeRanges: lambda.IFunction;
  /** Ranges ingested at once. @default 10 */
  readonly maxConcurrency?: number;
  /** @default 6 hours */
  readonly timeout?: Duration;
}

export class LargeSourceIngestion extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: LargeSourceIngestionProps) {
    super(scope, id);
    const maxConcurrency = requireIntegerInRange('maxConcurrency', props.maxConcurrency ?? 10, 1, 1000);
    const split = retryTransientFailures(
      new tasks.LambdaInvoke(this, 'SplitSource', {
        lambdaFunction: props.splitSource,
        payload: sfn.TaskInput.fromObject({ 'dataset.$': '$.dataset', 'key.$': '$.key' }),
        payloadResponseOnly: true,
        resultPath: '$.plan',
      }),
    );
    const ingestRanges = new sfn.DistributedMap(this, 'IngestRanges', {
      itemsPath: '$.plan.ranges',
      itemSelector: { 'dataset.$': '$.dataset', 'key.$': '$.key', 'range.$': '$$.Map.Item.Value' },
      maxConcurrency,
      toleratedFailurePercentage: 0,
      resultPath: '$.ranges',
    });
    ingestRanges.itemProcessor(
      retryTransientFailures(new tasks.LambdaInvoke(this, 'IngestRange', { lambdaFunction: props.ingestRange, payloadResponseOnly: true })),
    );
    const merge = retryTransientFailures(
      new tasks.LambdaInvoke(this, 'MergeRanges', {
        lambdaFunction: props.mergeRanges,
        payload: sfn.TaskInput.fromObject({ 'dataset.$': '$.dataset', 'key.$': '$.key', 'plan.$': '$.plan', 'ranges.$': '$.ranges' }),
        payloadResponseOnly: true,
      }),
    );
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'ipstats: ingest one large source file by byte ranges (split → Distributed Map → merge)',
      definitionBody: sfn.DefinitionBody.fromChainable(split.next(ingestRanges).next(merge)),
      timeout: props.timeout ?? Duration.hours(6),
      ...observableStateMachineProps(this, 'StateMachine'),
    });
    acknowledgeStateMachineWildcards(this.stateMachine);
  }
}
