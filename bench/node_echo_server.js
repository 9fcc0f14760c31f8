// node-ws echo server for bench/server_load.sh: 127.0.0.1, a free port, no permessage-deflate.
// Prints "PORT <n>" once listening, "RSS_KB <n> CLIENTS <n>" on SIGUSR1 and on SIGTERM/SIGINT (then exits).
'use strict';
const { WebSocketServer } = require('ws');

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, backlog: 4096 });
server.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});

function report() {
  const rssKb = Math.round(process.memoryUsage().rss / 1024);
  process.stdout.write(`RSS_KB ${rssKb} CLIENTS ${server.clients.size}\n`);
}

server.on('listening', () => {
  report();
  process.stdout.write(`PORT ${server.address().port}\n`);
});
process.on('SIGUSR1', report);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    report();
    for (const client of server.clients) client.terminate();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
