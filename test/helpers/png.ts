import { inflateSync } from "node:zlib";

/** An 8-bit image as luminance 0 (black) … 255 (white), row by row. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes the non-interlaced 8-bit PNGs that `pdftoppm -png` writes (gray, RGB or RGBA) into
 * luminance, so tests can look at where ink is on a rendered page.
 */
export function decodePng(file: Buffer): GrayImage {
  if (file.readUInt32BE(0) !== 0x89504e47) throw new Error("Inte en PNG-fil");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("latin1", offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      const colourType = data[9];
      const interlace = data[12];
      channels = { 0: 1, 2: 3, 6: 4 }[colourType as 0 | 2 | 6] ?? 0;
      if (bitDepth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(`PNG-formatet stöds inte (bitdjup ${bitDepth}, färgtyp ${colourType}, interlace ${interlace})`);
      }
    } else if (type === "IDAT") {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const current = new Uint8Array(stride);
  const previous = new Uint8Array(stride);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? current[i - channels]! : 0;
      const up = previous[i]!;
      const upLeft = i >= channels ? previous[i - channels]! : 0;
      const x = line[i]!;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      current[i] = (x + predictor) & 0xff;
    }
    for (let px = 0; px < width; px++) {
      const base = px * channels;
      pixels[y * width + px] =
        channels === 1 ? current[base]! : Math.round(0.299 * current[base]! + 0.587 * current[base + 1]! + 0.114 * current[base + 2]!);
    }
    previous.set(current);
  }
  return { width, height, pixels };
}

/**
 * Share of pixels darker than `threshold` inside a band of rows, and optionally of columns,
 * given as fractions of the height and width.
 */
export function inkShare(image: GrayImage, fromY: number, toY: number, fromX = 0, toX = 1, threshold = 200): number {
  const top = Math.floor(fromY * image.height);
  const bottom = Math.floor(toY * image.height);
  const left = Math.floor(fromX * image.width);
  const right = Math.floor(toX * image.width);
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) if (image.pixels[y * image.width + x]! < threshold) dark++;
  }
  return dark / Math.max(1, (bottom - top) * (right - left));
}
