// A node-ws flood server speaking Socket.IO v4 framing for bench/decode_flood.sh, on 127.0.0.1 with a free
// port; prints "PORT <n>" when ready. /socket.io/?EIO=4&transport=websocket&n=N: the Engine.IO open packet,
// the Socket.IO connect, then N events 42["chat",{"n":<i>}] as fast as the socket drains, then a 1000 close.
const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://localhost');
  const n = parseInt(url.searchParams.get('n') || '1000', 10);
  ws.send('0{"sid":"bench","upgrades":[],"pingInterval":600000,"pingTimeout":600000,"maxPayload":1000000}');
  ws.send('40{"sid":"bench-ns"}');
  let sent = 0;
  const pump = () => {
    while (sent < n) {
      ws.send('42["chat",{"n":' + sent + '}]');
      sent++;
      if (ws.bufferedAmount > 4 * 1024 * 1024) { setImmediate(pump); return; }
    }
    ws.close(1000, 'flood done');
  };
  pump();
  ws.on('message', () => {}); // pongs or the client's connect: nothing to answer in a flood
});
wss.on('listening', () => console.log('PORT ' + wss.address().port));
