/**
 * A payload schema: a value that checks untrusted data and names its type. A message is defined once,
 * as a schema (`core/message-payloads.ts`): its type derives from it (`Infer`) and so does the worker's
 * validator (`is`). Objects are read on their own properties only: an inherited field is as good as
 * absent, and a `__proto__` key is never followed.
 */
export interface Schema<T> {
  readonly is: (v: unknown) => v is T;
  /** Set on `optional(…)` schemas: the key may be absent from an object. */
  readonly optional?: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const schema = <T>(is: (v: unknown) => boolean): Schema<T> => ({ is: is as (v: unknown) => v is T });

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (v: Fields, key: string): unknown => (Object.hasOwn(v, key) ? v[key] : undefined);

export const string = schema<string>((v) => typeof v === 'string');
export const boolean = schema<boolean>((v) => typeof v === 'boolean');
/** A whole number ≥ 0 (a position in a list). */
export const index = schema<number>((v) => Number.isSafeInteger(v) && (v as number) >= 0);

/** An object whose every member is text (a public JWK's, RFC 7517 §4), none of `refused` among them. */
export const textRecord = (refused: readonly string[] = []): Schema<Record<string, string>> =>
  schema(
    (v) =>
      isObject(v) &&
      Object.values(v).every((m) => typeof m === 'string') &&
      !refused.some((name) => Object.hasOwn(v, name)),
  );

/** One of `values`, exactly. */
export const oneOf = <const V extends readonly (string | number | boolean)[]>(values: V): Schema<V[number]> =>
  schema((v) => (values as readonly unknown[]).includes(v));

export const optional = <T>(inner: Schema<T>): Schema<T | undefined> & { optional: true } => ({
  is: (v: unknown): v is T | undefined => v === undefined || inner.is(v),
  optional: true,
});

export const arrayOf = <T>(item: Schema<T>): Schema<T[]> =>
  schema((v) => Array.isArray(v) && v.every((x) => item.is(x)));

export const pair = <A, B>(a: Schema<A>, b: Schema<B>): Schema<[A, B]> =>
  schema((v) => Array.isArray(v) && v.length === 2 && a.is(v[0]) && b.is(v[1]));

/** Any one of the schemas. */
export const union = <S extends readonly Schema<unknown>[]>(...options: S): Schema<Infer<S[number]>> =>
  schema((v) => options.some((o) => o.is(v)));

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** Exactly these fields: a key the shape does not name is refused, never carried along (a retry spreads its payload). */
const checksFields = (shape: Shape) => (v: unknown) =>
  isObject(v) &&
  Object.keys(v).every((key) => Object.hasOwn(shape, key)) &&
  Object.entries(shape).every(([key, field]) => field.is(own(v, key)));

/** An object with these fields and no others; the type is read off the shape. */
export const object = <S extends Shape>(shape: S): Schema<ObjectOf<S>> & { shape: S } => ({
  ...schema<ObjectOf<S>>(checksFields(shape)),
  shape,
});

/**
 * An object schema written against an existing type: one schema per field of `T`, optional ones
 * included, so a field added to the type without a check here does not compile.
 */
export const fieldsOf =
  <T extends object>() =>
  <S extends { [K in keyof Required<T>]: Schema<T[K]> }>(shape: S): Schema<T> & { shape: S } => ({
    ...schema<T>(checksFields(shape)),
    shape,
  });

/**
 * The fields of `shape` that `v` holds, each kept only when it passes its check; any other key left out.
 * Lenient, for files written by others (a HAR from any exporter): a message is checked with `object`.
 */
export function picked<S extends Shape>(shape: S, v: unknown): Partial<ObjectOf<S>> {
  const out: Fields = {};
  if (isObject(v))
    for (const [key, field] of Object.entries(shape)) {
      const value = own(v, key);
      if (value !== undefined && field.is(value)) out[key] = value;
    }
  return out as Partial<ObjectOf<S>>;
}

/** Anything: for a field whose own reader follows (HAR headers, read pair by pair). */
export const unknown = schema<unknown>(() => true);
