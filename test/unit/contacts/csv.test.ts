import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContactsCsv, readContactsCsv } from '../../../src/contacts/csv';

const GOOGLE = [
  'First Name,Middle Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value',
  'Zoë,,Müller,ACME,CEO,* Work,zoe@acme.example,Work,+32 2 555 12 34,Mobile,0470 12 34 56 ::: 0470 99 99 99',
  'Jan,,de Vries,,,,,Home Fax,+31 20 555 0101,,',
].join('\n');

const GOOGLE_OLD = [
  'Name,Given Name,Family Name,Organization 1 - Name,Phone 1 - Type,Phone 1 - Value',
  '"Müller, Zoë",Zoë,Müller,ACME,Mobile,+32 470 12 34 56',
].join('\r\n');

const OUTLOOK = [
  'First Name,Middle Name,Last Name,Title,Company,Department,Job Title,Business Phone,Business Phone 2,Home Phone,Mobile Phone,Business Fax,E-mail Address',
  'Zoë,,Müller,,ACME,,,+32 2 555 12 34,,,+32 470 12 34 56,+32 2 555 12 35,zoe@acme.example',
].join('\r\n');

describe('parseContactsCsv', () => {
  it('reads a Google export: labelled numbers, several in one cell', () => {
    const result = parseContactsCsv(GOOGLE);
    expect(result?.skipped).toEqual([]);
    expect(result?.contacts).toMatchObject([
      {
        name: 'Zoë Müller',
        company: 'ACME',
        numbers: [
          { label: 'work', value: '+32 2 555 12 34' },
          { label: 'mobile', value: '0470 12 34 56' },
          { label: 'mobile', value: '0470 99 99 99' },
        ],
      },
      { name: 'Jan de Vries', company: '', numbers: [{ label: 'fax', value: '+31 20 555 0101' }] },
    ]);
  });

  it("reads Google's older export with a full Name column", () => {
    expect(parseContactsCsv(GOOGLE_OLD)?.contacts).toMatchObject([
      { name: 'Müller, Zoë', company: 'ACME', numbers: [{ label: 'mobile', value: '+32 470 12 34 56' }] },
    ]);
  });

  it('reads an Outlook export, the phone kind from the column', () => {
    expect(parseContactsCsv(OUTLOOK)?.contacts).toMatchObject([
      {
        name: 'Zoë Müller',
        company: 'ACME',
        numbers: [
          { label: 'work', value: '+32 2 555 12 34' },
          { label: 'mobile', value: '+32 470 12 34 56' },
          { label: 'fax', value: '+32 2 555 12 35' },
        ],
      },
    ]);
  });

  it('reads semicolons, a byte order mark and a quoted field over two lines', () => {
    const text = '\uFEFFFirst Name;Last Name;Company;Mobile Phone\n"Ann\nMarie";Lee;"A;B";0470 11 22 33\n';
    expect(parseContactsCsv(text)?.contacts).toMatchObject([{ name: 'Ann Marie Lee', company: 'A;B', numbers: [{ label: 'mobile', value: '0470 11 22 33' }] }]);
  });

  it('skips rows without a number and names their lines', () => {
    const text = ['First Name,Last Name,Mobile Phone', 'Ann,Lee,101', '"Multi', 'line",Row,', ',,', 'Bob,,not a number', 'Cid,,102'].join('\n');
    const result = parseContactsCsv(text);
    expect(result?.contacts.map((c) => c.name)).toEqual(['Ann Lee', 'Cid']);
    expect(result?.skipped).toEqual([
      { line: 3, reason: 'no_number' },
      { line: 6, reason: 'no_number' },
    ]);
  });

  it('skips an unterminated quoted row', () => {
    const result = parseContactsCsv('Name,Phone\nAnn,101\n"Bob,102\n');
    expect(result?.contacts.map((c) => c.name)).toEqual(['Ann']);
    expect(result?.skipped).toEqual([{ line: 3, reason: 'malformed_line' }]);
  });

  it.each([['Subject,Start Date\nMeeting,2024-01-01\n'], [''], ['just some words']])('refuses a file that is not a contacts list: %j', (text) => {
    expect(parseContactsCsv(text)).toBeNull();
  });

  it('never throws, and every contact has a name and a number', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('Name', 'Phone', ',', ';', '"', '\n', '\r\n', 'a', '1', '+', ' ', 'é') }), (text) => {
        const result = parseContactsCsv(text);
        for (const c of result?.contacts ?? []) {
          expect(c.name).not.toBe('');
          expect(c.numbers.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('readContactsCsv', () => {
  const everyRow = { due: () => true, pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) };

  it('reads in slices what parseContactsCsv reads at once, pausing after rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('Name', 'Phone', ',', ';', '"', '\n', '\r\n', 'a', '1', '+', ' ', 'é') }), async (text) => {
        expect(await readContactsCsv(text, everyRow, () => undefined)).toEqual(parseContactsCsv(text));
      }),
      { numRuns: 100 },
    );
  });

  it('says how far it has read, in lines of the file', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Person ${i},+32 2 555 ${String(1000 + i)}`);
    const text = ['Name,Phone', ...rows].join('\n');
    const seen: [number, number][] = [];
    const result = await readContactsCsv(text, everyRow, (done, total) => seen.push([done, total]));
    expect(result?.contacts).toHaveLength(50);
    expect(result?.contacts[49]?.name).toBe('Person 49');
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every(([done, total]) => done <= total && total === 51)).toBe(true);
    expect(seen.at(-1)).toEqual([51, 51]);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
  });
});

describe('readContactsCsv, paused on every row', () => {
  it.each([
    ['Name,Phone\nAnn,101\n\nBob,\n"Carol,103\n'],
    ['Name,Phone\r\nAnn,101\r\nBob,"1\r\n02"\r\nDan\r\nEve,105'],
    ['\uFEFFName;Phone\n\n\nAnn;101\nBob;x\n'],
  ])('names skipped lines where they are in the file: %j', async (text) => {
    const result = await readContactsCsv(text, { due: () => true, pause: () => Promise.resolve() }, () => undefined);
    expect(result).toEqual(parseContactsCsv(text));
    expect(result?.skipped.length).toBeGreaterThan(0);
  });
});
