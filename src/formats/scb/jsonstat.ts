import { PopulationFileError } from "./population-file-error";
import { checkAreaCode, checkPopulationValue, type ParsedPopulationFile, type PopulationParseOptions } from "./population-row";
import { periodToDate } from "./period";
import { foldBreakdowns, type PopulationCell } from "./totals";

interface Category {
  code: string;
  label: string;
}

interface Dimension {
  id: string;
  categories: Category[];
}

/**
 * Reads a population table in JSON-stat 2.0 as SCB's PX-Web API returns it (`"format":
 * "json-stat2"`): a dataset with dimensions such as Region, Alder, Kon, ContentsCode and Tid,
 * `id` and `size` giving their order, and `value` in row-major order (the last dimension varies
 * fastest). The older JSON-stat 1 wrapper `{ "dataset": { … } }` is accepted too.
 *
 * Region gives the area code, Tid the day (see periodToDate), ContentsCode must be one measure
 * (or exactly one whose label starts with "Folkmängd"); other dimensions are folded
 * (see foldBreakdowns).
 */
export function parseScbJsonStat(text: string, options: PopulationParseOptions): ParsedPopulationFile {
  const file = options.fileName;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new PopulationFileError({ file }, `ogiltig JSON (${(error as Error).message})`);
  }
  const { dataset, prefix } = findDataset(parsed, file);
  const ids = readIds(dataset, prefix, file);
  const dimensions = ids.map((id, i) => readDimension(dataset, id, ids.sizes[i]!, prefix, file));

  const regionIndex = pickDimension(dimensions, /^region$/i, roleOf(dataset, "geo"), "Region", prefix, file);
  const timeIndex = pickDimension(dimensions, /^tid$/i, roleOf(dataset, "time"), "Tid", prefix, file);
  const contentsIndex = dimensions.findIndex((d) => /^contentscode$/i.test(d.id) || roleOf(dataset, "metric").includes(d.id));
  const measure = contentsIndex >= 0 ? pickMeasure(dimensions[contentsIndex]!, prefix, file) : undefined;

  const dates = dimensions[timeIndex]!.categories.map((c) => {
    const date = periodToDate(c.code);
    if (!date) throw new PopulationFileError({ file, path: `${prefix}dimension.${dimensions[timeIndex]!.id}`, field: c.code }, `okänd tidsperiod "${c.code}" (väntat t.ex. 2022, 2022M10 eller 2022K4)`);
    return date;
  });
  const regionCodes = dimensions[regionIndex]!.categories.map((c) =>
    checkAreaCode(c.code, { file, path: `${prefix}dimension.${dimensions[regionIndex]!.id}.category`, field: c.code }, options.knownAreaCodes),
  );

  const total = dimensions.reduce((n, d) => n * d.categories.length, 1);
  const values = readValues(dataset, total, prefix, file);
  const cells: PopulationCell[] = [];
  const position = dimensions.map(() => 0);
  for (let flat = 0; flat < total; flat++) {
    let rest = flat;
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const size = dimensions[d]!.categories.length;
      position[d] = rest % size;
      rest = Math.floor(rest / size);
    }
    if (contentsIndex >= 0 && position[contentsIndex] !== measure) continue;
    const path = `${prefix}value[${flat}]`;
    const raw = values(flat);
    const label = dimensions.map((d, i) => d.categories[position[i]!]!.code).join(", ");
    if (raw === null || raw === undefined) throw new PopulationFileError({ file, path }, `värde saknas för ${label}`);
    const breakdown: PopulationCell["breakdown"] = {};
    dimensions.forEach((d, i) => {
      if (i !== regionIndex && i !== timeIndex && i !== contentsIndex) breakdown[d.id] = d.categories[position[i]!]!;
    });
    cells.push({
      areaCode: regionCodes[position[regionIndex]!]!,
      date: dates[position[timeIndex]!]!,
      breakdown,
      population: checkPopulationValue(raw, { file, path, field: label }),
      where: { file, path },
    });
  }
  const title = typeof dataset.label === "string" ? dataset.label : undefined;
  return { rows: foldBreakdowns(cells, file), ...(title ? { title } : {}) };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function findDataset(parsed: unknown, file: string): { dataset: Json; prefix: string } {
  if (isObject(parsed) && parsed.class === "dataset") return { dataset: parsed, prefix: "" };
  if (isObject(parsed) && isObject(parsed.dataset)) return { dataset: parsed.dataset, prefix: "dataset." };
  throw new PopulationFileError({ file, path: "class" }, 'inget JSON-stat-dataset (väntat "class": "dataset")');
}

