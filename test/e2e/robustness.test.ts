import { messageActivity, submitActivity } from '../support/activities';
import { useTeamsApp } from '../support/useTeamsApp';
import { prng } from '../support/prng';

const ODD_VALUES: unknown[] = [
  null, 0, -1, 1e308, '', ' ', 'x'.repeat(5000), '../../etc/passwd', '$where', { $gt: '' }, [], [[]], {}, true,
  '<script>alert(1)</script>', '\u0000', '😀'.repeat(50), 'DROP TABLE staff;', { action: 'saveOpportunity' },
  'constructor', '__proto__', 'toString', 'whatNext', 'deleteMyData',
];

describe('robustness against malformed and hostile input', () => {
  const bot = useTeamsApp();
  const SEED = 20261123;
  const ROUNDS = 150;

  it(`answers ${ROUNDS * 3} random malformed activities, texts and card submits without a 5xx`, async () => {
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const who = { serviceUrl: bot.connector.url, conversationId: 'fuzz', userId: 'fuzz-user' };
    bot.connector.members.set('fuzz-user', { id: 'fuzz-user', name: 'Fuzz', email: 'fuzz@school.org' });
    const statuses: number[] = [];

    for (let round = 0; round < ROUNDS; round += 1) {
      // 1. A structurally odd activity.
      const activity: Record<string, unknown> = { ...messageActivity(who, 'hi') };
      for (const key of ['type', 'text', 'from', 'conversation', 'value', 'channelData', 'serviceUrl', 'name']) {
        if (random() < 0.3) activity[key] = pick(ODD_VALUES);
      }
      if (random() < 0.2) activity.serviceUrl = bot.connector.url;
      statuses.push((await bot.app.post('/api/messages', activity)).status);

      // 2. Odd text.
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => String(pick(ODD_VALUES))).join(' ');
      statuses.push((await bot.app.post('/api/messages', messageActivity(who, text))).status);

      // 3. An odd card submit.
      const value: Record<string, unknown> = {
        action: pick(['saveOpportunity', 'setPlanStatus', 'logCpd', 'submitOnboarding', 'browsePage', 'runIntent', 'nonsense', 'confirmDeleteData']),
      };
      for (const key of ['opportunityId', 'status', 'page', 'days', 'date', 'title', 'pathway', 'stage', 'email', 'managerEmail', 'intent']) {
        if (random() < 0.5) value[key] = pick(ODD_VALUES);
      }
      statuses.push((await bot.app.post('/api/messages', submitActivity(who, value))).status);
    }

    expect(statuses).toHaveLength(ROUNDS * 3);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect((await fetch(`${bot.app.baseUrl}/healthz`)).status).toBe(200);
    // The fuzzed person can still hold a normal conversation afterwards.
    expect((await bot.app.post('/api/messages', messageActivity(who, 'help'))).status).toBe(200);
  });
});
