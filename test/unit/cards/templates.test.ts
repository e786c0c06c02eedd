import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { View } from '../../../src/core/conversation/views';
import { renderCard } from '../../../src/channels/teams/cards/renderCard';
import { CardTemplateError, loadTemplateJson, TEMPLATE_FILES } from '../../../src/channels/teams/cards/templates';
import { paths } from '../../../src/paths';

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempCardsDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nextstep-cards-'));
  tempDirs.push(dir);
  mkdirSync(path.join(dir, 'partials'));
  for (const [name, json] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(json));
  return dir;
}

describe('card templates', () => {
  it('maps every template in cards/ to a view type, and every view type to a template', () => {
    const onDisk = readdirSync(paths.cards).filter((file) => file.endsWith('.json'));
    expect(onDisk.sort()).toEqual(Object.values(TEMPLATE_FILES).sort());
  });

  it('inlines partials, letting the reference override $data', () => {
    const dir = tempCardsDir({
      'card.json': { type: 'AdaptiveCard', body: [{ $partial: 'line', $data: '${items}' }] },
      'partials/line.json': { type: 'TextBlock', text: '${name}', wrap: true },
    });
    expect(loadTemplateJson('card.json', dir)).toEqual({
      type: 'AdaptiveCard',
      body: [{ type: 'TextBlock', text: '${name}', wrap: true, $data: '${items}' }],
    });
  });

  it('adds an Action.Submit fallback to each Action.Execute', () => {
    const execute = { type: 'Action.Execute', title: 'Go', verb: 'openLogCpd', style: 'positive', data: { action: 'openLogCpd' } };
    const dir = tempCardsDir({ 'card.json': { type: 'AdaptiveCard', actions: [execute] } });
    expect(loadTemplateJson('card.json', dir)).toEqual({
      type: 'AdaptiveCard',
      actions: [
        { ...execute, fallback: { type: 'Action.Submit', title: 'Go', style: 'positive', data: { action: 'openLogCpd' } } },
      ],
    });
  });

  it('throws a CardTemplateError for a missing template, a missing partial or bad JSON', () => {
    const dir = tempCardsDir({ 'card.json': { type: 'AdaptiveCard', body: [{ $partial: 'nowhere' }] } });
    writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    expect(() => loadTemplateJson('absent.json', dir)).toThrow(CardTemplateError);
    expect(() => loadTemplateJson('card.json', dir)).toThrow(CardTemplateError);
    expect(() => loadTemplateJson('broken.json', dir)).toThrow(/not valid JSON/);
  });

  it('refuses a view type with no template', () => {
    expect(() => renderCard({ type: 'nonsense' } as unknown as View)).toThrow(CardTemplateError);
  });
});
