// node:perf_hooks — Node's performance object (marks, measures, timerify, event loop utilization), observers and HDR histograms. https://nodejs.org/api/perf_hooks.html
// Unsupported: performance.markResourceTiming; no gc/http/dns/net entries are produced; nodeTiming's start-up marks are this worker's, loopStart is when the loop was first seen.

import type nodePerfHooks from 'node:perf_hooks';
import './internal/validators.ts';
import { validateFunction, validateInteger, validateNumber, validateObject } from './internal/validators.ts';
import { codes, notImplemented } from './internal/errors.ts';
import { runtime } from './internal/runtime.ts';

const {
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE_RANGE,
  ERR_MISSING_ARGS,
  ERR_OUT_OF_RANGE,
  ERR_PERFORMANCE_INVALID_TIMESTAMP,
  ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
} = codes;

/** The host's clock (the worker's or Node's): now() and timeOrigin come from it. */
const hostPerformance = globalThis.performance;
const now = (): number => hostPerformance.now();
const kIllegal = Symbol('illegal constructor key');

// ——— HDR histogram (HdrHistogram_c's bucket layout, as Node's histograms report it) ———

const INT64_MAX_NUMBER = 9223372036854775807;
const INT64_MAX = 9223372036854775807n;

function bitLength(value: number): number {
  let bits = 0;
  let v = value;
  while (v >= 2 ** 30) {
    v = Math.floor(v / 2 ** 30);
    bits += 30;
  }
  return bits + (v === 0 ? 0 : 32 - Math.clz32(v));
}

class Hdr {
  readonly unitMagnitude: number;
  readonly subBucketHalfCountMagnitude: number;
  readonly subBucketCount: number;
  readonly subBucketHalfCount: number;
  readonly subBucketMask: number;
  readonly countsLen: number;
  counts = new Map<number, number>();
  totalCount = 0;
  minValue = INT64_MAX_NUMBER;
  maxValue = 0;

  constructor(lowest: number, readonly highest: number, figures: number) {
    this.unitMagnitude = Math.floor(Math.log2(lowest));
    const subBucketCountMagnitude = Math.ceil(Math.log2(2 * 10 ** figures));
    this.subBucketHalfCountMagnitude = subBucketCountMagnitude - 1;
    this.subBucketCount = 2 ** subBucketCountMagnitude;
    this.subBucketHalfCount = this.subBucketCount / 2;
    this.subBucketMask = (this.subBucketCount - 1) * 2 ** this.unitMagnitude;
    let smallestUntrackable = this.subBucketCount * 2 ** this.unitMagnitude;
    let buckets = 1;
    while (smallestUntrackable <= highest) {
      if (smallestUntrackable > INT64_MAX_NUMBER / 2) {
        buckets++;
        break;
      }
      smallestUntrackable *= 2;
      buckets++;
    }
    this.countsLen = (buckets + 1) * this.subBucketHalfCount;
  }

