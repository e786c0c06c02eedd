import { z } from 'zod';

export type StaffRole = 'staff' | 'admin';

/** A member of staff as the conversation core sees them. Keyed by work email within an organisation. */
export interface StaffMember {
  orgId: string;
  email: string;
  name: string;
  pathway: string;
  stage: string;
  school?: string;
  managerEmail?: string;
  /** Date of the next careers discussion, YYYY-MM-DD. */
  nextDiscussion?: string;
  /** Free text from the HR export ("Year 2 teacher", "SENCO"); never grants anything. Items `requiredFor` it show first. */
  jobTitle?: string;
  /** When they joined the organisation, YYYY-MM-DD, if known (new-starter items). */
  startDate?: string;
  role: StaffRole;
  interests: string[];
  source: 'directory' | 'onboarding';
  /**
   * False once a directory import with `--deactivate-missing` no longer lists the person (a leaver):
   * they receive nothing more, and their data is kept. Absent means active.
   */
  active?: boolean;
  deactivatedAt?: Date;
}

/** Whether the person may be sent anything (leavers may not). */
export function isActive(member: Pick<StaffMember, 'active'>): boolean {
  return member.active !== false;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A work email as people type it: trimmed, lower-cased and checked. */
export const workEmailSchema = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email());
