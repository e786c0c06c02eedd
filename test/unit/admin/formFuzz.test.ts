import fc from 'fast-check';
import { checkOpportunityForm } from '../../../src/core/admin/opportunityForm';
import { CareerCatalogue } from '../../../src/core/careerMap/catalogue';
import { loadDefaultCareerMap } from '../../../src/core/careerMap/defaultMap';
import { opportunitySchema } from '../../../src/core/careerMap/schema';
import { actionSchema } from '../../../src/core/conversation/actions';

const { map } = loadDefaultCareerMap();
const catalogue = new CareerCatalogue(map, []);
const LABELS = ['Id', 'Title', 'Summary', 'Pathways', 'Stages', 'Where', 'Type', 'Entitlement', 'Provider', 'Web address', 'Closing date', 'Tags'];

/** Field values an admin (or a forged payload) might send: plausible ones, near misses and noise. */
const fieldValue = fc.oneof(
  fc.constantFrom('', ' ', 'teaching', 'teaching,teaching-assistant', 'ect,hlta', 'trust', 'national', 'shadowing', 'course', 'optional', 'universal'),
  fc.constantFrom('https://example.org/x', 'javascript:alert(1)', '2027-03-31', '2027-02-30', '31/03/2027', 'Phonics Lead', 'a'.repeat(300)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const FIELDS = ['id', 'title', 'summary', 'pathways', 'stages', 'scope', 'kind', 'entitlement', 'provider', 'url', 'closes', 'tags'] as const;
const overrides = fc.record(Object.fromEntries(FIELDS.map((field) => [field, fieldValue])) as Record<(typeof FIELDS)[number], typeof fieldValue>, {
  requiredKeys: [],
});
const valid = {
  id: 'phonics-lead-shadowing',
  title: 'Phonics lead shadowing',
  summary: "A morning with the trust's phonics lead.",
  pathways: 'teaching',
  stages: 'ect',
  scope: 'trust',
  kind: 'shadowing',
  entitlement: 'optional',
};
/** Half start from a valid form with a field or two changed, half are random from scratch. */
const formValues = fc.oneof(
  overrides,
  fc.subarray([...FIELDS], { maxLength: 2 }).chain((fields) =>
    fc.tuple(...fields.map(() => fieldValue)).map((values) => ({ ...valid, ...Object.fromEntries(fields.map((field, i) => [field, values[i]])) })),
  ),
);

describe('the opportunity form under random input', () => {
  const RUNS = 1000;

  it(`never throws in ${RUNS} random submissions: either a valid opportunity or errors naming form fields`, () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(formValues, (values) => {
        const result = checkOpportunityForm(values, catalogue);
        if (result.ok) {
          accepted += 1;
          expect(opportunitySchema.safeParse(result.opportunity).success).toBe(true);
          return;
        }
        rejected += 1;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect(LABELS.some((label) => error.startsWith(`${label}: `))).toBe(true);
      }),
      { numRuns: RUNS, seed: 20261130 },
    );
    console.log(`opportunity form fuzz: ${accepted} accepted, ${rejected} rejected of ${RUNS}`);
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });

  it('accepts every random payload shape the action schema lets through without throwing', () => {
    fc.assert(
      fc.property(formValues, fc.option(fc.string({ maxLength: 90 })), (values, editing) => {
        const parsed = actionSchema.safeParse({ action: 'saveOpportunityForm', ...values, ...(editing === null ? {} : { editing }) });
        if (parsed.success && parsed.data.action === 'saveOpportunityForm') {
          const { action: _action, editing: _editing, ...fields } = parsed.data;
          expect(() => checkOpportunityForm(fields, catalogue)).not.toThrow();
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
