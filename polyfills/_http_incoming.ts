// _http_incoming — Node's internal module behind http.IncomingMessage, public for old packages. https://nodejs.org/api/http.html#class-httpincomingmessage
// Unsupported: as node:http.
import { IncomingMessage } from './http.ts';
export { IncomingMessage };
export default { IncomingMessage };
