import { parseCareerMap, parseOpportunities, parseStaffDirectory } from '../../../src/core/imports';
import { testMap, textFile } from '../imports/helpers';

const HEADER = 'id,title,summary,pathways,stages,scope,kind,entitlement';

describe('ranking fields in imports', () => {
  it('reads priority, recurs, for_new_starters and required_for from a CSV', () => {
    const csv = `${HEADER},priority,recurs,for_new_starters,required_for
senco,NPQ for SENCOs,The SENCO qualification.,teaching,middle-leader,national,qualification,optional,20,,no,SENCO;SENDCo
review,Annual review,Look back on the year.,teaching,ect,self,reading,universal,,annual,,
welcome,Welcome programme,For people who have just joined.,teaching,ect,trust,programme,universal,-5,,yes,
`;
    const result = parseOpportunities(textFile('opportunities.csv', csv), testMap);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.opportunities[0]).toMatchObject({ id: 'senco', priority: 20, forNewStarters: false, requiredFor: ['SENCO', 'SENDCo'] });
    expect(result.opportunities[1]).toMatchObject({ id: 'review', recurs: 'annual' });
    expect(result.opportunities[2]).toMatchObject({ id: 'welcome', priority: -5, forNewStarters: true });
  });

  it('names the row and field when a ranking field is wrong', () => {
    const csv = `${HEADER},priority,recurs,for_new_starters
a,A,Summary.,teaching,ect,self,reading,optional,1.5,weekly,maybe
`;
    const result = parseOpportunities(textFile('opportunities.csv', csv), testMap);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toMatch(/priority/);
    expect(text).toMatch(/recurs/);
    expect(text).toMatch(/for_new_starters.*yes or no/);
  });

  it('reads a job title and start date from a staff directory ("Job Title", "start_date")', () => {
    const csv = `email,name,pathway,stage,Job Title,start_date
jo@school.org,Jo,teaching,middle-leader,Trust SENCO,2026-09-01
`;
    const result = parseStaffDirectory(textFile('staff.csv', csv), testMap);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.staff[0]).toMatchObject({ jobTitle: 'Trust SENCO', startDate: '2026-09-01' });
  });

  it('checks `next` links in an imported career map', () => {
    const yaml = `pathways:
  - id: a
    name: A
    summary: Pathway A.
    stages:
      - id: one
        name: One
        summary: First.
        next: [{ pathway: b, stage: nowhere }]
`;
    const result = parseCareerMap(textFile('map.yaml', yaml));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/pathways\[0\]\.stages\[0\]\.next\[0\].*not a stage of pathway "b"/);
  });
});
