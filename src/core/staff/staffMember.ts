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
  /** Free-text job title from the directory ("SENCO", "Site assistant"), for items required for a role. */
  jobTitle?: string;
  /** When they joined the organisation, YYYY-MM-DD, if known (new-starter items). */
  startDate?: string;
  role: StaffRole;
  interests: string[];
  source: 'directory' | 'onboarding';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A work email as people type it: trimmed, lower-cased and checked. */
export const workEmailSchema = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email());
