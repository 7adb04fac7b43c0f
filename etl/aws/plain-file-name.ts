/** A source's file name from a key or URL, checked to be a bare name: it becomes a path under the work folder. */
export function plainFileName(name: string): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\') || name.includes('\0')) {
    throw new RangeError(`source file name ${JSON.stringify(name)} is not a plain file name`);
  }
  return name;
}

/** The last segment of an object key. */
export function fileNameOfKey(key: string): string {
  return plainFileName(key.slice(key.lastIndexOf('/') + 1));
}
