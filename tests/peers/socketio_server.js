// A socket.io v4 server (npm, pinned) for WS Inspector's tests on 127.0.0.1 with a free port; prints
// "PORT <n>" when ready. Short Engine.IO ping interval and timeout (300/200 ms): a client that does not answer
// its pings is dropped within half a second. WebSocket transport only; Engine.IO 3 clients allowed.
// Default namespace: "hello" acks "hi <name>"; "bin" answers "bin-back" with a binary attachment.
// Namespace /admin: greets with "admin-hello"; "status" acks {"ok":true}.
// Packets a client sends before its namespace is connected wait for it (see below).
// Prints "CONNECT <nsp>" and "DISCONNECT <nsp> <reason>" for what the test asserts on the server's side.
const http = require('http');
const path = require('path');
const npmRequire = require('./npmpeers');
const { Server } = npmRequire('socket.io');

// A socket.io client waits for its namespace's CONNECT answer before it emits; wsinspector-cli sends its
// whole list at once, and socket.io closes a connection whose packet names a namespace not yet connected
// ("invalid state"). Such packets wait here, in order, until the namespace is connected (at most 1 s).
const { Client } = require(path.join(path.dirname(require.resolve('socket.io', { paths: [path.join(__dirname, 'npm')] })),
  'client.js'));
const ondecoded = Client.prototype.ondecoded;
Client.prototype.ondecoded = function (packet) {
  const connecting = packet.type === 0 || packet.type === 4; // CONNECT, CONNECT_ERROR
  if (!this.heldPackets) this.heldPackets = [];
  if (connecting || (this.heldPackets.length === 0 && this.nsps.has(packet.nsp))) {
    ondecoded.call(this, packet);
    return;
  }
  this.heldPackets.push(packet);
  if (this.heldPackets.length > 1) return;
  let tries = 0;
  const drain = () => {
    while (this.heldPackets.length > 0 && (this.nsps.has(this.heldPackets[0].nsp) || tries >= 200))
      ondecoded.call(this, this.heldPackets.shift());
    if (this.heldPackets.length > 0) {
      tries++;
      setTimeout(drain, 5);
    }
  };
  setTimeout(drain, 5);
};

const httpServer = http.createServer();
const io = new Server(httpServer, {
  pingInterval: 300,
  pingTimeout: 200,
  transports: ['websocket'],
  allowEIO3: true,
  serveClient: false,
});

io.on('connection', (socket) => {
  console.log('CONNECT /');
  socket.on('hello', (name, ack) => {
    if (typeof ack === 'function') ack('hi ' + name);
  });
  socket.on('bin', () => socket.emit('bin-back', { label: 'three bytes', data: Buffer.from([1, 2, 3]) }));
  socket.on('disconnect', (reason) => console.log('DISCONNECT / ' + reason));
});

io.of('/admin').on('connection', (socket) => {
  console.log('CONNECT /admin');
  socket.emit('admin-hello', { role: 'admin' });
  socket.on('status', (ack) => {
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('disconnect', (reason) => console.log('DISCONNECT /admin ' + reason));
});

httpServer.listen(0, '127.0.0.1', () => console.log('PORT ' + httpServer.address().port));
