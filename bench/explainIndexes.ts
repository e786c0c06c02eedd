/**
 * `npm run bench:explain`: checks on a real MongoDB that the secondary-index queries use their
 * indexes (manager's reports: orgId + managerEmail; audience: orgId + pathway + stage, orgId + school)
 * and that hot-path lookups go by `_id`. FerretDB 1.x does not use secondary indexes at all, so the
 * check only means something on mongod: it skips with a message unless MONGODB_URI names one.
 */
import { MongoClient, type Document } from 'mongodb';
import { openRepositories } from '../src/store';
import { generateStaff } from './lib/generateStaff';

function winningStages(plan: Document): string[] {
  const stages: string[] = [];
  const walk = (node: Document | undefined): void => {
    if (!node) return;
    stages.push(String(node.stage ?? (node.queryPlan as Document | undefined)?.stage ?? ''));
    walk(node.inputStage as Document | undefined);
    walk(node.queryPlan as Document | undefined);
    for (const child of (node.inputStages as Document[] | undefined) ?? []) walk(child);
  };
  walk((plan.queryPlanner as Document | undefined)?.winningPlan as Document | undefined);
  return stages.filter(Boolean);
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    process.stdout.write('explain check skipped: set MONGODB_URI to a real mongod (FerretDB does not use secondary indexes).\n');
    return;
  }
  const client = await MongoClient.connect(uri);
  try {
    const build = await client.db('admin').command({ buildInfo: 1 });
    if (build.ferretdbVersion !== undefined) {
      process.stdout.write('explain check skipped: MONGODB_URI points at FerretDB, which does not use secondary indexes.\n');
      return;
    }
    const db = client.db(`explain_${Date.now()}`);
    const repos = await openRepositories(db);
    await repos.staff.importDirectory('default', generateStaff(2000));
    const staff = db.collection('staff');
    const checks: [string, Document, string][] = [
      ["manager's reports", { orgId: 'default', managerEmail: 'person3@bench.school.org' }, 'orgId_1_managerEmail_1'],
      ['audience by pathway and stage', { orgId: 'default', pathway: 'teaching', stage: 'ect' }, 'orgId_1_pathway_1_stage_1'],
      ['audience by school', { orgId: 'default', school: 'Hilltop Primary' }, 'orgId_1_school_1'],
      ['person by email', { _id: 'default:person7@bench.school.org' }, '_id_'],
    ];
    let failed = 0;
    for (const [name, filter, index] of checks) {
      const plan = await staff.find(filter).explain('queryPlanner');
      const stages = winningStages(plan);
      const text = JSON.stringify((plan.queryPlanner as Document | undefined)?.winningPlan ?? {});
      const ok = !stages.includes('COLLSCAN') && (text.includes(index) || stages.includes('IDHACK') || stages.includes('EXPRESS_IXSCAN'));
      if (!ok) failed += 1;
      process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${stages.join(' → ')} (expected ${index})\n`);
    }
    await db.dropDatabase();
    if (failed > 0) process.exitCode = 1;
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
