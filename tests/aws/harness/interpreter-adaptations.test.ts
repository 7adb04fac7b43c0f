/** Each adaptation of a definition for aws-local-stepfunctions keeps what Step Functions does, and only that. */
import { describe, expect, it } from 'vitest';
import type { AslDefinition } from './deployed-state-machines.ts';
import { adaptForInterpreter, LONGEST_TASK_TIMEOUT_SECONDS, unescapeIntrinsicLiterals } from './interpreter-adaptations.ts';

describe('adaptForInterpreter', () => {
  it('gives a Task without a timeout the longest timer, and leaves a Task with one alone', () => {
    const { definition } = adaptForInterpreter({
      StartAt: 'A',
      States: { A: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:a', Next: 'B' }, B: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:b', TimeoutSeconds: 30, End: true } },
    });
    expect([definition.States.A!.TimeoutSeconds, definition.States.B!.TimeoutSeconds]).toEqual([LONGEST_TASK_TIMEOUT_SECONDS, 30]);
  });

  it('puts an item-reader Task in front of a Distributed Map with an ItemReader and sends every transition to it', () => {
    const original: AslDefinition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'lake', Prefix: 'inbox/' } },
          ItemSelector: { 'key.$': '$$.Map.Item.Value.Key' },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          Next: 'Done',
        },
        Again: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Each' }], Default: 'Each' },
        Done: { Type: 'Succeed' },
      },
    };
    const { definition, itemReaders } = adaptForInterpreter(original);
    expect(itemReaders).toEqual([{ readerStateName: 'Each (ItemReader)', slot: 'r0' }]);
    expect(definition.StartAt).toBe('Each (ItemReader)');
    expect(definition.States['Each (ItemReader)']).toMatchObject({ Type: 'Task', Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'lake', Prefix: 'inbox/' }, ResultPath: null, Next: 'Each' });
    expect(definition.States.Each).toMatchObject({ ItemsPath: '$$.ItemReaderItems.r0', ItemSelector: { 'key.$': '$$.Map.Item.Value.Key' }, Next: 'Done' });
    expect(definition.States.Each!.ItemReader).toBeUndefined();
    expect(definition.States.Again).toMatchObject({ Choices: [{ Next: 'Each (ItemReader)' }], Default: 'Each (ItemReader)' });
    // The original is not touched.
    expect(original.States.Each!.ItemReader).toBeDefined();
  });

  it('computes a Fail state\'s intrinsic CausePath in a Pass state in front of it', () => {
    const { definition } = adaptForInterpreter({
      StartAt: 'Gate',
      States: {
        Gate: { Type: 'Choice', Choices: [{ Variable: '$.bad', BooleanEquals: true, Next: 'Failed' }], Default: 'Ok' },
        Failed: { Type: 'Fail', Error: 'Bad', CausePath: "States.Format('{} was bad', $.key)" },
        Ok: { Type: 'Succeed' },
      },
    });
    expect(definition.States['Failed (paths)']).toEqual({ Type: 'Pass', Parameters: { 'Cause.$': "States.Format('{} was bad', $.key)" }, Next: 'Failed' });
    expect(definition.States.Failed).toEqual({ Type: 'Fail', Error: 'Bad', CausePath: '$.Cause' });
    expect((definition.States.Gate!.Choices as { Next: string }[])[0]!.Next).toBe('Failed (paths)');
  });
});

describe('unescapeIntrinsicLiterals', () => {
  it('reads \\{ and \\} as braces in literals, as Step Functions does, but not in States.Format templates', () => {
    expect(unescapeIntrinsicLiterals("States.JsonMerge(States.StringToJson('\\{\"a\":1\\}'), $, false)")).toBe("States.JsonMerge(States.StringToJson('{\"a\":1}'), $, false)");
    expect(unescapeIntrinsicLiterals("States.Format('\\{\\} and {}', $.x)")).toBe("States.Format('\\{\\} and {}', $.x)");
  });

  it('refuses an escaped quote or backslash, which the interpreter cannot read', () => {
    expect(() => unescapeIntrinsicLiterals("States.StringToJson('it\\'s')")).toThrow(/cannot read an escaped ' in a string literal/);
  });
});
