// The playground: boots tabnode, puts the example project in the tab's filesystem (once: edits
// persist), runs `node index.js`, shows its output, and shows its server in the preview pane.

import { Tabnode, type TabnodeProcess } from '../index.ts';
import { Editor } from './editor.ts';
import { EXAMPLE_FILES, exampleTree } from './example.ts';
import { PreviewPane } from './preview.ts';
import { OutputView, pipeToView } from './terminal.ts';
import './style.css';

const RELOAD_FLAG = 'tabnode:reloaded-for-isolation';
const ENTRY = 'index.js';

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`playground: #${id} is missing`);
  return found;
}

const runButton = element('run', HTMLButtonElement);
const stopButton = element('stop', HTMLButtonElement);
const resetButton = element('reset', HTMLButtonElement);
const status = element('status', HTMLSpanElement);
const exitBadge = element('exit-code', HTMLSpanElement);
const output = new OutputView(element('output', HTMLPreElement));
const editor = new Editor(element('file-tabs', HTMLDivElement), element('source', HTMLTextAreaElement), setStatus);
const preview = new PreviewPane(
  element('preview-frame', HTMLIFrameElement),
  element('preview-address', HTMLSpanElement),
  element('preview-reload', HTMLButtonElement),
  element('preview-open', HTMLAnchorElement),
);

let runtime: Tabnode | undefined;
let running: { process: TabnodeProcess; done: Promise<void> } | undefined;

function setStatus(text: string, state: 'busy' | 'ready' | 'error'): void {
  status.textContent = text;
  status.dataset.state = state;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function stop(): Promise<void> {
  const current = running;
  if (current === undefined) return;
  current.process.kill('SIGTERM');
  await current.done;
}

/** (Re)starts `node index.js` with the files as they are now. */
async function run(): Promise<void> {
  if (runtime === undefined) return;
  await stop();
  await editor.flush();
  output.clear();
  exitBadge.textContent = '';
  exitBadge.dataset.code = '';
  stopButton.disabled = false;
  setStatus(`running node ${ENTRY}`, 'busy');
  output.write(`$ node ${ENTRY}\n`, 'info');
  let process: TabnodeProcess;
  try {
    process = await runtime.spawn('node', [ENTRY]);
  } catch (error) {
    output.write(`\n${describe(error)}\n`, 'stderr');
    setStatus('the run failed', 'error');
    stopButton.disabled = true;
    return;
  }
  const done = watch(process);
  running = { process, done };
  await done;
}

async function watch(process: TabnodeProcess): Promise<void> {
  const started = performance.now();
  try {
    const piped = Promise.all([pipeToView(process.stdout, output, 'stdout'), pipeToView(process.stderr, output, 'stderr')]);
    // If the runtime fails mid-run, `exit` rejects first and carries the error.
    piped.catch(() => {});
    const code = await process.exit;
    await piped;
    exitBadge.textContent = `exit ${code}`;
    exitBadge.dataset.code = String(code);
    setStatus(`exited after ${Math.round(performance.now() - started)} ms`, 'ready');
  } catch (error) {
    output.write(`\n${describe(error)}\n`, 'stderr');
    setStatus('the run failed', 'error');
  } finally {
    if (running?.process === process) {
      running = undefined;
      stopButton.disabled = true;
    }
  }
}

async function reset(): Promise<void> {
  if (runtime === undefined) return;
  await stop();
  await runtime.mount(exampleTree());
  await editor.open(runtime.fs, EXAMPLE_FILES.map(([path]) => path));
  await run();
}

/** The project is put in place once; after that the files are the user's (and survive reloads). */
async function ensureProject(tabnode: Tabnode): Promise<void> {
  try {
    await tabnode.fs.readFile(ENTRY);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    await tabnode.mount(exampleTree());
  }
}

async function boot(): Promise<void> {
  setStatus('booting…', 'busy');
  try {
    runtime = await Tabnode.boot({ projectId: 'playground' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_TABNODE_NOT_ISOLATED' && (error as { reloadWillFix?: unknown }).reloadWillFix === true) {
      // The service worker now adds the isolation headers: one reload, never a loop.
      if (sessionStorage.getItem(RELOAD_FLAG) === null) {
        sessionStorage.setItem(RELOAD_FLAG, '1');
        location.reload();
        return;
      }
    }
    output.write(`${describe(error)}\n`, 'stderr');
    setStatus('tabnode could not boot', 'error');
    return;
  }
  sessionStorage.removeItem(RELOAD_FLAG);
  runtime.on('error', (error) => {
    output.write(`\n[tabnode] ${error.message}\n`, 'stderr');
    setStatus('runtime error', 'error');
  });
  runtime.on('server-ready', (port, url) => preview.show(port, url));
  runtime.on('port', (port, type) => {
    if (type === 'close') preview.portClosed(port);
  });
  await ensureProject(runtime);
  await editor.open(runtime.fs, EXAMPLE_FILES.map(([path]) => path));
  runButton.disabled = false;
  resetButton.disabled = false;
  await run();
}

runButton.addEventListener('click', () => void run());
stopButton.addEventListener('click', () => void stop());
resetButton.addEventListener('click', () => void reset());
void boot();
