// _http_common — Node's internal module with http's token checks and method list, public for old packages. https://github.com/nodejs/node/blob/main/lib/_http_common.js
// Unsupported: HTTPParser (llhttp's binding) and the parser pool are not exposed.
import { CRLF, METHODS, checkInvalidHeaderChar, checkIsHttpToken, parsers } from './internal/http/common.ts';
export const methods = [...METHODS];
export const _checkIsHttpToken = checkIsHttpToken;
export const _checkInvalidHeaderChar = checkInvalidHeaderChar;
export const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
export const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;
export { CRLF };
export { parsers };
export default { parsers, methods, _checkIsHttpToken, _checkInvalidHeaderChar, chunkExpression, continueExpression, CRLF };
