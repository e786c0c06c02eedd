import type { CatalogueProvider } from '../../core/careerMap/catalogueProvider';
import type { DrainSummary, OutboxSender } from '../../delivery/outboxSender';
import type { Logger } from '../../logging/logger';
import type { Repositories } from '../../store';
import { planNudges, type NudgePlanningSettings, type PlanSummary } from './planNudges';

export interface NudgePassDeps {
  repos: Pick<Repositories, 'organisations' | 'directory' | 'nudgePreferences' | 'outbox' | 'leases'>;
  catalogues: CatalogueProvider;
  settings: NudgePlanningSettings;
  sender: OutboxSender;
  logger: Logger;
  leaseMs: number;
}

export interface NudgePassResult {
  ran: boolean;
  plans: PlanSummary[];
  delivery?: DrainSummary;
}

export const NUDGE_LEASE = 'job:nudges';

/**
 * One pass: plan every organisation's nudges for `now`, then send what the outbox holds. A lease
 * makes sure one replica runs a pass at a time; the others skip it (their records would be
 * claimed safely anyway, but planning twice is wasted work).
 */
export async function runNudgePass(deps: NudgePassDeps, now: Date, options: { dryRun?: boolean; waitMs?: number } = {}): Promise<NudgePassResult> {
  const log = deps.logger.child({ job: 'nudges', at: now.toISOString() });
  const lease = options.dryRun ? undefined : await deps.repos.leases.acquire(NUDGE_LEASE, deps.sender.owner, deps.leaseMs);
  if (!options.dryRun && !lease) {
    log.info('another replica holds the nudge lease; skipping this pass');
    return { ran: false, plans: [] };
  }
  const renew = lease
    ? setInterval(() => {
        deps.repos.leases.renew(lease, deps.leaseMs).catch((error: unknown) => log.warn({ err: error }, 'could not renew the nudge lease'));
      }, Math.max(1_000, deps.leaseMs / 3))
    : undefined;
  try {
    const plans: PlanSummary[] = [];
    for (const org of await deps.repos.organisations.list()) {
      const plan = await planNudges(deps, org.id, now, options);
      log.info(
        { orgId: org.id, people: plan.people, planned: plan.planned.length, inserted: plan.inserted, flagged: plan.flagged },
        'planned nudges',
      );
      plans.push(plan);
    }
    if (options.dryRun) return { ran: true, plans };
    const delivery = await deps.sender.drain({ waitMs: options.waitMs ?? 60_000 });
    log.info(delivery, 'nudge pass delivered');
    return { ran: true, plans, delivery };
  } finally {
    if (renew) clearInterval(renew);
    if (lease) await deps.repos.leases.release(lease);
  }
}
