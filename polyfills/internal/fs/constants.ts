// fs.constants: the shared table of src/shared/fs-constants.ts (the syscall protocol's numbers).
// https://nodejs.org/api/fs.html#fs-constants

import { fsConstants } from '../../../src/shared/fs-constants.ts';

/** Node's fs.constants has no prototype (it comes from the C++ binding). */
export const constants: typeof fsConstants = Object.assign(Object.create(null) as typeof fsConstants, fsConstants);

export const { F_OK, R_OK, W_OK, X_OK } = constants;
