import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { opportunityReferenceProblems } from '../../core/careerMap/references';
import { parseCareerMap, parseOpportunities, parseStaffDirectory } from '../../core/imports';
import { withSession } from '../session';
import { CliFailure, printLine } from '../output';
import { careerMapOf, requireOrganisation } from './orgCareerMap';

interface ImportOptions {
  org: string;
  dryRun?: boolean;
}

function readInput(file: string): { bytes: Buffer; fileName: string } {
  try {
    return { bytes: readFileSync(file), fileName: path.basename(file) };
  } catch (error) {
    throw new CliFailure([`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
}

function failWith(file: string, problems: string[]): never {
  throw new CliFailure(problems.map((problem) => `${path.basename(file)}: ${problem}`));
}

export function registerImportCommands(program: Command): void {
  const importer = program.command('import').description('Import staff, opportunities or a career map from CSV, YAML or JSON');

  importer
    .command('staff')
    .argument('<file>', 'CSV, YAML or JSON with email,name,pathway,stage[,school,managerEmail,nextDiscussion,role]')
    .option('--org <id>', 'organisation id', 'default')
    .option('--dry-run', 'show what would change without writing')
    .description('Import or update the staff directory (upsert by email)')
    .action(async (file: string, options: ImportOptions) => {
      const input = readInput(file);
      await withSession(async ({ repos }) => {
        await requireOrganisation(repos, options.org);
        const parsed = parseStaffDirectory(input, await careerMapOf(repos, options.org));
        if (!parsed.ok) failWith(file, parsed.problems);
        const existing = await repos.staff.existingEmails(options.org, parsed.staff.map((row) => row.email));
        const created = parsed.staff.filter((row) => !existing.has(row.email)).length;
        if (options.dryRun) {
          printLine(`Dry run: ${parsed.staff.length} people: ${created} new, ${parsed.staff.length - created} updated. Nothing written.`);
          return;
        }
        await repos.staff.importDirectory(options.org, parsed.staff);
        await repos.audit.record(options.org, 'cli', 'staff.imported', { file: path.basename(file), rows: parsed.staff.length });
        printLine(`Imported ${parsed.staff.length} people into "${options.org}": ${created} new, ${parsed.staff.length - created} updated.`);
      });
    });

  importer
    .command('opportunities')
    .argument('<file>', 'CSV, YAML or JSON with id,title,summary,pathways,stages,scope,kind,entitlement[,provider,url,closes,tags]')
    .option('--org <id>', 'organisation id', 'default')
    .option('--dry-run', 'show what would change without writing')
    .description('Import or update opportunities (upsert by id; re-importing the same file changes nothing)')
    .action(async (file: string, options: ImportOptions) => {
      const input = readInput(file);
      await withSession(async ({ repos }) => {
        await requireOrganisation(repos, options.org);
        const parsed = parseOpportunities(input, await careerMapOf(repos, options.org));
        if (!parsed.ok) failWith(file, parsed.problems);
        const summary = options.dryRun
          ? await repos.opportunities.plan(options.org, parsed.opportunities)
          : await repos.opportunities.upsertMany(options.org, parsed.opportunities);
        const counts = `${summary.created.length} new, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged`;
        if (options.dryRun) {
          printLine(`Dry run: ${counts}. Nothing written.`);
          for (const id of summary.created) printLine(`  + ${id}`);
          for (const id of summary.updated) printLine(`  ~ ${id}`);
          return;
        }
        await repos.audit.record(options.org, 'cli', 'opportunities.imported', { file: path.basename(file), ...summary });
        printLine(`Imported ${parsed.opportunities.length} opportunities into "${options.org}": ${counts}.`);
      });
    });

  importer
    .command('career-map')
    .argument('<file>', 'YAML or JSON with cpdEntitlementDays and pathways (each with ordered stages)')
    .option('--org <id>', 'organisation id', 'default')
    .option('--dry-run', 'validate without writing')
    .description("Replace an organisation's pathways and stages")
    .action(async (file: string, options: ImportOptions) => {
      const input = readInput(file);
      await withSession(async ({ repos }) => {
        await requireOrganisation(repos, options.org);
        const parsed = parseCareerMap(input);
        if (!parsed.ok) failWith(file, parsed.problems);
        // Existing opportunities must still fit the new map, or people would be shown dangling stages.
        const orphans = (await repos.opportunities.listForOrg(options.org)).flatMap(({ opportunity }) =>
          opportunityReferenceProblems(opportunity, parsed.map).map((problem) => `opportunity ${opportunity.id}: ${problem}`),
        );
        if (orphans.length > 0) failWith(file, orphans);
        const stages = parsed.map.pathways.reduce((sum, p) => sum + p.stages.length, 0);
        if (options.dryRun) {
          printLine(`Dry run: ${parsed.map.pathways.length} pathways, ${stages} stages. Nothing written.`);
          return;
        }
        await repos.careerMaps.save(options.org, parsed.map);
        await repos.audit.record(options.org, 'cli', 'careerMap.imported', { file: path.basename(file) });
        printLine(`Career map for "${options.org}" now has ${parsed.map.pathways.length} pathways and ${stages} stages.`);
      });
    });
}
