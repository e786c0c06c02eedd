import { DateTime } from 'luxon';
import { isActive } from '../../core/staff/staffMember';
import type { Repositories } from '../../store';
import { emptyCampaignCounts, type CampaignCounts } from '../../store/repositories/broadcasts';
import { statusFrom } from './broadcastProgress';

/** Deliveries to people in one group (a pathway, a stage or a school). */
export interface ReachRow {
  group: string;
  reached: number;
  failed: number;
  unreachable: number;
}

export interface BroadcastReach {
  id: string;
  opportunityId: string;
  title: string;
  createdAt: string;
  status: string;
  recipients: number;
  counts: CampaignCounts;
  /** Recipients reached who then saved the opportunity to their plan. */
  saved: number;
  /** Recipients reached whose first "I'm interested" press on the opportunity came after the broadcast (once each). */
  interested: number;
}

export interface ReachReport {
  orgId: string;
  since: string;
  broadcasts: BroadcastReach[];
  totals: { reached: number; failed: number; unreachable: number; pending: number; cancelled: number; saved: number; interested: number };
  byPathway: ReachRow[];
  byStage: ReachRow[];
  bySchool: ReachRow[];
  /** Active staff with no broadcast delivered to them since `notReachedSince`. */
  notReachedSince: string;
  notReached: { email: string; pathway: string; stage: string; school?: string }[];
}

type ReachRepos = Pick<Repositories, 'broadcasts'>;

const NO_SCHOOL = '(no school)';

function bump(rows: Map<string, ReachRow>, group: string, state: string): void {
  const row = rows.get(group) ?? { group, reached: 0, failed: 0, unreachable: 0 };
  if (state === 'sent') row.reached += 1;
  else if (state === 'failed') row.failed += 1;
  else if (state === 'unreachable') row.unreachable += 1;
  else return;
  rows.set(group, row);
}

const sorted = (rows: Map<string, ReachRow>) => [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));

/**
 * Reach of every broadcast since `since`, counted in memory over one read of each collection
 * involved (broadcasts, their outbox records, the staff directory, plans of the people reached,
 * interest records): deliveries to people by pathway, stage and school, engagement, and who
 * no broadcast has reached in the last `months` months.
 */
export async function reachReport(repos: ReachRepos, orgId: string, since: Date, options: { months?: number; now?: Date } = {}): Promise<ReachReport> {
  const now = options.now ?? new Date();
  const notReachedSince = DateTime.fromJSDate(now).minus({ months: options.months ?? 6 }).toJSDate();
  const [broadcasts, staff, reachedRecently] = await Promise.all([
    repos.broadcasts.since(orgId, since),
    repos.broadcasts.staffFacets(orgId),
    repos.broadcasts.reachedSince(orgId, notReachedSince),
  ]);
  const records = await repos.broadcasts.records(orgId, broadcasts.map((broadcast) => broadcast.id));
  const interest = broadcasts.length > 0 ? await repos.broadcasts.interestSince(orgId, since) : [];
  const people = new Map(staff.map((person) => [person.email, person]));

  const byPathway = new Map<string, ReachRow>();
  const byStage = new Map<string, ReachRow>();
  const bySchool = new Map<string, ReachRow>();
  const totals = { reached: 0, failed: 0, unreachable: 0, pending: 0, cancelled: 0, saved: 0, interested: 0 };
  const reports: BroadcastReach[] = [];

  for (const broadcast of broadcasts) {
    const own = records.filter((record) => record.campaign === broadcast.id);
    const counts = emptyCampaignCounts();
    const reachedPeople: string[] = [];
    for (const record of own) {
      counts[record.state] += 1;
      const person = record.recipientEmail ? people.get(record.recipientEmail) : undefined;
      if (!person) continue;
      if (record.state === 'sent') reachedPeople.push(person.email);
      bump(byPathway, person.pathway, record.state);
      bump(byStage, `${person.pathway}/${person.stage}`, record.state);
      bump(bySchool, person.school ?? NO_SCHOOL, record.state);
    }
    const planned = await repos.broadcasts.planItemsCreated(orgId, reachedPeople, broadcast.opportunityId);
    const saved = [...planned.values()].filter((at) => at >= broadcast.createdAt).length;
    const reachedSet = new Set(reachedPeople);
    // One entry per person and opportunity, at their first press: like saves, only interest after the broadcast counts.
    const interested = interest.filter(
      (entry) => entry.opportunityId === broadcast.opportunityId && entry.at >= broadcast.createdAt && reachedSet.has(entry.actor),
    ).length;
    totals.reached += counts.sent;
    totals.failed += counts.failed;
    totals.unreachable += counts.unreachable;
    totals.pending += counts.pending + counts.sending;
    totals.cancelled += counts.cancelled;
    totals.saved += saved;
    totals.interested += interested;
    reports.push({
      id: broadcast.id,
      opportunityId: broadcast.opportunityId,
      title: broadcast.opportunityTitle,
      createdAt: broadcast.createdAt.toISOString(),
      status: statusFrom(broadcast.status, counts),
      recipients: broadcast.counts.recipients,
      counts,
      saved,
      interested,
    });
  }

  const notReached = staff
    .filter((person) => isActive(person) && !reachedRecently.has(person.email))
    .map((person) => ({ email: person.email, pathway: person.pathway, stage: person.stage, ...(person.school ? { school: person.school } : {}) }))
    .sort((a, b) => a.email.localeCompare(b.email));

  return {
    orgId,
    since: since.toISOString(),
    broadcasts: reports,
    totals,
    byPathway: sorted(byPathway),
    byStage: sorted(byStage),
    bySchool: sorted(bySchool),
    notReachedSince: notReachedSince.toISOString(),
    notReached,
  };
}
