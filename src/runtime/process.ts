// TabnodeProcess: what `spawn()` returns, shaped like @webcontainer/api's WebContainerProcess,
// fed by the kernel's SpawnEvents on a MessagePort owned by this process object.

import type { KernelApi, SpawnEvent } from '../shared/kernel-api.ts';
import type { RpcClient } from '../rpc/client.ts';

type Fd = 1 | 2;

interface Sink<T> {
  controller: ReadableStreamDefaultController<T>;
  closed: boolean;
}

function enqueue<T>(sink: Sink<T> | undefined, chunk: T): void {
  if (sink === undefined || sink.closed) return;
  try {
    sink.controller.enqueue(chunk);
  } catch {
    // The reader cancelled the stream: it no longer wants data; other streams still get theirs.
    sink.closed = true;
  }
}

function close<T>(sink: Sink<T> | undefined, error?: unknown): void {
  if (sink === undefined || sink.closed) return;
  sink.closed = true;
  try {
    if (error === undefined) sink.controller.close();
    else sink.controller.error(error);
  } catch {
    // Already cancelled by the reader: nothing to close.
  }
}

function makeStream<T>(): [ReadableStream<T>, Sink<T>] {
  let sink: Sink<T> | undefined;
  const stream = new ReadableStream<T>({
    start(controller) {
      sink = { controller, closed: false };
    },
    cancel() {
      if (sink !== undefined) sink.closed = true;
    },
  });
  // `start` runs synchronously inside the constructor.
  return [stream, sink!];
}

export interface ProcessInit {
  pid: number;
  port: MessagePort;
  kernel: () => RpcClient<KernelApi>;
  /** false: the `output` stream gets no chunks (as in @webcontainer/api). */
  output: boolean;
  /** Failures that have no caller to reject (a kill or stdin write after the kernel died). */
  onError: (error: unknown) => void;
  /** Called once when the process ended, so the runtime can forget it. */
  onDone: () => void;
}

export class TabnodeProcess {
  readonly pid: number;
  /** stdout and stderr interleaved in arrival order, UTF-8 decoded across chunk boundaries. */
  readonly output: ReadableStream<string>;
  /** Text (or bytes) to the process's stdin; closing it ends stdin. */
  readonly input: WritableStream<string>;
  /** The exit code; rejects only if the runtime is torn down or the kernel dies first. */
  readonly exit: Promise<number>;

  readonly #init: ProcessInit;
  readonly #outputSink: Sink<string> | undefined;
  readonly #decoders = new Map<Fd, TextDecoder>([
    [1, new TextDecoder()],
    [2, new TextDecoder()],
  ]);
  readonly #byteSinks = new Map<Fd, Sink<Uint8Array>>();
  readonly #byteStreams = new Map<Fd, ReadableStream<Uint8Array>>();
  #done = false;
  #resolveExit!: (code: number) => void;
  #rejectExit!: (error: unknown) => void;

  /** @internal use `runtime.spawn()`. */
  constructor(init: ProcessInit) {
    this.#init = init;
    this.pid = init.pid;
    const [output, outputSink] = makeStream<string>();
    this.output = output;
    this.#outputSink = init.output ? outputSink : undefined;
    if (!init.output) close(outputSink);
    this.exit = new Promise<number>((resolve, reject) => {
      this.#resolveExit = resolve;
      this.#rejectExit = reject;
    });
    // A caller who never awaits `exit` must not see an unhandled rejection at teardown.
    this.exit.catch(() => {});
    const encoder = new TextEncoder();
    this.input = new WritableStream<string>({
      write: async (chunk) => {
        const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : (chunk as Uint8Array);
        await init.kernel().writeStdin(this.pid, bytes);
      },
      close: async () => {
        await init.kernel().writeStdin(this.pid, null);
      },
      abort: async () => {
        if (!this.#done) await init.kernel().writeStdin(this.pid, null);
      },
    });
    // Events queue on the port until started. Starting here is safe: they are dispatched as tasks,
    // after the caller's `await spawn()` continuation has had the chance to read `stdout`/`stderr`.
    init.port.onmessage = (event: MessageEvent<SpawnEvent>) => this.#handle(event.data);
  }

  /** stdout as raw bytes (our addition). Sees data that arrives after its first access. */
  get stdout(): ReadableStream<Uint8Array> {
    return this.#byteStream(1);
  }

  /** stderr as raw bytes (our addition). Sees data that arrives after its first access. */
  get stderr(): ReadableStream<Uint8Array> {
    return this.#byteStream(2);
  }

  /** Sends a signal (default SIGTERM); the kernel terminates the worker if it does not exit promptly. */
  kill(signal = 'SIGTERM'): void {
    if (this.#done) return;
    this.#init.kernel().kill(this.pid, signal).catch(this.#init.onError);
  }

  resize(dimensions: { cols: number; rows: number }): void {
    if (this.#done) return;
    this.#init.kernel().resize(this.pid, dimensions.cols, dimensions.rows).catch(this.#init.onError);
  }

  /** @internal the runtime ends every live process this way at teardown or kernel failure. */
  abandon(error: unknown): void {
    if (this.#done) return;
    this.#finish();
    close(this.#outputSink, error);
    for (const sink of this.#byteSinks.values()) close(sink, error);
    this.#rejectExit(error);
  }

  #byteStream(fd: Fd): ReadableStream<Uint8Array> {
    let stream = this.#byteStreams.get(fd);
    if (stream === undefined) {
      const [created, sink] = makeStream<Uint8Array>();
      stream = created;
      this.#byteStreams.set(fd, stream);
      this.#byteSinks.set(fd, sink);
      if (this.#done) close(sink);
    }
    return stream;
  }

  #handle(event: SpawnEvent): void {
    if (this.#done) return;
    if (event.type === 'output') {
      enqueue(this.#byteSinks.get(event.fd), event.data);
      if (this.#outputSink !== undefined) {
        const text = this.#decoders.get(event.fd)!.decode(event.data, { stream: true });
        if (text !== '') enqueue(this.#outputSink, text);
      }
      return;
    }
    // 'exit' comes last on the port: everything the process wrote has been delivered.
    if (this.#outputSink !== undefined) {
      for (const decoder of this.#decoders.values()) {
        const rest = decoder.decode();
        if (rest !== '') enqueue(this.#outputSink, rest);
      }
    }
    this.#finish();
    close(this.#outputSink);
    for (const sink of this.#byteSinks.values()) close(sink);
    this.#resolveExit(event.code);
  }

  #finish(): void {
    this.#done = true;
    this.#init.port.onmessage = null;
    this.#init.port.close();
    this.#init.onDone();
  }
}
