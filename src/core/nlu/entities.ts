/**
 * Entity vocabulary: the words and phrases people use for career-map stages, pathways, scopes,
 * opportunity kinds and well-known named opportunities. Data only; matching lives in extract.ts.
 * Phrases are lower case, words separated by single spaces (hyphens in user text become spaces).
 * A trailing "s", "es" or "'s" on any word is tolerated, so plurals need not be listed.
 */
import type { OpportunityKind, Scope } from '../careerMap/schema';
import { lookupTable } from '../../lib/lookupTable';

export interface StagePhrases {
  stage: string;
  /** Omitted when the stage id exists on more than one pathway (e.g. apprentice). */
  pathway?: string;
  phrases: string[];
}

export interface PathwayPhrases {
  pathway: string;
  /** When the words are about someone's role ("I'm a TA"), this stage applies too. */
  roleStage?: string;
  phrases: string[];
}

export interface NamedOpportunity {
  /** Canonical name reported as the topic. */
  topic: string;
  kind?: OpportunityKind;
  phrases: string[];
}

export const STAGES: readonly StagePhrases[] = [
  {
    stage: 'pre-itt',
    pathway: 'teaching',
    phrases: [
      'pre itt', 'preitt', 'prospective teacher', 'aspiring teacher', 'career changer', 'thinking about teaching',
      'thinking of teaching', 'considering teaching', 'train to teach', 'get into teaching', 'getting into teaching',
      'unqualified teacher',
    ],
  },
  {
    stage: 'trainee',
    pathway: 'teaching',
    phrases: [
      'trainee', 'trainee teacher', 'pgce', 'pgce student', 'student teacher', 'scitt', 'scitt trainee', 'itt trainee',
      'school direct', 'school direct trainee', 'teacher in training', 'teacher training student',
    ],
  },
  {
    stage: 'ect',
    pathway: 'teaching',
    phrases: [
      'ect', 'nqt', 'early career teacher', 'newly qualified teacher', 'newly qualified', 'early career',
      'second year ect', 'first year teacher', 'new teacher', 'recently qualified teacher', 'rqt',
    ],
  },
  {
    stage: 'developing',
    pathway: 'teaching',
    phrases: [
      'developing teacher', 'experienced teacher', 'classroom teacher', 'class teacher', 'main scale teacher',
      'main pay scale', 'main scale', 'upper pay scale', 'ups teacher', 'ups', 'lead practitioner', 'expert teacher',
      'specialist teacher', 'subject teacher', 'developing stage',
    ],
  },
  {
    stage: 'middle-leader',
    pathway: 'teaching',
    phrases: [
      'middle leader', 'middle leadership', 'middle manager', 'middle management', 'hod', 'subject lead',
      'subject leader', 'subject coordinator', 'subject co ordinator', 'curriculum lead', 'curriculum leader',
      'phase leader', 'phase lead', 'key stage lead', 'key stage leader', 'year leader', 'year lead',
      'tlr holder', 'tlr', 'faculty lead', 'faculty leader', 'department lead', 'department leader',
    ],
  },
  {
    stage: 'senior-leader',
    pathway: 'teaching',
    phrases: [
      'senior leader', 'senior leadership', 'senior leadership team', 'senior management', 'slt', 'smt',
      'deputy head', 'deputy headteacher', 'deputy head teacher', 'deputy headmaster', 'deputy headmistress',
      'assistant head', 'assistant headteacher', 'assistant head teacher', 'assistant principal', 'vice principal',
      'deputy principal', 'deputy', 'aht', 'dht',
    ],
  },
  {
    stage: 'headship',
    pathway: 'teaching',
    phrases: [
      'head', 'headteacher', 'head teacher', 'headmaster', 'headmistress', 'principal', 'headship',
      'executive head', 'executive headteacher', 'executive head teacher', 'executive principal', 'head of school',
      'executive leader', 'executive leadership', 'ceo',
    ],
  },
  {
    stage: 'apprentice',
    pathway: 'teaching-assistant',
    phrases: [
      'ta apprentice', 'apprentice ta', 'teaching assistant apprentice', 'apprentice teaching assistant',
      'apprentice classroom assistant', 'classroom assistant apprentice',
    ],
  },
  {
    stage: 'apprentice',
    pathway: 'business-operations',
    phrases: [
      'business apprentice', 'admin apprentice', 'office apprentice', 'finance apprentice', 'business admin apprentice',
      'business administration apprentice', 'apprentice administrator', 'hr apprentice',
    ],
  },
  { stage: 'apprentice', phrases: ['apprentice'] },
  {
    stage: 'senior-ta',
    pathway: 'teaching-assistant',
    phrases: [
      'senior ta', 'senior teaching assistant', 'lead ta', 'lead teaching assistant', 'level 3 ta',
      'level 3 teaching assistant', 'senior classroom assistant', 'senior lsa',
    ],
  },
  {
    stage: 'hlta',
    pathway: 'teaching-assistant',
    phrases: ['hlta', 'higher level teaching assistant', 'higher level ta', 'high level teaching assistant', 'hlta status'],
  },
  {
    stage: 'officer',
    pathway: 'business-operations',
    phrases: [
      'officer', 'admin officer', 'administrative officer', 'administration officer', 'office administrator',
      'school administrator', 'receptionist', 'school receptionist', 'finance officer', 'finance assistant',
      'hr officer', 'hr assistant', 'data officer', 'exams officer', 'attendance officer', 'admin assistant',
      'administrative assistant', 'clerk', 'office assistant',
    ],
  },
  {
    stage: 'senior-officer',
    pathway: 'business-operations',
    phrases: [
      'senior officer', 'senior admin officer', 'senior administrator', 'senior admin', 'office manager',
      'senior finance officer', 'finance manager', 'hr manager', 'data manager', 'senior hr officer', 'pa to the head',
    ],
  },
  {
    stage: 'business-manager',
    pathway: 'business-operations',
    phrases: [
      'business manager', 'school business manager', 'sbm', 'bursar', 'school business leader', 'business leader',
      'school business professional', 'operations manager',
    ],
  },
  {
    stage: 'executive-business',
    pathway: 'business-operations',
    phrases: [
      'executive business manager', 'executive business leader', 'director of operations', 'operations director',
      'director of finance', 'finance director', 'chief operating officer', 'coo', 'chief financial officer', 'cfo',
      'trust business manager', 'head of operations', 'head of finance', 'head of business',
    ],
  },
];

