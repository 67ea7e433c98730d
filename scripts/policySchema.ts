// Writes public/managed_schema.json, the manifest's storage.managed_schema, from the list of
// settings an administrator's policy may set (src/policy/fields.ts).
// Usage: npm run policy-schema
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { managedSchema } from '../src/policy/fields';

export const SCHEMA_FILE = resolve(import.meta.dirname, '../public/managed_schema.json');

export function schemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(SCHEMA_FILE, schemaText());
