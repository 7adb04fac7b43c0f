/**
 * Sets the modification time of every entry of a ZIP archive (an .xlsx) to one fixed instant.
 * exceljs stamps each entry with the time of writing, so two runs on the same report would give
 * different bytes; the report's own time (generated_at) is in docProps/core.xml instead.
 * Patches the DOS time/date fields of the local headers and the central directory in place.
 */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** 1980-01-01 00:00, the earliest DOS date: a constant that says "no meaningful time". */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function withFixedZipTimestamps(zip: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let entry = 0; entry < entries; entry++) {
    if (view.getUint32(offset, true) !== CENTRAL_HEADER) throw new Error(`zip central directory entry ${entry} at byte ${offset} has no header signature`);
    view.setUint16(offset + 12, DOS_TIME, true);
    view.setUint16(offset + 14, DOS_DATE, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (view.getUint32(localOffset, true) !== LOCAL_HEADER) throw new Error(`zip local header of entry ${entry} at byte ${localOffset} has no signature`);
    view.setUint16(localOffset + 10, DOS_TIME, true);
    view.setUint16(localOffset + 12, DOS_DATE, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return bytes;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let offset = view.byteLength - 22; offset >= Math.max(0, view.byteLength - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a zip archive: no end-of-central-directory record');
}
