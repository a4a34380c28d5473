// The playground: boots tabnode, mounts the example project and runs `node index.js` on demand.

import { Tabnode, type TabnodeProcess } from '../index.ts';
import { EXAMPLE_FILES, exampleTree } from './example.ts';
import { OutputView, pipeToView } from './terminal.ts';
import './style.css';

const RELOAD_FLAG = 'tabnode:reloaded-for-isolation';

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`playground: #${id} is missing`);
  return found;
}

const runButton = element('run', HTMLButtonElement);
const stopButton = element('stop', HTMLButtonElement);
const status = element('status', HTMLSpanElement);
const exitBadge = element('exit-code', HTMLSpanElement);
const tabs = element('file-tabs', HTMLDivElement);
const source = element('source', HTMLElement);
const output = new OutputView(element('output', HTMLPreElement));

let runtime: Tabnode | undefined;
let running: TabnodeProcess | undefined;

function setStatus(text: string, state: 'busy' | 'ready' | 'error'): void {
  status.textContent = text;
  status.dataset.state = state;
}

function showFile(path: string): void {
  const file = EXAMPLE_FILES.find(([name]) => name === path);
  source.textContent = file?.[1] ?? '';
  for (const tab of tabs.querySelectorAll('button')) tab.setAttribute('aria-selected', String(tab.dataset.path === path));
}

function renderTabs(): void {
  for (const [path] of EXAMPLE_FILES) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.role = 'tab';
    tab.dataset.path = path;
    tab.textContent = path;
    tab.addEventListener('click', () => showFile(path));
    tabs.append(tab);
  }
  showFile(EXAMPLE_FILES[0]![0]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function run(): Promise<void> {
  if (runtime === undefined || running !== undefined) return;
  output.clear();
  exitBadge.textContent = '';
  exitBadge.dataset.code = '';
  runButton.disabled = true;
  stopButton.disabled = false;
  setStatus('running node index.js', 'busy');
  const started = performance.now();
  try {
    // Start from the example as shipped: the last run may have changed files.
    await runtime.mount(exampleTree());
    output.write('$ node index.js\n', 'info');
    const process = await runtime.spawn('node', ['index.js']);
    running = process;
    const piped = Promise.all([pipeToView(process.stdout, output, 'stdout'), pipeToView(process.stderr, output, 'stderr')]);
    // If the runtime fails mid-run, `exit` rejects first and carries the error.
    piped.catch(() => {});
    const code = await process.exit;
    await piped;
    exitBadge.textContent = `exit ${code}`;
    exitBadge.dataset.code = String(code);
    setStatus(`finished in ${Math.round(performance.now() - started)} ms`, 'ready');
  } catch (error) {
    output.write(`\n${describe(error)}\n`, 'stderr');
    setStatus('the run failed', 'error');
  } finally {
    running = undefined;
    runButton.disabled = false;
    stopButton.disabled = true;
  }
}

function stop(): void {
  running?.kill('SIGTERM');
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
  runButton.disabled = false;
  setStatus('ready', 'ready');
  await run();
}

renderTabs();
runButton.addEventListener('click', () => void run());
stopButton.addEventListener('click', stop);
void boot();
