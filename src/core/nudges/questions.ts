/**
 * Reflective questions for staff and conversation prompts for managers, by how far along a pathway
 * someone is. Stage ids the table does not know fall back to the "established" set.
 */

type Band = 'starting' | 'established' | 'leading' | 'executive';

const BAND_BY_STAGE = new Map<string, Band>([
  ['pre-itt', 'starting'],
  ['trainee', 'starting'],
  ['ect', 'starting'],
  ['apprentice', 'starting'],
  ['ta', 'starting'],
  ['officer', 'starting'],
  ['developing', 'established'],
  ['senior-ta', 'established'],
  ['hlta', 'established'],
  ['senior-officer', 'established'],
  ['middle-leader', 'leading'],
  ['senior-leader', 'leading'],
  ['business-manager', 'leading'],
  ['headship', 'executive'],
  ['executive-business', 'executive'],
]);

const STAFF_QUESTIONS: Record<Band, string[]> = {
  starting: [
    'Which part of your role has grown most in confidence this year, and what helped?',
    'Where would some extra support, observation or shadowing make the biggest difference?',
    'What would you like to be doing in two years, and what is one step towards it?',
  ],
  established: [
    'What are you known for doing well, and how could more colleagues benefit from it?',
    'Is there a specialism, qualification or informal role you would like to try next?',
    'What would make the next year feel like progress to you, in or beyond your current role?',
  ],
  leading: [
    'How are the people you lead developing, and what has your part in that been?',
    'Which leadership skill do you most want to strengthen, and what would stretch it?',
    'Do you see your next step in this school, across the trust, or somewhere else?',
  ],
  executive: [
    'What is your own development plan this year, and who is challenging your thinking?',
    'Where could a network, secondment or system role widen your influence?',
    'How are you growing the next generation of leaders around you?',
  ],
};

const MANAGER_PROMPTS: Record<Band, string[]> = {
  starting: [
    'Start with what has gone well and the evidence for it before moving to goals.',
    'Ask what support they have found useful, and what they have not had yet.',
    'Agree one small, concrete development step for the next term, including informal ones such as shadowing.',
  ],
  established: [
    'Explore roles beyond management: specialist, pedagogical and informal routes count as progression.',
    'Check progress against their CPD entitlement and agree how to use the remaining days.',
    'Ask whether a qualification (NPQ, Chartered Teacher, an apprenticeship) appeals, and what would make it possible.',
  ],
  leading: [
    'Discuss how they develop their own team, not only their own performance.',
    'Ask where they want to be in three years and which opportunities across the trust could help.',
    'Agree one stretch responsibility or project with clear support.',
  ],
  executive: [
    'Make space for their own development, which is easily crowded out at this level.',
    'Explore system roles, networks and national programmes.',
    'Discuss succession: who they are growing, and how the trust can help.',
  ],
};

function bandOf(stageId: string): Band {
  return BAND_BY_STAGE.get(stageId) ?? 'established';
}

export function reflectiveQuestions(stageId: string): string[] {
  return [...STAFF_QUESTIONS[bandOf(stageId)]];
}

export function conversationPrompts(stageId: string): string[] {
  return [...MANAGER_PROMPTS[bandOf(stageId)]];
}
