/**
 * The error of the given class that `run` throws. Any other error is rethrown as it is, and a run
 * that throws nothing fails, so a test never passes on the wrong failure.
 */
export function thrownBy<E extends Error>(errorClass: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof errorClass) return error;
    throw error;
  }
  throw new Error("no error thrown");
}
