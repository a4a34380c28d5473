// The file editor: one tab per project file, a plain textarea, and every edit saved to the tab's
// filesystem (debounced), so the next run sees it and a reload keeps it.

import type { TabnodeFs } from '../runtime/fs.ts';

const SAVE_DELAY_MS = 300;

export type StatusReporter = (message: string, state: 'busy' | 'ready' | 'error') => void;
const INDENT = '  ';

export class Editor {
  readonly #tabs: HTMLElement;
  readonly #text: HTMLTextAreaElement;
  readonly #onStatus: StatusReporter;
  #fs: TabnodeFs | undefined;
  #paths: readonly string[] = [];
  #current: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The save in flight, so that a run waits for it. */
  #saving: Promise<void> = Promise.resolve();

  constructor(tabs: HTMLElement, text: HTMLTextAreaElement, onStatus: StatusReporter) {
    this.#tabs = tabs;
    this.#text = text;
    this.#onStatus = onStatus;
    text.addEventListener('input', () => this.#scheduleSave());
    text.addEventListener('keydown', (event) => this.#onKey(event));
  }

  /** Shows `paths` as tabs and opens the first; files are read from `fs`. */
  async open(fs: TabnodeFs, paths: readonly string[]): Promise<void> {
    this.#fs = fs;
    this.#paths = paths;
    this.#tabs.replaceChildren(
      ...paths.map((path) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.role = 'tab';
        tab.dataset.path = path;
        tab.textContent = path;
        tab.addEventListener('click', () => void this.show(path));
        return tab;
      }),
    );
    this.#text.disabled = false;
    await this.show(paths[0]!);
  }

  async show(path: string): Promise<void> {
    await this.flush();
    const fs = this.#fs;
    if (fs === undefined || !this.#paths.includes(path)) return;
    this.#current = path;
    for (const tab of this.#tabs.querySelectorAll('button')) tab.setAttribute('aria-selected', String(tab.dataset.path === path));
    try {
      this.#text.value = await fs.readFile(path, 'utf8');
    } catch (error) {
      // Deleted by a program: show it empty; typing recreates it.
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
      this.#text.value = '';
    }
  }

  /** Resolves when every edit so far is in the filesystem. */
  async flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#save();
    }
    await this.#saving;
  }

  #scheduleSave(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#save();
    }, SAVE_DELAY_MS);
  }

  #save(): void {
    const fs = this.#fs;
    const path = this.#current;
    if (fs === undefined || path === undefined) return;
    const contents = this.#text.value;
    this.#saving = this.#saving
      .then(() => fs.writeFile(path, contents))
      .then(
        () => this.#onStatus(`saved ${path}`, 'ready'),
        (error: unknown) => this.#onStatus(`could not save ${path}: ${error instanceof Error ? error.message : String(error)}`, 'error'),
      );
  }

  /** Tab indents instead of leaving the textarea (Escape then Tab still leaves it). */
  #onKey(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    // execCommand keeps the browser's undo history, which assigning `value` would wipe.
    document.execCommand('insertText', false, INDENT);
  }
}
