import { describe, expect, it } from 'vitest';
import { CHINA_REGION_RESOURCE_TYPES, SERVICES_MISSING_IN_CHINA } from '../../infra/china/china-region-services.ts';
import { synthIpstats } from './support/synth-ipstats.ts';

describe('synthesised for cn-northwest-1 (aws-cn)', () => {
  const { templates } = synthIpstats({}, { account: '123456789012', region: 'cn-northwest-1' });
  const texts = Object.entries(templates).map(([name, template]) => [name, JSON.stringify(template.toJSON())] as const);

  it('hard-codes no aws partition anywhere', () => {
    for (const [name, text] of texts) {
      expect({ name, hardCoded: text.match(/arn:aws:[^"]{0,60}/g) ?? [] }).toEqual({ name, hardCoded: [] });
    }
  });

  it('builds every ARN from the partition (aws-cn resolved or AWS::Partition)', () => {
    const pipeline = texts.find(([name]) => name === 'pipeline')![1];
    expect(pipeline).toMatch(/arn:aws-cn:|"Ref":"AWS::Partition"/);
  });

  it('uses only resource types of services offered in the China regions, and no SES', () => {
    for (const [name, template] of Object.entries(templates)) {
      const types = [...new Set(Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((resource) => resource.Type))];
      expect({ name, unlisted: types.filter((type) => !(type in CHINA_REGION_RESOURCE_TYPES)) }).toEqual({ name, unlisted: [] });
      expect(types.filter((type) => SERVICES_MISSING_IN_CHINA.some((prefix) => type.startsWith(prefix)))).toEqual([]);
    }
  });

  it('names the S3 endpoint for kms:ViaService with AWS::URLSuffix (amazonaws.com.cn in China), not a literal domain', () => {
    const delivery = texts.find(([name]) => name === 'delivery')![1];
    expect(delivery).toContain('"kms:ViaService":{"Fn::Join":["",["s3.",{"Ref":"AWS::Region"},".",{"Ref":"AWS::URLSuffix"}]]}');
    expect(delivery).not.toContain('amazonaws.com"');
  });
});