  #bucketIndex(value: number): number {
    return Math.max(bitLength(value), bitLength(this.subBucketMask)) - this.unitMagnitude - (this.subBucketHalfCountMagnitude + 1);
  }

  #subBucketIndex(value: number, bucketIndex: number): number {
    return Math.floor(value / 2 ** (bucketIndex + this.unitMagnitude));
  }

  countsIndexFor(value: number): number {
    const bucketIndex = this.#bucketIndex(value);
    const subBucketIndex = this.#subBucketIndex(value, bucketIndex);
    return (bucketIndex + 1) * 2 ** this.subBucketHalfCountMagnitude + (subBucketIndex - this.subBucketHalfCount);
  }

  valueAtIndex(index: number): number {
    let bucketIndex = Math.floor(index / 2 ** this.subBucketHalfCountMagnitude) - 1;
    let subBucketIndex = (index % this.subBucketHalfCount) + this.subBucketHalfCount;
    if (bucketIndex < 0) {
      subBucketIndex -= this.subBucketHalfCount;
      bucketIndex = 0;
    }
    return subBucketIndex * 2 ** (bucketIndex + this.unitMagnitude);
  }

  lowestEquivalent(value: number): number {
    const bucketIndex = this.#bucketIndex(value);
    return this.#subBucketIndex(value, bucketIndex) * 2 ** (bucketIndex + this.unitMagnitude);
  }

  #rangeSize(value: number): number {
    const bucketIndex = this.#bucketIndex(value);
    const subBucketIndex = this.#subBucketIndex(value, bucketIndex);
    const adjusted = subBucketIndex >= this.subBucketCount ? bucketIndex + 1 : bucketIndex;
    return 2 ** (this.unitMagnitude + adjusted);
  }

  highestEquivalent(value: number): number {
    return this.lowestEquivalent(value) + this.#rangeSize(value) - 1;
  }

  medianEquivalent(value: number): number {
    return this.lowestEquivalent(value) + Math.floor(this.#rangeSize(value) / 2);
  }

  record(value: number, count = 1): boolean {
    const index = this.countsIndexFor(value);
    if (index < 0 || index >= this.countsLen) return false;
    this.counts.set(index, (this.counts.get(index) ?? 0) + count);
    this.totalCount += count;
    if (value !== 0 && value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    return true;
  }

  /** [value at index, count], ascending, non-empty buckets only. */
  entries(): [number, number][] {
    return [...this.counts.entries()].sort((a, b) => a[0] - b[0]).map(([index, count]) => [this.valueAtIndex(index), count]);
  }

  min(): number {
    if ((this.counts.get(0) ?? 0) > 0) return 0;
    if (this.minValue === INT64_MAX_NUMBER) return INT64_MAX_NUMBER;
    return this.lowestEquivalent(this.minValue);
  }

  max(): number {
    return this.maxValue === 0 ? 0 : this.highestEquivalent(this.maxValue);
  }

  mean(): number {
    let total = 0;
    for (const [value, count] of this.entries()) total += count * this.medianEquivalent(value);
    return total / this.totalCount;
  }

  stddev(): number {
    const mean = this.mean();
    let total = 0;
    for (const [value, count] of this.entries()) total += (this.medianEquivalent(value) - mean) ** 2 * count;
    return Math.sqrt(total / this.totalCount);
  }

  valueAtPercentile(percentile: number): number {
    const requested = Math.min(percentile, 100);
    const countAt = Math.max(Math.trunc((requested / 100) * this.totalCount + 0.5), 1);
    let seen = 0;
    let found = 0;
    for (const [value, count] of this.entries()) {
      seen += count;
      if (seen >= countAt) {
        found = value;
        break;
      }
    }
    return percentile === 0 ? this.lowestEquivalent(found) : this.highestEquivalent(found);
  }

  /** HdrHistogram's percentile iterator with one tick per half distance, as Node's percentiles. */
  percentiles(): Map<number, number> {
    const out = new Map<number, number>();
    const entries = this.entries();
    let index = -1;
    let cumulative = 0;
    let value = 0;
    let count = 0;
    let toIterateTo = 0;
    const step = (): boolean => {
      if (cumulative >= this.totalCount || index + 1 >= entries.length) return false;
      index++;
      [value, count] = entries[index] as [number, number];
      cumulative += count;
      return true;
    };
    let reported = 0;
    for (;;) {
      if (cumulative >= this.totalCount && index >= 0) break;
      if (this.totalCount === 0) break;
      if (index === -1 && !step()) break;
      let emitted = false;
      do {
        const current = (100 * cumulative) / this.totalCount;
        if (count !== 0 && toIterateTo <= current) {
          reported = value;
          out.set(toIterateTo, reported);
          const halfDistance = 2 ** (Math.trunc(Math.log(100 / (100 - toIterateTo)) / Math.log(2)) + 1);
          toIterateTo += 100 / halfDistance;
          emitted = true;
          break;
        }
      } while (step());
      if (!emitted) break;
    }
    out.set(100, reported);
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.totalCount = 0;
    this.minValue = INT64_MAX_NUMBER;
    this.maxValue = 0;
  }
}

// ——— Histogram classes ———

const kHdr = Symbol('kHandle');
const kCount = Symbol('count');
const kExceeds = Symbol('exceeds');
const kPrev = Symbol('prev');

function isHistogram(value: unknown): value is Histogram {
  return typeof value === 'object' && value !== null && kHdr in value;
}

class Histogram {
  [kHdr]: Hdr;
  [kCount] = 0;
  [kExceeds] = 0;
  [kPrev] = 0;

  constructor(key?: symbol, lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kHdr] = new Hdr(lowest, highest, figures);
  }

  get count(): number {
    return this[kCount];
  }

  get countBigInt(): bigint {
    return BigInt(this[kCount]);
  }

  get min(): number {
    return this[kHdr].min();
  }

  get minBigInt(): bigint {
    const min = this[kHdr].min();
    return min === INT64_MAX_NUMBER ? INT64_MAX : BigInt(min);
  }

  get max(): number {
    return this[kHdr].max();
  }

  get maxBigInt(): bigint {
    return BigInt(this[kHdr].max());
  }

  get mean(): number {
    return this[kHdr].mean();
  }

  get exceeds(): number {
    return this[kExceeds];
  }

  get exceedsBigInt(): bigint {
    return BigInt(this[kExceeds]);
  }

  get stddev(): number {
    return this[kHdr].stddev();
  }

  percentile(percentile: number): number {
    validateNumber(percentile, 'percentile');
    if (Number.isNaN(percentile) || percentile <= 0 || percentile > 100) throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    return this[kHdr].valueAtPercentile(percentile);
  }

  percentileBigInt(percentile: number): bigint {
    return BigInt(this.percentile(percentile));
  }

  get percentiles(): Map<number, number> {
    return this[kHdr].percentiles();
  }

  get percentilesBigInt(): Map<number, bigint> {
    return new Map([...this[kHdr].percentiles()].map(([k, v]) => [k, BigInt(v)]));
  }

  reset(): void {
    this[kHdr].reset();
    this[kCount] = 0;
    this[kExceeds] = 0;
    this[kPrev] = 0;
  }

  toJSON(): object {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

function recordInto(histogram: Histogram, value: number): void {
  if (value <= histogram[kHdr].highest && histogram[kHdr].record(value)) histogram[kCount]++;
  else histogram[kExceeds]++;
}

function recordDeltaInto(histogram: Histogram): void {
  const time = Math.round(now() * 1e6);
  if (histogram[kPrev] > 0) {
    const delta = time - histogram[kPrev];
    if (delta > 0) recordInto(histogram, delta);
  }
  histogram[kPrev] = time;
}

class RecordableHistogram extends Histogram {
  record(value: number | bigint): void {
    if (typeof value === 'bigint') {
      // Node checks bigints natively, with a terser message; too large counts as an exceed.
      if (value < 1n) throw new codes.ERR_OUT_OF_RANGE_NATIVE('value is out of range');
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) this[kExceeds]++;
      else recordInto(this, Number(value));
      return;
    }
    validateInteger(value, 'val', 1);
    recordInto(this, value);
  }

  recordDelta(): void {
    recordDeltaInto(this);
  }

  add(other: RecordableHistogram): void {
    if (!(other instanceof RecordableHistogram)) throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    for (const [value, count] of other[kHdr].entries()) this[kHdr].record(value, count);
    this[kCount] += other[kCount];
    this[kExceeds] += other[kExceeds];
  }
}

type Timer = ReturnType<typeof setInterval>;

class IntervalHistogram extends Histogram {
  #resolution: number;
  #timer: Timer | undefined;

  constructor(key: symbol, resolution: number) {
    super(key);
    this.#resolution = resolution;
  }

  /** Starts sampling: true if it was stopped. */
  enable(): boolean {
    if (this.#timer !== undefined) return false;
    this[kPrev] = 0;
    recordDeltaInto(this);
    // Each tick records the nanoseconds since the previous one: the resolution plus the loop's delay.
    this.#timer = globalThis.setInterval(() => recordDeltaInto(this), this.#resolution);
    (this.#timer as { unref?: () => void }).unref?.();
    return true;
  }

  disable(): boolean {
    if (this.#timer === undefined) return false;
    globalThis.clearInterval(this.#timer);
    this.#timer = undefined;
    return true;
  }
}

export function createHistogram(options: { lowest?: number | bigint; highest?: number | bigint; figures?: number } = {}): nodePerfHooks.RecordableHistogram {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  if (typeof highest !== 'bigint') {
    validateInteger(highest, 'options.highest', 2 * Number(lowest), Number.MAX_SAFE_INTEGER);
  } else if (highest < 2n * BigInt(lowest)) {
    throw new ERR_INVALID_ARG_VALUE_RANGE('options.highest', highest);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kIllegal, Number(lowest), Number(highest), figures) as unknown as nodePerfHooks.RecordableHistogram;
}

export function monitorEventLoopDelay(options: { resolution?: number } = {}): nodePerfHooks.IntervalHistogram {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(kIllegal, resolution) as unknown as nodePerfHooks.IntervalHistogram;
}

// ——— Entries ———

type EntryType = 'mark' | 'measure' | 'function' | 'resource' | 'node' | 'gc' | 'http' | 'http2' | 'dns' | 'net';

const kName = Symbol('kName');
const kType = Symbol('kType');
const kStart = Symbol('kStart');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');

export class PerformanceEntry {
  [kName]: string;
  [kType]: EntryType;
  [kStart]: number;
  [kDuration]: number;
  [kDetail]: unknown;

  constructor(key?: symbol, name = '', type: EntryType = 'mark', start = 0, duration = 0, detail: unknown = null) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kType] = type;
    this[kStart] = start;
    this[kDuration] = duration;
    this[kDetail] = detail;
  }

  get name(): string {
    return this[kName];
  }

  get entryType(): string {
    return this[kType];
  }

  get startTime(): number {
    return this[kStart];
  }

  get duration(): number {
    return this[kDuration];
  }

  toJSON(): object {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
  }
}

/** Node's entries with a `detail` (function entries: their arguments). */
class DetailedEntry extends PerformanceEntry {
  get detail(): unknown {
    return this[kDetail];
  }

  override toJSON(): object {
    return { ...super.toJSON(), detail: this.detail };
  }
}

export class PerformanceMark extends DetailedEntry {
  constructor(name: string, options?: { detail?: unknown; startTime?: number }) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const markName = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    const detail = options?.detail != null ? structuredClone(options.detail) : null;
    super(kIllegal, markName, 'mark', startTime, 0, detail);
  }
}

export class PerformanceMeasure extends DetailedEntry {
  constructor(key?: symbol, name = '', start = 0, duration = 0, detail: unknown = null) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kIllegal, name, 'measure', start, duration, detail);
  }
}

