import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const CHUNK = 1 << 20;

/**
 * Runs `COPY … FROM STDIN` on `client` with `data` (text, or bytes in the statement's format)
 * as its input, through pg-copy-streams. Settles only when the server has answered (stored or
 * refused): a caller that rolls back after a failure must never leave a COPY running behind it.
 */
export async function copyIn(client: pg.ClientBase, statement: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const stream = client.query(copyFrom(statement));
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
    for (let i = 0; i < bytes.length; i += CHUNK) stream.write(bytes.subarray(i, i + CHUNK));
    stream.end();
  });
}
