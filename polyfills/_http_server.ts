// _http_server — Node's internal module behind http.Server, public for old packages. https://nodejs.org/api/http.html#class-httpserver
// Unsupported: as node:http.
import { STATUS_CODES, Server, ServerResponse, _connectionListener } from './http.ts';
export { STATUS_CODES, Server, ServerResponse, _connectionListener };
export default { STATUS_CODES, Server, ServerResponse, _connectionListener };
