/** Test ids and addresses of the registry import page (the wizard's own test ids are the platform's). */
export const importTid = {
  page: 'registry-import',
  templateAr: 'import-template-ar',
  templateFr: 'import-template-fr',
} as const;

export const IMPORT_TARGET = 'registry-institutions';

export const templateHref = {
  ar: '/api/institutions/import/template.xlsx?lang=ar',
  fr: '/api/institutions/import/template.xlsx?lang=fr',
} as const;
