// A graphql-ws server (npm, pinned; protocol graphql-transport-ws) for WS Inspector's tests on 127.0.0.1 with
// a free port; prints "PORT <n>" when ready. Subscription countdown(from: Int!) emits from..1 then completes;
// query hello. After connection_ack the server sends {"type":"ping"} every 200 ms and prints "PONG" for each
// {"type":"pong"} a client answers.
const npmRequire = require('./npmpeers');
const { WebSocketServer } = npmRequire('ws');
const { useServer } = npmRequire('graphql-ws/use/ws');
const { buildSchema } = npmRequire('graphql');

const schema = buildSchema(`
  type Query { hello: String }
  type Subscription { countdown(from: Int!): Int }
`);
const roots = {
  query: { hello: () => 'world' },
  subscription: {
    countdown: async function* ({ from }) {
      for (let i = from; i > 0; i--) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield { countdown: i };
      }
    },
  },
};

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
// A graphql-ws client waits for connection_ack before it subscribes; wsinspector-cli sends its whole list at
// once, and the server closes 4401 on a subscribe read before connection_init was handled (asynchronously).
// Messages after a connection_init wait here until it was.
wss.on('connection', (socket) => {
  const on = socket.on.bind(socket);
  let initialised = Promise.resolve();
  socket.on = (event, listener) => {
    if (event !== 'message') return on(event, listener);
    return on(event, (data, isBinary) => {
      let type;
      try {
        type = JSON.parse(String(data)).type;
      } catch (e) {
        type = undefined;
      }
      const run = () => listener(data, isBinary);
      if (type === 'connection_init') initialised = initialised.then(run);
      else initialised.then(run);
    });
  };
});
useServer(
  {
    schema,
    roots,
    onConnect: (ctx) => {
      const socket = ctx.extra.socket;
      // After connection_ack has gone out (onConnect runs before it).
      setImmediate(() => {
        const timer = setInterval(() => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
        }, 200);
        socket.on('close', () => clearInterval(timer));
      });
      return true;
    },
  },
  wss,
  0 // no WebSocket-level keepalive pings: the protocol's own pings are what the test watches
);
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    try {
      if (JSON.parse(data.toString()).type === 'pong') console.log('PONG');
    } catch (e) {
      // not JSON: graphql-ws closes with 4400 itself
    }
  });
});
wss.on('listening', () => console.log('PORT ' + wss.address().port));
