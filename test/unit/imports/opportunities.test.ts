import { parseOpportunities } from '../../../src/core/imports';
import { fixture, OPPORTUNITY_HEADER, testMap, textFile } from './helpers';

function problemsOf(result: ReturnType<typeof parseOpportunities>): string[] {
  if (result.ok) throw new Error(`expected problems, got ${result.opportunities.length} opportunities`);
  return result.problems;
}

describe('parseOpportunities: good files', () => {
  it('reads a CSV with ;-separated lists, ignoring extra columns and blank lines', () => {
    const result = parseOpportunities(fixture('opportunities-good.csv'), testMap);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.opportunities).toHaveLength(3);
    expect(result.opportunities[0]).toEqual({
      id: 'npqlt',
      title: 'NPQ in Leading Teaching',
      summary: 'Build expertise in leading teaching, subject and phase.',
      pathways: ['teaching'],
      stages: ['ect', 'middle-leader'],
      scope: 'national',
      kind: 'qualification',
      entitlement: 'optional',
      provider: 'DfE-accredited provider',
      url: 'https://example.org/npqlt',
      closes: '2026-03-31',
      tags: ['npq', 'leadership'],
    });
    expect(result.opportunities[1]).toMatchObject({ id: 'ta-network', stages: ['ta', 'hlta'], tags: ['network'] });
    expect(result.opportunities[1]).not.toHaveProperty('notes');
    // A cross-pathway opportunity: the stage only needs to exist in one of its pathways.
    expect(result.opportunities[2]).toMatchObject({
      id: 'shadow-hlta',
      pathways: ['teaching-assistant', 'teaching'],
      stages: ['hlta'],
      tags: [],
    });
  });

  it('reads YAML lists and ;-separated strings, with an owner and a duration', () => {
    const result = parseOpportunities(fixture('opportunities-good.yaml'), testMap);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.opportunities.map((o) => [o.id, o.pathways, o.stages])).toEqual([
      ['npqlt', ['teaching'], ['ect', 'middle-leader']],
      ['hlta-route', ['teaching-assistant'], ['ta', 'hlta']],
    ]);
    expect(result.opportunities[0]).toMatchObject({ closes: '2026-03-31', durationDays: 6, tags: ['npq', 'leadership'] });
    expect(result.opportunities[1]?.owner).toEqual({ name: 'Priya Shah', email: 'priya.shah@example.org' });
  });

  it('reads a JSON object with an "opportunities" key and owner_email/owner_name', () => {
    const result = parseOpportunities(fixture('opportunities-good.json'), testMap);
    expect(result).toEqual({
      ok: true,
      opportunities: [
        {
          id: 'coaching-circle',
          title: 'Coaching circle',
          summary: 'Monthly peer coaching for middle leaders.',
          pathways: ['teaching'],
          stages: ['middle-leader'],
          scope: 'school',
          kind: 'coaching',
          entitlement: 'universal',
          tags: [],
          owner: { name: 'Sam Lee', email: 'coach@example.org' },
        },
      ],
    });
  });

  it('accepts enum values and ids in any case, and a duration in a CSV column', () => {
    const csv = `${OPPORTUNITY_HEADER},Duration Days\nvisit,Visit,Visit a school.,Teaching,ECT,Trust,Visit,Optional,0.5\n`;
    const result = parseOpportunities(textFile('o.csv', csv), testMap);
    expect(result.ok && result.opportunities[0]).toMatchObject({
      pathways: ['teaching'],
      stages: ['ect'],
      scope: 'trust',
      kind: 'visit',
      entitlement: 'optional',
      durationDays: 0.5,
    });
  });
});

