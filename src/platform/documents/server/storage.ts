/**
 * The file store: content-addressed by SHA-256, so identical content is kept once. Bytes are first
 * received into a staging area (hashed and counted on the way, refused past a size limit), so the
 * caller can inspect them before they become part of the store; an S3-compatible store can
 * implement the same interface (stage locally or multipart-upload, commit = copy to the key).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  sha256: string;
  size: number;
}

export interface StagedFile extends StoredFile {
  /** The received bytes, to inspect them (type detection) before commit. */
  read(): Readable;
  /** Makes the bytes part of the store (a no-op when the same content is already there). */
  commit(): Promise<void>;
  /** Drops the staged bytes. */
  discard(): Promise<void>;
}

export interface FileStore {
  stage(source: Readable | Buffer, options?: { maxBytes?: number }): Promise<StagedFile>;
  put(source: Readable | Buffer, options?: { maxBytes?: number }): Promise<StoredFile>;
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

/** Thrown when the bytes exceed maxBytes; nothing is left behind. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Files under <root>/ab/cd/<sha256>; staging under <root>/tmp, on the same file system for atomic renames. */
export function localFileStore(root: string): FileStore {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (sha256: string): string => {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const has = async (sha256: string) => {
    try {
      await access(pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  };

  const stage: FileStore['stage'] = async (source, options = {}) => {
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const max = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > max) return done(new FileTooLargeError(max));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, meter, createWriteStream(tmp, { flags: 'wx', mode: 0o640 }));
    } catch (error) {
      await rm(tmp, { force: true });
      // A limit hit inside the source (multipart's own limit) reads as the same error.
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new FileTooLargeError(max);
      throw error;
    }
    const sha256 = hash.digest('hex');
    let done = false;
    return {
      sha256,
      size,
      read: () => createReadStream(tmp),
      commit: async () => {
        if (done) return;
        done = true;
        const target = pathOf(sha256);
        if (await has(sha256)) {
          await rm(tmp, { force: true });
          return;
        }
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
      },
      discard: async () => {
        done = true;
        await rm(tmp, { force: true });
      },
    };
  };

  return {
    stage,
    put: async (source, options) => {
      const staged = await stage(source, options);
      await staged.commit();
      return { sha256: staged.sha256, size: staged.size };
    },
    get: async (sha256) => {
      const file = pathOf(sha256);
      await stat(file);
      return createReadStream(file);
    },
    has,
  };
}
