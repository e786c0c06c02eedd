import { normaliseFieldName, readRecords, type RecordSpec } from '../../../src/core/imports';
import { readImportFile } from '../../../src/core/imports/tabular';
import { textFile } from './helpers';

const spec: RecordSpec = { required: ['email', 'name'], optional: ['managerEmail', 'role'], collection: 'staff' };

describe('normaliseFieldName', () => {
  it.each(['managerEmail', 'manageremail', 'manager_email', ' Manager Email ', 'MANAGER-EMAIL', 'manager.email'])(
    '%s matches managerEmail',
    (name) => {
      expect(normaliseFieldName(name)).toBe(normaliseFieldName('managerEmail'));
    },
  );
});

describe('readRecords: CSV', () => {
  it('matches headers case-insensitively, trims values, ignores extra columns and keeps row numbers', () => {
    const result = readRecords(
      ' EMAIL , Name ,Manager_Email,Shoe size\na@x.org ,  Ann ,, 5\n\n,,,\n"b@x.org","Bob\nSmith",a@x.org,7\nc@x.org,Cy,,\n',
      'csv',
      spec,
    );
    expect(result).toEqual({
      ok: true,
      problems: [],
      records: [
        {
          position: 2,
          location: 'row 2',
          values: { email: 'a@x.org', name: 'Ann' },
          labels: { email: 'EMAIL', name: 'Name', managerEmail: 'Manager_Email' },
        },
        {
          position: 5,
          location: 'row 5',
          values: { email: 'b@x.org', name: 'Bob\nSmith', managerEmail: 'a@x.org' },
          labels: { email: 'EMAIL', name: 'Name', managerEmail: 'Manager_Email' },
        },
        {
          position: 6,
          location: 'row 6',
          values: { email: 'c@x.org', name: 'Cy' },
          labels: { email: 'EMAIL', name: 'Name', managerEmail: 'Manager_Email' },
        },
      ],
    });
  });

  it('reports every missing column once and stops', () => {
    expect(readRecords('role,other\nstaff,1\nadmin,2\n', 'csv', spec)).toEqual({
      ok: false,
      problems: ['missing column: email', 'missing column: name'],
    });
  });

  it('reports a duplicated column', () => {
    expect(readRecords('email,name,Email\na@x.org,Ann,b@x.org\n', 'csv', spec)).toEqual({
      ok: false,
      problems: ['duplicate column: email (columns 1 and 3)'],
    });
  });

  it('hints when the columns are separated by semicolons', () => {
    expect(readRecords('email;name\na@x.org;Ann\n', 'csv', spec)).toEqual({
      ok: false,
      problems: [
        'missing column: email',
        'missing column: name',
        'the columns seem to be separated by ";" — save the file as "CSV UTF-8 (Comma delimited)"',
      ],
    });
  });

  it('reports every ragged row without throwing and still returns the good rows', () => {
    const result = readRecords('email,name\na@x.org,Ann,extra\nb@x.org,Bob\nc@x.org\n', 'csv', spec);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.records.map((record) => record.location)).toEqual(['row 3']);
    expect(result.problems).toEqual([
      { position: 2, message: 'row 2 has 3 columns, header has 2' },
      { position: 4, message: 'row 4 has 1 columns, header has 2' },
    ]);
  });

  it('treats a header-only file as having no rows', () => {
    expect(readRecords('email,name\n\n\n', 'csv', spec)).toEqual({
      ok: false,
      problems: ['no rows: the file has a header row but no data rows'],
    });
  });

  it('reports malformed quoting', () => {
    expect(readRecords('email,name\na@x.org,"Ann\n', 'csv', spec)).toEqual({
      ok: false,
      problems: ['the CSV is malformed: a value starting with a quote (") is never closed; look for a stray quote character'],
    });
    expect(readRecords('email,name\na@x.org,"Ann"x\n', 'csv', spec)).toEqual({
      ok: false,
      problems: [
        'line 2: the CSV is malformed: text follows a closing quote; put the whole value in quotes and double any quote inside it ("")',
      ],
    });
  });

  it('accepts a stray quote inside an unquoted value', () => {
    const result = readRecords('email,name\na@x.org,Ann "Nan" Lee\n', 'csv', spec);
    expect(result.ok && result.records[0]?.values.name).toBe('Ann "Nan" Lee');
  });
});

