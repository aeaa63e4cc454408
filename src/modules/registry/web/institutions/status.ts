/** Badge colours of the licensing status (shared by the list and the page). */
import type { InstitutionStatus } from '../../contract/enums.ts';
import type { z } from 'zod';

export const statusColor: Record<z.infer<typeof InstitutionStatus>, string> = {
  pending: 'yellow',
  authorised: 'green',
  refused: 'red',
  suspended: 'orange',
  withdrawn_temporarily: 'orange',
  withdrawn_permanently: 'red',
  closing: 'gray',
  closed: 'gray',
};
