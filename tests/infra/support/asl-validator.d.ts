/** Types for asl-validator 4.0.0, which ships none (its API: README "In your code"). */
declare module 'asl-validator' {
  export interface AslValidationError {
    readonly 'Error code': string;
    readonly Message: string;
    readonly schemaError?: { readonly instancePath: string; readonly schemaPath: string };
  }
  export interface AslValidationResult {
    readonly isValid: boolean;
    readonly errors: readonly AslValidationError[];
    errorsText(separator?: string): string;
  }
  export interface AslValidationOptions {
    /** Check JSONPath / JSONata expressions. @default true */
    readonly checkPaths: boolean;
    /** Check that every Task Resource is an ARN. @default true */
    readonly checkArn: boolean;
  }
  /** Validates an Amazon States Language definition; note it writes `QueryLanguage` into each state. */
  export default function aslValidator(definition: object, options?: AslValidationOptions): AslValidationResult;
}
