// node:os: operating-system facts, as honest as a browser tab can be. https://nodejs.org/api/os.html
// Unsupported: real CPU/memory/load figures (estimated from navigator); priorities are kept in memory only.

import type nodeOs from 'node:os';
import { systemError } from './internal/errors.ts';
import { validateInt32 } from './internal/validators.ts';
import { Buffer } from './buffer.ts';

// Linux x64 values, as Node reports them there.
const dlopen = {
  RTLD_LAZY: 1,
  RTLD_NOW: 2,
  RTLD_GLOBAL: 256,
  RTLD_LOCAL: 0,
  RTLD_DEEPBIND: 8
};

const errno = {
  E2BIG: 7,
  EACCES: 13,
  EADDRINUSE: 98,
  EADDRNOTAVAIL: 99,
  EAFNOSUPPORT: 97,
  EAGAIN: 11,
  EALREADY: 114,
  EBADF: 9,
  EBADMSG: 74,
  EBUSY: 16,
  ECANCELED: 125,
  ECHILD: 10,
  ECONNABORTED: 103,
  ECONNREFUSED: 111,
  ECONNRESET: 104,
  EDEADLK: 35,
  EDESTADDRREQ: 89,
  EDOM: 33,
  EDQUOT: 122,
  EEXIST: 17,
  EFAULT: 14,
  EFBIG: 27,
  EHOSTUNREACH: 113,
  EIDRM: 43,
  EILSEQ: 84,
  EINPROGRESS: 115,
  EINTR: 4,
  EINVAL: 22,
  EIO: 5,
  EISCONN: 106,
  EISDIR: 21,
  ELOOP: 40,
  EMFILE: 24,
  EMLINK: 31,
  EMSGSIZE: 90,
  EMULTIHOP: 72,
  ENAMETOOLONG: 36,
  ENETDOWN: 100,
  ENETRESET: 102,
  ENETUNREACH: 101,
  ENFILE: 23,
  ENOBUFS: 105,
  ENODATA: 61,
  ENODEV: 19,
  ENOENT: 2,
  ENOEXEC: 8,
  ENOLCK: 37,
  ENOLINK: 67,
  ENOMEM: 12,
  ENOMSG: 42,
  ENOPROTOOPT: 92,
  ENOSPC: 28,
  ENOSR: 63,
  ENOSTR: 60,
  ENOSYS: 38,
  ENOTCONN: 107,
  ENOTDIR: 20,
  ENOTEMPTY: 39,
  ENOTSOCK: 88,
  ENOTSUP: 95,
  ENOTTY: 25,
  ENXIO: 6,
  EOPNOTSUPP: 95,
  EOVERFLOW: 75,
  EPERM: 1,
  EPIPE: 32,
  EPROTO: 71,
  EPROTONOSUPPORT: 93,
  EPROTOTYPE: 91,
  ERANGE: 34,
  EROFS: 30,
  ESPIPE: 29,
  ESRCH: 3,
  ESTALE: 116,
  ETIME: 62,
  ETIMEDOUT: 110,
  ETXTBSY: 26,
  EWOULDBLOCK: 11,
  EXDEV: 18
};

const signals = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGIOT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGSTKFLT: 16,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGIO: 29,
  SIGPOLL: 29,
  SIGPWR: 30,
  SIGSYS: 31
};

const priority = {
  PRIORITY_LOW: 19,
  PRIORITY_BELOW_NORMAL: 10,
  PRIORITY_NORMAL: 0,
  PRIORITY_ABOVE_NORMAL: -7,
  PRIORITY_HIGH: -14,
  PRIORITY_HIGHEST: -20
};

export const constants = {
  UV_UDP_REUSEADDR: 4,
  dlopen,
  errno,
  signals,
  priority,
} as unknown as typeof nodeOs.constants;

/** The home directory when the environment has no HOME (the process helper uses the same). */
export const DEFAULT_HOME = '/home/node';
const USERNAME = 'node';
const UID = 1000;
const GID = 1000;

interface EnvSource {
  process?: { env?: Record<string, string | undefined>; pid?: number };
}

function env(): Record<string, string | undefined> {
  return (globalThis as unknown as EnvSource).process?.env ?? {};
}

interface NavigatorLike {
  hardwareConcurrency?: number;
  deviceMemory?: number;
}

function nav(): NavigatorLike {
  return ((globalThis as { navigator?: NavigatorLike }).navigator ?? {}) as NavigatorLike;
}

export const EOL = '\n';
export const devNull = '/dev/null';

export function arch(): NodeJS.Architecture {
  return 'x64';
}
export function machine(): string {
  return 'x86_64';
}
export function platform(): NodeJS.Platform {
  return 'linux';
}
export function type(): string {
  return 'Linux';
}
export function release(): string {
  return '6.0.0-tabnode';
}
export function version(): string {
  return '#1 SMP tabnode (a browser tab)';
}
export function endianness(): 'LE' {
  return 'LE';
}
export function hostname(): string {
  return 'localhost';
}

