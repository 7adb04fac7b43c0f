/**
 * Every Lambda function of the app on Graviton (arm64, ≈ 20 % cheaper per GB-second). The
 * pipeline's own functions say so themselves (PipelineFunction); this aspect covers the ones CDK
 * adds without an architecture, which default to x86_64 — today the S3 bucket-notifications
 * handler, inline Python that runs the same on either CPU, declared as a plain CfnResource of
 * type AWS::Lambda::Function (so set by a property override). An L1 function that already
 * names its architecture keeps it.
 */
import { CfnResource, type IAspect } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

const ARM_64 = lambda.Architecture.ARM_64.name;

export class GravitonFunctions implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof lambda.CfnFunction) {
      if (node.architectures === undefined) node.architectures = [ARM_64];
    } else if (node instanceof CfnResource && node.cfnResourceType === 'AWS::Lambda::Function') {
      node.addPropertyOverride('Architectures', [ARM_64]);
    }
  }
}
