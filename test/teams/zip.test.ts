import { randomBytes } from 'node:crypto';
import { crc32 } from '../../src/teams/crc32';
import { createZip } from '../../src/teams/zip';
import { readZip } from './readZip';

describe('crc32', () => {
  it('matches the standard check value and can be computed in parts', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    expect(crc32(Buffer.from('56789'), crc32(Buffer.from('1234')))).toBe(0xcbf43926);
  });
});

describe('createZip', () => {
  it('writes an archive whose central directory lists every entry, each unpacking to its bytes', () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify({ hello: 'wörld', list: Array(50).fill('repeat') })) },
      { name: 'random.bin', data: randomBytes(2000) },
      { name: 'empty.txt', data: Buffer.alloc(0) },
      { name: 'folder/nested.txt', data: Buffer.from('nested') },
    ];
    const unpacked = readZip(createZip(entries));
    expect(unpacked.map((e) => [e.name, e.data])).toEqual(entries.map((e) => [e.name, e.data]));
    // Compressible text is deflated; random bytes are stored because deflate would only grow them.
    expect(unpacked.find((e) => e.name === 'manifest.json')?.method).toBe(8);
    expect(unpacked.find((e) => e.name === 'random.bin')?.method).toBe(0);
  });

  it('is deterministic: the same entries give the same bytes', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('a') }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });

  it('refuses entry names that would escape the folder it is unpacked into', () => {
    for (const name of ['../evil', '/abs', 'a\\b', '']) {
      expect(() => createZip([{ name, data: Buffer.from('x') }])).toThrow(/unsafe zip entry name/);
    }
  });
});
