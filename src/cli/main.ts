/**
 * The command line: a thin layer that parses flags (from the table in commands.ts) and hands
 * them to the command modules, which are imported only when their command runs.
 */
import { createRequire } from 'node:module';
import type { Command as CommandType, Option as OptionType } from 'commander';
import { COMMANDS, GLOBAL_FLAGS, PROGRAM, type CommandSpec, type Flag } from './commands.js';
import { isReportable } from '../util/errors.js';
import { HELP_EPILOGUE, programHelp } from './help.js';
import { toolVersion } from './version.js';

type Command = CommandType;
type Option = OptionType;
type Commander = typeof import('commander');

/**
 * commander, loaded when a command runs (the top-level help and the version do without it). It
 * is CommonJS: requiring it directly skips the ESM wrapper's export analysis.
 */
const commander = (): Commander => createRequire(import.meta.url)('commander') as Commander;

type Runner = (args: string[], options: Record<string, unknown>) => Promise<number>;

const RUNNERS: Record<string, () => Promise<Runner>> = {
  validate: async () => (await import('./validate.js')).runValidate,
  show: async () => (await import('./show.js')).runShow,
  ingest: async () => (await import('./ingest.js')).runIngest,
  query: async () => (await import('./query.js')).runQuery,
  diff: async () => (await import('./diff.js')).runDiff,
  export: async () => (await import('./export.js')).runExport,
  actors: async () => (await import('./entities.js')).runActors,
  instruments: async () => (await import('./entities.js')).runInstruments,
};

function option({ Option }: Commander, flag: Flag): Option {
  const o = new Option(flag.flags, flag.help);
  if (flag.default !== undefined) o.default(flag.default);
  if (flag.choices) o.choices(flag.choices as string[]);
  if (flag.repeatable) o.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  return o;
}

function addCommand(c: Commander, program: Command, spec: CommandSpec, exit: (code: number) => void): void {
  const cmd = program
    .command(`${spec.name}${spec.args ? ` ${spec.args}` : ''}`)
    .description(spec.summary)
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  for (const flag of spec.flags) cmd.addOption(option(c, flag));
  cmd.action(async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const positional = params.slice(0, -2).flatMap((p) => (Array.isArray(p) ? p : p === undefined ? [] : [String(p)]));
    const options = { ...program.opts(), ...command.opts() };
    const run = await RUNNERS[spec.name]!();
    exit(await run(positional, options));
  });
}

export async function main(argv: string[]): Promise<number> {
  // The pages asked for most, without loading the parser.
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    process.stdout.write(programHelp());
    return 0;
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  const c = commander();
  let code = 0;
  const program = new c.Command(PROGRAM.name)
    .description(PROGRAM.summary)
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', HELP_EPILOGUE)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const flag of GLOBAL_FLAGS) program.addOption(option(c, flag));
  for (const spec of COMMANDS) addCommand(c, program, spec, (exitCode) => (code = exitCode));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return handleError(error, argv.includes('--debug'));
  }
  return code;
}

function handleError(error: unknown, debug: boolean): number {
  const e = error as { code?: string; exitCode?: number; message?: string };
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // Help and version exit 0; usage errors were already printed by commander.
    return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
  }
  if (isReportable(error)) {
    process.stderr.write(`smuggle-corpus: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  process.stderr.write(`smuggle-corpus: unexpected error: ${e?.message ?? String(error)}\n`);
  process.stderr.write(debug ? `${(error as Error).stack}\n` : 'run again with --debug for the stack trace, and please report it\n');
  return 2;
}
