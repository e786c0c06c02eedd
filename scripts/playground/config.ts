import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';

export const PLAYGROUND_CONFIG = path.resolve(__dirname, '../../playground/.m365agentsplayground.yml');

interface MockUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The checked-in mock Teams data, or a copy in which `asEmail` is the signed-in user (the previous
 * current user joins the other users), so any demo person can be tried without editing the file.
 */
export function playgroundConfigFor(asEmail?: string): string {
  if (!asEmail) return PLAYGROUND_CONFIG;
  const doc = parseDocument(readFileSync(PLAYGROUND_CONFIG, 'utf8'));
  const current = doc.get('currentUser') as { toJSON(): MockUser };
  const users = (doc.get('users') as { toJSON(): MockUser[] }).toJSON();
  const wanted = users.find((user) => user.email.toLowerCase() === asEmail.toLowerCase());
  if (!wanted) {
    const known = [current.toJSON(), ...users].map((user) => user.email).join(', ');
    throw new Error(`${asEmail} is not a mock user in ${PLAYGROUND_CONFIG} (known: ${known})`);
  }
  doc.set('currentUser', wanted);
  doc.set('users', [current.toJSON(), ...users.filter((user) => user !== wanted)]);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'nextstep-playground-')), '.m365agentsplayground.yml');
  writeFileSync(file, doc.toString());
  return file;
}
