import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  SCOPES,
  careerMapSchema,
  opportunitySchema,
  type CareerMap,
  type Opportunity,
} from '../../../src/core/careerMap/schema';

const dataDir = path.resolve(__dirname, '../../..', 'data/career-map');

function loadYaml(file: string): unknown {
  return parse(readFileSync(path.join(dataDir, file), 'utf8'));
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n');
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`${label} does not match the schema:\n${describeIssues(result.error)}`);
  }
  return result.data;
}

/** Pathway and stage ids fixed by DESIGN.md ("Default career map ids"), in order. */
const FIXED_PATHWAYS: Record<string, string[]> = {
  teaching: ['pre-itt', 'trainee', 'ect', 'developing', 'middle-leader', 'senior-leader', 'headship'],
  'teaching-assistant': ['apprentice', 'ta', 'senior-ta', 'hlta'],
  'business-operations': ['apprentice', 'officer', 'senior-officer', 'business-manager', 'executive-business'],
};

/** Extra pathways shipped with the default map (ids only; stage ids are free but 3–5 of them). */
const EXTRA_PATHWAYS = ['premises', 'it', 'pastoral-send', 'catering'];

/** The current NPQ family: opportunity id and the abbreviation its title must contain. */
const NPQ_FAMILY: Array<{ id: string; titleContains: string }> = [
  { id: 'npqlt', titleContains: 'NPQLT' },
  { id: 'npqltd', titleContains: 'NPQLTD' },
  { id: 'npqlbc', titleContains: 'NPQLBC' },
  { id: 'npqll', titleContains: 'NPQLL' },
  { id: 'npqlpm', titleContains: 'NPQLPM' },
  { id: 'npqsl', titleContains: 'NPQSL' },
  { id: 'npqh', titleContains: 'NPQH' },
  { id: 'npqel', titleContains: 'NPQEL' },
  { id: 'npqeyl', titleContains: 'NPQEYL' },
  { id: 'npq-senco', titleContains: 'SENCO' },
];

const rawMap = loadYaml('pathways.yaml');
const rawOpportunities = loadYaml('opportunities.yaml');

