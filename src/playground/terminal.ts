// A terminal-like <pre> until xterm.js arrives with the terminal issue: appends text, colours
// stderr, keeps the view at the bottom unless the reader scrolled up, and caps its length.

const MAX_CHARS = 200_000;

export class OutputView {
  readonly #pre: HTMLPreElement;
  #chars = 0;

  constructor(pre: HTMLPreElement) {
    this.#pre = pre;
  }

  write(text: string, kind: 'stdout' | 'stderr' | 'info'): void {
    if (text === '') return;
    const stick = this.#pre.scrollTop + this.#pre.clientHeight >= this.#pre.scrollHeight - 4;
    const last = this.#pre.lastElementChild;
    if (last instanceof HTMLSpanElement && last.dataset.kind === kind) {
      last.append(text);
    } else {
      const span = document.createElement('span');
      span.dataset.kind = kind;
      span.className = `out-${kind}`;
      span.textContent = text;
      this.#pre.append(span);
    }
    this.#chars += text.length;
    while (this.#chars > MAX_CHARS && this.#pre.firstElementChild !== null) {
      this.#chars -= this.#pre.firstElementChild.textContent?.length ?? 0;
      this.#pre.firstElementChild.remove();
    }
    if (stick) this.#pre.scrollTop = this.#pre.scrollHeight;
  }

  clear(): void {
    this.#pre.replaceChildren();
    this.#chars = 0;
  }
}

/** Reads a byte stream to the view, decoding UTF-8 across chunk boundaries. */
export async function pipeToView(stream: ReadableStream<Uint8Array>, view: OutputView, kind: 'stdout' | 'stderr'): Promise<void> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    view.write(decoder.decode(value, { stream: true }), kind);
  }
  view.write(decoder.decode(), kind);
}
