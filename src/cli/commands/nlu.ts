import type { Command } from 'commander';
import { createRecogniser } from '../../core/nlu';
import { printJson } from '../output';

export function registerNluCommand(program: Command): void {
  program
    .command('nlu')
    .argument('<text>', 'what a person might type')
    .description('Print the recognised intent, score and entities as JSON')
    .action(async (text: string) => {
      const recogniser = await createRecogniser();
      printJson(await recogniser.recognise(text));
    });
}
