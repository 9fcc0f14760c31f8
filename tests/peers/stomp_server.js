// A STOMP broker (npm stomp-broker-js, pinned) for WS Inspector's tests on 127.0.0.1 with a free port, path
// /stomp; prints "PORT <n>" when ready. It asks clients for heart-beats every 300 ms (CONNECTED heart-beat
// "0,300" to a client offering "300,0") and closes a connection whose client stays silent past about 900 ms.
// SEND with a receipt header is answered RECEIPT; subscribers of the destination get MESSAGE.
const http = require('http');
const npmRequire = require('./npmpeers');
const StompServer = npmRequire('stomp-broker-js');

const httpServer = http.createServer();
const broker = new StompServer({
  server: httpServer,
  path: '/stomp',
  heartbeat: [0, 300],
  heartbeatErrorMargin: 150,
});
broker.on('disconnected', (sessionId) => console.log('DISCONNECTED ' + sessionId));
httpServer.listen(0, '127.0.0.1', () => console.log('PORT ' + httpServer.address().port));
