// A node-ws wss:// flood server for bench_wss_flood: on /flood?n=N&size=S it sends N text messages of S
// bytes as fast as the socket drains, then closes with 1000. Prints "PORT n". Usage: node ... CERT KEY
const fs = require('fs');
const https = require('https');
const { WebSocketServer } = require('ws');

const server = https.createServer({ cert: fs.readFileSync(process.argv[2]), key: fs.readFileSync(process.argv[3]) });
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'https://localhost');
  const n = parseInt(url.searchParams.get('n') || '1000', 10);
  const payload = 'x'.repeat(parseInt(url.searchParams.get('size') || '32', 10));
  let sent = 0;
  const pump = () => {
    while (sent < n) {
      ws.send(payload);
      sent++;
      if (ws.bufferedAmount > 4 * 1024 * 1024) { setImmediate(pump); return; }
    }
    ws.close(1000, 'flood done');
  };
  pump();
});
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
