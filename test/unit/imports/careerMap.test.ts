import { parseCareerMap } from '../../../src/core/imports';
import { fixture, textFile } from './helpers';

function problemsOf(result: ReturnType<typeof parseCareerMap>): string[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const stage = (id: string): Record<string, string> => ({ id, name: id, summary: `${id} stage` });

describe('parseCareerMap', () => {
  it('reads a YAML career map and applies schema defaults', () => {
    const result = parseCareerMap(fixture('career-map-good.yaml'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.cpdEntitlementDays).toBe(5);
    expect(result.map.pathways.map((p) => [p.id, p.stages.map((s) => s.id)])).toEqual([
      ['teaching', ['ect', 'middle-leader']],
      ['teaching-assistant', ['ta', 'hlta']],
    ]);
    expect(result.map.pathways[0]?.stages[0]).toMatchObject({ roles: [], reading: [] });
  });

  it('reads a JSON career map', () => {
    const json = JSON.stringify({ pathways: [{ id: 'teaching', name: 'Teaching', summary: 'Teachers.', stages: [stage('ect')] }], cpdEntitlementDays: 3 });
    const result = parseCareerMap(textFile('map.json', json));
    expect(result.ok && result.map.cpdEntitlementDays).toBe(3);
  });

  it('renders issue paths readably', () => {
    expect(problemsOf(parseCareerMap(fixture('career-map-bad.yaml')))).toEqual([
      'pathways[1].stages[2].id: "Senior TA" must be lower-case letters, digits and hyphens (e.g. "middle-leader")',
      'pathways[1].stages[2].summary: is required',
      'cpdEntitlementDays: must be a number (got text)',
    ]);
  });

  it('reports duplicate stage ids (from the schema) and duplicate pathway ids', () => {
    const dupStage = { pathways: [{ id: 'teaching', name: 'T', summary: 'T.', stages: [stage('ect'), stage('ect')] }] };
    expect(problemsOf(parseCareerMap(textFile('map.json', JSON.stringify(dupStage))))).toEqual([
      'pathways[0].stages[1].id: duplicate stage id "ect"',
    ]);
    const dupPathway = {
      pathways: [
        { id: 'teaching', name: 'T', summary: 'T.', stages: [stage('ect')] },
        { id: 'teaching', name: 'T2', summary: 'T2.', stages: [stage('ta')] },
      ],
    };
    expect(problemsOf(parseCareerMap(textFile('map.json', JSON.stringify(dupPathway))))).toEqual([
      'pathways[1].id: duplicate pathway id "teaching" (first at pathways[0])',
    ]);
  });

  it('explains the expected shape', () => {
    expect(problemsOf(parseCareerMap(textFile('map.yaml', 'pathways: []\n')))).toEqual(['pathways: must list at least 1 item']);
    expect(problemsOf(parseCareerMap(textFile('map.yaml', 'cpdEntitlementDays: 5\n')))).toEqual(['pathways: is required']);
    expect(problemsOf(parseCareerMap(textFile('map.yaml', '- teaching\n')))).toEqual([
      'expected a career map: a set of fields with a "pathways" list (got a list)',
    ]);
  });

  it('refuses CSV, other formats, bad encodings and syntax errors', () => {
    expect(problemsOf(parseCareerMap(textFile('map.csv', 'id,name\n')))).toEqual([
      'a career map cannot be imported from CSV; use a YAML (.yaml/.yml) or JSON (.json) file',
    ]);
    expect(problemsOf(parseCareerMap(textFile('map.txt', 'x')))).toEqual([
      'cannot tell the format of "map.txt": the file name must end in .csv, .yaml, .yml or .json',
    ]);
    const utf16 = { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('pathways: []', 'utf16le')]), fileName: 'map.yaml' };
    expect(problemsOf(parseCareerMap(utf16))).toEqual(['file is not UTF-8 text (looks like UTF-16); save it with UTF-8 encoding']);
    expect(problemsOf(parseCareerMap(textFile('map.yaml', '# empty\n')))).toEqual(['file is empty']);
    expect(problemsOf(parseCareerMap(textFile('map.yaml', 'pathways:\n  - id: a\n  id: b\n')))).toEqual([
      'YAML syntax error at line 3, column 1: All mapping items must start at the same column',
    ]);
  });
});
