/** The matching screens of the beneficiaries module (issue 6). */
import type { WebPage } from '../../../../platform/web/index.ts';

export const matchingPages: WebPage[] = [];
