import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_BASE } from '@handover/shared';

/**
 * Requests that Node's HTTP parser refuses before Express sees them (a request line that is not
 * HTTP, header fields over the 16 KB limit, a request that never finished arriving) get an
 * RFC 9457 body too, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  // Whether the request now arriving on a connection is a HEAD: an answer to a HEAD carries no
  // body, and a client reading one would take the body for garbage after the response. The parser
  // refuses a request (an overlong request line, say) before anyone sees its method, so the first
  // bytes after each finished response are looked at here.
  const headRequest = new WeakMap<Duplex, boolean>();
  const awaitingStart = new WeakSet<Duplex>();
  server.on('connection', (socket: Duplex) => {
    awaitingStart.add(socket);
    // Before the parser's own listener, which may refuse this very chunk.
    socket.prependListener('data', (chunk: Buffer) => {
      if (!awaitingStart.has(socket)) return;
      awaitingStart.delete(socket);
      headRequest.set(socket, chunk.subarray(0, 5).toString('latin1') === 'HEAD ');
    });
  });
  server.on('request', (req, res) => {
    res.on('finish', () => awaitingStart.add(req.socket));
  });
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
    const body = JSON.stringify({ type: `${PROBLEM_BASE}${slug}`, title: STATUS_CODES[status], status, detail });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        (headRequest.get(socket) ? '' : body),
    );
  });
}
