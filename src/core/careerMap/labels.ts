import type { OpportunityKind, Scope } from './schema';

export const SCOPE_ORDER: Scope[] = ['self', 'school', 'trust', 'national'];

export const SCOPE_LABELS: Record<Scope, string> = {
  self: 'On your own',
  school: 'In your school',
  trust: 'Across the trust',
  national: 'Regional and national',
};

export const KIND_LABELS: Record<OpportunityKind, string> = {
  course: 'Course',
  qualification: 'Qualification',
  programme: 'Programme',
  network: 'Network',
  shadowing: 'Shadowing',
  placement: 'Placement',
  secondment: 'Secondment',
  visit: 'Visit',
  'informal-role': 'Informal role',
  project: 'Project',
  research: 'Research',
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  reading: 'Reading',
  apprenticeship: 'Apprenticeship',
  bursary: 'Bursary or funding',
  event: 'Event',
};

