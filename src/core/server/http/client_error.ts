import type { Socket } from 'net';
import type { Logger } from '../logging';
import { errorBody } from './router';

/** Node's codes for a request it gave up on, and the status each one gets. */
function statusOf(error: NodeJS.ErrnoException): { status: number; text: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') return { status: 431, text: 'Request Header Fields Too Large' };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, text: 'Request Timeout' };
  return { status: 400, text: 'Bad Request' };
}

/**
 * Answers a request that Node's HTTP parser refused (bad request line, bad header, overflow, timeout). The
 * connection cannot be reused once the parser has failed, so the answer says `Connection: close` and the
 * socket is ended: a client that keeps the connection open would otherwise wait on a dead socket.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Socket, log: Logger) {
  // The peer hung up (or the socket already died): nobody is left to answer.
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, text } = statusOf(error);
  log.debug(`refused a malformed request (${error.code ?? error.message})`);
  const body = JSON.stringify(errorBody(status, text));
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body
  );
  // end() flushes then closes; destroy soon after in case the peer never reads.
  socket.setTimeout(5000, () => socket.destroy());
}
