import { parentPort } from 'node:worker_threads';
import { prepareList, screenTraveller, type PreparedList } from '@kamurj/domain/border';
import { toDomainEntry, type EntryRow } from './lists-repository.ts';
import { screeningOptions, type ThreadMessage, type ThreadReply, type ThreadRequest } from './screening-thread.ts';

/**
 * The body of the screening thread (ADR 0510): it holds the prepared lists and screens travellers against
 * them, so that neither a list's preparation (seconds for 100,000 entries) nor a traveller's screening
 * runs on the server's event loop. Messages are handled in the order they were sent: a list loaded
 * before a screening request is the one the request is screened against.
 */
const lists = new Map<string, { version: number; list: PreparedList }>();
const port = parentPort!;

port.on('message', (m: ThreadRequest) => {
  // A batch of screenings is answered in one message, each request on its own (one's error is its own).
  const reply: ThreadMessage = m.type === 'screens' ? m.requests.map(handle) : handle(m);
  port.postMessage(reply);
});

function handle(m: Exclude<ThreadRequest, { type: 'screens' }>): ThreadReply {
  try {
    if (m.type === 'load') {
      // Loads of one list read at two versions may arrive in either order: the newer one stays.
      if ((lists.get(m.listId)?.version ?? -1) < m.version) lists.set(m.listId, { version: m.version, list: prepareList((JSON.parse(m.rows) as EntryRow[]).map(toDomainEntry)) });
      return { id: m.id, ok: true, result: null };
    }
    const prepared = m.listIds.map((id) => {
      const held = lists.get(id);
      if (!held) throw new Error(`list ${id} is not loaded in the screening thread`);
      return held.list;
    });
    return { id: m.id, ok: true, result: screenTraveller(m.traveller, prepared, screeningOptions(m)) };
  } catch (e) {
    return { id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
