/** The badge colour of each convention status. */
import type { ConventionStatus } from '../../server/conventions/contract.ts';

export const statusColor: Record<ConventionStatus, string> = { draft: 'gray', approved: 'blue', signed: 'green', closed: 'dark', cancelled: 'red' };