function readIds(dataset: Json, prefix: string, file: string): string[] & { sizes: number[] } {
  const dims = isObject(dataset.dimension) ? dataset.dimension : undefined;
  if (!dims) throw new PopulationFileError({ file, path: `${prefix}dimension` }, "dimensioner saknas");
  // JSON-stat 2.0 keeps id and size on the dataset, version 1 inside "dimension".
  const id = dataset.id ?? dims.id;
  const size = dataset.size ?? dims.size;
  if (!Array.isArray(id) || !id.every((x) => typeof x === "string")) throw new PopulationFileError({ file, path: `${prefix}id` }, "id saknas eller är inte en lista av namn");
  if (!Array.isArray(size) || size.length !== id.length || !size.every((x) => Number.isInteger(x))) {
    throw new PopulationFileError({ file, path: `${prefix}size` }, "size saknas eller har inte lika många tal som id");
  }
  return Object.assign([...(id as string[])], { sizes: size as number[] });
}

function readDimension(dataset: Json, id: string, size: number, prefix: string, file: string): Dimension {
  const path = `${prefix}dimension.${id}.category`;
  const dim = (dataset.dimension as Json)[id];
  const category = isObject(dim) && isObject(dim.category) ? dim.category : undefined;
  if (!category) throw new PopulationFileError({ file, path }, `dimensionen ${id} saknas`);
  const labels = isObject(category.label) ? category.label : {};
  let codes: string[];
  if (Array.isArray(category.index)) codes = category.index.map(String);
  else if (isObject(category.index)) {
    codes = [];
    for (const [code, pos] of Object.entries(category.index)) {
      if (typeof pos !== "number" || !Number.isInteger(pos) || pos < 0 || pos >= size) throw new PopulationFileError({ file, path: `${path}.index`, field: code }, `ogiltig position ${JSON.stringify(pos)}`);
      codes[pos] = code;
    }
  } else codes = Object.keys(labels); // a single-category dimension may omit index
  if (codes.length !== size || codes.some((c) => c === undefined)) {
    throw new PopulationFileError({ file, path: `${path}.index` }, `${codes.length} kategorier men size anger ${size}`);
  }
  return { id, categories: codes.map((code) => ({ code, label: typeof labels[code] === "string" ? (labels[code] as string) : code })) };
}

function roleOf(dataset: Json, role: string): string[] {
  const roles = isObject(dataset.role) ? dataset.role : isObject(dataset.dimension) && isObject((dataset.dimension as Json).role) ? ((dataset.dimension as Json).role as Json) : {};
  const list = roles[role];
  return Array.isArray(list) ? list.map(String) : [];
}

function pickDimension(dimensions: Dimension[], name: RegExp, byRole: string[], wanted: string, prefix: string, file: string): number {
  const index = dimensions.findIndex((d) => name.test(d.id));
  if (index >= 0) return index;
  const roleIndex = dimensions.findIndex((d) => byRole.includes(d.id));
  if (roleIndex >= 0) return roleIndex;
  throw new PopulationFileError({ file, path: `${prefix}dimension`, field: wanted }, `dimensionen ${wanted} saknas (finns: ${dimensions.map((d) => d.id).join(", ")})`);
}

function pickMeasure(dimension: Dimension, prefix: string, file: string): number {
  if (dimension.categories.length === 1) return 0;
  const matches = dimension.categories.flatMap((c, i) => (/^folkmängd/i.test(c.label) ? [i] : []));
  if (matches.length === 1) return matches[0]!;
  throw new PopulationFileError(
    { file, path: `${prefix}dimension.${dimension.id}`, field: dimension.id },
    `tabellen har flera mått (${dimension.categories.map((c) => c.label).join(", ")}); hämta bara folkmängden`,
  );
}

function readValues(dataset: Json, total: number, prefix: string, file: string): (flat: number) => unknown {
  const value = dataset.value;
  if (Array.isArray(value)) {
    if (value.length !== total) throw new PopulationFileError({ file, path: `${prefix}value` }, `${value.length} värden men dimensionerna ger ${total}`);
    return (flat) => value[flat];
  }
  // JSON-stat allows a sparse object keyed by position.
  if (isObject(value)) return (flat) => value[String(flat)];
  throw new PopulationFileError({ file, path: `${prefix}value` }, "värden saknas");
}
