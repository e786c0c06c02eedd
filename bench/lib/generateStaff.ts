import { prng } from '../../test/support/prng';
import type { DirectoryRow } from '../../src/store/repositories/staff';

/** Pathways and stages of the default career map that generated people are spread over. */
const PLACES: readonly [string, string][] = [
  ['teaching', 'ect'],
  ['teaching', 'developing'],
  ['teaching', 'middle-leader'],
  ['teaching', 'senior-leader'],
  ['teaching-assistant', 'ta'],
  ['teaching-assistant', 'hlta'],
  ['business-operations', 'officer'],
  ['business-operations', 'business-manager'],
];
const SCHOOLS = ['Hilltop Primary', 'Valley Academy', 'Riverside School', 'Northgate High', 'Oak Lane Infants'];
const FIRST = ['Ada', 'Grace', 'Alan', 'Mary', 'Kit', 'Nia', 'Omar', 'Priya', 'Sam', 'Zoe', 'Tom', 'Ewan'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Seacole', 'Marlowe', 'Okafor', 'Khan', 'Patel', 'Jones', 'Smith'];

export const BENCH_SEED = 20261130;

/** `count` distinct directory rows from a pinned seed: the same input on every run and machine. */
export function generateStaff(count: number, seed = BENCH_SEED, offset = 0): DirectoryRow[] {
  const random = prng(seed + offset);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const [pathway, stage] = pick(PLACES);
    return {
      email: `person${n}@bench.school.org`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      pathway,
      stage,
      school: pick(SCHOOLS),
      ...(n > 0 ? { managerEmail: `person${Math.floor(n / 10)}@bench.school.org` } : {}),
    };
  });
}

/** The same rows as a staff CSV, as an HR export would give them (UK dates). */
export function toCsv(rows: readonly DirectoryRow[]): string {
  const lines = rows.map((r) => [r.email, r.name, r.pathway, r.stage, r.school ?? '', r.managerEmail ?? '', '15/03/2027'].join(','));
  return `email,name,pathway,stage,school,managerEmail,nextDiscussion\n${lines.join('\n')}\n`;
}
