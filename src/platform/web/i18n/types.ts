/** Typed message keys: every t('…') call is checked against the Arabic (source) catalogs. */
import type { ParseKeys } from 'i18next';
import type web from './ar.json';
import type { messages as territory } from '../../../modules/territory/web/index.ts';
import type { messages as access } from '../../../modules/access/web/index.ts';
import type { messages as audit } from '../../audit/web/index.ts';
import type { messages as jobs } from '../../jobs/web/index.ts';
import type { messages as notifications } from '../../notifications/web/index.ts';
import type { messages as approvals } from '../../approvals/web/index.ts';
import type { messages as planning } from '../../../modules/planning/web/index.ts';
import type { messages as documents } from '../../documents/web/index.ts';
import type { messages as deadlines } from '../../deadlines/web/index.ts';
import type { messages as forms } from '../../forms/web/index.ts';
import type { messages as registry } from '../../../modules/registry/web/index.ts';
import type { messages as beneficiaries } from '../../../modules/beneficiaries/web/index.ts';
import type { messages as directory } from '../../../modules/directory/web/index.ts';
import type { messages as finance } from '../../../modules/finance/web/index.ts';
import type { messages as subsidies } from '../../../modules/subsidies/web/index.ts';

export interface AppResources {
  web: typeof web;
  territory: typeof territory.ar;
  access: typeof access.ar;
  audit: typeof audit.ar;
  jobs: typeof jobs.ar;
  notifications: typeof notifications.ar;
  approvals: typeof approvals.ar;
  planning: typeof planning.ar;
  documents: typeof documents.ar;
  deadlines: typeof deadlines.ar;
  forms: typeof forms.ar;
  registry: typeof registry.ar;
  beneficiaries: typeof beneficiaries.ar;
  directory: typeof directory.ar;
  finance: typeof finance.ar;
  subsidies: typeof subsidies.ar;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'web';
    resources: AppResources;
  }
}

export type AppNamespace = keyof AppResources;
export const appNamespaces = ['web', 'territory', 'access', 'audit', 'notifications', 'approvals', 'planning', 'documents', 'deadlines', 'forms', 'jobs', 'registry', 'beneficiaries', 'directory', 'finance', 'subsidies'] as const satisfies readonly AppNamespace[];
/** A key of any namespace, written 'ns:key' (or a bare key of the shell's 'web' namespace). */
export type AppKey = ParseKeys<typeof appNamespaces>;
