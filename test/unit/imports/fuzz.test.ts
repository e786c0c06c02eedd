import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCareerMap, parseOpportunities, parseStaffDirectory } from '../../../src/core/imports';
import { testMap } from './helpers';
import { prng } from '../../support/prng';

const FIXTURES = path.resolve(__dirname, '../../fixtures/imports');
const SAMPLES = ['opportunities-good.csv', 'opportunities-good.yaml', 'opportunities-good.json', 'staff-good.csv', 'career-map-good.yaml'];
const NOISE = [',', ';', '"', '\n', '\r\n', '\u0000', '\uFEFF', ':', '- ', '{', '}', '[', ']', 'é', '😀', '\t', '#', '&a', '*a'];

describe('import parsers under mutated input', () => {
  const ROUNDS = 400;

  it(`never throw on ${ROUNDS} randomly mutated files per parser, and always explain a rejection`, () => {
    const random = prng(424242);
    const map = testMap;
    let rejected = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const sample = SAMPLES[Math.floor(random() * SAMPLES.length)] as string;
      const original = readFileSync(path.join(FIXTURES, sample));
      const bytes = Buffer.from(original);
      const edits = 1 + Math.floor(random() * 6);
      let text = bytes.toString('utf8');
      for (let edit = 0; edit < edits; edit += 1) {
        const at = Math.floor(random() * (text.length + 1));
        const noise = NOISE[Math.floor(random() * NOISE.length)] as string;
        text = random() < 0.5 ? text.slice(0, at) + noise + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
      }
      const input = { bytes: random() < 0.05 ? Buffer.from([0xff, 0xfe, 0x41, 0x00]) : Buffer.from(text, 'utf8'), fileName: sample };
      for (const result of [parseOpportunities(input, map), parseStaffDirectory(input, map), parseCareerMap(input)]) {
        if (!result.ok) {
          rejected += 1;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const line of result.problems) expect(line.trim().length).toBeGreaterThan(0);
        }
      }
    }
    expect(rejected).toBeGreaterThan(ROUNDS);
  });
});