export const PATHWAYS: readonly PathwayPhrases[] = [
  {
    pathway: 'teaching-assistant',
    roleStage: 'ta',
    phrases: [
      'teaching assistant', 'ta', 'classroom assistant', 'learning support assistant', 'lsa', 'learning assistant',
      'teaching assistant pathway', 'ta pathway', 'support assistant',
    ],
  },
  {
    pathway: 'business-operations',
    phrases: [
      'office staff', 'admin', 'admin staff', 'administrator', 'administration', 'school office', 'office team',
      'business support', 'business operations', 'business staff', 'operations', 'finance team', 'finance staff',
      'hr team', 'business pathway', 'business and operations', 'admin team', 'office',
    ],
  },
  { pathway: 'teaching', phrases: ['teacher', 'teaching staff', 'teaching pathway', 'teachers pathway'] },
];

export const SCOPES: ReadonlyArray<{ scope: Scope; phrases: string[] }> = [
  {
    scope: 'self',
    phrases: [
      'just me', 'just for me', 'self study', 'self directed', 'self led', 'self paced', 'on my own', 'by myself',
      'for myself', 'independent study', 'independently', 'in my own time', 'at home', 'own time',
    ],
  },
  {
    scope: 'school',
    phrases: [
      'in my school', 'at my school', 'in our school', 'at our school', 'within my school', 'within our school',
      'school based', 'in school', 'in house', 'my school', 'our school', 'this school', 'in my academy',
      'at my academy', 'in our academy', 'my academy', 'academy based', 'school level', 'at school',
    ],
  },
  {
    scope: 'trust',
    phrases: [
      'trust wide', 'trustwide', 'across the trust', 'across our trust', 'in the trust', 'within the trust',
      'in our trust', 'within our trust', 'our trust', 'trust level', 'mat wide', 'across the mat', 'across academies',
      'across the academies', 'across our schools', 'across the schools', 'trust run', 'run by the trust',
      'from the trust', 'trust led', 'other schools in the trust', 'the trust', 'trust',
    ],
  },
  {
    scope: 'national',
    phrases: [
      'national', 'nationally', 'nationwide', 'national level', 'externally', 'external', 'outside the trust',
      'outside school', 'regional', 'regionally', 'across the country', 'uk wide',
    ],
  },
];

/**
 * Opportunity kinds in priority order: when several are mentioned, the earlier one wins
 * ("the coaching programme" is coaching). Course, programme and event are containers:
 * "a course on mentoring" is a course.
 */
