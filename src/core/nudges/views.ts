/** View models for nudges, reminders and the team overview (rendered by cards/nudge*.json and friends). */

export interface NudgeOption {
  id: string;
  title: string;
  scopeLabel: string;
}

export interface PlanLine {
  title: string;
  statusLabel: string;
}

export interface CpdSummary {
  daysLogged: number;
  entitlementDays: number;
  percent: number;
}

/** A member of staff's preparation card before their careers discussion. */
export interface StaffNudgeView {
  type: 'nudgeStaff';
  name: string;
  discussionDate: string;
  discussionLabel: string;
  daysToGo: number;
  managerName?: string;
  stageName: string;
  pathwayName: string;
  nextSteps: NudgeOption[];
  planItems: PlanLine[];
  cpd: CpdSummary;
  questions: string[];
  /** Options the person already put on the discussion agenda. */
  agenda: string[];
}

/** One report in a manager's reminder. */
export interface ReportBrief {
  email: string;
  name: string;
  stageName: string;
  pathwayName: string;
  discussionDate: string;
  discussionLabel: string;
  daysToGo: number;
  planItems: PlanLine[];
  interests: string[];
  cpd: CpdSummary;
  prompts: string[];
  agenda: string[];
}

/** A report who needs a discussion arranged (no date, overdue, or over a year since the last). */
export interface AttentionBrief {
  email: string;
  name: string;
  reasonLabel: string;
}

/** A manager's reminder: one report, or a digest of several, plus anyone needing a date. */
export interface ManagerReminderView {
  type: 'managerReminder';
  title: string;
  reports: ReportBrief[];
  attention: AttentionBrief[];
}

export interface TeamMemberLine {
  email: string;
  name: string;
  stageName: string;
  discussionLabel: string;
  planSummary: string;
  cpdLabel: string;
  flagLabel?: string;
}

export interface TeamOverviewView {
  type: 'teamOverview';
  members: TeamMemberLine[];
}

/** Asks a manager for a report's next discussion date (after "Mark as held" or "Reschedule"). */
export interface DiscussionDateFormView {
  type: 'discussionDateForm';
  email: string;
  name: string;
  heading: string;
  defaultDate: string;
  error?: string;
}

export type NudgeView = StaffNudgeView | ManagerReminderView | TeamOverviewView | DiscussionDateFormView;
