// _http_outgoing — Node's internal module behind http.OutgoingMessage, public for old packages. https://nodejs.org/api/http.html#class-httpoutgoingmessage
// Unsupported: as node:http.
import { OutgoingMessage, validateHeaderName, validateHeaderValue } from './http.ts';
export { OutgoingMessage, validateHeaderName, validateHeaderValue };
export default { OutgoingMessage, validateHeaderName, validateHeaderValue };
