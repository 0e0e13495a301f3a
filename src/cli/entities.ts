// placeholder while the command is being written
import { UsageError } from '../util/errors.js';
const pending = async (): Promise<number> => { throw new UsageError('this command is not available yet'); };
export const runQuery = pending, runDiff = pending, runExport = pending, runActors = pending, runInstruments = pending, runValidateDataset = pending;
