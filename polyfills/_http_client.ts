// _http_client — Node's internal module behind http.ClientRequest, public for old packages. https://nodejs.org/api/http.html#class-httpclientrequest
// Unsupported: as node:http.
import { ClientRequest } from './http.ts';
export { ClientRequest };
export default { ClientRequest };
