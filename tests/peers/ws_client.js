// A node-ws client for WS Inspector's server tests; prints the same lines as ws_client.py.
// Usage: node ws_client.js URL [--header "N: v"]... [--subprotocol P]... [--origin O] [--send T]... [--expect N]
//                           [--fragments N] [--ping P] [--close CODE:REASON] [--deflate no-context-takeover|on]
// --fragments N sends each message as N frames; --ping sends a ping first and prints PONG <payload> (not
// counted in --expect); --close closes with that code and reason instead of 1000 "client done"; --deflate offers
// permessage-deflate and compresses every message (threshold 0), without context takeover when asked.
const WebSocket = require('ws');

const args = process.argv.slice(2);
const url = args.shift();
const headers = {};
const protocols = [];
const sends = [];
let origin;
let expect = 0;
let fragments = 1;
let ping;
let closeCode = 1000;
let closeReason = 'client done';
let perMessageDeflate = false;
for (let i = 0; i < args.length; i += 2) {
  const [flag, value] = [args[i], args[i + 1]];
  if (flag === '--header') { const at = value.indexOf(':'); headers[value.slice(0, at).trim()] = value.slice(at + 1).trim(); }
  else if (flag === '--subprotocol') protocols.push(value);
  else if (flag === '--origin') origin = value;
  else if (flag === '--send') sends.push(value);
  else if (flag === '--expect') expect = parseInt(value, 10);
  else if (flag === '--fragments') fragments = parseInt(value, 10);
  else if (flag === '--ping') ping = value;
  else if (flag === '--deflate') {
    const fresh = value === 'no-context-takeover';
    perMessageDeflate = { threshold: 0, clientNoContextTakeover: fresh, serverNoContextTakeover: fresh };
  }
  else if (flag === '--close') { const at = value.indexOf(':'); closeCode = parseInt(value.slice(0, at), 10); closeReason = value.slice(at + 1); }
}
const ws = new WebSocket(url, protocols, { headers, origin, perMessageDeflate, handshakeTimeout: 10000 });
let received = 0;
const guard = setTimeout(() => { console.log('ERROR timeout'); process.exit(1); }, 20000);
ws.on('open', () => {
  console.log('OPEN ' + (ws.protocol || '-'));
  if (ping !== undefined) ws.ping(ping);
  for (const s of sends) {
    const step = Math.ceil(s.length / fragments);
    for (let at = 0; at < s.length; at += step)
      ws.send(s.slice(at, at + step), { fin: at + step >= s.length });
  }
  maybeClose();
});
let pongSeen = false;
function maybeClose() {
  if (received >= expect && (ping === undefined || pongSeen)) ws.close(closeCode, closeReason);
}
ws.on('pong', (data) => {
  console.log('PONG ' + data.toString());
  pongSeen = true;
  maybeClose();
});
ws.on('message', (data, isBinary) => {
  console.log(isBinary ? 'BIN ' + data.toString('hex') : 'RECV ' + data.toString());
  ++received;
  maybeClose();
});
ws.on('unexpected-response', (req, res) => { console.log('STATUS ' + res.statusCode); clearTimeout(guard); process.exit(0); });
ws.on('close', (code, reason) => { console.log('CLOSED ' + code + ' ' + reason.toString()); clearTimeout(guard); process.exit(0); });
ws.on('error', (e) => console.log('ERROR ' + e.message));