describe('parseOpportunities: problems', () => {
  it('reports every problem in a bad file, with row numbers counting the header as row 1', () => {
    expect(problemsOf(parseOpportunities(fixture('opportunities-bad.csv'), testMap))).toEqual([
      'row 3, scope: "regional" is not allowed; use one of self, school, trust, national',
      'row 4, pathways: unknown pathway "teachin" (known: teaching, teaching-assistant)',
      'row 5, stages: stage "hlta" is not a stage of teaching (allowed: ect, middle-leader)',
      'row 6, id: "Bad Id" must be lower-case letters, digits and hyphens (e.g. "middle-leader")',
      'row 6, title: is required',
      'row 6, kind: "webinar" is not allowed; use one of course, qualification, programme, network, shadowing, placement, secondment, visit, informal-role, project, research, coaching, mentoring, reading, apprenticeship, bursary, event',
      'row 6, entitlement: "sometimes" is not allowed; use one of universal, optional',
      'row 6, url: "ftp://example.org" must be a web address starting with https:// or http://',
      'row 6, closes: "31/03/2026" must be a date in the form YYYY-MM-DD',
      'row 7, closes: "2026-02-30" is not a real calendar date',
      'row 8 has 4 columns, header has 10',
      'row 9, id: duplicate id "npqh" (first seen in row 2)',
    ]);
  });

  it('reports missing columns once and nothing else', () => {
    expect(problemsOf(parseOpportunities(fixture('opportunities-missing-column.csv'), testMap))).toEqual([
      'missing column: summary',
      'missing column: entitlement',
    ]);
  });

  it('treats a header-only CSV as a problem', () => {
    expect(problemsOf(parseOpportunities(fixture('opportunities-header-only.csv'), testMap))).toEqual([
      'no rows: the file has a header row but no data rows',
    ]);
  });

  it('reports an empty file and a wrongly encoded file', () => {
    expect(problemsOf(parseOpportunities(textFile('o.csv', '\n\n'), testMap))).toEqual(['file is empty']);
    const utf16 = { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OPPORTUNITY_HEADER, 'utf16le')]), fileName: 'o.csv' };
    expect(problemsOf(parseOpportunities(utf16, testMap))).toEqual([
      'file is not UTF-8 text (looks like UTF-16); save it as CSV UTF-8',
    ]);
  });

  it('checks each stage against the listed pathways only', () => {
    const csv = `${OPPORTUNITY_HEADER}\nx,X,X.,teaching;teachin,ta;ect;nope,self,course,optional\n`;
    expect(problemsOf(parseOpportunities(textFile('o.csv', csv), testMap))).toEqual([
      'row 2, pathways: unknown pathway "teachin" (known: teaching, teaching-assistant)',
      'row 2, stages: stage "ta" is not a stage of teaching (allowed: ect, middle-leader)',
      'row 2, stages: stage "nope" is not a stage of teaching (allowed: ect, middle-leader)',
    ]);
    const multi = `${OPPORTUNITY_HEADER}\nx,X,X.,teaching;teaching-assistant,nope,self,course,optional\n`;
    expect(problemsOf(parseOpportunities(textFile('o.csv', multi), testMap))).toEqual([
      'row 2, stages: stage "nope" is not a stage of teaching or teaching-assistant (allowed: ect, middle-leader, ta, hlta)',
    ]);
  });

  it('reports problems in YAML items with item numbers and the key as written', () => {
    const yaml = [
      '- id: ok-one',
      '  title: Fine',
      '  summary: Fine.',
      '  pathways: [teaching]',
      '  stages: [ect]',
      '  scope: self',
      '  kind: reading',
      '  entitlement: optional',
      '- ID: second',
      '  title: [not, text]',
      '  summary: Second.',
      '  pathways: {teaching: true}',
      '  stages: []',
      '  scope: regional',
      '  kind: reading',
      '  entitlement: universal',
      '  owner: {name: Jo}',
      '  Duration_Days: two',
      '- 42',
      '- id: ok-one',
      '  title: Again',
      '  summary: Again.',
      '  pathways: teaching',
      '  stages: ect',
      '  scope: self',
      '  kind: reading',
      '  entitlement: optional',
      '  url: not a url',
      '',
    ].join('\n');
    expect(problemsOf(parseOpportunities(textFile('o.yaml', yaml), testMap))).toEqual([
      'item 2, title: must be text (got a list)',
      'item 2, pathways: must be a list or ";"-separated text (got a set of fields)',
      'item 2, stages: must list at least 1 item',
      'item 2, scope: "regional" is not allowed; use one of self, school, trust, national',
      'item 2, owner.email: needs an email',
      'item 2, Duration_Days: "two" must be a number (a number of days, e.g. 2 or 0.5)',
      'item 3: expected a set of fields (such as id, title), got a number',
      'item 4, id: duplicate id "ok-one" (first seen in item 1)',
      'item 4, url: "not a url" must be a web address starting with https:// or http://',
    ]);
  });

  it('validates owner emails and lengths through the shared schema', () => {
    const csv = `${OPPORTUNITY_HEADER},owner_email,owner_name\nx,${'T'.repeat(151)},X.,teaching,ect,self,course,optional,jo@,Jo\ny,Y,Y.,teaching,ect,self,course,optional,,Jo\n`;
    expect(problemsOf(parseOpportunities(textFile('o.csv', csv), testMap))).toEqual([
      'row 2, title: must be at most 150 characters (it has 151)',
      'row 2, owner_email: "jo@" is not a valid email address',
      'row 3, owner_name: is given without an owner email; add the owner_email column',
    ]);
  });

  it('reads a JSON syntax error as one problem', () => {
    expect(problemsOf(parseOpportunities(textFile('o.json', '{"opportunities": [}'), testMap))).toEqual([
      expect.stringMatching(/^JSON syntax error at line 1, column 20: /),
    ]);
  });

  it('reports every row of a large bad file, capped at 200 lines plus a summary', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `opp-${i},T,S.,teaching,ect,regional,course,optional`);
    const problems = problemsOf(parseOpportunities(textFile('o.csv', `${OPPORTUNITY_HEADER}\n${rows.join('\n')}\n`), testMap));
    expect(problems).toHaveLength(201);
    expect(problems[0]).toBe('row 2, scope: "regional" is not allowed; use one of self, school, trust, national');
    expect(problems[199]).toBe('row 201, scope: "regional" is not allowed; use one of self, school, trust, national');
    expect(problems[200]).toBe('…and 50 more problems');
  });
});
