import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from './csv.js';

describe('CSV', () => {
  it('leaves plain fields alone and numbers as they are', () => {
    expect(csvField('Ana Villanueva')).toBe('Ana Villanueva');
    expect(csvField('3/5')).toBe('3/5');
    expect(csvField('2026-11-28')).toBe('2026-11-28');
    expect(csvField(0)).toBe('0');
    expect(csvField(-1)).toBe('-1');
    expect(csvField('')).toBe('');
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling the quotes (RFC 4180)', () => {
    expect(csvField('Santos, Maria')).toBe('"Santos, Maria"');
    expect(csvField('Maria "Mia" Santos')).toBe('"Maria ""Mia"" Santos"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('"')).toBe('""""');
  });

  it('keeps a spreadsheet from reading a cell as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+63 917 000 0000')).toBe("'+63 917 000 0000");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=cmd')).toBe("'\t=cmd");
    expect(csvField('\r=cmd')).toBe(`"'\r=cmd"`);
    // Guarded and quoted: the apostrophe goes inside the quotes.
    expect(csvField('=HYPERLINK("http://evil.example","Click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    // Only the first character counts.
    expect(csvField('Ana = mentor')).toBe('Ana = mentor');
    expect(csvField("O'Brien")).toBe("O'Brien");
  });

  it('writes a BOM, then every row ended by CRLF', () => {
    const csv = toCsv([['Mentor', 'Mentee'], ['Ana', 'Santos, Maria'], ['=x', 2]]);
    expect(csv).toBe(`${BOM}Mentor,Mentee\r\nAna,"Santos, Maria"\r\n'=x,2\r\n`);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(toCsv([])).toBe(BOM);
  });
});
