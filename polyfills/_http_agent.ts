// _http_agent — Node's internal module behind http.Agent, public for old packages. https://nodejs.org/api/http.html#class-httpagent
// Unsupported: as node:http.
import { Agent, globalAgent } from './http.ts';
export { Agent, globalAgent };
export default { Agent, globalAgent };
