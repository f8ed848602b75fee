// Pure: no DOM. Serialises a widget's settings into URL query parameters namespaced per widget
// (`?demo.lr=0.03&demo.seed=7`) and reads them back. Malformed values fall back to defaults and
// are reported, never thrown. (The query, not the hash: Starlight uses the hash for headings.)

export type Field =
  | { kind: 'number'; default: number; min: number; max: number }
  | { kind: 'int'; default: number; min: number; max: number }
  | { kind: 'enum'; default: string; options: readonly string[] }
  | { kind: 'bool'; default: boolean }
  | { kind: 'intList'; default: readonly number[]; min: number; max: number; maxLength: number };

export type Schema = Record<string, Field>;

export type ValueOf<F extends Field> = F extends { kind: 'number' | 'int' }
  ? number
  : F extends { kind: 'enum' }
    ? string
    : F extends { kind: 'bool' }
      ? boolean
      : number[];

export type Values<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

export interface ReadResult<S extends Schema> {
  values: Values<S>;
  /** Keys whose URL value was malformed and replaced by the default. */
  problems: string[];
  /** Whether the URL held any parameter of this namespace. */
  present: boolean;
}

const NS = /^[a-z][a-z0-9-]{0,31}$/;

function checkNs(ns: string): void {
  if (!NS.test(ns)) throw new RangeError(`Bad state namespace "${ns}": use a-z, 0-9 and -.`);
}

/** The defaults of a schema. */
export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema)) {
    out[k] = f.kind === 'intList' ? [...f.default] : f.default;
  }
  return out as Values<S>;
}

/** Parses one field; undefined if malformed. */
export function parseField(f: Field, raw: string): ValueOf<Field> | undefined {
  switch (f.kind) {
    case 'number': {
      const v = raw.trim() === '' ? NaN : Number(raw);
      return Number.isFinite(v) && v >= f.min && v <= f.max ? v : undefined;
    }
    case 'int': {
      const v = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      return Number.isSafeInteger(v) && v >= f.min && v <= f.max ? v : undefined;
    }
    case 'enum':
      return f.options.includes(raw) ? raw : undefined;
    case 'bool':
      return raw === '1' ? true : raw === '0' ? false : undefined;
    case 'intList': {
      if (raw === '') return f.maxLength >= 0 ? [] : undefined;
      const parts = raw.split('-');
      if (parts.length > f.maxLength) return undefined;
      const nums = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
      return nums.every((n) => Number.isInteger(n) && n >= f.min && n <= f.max) ? nums : undefined;
    }
  }
}

/** Formats one field for the URL. */
export function formatField(f: Field, v: ValueOf<Field>): string {
  switch (f.kind) {
    case 'bool':
      return v ? '1' : '0';
    case 'intList':
      return (v as number[]).join('-');
    case 'number':
      return String(Number((v as number).toPrecision(6)));
    default:
      return String(v);
  }
}

/**
 * Reads namespace `ns` from a query string (with or without "?"). Missing keys take `base`
 * (default: the schema defaults); malformed ones too, and are listed in `problems`.
 */
export function readState<S extends Schema>(
  search: string,
  ns: string,
  schema: S,
  base: Values<S> = defaults(schema),
): ReadResult<S> {
  checkNs(ns);
  const params = new URLSearchParams(search);
  const values = { ...base } as Record<string, unknown>;
  const problems: string[] = [];
  let present = false;
  for (const [k, f] of Object.entries(schema)) {
    const raw = params.get(`${ns}.${k}`);
    if (raw === null) continue;
    present = true;
    const v = parseField(f, raw);
    if (v === undefined) problems.push(k);
    else values[k] = v;
  }
  // Unknown keys of our namespace are problems too (a typo in a shared link).
  for (const name of params.keys()) {
    if (name.startsWith(`${ns}.`) && !(name.slice(ns.length + 1) in schema)) {
      present = true;
      problems.push(name.slice(ns.length + 1));
    }
  }
  return { values: values as Values<S>, problems, present };
}

/**
 * Writes `values` under `ns` into a query string, keeping other parameters; keys equal to
 * `base` are left out so untouched widgets keep the URL short. Returns "" or "?…".
 */
export function writeState<S extends Schema>(
  search: string,
  ns: string,
  schema: S,
  values: Values<S>,
  base: Values<S> = defaults(schema),
): string {
  checkNs(ns);
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) if (name.startsWith(`${ns}.`)) params.delete(name);
  for (const [k, f] of Object.entries(schema)) {
    const v = (values as Record<string, ValueOf<Field>>)[k]!;
    const b = (base as Record<string, ValueOf<Field>>)[k]!;
    const s = formatField(f, v);
    if (s !== formatField(f, b)) params.set(`${ns}.${k}`, s);
  }
  const out = params.toString();
  return out ? `?${out}` : '';
}

/** A short sentence for the reader about settings that could not be read. */
export function problemNotice(problems: readonly string[]): string {
  if (problems.length === 0) return '';
  return `Some settings in the link could not be read (${problems.join(', ')}); defaults are used instead.`;
}
