import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { CliFailure, printJson } from '../output';
import { withSession } from '../session';
import { requireOrganisation } from './orgCareerMap';
import { formatOption, printTable, type OutputFormat } from './table';

/** `--since` as a calendar date (start of that day in the configured time zone) or a full ISO time. */
export function parseSince(text: string, timezone: string): Date {
  const trimmed = text.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const parsed = uk
    ? DateTime.fromObject({ day: Number(uk[1]), month: Number(uk[2]), year: Number(uk[3]) }, { zone: timezone })
    : DateTime.fromISO(trimmed, { zone: timezone });
  if (!parsed.isValid) throw new CliFailure([`--since: "${text}" is not a date; use YYYY-MM-DD (or 15/03/2027, or an ISO time)`]);
  return parsed.toJSDate();
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .requiredOption('--since <date>', 'list entries from this date (YYYY-MM-DD) or time onwards')
    .option('--org <id>', 'only this organisation (default: every organisation)')
    .addOption(formatOption())
    .description('The audit log of admin actions: who did what, when, in which organisation')
    .action(async (options: { since: string; org?: string; format: OutputFormat }) => {
      await withSession(async ({ repos, config }) => {
        const since = parseSince(options.since, config.timezone);
        if (options.org !== undefined) await requireOrganisation(repos, options.org);
        const entries = await repos.audit.list(options.org, since);
        if (options.format === 'json') return printJson(entries);
        printTable(
          ['when', 'organisation', 'who', 'what', 'details'],
          entries.map((entry) => [entry.at.toISOString(), entry.orgId, entry.actor, entry.action, JSON.stringify(entry.details)]),
        );
      });
    });
}
