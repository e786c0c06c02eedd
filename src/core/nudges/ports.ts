import type { PlanStatus } from '../plan/planStatus';
import type { StaffMember } from '../staff/staffMember';
import type { NudgePreferences } from './planning';

/** What the nudge handlers need from storage; `store/` implements it. */
export interface NudgePreferenceStore {
  get(orgId: string, email: string): Promise<NudgePreferences & { agenda: string[] }>;
  set(orgId: string, email: string, changes: Partial<NudgePreferences>): Promise<void>;
  addToAgenda(orgId: string, email: string, opportunityId: string): Promise<boolean>;
  recordHeld(orgId: string, email: string, date: string, by: string): Promise<void>;
}

export type TeamMember = Pick<StaffMember, 'email' | 'name' | 'pathway' | 'stage' | 'managerEmail' | 'nextDiscussion'>;

export interface TeamDirectory {
  reportsOf(orgId: string, managerEmail: string): Promise<TeamMember[]>;
  plansOf(orgId: string, emails: string[]): Promise<Map<string, { opportunityId: string; status: PlanStatus }[]>>;
  cpdDaysOf(orgId: string, emails: string[], range: { from: string; to: string }): Promise<Map<string, number>>;
}

export interface NudgeServices {
  preferences: NudgePreferenceStore;
  directory: TeamDirectory;
}
