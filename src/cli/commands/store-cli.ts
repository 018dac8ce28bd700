import { AuditKeyError, StoreUnavailableError, withStore, type Store } from '../../store/index.js';
import { ExitError } from '../errors.js';
import { EXIT_INTERNAL } from '../exit-codes.js';

/** Runs a command against the store named by --db; a store that cannot be opened is exit 1 with a plain message. */
export async function runWithStore(db: string | undefined, fn: (store: Store) => Promise<void>): Promise<void> {
  try {
    await withStore(db, fn);
  } catch (err) {
    if (err instanceof StoreUnavailableError || err instanceof AuditKeyError) throw new ExitError(EXIT_INTERNAL, err.message);
    throw err;
  }
}
