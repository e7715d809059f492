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

  it('refuses what it cannot read', () => {
    expect(() => answer('SSH-2.0\r\n\r\n')).toThrow('not an HTTP/1.1 answer');
    expect(() => answer('HTTP/1.1 200 OK\r\n\r\nbody until close')).toThrow('without content-length or chunked');
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
});
