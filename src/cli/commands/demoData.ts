import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { parseStaffDirectory } from '../../core/imports';
import { CliFailure, printLine } from '../output';
import { withSession } from '../session';
import { careerMapOf, requireOrganisation } from './orgCareerMap';
import { DEMO_NEWCOMER, DEMO_SCHOOLS, DEMO_STAFF, DEMO_TEAM } from './demoTrust';

const HEADER = 'email,name,pathway,stage,school,managerEmail,nextDiscussion';

/** The demo staff as a directory CSV, discussion dates counted from `today`. */
export function demoDirectoryCsv(today: DateTime): string {
  const rows = DEMO_STAFF.map((person) => {
    const discussion = person.discussionInDays === undefined ? '' : today.plus({ days: person.discussionInDays }).toISODate();
    return [person.email, person.name, person.pathway, person.stage, `"${person.school}"`, person.managerEmail ?? '', discussion].join(',');
  });
  return [HEADER, ...rows].join('\n');
}

export function registerDemoDataCommand(program: Command): void {
  program
    .command('demo-data')
    .description(
      `Load a demo trust: ${DEMO_SCHOOLS.length} schools, ${DEMO_STAFF.length} staff with line managers and careers discussions in the coming weeks (matches the Agents Playground's mock users)`,
    )
    .option('--org <id>', 'organisation id', 'default')
    .action(async (options: { org: string }) => {
      await withSession(async ({ repos, config }) => {
        await requireOrganisation(repos, options.org);
        const today = DateTime.now().setZone(config.timezone).startOf('day');
        const csv = demoDirectoryCsv(today);
        const parsed = parseStaffDirectory({ bytes: Buffer.from(csv), fileName: 'demo-trust.csv' }, await careerMapOf(repos, options.org));
        if (!parsed.ok) throw new CliFailure(parsed.problems.map((problem) => `demo trust: ${problem}`));
        const { created, changed, unchanged } = await repos.staff.importDirectory(options.org, parsed.staff);
        await repos.audit.record(options.org, 'cli', 'staff.imported', { file: 'demo-data', rows: parsed.staff.length });
        printLine(`Loaded the demo trust into "${options.org}": ${parsed.staff.length} staff (${created} new, ${changed} changed, ${unchanged} unchanged) at ${DEMO_SCHOOLS.join(' and ')}.`);
        printLine(`In the Agents Playground (npm run playground) you are ${DEMO_STAFF[0]?.name}; ${DEMO_NEWCOMER.name} is not in the directory and can try onboarding.`);
        printLine(`The Playground's team "${DEMO_TEAM.name}" has a channel "${DEMO_TEAM.channel}": mention @NextStep there.`);
      });
    });
}
