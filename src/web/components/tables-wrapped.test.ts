import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Issue 12 item 6: on a phone a wide table scrolls inside its own box, never the page. The box is
// a .table-wrap (overflow-x: auto), which scrollable-tables.ts makes a named, focusable region
// when the table is wider than it. This guards that no page renders a table outside such a box.

const WEB = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".tsx") && !e.name.includes(".test.") ? [join(dir, e.name)] : [],
  );
}

describe("tabeller i webbgränssnittet", () => {
  it("ligger var och en i en .table-wrap som kan rulla i sidled", () => {
    const unwrapped: string[] = [];
    let tables = 0;
    for (const file of sources(WEB)) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (!/<table[\s>]/.test(line)) return;
        tables++;
        // The wrapping element opens on one of the few lines before the table.
        if (!lines.slice(Math.max(0, i - 3), i).some((l) => /className="table-wrap[ "]/.test(l))) unwrapped.push(`${relative(WEB, file)}:${i + 1}`);
      });
    }
    expect(tables).toBeGreaterThan(30);
    expect(unwrapped).toEqual([]);
  });
});
