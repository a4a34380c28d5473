// internal/http/common: node:http's tables and the token/header checks its classes share.
// https://nodejs.org/api/http.html#httpstatus_codes

import { codes } from '../errors.ts';
export { METHODS } from './parser.ts';

/** Node's http.STATUS_CODES. */
export const STATUS_CODES: Record<number, string | undefined> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

const tokenPattern = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
/** Whether `value` is an HTTP token (method, header name). */
export function checkIsHttpToken(value: string): boolean {
  return tokenPattern.test(value);
}

const invalidHeaderChar = /[^\t\x20-\x7e\x80-\xff]/;
/** Whether a header value has a character HTTP cannot carry (CR, LF, NUL, beyond latin1). */
export function checkInvalidHeaderChar(value: string): boolean {
  return invalidHeaderChar.test(value);
}

/** http.validateHeaderName: throws ERR_INVALID_HTTP_TOKEN. */
export function validateHeaderName(name: string, label = 'Header name'): void {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new codes.ERR_INVALID_HTTP_TOKEN(label, name);
  }
}

/** http.validateHeaderValue: throws ERR_HTTP_INVALID_HEADER_VALUE or ERR_INVALID_CHAR. */
export function validateHeaderValue(name: string, value: unknown): void {
  if (value === undefined) throw new codes.ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(String(value))) throw new codes.ERR_INVALID_CHAR('header content', name);
}

/** The IMF-fixdate Node puts in a response's Date header (cached for a second, as Node does). */
let dateCache: string | undefined;
export function utcDate(): string {
  if (dateCache === undefined) {
    dateCache = new Date().toUTCString();
    setTimeout(() => {
      dateCache = undefined;
    }, 1000 - new Date().getMilliseconds());
  }
  return dateCache;
}

export const CRLF = '\r\n';

/** Node's parser pool; here only its size is kept (http.setMaxIdleHTTPParsers sets it, _http_common shows it). */
export const parsers = { max: 1000 };