export class PerformanceResourceTiming extends PerformanceEntry {
  constructor(key?: symbol) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kIllegal, '', 'resource');
  }
}

class FunctionEntry extends DetailedEntry {}

// ——— Node timing ———

const moduleLoadedAt = now();
let loopSeenAt = -1;

function loopStart(): number {
  // The loop is running once any callback has run; the first reading inside it stands for its start.
  if (loopSeenAt < 0) {
    try {
      runtime();
      loopSeenAt = moduleLoadedAt;
    } catch {
      return -1;
    }
  }
  return loopSeenAt;
}

function busyMs(): number | undefined {
  try {
    const rt = runtime() as unknown as { cpuTime?: () => number };
    return typeof rt.cpuTime === 'function' ? rt.cpuTime() : undefined;
  } catch {
    return undefined;
  }
}

class PerformanceNodeTiming {
  constructor(key?: symbol) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get name(): string {
    return 'node';
  }

  get entryType(): string {
    return 'node';
  }

  get startTime(): number {
    return 0;
  }

  get duration(): number {
    return now();
  }

  get nodeStart(): number {
    return 0;
  }

  get v8Start(): number {
    return 0;
  }

  get environment(): number {
    return moduleLoadedAt;
  }

  get bootstrapComplete(): number {
    return moduleLoadedAt;
  }

