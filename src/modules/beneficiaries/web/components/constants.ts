/** Technical values of the shared beneficiaries components (test ids, the CNDP reference). */

/**
 * The CNDP authorisation of the processing (law 09-08 art. 12: sensitive data and CNIE numbers need
 * a prior authorisation). Set here once the commission has issued it; the notice prints it.
 */
export const CNDP_AUTHORISATION_REFERENCE: string | null = null;

export const BUTTON = 'button';

export const noticeTid = {
  root: 'data-protection-notice',
  toggle: 'data-protection-notice-toggle',
  items: 'data-protection-notice-items',
} as const;