describe('default career map data', () => {
  let map: CareerMap;
  let opportunities: Opportunity[];

  beforeAll(() => {
    map = parseOrThrow(careerMapSchema, rawMap, 'pathways.yaml');
    opportunities = parseOrThrow(z.array(opportunitySchema), rawOpportunities, 'opportunities.yaml');
  });

  /** Opportunities that apply to a given pathway stage. */
  function applicableTo(pathwayId: string, stageId: string): Opportunity[] {
    return opportunities.filter((o) => o.pathways.includes(pathwayId) && o.stages.includes(stageId));
  }

  function stageIdsOf(pathwayId: string): string[] {
    const pathway = map.pathways.find((p) => p.id === pathwayId);
    if (!pathway) throw new Error(`pathway "${pathwayId}" is missing`);
    return pathway.stages.map((s) => s.id);
  }

  describe('pathways.yaml', () => {
    it('parses with careerMapSchema and promises five CPD days', () => {
      expect(map.pathways.length).toBeGreaterThanOrEqual(7);
      expect(map.cpdEntitlementDays).toBe(5);
      // The figure must be stated in the file, not supplied by the schema default.
      expect((rawMap as { cpdEntitlementDays?: unknown }).cpdEntitlementDays).toBe(5);
    });

    it.each(Object.entries(FIXED_PATHWAYS))('has pathway "%s" with the fixed stage ids in order', (id, stages) => {
      expect(stageIdsOf(id)).toEqual(stages);
    });

    it('lists the fixed pathways first, in the documented order', () => {
      expect(map.pathways.slice(0, 3).map((p) => p.id)).toEqual(Object.keys(FIXED_PATHWAYS));
    });

    it.each(EXTRA_PATHWAYS)('has extra pathway "%s" with 3 to 5 stages', (id) => {
      const stages = stageIdsOf(id);
      expect(stages.length).toBeGreaterThanOrEqual(3);
      expect(stages.length).toBeLessThanOrEqual(5);
    });

    it('has unique pathway ids', () => {
      const ids = map.pathways.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('gives every stage a name, a summary and at least one typical role', () => {
      for (const pathway of map.pathways) {
        for (const stage of pathway.stages) {
          expect({ where: `${pathway.id}/${stage.id}`, hasRoles: stage.roles.length > 0 }).toEqual({
            where: `${pathway.id}/${stage.id}`,
            hasRoles: true,
          });
          expect(stage.summary.length).toBeGreaterThan(20);
        }
      }
    });

    it('carries professional reading and pay notes for the teaching stages from ECT to headship', () => {
      const teaching = map.pathways.find((p) => p.id === 'teaching');
      for (const stageId of ['ect', 'developing', 'middle-leader', 'senior-leader', 'headship']) {
        const stage = teaching?.stages.find((s) => s.id === stageId);
        expect(stage?.reading.length ?? 0).toBeGreaterThan(0);
        expect(stage?.payNote).toBeTruthy();
      }
    });
  });

  describe('opportunities.yaml', () => {
    it('parses with the opportunity schema and has a sensible number of items', () => {
      expect(opportunities.length).toBeGreaterThanOrEqual(90);
      expect(opportunities.length).toBeLessThanOrEqual(150);
    });

    it('has unique ids', () => {
      const seen = new Set<string>();
      const duplicates: string[] = [];
      for (const o of opportunities) {
        if (seen.has(o.id)) duplicates.push(o.id);
        seen.add(o.id);
      }
      expect(duplicates).toEqual([]);
    });

    it('refers only to pathways that exist', () => {
      const pathwayIds = new Set(map.pathways.map((p) => p.id));
      const problems = opportunities.flatMap((o) =>
        o.pathways.filter((id) => !pathwayIds.has(id)).map((id) => `${o.id}: unknown pathway "${id}"`),
      );
      expect(problems).toEqual([]);
    });

    it('uses only stages that exist in at least one of the opportunity’s own pathways', () => {
      const problems = opportunities.flatMap((o) => {
        const allowed = new Set(
          map.pathways.filter((p) => o.pathways.includes(p.id)).flatMap((p) => p.stages.map((s) => s.id)),
        );
        return o.stages.filter((s) => !allowed.has(s)).map((s) => `${o.id}: stage "${s}" not in ${o.pathways.join(', ')}`);
      });
      expect(problems).toEqual([]);
    });

    it('gives every stage of every pathway at least one universal and two optional items', () => {
      const problems: string[] = [];
      for (const pathway of map.pathways) {
        for (const stage of pathway.stages) {
          const items = applicableTo(pathway.id, stage.id);
          const universal = items.filter((o) => o.entitlement === 'universal').length;
          const optional = items.filter((o) => o.entitlement === 'optional').length;
          if (universal < 1) problems.push(`${pathway.id}/${stage.id}: ${universal} universal`);
          if (optional < 2) problems.push(`${pathway.id}/${stage.id}: ${optional} optional`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives every stage a universal item of its own, beyond the entitlements shared by all pathways', () => {
      const allPathways = map.pathways.length;
      const problems: string[] = [];
      for (const pathway of map.pathways) {
        for (const stage of pathway.stages) {
          const own = applicableTo(pathway.id, stage.id).filter(
            (o) => o.entitlement === 'universal' && o.pathways.length < allPathways,
          );
          if (own.length === 0) problems.push(`${pathway.id}/${stage.id}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives every pathway at least one opportunity written just for it', () => {
      const allPathways = map.pathways.length;
      for (const pathway of map.pathways) {
        const specific = opportunities.filter((o) => o.pathways.includes(pathway.id) && o.pathways.length < allPathways);
        expect({ pathway: pathway.id, specific: specific.length > 0 }).toEqual({ pathway: pathway.id, specific: true });
      }
    });

    it.each([...SCOPES])('includes opportunities with scope "%s"', (scope) => {
      expect(opportunities.some((o) => o.scope === scope)).toBe(true);
    });

    it('includes the whole current NPQ family', () => {
      const byId = new Map(opportunities.map((o) => [o.id, o]));
      const missing = NPQ_FAMILY.filter(({ id, titleContains }) => !byId.get(id)?.title.includes(titleContains)).map(
        ({ id }) => id,
      );
      expect(missing).toEqual([]);
      for (const { id } of NPQ_FAMILY) {
        expect(byId.get(id)?.pathways).toContain('teaching');
        expect(byId.get(id)?.scope).toBe('national');
      }
    });

    it('offers routes from teaching assistant to teacher as cross-pathway opportunities', () => {
      const routes = opportunities.filter(
        (o) =>
          o.pathways.includes('teaching-assistant') &&
          o.pathways.includes('teaching') &&
          o.stages.includes('pre-itt') &&
          o.stages.includes('hlta') &&
          o.tags.includes('teacher-training'),
      );
      expect(routes.length).toBeGreaterThanOrEqual(3);
    });

    it('uses the placeholder domain for every owner email', () => {
      const owners = opportunities.filter((o) => o.owner);
      expect(owners.length).toBeGreaterThanOrEqual(3);
      for (const o of owners) {
        expect(o.owner?.email).toMatch(/@example-trust\.org\.uk$/);
      }
    });

    it('keeps closing dates rare and in the future of the shipped data (2027)', () => {
      const closing = opportunities.filter((o) => o.closes !== undefined);
      expect(closing.length).toBeLessThanOrEqual(3);
      for (const o of closing) {
        expect(o.closes).toMatch(/^2027-/);
      }
    });
  });
});
