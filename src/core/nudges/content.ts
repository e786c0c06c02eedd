import type { CareerCatalogue } from '../careerMap/catalogue';
import { SCOPE_LABELS } from '../careerMap/labels';
import { rankWhatNext } from '../careerMap/whatNext';
import { formatDate } from '../conversation/presenters/dates';
import { PLAN_STATUS_LABELS, type PlanStatus } from '../plan/planStatus';
import type { AttentionFlag } from './planning';
import { conversationPrompts, reflectiveQuestions } from './questions';
import type { AttentionBrief, CpdSummary, ManagerReminderView, NudgeOption, PlanLine, ReportBrief, StaffNudgeView } from './views';

/** What the job knows about one person when it writes their card. */
export interface NudgeFacts {
  email: string;
  name: string;
  pathway: string;
  stage: string;
  interests: readonly string[];
  discussionDate: string;
  daysToGo: number;
  plan: readonly { opportunityId: string; status: PlanStatus }[];
  cpdDaysThisYear: number;
  entitlementDays: number;
  agenda: readonly string[];
}

function cpdSummary(facts: NudgeFacts): CpdSummary {
  const target = facts.entitlementDays;
  return {
    daysLogged: facts.cpdDaysThisYear,
    entitlementDays: target,
    percent: target > 0 ? Math.min(100, Math.round((facts.cpdDaysThisYear / target) * 100)) : 100,
  };
}

function planLines(catalogue: CareerCatalogue, facts: NudgeFacts): PlanLine[] {
  return facts.plan
    .filter((item) => item.status !== 'completed')
    .slice(0, 5)
    .map((item) => ({
      title: catalogue.opportunity(item.opportunityId)?.title ?? item.opportunityId,
      statusLabel: PLAN_STATUS_LABELS[item.status],
    }));
}

function agendaTitles(catalogue: CareerCatalogue, facts: NudgeFacts): string[] {
  return facts.agenda.map((id) => catalogue.opportunity(id)?.title ?? id);
}

/** The person's top three next steps: their entitlement first, then options nearest to them. */
export function topNextSteps(catalogue: CareerCatalogue, facts: NudgeFacts, now: Date, count = 3): NudgeOption[] {
  const planned = new Set(facts.plan.map((item) => item.opportunityId));
  const completed = new Set(facts.plan.filter((item) => item.status === 'completed').map((item) => item.opportunityId));
  const ranked = rankWhatNext(
    catalogue,
    { pathway: facts.pathway, stage: facts.stage, saved: planned, completed, interests: facts.interests },
    { now },
  );
  if (!ranked) return [];
  const items = [...ranked.entitlement, ...ranked.options.flatMap((group) => group.items)].filter(
    (item) => !planned.has(item.opportunity.id),
  );
  return items.slice(0, count).map(({ opportunity }) => ({
    id: opportunity.id,
    title: opportunity.title,
    scopeLabel: SCOPE_LABELS[opportunity.scope],
  }));
}

function stageNames(catalogue: CareerCatalogue, facts: NudgeFacts): { stageName: string; pathwayName: string } {
  return {
    stageName: catalogue.stage(facts.pathway, facts.stage)?.name ?? facts.stage,
    pathwayName: catalogue.pathway(facts.pathway)?.name ?? facts.pathway,
  };
}

export function staffNudge(catalogue: CareerCatalogue, facts: NudgeFacts, now: Date, managerName?: string): StaffNudgeView {
  return {
    type: 'nudgeStaff',
    name: facts.name,
    discussionDate: facts.discussionDate,
    discussionLabel: formatDate(facts.discussionDate),
    daysToGo: facts.daysToGo,
    ...(managerName ? { managerName } : {}),
    ...stageNames(catalogue, facts),
    nextSteps: topNextSteps(catalogue, facts, now),
    planItems: planLines(catalogue, facts),
    cpd: cpdSummary(facts),
    questions: reflectiveQuestions(facts.stage),
    agenda: agendaTitles(catalogue, facts),
  };
}

export function reportBrief(catalogue: CareerCatalogue, facts: NudgeFacts): ReportBrief {
  return {
    email: facts.email,
    name: facts.name,
    ...stageNames(catalogue, facts),
    discussionDate: facts.discussionDate,
    discussionLabel: formatDate(facts.discussionDate),
    daysToGo: facts.daysToGo,
    planItems: planLines(catalogue, facts),
    interests: [...facts.interests],
    cpd: cpdSummary(facts),
    prompts: conversationPrompts(facts.stage),
    agenda: agendaTitles(catalogue, facts),
  };
}

const ATTENTION_LABELS: Record<AttentionFlag, string> = {
  noDate: 'No careers discussion date is recorded.',
  overdue: 'The discussion date has passed and it is not marked as held.',
  overAYear: 'The next discussion is more than a year after the last one.',
};

export function attentionBrief(person: { email: string; name: string }, flag: AttentionFlag): AttentionBrief {
  return { email: person.email, name: person.name, reasonLabel: ATTENTION_LABELS[flag] };
}

export function attentionLabel(flag: AttentionFlag): string {
  return ATTENTION_LABELS[flag];
}

/** One card for everything a manager should hear about in a run: a single reminder or a digest. */
export function managerReminder(reports: ReportBrief[], attention: AttentionBrief[]): ManagerReminderView {
  const sorted = [...reports].sort((a, b) => a.discussionDate.localeCompare(b.discussionDate) || a.name.localeCompare(b.name));
  const [only] = sorted;
  const title =
    sorted.length === 1 && only
      ? `Careers discussion with ${only.name} ${only.daysToGo === 1 ? 'tomorrow' : `in ${only.daysToGo} days`}`
      : sorted.length > 1
        ? `${sorted.length} careers discussions coming up`
        : 'Careers discussions to arrange';
  return { type: 'managerReminder', title, reports: sorted, attention };
}
