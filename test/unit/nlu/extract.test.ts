import { analyse, resolveEntities } from '../../../src/core/nlu/extract';
import { Lexicon } from '../../../src/core/nlu/lexicon';
import { prepareInput } from '../../../src/core/nlu/normalise';
import type { Intent, NluEntities } from '../../../src/core/nlu/types';

const lexicon = new Lexicon();
const referenceDate = new Date('2026-03-18T10:00:00Z');

function entities(text: string, intent: Intent = 'browse'): NluEntities {
  return resolveEntities(analyse(prepareInput(text), { lexicon, referenceDate }), intent);
}

describe('stages and pathways', () => {
  it.each([
    ['how do I become a head of department', 'middle-leader', 'teaching'],
    ['next steps for a HoD', 'middle-leader', 'teaching'],
    ['I am a subject lead', 'middle-leader', 'teaching'],
    ['courses for middle leaders', 'middle-leader', 'teaching'],
    ['heads of year', 'middle-leader', 'teaching'],
    ['head of science', 'middle-leader', 'teaching'],
    ['I was an NQT', 'ect', 'teaching'],
    ['for ECTs', 'ect', 'teaching'],
    ['early career teacher', 'ect', 'teaching'],
    ['deputy head', 'senior-leader', 'teaching'],
    ['assistant head', 'senior-leader', 'teaching'],
    ['for SLT', 'senior-leader', 'teaching'],
    ['new heads', 'headship', 'teaching'],
    ['headteacher', 'headship', 'teaching'],
    ['principal', 'headship', 'teaching'],
    ['executive head', 'headship', 'teaching'],
    ['head of school', 'headship', 'teaching'],
    ['trainee', 'trainee', 'teaching'],
    ['PGCE students', 'trainee', 'teaching'],
    ['student teacher', 'trainee', 'teaching'],
    ['HLTA', 'hlta', 'teaching-assistant'],
    ['higher level teaching assistant', 'hlta', 'teaching-assistant'],
    ['senior TA', 'senior-ta', 'teaching-assistant'],
    ['school business manager', 'business-manager', 'business-operations'],
    ['SBM', 'business-manager', 'business-operations'],
    ['finance director', 'executive-business', 'business-operations'],
    ['office manager', 'senior-officer', 'business-operations'],
    ['TA apprentice', 'apprentice', 'teaching-assistant'],
  ])('%s -> %s / %s', (text, stage, pathway) => {
    expect(entities(text)).toMatchObject({ stage, pathway });
  });

  it('gives only a stage for an apprentice on an unknown pathway', () => {
    expect(entities('what can an apprentice do')).toEqual({ stage: 'apprentice' });
  });

  it('takes the pathway from other words when the stage is shared', () => {
    expect(entities("I'm an apprentice in the school office")).toMatchObject({
      stage: 'apprentice',
      pathway: 'business-operations',
    });
  });

  it('gives only a pathway for office or admin staff', () => {
    expect(entities('courses for office staff')).toEqual({ pathway: 'business-operations', kind: 'course' });
    expect(entities('anything for admin?')).toEqual({ pathway: 'business-operations' });
  });

  it('reads "TA" as a stage only when it is about the role', () => {
    expect(entities('courses for TAs')).toEqual({ pathway: 'teaching-assistant', kind: 'course' });
    expect(entities("I'm a TA")).toEqual({ pathway: 'teaching-assistant', stage: 'ta' });
    expect(entities('next steps for teaching assistants', 'whatNext')).toEqual({ pathway: 'teaching-assistant', stage: 'ta' });
  });

  it('does not read "ta" (thank you) as a teaching assistant', () => {
    expect(entities('ta very much', 'thanks')).toEqual({});
    expect(entities('ta', 'thanks')).toEqual({});
  });

  it('uses the last role mentioned', () => {
    expect(entities("I'm a TA and want to become an HLTA", 'whatNext')).toMatchObject({ stage: 'hlta', pathway: 'teaching-assistant' });
  });

  it('does not read "head office" or "head to" as headship', () => {
    expect(entities('head office courses').stage).toBeUndefined();
    expect(entities('I want to head to the conference').stage).toBeUndefined();
  });
});

