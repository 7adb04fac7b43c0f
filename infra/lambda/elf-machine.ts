/**
 * The CPU a Linux native file (a Node addon `.node`, a `.so`) is built for, from its ELF header
 * (e_machine, bytes 18–19): how synth and the tests tell an arm64 DuckDB binding from an x64 one
 * without running it.
 */
import { openSync, readSync, closeSync } from 'node:fs';

const E_MACHINES: Readonly<Record<number, string>> = { 3: 'x86', 40: 'ARM', 62: 'x86-64', 183: 'AArch64' };

/** `AArch64`, `x86-64`, … or `e_machine <n>`; throws for a file that is not ELF. */
export function elfMachineOf(filePath: string): string {
  const header = Buffer.alloc(20);
  const fd = openSync(filePath, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read < header.length || header.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${filePath} is not an ELF file (no \\x7fELF header)`);
  // EI_DATA (byte 5): 1 little-endian, 2 big-endian.
  const machine = header[5] === 2 ? header.readUInt16BE(18) : header.readUInt16LE(18);
  return E_MACHINES[machine] ?? `e_machine ${machine}`;
}
