/**
 * A SQL `let`: `body` with `name` bound to the value of `expression`, evaluated once per row, by a
 * DuckDB lambda over a one-element list. A twin whose folded text (half-width, JavaScript upper case,
 * spaces removed) appears in every check binds it once, so the expression does not repeat the fold
 * (tens of kilobytes each) and DuckDB binds the query in a fraction of the time. `name` must be a
 * plain identifier no input column or enclosing lambda uses; `body` may still refer to the columns
 * and lambda parameters around it (DuckDB lambdas capture them).
 */
export function sqlLet(expression: string, name: string, body: string): string {
  return `list_transform([${expression}], ${name} -> ${body})[1]`;
}
