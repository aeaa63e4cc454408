/** What may be uploaded, detected from the bytes (never from the name or the client's header). */
import { fileTypeFromStream } from 'file-type';
import type { Readable } from 'node:stream';

export const allowedMediaTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export type AllowedMediaType = (typeof allowedMediaTypes)[number];

/** The allowed media type of these bytes, or undefined (unknown or not allowed). */
export async function detectAllowedType(bytes: Readable): Promise<AllowedMediaType | undefined> {
  try {
    // The node build of file-type reads Node streams; the types resolved here are the browser ones.
    const found = await fileTypeFromStream(bytes as never);
    return found && (allowedMediaTypes as readonly string[]).includes(found.mime) ? (found.mime as AllowedMediaType) : undefined;
  } finally {
    bytes.destroy();
  }
}
