import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { opportunityReferenceProblems } from '../../core/careerMap/references';
import { parseCareerMap, parseOpportunities, type ImportFileInput } from '../../core/imports';
import type { Repositories } from '../../store';
import { withSession } from '../session';
import { CliFailure, printLine } from '../output';
import { careerMapOf, requireOrganisation } from './orgCareerMap';
import { importStaffDirectory } from './importStaff';

/** What every import command receives once its file is read and its organisation checked. */
export interface ImportRun {
  input: ImportFileInput;
  fileName: string;
  org: string;
  dryRun: boolean;
  /** Flags of this command beyond --org and --dry-run, by their camel-case name. */
  flags: Record<string, unknown>;
  repos: Repositories;
  /** Rejects the whole file with one line per problem. */
  fail: (problems: string[]) => never;
}

interface ImportCommandSpec {
  name: string;
  fileHelp: string;
  description: string;
  dryRunHelp: string;
  extraFlags?: { flags: string; help: string }[];
  run(ctx: ImportRun): Promise<void>;
}

function readInput(file: string): ImportFileInput {
  try {
    return { bytes: readFileSync(file), fileName: path.basename(file) };
  } catch (error) {
    throw new CliFailure([`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
}

function addImportCommand(importer: Command, spec: ImportCommandSpec): void {
  const command = importer
    .command(spec.name)
    .argument('<file>', spec.fileHelp)
    .option('--org <id>', 'organisation id', 'default')
    .option('--dry-run', spec.dryRunHelp)
    .description(spec.description);
  for (const extra of spec.extraFlags ?? []) command.option(extra.flags, extra.help);
  command.action(async (file: string, options: { org: string; dryRun?: boolean } & Record<string, unknown>) => {
    const input = readInput(file);
    await withSession(async ({ repos }) => {
      await requireOrganisation(repos, options.org);
      await spec.run({
        input,
        fileName: input.fileName,
        org: options.org,
        dryRun: Boolean(options.dryRun),
        flags: options,
        repos,
        fail: (problems) => {
          throw new CliFailure(problems.map((problem) => `${input.fileName}: ${problem}`));
        },
      });
    });
  });
}

export function registerImportCommands(program: Command): void {
  const importer = program.command('import').description('Import staff, opportunities or a career map from CSV, YAML or JSON');

  addImportCommand(importer, {
    name: 'staff',
    fileHelp: 'CSV, YAML or JSON with email,name,pathway,stage[,school,managerEmail,nextDiscussion,jobTitle]',
    description: 'Import or update the staff directory (upsert by email; unchanged rows are not written)',
    dryRunHelp: 'show what would change without writing',
    extraFlags: [
      {
        flags: '--deactivate-missing',
        help: 'deactivate directory people the file no longer lists (leavers receive nothing more; their data is kept)',
      },
    ],
    async run({ input, fileName, org, dryRun, flags, repos, fail }) {
      await importStaffDirectory({ input, fileName, org, dryRun, repos, fail, deactivateMissing: Boolean(flags.deactivateMissing) });
    },
  });

  addImportCommand(importer, {
    name: 'opportunities',
    fileHelp: 'CSV, YAML or JSON with id,title,summary,pathways,stages,scope,kind,entitlement[,provider,url,closes,tags]',
    description: 'Import or update opportunities (upsert by id; re-importing the same file changes nothing)',
    dryRunHelp: 'show what would change without writing',
    async run({ input, fileName, org, dryRun, repos, fail }) {
      const parsed = parseOpportunities(input, await careerMapOf(repos, org));
      if (!parsed.ok) return fail(parsed.problems);
      const summary = dryRun
        ? await repos.opportunities.plan(org, parsed.opportunities)
        : await repos.opportunities.upsertMany(org, parsed.opportunities);
      const counts = `${summary.created.length} new, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged`;
      if (dryRun) {
        printLine(`Dry run: ${counts}. Nothing written.`);
        for (const id of summary.created) printLine(`  + ${id}`);
        for (const id of summary.updated) printLine(`  ~ ${id}`);
        return;
      }
      await repos.audit.record(org, 'cli', 'opportunities.imported', { file: fileName, ...summary });
      printLine(`Imported ${parsed.opportunities.length} opportunities into "${org}": ${counts}.`);
    },
  });

  addImportCommand(importer, {
    name: 'career-map',
    fileHelp: 'YAML or JSON with cpdEntitlementDays and pathways (each with ordered stages)',
    description: "Replace an organisation's pathways and stages",
    dryRunHelp: 'validate without writing',
    async run({ input, fileName, org, dryRun, repos, fail }) {
      const parsed = parseCareerMap(input);
      if (!parsed.ok) return fail(parsed.problems);
      // Existing opportunities must still fit the new map, or people would be shown dangling stages.
      const orphans = (await repos.opportunities.listForOrg(org)).flatMap(({ opportunity }) =>
        opportunityReferenceProblems(opportunity, parsed.map).map((problem) => `opportunity ${opportunity.id}: ${problem}`),
      );
      if (orphans.length > 0) return fail(orphans);
      const stages = parsed.map.pathways.reduce((sum, p) => sum + p.stages.length, 0);
      if (dryRun) {
        printLine(`Dry run: ${parsed.map.pathways.length} pathways, ${stages} stages. Nothing written.`);
        return;
      }
      await repos.careerMaps.save(org, parsed.map);
      await repos.audit.record(org, 'cli', 'careerMap.imported', { file: fileName });
      printLine(`Career map for "${org}" now has ${parsed.map.pathways.length} pathways and ${stages} stages.`);
    },
  });
}
