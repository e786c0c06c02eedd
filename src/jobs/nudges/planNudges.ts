import { DateTime } from 'luxon';
import type { CatalogueProvider } from '../../core/careerMap/catalogueProvider';
import { schoolYear } from '../../core/conversation/presenters/dates';
import { localDate } from '../../core/nudges/calendar';
import { attentionBrief, reportBrief, staffNudge, type NudgeFacts } from '../../core/nudges/content';
import { flagPeriod, planPerson, type AttentionFlag, type NotDueReason, type PlanningRules } from '../../core/nudges/planning';
import type { DeliveryAddress, DeliveryPurpose, NewOutboxRecord } from '../../delivery/types';
import type { Repositories } from '../../store';
import type { DirectoryEntry } from '../../store/repositories/directory';
import type { StoredNudgePreferences } from '../../store/repositories/nudgePreferences';
import { addressBook } from './addresses';

export interface NudgePlanningSettings extends PlanningRules {
  timezone: string;
  defaultCpdEntitlementDays: number;
}

export interface PlanningDeps {
  repos: Pick<Repositories, 'directory' | 'nudgePreferences' | 'outbox'>;
  catalogues: CatalogueProvider;
  settings: NudgePlanningSettings;
}

/** One line of the plan, for the command-line table. */
export interface PlannedLine {
  id: string;
  purpose: DeliveryPurpose;
  recipient: string;
  about: string;
  detail: string;
  status: 'new' | 'already planned' | 'unreachable';
}

export interface PlanSummary {
  orgId: string;
  today: string;
  people: number;
  planned: PlannedLine[];
  /** Records written this time (0 on a dry run). */
  inserted: number;
  notDue: Partial<Record<NotDueReason, number>>;
  flagged: Partial<Record<AttentionFlag, number>>;
  /** Flagged people with no manager to tell: only admins see them. */
  flaggedWithoutManager: number;
}

interface Due {
  person: DirectoryEntry;
  key: string;
  daysToGo: number;
  discussion: string;
}

const FACTS_BATCH = 500;
const NEVER_TALKED = 'has not talked to NextStep yet, so there is no conversation to send to';

const count = <K extends string>(tally: Partial<Record<K, number>>, key: K) => {
  tally[key] = (tally[key] ?? 0) + 1;
};

/**
 * Plans one organisation's nudges for the day `now` falls on: streams the directory once, decides
 * in memory, fetches plans and CPD only for the people due (in batches), and writes outbox records
 * with deterministic ids, so planning the same day twice adds nothing.
 */
