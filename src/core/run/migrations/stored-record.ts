/** A stored run of some schema version, as read from storage (what each migration takes and gives). */
export type StoredRecord = Record<string, unknown> & { schema: number };
