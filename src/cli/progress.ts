/**
 * Progress of long work on stderr. On a terminal one line rewritten in place at every percent;
 * in a log (a cron job, a service's journal) a line of its own at every tenth, so the log stays
 * readable instead of holding a hundred carriage-return updates on one line.
 */
export function progressWriter(stream: { write(text: string): unknown; isTTY?: boolean } = process.stderr): { show(percent: number | null, text: string): void; done(): void } {
  let last: number | null = -1;
  let shown = false;
  const tty = stream.isTTY === true;
  return {
    show(percent, text) {
      const step = percent === null ? null : tty ? percent : Math.floor(percent / 10) * 10;
      if (step === last && shown) return;
      last = step;
      shown = true;
      const line = `${percent === null ? "" : `${percent} % · `}${text}`;
      stream.write(tty ? `\r${line}` : `${line}\n`);
    },
    done() {
      if (tty && shown) stream.write("\n");
    },
  };
}
