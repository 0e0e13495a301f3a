/** `npm run schemas`: write the JSON Schema files of schemas/ from the zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { schemaFiles } from './schemas.js';
import { TABLE_SCHEMAS } from '../export/tables.js';

const dir = join(packageRoot, 'schemas');
mkdirSync(dir, { recursive: true });
const files = schemaFiles(TABLE_SCHEMAS);
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
process.stdout.write(`wrote ${Object.keys(files).length} schema files to ${dir}\n`);
