/** Badge colours of the licensing status (shared by the list and the page): dark enough for white text (WCAG AA). */
import type { InstitutionStatus } from '../../contract/enums.ts';
import type { z } from 'zod';

export const statusColor: Record<z.infer<typeof InstitutionStatus>, string> = {
  pending: 'blue.9',
  authorised: 'teal.9',
  refused: 'red.9',
  suspended: 'orange.9',
  withdrawn_temporarily: 'orange.9',
  withdrawn_permanently: 'red.9',
  closing: 'gray.7',
  closed: 'gray.7',
};
