// tabnode's host API: Node.js in a browser tab. Shaped like @webcontainer/api; see
// src/runtime/tabnode.ts for the differences (fsRoot, stdout/stderr streams, persistence by id).

export { Tabnode, type TabnodeBootOptions, type TabnodeSpawnOptions, type MountOptions } from './runtime/tabnode.ts';
export { TabnodeProcess } from './runtime/process.ts';
export { TabnodeFs, DirEnt } from './runtime/fs.ts';
export { TabnodeError, NotIsolatedError, type TabnodeErrorCode } from './runtime/errors.ts';
export type { TabnodeEventMap, TabnodeEventName } from './runtime/events.ts';
export type { FsRoot } from './runtime/paths.ts';
export type { FileSystemTree, DirectoryNode, FileNode, SymlinkNode } from './shared/kernel-api.ts';
export { RpcTimeoutError } from './rpc/timeout.ts';
