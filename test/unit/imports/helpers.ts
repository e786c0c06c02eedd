import { readFileSync } from 'node:fs';
import path from 'node:path';

import { careerMapSchema, type CareerMap } from '../../../src/core/careerMap/schema';
import type { ImportFileInput } from '../../../src/core/imports';

/** A small career map for import tests (independent of the shipped default map). */
export const testMap: CareerMap = careerMapSchema.parse({
  pathways: [
    {
      id: 'teaching',
      name: 'Teaching',
      summary: 'Classroom teachers and leaders.',
      stages: [
        { id: 'ect', name: 'Early career teacher', summary: 'First years in the classroom.' },
        { id: 'middle-leader', name: 'Middle leader', summary: 'Leading a subject or team.' },
      ],
    },
    {
      id: 'teaching-assistant',
      name: 'Teaching assistants',
      summary: 'Supporting learning.',
      stages: [
        { id: 'ta', name: 'Teaching assistant', summary: 'Supporting pupils.' },
        { id: 'hlta', name: 'Higher level teaching assistant', summary: 'Leading learning for groups.' },
      ],
    },
  ],
});

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'imports');

/** Loads a fixture file as an import input. */
export function fixture(name: string): ImportFileInput {
  return { bytes: readFileSync(path.join(FIXTURES, name)), fileName: name };
}

/** An import input from text (UTF-8). */
export function textFile(fileName: string, text: string): ImportFileInput {
  return { bytes: Buffer.from(text, 'utf8'), fileName };
}

export const OPPORTUNITY_HEADER = 'id,title,summary,pathways,stages,scope,kind,entitlement';