  get loopStart(): number {
    return loopStart();
  }

  get loopExit(): number {
    return -1;
  }

  get idleTime(): number {
    const start = loopStart();
    const busy = busyMs();
    if (start < 0 || busy === undefined) return 0;
    return Math.max(0, now() - start - busy);
  }

  toJSON(): object {
    return {
      name: 'node',
      entryType: 'node',
      startTime: this.startTime,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }
}

const nodeTiming = new PerformanceNodeTiming(kIllegal);
const nodeTimingMarks = new Set(['nodeStart', 'v8Start', 'environment', 'loopStart', 'loopExit', 'bootstrapComplete']);

// ——— Buffers and observers ———

let marks: PerformanceEntry[] = [];
let measures: PerformanceEntry[] = [];
const markTimes = new Map<string, number>();
const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

function byStartTime(a: PerformanceEntry, b: PerformanceEntry): number {
  return a.startTime - b.startTime;
}

function filterEntries(entries: PerformanceEntry[], name?: string, type?: string): PerformanceEntry[] {
  return entries.filter((e) => (name === undefined || e.name === name) && (type === undefined || e.entryType === type)).sort(byStartTime);
}

function bufferedEntries(name?: string, type?: string): PerformanceEntry[] {
  if (type === 'mark') return filterEntries(marks, name);
  if (type === 'measure') return filterEntries(measures, name);
  if (type !== undefined) return [];
  return filterEntries([...marks, ...measures], name);
}

const kBuffer = Symbol('kBuffer');
const kCallback = Symbol('kCallback');
const kObserveType = Symbol('kType');
const kEntryTypes = Symbol('kEntryTypes');
const observers = new Set<PerformanceObserver>();
const pending = new Set<PerformanceObserver>();
let dispatchQueued = false;

function queueDispatch(): void {
  if (dispatchQueued) return;
  dispatchQueued = true;
  globalThis.setImmediate(() => {
    dispatchQueued = false;
    const due = [...pending];
    pending.clear();
    for (const observer of due) observer[kCallback](new PerformanceObserverEntryList(kIllegal, observer.takeRecords()), observer);
  });
}

function enqueue(entry: PerformanceEntry): void {
  for (const observer of observers) {
    if (!observer[kEntryTypes].has(entry.entryType)) continue;
    observer[kBuffer].push(entry);
    pending.add(observer);
    queueDispatch();
  }
  if (entry.entryType === 'mark') marks.push(entry);
  else if (entry.entryType === 'measure') measures.push(entry);
}

function observed(type: string): boolean {
  for (const observer of observers) if (observer[kEntryTypes].has(type)) return true;
  return false;
}

export class PerformanceObserverEntryList {
  readonly #entries: PerformanceEntry[];

