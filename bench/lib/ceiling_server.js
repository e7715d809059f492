'use strict';
/*
 * The ceiling of the ui_metric_ingest benchmark: a bare node:http server that reads and parses each body
 * and answers, and does nothing else. Prints its port on stdout once listening.
 */
const http = require('http');

const OK = Buffer.from('{"status":"ok"}');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let status = 200;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!body || typeof body.report !== 'object') status = 400;
    } catch {
      status = 400;
    }
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': OK.length });
    res.end(OK);
  });
});
server.keepAliveTimeout = 120000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