export const KINDS: ReadonlyArray<{ kind: OpportunityKind; phrases: string[] }> = [
  {
    kind: 'bursary',
    phrases: ['bursary', 'bursaries', 'funding', 'funded place', 'grant', 'scholarship', 'scholarships', 'financial support'],
  },
  {
    kind: 'qualification',
    phrases: [
      'qualification', 'npq', 'national professional qualification', 'masters', "master's", 'masters degree', 'degree',
      'diploma', 'certificate', 'accreditation', 'accredited', 'postgraduate', 'mba', 'level 3', 'level 4', 'level 5',
    ],
  },
  { kind: 'apprenticeship', phrases: ['apprenticeship', 'apprenticeships'] },
  { kind: 'coaching', phrases: ['coaching', 'coach', 'instructional coaching', 'peer coaching', 'coached'] },
  { kind: 'mentoring', phrases: ['mentoring', 'mentor', 'mentee', 'mentored', 'mentorship'] },
  { kind: 'shadowing', phrases: ['shadowing', 'shadow', 'job shadowing', 'work shadowing', 'shadowed'] },
  { kind: 'secondment', phrases: ['secondment', 'seconded', 'acting up', 'act up', 'acting role'] },
  { kind: 'placement', phrases: ['placement', 'internship', 'work placement', 'job swap', 'exchange'] },
  {
    kind: 'research',
    phrases: ['research', 'action research', 'lesson study', 'research group', 'enquiry', 'inquiry', 'research project'],
  },
  {
    kind: 'informal-role',
    phrases: [
      'informal role', 'working party', 'working parties', 'working group', 'champion', 'staff governor', 'governor',
      'volunteer', 'volunteering', 'stretch role', 'extra responsibility',
    ],
  },
  { kind: 'network', phrases: ['network', 'networking', 'community of practice', 'networks'] },
  { kind: 'visit', phrases: ['visit', 'school visit', 'learning walk', 'visiting'] },
  { kind: 'project', phrases: ['project'] },
  { kind: 'reading', phrases: ['reading', 'book', 'books', 'article', 'reading list', 'journal', 'podcast'] },
  {
    kind: 'event',
    phrases: ['event', 'conference', 'seminar', 'webinar', 'masterclass', 'summit', 'teachmeet'],
  },
  { kind: 'course', phrases: ['course', 'training course', 'workshop', 'online course', 'module', 'short course'] },
  { kind: 'programme', phrases: ['programme', 'scheme', 'leadership programme'] },
];

/** Kinds that describe a container rather than a subject ("a course on coaching"). */
export const CONTAINER_KINDS: ReadonlySet<OpportunityKind> = new Set(['course', 'programme', 'event']);

export const NAMED_OPPORTUNITIES: readonly NamedOpportunity[] = [
  {
    topic: 'NPQH',
    kind: 'qualification',
    phrases: [
      'npqh', 'npq h', 'npq for headship', 'npq in headship', 'headship npq', 'npq headship', 'npq for headteachers',
      'national professional qualification for headship', 'national professional qualification in headship',
      'national professional qualification for headteachers',
    ],
  },
  {
    topic: 'NPQSL',
    kind: 'qualification',
    phrases: [
      'npqsl', 'npq sl', 'senior leadership npq', 'npq senior leadership', 'npq in senior leadership',
      'npq for senior leadership', 'npq for senior leaders', 'national professional qualification for senior leadership',
      'national professional qualification in senior leadership',
    ],
  },
  {
    topic: 'NPQEL',
    kind: 'qualification',
    phrases: [
      'npqel', 'executive leadership npq', 'npq in executive leadership', 'npq for executive leadership',
      'npq executive leadership', 'national professional qualification for executive leadership',
      'national professional qualification in executive leadership',
      'national professional qualification for executive headteachers',
    ],
  },
  {
    topic: 'NPQLTD',
    kind: 'qualification',
    phrases: [
      'npqltd', 'npq in leading teacher development', 'npq leading teacher development',
      'leading teacher development npq', 'npq for leading teacher development',
      'national professional qualification for leading teacher development',
      'national professional qualification in leading teacher development',
    ],
  },
  {
    topic: 'NPQLT',
    kind: 'qualification',
    phrases: [
      'npqlt', 'npq in leading teaching', 'npq leading teaching', 'leading teaching npq', 'npq for leading teaching',
      'national professional qualification for leading teaching',
      'national professional qualification in leading teaching',
    ],
  },
  {
    topic: 'NPQLBC',
    kind: 'qualification',
    phrases: [
      'npqlbc', 'npq in leading behaviour and culture', 'npq leading behaviour and culture', 'behaviour and culture npq',
      'behaviour npq', 'npq for leading behaviour and culture',
      'national professional qualification for leading behaviour and culture',
      'national professional qualification in leading behaviour and culture',
    ],
  },
  {
    topic: 'NPQLL',
    kind: 'qualification',
    phrases: ['npqll', 'npq in leading literacy', 'npq leading literacy', 'leading literacy npq', 'literacy npq'],
  },
  {
    topic: 'NPQEYL',
    kind: 'qualification',
    phrases: ['npqeyl', 'npq in early years leadership', 'early years leadership npq', 'early years npq'],
  },
  {
    topic: 'NPQSENCO',
    kind: 'qualification',
    phrases: [
      'npqsenco', 'npq senco', 'senco npq', 'npq for senco', 'npq for sencos', 'sencos npq', 'npq for the senco',
      'senco qualification', 'national professional qualification for senco',
      'national professional qualification for special educational needs co ordinators',
      'national professional qualification for special educational needs coordinators',
    ],
  },
  { topic: 'NASENCO', kind: 'qualification', phrases: ['nasenco', 'national award for sen coordination'] },
  { topic: 'Chartered Teacher', phrases: ['chartered teacher', 'chartered teacher status', 'cteach', 'ctch'] },
  { topic: 'ECF', phrases: ['ecf', 'early career framework'] },
  { topic: 'SLE', phrases: ['sle', 'specialist leader of education'] },
  { topic: 'NLE', phrases: ['nle', 'national leader of education'] },
  { topic: 'Ofsted inspector', phrases: ['ofsted inspector', 'ofsted inspector training'] },
];

