/**
 * A coverage declaration that cannot be used: a malformed month range, a declaration for a
 * dataset whose coverage cannot be declared, a `--covers` naming an unknown dataset. The CLI
 * maps it to exit status 2 (bad usage); in AWS it fails the object's ingestion like any error.
 */
export class CoverageDeclarationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CoverageDeclarationError';
  }
}
