import { parseStaffDirectory } from '../../../src/core/imports';
import { asUkOrIsoDate } from '../../../src/core/imports/fields';
import { testMap, textFile } from './helpers';

const header = 'email,name,pathway,stage';

describe('asUkOrIsoDate', () => {
  it.each([
    ['15/03/2027', '2027-03-15'],
    ['2027-03-15', '2027-03-15'],
    ['1/9/2027', '2027-09-01'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(asUkOrIsoDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31/02/2027', '"31/02/2027" is not a real calendar date'],
    ['29/02/2027', '"29/02/2027" is not a real calendar date'],
    ['2027-02-30', '"2027-02-30" is not a real calendar date'],
    ['15/03/27', '"15/03/27" is ambiguous: write the year in full (use 15/03/2027 (day/month/year) or 2027-03-15)'],
    ['03/15/2027', '"03/15/2027" looks like month/day/year; dates are read day first (use 15/03/2027 (day/month/year) or 2027-03-15)'],
    ['15 March 2027', '"15 March 2027" is not a date (use 15/03/2027 (day/month/year) or 2027-03-15)'],
    ['32/13/2027', '"32/13/2027" is not a real calendar date'],
  ])('refuses %s', (text, problem) => {
    expect(asUkOrIsoDate(text)).toEqual({ ok: false, problem });
  });
});

describe('staff directory from an HR export', () => {
  it('stores a role or job title column as the job title, never as admin rights', () => {
    const csv = `${header},Role\na@x.org,Ann,teaching,ect,Year 2 teacher\nb@x.org,Bob,teaching-assistant,hlta,HLTA\nc@x.org,Cy,teaching,ect,admin\n`;
    const result = parseStaffDirectory(textFile('s.csv', csv), testMap);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.staff.map((row) => row.jobTitle)).toEqual(['Year 2 teacher', 'HLTA', 'admin']);
    for (const row of result.staff) expect(row).not.toHaveProperty('role');
  });

  it('reads a "Job Title" column, preferring it to a role column', () => {
    const csv = `${header},Job Title,role\na@x.org,Ann,teaching,ect,Head of English,Teacher\n`;
    const result = parseStaffDirectory(textFile('s.csv', csv), testMap);
    expect(result.ok && result.staff[0]?.jobTitle).toBe('Head of English');
  });

  it('reads UK dates and reports ambiguous or impossible ones with row and field', () => {
    const csv =
      `${header},Next Discussion\n` +
      'a@x.org,Ann,teaching,ect,15/03/2027\n' +
      'b@x.org,Bob,teaching,ect,2027-03-15\n' +
      'c@x.org,Cy,teaching,ect,31/02/2027\n' +
      'd@x.org,Di,teaching,ect,5/3/27\n';
    const result = parseStaffDirectory(textFile('s.csv', csv), testMap);
    expect(result).toEqual({
      ok: false,
      problems: [
        'row 4, Next Discussion: "31/02/2027" is not a real calendar date',
        'row 5, Next Discussion: "5/3/27" is ambiguous: write the year in full (use 15/03/2027 (day/month/year) or 2027-03-15)',
      ],
    });
    const good = parseStaffDirectory(textFile('s.csv', csv.split('\n').slice(0, 3).join('\n')), testMap);
    expect(good.ok && good.staff.map((row) => row.nextDiscussion)).toEqual(['2027-03-15', '2027-03-15']);
  });

  it('reports an over-long job title under the column the file used', () => {
    const csv = `${header},role\na@x.org,Ann,teaching,ect,${'x'.repeat(151)}\n`;
    const result = parseStaffDirectory(textFile('s.csv', csv), testMap);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^row 2, role: /);
  });
});
