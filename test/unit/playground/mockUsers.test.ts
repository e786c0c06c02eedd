import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEMO_NEWCOMER, DEMO_STAFF, DEMO_TEAM } from '../../../src/cli/commands/demoTrust';
import { PLAYGROUND_CONFIG, playgroundConfigFor } from '../../../scripts/playground/config';

interface MockUser {
  name: string;
  email: string;
  userPrincipleName: string;
}
interface PlaygroundFile {
  currentUser: MockUser;
  users: MockUser[];
  team: { name: string; channels: { name: string }[] };
}

const read = (file: string) => parse(readFileSync(file, 'utf8')) as PlaygroundFile;

describe("the Agents Playground's mock users", () => {
  const config = read(PLAYGROUND_CONFIG);
  const people = [config.currentUser, ...config.users];

  it('are people of the demo trust, with the same names and emails, plus one newcomer', () => {
    const directory = new Map(DEMO_STAFF.map((person) => [person.email, person.name]));
    const strangers = people.filter((user) => !directory.has(user.email));
    expect(strangers.map((user) => user.email)).toEqual([DEMO_NEWCOMER.email]);
    for (const user of people.filter((u) => directory.has(u.email))) {
      expect(user.name).toBe(directory.get(user.email));
      expect(user.userPrincipleName).toBe(user.email);
    }
  });

  it('sign in as a recognised member of staff and stay within the Playground limit of five other users', () => {
    expect(DEMO_STAFF.map((person) => person.email)).toContain(config.currentUser.email);
    expect(config.users.length).toBeLessThanOrEqual(5);
  });

  it('have the demo team and its channel', () => {
    expect(config.team.name).toBe(DEMO_TEAM.name);
    expect(config.team.channels.map((channel) => channel.name)).toContain(DEMO_TEAM.channel);
  });

  it('can be signed in as another of the people, who then leaves the users list', () => {
    const asAlex = read(playgroundConfigFor(DEMO_NEWCOMER.email));
    expect(asAlex.currentUser.email).toBe(DEMO_NEWCOMER.email);
    expect(asAlex.users.map((user) => user.email)).toContain(config.currentUser.email);
    expect(asAlex.users.map((user) => user.email)).not.toContain(DEMO_NEWCOMER.email);
    expect(asAlex.users).toHaveLength(config.users.length);
    expect(() => playgroundConfigFor('nobody@northfield.example')).toThrow(/not a mock user/);
  });
});