  constructor(key?: symbol, entries: PerformanceEntry[] = []) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = [...entries].sort(byStartTime);
  }

  getEntries(): PerformanceEntry[] {
    return [...this.#entries];
  }

  getEntriesByType(type: string): PerformanceEntry[] {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return this.#entries.filter((e) => e.entryType === `${type}`);
  }

  getEntriesByName(name: string, type?: string): PerformanceEntry[] {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return this.#entries.filter((e) => e.name === `${name}` && (type === undefined || e.entryType === `${type}`));
  }
}

type ObserverCallback = (list: PerformanceObserverEntryList, observer: PerformanceObserver) => void;

export class PerformanceObserver {
  [kBuffer]: PerformanceEntry[] = [];
  [kEntryTypes] = new Set<string>();
  [kObserveType]: 'single' | 'multiple' | undefined;
  [kCallback]: ObserverCallback;

  constructor(callback: ObserverCallback) {
    validateFunction(callback, 'callback');
    this[kCallback] = callback;
  }

  observe(options: { entryTypes?: string[]; type?: string; buffered?: boolean } = {}): void {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = { ...options };
    if (entryTypes === undefined && type === undefined) throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    if (entryTypes != null && type != null) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    }
    switch (this[kObserveType]) {
      case undefined:
        if (entryTypes !== undefined) this[kObserveType] = 'multiple';
        if (type !== undefined) this[kObserveType] = 'single';
        break;
      case 'single':
        if (entryTypes !== undefined) throw new DOMException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
        break;
      case 'multiple':
        if (type !== undefined) throw new DOMException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
        break;
    }
    if (this[kObserveType] === 'multiple') {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      this[kEntryTypes].clear();
      for (const entryType of entryTypes) if (supportedEntryTypes.includes(entryType)) this[kEntryTypes].add(entryType);
    } else {
      if (!supportedEntryTypes.includes(type as string)) return;
      this[kEntryTypes].add(type as string);
      if (buffered) {
        this[kBuffer].push(...bufferedEntries(undefined, type));
        pending.add(this);
        queueDispatch();
      }
    }
    if (this[kEntryTypes].size > 0) observers.add(this);
    else this.disconnect();
  }

