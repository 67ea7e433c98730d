import * as v from 'valibot';

export type FieldSchemas<T> = { [K in keyof T]-?: v.GenericSchema<unknown, T[K]> };

function asRecord(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

/**
 * Reads a stored object field by field: a field that fails its schema takes the fallback's value,
 * and the others are kept. A damaged stored value costs the field that is damaged, not the record.
 */
export function perField<T extends object>(fields: FieldSchemas<T>, fallback: T, input: unknown): T {
  const record = asRecord(input);
  const read = {} as T;
  for (const name of Object.keys(fields) as (keyof T & string)[]) {
    const parsed = v.safeParse(fields[name], record[name]);
    read[name] = parsed.success ? (parsed.output as T[typeof name]) : fallback[name];
  }
  return read;
}

/** The items of a stored list that pass `read` (null: damaged, left out); anything but a list is empty. */
export function perItem<T>(input: unknown, read: (item: unknown) => T | null): T[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((item) => {
    const value = read(item);
    return value === null ? [] : [value];
  });
}
