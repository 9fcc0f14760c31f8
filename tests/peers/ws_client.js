// A node-ws client for WS Inspector's server tests; prints the same lines as ws_client.py.
// Usage: node ws_client.js URL [--header "N: v"]... [--subprotocol P]... [--origin O] [--send T]... [--expect N]
const WebSocket = require('ws');

const args = process.argv.slice(2);
const url = args.shift();
const headers = {};
const protocols = [];
const sends = [];
let origin;
let expect = 0;
for (let i = 0; i < args.length; i += 2) {
  const [flag, value] = [args[i], args[i + 1]];
  if (flag === '--header') { const at = value.indexOf(':'); headers[value.slice(0, at).trim()] = value.slice(at + 1).trim(); }
  else if (flag === '--subprotocol') protocols.push(value);
  else if (flag === '--origin') origin = value;
  else if (flag === '--send') sends.push(value);
  else if (flag === '--expect') expect = parseInt(value, 10);
}
const ws = new WebSocket(url, protocols, { headers, origin, perMessageDeflate: false, handshakeTimeout: 10000 });
let received = 0;
const guard = setTimeout(() => { console.log('ERROR timeout'); process.exit(1); }, 20000);
ws.on('open', () => {
  console.log('OPEN ' + (ws.protocol || '-'));
  for (const s of sends) ws.send(s);
  if (expect === 0) ws.close(1000, 'client done');
});
ws.on('message', (data, isBinary) => {
  console.log(isBinary ? 'BIN ' + data.toString('hex') : 'RECV ' + data.toString());
  if (++received >= expect) ws.close(1000, 'client done');
});
ws.on('unexpected-response', (req, res) => { console.log('STATUS ' + res.statusCode); clearTimeout(guard); process.exit(0); });
ws.on('close', (code, reason) => { console.log('CLOSED ' + code + ' ' + reason.toString()); clearTimeout(guard); process.exit(0); });
ws.on('error', (e) => console.log('ERROR ' + e.message));
