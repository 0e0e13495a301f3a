/**
 * The top-level help page, rendered from the command table without loading the argument parser:
 * `smuggle-corpus --help` is the first thing a user runs, and commander costs as much to load as
 * the rest of the start-up. The layout is commander's; `smuggle-corpus help`, which commander
 * answers, prints the same page (a test holds the two equal).
 */
import { COMMANDS, GLOBAL_FLAGS, PROGRAM, type Flag } from './commands.js';

/** Below this width commander does not wrap descriptions. */
const MIN_WIDTH_TO_WRAP = 40;

/** The text after the command list, on every help page of the program. */
export const HELP_EPILOGUE = `\nExit codes: ${PROGRAM.exitCodes}\nColour follows the terminal; NO_COLOR or --color never turns it off.\n`;

/** A flag's help with its choices and default, as commander shows them. */
function flagDescription(flag: Flag): string {
  const extra: string[] = [];
  if (flag.choices) extra.push(`choices: ${flag.choices.map((c) => JSON.stringify(c)).join(', ')}`);
  // commander shows the default of a flag that takes a value, not of a boolean switch
  if (flag.default !== undefined && /[<[]/.test(flag.flags)) extra.push(`default: ${JSON.stringify(flag.default)}`);
  return extra.length > 0 ? `${flag.help} (${extra.join(', ')})` : flag.help;
}

export function programHelp(width: number = (process.stdout.isTTY && process.stdout.columns) || 80): string {
  const options: [string, string][] = [
    ['-V, --version', 'output the version number'],
    ...GLOBAL_FLAGS.map((f): [string, string] => [f.flags, flagDescription(f)]),
    ['-h, --help', 'display help for command'],
  ];
  const commands: [string, string][] = [
    ...COMMANDS.map((c): [string, string] => [`${c.name}${c.flags.length > 0 ? ' [options]' : ''}${c.args ? ` ${c.args}` : ''}`, c.summary]),
    ['help [command]', 'display help for command'],
  ];
  const termWidth = Math.max(...[...options, ...commands].map(([term]) => term.length));
  const room = width - termWidth - 4; // two spaces of indent, two between term and description
  const item = ([term, description]: [string, string]) => {
    const text = room < MIN_WIDTH_TO_WRAP ? description : wrap(description, room).replace(/\n/g, `\n${' '.repeat(termWidth + 4)}`);
    return `  ${term.padEnd(termWidth)}  ${text}`;
  };
  const page = [`Usage: ${PROGRAM.name} [options] [command]`, '', wrap(PROGRAM.summary, width), '', 'Options:', ...options.map(item), '', 'Commands:', ...commands.map(item), ''];
  return `${page.join('\n')}${HELP_EPILOGUE}\n`;
}

/** Wraps at spaces to `width` columns, as commander's boxWrap. */
function wrap(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const lines: string[] = [];
  let line = '';
  for (const chunk of text.match(/\s*\S+/g) ?? []) {
    if (line !== '' && line.length + chunk.length > width) {
      lines.push(line);
      line = chunk.trimStart();
    } else line += line === '' ? chunk.trimStart() : chunk;
  }
  lines.push(line);
  return lines.join('\n');
}
