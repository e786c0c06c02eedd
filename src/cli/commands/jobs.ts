import type { Command } from 'commander';
import { DateTime } from 'luxon';
import type { DeliveryState } from '../../delivery/types';
import type { PlanSummary } from '../../jobs/nudges/planNudges';
import { buildNudgeJob } from '../../jobs/nudgeJob';
import { NUDGE_LEASE, runNudgePass } from '../../jobs/nudges/runNudgePass';
import { createTransports } from '../../jobs/transports';
import type { Repositories } from '../../store';
import { CliFailure, printLine } from '../output';
import { withSession } from '../session';

/** A plain text table: a header row, a rule and one line per row, columns padded to fit. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  printLine(line(header));
  printLine(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) printLine(line(row));
}

function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw new CliFailure([`--now: "${value}" is not an ISO date-time such as 2027-03-03T08:00:00Z`]);
  return parsed.toJSDate();
}

async function printPlans(repos: Repositories, plans: PlanSummary[], dryRun: boolean): Promise<void> {
  const states = dryRun ? new Map<string, { state: DeliveryState; reason?: string }>() : await repos.outbox.statesOf(plans.flatMap((plan) => plan.planned.map((line) => line.id)));
  const rows = plans.flatMap((plan) =>
    plan.planned.map((line) => {
      const stored = states.get(line.id);
      const status = dryRun ? (line.status === 'new' ? 'would send' : line.status) : (stored?.state ?? line.status);
      return [plan.orgId, line.purpose, line.recipient, line.about, status, stored?.reason ?? (line.status === 'unreachable' ? line.detail : '')];
    }),
  );
  if (rows.length > 0) printTable(['org', 'purpose', 'recipient', 'about', 'status', 'note'], rows);
  else printLine('Nothing is due.');
  for (const plan of plans) {
    const skipped = Object.entries(plan.notDue).map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none';
    const flagged = Object.entries(plan.flagged).map(([flag, count]) => `${flag} ${count}`).join(', ') || 'none';
    printLine(
      `${plan.orgId} on ${plan.today}: ${plan.people} people; skipped (not due): ${skipped}; needing a discussion: ${flagged}` +
        (plan.flaggedWithoutManager > 0 ? ` (${plan.flaggedWithoutManager} with no manager to tell)` : ''),
    );
  }
}

export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('Scheduled work: nudges before careers discussions and the delivery outbox');

  jobs
    .command('run')
    .argument('<job>', 'the job to run: nudges')
    .option('--now <iso-time>', 'plan as if it were this moment (ISO 8601), e.g. 2027-03-03T08:00:00Z')
    .option('--dry-run', 'show what would be sent without writing or sending anything')
    .description('Run one planning-and-sending pass now and print what was (or would be) sent')
    .action(async (name: string, options: { now?: string; dryRun?: boolean }) => {
      if (name !== 'nudges') throw new CliFailure([`job "${name}" does not exist (known: nudges)`]);
      const now = parseNow(options.now);
      await withSession(async ({ repos, config, logger }) => {
        const job = buildNudgeJob(config, repos, options.dryRun ? [] : createTransports(config, logger), logger);
        try {
          const result = await runNudgePass(job, now, { dryRun: options.dryRun ?? false });
          if (!result.ran) throw new CliFailure(['another process is running the nudge job right now; try again when it has finished']);
          await printPlans(repos, result.plans, options.dryRun ?? false);
          if (result.delivery) {
            const d = result.delivery;
            printLine(`delivery: sent ${d.sent}, failed ${d.failed}, unreachable ${d.unreachable}, waiting to retry ${d.deferred}, held by another process ${d.skipped}`);
          }
        } finally {
          await job.limits.stop();
        }
      });
    });

  jobs
    .command('status')
    .description('Outbox counts by organisation, purpose and state, and who holds the nudge job')
    .action(async () => {
      await withSession(async ({ repos }) => {
        const counts = await repos.outbox.counts();
        if (counts.length === 0) printLine('The outbox is empty.');
        else printTable(['org', 'purpose', 'state', 'count'], counts.map((row) => [row.orgId, row.purpose, row.state, String(row.count)]));
        const lease = await repos.leases.current(NUDGE_LEASE);
        const running = lease && lease.expiresAt > new Date();
        printLine(running ? `nudge job: running (since ${lease.acquiredAt.toISOString()})` : 'nudge job: idle');
      });
    });
}
