/** The badge colour of each convention status: dark shades, so that white text keeps the WCAG AA contrast. */
import type { ConventionStatus } from '../../server/conventions/contract.ts';

export const statusColor: Record<ConventionStatus, string> = { draft: 'gray.7', approved: 'blue.9', signed: 'teal.9', closed: 'dark', cancelled: 'red.9' };
