// The ceilings for the signing benchmark: bare node:http doing the same INSERT as a signature with
// a raw prepared statement, nothing else; and the same server answering a count body it holds in
// memory, which is what the count endpoint does during a surge. Started by bench/signatures.ts as a
// child process:
//   tsx bench/ceiling-server.ts <port> <database-url>
import http from 'node:http';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const [portArg, url] = process.argv.slice(2);
const port = Number(portArg);
const at = () => new Date().toISOString();

type Insert = (petitionId: number, identityId: number) => Promise<void>;
let insert: Insert;
if (url!.startsWith('sqlite:')) {
  const db = new SQLite(url!.slice('sqlite:'.length));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const stmt = db.prepare('INSERT INTO signatures (petition_id, identity_id, created_at) VALUES (?, ?, ?)');
  insert = async (p, i) => {
    stmt.run(p, i, at());
  };
} else {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  insert = async (p, i) => {
    await pool.query({ name: 'sign', text: 'INSERT INTO signatures (petition_id, identity_id, created_at) VALUES ($1, $2, $3)', values: [p, i, at()] });
  };
}

const countBody = JSON.stringify({ id: 1, count: 12345, threshold: 20000, threshold_reached_at: null, state: 'open' });

http
  .createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/count') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=1', etag: '"1-12345-open"' }).end(countBody);
      return;
    }
    const m = req.url?.match(/^\/sign\/(\d+)$/);
    const identity = Number(req.headers.authorization?.split(' ')[1]);
    req.resume();
    if (req.method !== 'POST' || !m || !identity) {
      res.writeHead(404).end();
      return;
    }
    insert(Number(m[1]), identity).then(
      () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}'),
      () => res.writeHead(409).end(),
    );
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'));
