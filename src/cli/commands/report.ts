import { Option, type Command } from 'commander';
import { DateTime } from 'luxon';
import { reachReport, type ReachReport, type ReachRow } from '../../jobs/broadcasts/reachReport';
import { CliFailure, printJson, printLine } from '../output';
import { withSession } from '../session';
import { requireOrganisation } from './orgCareerMap';
import { printTable } from './table';

function parseSince(value: string): Date {
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) throw new CliFailure([`--since: "${value}" is not a date such as 2027-01-01`]);
  return parsed.toJSDate();
}

function parseMonths(value: string): number {
  const months = Number(value);
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new CliFailure([`--months: "${value}" is not a whole number of months between 1 and 120`]);
  return months;
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // A leading = + - @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One flat table for spreadsheets: a section column says what each row counts. */
function printCsv(report: ReachReport): void {
  const rows: (string | number)[][] = [['section', 'group', 'reached', 'failed', 'unreachable', 'pending', 'cancelled', 'saved', 'interested']];
  for (const b of report.broadcasts) {
    rows.push(['broadcast', `${b.id} ${b.opportunityId}`, b.counts.sent, b.counts.failed, b.counts.unreachable, b.counts.pending + b.counts.sending, b.counts.cancelled, b.saved, b.interested]);
  }
  const facet = (section: string, list: ReachRow[]) => list.forEach((row) => rows.push([section, row.group, row.reached, row.failed, row.unreachable, '', '', '', '']));
  facet('pathway', report.byPathway);
  facet('stage', report.byStage);
  facet('school', report.bySchool);
  for (const person of report.notReached) rows.push(['not reached', person.email, '', '', '', '', '', '', '']);
  for (const row of rows) printLine(row.map(csvCell).join(','));
}

function printReport(report: ReachReport): void {
  printLine(`Reach of broadcasts in ${report.orgId} since ${report.since.slice(0, 10)}`);
  printLine('');
  printTable(
    ['broadcast', 'opportunity', 'status', 'reached', 'failed', 'unreachable', 'pending', 'cancelled', 'saved', 'interested'],
    report.broadcasts.map((b) => [b.id, b.opportunityId, b.status, ...[b.counts.sent, b.counts.failed, b.counts.unreachable, b.counts.pending + b.counts.sending, b.counts.cancelled, b.saved, b.interested].map(String)]),
  );
  const t = report.totals;
  printLine(`total: reached ${t.reached}, failed ${t.failed}, unreachable ${t.unreachable}, pending ${t.pending}, cancelled ${t.cancelled}, saved ${t.saved}, interested ${t.interested}`);
  for (const [title, list] of [['pathway', report.byPathway], ['stage', report.byStage], ['school', report.bySchool]] as const) {
    printLine('');
    printTable([title, 'reached', 'failed', 'unreachable'], list.map((row) => [row.group, String(row.reached), String(row.failed), String(row.unreachable)]));
  }
  printLine('');
  printLine(`Not reached by any broadcast since ${report.notReachedSince.slice(0, 10)}: ${report.notReached.length}`);
  printTable(['email', 'pathway', 'stage', 'school'], report.notReached.map((p) => [p.email, p.pathway, p.stage, p.school ?? '']));
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('Reports for admins');
  report
    .command('reach')
    .requiredOption('--since <date>', 'broadcasts created on or after this date (YYYY-MM-DD)')
    .option('--org <id>', 'organisation id', 'default')
    .option('--months <n>', 'list active staff no broadcast has reached in this many months', '6')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .description('Who broadcasts reached, failed to reach or could not reach, by pathway, stage and school; saves and interest')
    .action(async (options: { since: string; org: string; months: string; format: 'table' | 'csv' | 'json' }) => {
      const since = parseSince(options.since);
      const months = parseMonths(options.months);
      await withSession(async ({ repos }) => {
        await requireOrganisation(repos, options.org);
        const result = await reachReport(repos, options.org, since, { months });
        if (options.format === 'json') printJson(result);
        else if (options.format === 'csv') printCsv(result);
        else printReport(result);
      });
    });
}
