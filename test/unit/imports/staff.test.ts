import { parseStaffDirectory, staffImportRowSchema } from '../../../src/core/imports';
import { fixture, testMap, textFile } from './helpers';

function problemsOf(result: ReturnType<typeof parseStaffDirectory>): string[] {
  if (result.ok) throw new Error(`expected problems, got ${result.staff.length} rows`);
  return result.problems;
}

describe('parseStaffDirectory', () => {
  it('reads a CSV with headers in any case/spelling, lower-casing emails and reading a role column as the job title', () => {
    expect(parseStaffDirectory(fixture('staff-good.csv'), testMap)).toEqual({
      ok: true,
      staff: [
        {
          email: 'ada.lovelace@example.org',
          name: 'Ada Lovelace',
          pathway: 'teaching',
          stage: 'middle-leader',
          school: 'Hilltop Primary',
          managerEmail: 'head@example.org',
          nextDiscussion: '2026-01-15',
          jobTitle: 'Admin',
        },
        {
          email: 'grace@example.org',
          name: 'Grace Hopper',
          pathway: 'teaching-assistant',
          stage: 'hlta',
          school: 'Hilltop Primary',
          managerEmail: 'ada.lovelace@example.org',
        },
        { email: 'alan@example.org', name: 'Alan Turing', pathway: 'teaching', stage: 'ect', jobTitle: 'staff' },
      ],
    });
  });

  it.each(['managerEmail', 'manageremail', 'manager_email', 'Manager Email'])('accepts a %s column', (header) => {
    const csv = `email,name,pathway,stage,${header}\na@x.org,Ann,teaching,ect,B@X.org\n`;
    const result = parseStaffDirectory(textFile('s.csv', csv), testMap);
    expect(result.ok && result.staff[0]?.managerEmail).toBe('b@x.org');
  });

  it('reads JSON with a "staff" key', () => {
    const result = parseStaffDirectory(fixture('staff.json'), testMap);
    expect(result.ok && result.staff).toEqual([
      {
        email: 'kit@example.org',
        name: 'Kit Marlowe',
        pathway: 'teaching-assistant',
        stage: 'ta',
        managerEmail: 'ada@example.org',
      },
      {
        email: 'ada@example.org',
        name: 'Ada Lovelace',
        pathway: 'teaching',
        stage: 'middle-leader',
        nextDiscussion: '2026-02-01',
        jobTitle: 'admin',
      },
    ]);
  });

  it('reports every problem with its row and field', () => {
    expect(problemsOf(parseStaffDirectory(fixture('staff-bad.csv'), testMap))).toEqual([
      'row 3, email: duplicate email "ada@example.org" (first seen in row 2)',
      'row 4, stage: stage "hlta" is not a stage of teaching (allowed: ect, middle-leader)',
      'row 5, pathway: unknown pathway "teachin" (known: teaching, teaching-assistant)',
      'row 6, managerEmail: a person cannot be their own manager',
      'row 7, email: "erin@" is not a valid email address',
      'row 7, nextDiscussion: "2026-13-01" is not a real calendar date',
      'row 8, name: is required',
      'row 8, managerEmail: "head@example" is not a valid email address',
      'row 8, nextDiscussion: "01/13/2026" looks like month/day/year; dates are read day first (use 15/03/2027 (day/month/year) or 2027-03-15)',
    ]);
  });

  it('reports missing columns and stops', () => {
    expect(problemsOf(parseStaffDirectory(textFile('s.csv', 'Email,Full name,Pathway\na@x.org,Ann,teaching\n'), testMap))).toEqual([
      'missing column: name',
      'missing column: stage',
    ]);
  });

  it('reports a header-only CSV, an empty file and invalid UTF-8', () => {
    expect(problemsOf(parseStaffDirectory(textFile('s.csv', 'email,name,pathway,stage\n'), testMap))).toEqual([
      'no rows: the file has a header row but no data rows',
    ]);
    expect(problemsOf(parseStaffDirectory(textFile('s.csv', ''), testMap))).toEqual(['file is empty']);
    const latin1 = Buffer.from('email,name,pathway,stage\nzoe@x.org,Zo\xeb,teaching,ect\n', 'latin1');
    expect(problemsOf(parseStaffDirectory({ bytes: latin1, fileName: 's.csv' }, testMap))).toEqual([
      'file is not UTF-8 text (byte 0xEB on line 2 is not valid UTF-8; it may have been saved as Windows-1252/ANSI); save it as CSV UTF-8',
    ]);
  });

  it('reports ragged rows alongside field problems, in row order', () => {
    const csv = 'email,name,pathway,stage\na@x.org,Ann,teaching\nb@x.org,Bob,teaching,hlta\nc@x.org,Cy,teaching,ect,extra\n';
    expect(problemsOf(parseStaffDirectory(textFile('s.csv', csv), testMap))).toEqual([
      'row 2 has 3 columns, header has 4',
      'row 3, stage: stage "hlta" is not a stage of teaching (allowed: ect, middle-leader)',
      'row 4 has 5 columns, header has 4',
    ]);
  });

  it('does not check the stage of an unknown pathway', () => {
    const csv = 'email,name,pathway,stage\na@x.org,Ann,premises,caretaker\n';
    expect(problemsOf(parseStaffDirectory(textFile('s.csv', csv), testMap))).toEqual([
      'row 2, pathway: unknown pathway "premises" (known: teaching, teaching-assistant)',
    ]);
  });

  it('exports a zod schema for a row', () => {
    expect(
      staffImportRowSchema.parse({ email: ' Ann@X.org ', name: 'Ann', pathway: 'teaching', stage: 'ect' }),
    ).toEqual({ email: 'ann@x.org', name: 'Ann', pathway: 'teaching', stage: 'ect' });
    expect(staffImportRowSchema.safeParse({ email: 'ann', name: 'Ann', pathway: 'teaching', stage: 'ect' }).success).toBe(false);
  });
});

describe('parseStaffDirectory size limit', () => {
  it('can be raised or lowered by the caller', () => {
    const csv = 'email,name,pathway,stage\na@x.org,Ann,teaching,ect\n';
    expect(problemsOf(parseStaffDirectory(textFile('s.csv', csv), testMap, { maxBytes: 10 }))).toEqual([
      `file is too large (${Buffer.byteLength(csv)} bytes); the limit is 10 bytes`,
    ]);
    expect(parseStaffDirectory(textFile('s.csv', csv), testMap, { maxBytes: 10 * 1024 * 1024 }).ok).toBe(true);
  });
});
