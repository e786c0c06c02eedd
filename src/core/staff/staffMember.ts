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
  role: StaffRole;
  interests: string[];
  source: 'directory' | 'onboarding';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
