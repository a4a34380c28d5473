// fs.constants: the shared table of src/shared/fs-constants.ts (the syscall protocol's numbers).
// https://nodejs.org/api/fs.html#fs-constants

import { fsConstants } from '../../../src/shared/fs-constants.ts';

export const constants = fsConstants;

export const { F_OK, R_OK, W_OK, X_OK } = constants;
