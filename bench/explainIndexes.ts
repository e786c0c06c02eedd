/**
 * `npm run bench:explain`: asks the database how it runs the queries that have secondary indexes
 * (manager's reports: orgId + managerEmail; broadcast audience: orgId + pathway + stage, and
 * orgId + school) and the hot-path lookup by `_id`. The queries explained are the ones the
 * repositories really send, captured from the driver, not copies of them.
 *
 * - With MONGODB_URI naming a real mongod: each must use an index (no COLLSCAN), else exit 1.
 * - Without MONGODB_URI: FerretDB on a throwaway PostgreSQL cluster (bench/lib/ferretOnPostgres.ts)
 *   and the embedded FerretDB on SQLite; FerretDB's explain shows the SQL plan of its backend. That
 *   shows what FerretDB does, not what MongoDB does, so it reports and does not fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type CommandStartedEvent, type Db, type Document } from 'mongodb';
import { openRepositories } from '../src/store';
import { ferretDbInstalled, startFerretDb } from '../src/store/embedded/ferretdb';
import { startFerretOnPostgres } from './lib/ferretOnPostgres';
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

/**
 * FerretDB: its backend's plan. On PostgreSQL a tree of node types and index names ("Seq Scan");
 * on SQLite the lines of EXPLAIN QUERY PLAN ("SCAN t", "SEARCH t USING INDEX t__id_ (<expr>=?)").
 */
function ferretPlan(plan: Document): { stages: string[]; indexes: string[] } {
  const stages: string[] = [];
  const indexes: string[] = [];
  const root = (plan.queryPlanner as Document | undefined)?.Plan as unknown;
  if (Array.isArray(root)) {
    for (const line of root.map(String)) {
      const detail = /detail=(.*)$/.exec(line)?.[1] ?? line;
      stages.push(detail.split(' ')[0] ?? detail);
      const index = / USING (?:COVERING )?INDEX (\S+)/.exec(detail)?.[1];
      if (index) indexes.push(index);
    }
    return { stages, indexes };
  }
  const walk = (node: Document | undefined): void => {
    if (!node) return;
    if (node['Node Type']) stages.push(String(node['Node Type']));
    if (node['Index Name']) indexes.push(String(node['Index Name']));
    for (const child of (node.Plans as Document[] | undefined) ?? []) walk(child);
  };
  walk(root as Document | undefined);
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
      const { stages, indexes } = ferretPlan(plan);
      const pushed = plan.filterPushdown === true ? 'filter pushed down to SQL' : 'filter not pushed down: FerretDB reads every document and filters them itself';
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

const NOTES = {
  postgresql:
    'FerretDB 1.x on PostgreSQL pushes equality filters down as jsonb containment (->, @>), which the btree expression ' +
    'indexes it builds for createIndex cannot serve (even with enable_seqscan=off; the same lookup written with = uses ' +
    'the _id index), so PostgreSQL scans the table, `_id` included.',
  sqlite:
    'FerretDB 1.x on SQLite pushes down only a filter that is exactly {_id: <string>}; any other filter is applied by ' +
    'FerretDB after reading every document, so secondary indexes are never used. The `_id` lookup uses the _id index ' +
    'only in the build patched by scripts/install-ferretdb.sh (stock 1.24 scans).',
};

interface Target {
  label: string;
  uri: string;
  note?: string;
  stop?: () => Promise<void>;
}

/** MONGODB_URI when set; otherwise FerretDB on a throwaway PostgreSQL and the embedded FerretDB on SQLite. */
async function targets(): Promise<Target[]> {
  if (process.env.MONGODB_URI) return [{ label: 'MONGODB_URI', uri: process.env.MONGODB_URI }];
  const found: Target[] = [];
  const postgres = await startFerretOnPostgres();
  if (postgres) found.push({ label: `FerretDB on a throwaway ${postgres.postgresVersion} cluster`, uri: postgres.uri, note: NOTES.postgresql, stop: () => postgres.stop() });
  if (ferretDbInstalled()) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nextstep-explain-'));
    const sqlite = await startFerretDb({ dataDir });
    const stop = async () => {
      await sqlite.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    found.push({ label: 'embedded FerretDB (SQLite)', uri: sqlite.uri, note: NOTES.sqlite, stop });
  }
  return found;
}

async function main(): Promise<void> {
  const list = await targets();
  if (list.length === 0) {
    out('explain check skipped: set MONGODB_URI to a real mongod (no PostgreSQL or FerretDB here to show FerretDB plans instead).');
    return;
  }
  try {
    for (const target of list) {
      out(`\n${target.label}:`);
      const client = await MongoClient.connect(target.uri, { monitorCommands: true });
      const db = client.db(`explain_${Date.now()}`);
      try {
        const build = await client.db('admin').command({ buildInfo: 1 });
        const ferret = build.ferretdbVersion !== undefined;
        if (ferret) out(`FerretDB ${String(build.ferretdbVersion)}; its explain shows the SQL backend's plan.`);
        const failed = await explainAll(client, db, ferret);
        if (ferret) out(`${target.note ?? ''} This is FerretDB, not mongod, and proves nothing about mongod: run with MONGODB_URI=<a mongod> for that.`.trim());
        else if (failed > 0) process.exitCode = 1;
      } finally {
        await db.dropDatabase().catch(() => undefined);
        await client.close();
      }
    }
  } finally {
    for (const target of list) await target.stop?.();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
