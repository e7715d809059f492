'use strict';
/*
 * The load generator's HTTP/1.1 client: one keep-alive connection per client, one request in flight, each
 * request written as one pre-built buffer, the answer read by hand (status line, `content-length` or
 * chunked body). It exists because node:http's client costs about 55 µs of CPU a request on this
 * machine, about half of what the bare ceiling server itself needs: on two shared cores the driver then
 * takes CPU from whichever server is measured, the more so the more threads that server runs. wrk and
 * autocannon do the same for the same reason. A connection the server closes (`connection: close`, its
 * end of the socket, an error) is opened again for the next request; a request unanswered for
 * `timeoutMs` fails (status 0) instead of holding the load forever.
 */
const net = require('net');

/** The request line and headers of a POST; the body follows them in the same buffer. */
function buildPost({ host = '127.0.0.1', port, path, headers }, body) {
  let head = `POST ${path} HTTP/1.1\r\nhost: ${host}:${port}\r\nconnection: keep-alive\r\ncontent-length: ${body.length}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n]/.test(`${name}${value}`)) throw new Error(`header ${name} holds a line break`);
    head += `${name}: ${value}\r\n`;
  }
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body]);
}

/** A parsed answer, or undefined while more bytes are needed. Throws on what it does not understand. */
function parseResponse(buffer) {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const head = buffer.toString('latin1', 0, headEnd);
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!status) throw new Error(`not an HTTP/1.1 answer: ${JSON.stringify(head.slice(0, 60))}`);
  const header = (name) => new RegExp(`\r\n${name}:[ \t]*([^\r\n]*)`, 'i').exec(head)?.[1].trim();
  const close = /close/i.test(header('connection') ?? '');
  const code = Number(status[1]);
  const start = headEnd + 4;
  // These never carry a body, whatever their headers say.
  if (code < 200 || code === 204 || code === 304) return { status: code, body: Buffer.alloc(0), rest: buffer.subarray(start), close };
  const length = header('content-length');
  // Chunked wins over a content-length (RFC 9112, 6.3).
  if (/chunked/i.test(header('transfer-encoding') ?? '')) {
    const parts = [];
    let at = start;
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const sizeText = buffer.toString('latin1', at, lineEnd).split(';')[0].trim();
      if (!/^[0-9a-f]+$/i.test(sizeText)) throw new Error(`a bad chunk size ${JSON.stringify(sizeText)}`);
      const size = parseInt(sizeText, 16);
      const end = lineEnd + 2 + size + 2;
      if (buffer.length < end) return undefined;
      if (size === 0) return { status: code, body: Buffer.concat(parts), rest: buffer.subarray(end), close };
      parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = end;
    }
  }
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) throw new Error(`a bad content-length ${JSON.stringify(length)}`);
    const end = start + Number(length);
    if (buffer.length < end) return undefined;
    return { status: code, body: buffer.subarray(start, end), rest: buffer.subarray(end), close };
  }
  // Neither: the body runs until the server closes (HTTP/1.0 style); not what the servers here send.
  throw new Error('an answer without content-length or chunked encoding');
}

/** One client connection to 127.0.0.1:port; `send(request)` resolves `{ status, body }` or `{ status: 0, error }`. */
class RawHttpConnection {
  constructor(port, { timeoutMs = 60_000 } = {}) {
    this.port = port;
    this.timeoutMs = timeoutMs;
    this.socket = undefined;
    this.pending = undefined;
    this.timer = undefined;
    this.received = Buffer.alloc(0);
  }

  send(request) {
    return new Promise((resolve) => {
      this.pending = resolve;
      this.received = Buffer.alloc(0);
      if (!this.socket) this.open();
      const socket = this.socket;
      this.timer = setTimeout(() => {
        this.drop(socket);
        this.settle({ status: 0, error: new Error(`no answer within ${this.timeoutMs} ms`) });
      }, this.timeoutMs);
      socket.write(request);
    });
  }

  /** Closes the connection; a request still waiting fails (status 0). */
  close() {
    this.drop(this.socket);
    this.settle({ status: 0, error: new Error('the connection was closed') });
  }

  drop(socket) {
    if (this.socket === socket) this.socket = undefined;
    socket?.destroy();
  }

  open() {
    const socket = net.connect(this.port, '127.0.0.1');
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.onData(socket, chunk));
    const fail = (error) => {
      // A connection already given up (its answer was complete) ends quietly.
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.settle({ status: 0, error: error ?? new Error('the server closed the connection') });
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
    // The server ended its side: this socket takes no further request.
    socket.on('end', () => fail());
    this.socket = socket;
  }

  onData(socket, chunk) {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    let answer;
    try {
      answer = parseResponse(this.received);
    } catch (error) {
      this.drop(socket);
      return this.settle({ status: 0, error });
    }
    if (!answer) return;
    if (answer.close || answer.rest.length > 0) this.drop(socket);
    this.settle({ status: answer.status, body: answer.body });
  }

  settle(result) {
    clearTimeout(this.timer);
    const resolve = this.pending;
    this.pending = undefined;
    resolve?.(result);
  }
}

module.exports = { buildPost, parseResponse, RawHttpConnection };
