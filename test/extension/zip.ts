// Reads a zip file (a .vsix) through its central directory, so the vsix test needs no unzip tool.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function centralDirectory(zip: Buffer): Entry[] {
  // End of central directory record: signature 0x06054b50 in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

export class ZipFile {
  private readonly zip: Buffer;
  readonly entries: Entry[];

  constructor(path: string) {
    this.zip = readFileSync(path);
    this.entries = centralDirectory(this.zip);
  }

  get names(): string[] {
    return this.entries.map((e) => e.name);
  }

  bytes(name: string): Buffer {
    const entry = this.entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${name} is not in the zip`);
    const header = entry.localOffset;
    const start = header + 30 + this.zip.readUInt16LE(header + 26) + this.zip.readUInt16LE(header + 28);
    const data = this.zip.subarray(start, start + entry.compressedSize);
    return entry.method === 8 ? inflateRawSync(data) : data;
  }

  text(name: string): string {
    return this.bytes(name).toString('utf8');
  }

  /** Writes every entry under `dir`. */
  extract(dir: string): void {
    for (const { name } of this.entries) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, this.bytes(name));
    }
  }
}