describe('readRecords: YAML and JSON', () => {
  it('reads a top-level YAML list, matching keys like CSV headers and dropping blanks', () => {
    expect(readRecords('- Email: a@x.org\n  name: Ann\n  manager_email: ~\n  hobby: chess\n', 'yaml', spec)).toEqual({
      ok: true,
      problems: [],
      records: [
        {
          position: 1,
          location: 'item 1',
          values: { email: 'a@x.org', name: 'Ann' },
          labels: { email: 'Email', name: 'name', managerEmail: 'manager_email' },
        },
      ],
    });
  });

  it('reads an object holding the collection list', () => {
    const result = readRecords('{"staff": [{"email": "a@x.org", "name": "Ann"}]}', 'json', spec);
    expect(result.ok && result.records.map((record) => record.values)).toEqual([{ email: 'a@x.org', name: 'Ann' }]);
  });

  it('explains the expected shape', () => {
    expect(readRecords('{"people": []}', 'json', spec)).toEqual({
      ok: false,
      problems: [
        'expected a list of staff: either a list at the top level, or an object with a list under "staff" (found fields: people)',
      ],
    });
    expect(readRecords('"hello"', 'json', spec)).toEqual({
      ok: false,
      problems: ['expected a list of staff: either a list at the top level, or an object with a list under "staff" (got text)'],
    });
    expect(readRecords('staff: nobody\n', 'yaml', spec)).toEqual({
      ok: false,
      problems: ['"staff" must be a list (got text)'],
    });
  });

  it('reports an empty list and a comments-only YAML file', () => {
    expect(readRecords('[]', 'json', spec)).toEqual({ ok: false, problems: ['no items: the list is empty'] });
    expect(readRecords('# nothing yet\n', 'yaml', spec)).toEqual({ ok: false, problems: ['file is empty'] });
  });

  it('reports items that are not objects, and the same field given twice', () => {
    const result = readRecords('- just text\n- email: a@x.org\n  name: Ann\n  managerEmail: b@x.org\n  manager_email: c@x.org\n', 'yaml', spec);
    expect(result).toEqual({
      ok: true,
      records: [],
      problems: [
        { position: 1, message: 'item 1: expected a set of fields (such as email, name), got text' },
        { position: 2, message: 'item 2, manager_email: the same field is also given as "managerEmail"; keep only one' },
      ],
    });
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(readRecords('- email: a@x.org\n  email: b@x.org\n', 'yaml', spec)).toEqual({
      ok: false,
      problems: ['YAML syntax error at line 2, column 3: Map keys must be unique'],
    });
    expect(readRecords('- a: 1\n---\n- b: 2\n', 'yaml', spec)).toEqual({
      ok: false,
      problems: ['YAML syntax error at line 2, column 1: the file holds several YAML documents (---); keep everything in one'],
    });
  });

  it('reports JSON syntax errors with line and column', () => {
    const result = readRecords('[\n  {"email": "a@x.org",\n   "name" "Ann"}\n]', 'json', spec);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.stringMatching(/^JSON syntax error at line 3, column 11: /)]);
  });
});

describe('readImportFile', () => {
  it('combines format detection, decoding and reading', () => {
    expect(readImportFile(textFile('staff.xlsx', 'x'), spec)).toEqual({
      ok: false,
      problems: ['cannot read "staff.xlsx": spreadsheet files are not supported; save it as "CSV UTF-8 (Comma delimited)" and import the .csv file'],
    });
    expect(readImportFile(textFile('staff.csv', ''), spec)).toEqual({ ok: false, problems: ['file is empty'] });
    const bom = { bytes: Buffer.from('\uFEFFemail,name\na@x.org,Ann\n'), fileName: 'staff.csv' };
    const result = readImportFile(bom, spec);
    expect(result.ok && result.records[0]?.labels.email).toBe('email');
  });
});
