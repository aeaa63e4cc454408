/**
 * Receives a multipart upload: the form fields first, then one file part, streamed into the
 * store's staging area. Fields are validated before a single byte of the file is written; the
 * type is detected from the bytes; on any error the staged bytes are dropped.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, invalidFields } from '../../../server/errors.ts';
import { fieldErrorsFromIssues } from '../../../server/problem.ts';
import { detectAllowedType, type AllowedMediaType } from './media-types.ts';
import { FileTooLargeError, type FileStore, type StagedFile } from './storage.ts';

export interface ReceivedUpload<F> {
  fields: F;
  file: StagedFile;
  mediaType: AllowedMediaType;
  originalName: string;
}

export const tooLarge = (maxMb: number) =>
  new AppError(413, 'documents.errors.too_large', [{ path: 'file', key: 'documents.fields.too_large', params: { max: maxMb } }]);
export const forbiddenType = () => new AppError(400, 'documents.errors.forbidden_type', [{ path: 'file', key: 'documents.fields.forbidden_type' }]);
const noFile = () => invalidFields({ path: 'file', key: 'documents.fields.file_required' });

/** Keeps the file name a name: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\x00-\x1f\x7f]/g, '').trim().slice(-255);
  return cleaned || 'document';
}

export async function receiveUpload<S extends z.ZodType>(
  request: FastifyRequest,
  store: FileStore,
  schema: S,
  maxMb: number,
  /** Checks that run once the fields are valid and before the file is read (permission, owner type). */
  beforeFile: (fields: z.infer<S>) => void,
): Promise<ReceivedUpload<z.infer<S>>> {
  if (!request.isMultipart()) throw new AppError(415, 'errors.unsupported_media_type');
  const raw: Record<string, string> = {};
  let received: ReceivedUpload<z.infer<S>> | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (received) continue;
        raw[part.fieldname] = String(part.value);
        continue;
      }
      if (received || part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        part.file.resume();
        throw new AppError(400, 'errors.validation', fieldErrorsFromIssues(parsed.error.issues as never));
      }
      beforeFile(parsed.data);
      let file: StagedFile;
      try {
        file = await store.stage(part.file, { maxBytes: maxMb * 1024 * 1024 });
      } catch (error) {
        if (error instanceof FileTooLargeError) throw tooLarge(maxMb);
        throw error;
      }
      if (file.size === 0) {
        await file.discard();
        throw noFile();
      }
      const mediaType = await detectAllowedType(file.read());
      if (!mediaType) {
        await file.discard();
        throw forbiddenType();
      }
      received = { fields: parsed.data, file, mediaType, originalName: cleanFileName(part.filename) };
    }
  } catch (error) {
    await received?.file.discard();
    throw error;
  }
  if (!received) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new AppError(400, 'errors.validation', [...fieldErrorsFromIssues(parsed.error.issues as never), { path: 'file', key: 'documents.fields.file_required' }]);
    throw noFile();
  }
  return received;
}
