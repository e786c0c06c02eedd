import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { buildNudgeJob } from '../../jobs/nudgeJob';
import { broadcastProgress, cancelBroadcast, type BroadcastProgress } from '../../jobs/broadcasts/broadcastProgress';
import { previewBroadcast, queueBroadcast, type BroadcastAudience } from '../../jobs/broadcasts/planBroadcast';
import { runBroadcastPass } from '../../jobs/broadcasts/runBroadcastPass';
import { broadcastIdSchema, broadcastRequestSchema } from '../../jobs/broadcasts/schema';
import { createTransports } from '../../jobs/transports';
import { CliFailure, printJson, printLine } from '../output';
import { withSession, type CliSession } from '../session';
import { requireOrganisation } from './orgCareerMap';

/** Operators act as "cli" in broadcasts and the audit log: the command line has no signed-in person. */
const CLI_ACTOR = 'cli';

interface BroadcastOptions {
  opportunity: string;
  pathway?: string;
  stage?: string;
  school?: string;
  channel: string[];
  org: string;
  yes?: boolean;
  sendNow?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function describeAudience(audience: BroadcastAudience): void {
  printLine(`Broadcast "${audience.opportunityTitle}" (${audience.opportunityId}) in ${audience.orgId}:`);
  const unreachable = audience.unreachable > 0 ? ` (${audience.unreachable} have not used NextStep yet, so cannot be reached)` : '';
  printLine(`  people: ${audience.people.length}${unreachable}`);
  printLine(`  channels: ${audience.channels.length}`);
  printLine(`  recipients: ${audience.recipients}`);
}

async function confirmOnTerminal(count: number): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`Send to ${count} recipient${count === 1 ? '' : 's'}? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

function printProgress(progress: BroadcastProgress, format: string): void {
  const { broadcast, counts, status } = progress;
  const pending = counts.pending + counts.sending;
  if (format === 'json') {
    printJson({
      id: broadcast.id,
      opportunityId: broadcast.opportunityId,
      status,
      recipients: broadcast.counts.recipients,
      sent: counts.sent,
      failed: counts.failed,
      unreachable: counts.unreachable,
      pending,
      cancelled: counts.cancelled,
    });
    return;
  }
  printLine(`broadcast ${broadcast.id}: "${broadcast.opportunityTitle}" — ${status}, ${broadcast.counts.recipients} recipients`);
  printLine(`sent         ${counts.sent}`);
  printLine(`failed       ${counts.failed}`);
  printLine(`unreachable  ${counts.unreachable}`);
  printLine(`pending      ${pending}${counts.sending > 0 ? ` (${counts.sending} being sent)` : ''}`);
  printLine(`cancelled    ${counts.cancelled}`);
}

async function sendNow(session: CliSession): Promise<void> {
  const { config, repos, logger } = session;
  const job = buildNudgeJob(config, repos, createTransports(config, logger), logger);
  try {
    const delivery = await runBroadcastPass({ repos, sender: job.sender, logger, leaseMs: config.delivery.leaseMs });
    if (!delivery) printLine('Another process is sending right now; it will deliver this broadcast.');
    else printLine(`delivery: sent ${delivery.sent}, failed ${delivery.failed}, unreachable ${delivery.unreachable}, waiting to retry ${delivery.deferred}`);
  } finally {
    await job.limits.stop();
  }
}

function parseId(id: string): string {
  const parsed = broadcastIdSchema.safeParse(id);
  if (!parsed.success) throw new CliFailure([`"${id}" is not a broadcast id (they look like b-0123456789)`]);
  return parsed.data;
}

export function registerBroadcastCommands(program: Command): void {
  const broadcast = program
    .command('broadcast')
    .description('Send an opportunity to channels the bot is in and/or to staff by pathway, stage and school')
    .option('--opportunity <id>', 'the opportunity to broadcast')
    .option('--pathway <id>', 'only staff on this pathway')
    .option('--stage <id>', 'only staff at this stage')
    .option('--school <name>', 'only staff at this school')
    .option('--channel <id>', 'a channel the bot is in (teams:… or slack:…); repeat for several', collect, [])
    .option('--org <id>', 'organisation id', 'default')
    .option('--yes', 'queue without asking (needed when there is no terminal to ask on)')
    .option('--send-now', 'also run a sending pass from this command instead of leaving it to the running app')
    .action(async (options: BroadcastOptions) => {
      if (!options.opportunity) throw new CliFailure(['--opportunity is required (or use "broadcast status ID" / "broadcast cancel ID")']);
      const parsed = broadcastRequestSchema.safeParse({
        opportunityId: options.opportunity,
        pathway: options.pathway,
        stage: options.stage,
        school: options.school,
        channels: options.channel,
      });
      if (!parsed.success) {
        throw new CliFailure(parsed.error.issues.map((issue) => `--${String(issue.path[0] ?? 'input')}: ${issue.message}`));
      }
      const request = parsed.data;
      await withSession(async (session) => {
        await requireOrganisation(session.repos, options.org);
        const audience = await previewBroadcast(session.repos, options.org, request);
        describeAudience(audience);
        if (audience.recipients === 0) throw new CliFailure(['Nobody matches: nothing was queued.']);
        if (!options.yes) {
          if (!process.stdin.isTTY) throw new CliFailure(['Not queued: there is no terminal to confirm on. Check the count above and run again with --yes.']);
          if (!(await confirmOnTerminal(audience.recipients))) {
            printLine('Not queued.');
            return;
          }
        }
        const { broadcast: queued } = await queueBroadcast(session.repos, audience, request, CLI_ACTOR);
        await session.repos.audit.record(options.org, CLI_ACTOR, 'broadcast.queued', {
          broadcastId: queued.id,
          opportunityId: queued.opportunityId,
          recipients: queued.counts.recipients,
        });
        printLine(`Queued broadcast ${queued.id} to ${queued.counts.recipients} recipients. Follow it with: nextstep broadcast status ${queued.id}`);
        if (options.sendNow) await sendNow(session);
      });
    });

  broadcast
    .command('status')
    .argument('<id>', 'broadcast id')
    .option('--org <id>', 'organisation id', 'default')
    .option('--format <format>', 'table or json', 'table')
    .description('Sent / failed / unreachable / pending / cancelled counts of a broadcast')
    .action(async (id: string, options: { org: string; format: string }) => {
      const broadcastId = parseId(id);
      await withSession(async ({ repos }) => printProgress(await broadcastProgress(repos, options.org, broadcastId), options.format));
    });

  broadcast
    .command('cancel')
    .argument('<id>', 'broadcast id')
    .option('--org <id>', 'organisation id', 'default')
    .description('Withdraw what has not been sent yet (messages being sent finish)')
    .action(async (id: string, options: { org: string }) => {
      const broadcastId = parseId(id);
      await withSession(async ({ repos }) => {
        const { cancelled, progress } = await cancelBroadcast(repos, options.org, broadcastId, CLI_ACTOR);
        printLine(`Cancelled ${cancelled} pending message${cancelled === 1 ? '' : 's'}.`);
        printProgress(progress, 'table');
      });
    });
}
