import { describe, expect, it } from "vitest";
import { escapeText, foldLine, writeIcs } from "./write";
import { parseIcs, propertyValue } from "./parse";

const now = new Date("2023-11-20T08:30:00Z");

describe("writeIcs", () => {
  const long = "Återbetalning av outnyttjade medel till Kammarkollegiet: Sammanhållen, jämlik och säker vård 2023 (S2023/00488); personcentrerade vårdförlopp (Region Jämtland Härjedalen)";
  const text = writeIcs({
    name: "Statsbidrag – Region Jämtland Härjedalen",
    now,
    events: [
      { uid: "repayment:6:23:2024-03-31@fordela", date: "2024-03-31", summary: long, description: "Rad ett\nRad två, med komma; och semikolon \\ snedstreck", alarmDaysBefore: 14 },
      { uid: "requisition:6:23:2023-12-01@fordela", date: "2023-12-01", summary: "Rekvisition" },
    ],
  });

  it("ends every line with CRLF and keeps lines within 75 octets", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.split("\r\n").slice(0, -1);
    expect(lines.every((l) => !l.includes("\n"))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, "utf8")))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
  });

  it("reads back to the same events: all-day dates, UID, DTSTAMP, text, alarm", () => {
    const root = parseIcs(text);
    const cal = root.components[0]!;
    expect(cal.type).toBe("VCALENDAR");
    expect(propertyValue(cal, "VERSION")).toBe("2.0");
    expect(propertyValue(cal, "X-WR-CALNAME")).toBe("Statsbidrag – Region Jämtland Härjedalen");
    const [first, second] = cal.components;
    expect(first!.type).toBe("VEVENT");
    expect(propertyValue(first!, "UID")).toBe("repayment:6:23:2024-03-31@fordela");
    expect(propertyValue(first!, "DTSTAMP")).toBe("20231120T083000Z");
    const start = first!.properties.find((p) => p.name === "DTSTART")!;
    expect(start).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20240331" });
    expect(propertyValue(first!, "DTEND")).toBe("20240401");
    expect(propertyValue(first!, "SUMMARY")).toBe(long);
    expect(propertyValue(first!, "DESCRIPTION")).toBe("Rad ett\nRad två, med komma; och semikolon \\ snedstreck");
    expect(first!.components[0]).toMatchObject({ type: "VALARM" });
    expect(propertyValue(first!.components[0]!, "TRIGGER")).toBe("-P14D");
    expect(second!.components).toEqual([]);
    expect(propertyValue(second!, "DTEND")).toBe("20231202");
  });
});

describe("foldLine and escapeText", () => {
  it("never cuts inside a multi-byte character", () => {
    const folded = foldLine("SUMMARY:" + "å".repeat(80));
    for (const line of folded.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\ufffd");
    }
    expect(folded.replace(/\r\n /g, "")).toBe("SUMMARY:" + "å".repeat(80));
  });

  it("escapes the characters TEXT reserves", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });
});
