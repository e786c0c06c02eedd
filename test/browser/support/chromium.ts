import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`); playwright-core never downloads a browser here. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string | undefined {
  return CANDIDATES.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}
