/**
 * `npm run bench:explain`: asks the database how it runs the queries that have secondary indexes
 * (manager's reports: orgId + managerEmail; broadcast audience: orgId + pathway + stage, and
 * orgId + school) and the hot-path lookup by `_id`. The queries explained are the ones the
 * repositories really send, captured from the driver, not copies of them.
 *
 * - With MONGODB_URI naming a real mongod: each must use an index (no COLLSCAN), else exit 1.
 * - Without MONGODB_URI: starts a throwaway PostgreSQL cluster with FerretDB on it
 *   (bench/lib/ferretOnPostgres.ts), the only FerretDB backend whose `explain` shows a query plan.
 *   That shows what FerretDB does, not what MongoDB does, so it reports and does not fail.
 */
import { MongoClient, type CommandStartedEvent, type Db, type Document } from 'mongodb';
import { openRepositories } from '../src/store';
import { startFerretOnPostgres, type FerretOnPostgres } from './lib/ferretOnPostgres';
import { generateStaff } from './lib/generateStaff';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

/** mongod: the winning plan's stages and index names, e.g. "FETCH → IXSCAN orgId_1_managerEmail_1". */
function mongodPlan(plan: Document): { stages: string[]; indexes: string[] } {
  const stages: string[] = [];
  const indexes: string[] = [];
  const walk = (node: Document | undefined): void => {
    if (!node) return;
    if (node.stage) stages.push(String(node.stage));
    if (node.indexName) indexes.push(String(node.indexName));
    walk(node.inputStage as Document | undefined);
    walk(node.queryPlan as Document | undefined);
    for (const child of (node.inputStages as Document[] | undefined) ?? []) walk(child);
  };
  walk((plan.queryPlanner as Document | undefined)?.winningPlan as Document | undefined);
  return { stages, indexes };
}

/** FerretDB on PostgreSQL: the PostgreSQL plan's node types and index names, e.g. "Seq Scan". */
function postgresPlan(plan: Document): { stages: string[]; indexes: string[] } {
  const stages: string[] = [];
  const indexes: string[] = [];
  const walk = (node: Document | undefined): void => {
    if (!node) return;
    if (node['Node Type']) stages.push(String(node['Node Type']));
    if (node['Index Name']) indexes.push(String(node['Index Name']));
    for (const child of (node.Plans as Document[] | undefined) ?? []) walk(child);
  };
  walk((plan.queryPlanner as Document | undefined)?.Plan as Document | undefined);
  return { stages, indexes };
}

/** Runs `action` and returns the `find` commands it sent, ready to be explained. */
async function captureFinds(client: MongoClient, action: () => Promise<unknown>): Promise<Document[]> {
  const seen: Document[] = [];
  const listener = (event: CommandStartedEvent) => {
    if (event.commandName !== 'find') return;
    const command: Document = event.command;
    const kept: Document = {};
    for (const key of ['find', 'filter', 'projection', 'sort', 'limit']) if (command[key] !== undefined) kept[key] = command[key] as unknown;
    seen.push(kept);
  };
  client.on('commandStarted', listener);
  try {
    await action();
  } finally {
    client.off('commandStarted', listener);
  }
  return seen;
}

async function explainAll(client: MongoClient, db: Db, ferret: boolean): Promise<number> {
  const repos = await openRepositories(db);
  await repos.staff.importDirectory('default', generateStaff(2000));
  const checks: [string, () => Promise<unknown>, string][] = [
    ["manager's reports", () => repos.directory.reportsOf('default', 'person3@bench.school.org'), 'orgId_1_managerEmail_1'],
    ['audience by pathway and stage', () => repos.broadcasts.audience('default', { pathway: 'teaching', stage: 'ect' }), 'orgId_1_pathway_1_stage_1'],
    ['audience by school', () => repos.broadcasts.audience('default', { school: 'Hilltop Primary' }), 'orgId_1_school_1'],
    ['person by email (hot path)', () => repos.staff.findByEmail('default', 'person7@bench.school.org'), '_id_'],
  ];
  let failed = 0;
  for (const [name, action, expected] of checks) {
    const [command] = await captureFinds(client, action);
    if (!command) throw new Error(`${name}: the repository sent no find command`);
    const plan = await db.command({ explain: command, verbosity: 'queryPlanner' });
    if (ferret) {
      const { stages, indexes } = postgresPlan(plan);
      const pushed = plan.filterPushdown === true ? 'filter pushed down to PostgreSQL' : 'filter applied by FerretDB after reading every document';
      out(`${indexes.length ? 'index' : 'no index'}  ${name}: ${stages.join(' → ') || 'no plan'}${indexes.length ? ` using ${indexes.join(', ')}` : ''}; ${pushed} (mongod would use ${expected})`);
      continue;
    }
    const { stages, indexes } = mongodPlan(plan);
    const usesIndex = !stages.includes('COLLSCAN') && (indexes.length > 0 || stages.some((stage) => stage === 'IDHACK' || stage === 'EXPRESS_IXSCAN'));
    if (!usesIndex) failed += 1;
    out(`${usesIndex ? 'ok  ' : 'FAIL'} ${name}: ${stages.join(' → ')}${indexes.length ? ` (index ${indexes.join(', ')})` : ''}; expected ${expected}`);
  }
  return failed;
}

async function main(): Promise<void> {
  let server: FerretOnPostgres | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    server = await startFerretOnPostgres();
    if (!server) {
      out('explain check skipped: set MONGODB_URI to a real mongod (no PostgreSQL or FerretDB here to show FerretDB plans instead).');
      return;
    }
    uri = server.uri;
    out(`No MONGODB_URI: FerretDB on a throwaway ${server.postgresVersion} cluster.`);
  }
  const client = await MongoClient.connect(uri, { monitorCommands: true });
  const db = client.db(`explain_${Date.now()}`);
  try {
    const build = await client.db('admin').command({ buildInfo: 1 });
    const ferret = build.ferretdbVersion !== undefined;
    if (ferret) out(`FerretDB ${String(build.ferretdbVersion)}: its explain shows the SQL backend's plan.`);
    const failed = await explainAll(client, db, ferret);
    if (ferret) {
      out(
        'This is FerretDB, not mongod. FerretDB 1.x pushes equality filters down as jsonb containment (->, @>), which the ' +
          'btree expression indexes it builds for createIndex cannot serve (even with enable_seqscan=off; the same lookup written ' +
          'with = uses the _id index), so PostgreSQL scans the table, `_id` included. ' +
          'It proves nothing about mongod: run this with MONGODB_URI=mongodb://…mongod… to check index use there.',
      );
    } else if (failed > 0) {
      process.exitCode = 1;
    }
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
