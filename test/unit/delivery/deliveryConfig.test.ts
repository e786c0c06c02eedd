import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/errors';

describe('nudge and delivery configuration', () => {
  it('has defaults within the platform limits', () => {
    const config = loadConfig({});
    expect(config.nudges).toMatchObject({ offsetsDays: [14, 2], managerOffsetsDays: [7, 1], jobsEnabled: true });
    expect(config.delivery).toEqual({ teamsPerSecond: 50, slackPerSecond: 1, maxAttempts: 5, leaseMs: 120_000 });
    expect(loadConfig({ NODE_ENV: 'test' }).nudges.jobsEnabled).toBe(false);
  });

  it('reads overrides, blank meaning the default', () => {
    const config = loadConfig({ MANAGER_NUDGE_OFFSETS_DAYS: '10, 3', JOBS_ENABLED: '', DELIVERY_LEASE_SECONDS: '300' });
    expect(config.nudges.managerOffsetsDays).toEqual([10, 3]);
    expect(config.nudges.jobsEnabled).toBe(true);
    expect(config.delivery.leaseMs).toBe(300_000);
    expect(loadConfig({ JOBS_ENABLED: 'no' }).nudges.jobsEnabled).toBe(false);
  });

  it('names each bad variable on its own line', () => {
    const attempt = () => loadConfig({ JOBS_ENABLED: 'maybe', TEAMS_MESSAGES_PER_SECOND: '80', MANAGER_NUDGE_OFFSETS_DAYS: 'soon' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems.map((line) => line.split(':')[0])).toEqual([
        'MANAGER_NUDGE_OFFSETS_DAYS.0',
        'JOBS_ENABLED',
        'TEAMS_MESSAGES_PER_SECOND',
      ]);
    }
  });
});
