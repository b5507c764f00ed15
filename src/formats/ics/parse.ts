/** A content line: name, parameters and the (unescaped for TEXT) value. */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  type: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/**
 * Reads an iCalendar file back into components: unfolds continuation lines, splits name,
 * parameters and value, unescapes text. Enough to check what writeIcs produced, and to read
 * simple calendars from elsewhere.
 */
export function parseIcs(text: string): IcsComponent {
  const unfolded = text.replace(/\r?\n[ \t]/g, "");
  const root: IcsComponent = { type: "ROOT", properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  unfolded.split(/\r?\n/).forEach((line, i) => {
    if (line === "") return;
    const colon = line.indexOf(":");
    if (colon < 0) throw new Error(`iCalendar, rad ${i + 1}: kolon saknas i "${line}"`);
    const [name, ...paramParts] = line.slice(0, colon).split(";");
    const value = line.slice(colon + 1);
    const upper = name!.toUpperCase();
    const top = stack[stack.length - 1]!;
    if (upper === "BEGIN") {
      const component: IcsComponent = { type: value.toUpperCase(), properties: [], components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (upper === "END") {
      if (top.type !== value.toUpperCase()) throw new Error(`iCalendar, rad ${i + 1}: END:${value} avslutar ${top.type}`);
      stack.pop();
    } else {
      const params = Object.fromEntries(paramParts.map((p) => p.split("=") as [string, string]));
      top.properties.push({ name: upper, params, value: unescapeText(value) });
    }
  });
  if (stack.length !== 1) throw new Error(`iCalendar: ${stack[stack.length - 1]!.type} avslutas aldrig`);
  return root;
}

export function propertyValue(component: IcsComponent, name: string): string | undefined {
  return component.properties.find((p) => p.name === name)?.value;
}
