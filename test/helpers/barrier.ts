/**
 * A meeting point for concurrency tests: each of `parties` callers waits in `arrive()` until all
 * have arrived, so the racing steps start together without any sleep or timing assumption.
 */
export function barrier(parties: number): { arrive(): Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    arrive() {
      arrived += 1;
      if (arrived >= parties) open();
      return opened;
    },
  };
}

/**
 * Read-modify-write until the write is accepted: on 409 (somebody saved in between) read again
 * and redo the change, as a user does after "Ladda om". Returns the accepted response's status.
 */
export async function saveWithRetry<T>(read: () => Promise<T>, write: (current: T) => Promise<number>, firstRead?: T, attempts = 500): Promise<number> {
  let current = firstRead ?? (await read());
  for (let i = 0; i < attempts; i++) {
    const status = await write(current);
    if (status !== 409) return status;
    current = await read();
  }
  throw new Error(`no save accepted after ${attempts} attempts`);
}