export function availableParallelism(): number {
  return Math.max(1, nav().hardwareConcurrency ?? 1);
}

export function cpus(): nodeOs.CpuInfo[] {
  // The browser tells only how many; the rest is plausible, not measured.
  return Array.from({ length: availableParallelism() }, () => ({
    model: 'Virtual CPU (browser tab)',
    speed: 2400,
    times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
  }));
}

export function totalmem(): number {
  // navigator.deviceMemory is in GiB, rounded and capped by the browser; 4 GiB when unknown.
  return Math.round((nav().deviceMemory ?? 4) * 2 ** 30);
}

export function freemem(): number {
  const memory = (globalThis as { performance?: { memory?: { jsHeapSizeLimit?: number; usedJSHeapSize?: number } } }).performance?.memory;
  if (memory?.jsHeapSizeLimit && memory.usedJSHeapSize !== undefined) return Math.max(0, memory.jsHeapSizeLimit - memory.usedJSHeapSize);
  return Math.floor(totalmem() / 2);
}

export function loadavg(): number[] {
  return [0, 0, 0];
}

export function uptime(): number {
  // Seconds since this tab's time origin: the closest thing to a boot the runtime has.
  const origin = globalThis.performance?.timeOrigin ?? Date.now();
  // Rounded up: a system that runs a process has been up for more than 0 s (test-os checks > 0).
  return Math.max(1, Math.ceil((Date.now() - origin) / 1000));
}

export function homedir(): string {
  return env().HOME || DEFAULT_HOME;
}

export function tmpdir(): string {
  const e = env();
  let path = e.TMPDIR || e.TMP || e.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

export function userInfo(options?: { encoding?: BufferEncoding | 'buffer' }): nodeOs.UserInfo<string> {
  const info = { uid: UID, gid: GID, username: USERNAME, homedir: homedir(), shell: '/bin/sh' as string | null };
  if (options?.encoding === 'buffer') {
    return {
      ...info,
      username: Buffer.from(info.username),
      homedir: Buffer.from(info.homedir),
      shell: Buffer.from(info.shell ?? ''),
    } as unknown as nodeOs.UserInfo<string>;
  }
  return info;
}

export function networkInterfaces(): NodeJS.Dict<nodeOs.NetworkInterfaceInfo[]> {
  // Only loopback: in-tab servers are reached as localhost, and the page's real interfaces are private.
  return {
    lo: [
      { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
      {
        address: '::1',
        netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
        family: 'IPv6',
        mac: '00:00:00:00:00:00',
        internal: true,
        cidr: '::1/128',
        scopeid: 0,
      },
    ],
  };
}

const priorities = new Map<number, number>();

function ownPid(pid: number): number {
  return pid === 0 ? ((globalThis as unknown as EnvSource).process?.pid ?? 0) : pid;
}

export function getPriority(pid = 0): number {
  validateInt32(pid, 'pid');
  // getpriority(2) finds no process with a negative pid.
  if (pid < 0) throw systemError('ESRCH', 'uv_os_getpriority');
  return priorities.get(ownPid(pid)) ?? 0;
}

export function setPriority(pid: number, priorityValue?: number): void {
  let target = pid;
  let value = priorityValue;
  if (value === undefined) {
    value = pid;
    target = 0;
  }
  validateInt32(target, 'pid');
  validateInt32(value, 'priority', -20, 19);
  if (target < 0) throw systemError('ESRCH', 'uv_os_setpriority');
  // Workers have no scheduling priority; the value is only remembered for getPriority().
  priorities.set(ownPid(target), value);
}

arch satisfies typeof nodeOs.arch;
cpus satisfies typeof nodeOs.cpus;
userInfo satisfies (options?: { encoding?: BufferEncoding | 'buffer' }) => nodeOs.UserInfo<string>;
networkInterfaces satisfies typeof nodeOs.networkInterfaces;
getPriority satisfies typeof nodeOs.getPriority;
setPriority satisfies (pid: number, priority?: number) => void;

const os = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
  constants,
};
// Node's getters interpolate as their value: `${os.hostname}` is the host name.
for (const fn of [arch, availableParallelism, endianness, freemem, homedir, hostname, machine, platform, release, tmpdir, totalmem, type, uptime, version]) {
  Object.defineProperty(fn, Symbol.toPrimitive, { value: () => fn(), writable: true, configurable: true, enumerable: false });
}

// Node defines these two read-only (assigning throws in strict mode) but configurable.
Object.defineProperties(os, {
  EOL: { value: EOL, writable: false, enumerable: true, configurable: true },
  devNull: { value: devNull, writable: false, enumerable: true, configurable: true },
});

export default os as typeof os & { readonly EOL: typeof EOL; readonly devNull: typeof devNull };
