/** The text of one entry of a ZIP archive (an .xlsx), for asserting on parts exceljs does not read back (cell notes). */
import { inflateRawSync } from 'node:zlib';

export function zipEntryText(zip: Uint8Array, name: string): string | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let offset = zip.byteLength - 22;
  while (offset >= 0 && view.getUint32(offset, true) !== 0x06054b50) offset--;
  if (offset < 0) throw new Error('not a zip archive');
  const entries = view.getUint16(offset + 10, true);
  let entry = view.getUint32(offset + 16, true);
  for (let index = 0; index < entries; index++) {
    const method = view.getUint16(entry + 10, true);
    const compressedSize = view.getUint32(entry + 20, true);
    const nameLength = view.getUint16(entry + 28, true);
    const local = view.getUint32(entry + 42, true);
    const entryName = Buffer.from(zip.subarray(entry + 46, entry + 46 + nameLength)).toString('utf8');
    if (entryName === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = zip.subarray(start, start + compressedSize);
      return (method === 0 ? Buffer.from(data) : inflateRawSync(data)).toString('utf8');
    }
    entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return undefined;
}
