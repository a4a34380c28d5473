// process.setuid/setgid/seteuid/setegid/setgroups/initgroups: Node's argument checks, then the
// answer a non-root user gets. A tab's processes run as `node` (uid/gid 1000) and cannot change
// identity, so every valid call fails with EPERM, as setuid(2) does for an unprivileged user.
// https://nodejs.org/api/process.html#processsetuidid

import { codes } from '../errors.ts';
import { validateArray } from '../validators.ts';

/** The users and groups the runtime knows (its /etc/passwd and /etc/group). */
const USERS = new Map([['root', 0], ['node', 1000], ['nobody', 65534]]);
const GROUPS = new Map([['root', 0], ['node', 1000], ['nogroup', 65534], ['nobody', 65534]]);

function validateId(id: unknown, name: string): asserts id is number | string {
  if (typeof id === 'number') {
    // Node: an id is an unsigned 32-bit integer; out of range reads as an unknown id (EINVAL).
    return;
  }
  if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
}

function checkKnown(id: number | string, table: Map<string, number>, kind: 'User' | 'Group'): void {
  if (typeof id === 'string' && !table.has(id)) throw new codes.ERR_UNKNOWN_CREDENTIAL(kind, id);
}

/** The old-style system error Node's credential calls throw: `EPERM, Operation not permitted`. */
function permissionDenied(syscall: string): Error {
  const error = new Error('EPERM, Operation not permitted') as Error & { errno: number; code: string; syscall: string };
  return Object.assign(error, { errno: 1, code: 'EPERM', syscall });
}

function setter(syscall: string, table: Map<string, number>, kind: 'User' | 'Group') {
  return function (id: unknown): void {
    validateId(id, 'id');
    checkKnown(id, table, kind);
    throw permissionDenied(syscall);
  };
}

export const setuid = setter('setuid', USERS, 'User');
export const seteuid = setter('seteuid', USERS, 'User');
export const setgid = setter('setgid', GROUPS, 'Group');
export const setegid = setter('setegid', GROUPS, 'Group');

export function setgroups(groups: unknown): void {
  validateArray(groups, 'groups');
  groups.forEach((group: unknown, index: number) => {
    validateId(group, `groups[${index}]`);
    if (typeof group === 'number' && (!Number.isInteger(group) || group < 0 || group > 2 ** 32 - 1)) {
      throw new codes.ERR_OUT_OF_RANGE(`groups[${index}]`, '>= 0 && <= 4294967295', group);
    }
    checkKnown(group, GROUPS, 'Group');
  });
  throw permissionDenied('setgroups');
}

export function initgroups(user: unknown, extraGroup: unknown): void {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  checkKnown(extraGroup, GROUPS, 'Group');
  checkKnown(user, USERS, 'User');
  throw permissionDenied('initgroups');
}
