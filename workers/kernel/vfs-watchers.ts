// fs.watch inside the runtime: which process watches which path, and what each change means to
// each watcher (Node's `filename`: relative to the watched directory, or the file's own name).

export type WatchEventType = 'rename' | 'change';
export type WatchCallback = (eventType: WatchEventType, filename: string) => void;

interface Watcher {
  pid: number;
  path: string;
  recursive: boolean;
  onEvent: WatchCallback;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class Watchers {
  readonly #watchers = new Map<string, Watcher>();

  add(pid: number, id: number, path: string, recursive: boolean, onEvent: WatchCallback): void {
    this.#watchers.set(`${pid}:${id}`, { pid, path, recursive, onEvent });
  }

  remove(pid: number, id: number): void {
    this.#watchers.delete(`${pid}:${id}`);
  }

  removeAll(pid: number): void {
    for (const [key, watcher] of this.#watchers) if (watcher.pid === pid) this.#watchers.delete(key);
  }

  /** Tells every watcher that sees `path` about the change. */
  notify(eventType: WatchEventType, path: string): void {
    if (this.#watchers.size === 0) return;
    for (const watcher of this.#watchers.values()) {
      const filename = relativeName(watcher, path);
      if (filename !== undefined) watcher.onEvent(eventType, filename);
    }
  }
}

/** Linux inotify's view: the watched path itself, its direct children, or (recursive) any descendant. */
function relativeName({ path: watched, recursive }: Watcher, path: string): string | undefined {
  if (path === watched) return basename(path);
  const prefix = watched === '/' ? '/' : `${watched}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  if (!recursive && rest.includes('/')) return undefined;
  return rest;
}
