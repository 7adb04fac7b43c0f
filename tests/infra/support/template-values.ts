/** Visits every value of a template JSON with its path, to find principals, ARNs and domains wherever they are written. */
export type JsonPath = readonly (string | number)[];

/** `visit` returns 'skip' to leave the value's children unvisited. */
export function visitValues(value: unknown, visit: (path: JsonPath, value: unknown) => 'skip' | void, path: JsonPath = []): void {
  if (visit(path, value) === 'skip') return;
  if (Array.isArray(value)) value.forEach((item, index) => visitValues(item, visit, [...path, index]));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visitValues(item, visit, [...path, key]);
}

/** The service principals named anywhere: `Principal: { Service: … }` and a Lambda permission's `Principal: "<service>.amazonaws.com"`. */
export function servicePrincipalValues(template: unknown): { path: JsonPath; value: unknown }[] {
  const found: { path: JsonPath; value: unknown }[] = [];
  visitValues(template, (path, value) => {
    if (path[path.length - 1] !== 'Principal') return;
    if (typeof value === 'string' && value.includes('.')) found.push({ path, value });
    else if (value !== null && typeof value === 'object' && 'Service' in value) {
      const services = (value as { Service: unknown }).Service;
      for (const service of Array.isArray(services) ? services : [services]) found.push({ path: [...path, 'Service'], value: service });
    }
  });
  return found;
}
