// A node-ws server for WS Inspector's tests on 127.0.0.1 with a free port; prints "PORT <n>" when ready.
// Echoes every message; adds "X-Test-Peer: node-ws" to the 101; supports subprotocol "chat".
// /flood?n=N&size=S sends N text messages of S bytes as soon as the client connects, then closes with 1000.
const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  perMessageDeflate: false,
  handleProtocols: (protocols) => (protocols.has('chat') ? 'chat' : false),
});
wss.on('headers', (headers) => headers.push('X-Test-Peer: node-ws'));
wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/flood') {
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
    return;
  }
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
});
wss.on('listening', () => console.log('PORT ' + wss.address().port));
