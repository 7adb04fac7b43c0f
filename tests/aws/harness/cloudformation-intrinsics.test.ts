/** The harness resolves intrinsics as CloudFormation does, and refuses the ones it does not know. */
import { describe, expect, it } from 'vitest';
import { resolveIntrinsics, type IntrinsicScope } from './cloudformation-intrinsics.ts';

const scope: IntrinsicScope = {
  pseudoParameters: { 'AWS::AccountId': '123456789012', 'AWS::Region': 'us-east-1', 'AWS::Partition': 'aws' },
  ref: (logicalId) => `ref-of-${logicalId}`,
  getAtt: (logicalId, attribute) => `${attribute}-of-${logicalId}`,
  importValue: (name) => `export-${name}`,
};

describe('resolveIntrinsics', () => {
  it('resolves Ref, Fn::GetAtt (both spellings), Fn::Join and pseudo parameters, at any depth', () => {
    const value = {
      Env: { Bucket: { 'Fn::Join': ['-', ['lake', { Ref: 'AWS::AccountId' }, { Ref: 'AWS::Region' }]] } },
      List: [{ Ref: 'Topic' }, { 'Fn::GetAtt': ['Fn', 'Arn'] }, { 'Fn::GetAtt': 'Queue.QueueName' }],
    };
    expect(resolveIntrinsics(value, scope)).toEqual({
      Env: { Bucket: 'lake-123456789012-us-east-1' },
      List: ['ref-of-Topic', 'Arn-of-Fn', 'QueueName-of-Queue'],
    });
  });

  it('resolves Fn::Sub with pseudo parameters, resources, attributes, its own variables and ${!literal}', () => {
    expect(resolveIntrinsics({ 'Fn::Sub': 'cdk-${AWS::AccountId}-${Bucket}-${Fn.Arn}-${!Literal}' }, scope)).toBe('cdk-123456789012-ref-of-Bucket-Arn-of-Fn-${Literal}');
    expect(resolveIntrinsics({ 'Fn::Sub': ['${Name}/x', { Name: { Ref: 'Thing' } }] }, scope)).toBe('ref-of-Thing/x');
  });

  it('resolves Fn::Select over Fn::Split and Fn::ImportValue', () => {
    expect(resolveIntrinsics({ 'Fn::Select': [1, { 'Fn::Split': [':', 'a:b:c'] }] }, scope)).toBe('b');
    expect(resolveIntrinsics({ 'Fn::ImportValue': 'Stack:Out' }, scope)).toBe('export-Stack:Out');
  });

  it('refuses an intrinsic it does not resolve, naming it', () => {
    expect(() => resolveIntrinsics({ Env: { 'Fn::If': ['Cond', 'a', 'b'] } }, scope)).toThrow(/^Fn::If is not resolved by the harness/);
  });
});
