import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_BASE } from '@handover/shared';

/**
 * Requests that Node's HTTP parser refuses before Express sees them (a request line that is not
 * HTTP, header fields over the 16 KB limit, a request that never finished arriving) get an
 * RFC 9457 body too, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: never write into a response already on its way (after a 413 sent
    // before the body was read, the rest of the body parses as garbage); just close.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, slug, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'header-fields-too-large', 'The request line and header fields are too large.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request-timeout', 'The request did not arrive in time.']
          : [400, 'bad-request', 'The request is not valid HTTP.'];
    // An answer to a HEAD carries no body: a client would read one as garbage after the response.
    // The parser refuses before anyone sees the method, so look at the bytes it refused (a request
    // arrives whole in one read unless it is very large; no per-connection listener on the hot path).
    const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
    const body = JSON.stringify({ type: `${PROBLEM_BASE}${slug}`, title: STATUS_CODES[status], status, detail });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        (head ? '' : body),
    );
  });
}
