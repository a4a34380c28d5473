// The preview pane: shows the page of the server that last became ready, with an address bar,
// reload, and a link to open it in its own tab (which works while this page is open).

export class PreviewPane {
  readonly #frame: HTMLIFrameElement;
  readonly #address: HTMLElement;
  readonly #reload: HTMLButtonElement;
  readonly #openLink: HTMLAnchorElement;
  #port: number | undefined;

  constructor(frame: HTMLIFrameElement, address: HTMLElement, reload: HTMLButtonElement, openLink: HTMLAnchorElement) {
    this.#frame = frame;
    this.#address = address;
    this.#reload = reload;
    this.#openLink = openLink;
    reload.addEventListener('click', () => this.reload());
    this.close();
  }

  /** A server is ready on `port` at `url`: show it. */
  show(port: number, url: string): void {
    this.#port = port;
    this.#address.textContent = `localhost:${port}`;
    this.#frame.src = url;
    this.#openLink.href = url;
    this.#openLink.hidden = false;
    this.#reload.disabled = false;
  }

  /** `port` stopped listening: blank the pane if it was the one shown. */
  portClosed(port: number): void {
    if (port === this.#port) this.close();
  }

  close(): void {
    this.#port = undefined;
    this.#address.textContent = 'no server running';
    this.#frame.removeAttribute('src');
    this.#openLink.hidden = true;
    this.#reload.disabled = true;
  }

  reload(): void {
    const url = this.#openLink.href;
    if (this.#port !== undefined) this.#frame.src = url;
  }
}
