import { viewToSlack } from '../../../src/channels/slack/blocks';
import { renderCard } from '../../../src/channels/teams/cards/renderCard';
import { actionSchema } from '../../../src/core/conversation/actions';
import { namesLine } from '../../../src/core/uploads/presenters';
import { directoryUpload } from '../../fixtures/views';

type Node = Record<string, unknown>;

function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
  else if (value && typeof value === 'object') {
    visit(value as Node);
    Object.values(value as Node).forEach((child) => walk(child, visit));
  }
}

const texts = (card: unknown): string => {
  const parts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') parts.push(node.text);
  });
  return parts.join('\n');
};

const executes = (card: unknown): Node[] => {
  const found: Node[] = [];
  walk(card, (node) => {
    if (node.type === 'Action.Execute') found.push(node);
  });
  return found;
};

const slackButtons = (blocks: unknown): { text: string; value: unknown }[] => {
  const found: { text: string; value: unknown }[] = [];
  walk(blocks, (node) => {
    if (node.type === 'button' && typeof node.value === 'string') found.push({ text: (node.text as { text: string }).text, value: JSON.parse(node.value) });
  });
  return found;
};

describe('the staff directory summary card', () => {
  it('counts and names the people the file leaves out, says what deactivating means, and offers the button with the upload id only', () => {
    const card = renderCard(directoryUpload.directoryUploadNotInFile);
    const text = texts(card);
    expect(text).toContain('5 active people in the directory are not in this file: Ruth Adams, Tom Baker, Aisha Begum and 2 others.');
    expect(text).toContain('nothing is deleted');
    expect(text).not.toContain('deactivate missing');
    const [button] = executes(card);
    expect(executes(card)).toHaveLength(1);
    expect(button).toMatchObject({ title: 'Deactivate 5 people not in this file', verb: 'deactivateMissing', style: 'destructive' });
    expect(button?.data).toEqual({ action: 'deactivateMissing', uploadId: 'u-0a1b2c3d4e5f' });
    expect(actionSchema.parse(button?.data)).toEqual({ action: 'deactivateMissing', uploadId: 'u-0a1b2c3d4e5f' });
  });

  it('speaks of one person in the singular', () => {
    const card = renderCard(directoryUpload.directoryUploadOneNotInFile);
    expect(texts(card)).toContain('1 active person in the directory is not in this file: Sam Green.');
    expect(executes(card)[0]?.title).toBe('Deactivate 1 person not in this file');
  });

  it('once used, shows how many were deactivated and no button', () => {
    const card = renderCard(directoryUpload.directoryUploadDeactivatedFromCard);
    expect(texts(card)).toContain('5 people not in this file were deactivated.');
    expect(executes(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/"title":"Deactivated","value":"5"/);
  });

  it('offers nothing when the file leaves nobody out, or the words deactivated them already', () => {
    expect(executes(renderCard(directoryUpload.directoryUploadImported))).toEqual([]);
    expect(texts(renderCard(directoryUpload.directoryUploadImported))).not.toContain('not in this file');
  });

  it('renders the same offer and outcome in Slack', () => {
    const offer = viewToSlack(directoryUpload.directoryUploadNotInFile).blocks;
    expect(JSON.stringify(offer)).toContain('Ruth Adams, Tom Baker, Aisha Begum and 2 others');
    expect(slackButtons(offer)).toEqual([{ text: 'Deactivate 5 people not in this file', value: { action: 'deactivateMissing', uploadId: 'u-0a1b2c3d4e5f' } }]);
    const done = viewToSlack(directoryUpload.directoryUploadDeactivatedFromCard).blocks;
    expect(JSON.stringify(done)).toContain('5 people not in this file were deactivated.');
    expect(slackButtons(done)).toEqual([]);
  });
});

describe('namesLine', () => {
  const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@school.org` });
  it('lists up to three names in order, then counts the rest', () => {
    expect(namesLine([person('Sam Lee')])).toBe('Sam Lee');
    expect(namesLine([person('Tom Baker'), person('Ali Khan')])).toBe('Ali Khan and Tom Baker');
    expect(namesLine(['Dee', 'Cal', 'Bea', 'Abe'].map(person))).toBe('Abe, Bea, Cal and 1 other');
    expect(namesLine(['Eve', 'Dee', 'Cal', 'Bea', 'Abe'].map(person))).toBe('Abe, Bea, Cal and 2 others');
  });
});