export async function planNudges(deps: PlanningDeps, orgId: string, now: Date, options: { dryRun?: boolean } = {}): Promise<PlanSummary> {
  const { repos, settings } = deps;
  const today = localDate(now, settings.timezone);
  const [preferences, references] = await Promise.all([repos.nudgePreferences.forOrg(orgId), repos.directory.referencesOf(orgId)]);
  const addresses = addressBook(references);
  const prefsOf = (email: string): StoredNudgePreferences => preferences.get(email) ?? { agenda: [] };

  const names = new Map<string, string>();
  const staffDue: Due[] = [];
  const managerDue: Due[] = [];
  const attention: { person: DirectoryEntry; flag: AttentionFlag }[] = [];
  const summary: PlanSummary = { orgId, today, people: 0, planned: [], inserted: 0, notDue: {}, flagged: {}, flaggedWithoutManager: 0 };

  for await (const person of repos.directory.streamStaff(orgId)) {
    summary.people += 1;
    names.set(person.email, person.name);
    const prefs = prefsOf(person.email);
    const plan = planPerson(today, person, prefs, settings);
    const discussion = person.nextDiscussion ?? '';
    if (plan.staff.due) staffDue.push({ person, key: plan.staff.key, daysToGo: plan.staff.daysToGo, discussion });
    else count(summary.notDue, plan.staff.reason);
    if (plan.manager.due) {
      if (prefsOf(person.managerEmail ?? '').optedOut) count(summary.notDue, 'optedOut');
      else managerDue.push({ person, key: plan.manager.key, daysToGo: plan.manager.daysToGo, discussion });
    }
    if (plan.flag) {
      count(summary.flagged, plan.flag);
      if (person.managerEmail) attention.push({ person, flag: plan.flag });
      else summary.flaggedWithoutManager += 1;
    }
  }

  const records: NewOutboxRecord[] = [];
  const campaign = `nudges:${today}`;
  const expiresAt = (discussion: string) => DateTime.fromISO(discussion, { zone: settings.timezone }).startOf('day').toJSDate();
  const record = (purpose: DeliveryPurpose, recipient: string, key: string, payload: unknown, extra: Partial<NewOutboxRecord> = {}): NewOutboxRecord => {
    const address: DeliveryAddress | undefined = addresses.get(recipient);
    return {
      _id: `${orgId}:${purpose}:${recipient}:${key}`,
      orgId,
      purpose,
      key,
      recipientEmail: recipient,
      campaign,
      payload: JSON.stringify(payload),
      ...(address ? { address } : { state: 'unreachable', reason: NEVER_TALKED }),
      ...extra,
    };
  };

  if (staffDue.length > 0 || managerDue.length > 0) {
    const { catalogue } = await deps.catalogues.get(orgId);
    const entitlementDays = catalogue.map.cpdEntitlementDays ?? settings.defaultCpdEntitlementDays;
    const year = schoolYear(today);
    const everyone = [...new Map([...staffDue, ...managerDue].map((due) => [due.person.email, due.person])).values()];
    const facts = new Map<string, Omit<NudgeFacts, 'discussionDate' | 'daysToGo'>>();
    for (let start = 0; start < everyone.length; start += FACTS_BATCH) {
      const batch = everyone.slice(start, start + FACTS_BATCH);
      const emails = batch.map((person) => person.email);
      const [plans, cpd] = await Promise.all([repos.directory.plansOf(orgId, emails), repos.directory.cpdDaysOf(orgId, emails, year)]);
      for (const person of batch) {
        facts.set(person.email, {
          email: person.email,
          name: person.name,
          pathway: person.pathway,
          stage: person.stage,
          interests: person.interests ?? [],
          plan: plans.get(person.email) ?? [],
          cpdDaysThisYear: cpd.get(person.email) ?? 0,
          entitlementDays,
          agenda: prefsOf(person.email).agenda,
        });
      }
    }
    const factsFor = (due: Due): NudgeFacts => ({
      ...(facts.get(due.person.email) as Omit<NudgeFacts, 'discussionDate' | 'daysToGo'>),
      discussionDate: due.discussion,
      daysToGo: due.daysToGo,
    });
    for (const due of staffDue) {
      const managerName = due.person.managerEmail ? names.get(due.person.managerEmail) : undefined;
      const view = staffNudge(catalogue, factsFor(due), now, managerName);
      records.push(record('nudge', due.person.email, due.key, view, { expiresAt: expiresAt(due.discussion) }));
    }
    for (const due of managerDue) {
      const manager = due.person.managerEmail as string;
      records.push(
        record('managerReminder', manager, `${due.person.email}:${due.key}`, reportBrief(catalogue, factsFor(due)), {
          group: `${orgId}:manager:${manager}`,
          expiresAt: expiresAt(due.discussion),
        }),
      );
    }
  }
  for (const { person, flag } of attention) {
    const manager = person.managerEmail as string;
    records.push(
      record('managerAttention', manager, `${person.email}:${flagPeriod(today)}`, attentionBrief(person, flag), {
        group: `${orgId}:manager:${manager}`,
      }),
    );
  }

  const existing = await existingIds(repos.outbox, records.map((r) => r._id));
  if (!options.dryRun) summary.inserted = await repos.outbox.insertNew(records.filter((r) => !existing.has(r._id)));
  summary.planned = records.map((r) => ({
    id: r._id,
    purpose: r.purpose,
    recipient: r.recipientEmail ?? '',
    about: describe(r),
    detail: r.reason ?? r.key,
    status: existing.has(r._id) ? 'already planned' : r.state === 'unreachable' ? 'unreachable' : 'new',
  }));
  return summary;
}

function describe(record: NewOutboxRecord): string {
  const payload = JSON.parse(record.payload) as { name?: string };
  return record.purpose === 'nudge' ? 'their own discussion' : (payload.name ?? '');
}

async function existingIds(outbox: Repositories['outbox'], ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 1_000) {
    for (const id of await outbox.existing(ids.slice(start, start + 1_000))) found.add(id);
  }
  return found;
}
