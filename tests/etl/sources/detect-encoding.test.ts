import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../etl/sources/detect-encoding.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

describe('detectEncoding', () => {
  it('takes valid UTF-8 as UTF-8', () => {
    expect(detectEncoding(utf8('申请号,专利类型\n201710601862.3,发明\n'), true)).toBe('utf-8');
  });

  it('takes a UTF-8 BOM as UTF-8', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\n')]), true)).toBe('utf-8');
  });

  it('takes GBK text as GB18030', () => {
    expect(detectEncoding(gbk('申请号,专利类型,申请人\n'), true)).toBe('gb18030');
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(detectEncoding(utf8('event_id,application_no\n'), true)).toBe('utf-8');
  });

  it('ignores a UTF-8 character cut off at the end of a partial sample', () => {
    const bytes = utf8('名称,专利');
    const cut = bytes.subarray(0, bytes.length - 1); // the last character loses its final byte
    expect(detectEncoding(cut, false)).toBe('utf-8');
  });

  it('does not excuse a cut-off character when the sample is the whole file', () => {
    const bytes = utf8('名称,专利');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), true)).toBe('gb18030');
  });

  it('takes a UTF-16 byte order mark as UTF-16 of that byte order', () => {
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), true)).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x61]), true)).toBe('utf-16be');
  });
});
