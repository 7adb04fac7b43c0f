/** HTTPS sources: streamed to disk under their file name, refused when not HTTPS, too large or failing. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadSource } from '../../../etl/aws/download-source.ts';
import { tempDir } from '../../support/temp-dir.ts';

const respond = (body: string, init: ResponseInit = {}, url = '') =>
  (async () => Object.defineProperty(new Response(body, init), 'url', { value: url })) as unknown as typeof fetch;

describe('downloadSource', () => {
  it('writes the body to a file named after the URL path, without the query', async () => {
    const dir = await tempDir('download');
    const result = await downloadSource({ url: 'https://data.example.gov.cn/x/%E4%B8%93%E5%88%A9.csv?token=s', dir, maxBytes: 100, timeoutMs: 1000, fetch: respond('a,b\n1,2\n') });
    expect(result).toEqual({ filePath: path.join(dir, '专利.csv'), bytes: 8 });
    expect(await readFile(result.filePath, 'utf8')).toBe('a,b\n1,2\n');
  });

  it.each([
    ['http://data.example.gov.cn/a.csv', respond(''), 'source URL http://data.example.gov.cn/a.csv must use https, got http'],
    ['https://user:pw@data.example.gov.cn/a.csv', respond(''), 'source URL data.example.gov.cn/a.csv must not carry credentials'],
    ['https://data.example.gov.cn/', respond(''), 'source URL https://data.example.gov.cn/ names no file'],
    ['https://data.example.gov.cn/a.csv', respond('x', { status: 404, statusText: 'Not Found' }), 'source https://data.example.gov.cn/a.csv: HTTP 404 Not Found'],
    ['https://data.example.gov.cn/a.csv', respond('x'.repeat(11), { headers: { 'content-length': '11' } }), 'source https://data.example.gov.cn/a.csv: 11 bytes, more than the limit of 10'],
    ['https://data.example.gov.cn/a.csv', respond('x'.repeat(11)), 'source https://data.example.gov.cn/a.csv: more than the limit of 10 bytes'],
    ['https://data.example.gov.cn/a.csv', respond('x', {}, 'http://mirror.example.com/a.csv'), 'source https://data.example.gov.cn/a.csv: redirected to a non-HTTPS location http://mirror.example.com'],
  ])('refuses %s (%#)', async (url, fetchStub, message) => {
    const dir = await tempDir('download-refused');
    await expect(downloadSource({ url, dir, maxBytes: 10, timeoutMs: 1000, fetch: fetchStub })).rejects.toThrow(message);
  });
});
