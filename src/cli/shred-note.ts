/**
 * After `erase-person` and `purge`: removes what the store's own files may still hold of the
 * removed data, where the store can, and says what the operator must do where it cannot.
 */
import type { Backend } from '../adapters/storage/primitives.js';

export async function shredAndSay(backend: Backend): Promise<string> {
  switch (backend.kind) {
    case 'sqlite': {
      const { complete } = (await backend.shredRemoved?.()) ?? { complete: true };
      return complete
        ? 'SQLite: the removed text is overwritten in the database file, and its write-ahead log (-wal) is emptied.'
        : 'SQLite: the removed text is overwritten in the database file, but another process (the running bot?) kept part of the write-ahead log (-wal). Run this command again when the bot is stopped, or restart the bot, to empty it.';
    }
    case 'postgres':
      return "PostgreSQL keeps old row versions until they are vacuumed: run VACUUM on the bot's tables now (see README → Security), and remember that backups and WAL archives still hold the old data until they expire.";
    case 'redis':
      return 'Redis may still hold the old values in its append-only file and RDB snapshots: run BGREWRITEAOF, then BGSAVE, and let older snapshots and backups expire (see README → Security).';
    case 'memory':
      return 'The memory store keeps nothing on disk.';
  }
}
