import { Command, CommanderError } from 'commander';
import { ConfigError, NextStepError } from '../errors';
import { registerAdminCommands } from './commands/admin';
import { registerAuditCommand } from './commands/audit';
import { registerBroadcastCommands } from './commands/broadcast';
import { registerChannelsCommands } from './commands/channels';
import { registerDemoDataCommand } from './commands/demoData';
import { registerImportCommands } from './commands/importCommands';
import { registerJobsCommands } from './commands/jobs';
import { registerNextCommand } from './commands/next';
import { registerNluCommand } from './commands/nlu';
import { registerOrgCommands } from './commands/org';
import { registerReportCommands } from './commands/report';
import { CliFailure } from './output';

export function buildProgram(): Command {
  const program = new Command('nextstep')
    .description('NextStep administration: organisations, imports and diagnostics. Uses MONGODB_URI.')
    .exitOverride()
    .showHelpAfterError();
  registerOrgCommands(program);
  registerImportCommands(program);
  registerNextCommand(program);
  registerNluCommand(program);
  registerAdminCommands(program);
  registerAuditCommand(program);
  registerJobsCommands(program);
  registerBroadcastCommands(program);
  registerChannelsCommands(program);
  registerReportCommands(program);
  registerDemoDataCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliFailure) {
      for (const line of error.problems) process.stderr.write(`${line}\n`);
      return 1;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.problems.join('\n')}\n`);
      return 1;
    }
    if (error instanceof NextStepError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // runCli reports every failure itself and resolves to the exit code.
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
