// A node-ws echo load through a forward HTTP proxy, for bench/proxy_cpu_ab.sh's forward mode: CONNECTIONS clients,
// each tunnelled with CONNECT host:port through PROXY (http://127.0.0.1:P) to URL, each keeping WINDOW messages of SIZE
// bytes in flight for DURATION seconds. Prints "RESULT messages=<echoes received> seconds=<s>" and exits.
//   node bench/node_forward_echo_client.js PROXY URL CONNECTIONS WINDOW SIZE DURATION
'use strict';
const http = require('http');
const WebSocket = require('ws');

const [proxyUrl, url, connections, windowSize, size, duration] = process.argv.slice(2);
if (!duration) {
  process.stderr.write('usage: node_forward_echo_client.js PROXY URL CONNECTIONS WINDOW SIZE DURATION\n');
  process.exit(2);
}
const proxy = new URL(proxyUrl);

// Each socket is a CONNECT tunnel: the agent answers ws's request for a connection with the tunnel's socket.
class TunnelAgent extends http.Agent {
  createConnection(options, done) {
    const connect = http.request({
      host: proxy.hostname, port: proxy.port, method: 'CONNECT', path: `${options.host}:${options.port}`, agent: false,
    });
    connect.on('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        done(new Error(`CONNECT answered ${response.statusCode}`));
        return;
      }
      socket.setNoDelay(true);
      done(null, socket);
    });
    connect.on('error', done);
    connect.end();
  }
}

const payload = Buffer.alloc(Number(size), 0x61);
let echoes = 0;
let measuring = false;
let started = 0;
const sockets = [];
let open = 0;

function finish() {
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`RESULT messages=${echoes} seconds=${seconds.toFixed(2)}\n`);
  for (const socket of sockets) socket.terminate();
  process.exit(0);
}

for (let i = 0; i < Number(connections); ++i) {
  const socket = new WebSocket(url, { agent: new TunnelAgent(), perMessageDeflate: false });
  sockets.push(socket);
  socket.on('open', () => {
    for (let w = 0; w < Number(windowSize); ++w) socket.send(payload);
    if (++open === Number(connections)) {
      measuring = true;
      started = Date.now();
      setTimeout(finish, Number(duration) * 1000);
    }
  });
  socket.on('message', () => {
    if (measuring) ++echoes;
    socket.send(payload);
  });
  socket.on('error', (error) => {
    process.stderr.write(`client ${i}: ${error.message}\n`);
    process.exit(1);
  });
}
setTimeout(() => {
  process.stderr.write('the clients did not open in 30 s\n');
  process.exit(1);
}, 30000 + Number(duration) * 1000).unref();
