/**
 * The documents platform service: files attached to any record, versioned, in a content-addressed
 * store. Modules register their owner types with registerDocumentOwner(); see README.md.
 */
export { documentsModule } from './module.ts';
export { registerDocumentOwner, documentOwner, type DocumentOwner } from './server/owners.ts';
export { localFileStore, FileTooLargeError, type FileStore, type StagedFile, type StoredFile } from './server/storage.ts';
export { allowedMediaTypes, type AllowedMediaType } from './server/media-types.ts';
export { fileStoreFor } from './server/routes.ts';
