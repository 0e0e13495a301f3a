/** `smuggle-corpus validate --dataset DIR`: an exported dataset against its JSON Schemas. */
import { existsSync } from 'node:fs';
import { validateDataset } from '../export/validate-dataset.js';
import { UsageError } from '../util/errors.js';
import { note, outputChoice, painter, write, writeJson } from './output.js';

export async function runValidateDataset(dir: string, options: Record<string, unknown>): Promise<number> {
  if (!existsSync(dir)) throw new UsageError(`no dataset folder at ${dir}`);
  const { problems, records } = validateDataset(dir);
  if (outputChoice(options).format === 'json') await writeJson(problems.map((p) => ({ ...p, severity: 'error' })));
  else {
    const c = await painter(options);
    await write(problems.map((p) => `${dir}/${p.file}:${p.line}:1 ${c.red('error')} ${p.message} ${c.dim(`[${p.rule}]`)}\n`).join(''));
  }
  note(`dataset ${dir}: ${records} records checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  return problems.length > 0 ? 1 : 0;
}
