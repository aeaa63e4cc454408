/** The modules of the staff app, in navigation order. */
import { territoryWeb } from '../../modules/territory/web/index.ts';
import { accessWeb } from '../../modules/access/web/index.ts';
import { auditWeb } from '../audit/web/index.ts';
import { jobsWeb } from '../jobs/web/index.ts';
import { notificationsWeb } from '../notifications/web/index.ts';
import { approvalsWeb } from '../approvals/web/index.ts';
import { planningWeb } from '../../modules/planning/web/index.ts';
import { documentsWeb } from '../documents/web/index.ts';
import { deadlinesWeb } from '../deadlines/web/index.ts';
import { formsWeb } from '../forms/web/index.ts';
import { registryWeb } from '../../modules/registry/web/index.ts';
import { beneficiariesWeb } from '../../modules/beneficiaries/web/index.ts';
import { directoryWeb } from '../../modules/directory/web/index.ts';
import { financeWeb } from '../../modules/finance/web/index.ts';
import { subsidiesWeb } from '../../modules/subsidies/web/index.ts';
import type { WebModule } from './module.ts';

export const webModules: readonly WebModule[] = [territoryWeb, registryWeb, beneficiariesWeb, directoryWeb, subsidiesWeb, financeWeb, accessWeb, auditWeb, deadlinesWeb, notificationsWeb, approvalsWeb, planningWeb, documentsWeb, formsWeb, jobsWeb];
