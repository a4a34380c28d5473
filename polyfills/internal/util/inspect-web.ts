// How Node prints Web platform objects (URL, URLSearchParams, AbortController/AbortSignal, Blob,
// File, TextEncoder/TextDecoder, Headers, Event, EventTarget). Node's own classes carry these as
// `inspect.custom` methods; in a tab these classes are the browser's, which have none, so inspect
// uses these when an object has no custom inspect of its own. Unsupported: the showHidden-only
// internals Node adds (URL's `[Symbol(context)]`, TextDecoder's handle).

type InspectFn = (value: unknown, options?: object) => string;
interface Options {
  depth?: number | null;
  breakLength?: number;
  showHidden?: boolean;
  stylize: (text: string, style: string) => string;
}
/** Called like an `inspect.custom` method: `this` is the object. */
export type BuiltinInspector = (this: object, depth: number | null, options: Options, inspect: InspectFn) => unknown;

const removeColors = (str: string): string => str.replace(/\u001b\[\d\d?m/g, '');

/** The object's own class (a subclass keeps its name), else the built-in's. */
function constructorName(self: object, fallback: string): string {
  const ctor = (self as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : fallback;
}

/** Node's helper for AbortSignal/AbortController/Blob: `Name { ...fields }` one level deeper. */
function withFields(
  self: object,
  name: string,
  fields: object,
  depth: number | null,
  options: Options,
  inspect: InspectFn,
): unknown {
  if (typeof depth === 'number' && depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(fields, opts)}`;
}

/** A plain object printed with braces only: its prototype names the class without being it. */
function fieldsObject(ctor: unknown): Record<string, unknown> {
  return Object.create({ constructor: ctor }) as Record<string, unknown>;
}

const inspectURL: BuiltinInspector = function (depth, options, inspect) {
  if (typeof depth === 'number' && depth < 0) return this;
  const url = this as URL;
  const ctor = (this as { constructor?: unknown }).constructor ?? URL;
  const obj = fieldsObject(ctor);
  obj.href = url.href;
  obj.origin = url.origin;
  obj.protocol = url.protocol;
  obj.username = url.username;
  obj.password = url.password;
  obj.host = url.host;
  obj.hostname = url.hostname;
  obj.port = url.port;
  obj.pathname = url.pathname;
  obj.search = url.search;
  obj.searchParams = url.searchParams;
  obj.hash = url.hash;
  return `${constructorName(this, 'URL')} ${inspect(obj, options)}`;
};

const inspectURLSearchParams: BuiltinInspector = function (depth, options, inspect) {
  if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
  const separator = ', ';
  const innerOptions = { ...options };
  if (depth !== null) innerOptions.depth = depth - 1;
  const output: string[] = [];
  for (const [key, value] of this as URLSearchParams) {
    output.push(`${inspect(key, innerOptions)} => ${inspect(value, innerOptions)}`);
  }
  const length = output.reduce(
    (sum, entry) => sum + removeColors(entry).length + separator.length,
    -separator.length,
  );
  const name = constructorName(this, 'URLSearchParams');
  if (length > (options.breakLength ?? 80)) return `${name} {\n  ${output.join(',\n  ')} }`;
  if (output.length) return `${name} { ${output.join(separator)} }`;
  return `${name} {}`;
};

const inspectAbortSignal: BuiltinInspector = function (depth, options, inspect) {
  return withFields(this, constructorName(this, 'AbortSignal'), { aborted: (this as AbortSignal).aborted }, depth, options, inspect);
};

const inspectAbortController: BuiltinInspector = function (depth, options, inspect) {
  const signal = (this as AbortController).signal;
  return withFields(this, constructorName(this, 'AbortController'), { signal }, depth, options, inspect);
};

const inspectBlob: BuiltinInspector = function (depth, options, inspect) {
  const blob = this as Blob;
  return withFields(this, 'Blob', { size: blob.size, type: blob.type }, depth, options, inspect);
};

const inspectFile: BuiltinInspector = function (depth, options, inspect) {
  const file = this as File;
  const fields = { size: file.size, type: file.type, name: file.name, lastModified: file.lastModified };
  return withFields(this, 'File', fields, depth, options, inspect);
};

const inspectTextEncoder: BuiltinInspector = function (depth, options, inspect) {
  if (typeof depth === 'number' && depth < 0) return this;
  const obj = fieldsObject((this as { constructor?: unknown }).constructor ?? TextEncoder);
  obj.encoding = (this as TextEncoder).encoding;
  return inspect(obj, options);
};

const inspectTextDecoder: BuiltinInspector = function (depth, _options, inspect) {
  if (typeof depth === 'number' && depth < 0) return this;
  const decoder = this as TextDecoder;
  const obj = fieldsObject((this as { constructor?: unknown }).constructor ?? TextDecoder);
  obj.encoding = decoder.encoding;
  obj.fatal = decoder.fatal;
  obj.ignoreBOM = decoder.ignoreBOM;
  // Node prints the fields with default options here.
  return `${constructorName(this, 'TextDecoder')} ${inspect(obj)}`;
};

const inspectHeaders: BuiltinInspector = function (depth, options, inspect) {
  const entries: Record<string, string> = {};
  (this as Headers).forEach((value, key) => {
    entries[key] = value;
  });
  return `Headers ${inspect(entries, { ...options, depth: options.depth ?? depth })}`;
};

const nextDepth = (options: Options): number | null | undefined =>
  Number.isInteger(options.depth) ? (options.depth as number) - 1 : options.depth;

const inspectEvent: BuiltinInspector = function (depth, options, inspect) {
  const name = constructorName(this, 'Event');
  if (typeof depth === 'number' && depth < 0) return name;
  const event = this as Event;
  const fields = {
    type: event.type,
    defaultPrevented: event.defaultPrevented,
    cancelable: event.cancelable,
    timeStamp: event.timeStamp,
  };
  return `${name} ${inspect(fields, { ...options, depth: nextDepth(options) })}`;
};

const inspectEventTarget: BuiltinInspector = function (depth, options, inspect) {
  const name = constructorName(this, 'EventTarget');
  if (typeof depth === 'number' && depth < 0) return name;
  return `${name} ${inspect({}, { ...options, depth: nextDepth(options) })}`;
};

type Ctor = abstract new (...args: never[]) => object;
const globals = globalThis as unknown as Record<string, Ctor | undefined>;

/** Most specific first: AbortSignal is also an EventTarget, File also a Blob. */
const table: [string, BuiltinInspector][] = [
  ['URL', inspectURL],
  ['URLSearchParams', inspectURLSearchParams],
  ['AbortSignal', inspectAbortSignal],
  ['AbortController', inspectAbortController],
  ['File', inspectFile],
  ['Blob', inspectBlob],
  ['TextEncoder', inspectTextEncoder],
  ['TextDecoder', inspectTextDecoder],
  ['Headers', inspectHeaders],
  ['Event', inspectEvent],
  ['EventTarget', inspectEventTarget],
];

/** The Node-style printer for a Web platform object, if it is one. */
export function webInspector(value: object): BuiltinInspector | undefined {
  for (const [name, inspector] of table) {
    const ctor = globals[name];
    if (typeof ctor !== 'function') continue;
    try {
      if (value instanceof ctor && value !== ctor.prototype) return inspector;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
