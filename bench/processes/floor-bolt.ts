/**
 * The floor for a `/requirement add`: the bare Bolt app (bare-bolt-app.ts) plus the least any add must
 * do after its ack, one SQLite transaction (the replay claim, the record and its evidence entry,
 * with a SHA-256 of the record) and one reply to the command's `response_url`. What our bot spends
 * above this is the cost of its own parsing, checks, views and indexes; what this spends above bare
 * Bolt is the cost of the work itself. Only slash commands do anything here.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { serveBareBolt } from './bare-bolt-app.js';

const db = new Database(process.env.BENCH_FLOOR_DB ?? ':memory:');
// As our SQLite store runs: WAL, synced at checkpoints.
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
db.exec('CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)');
const claim = db.prepare('INSERT INTO claims (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
const put = db.prepare('INSERT INTO records (key, value) VALUES (?, ?), (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
const save = db.transaction((triggerId: string, id: string, text: string) => {
  claim.run(`command:${triggerId}`, Date.now() + 15 * 60_000);
  const record = JSON.stringify({ id, text, createdAt: new Date().toISOString() });
  const evidence = JSON.stringify({ about: id, sha256: createHash('sha256').update(record).digest('hex') });
  put.run(`requirement:${id}`, record, `evidence:${id}`, evidence);
});
const connections = new Agent({ connections: 8 });

await serveBareBolt(async ({ ack, command }) => {
  await ack();
  const id = randomUUID();
  save(command.trigger_id, id, command.text);
  const { body } = await request(command.response_url, {
    method: 'POST',
    dispatcher: connections,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', text: `Saved ${id}: ${command.text}` }),
  });
  await body.dump();
});
