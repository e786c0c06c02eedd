import { decodeImportFile, detectFormat, MAX_IMPORT_BYTES } from '../../../src/core/imports';
import { firstInvalidUtf8Offset } from '../../../src/core/imports/readText';

describe('detectFormat', () => {
  it.each([
    ['staff.csv', 'csv'],
    ['STAFF.CSV', 'csv'],
    ['opps.yaml', 'yaml'],
    ['opps.yml', 'yaml'],
    ['/tmp/some dir/opps.JSON', 'json'],
  ])('%s is %s', (fileName, format) => {
    expect(detectFormat(fileName)).toEqual({ format });
  });

  it('refuses spreadsheets with advice', () => {
    expect(detectFormat('/home/admin/Staff list.xlsx')).toEqual({
      problems: [
        'cannot read "Staff list.xlsx": spreadsheet files are not supported; save it as "CSV UTF-8 (Comma delimited)" and import the .csv file',
      ],
    });
  });

  it('refuses unknown extensions', () => {
    expect(detectFormat('staff.txt')).toEqual({
      problems: ['cannot tell the format of "staff.txt": the file name must end in .csv, .yaml, .yml or .json'],
    });
    expect(detectFormat('staff')).toEqual({
      problems: ['cannot tell the format of "staff": the file name must end in .csv, .yaml, .yml or .json'],
    });
  });
});

describe('decodeImportFile', () => {
  it('returns UTF-8 text unchanged', () => {
    expect(decodeImportFile(Buffer.from('email,name\nzoë@example.org,Zoë\n'), 'a.csv')).toEqual({
      text: 'email,name\nzoë@example.org,Zoë\n',
    });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('email,name\n')]);
    expect(decodeImportFile(bytes, 'a.csv')).toEqual({ text: 'email,name\n' });
  });

  it('refuses UTF-16LE with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email,name\n', 'utf16le')]);
    expect(decodeImportFile(bytes, 'staff.csv')).toEqual({
      problems: ['file is not UTF-8 text (looks like UTF-16); save it as CSV UTF-8'],
    });
  });

  it('refuses UTF-16BE with a byte-order mark, and UTF-16 without one', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('email,name\n', 'utf16le').swap16()]);
    expect(decodeImportFile(be, 'staff.csv')).toEqual({
      problems: ['file is not UTF-8 text (looks like UTF-16); save it as CSV UTF-8'],
    });
    expect(decodeImportFile(Buffer.from('email,name\n', 'utf16le'), 'staff.csv')).toEqual({
      problems: ['file is not UTF-8 text (looks like UTF-16); save it as CSV UTF-8'],
    });
  });

  it('refuses UTF-32 and gives YAML/JSON-appropriate advice', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]);
    expect(decodeImportFile(bytes, 'map.yaml')).toEqual({
      problems: ['file is not UTF-8 text (looks like UTF-32); save it with UTF-8 encoding'],
    });
  });

  it('refuses invalid UTF-8 (e.g. Windows-1252) and says where', () => {
    const bytes = Buffer.concat([Buffer.from('email,name\nzoe@example.org,Zo'), Buffer.from([0xeb]), Buffer.from('\n')]);
    expect(decodeImportFile(bytes, 'staff.csv')).toEqual({
      problems: [
        'file is not UTF-8 text (byte 0xEB on line 2 is not valid UTF-8; it may have been saved as Windows-1252/ANSI); save it as CSV UTF-8',
      ],
    });
  });

  it('refuses an Excel workbook renamed to .csv', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(decodeImportFile(bytes, 'staff.csv')).toEqual({
      problems: ['file is not text (it looks like an Excel workbook or another zip file); save it as "CSV UTF-8 (Comma delimited)"'],
    });
  });

  it('refuses binary content', () => {
    const bytes = Buffer.concat([Buffer.from('a'.repeat(100)), Buffer.from([0x00])]);
    expect(decodeImportFile(bytes, 'staff.csv')).toEqual({ problems: ['file is not text (it contains NUL bytes)'] });
  });

  it('refuses empty and whitespace-only files', () => {
    expect(decodeImportFile(Buffer.alloc(0), 'a.csv')).toEqual({ problems: ['file is empty'] });
    expect(decodeImportFile(Buffer.from(' \r\n\t\n'), 'a.csv')).toEqual({ problems: ['file is empty'] });
    expect(decodeImportFile(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), 'a.csv')).toEqual({ problems: ['file is empty'] });
  });

  it('refuses files over 5 MB', () => {
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    expect(decodeImportFile(Buffer.alloc(MAX_IMPORT_BYTES, 0x61), 'a.csv')).toEqual({ text: 'a'.repeat(MAX_IMPORT_BYTES) });
    expect(decodeImportFile(Buffer.alloc(MAX_IMPORT_BYTES + 200 * 1024, 0x61), 'a.csv')).toEqual({
      problems: ['file is too large (5.2 MB); the limit is 5 MB'],
    });
  });

  it('accepts a custom size limit', () => {
    expect(decodeImportFile(Buffer.from('abcdef'), 'a.csv', { maxBytes: 3 })).toEqual({
      problems: ['file is too large (6 bytes); the limit is 3 bytes'],
    });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('agrees with a strict UTF-8 decoder on random input', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const samples = ['a', 'é', '€', '𝄞', 'ſ'].map((s) => [...Buffer.from(s)]);
    for (let run = 0; run < 3000; run += 1) {
      const bytes: number[] = [];
      const length = Math.floor(random() * 8);
      for (let i = 0; i < length; i += 1) {
        if (random() < 0.5) bytes.push(...(samples[Math.floor(random() * samples.length)] as number[]));
        else bytes.push(Math.floor(random() * 256));
      }
      const buffer = Uint8Array.from(bytes);
      let valid = true;
      try {
        decoder.decode(buffer);
      } catch {
        valid = false;
      }
      expect([bytes, firstInvalidUtf8Offset(buffer) === -1]).toEqual([bytes, valid]);
    }
  });
});
