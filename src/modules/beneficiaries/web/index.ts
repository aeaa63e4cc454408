/**
 * The beneficiaries module's screens (issue 6): persons, reception and queues, matching and merges,
 * case files along the Jisr pathway, institutions' registers and occupancy, and data protection.
 * Each part keeps its pages and its catalog in its own folder; this file only assembles them.
 */
import { IconHeartHandshake } from '@tabler/icons-react';
import type { WebModule } from '../../../platform/web/index.ts';
import commonAr from '../i18n/ar.json';
import commonFr from '../i18n/fr.json';
import personsAr from './persons/i18n/ar.json';
import personsFr from './persons/i18n/fr.json';
import receptionAr from './reception/i18n/ar.json';
import receptionFr from './reception/i18n/fr.json';
import matchingAr from './matching/i18n/ar.json';
import matchingFr from './matching/i18n/fr.json';
import casesAr from './cases/i18n/ar.json';
import casesFr from './cases/i18n/fr.json';
import registerAr from './register/i18n/ar.json';
import registerFr from './register/i18n/fr.json';
import privacyAr from './privacy/i18n/ar.json';
import privacyFr from './privacy/i18n/fr.json';
import { receptionPages } from './reception/routes.ts';
import { personsPages } from './persons/routes.ts';
import { matchingPages } from './matching/routes.ts';
import { casesPages } from './cases/routes.ts';
import { registerPages } from './register/routes.ts';
import { privacyPages } from './privacy/routes.ts';

export const messages = {
  ar: { ...commonAr, persons: personsAr, reception: receptionAr, matching: matchingAr, cases: casesAr, register: registerAr, privacy: privacyAr },
  fr: { ...commonFr, persons: personsFr, reception: receptionFr, matching: matchingFr, cases: casesFr, register: registerFr, privacy: privacyFr },
};

export const beneficiariesWeb: WebModule = {
  id: 'beneficiaries',
  labelKey: 'beneficiaries:module.title',
  icon: IconHeartHandshake,
  permission: 'beneficiaries.read',
  messages,
  routes: [...receptionPages, ...personsPages, ...casesPages, ...registerPages, ...matchingPages, ...privacyPages],
};
