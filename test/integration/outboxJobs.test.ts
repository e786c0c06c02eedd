import { loadConfig } from '../../src/config';
import { startJobs } from '../../src/jobs/startJobs';
import { NUDGE_LEASE } from '../../src/jobs/nudges/runNudgePass';
import { silentLogger } from '../support/silentLogger';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('the nudge schedule', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase();
    await database.repos.organisations.ensureDefault();
  });

  afterEach(async () => {
    await database.dispose();
  });

  const config = (env: Record<string, string>) =>
    loadConfig({ NODE_ENV: 'test', MONGODB_URI: database.uri, MONGODB_DB: database.name, LOG_LEVEL: 'silent', NUDGE_SCHEDULE: '0 8 1 1 *', ...env });

  it('catches up with a pass after start-up when none ran in the last day, and stops cleanly', async () => {
    const jobs = startJobs(config({ JOBS_ENABLED: 'true' }), database.repos, silentLogger());
    let lease = await database.repos.leases.current(NUDGE_LEASE);
    for (let tries = 0; !lease && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lease = await database.repos.leases.current(NUDGE_LEASE);
    }
    await jobs.stop();
    expect(lease).not.toBeNull();
    expect(lease?.epoch).toBe(1);

    // A restart soon after finds a recent pass and does not run another.
    const again = startJobs(config({ JOBS_ENABLED: 'true' }), database.repos, silentLogger());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await again.stop();
    expect((await database.repos.leases.current(NUDGE_LEASE))?.epoch).toBe(1);
  });

  it('does nothing when turned off', async () => {
    const jobs = startJobs(config({ JOBS_ENABLED: 'false' }), database.repos, silentLogger());
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await jobs.stop();
    expect(await database.repos.leases.current(NUDGE_LEASE)).toBeNull();
  });
});
