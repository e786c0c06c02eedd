/**
 * The demo trust loaded by `nextstep demo-data` and mirrored, person for person, by the Agents
 * Playground's mock users in playground/.m365agentsplayground.yml. Invented people at invented
 * addresses (the `.example` domain is reserved and never delivers mail).
 */
export const DEMO_DOMAIN = 'northfield.example';

export const DEMO_SCHOOLS = ['Northfield Primary School', 'Riverside Academy'] as const;
const [NORTHFIELD, RIVERSIDE] = DEMO_SCHOOLS;

export interface DemoPerson {
  name: string;
  email: string;
  pathway: string;
  stage: string;
  school: string;
  managerEmail?: string;
  /** Days from today to the next careers discussion. */
  discussionInDays?: number;
}

const at = (local: string) => `${local}@${DEMO_DOMAIN}`;

export const DEMO_STAFF: readonly DemoPerson[] = [
  { name: 'Priya Shah', email: at('priya.shah'), pathway: 'teaching', stage: 'ect', school: RIVERSIDE, managerEmail: at('tom.baker'), discussionInDays: 10 },
  { name: 'Tom Baker', email: at('tom.baker'), pathway: 'teaching', stage: 'middle-leader', school: RIVERSIDE, managerEmail: at('helen.okafor'), discussionInDays: 24 },
  { name: 'Helen Okafor', email: at('helen.okafor'), pathway: 'teaching', stage: 'headship', school: RIVERSIDE, discussionInDays: 45 },
  { name: 'Jordan Lee', email: at('jordan.lee'), pathway: 'teaching-assistant', stage: 'hlta', school: RIVERSIDE, managerEmail: at('tom.baker'), discussionInDays: 17 },
  { name: 'Chloe Wright', email: at('chloe.wright'), pathway: 'pastoral-send', stage: 'pastoral-officer', school: RIVERSIDE, managerEmail: at('helen.okafor'), discussionInDays: 12 },
  { name: 'Olu Adeyemi', email: at('olu.adeyemi'), pathway: 'premises', stage: 'site-officer', school: RIVERSIDE, managerEmail: at('ruth.adams'), discussionInDays: 20 },
  { name: 'Mark Evans', email: at('mark.evans'), pathway: 'teaching', stage: 'headship', school: NORTHFIELD, discussionInDays: 38 },
  { name: 'Grace Liu', email: at('grace.liu'), pathway: 'teaching', stage: 'senior-leader', school: NORTHFIELD, managerEmail: at('mark.evans'), discussionInDays: 30 },
  { name: 'Sam Green', email: at('sam.green'), pathway: 'teaching', stage: 'developing', school: NORTHFIELD, managerEmail: at('grace.liu'), discussionInDays: 6 },
  { name: 'Aisha Begum', email: at('aisha.begum'), pathway: 'teaching-assistant', stage: 'ta', school: NORTHFIELD, managerEmail: at('grace.liu'), discussionInDays: 14 },
  { name: 'Ruth Adams', email: at('ruth.adams'), pathway: 'business-operations', stage: 'business-manager', school: NORTHFIELD, managerEmail: at('mark.evans'), discussionInDays: 26 },
  { name: 'Dan Cooper', email: at('dan.cooper'), pathway: 'business-operations', stage: 'apprentice', school: NORTHFIELD, managerEmail: at('ruth.adams'), discussionInDays: 8 },
  { name: 'Beth Morgan', email: at('beth.morgan'), pathway: 'it', stage: 'technician', school: NORTHFIELD, managerEmail: at('ruth.adams'), discussionInDays: 28 },
];

/** In the Playground's team but not in the directory: the person who tries onboarding. */
export const DEMO_NEWCOMER = { name: 'Alex Newman', email: at('alex.newman') } as const;

/** The team and channel the Playground shows; the bot is added to it there. */
export const DEMO_TEAM = { name: 'Riverside Academy staff', channel: 'CPD and careers' } as const;
