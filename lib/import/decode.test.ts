import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './decode';

const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
  return bytes;
};

describe('decodeCsvBytes', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('Søren,Café'))).toBe('Søren,Café');
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b')]))).toBe('a,b');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode Text")', () => {
    expect(decodeCsvBytes(utf16le('Record ID\tCompany name\r\n9001\tÆther'))).toBe('Record ID\tCompany name\r\n9001\tÆther');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (Salesforce ISO-8859-1 exports)', () => {
    // "José Müller" in Windows-1252; as UTF-8 these bytes are invalid.
    expect(decodeCsvBytes(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe('José Müller');
  });
});