describe('scope', () => {
  it.each([
    ['something just for me', 'self'],
    ['self-study options', 'self'],
    ['things I can do on my own', 'self'],
    ['what is on in my school', 'school'],
    ['school-based opportunities', 'school'],
    ['anything trust-wide?', 'trust'],
    ['networks across the trust', 'trust'],
    ['national programmes', 'national'],
    ['what is available nationally', 'national'],
  ])('%s -> %s', (text, scope) => {
    expect(entities(text).scope).toBe(scope);
  });
});

describe('kind', () => {
  it.each([
    ['show me courses', 'course'],
    ['any qualifications?', 'qualification'],
    ['show me NPQs', 'qualification'],
    ['leadership programmes', 'programme'],
    ['networks to join', 'network'],
    ['shadowing opportunities', 'shadowing'],
    ['could I shadow a head', 'shadowing'],
    ['placements', 'placement'],
    ['secondments', 'secondment'],
    ['school visits', 'visit'],
    ['informal roles', 'informal-role'],
    ['a working party', 'informal-role'],
    ['projects', 'project'],
    ['action research', 'research'],
    ['any coaching?', 'coaching'],
    ['find me a mentor', 'mentoring'],
    ['mentoring', 'mentoring'],
    ['books', 'reading'],
    ['what apprenticeships are there', 'apprenticeship'],
    ['any bursaries', 'bursary'],
    ['funding for an NPQ', 'bursary'],
    ['conferences', 'event'],
    ['the coaching programme', 'coaching'],
    ['a course on mentoring', 'course'],
  ])('%s -> %s', (text, kind) => {
    expect(entities(text).kind).toBe(kind);
  });
});

describe('dates, durations and emails', () => {
  it('extracts a date and a duration from one message', () => {
    expect(entities('log 3 hours of safeguarding training yesterday', 'logCpd')).toEqual({
      date: '2026-03-17',
      durationDays: 0.5,
      topic: 'safeguarding',
    });
  });

  it('keeps a date out of the duration ("two weeks ago" is not 10 days)', () => {
    expect(entities('I went on a course two weeks ago', 'logCpd')).toEqual({ kind: 'course', date: '2026-03-04' });
  });

  it('extracts an email address', () => {
    expect(entities('change my manager to x@y.org', 'myManager')).toEqual({ email: 'x@y.org' });
  });
});

describe('topic', () => {
  it.each<[string, Intent, string | undefined]>([
    ['I did a 2-day course on phonics', 'logCpd', 'phonics'],
    ['log 3 hours of safeguarding training', 'logCpd', 'safeguarding'],
    ['I went on a behaviour management course last week', 'logCpd', 'behaviour management'],
    ['tell me more about NPQH', 'opportunityDetails', 'NPQH'],
    ['tell me about the npq for headship', 'opportunityDetails', 'NPQH'],
    ['details of the SENCO NPQ', 'opportunityDetails', 'NPQSENCO'],
    ['what is Chartered Teacher?', 'opportunityDetails', 'Chartered Teacher'],
    ['what is lesson study', 'opportunityDetails', 'lesson study'],
    ['save NPQSL to my plan', 'saveOpportunity', 'NPQSL'],
    ['add the coaching programme to my plan', 'saveOpportunity', 'coaching programme'],
    ['how do I become a head of department?', 'whatNext', 'head of department'],
    ['find me a course on behaviour management', 'browse', 'behaviour management'],
    ['any good books on curriculum design', 'readingList', 'curriculum design'],
    ['courses for TAs', 'browse', undefined],
    ['what is my plan', 'myPlan', undefined],
    ["what's next for me", 'whatNext', undefined],
    ['what is on in my school', 'browse', undefined],
  ])('%s (%s) -> %s', (text, intent, topic) => {
    expect(entities(text, intent).topic).toBe(topic);
  });

  it('gives no topic for intents that do not use one', () => {
    expect(entities('tell me about my data', 'myData').topic).toBeUndefined();
  });
});

describe('classifier text', () => {
  it('replaces roles, named opportunities, dates, durations and emails with placeholders', () => {
    const { classifierText } = analyse(prepareInput('Save NPQH for a deputy head, 2 hours yesterday, x@y.org'), { lexicon, referenceDate });
    expect(classifierText).toBe('save namedopportunity for a roleword durationword dateword emailaddress');
  });
});
