import { SingleBar } from 'cli-progress';
import { parseStaffDirectory } from '../../core/imports';
import { summariseDirectoryPlan, type DirectoryPlan } from '../../store/repositories/staff';
import { printLine } from '../output';
import type { ImportRun } from './importCommands';
import { careerMapOf } from './orgCareerMap';

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

type StaffImportRun = Omit<ImportRun, 'flags'> & { deactivateMissing: boolean };

function describe(plan: DirectoryPlan): string {
  const s = summariseDirectoryPlan(plan);
  return `${s.created} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.deactivated} deactivated`;
}

/** A progress bar on a terminal; nothing when output is piped or captured. */
function progressBar(total: number): { update(done: number): void; stop(): void } {
  if (!process.stdout.isTTY || total === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: 'Writing {bar} {value}/{total} people', hideCursor: true, stream: process.stdout });
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

/**
 * `nextstep import staff`: validates the whole file first (nothing is written if any row is bad),
 * reads what is stored once, then writes only new, changed and deactivated people in batches.
 */
export async function importStaffDirectory(run: StaffImportRun): Promise<void> {
  const { input, fileName, org, dryRun, repos, fail, deactivateMissing } = run;
  const parsed = parseStaffDirectory(input, await careerMapOf(repos, org));
  if (!parsed.ok) return fail(parsed.problems);
  const plan = await repos.staff.planDirectory(org, parsed.staff, { deactivateMissing });
  if (dryRun) {
    printLine(`Dry run: ${people(parsed.staff.length)}: ${describe(plan)}. Nothing written.`);
    for (const email of plan.deactivated) printLine(`  - ${email}`);
    return;
  }
  const bar = progressBar(plan.created.length + plan.changed.length + plan.deactivated.length);
  try {
    await repos.staff.applyDirectory(org, plan, (written) => bar.update(written));
  } finally {
    bar.stop();
  }
  await repos.audit.record(org, 'cli', 'staff.imported', {
    file: fileName,
    rows: parsed.staff.length,
    deactivateMissing,
    ...summariseDirectoryPlan(plan),
  });
  printLine(`Imported ${people(parsed.staff.length)} into "${org}": ${describe(plan)}.`);
}