  disconnect(): void {
    observers.delete(this);
    pending.delete(this);
    this[kBuffer] = [];
    this[kEntryTypes].clear();
    this[kObserveType] = undefined;
  }

  takeRecords(): PerformanceEntry[] {
    const list = this[kBuffer];
    this[kBuffer] = [];
    return list;
  }

  static get supportedEntryTypes(): readonly string[] {
    return supportedEntryTypes;
  }
}

// ——— performance ———

function markTime(name: unknown): number | undefined {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  const key = `${name as string}`;
  if (nodeTimingMarks.has(key)) return (nodeTiming as unknown as Record<string, number>)[key];
  const time = markTimes.get(key);
  if (time === undefined) throw new DOMException(`The "${key}" performance mark has not been set`, 'SyntaxError');
  return time;
}

interface MeasureOptions {
  start?: number | string;
  end?: number | string;
  duration?: number;
  detail?: unknown;
}

function startAndDuration(startOrOptions: unknown, endMark: unknown): { start: number; duration: number } {
  let start: unknown;
  let end: unknown;
  let duration: unknown;
  let optionsValid = false;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions as MeasureOptions);
    optionsValid = start !== undefined || end !== undefined;
  }
  if (optionsValid) {
    if (endMark !== undefined) throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('Must not have options.start, options.end, and options.duration specified');
    }
  }
  let endTime: number;
  if (endMark !== undefined) endTime = markTime(endMark) as number;
  else if (optionsValid && end !== undefined) endTime = markTime(end) as number;
  else if (optionsValid && start !== undefined && duration !== undefined) endTime = (markTime(start) as number) + (markTime(duration) as number);
  else endTime = now();
  let startTime: number;
  if (typeof startOrOptions === 'string') startTime = markTime(startOrOptions) as number;
  else if (optionsValid && start !== undefined) startTime = markTime(start) as number;
  else if (optionsValid && duration !== undefined) startTime = endTime - (markTime(duration) as number);
  else startTime = 0;
  return { start: startTime, duration: endTime - startTime };
}

