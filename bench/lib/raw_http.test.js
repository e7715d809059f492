'use strict';
const http = require('http');
const { buildPost, parseResponse, RawHttpConnection } = require('./raw_http');

describe('parseResponse', () => {
  const answer = (text) => parseResponse(Buffer.from(text, 'latin1'));

  it('reads a content-length answer once all of it arrived, and says what follows it', () => {
    expect(answer('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhel')).toBeUndefined();
    const done = answer('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloX');
    expect(done).toMatchObject({ status: 200, close: false });
    expect(done.body.toString()).toBe('hello');
    expect(done.rest.toString()).toBe('X');
  });

  it('reads a chunked answer and a connection: close', () => {
    expect(answer('HTTP/1.1 400 Bad Request\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n')).toBeUndefined();
    const done = answer('HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n');
    expect(done).toMatchObject({ status: 400, close: true });
    expect(done.body.toString()).toBe('abcde');
  });

  it('reads no body where HTTP has none, and chunked over a content-length', () => {
    expect(answer('HTTP/1.1 204 No Content\r\ncontent-length: 10\r\n\r\n')).toMatchObject({ status: 204, body: Buffer.alloc(0) });
    const both = answer('HTTP/1.1 200 OK\r\ncontent-length: 1\r\ntransfer-encoding: chunked\r\n\r\n2;x=y\r\nok\r\n0\r\n\r\n');
    expect(both.body.toString()).toBe('ok');
  });

  it('refuses what it cannot read', () => {
    expect(() => answer('SSH-2.0\r\n\r\n')).toThrow('not an HTTP/1.1 answer');
    expect(() => answer('HTTP/1.1 200 OK\r\n\r\nbody until close')).toThrow('without content-length or chunked');
    expect(() => answer('HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n')).toThrow('a bad content-length "-1"');
    expect(() => answer('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n-2\r\n')).toThrow('a bad chunk size "-2"');
  });
});

describe('RawHttpConnection', () => {
  let server;
  let port;
  const seen = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        seen.push({ socket: req.socket.remotePort, header: req.headers['x-test'], body });
        if (body === 'close') res.setHeader('connection', 'close');
        res.writeHead(body === 'bad' ? 400 : 200, { 'content-type': 'text/plain' });
        // No content-length: node sends it chunked.
        res.end(`got ${body}`);
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    port = server.address().port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('keeps one connection across requests, opens another after the server closed it, and reports a refused port', async () => {
    const connection = new RawHttpConnection(port);
    const post = (body) => connection.send(buildPost({ port, path: '/x', headers: { 'x-test': 'yes' } }, Buffer.from(body)));
    const first = await post('one');
    const second = await post('bad');
    const third = await post('close');
    const fourth = await post('four');
    connection.close();
    expect([first, second, third, fourth].map((r) => [r.status, r.body.toString()])).toEqual([
      [200, 'got one'],
      [400, 'got bad'],
      [200, 'got close'],
      [200, 'got four'],
    ]);
    expect(seen.map((s) => s.header)).toEqual(['yes', 'yes', 'yes', 'yes']);
    // The same socket until the server said close, a new one after.
    expect(seen[1].socket).toBe(seen[0].socket);
    expect(seen[2].socket).toBe(seen[0].socket);
    expect(seen[3].socket).not.toBe(seen[0].socket);

    // A port that was free a moment ago: nothing listens there.
    const closedPort = await new Promise((resolve) => {
      const probe = http.createServer().listen(0, '127.0.0.1', () => {
        const free = probe.address().port;
        probe.close(() => resolve(free));
      });
    });
    const refused = await new RawHttpConnection(closedPort).send(buildPost({ port: closedPort, path: '/', headers: {} }, Buffer.alloc(0)));
    expect(refused.status).toBe(0);
    expect(String(refused.error)).toMatch(/ECONNREFUSED/);
  });

  it('refuses a header holding a line break', () => {
    expect(() => buildPost({ port, path: '/', headers: { cookie: 'a\r\nx: y' } }, Buffer.alloc(0))).toThrow('header cookie holds a line break');
  });

  it('reads an answer split across packets, reconnects after the server ended a socket, and fails what is never answered', async () => {
    const net = require('net');
    let connections = 0;
    // A hand-written server: answers in two packets, ends the socket after "end", never answers "hang".
    const raw = net.createServer((socket) => {
      connections++;
      socket.on('data', (data) => {
        const body = data.toString().split('\r\n\r\n')[1];
        if (body === 'hang') return;
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nab');
        setTimeout(() => {
          socket.write('cdef');
          if (body === 'end') socket.end();
        }, 5);
      });
    });
    await new Promise((r) => raw.listen(0, '127.0.0.1', r));
    const rawPort = raw.address().port;
    try {
      const connection = new RawHttpConnection(rawPort, { timeoutMs: 200 });
      const post = (body) => connection.send(buildPost({ port: rawPort, path: '/', headers: {} }, Buffer.from(body)));
      expect((await post('end')).body.toString()).toBe('abcdef');
      await new Promise((r) => setTimeout(r, 20));
      expect((await post('next')).body.toString()).toBe('abcdef');
      expect(connections).toBe(2);
      const hung = await post('hang');
      expect(hung.status).toBe(0);
      expect(String(hung.error)).toContain('no answer within 200 ms');
      // Closing while a request waits fails that request instead of leaving it pending.
      const waiting = post('hang');
      connection.close();
      expect(await waiting).toMatchObject({ status: 0 });
    } finally {
      await new Promise((r) => raw.close(r));
    }
  });
});
