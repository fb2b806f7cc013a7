/** A stored run of some schema version, as read from storage (what each migration takes and gives). */
export type StoredRecord = Record<string, unknown> & { schema: number };

/** A stored object (a step, an exchange) as a migration reads it: any fields, none trusted yet. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