export class Performance extends EventTarget {
  constructor(key?: symbol) {
    if (key !== kIllegal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  now(): number {
    return now();
  }

  get timeOrigin(): number {
    return hostPerformance.timeOrigin;
  }

  mark(name: string, options?: { detail?: unknown; startTime?: number }): PerformanceMark {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const mark = new PerformanceMark(name, options);
    markTimes.set(mark.name, mark.startTime);
    enqueue(mark);
    return mark;
  }

  measure(name: string, startOrOptions?: string | MeasureOptions, endMark?: string): PerformanceMeasure {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const { start, duration } = startAndDuration(startOrOptions, endMark);
    const rawDetail = startOrOptions !== null && typeof startOrOptions === 'object' ? startOrOptions.detail : undefined;
    const detail = rawDetail != null ? structuredClone(rawDetail) : null;
    const measure = new PerformanceMeasure(kIllegal, `${name}`, start, duration, detail);
    enqueue(measure);
    return measure;
  }

  clearMarks(name?: string): void {
    if (name !== undefined) {
      const key = `${name}`;
      markTimes.delete(key);
      marks = marks.filter((m) => m.name !== key);
    } else {
      markTimes.clear();
      marks = [];
    }
  }

  clearMeasures(name?: string): void {
    if (name !== undefined) {
      const key = `${name}`;
      measures = measures.filter((m) => m.name !== key);
    } else {
      measures = [];
    }
  }

  clearResourceTimings(_name?: string): void {}

  getEntries(): PerformanceEntry[] {
    return bufferedEntries();
  }

  getEntriesByName(name: string, type?: string): PerformanceEntry[] {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return bufferedEntries(`${name}`, type === undefined ? undefined : `${type}`);
  }

  getEntriesByType(type: string): PerformanceEntry[] {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return bufferedEntries(undefined, `${type}`);
  }

  setResourceTimingBufferSize(maxSize: number): void {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
    validateInteger(maxSize, 'maxSize', 0);
  }

  markResourceTiming(): never {
    notImplemented('performance.markResourceTiming');
  }

  get nodeTiming(): PerformanceNodeTiming {
    return nodeTiming;
  }

  eventLoopUtilization(
    util1?: { idle: number; active: number },
    util2?: { idle: number; active: number },
  ): { idle: number; active: number; utilization: number } {
    const ls = nodeTiming.loopStart;
    if (ls <= 0 || busyMs() === undefined) return { idle: 0, active: 0, utilization: 0 };
    if (util1 && util2) {
      const idle = util1.idle - util2.idle;
      const active = util1.active - util2.active;
      return { idle, active, utilization: active / (idle + active) };
    }
    const idle = nodeTiming.idleTime;
    const active = now() - ls - idle;
    if (!util1) return { idle, active, utilization: active / (idle + active) };
    const idleDelta = idle - util1.idle;
    const activeDelta = active - util1.active;
    return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
  }

  timerify<F extends (...args: never[]) => unknown>(fn: F, options: { histogram?: unknown } = {}): F {
    validateFunction(fn, 'fn');
    validateObject(options, 'options');
    const { histogram } = options;
    if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
    }
    const target = fn as unknown as (...args: unknown[]) => unknown;
    function timerified(this: unknown, ...args: unknown[]): unknown {
      const start = now();
      const result = new.target ? Reflect.construct(target, args, target) : Reflect.apply(target, this, args);
      const finish = (): void => {
        const duration = now() - start;
        if (histogram !== undefined) recordInto(histogram as Histogram, Math.max(1, Math.ceil(duration * 1e6)));
        if (observed('function')) {
          const entry = new FunctionEntry(kIllegal, target.name, 'function', start, duration, args);
          // Node also puts the arguments on the entry by index.
          args.forEach((arg, i) => ((entry as unknown as Record<number, unknown>)[i] = arg));
          enqueue(entry);
        }
      };
      if (!new.target && typeof (result as { finally?: unknown } | null)?.finally === 'function') {
        return (result as Promise<unknown>).finally(finish);
      }
      finish();
      return result;
    }
    Object.defineProperties(timerified, {
      length: { configurable: false, enumerable: true, value: fn.length },
      name: { configurable: false, enumerable: true, value: `timerified ${fn.name}` },
    });
    return timerified as unknown as F;
  }

  toJSON(): object {
    return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }

  onresourcetimingbufferfull: ((event: Event) => void) | null = null;
}

export const performance = new Performance(kIllegal);

export const constants = Object.freeze({
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
});

createHistogram satisfies (options?: nodePerfHooks.CreateHistogramOptions) => nodePerfHooks.RecordableHistogram;
monitorEventLoopDelay satisfies typeof nodePerfHooks.monitorEventLoopDelay;

export default {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants,
};
