// Draws the tray icons into build/tray/: one per state (idle, syncing, attention, error, paused), 16 px and 32 px
// (@2x), in colour for Windows and Linux and as black-and-alpha template images for macOS (the menu bar tints them).
// Run `node scripts/make-tray-icons.mjs` after changing a shape; the PNGs are committed. No dependency: zlib only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const out = join(import.meta.dirname, '..', 'build', 'tray');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1): true where the glyph is cut out of the disc.
const glyphs = {
  idle: () => false,
  syncing: (x, y) => {
    const r = Math.hypot(x - 0.5, y - 0.5);
    return r < 0.24 && r > 0.13 && !(x > 0.5 && y < 0.5);
  },
  attention: (x, y) => Math.abs(x - 0.5) < 0.07 && ((y > 0.22 && y < 0.6) || (y > 0.68 && y < 0.8)),
  error: (x, y) =>
    (Math.abs(x - y) < 0.08 || Math.abs(x + y - 1) < 0.08) && Math.hypot(x - 0.5, y - 0.5) < 0.27,
  paused: (x, y) => y > 0.28 && y < 0.72 && ((x > 0.33 && x < 0.45) || (x > 0.55 && x < 0.67)),
};
const colours = {
  idle: [46, 160, 67],
  syncing: [33, 118, 214],
  attention: [219, 144, 0],
  error: [207, 34, 46],
  paused: [110, 118, 129],
};

function draw(state, size, template) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const inDisc = Math.hypot(x - 0.5, y - 0.5) < 0.45;
          if (inDisc && !glyphs[state](x, y)) cover++;
        }
      }
      const alpha = Math.round((255 * cover) / (samples * samples));
      const [r, g, b] = template ? [0, 0, 0] : colours[state];
      rgba.set([r, g, b, alpha], (py * size + px) * 4);
    }
  }
  return png(size, rgba);
}

mkdirSync(out, { recursive: true });
for (const state of Object.keys(glyphs)) {
  for (const [suffix, size] of [
    ['', 16],
    ['@2x', 32],
  ]) {
    writeFileSync(join(out, `tray-${state}${suffix}.png`), draw(state, size, false));
    writeFileSync(join(out, `tray-${state}Template${suffix}.png`), draw(state, size, true));
  }
}