/** Canonical spelling of acronyms and names when echoed back in a topic. */
export const DISPLAY_FORMS: Readonly<Record<string, string>> = lookupTable({
  npq: 'NPQ', npqs: 'NPQs', senco: 'SENCO', sencos: 'SENCOs', send: 'SEND', sen: 'SEN', eal: 'EAL', eyfs: 'EYFS',
  ks1: 'KS1', ks2: 'KS2', ks3: 'KS3', ks4: 'KS4', ks5: 'KS5', pshe: 'PSHE', rse: 'RSE', pe: 'PE', dt: 'DT', mfl: 'MFL',
  ict: 'ICT', gcse: 'GCSE', gcses: 'GCSEs', sats: 'SATs', adhd: 'ADHD', asd: 'ASD', gdpr: 'GDPR', dsl: 'DSL', hr: 'HR',
  sbm: 'SBM', cpd: 'CPD', ect: 'ECT', ects: 'ECTs', ecf: 'ECF', hlta: 'HLTA', ta: 'TA', tas: 'TAs', slt: 'SLT',
  hod: 'HoD', stem: 'STEM', ai: 'AI', ofsted: 'Ofsted', tlr: 'TLR', ppa: 'PPA', qts: 'QTS', pgce: 'PGCE',
  nasenco: 'NASENCO', cpr: 'CPR', sle: 'SLE', nle: 'NLE', itt: 'ITT', nqt: 'NQT', mba: 'MBA', siams: 'SIAMS',
  ncetm: 'NCETM', excel: 'Excel', prevent: 'Prevent', english: 'English', french: 'French', spanish: 'Spanish',
  german: 'German', rosenshine: 'Rosenshine', gatsby: 'Gatsby', lsa: 'LSA', it: 'IT',
});

/**
 * Subjects people commonly train in. They are never "corrected" into other words
 * and help pick out the topic of a CPD entry.
 */
export const TOPIC_WORDS: readonly string[] = [
  'phonics', 'safeguarding', 'behaviour', 'oracy', 'literacy', 'numeracy', 'maths', 'mathematics', 'english',
  'science', 'history', 'geography', 'computing', 'languages', 'music', 'art', 'drama', 'french', 'spanish', 'german',
  'send', 'sen', 'autism', 'adhd', 'dyslexia', 'dyscalculia', 'first', 'aid', 'attendance', 'assessment', 'curriculum',
  'feedback', 'marking', 'retrieval', 'practice', 'metacognition', 'wellbeing', 'mental', 'health', 'prevent', 'gdpr',
  'protection', 'leadership', 'finance', 'budgeting', 'budget', 'payroll', 'procurement', 'premises', 'estates',
  'safety', 'manual', 'handling', 'fire', 'epipen', 'restraint', 'escalation', 'eal', 'eyfs', 'early', 'years',
  'sats', 'gcse', 'questioning', 'cognitive', 'load', 'rosenshine', 'adaptive', 'differentiation', 'inclusion',
  'pastoral', 'careers', 'gatsby', 'excel', 'spreadsheets', 'cyber', 'security', 'governance', 'recruitment',
  'interviewing', 'appraisal', 'induction', 'onboarding', 'disadvantaged', 'pupil', 'premium', 'trauma', 'attachment',
  'speech', 'communication', 'resilience', 'workload', 'instruction', 'modelling', 'scaffolding', 'vocabulary',
  'writing', 'spelling', 'grammar', 'handwriting', 'mastery', 'physics', 'chemistry', 'biology', 'pshe', 'rse',
  'anti', 'bullying', 'online', 'esafety', 'supervision', 'trainer', 'trainers', 'counselling', 'subject',
  'knowledge', 'classroom', 'management', 'relationships', 'equality', 'diversity', 'dementia', 'paediatric',
];
