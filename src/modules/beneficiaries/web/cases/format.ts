/** Display helpers of the pathway screens; a person's name comes from the persons part. */
export { personName } from '../persons/names.ts';

/**
 * Green of the filled badges: white on Mantine's green.9 (#2b8a3e) is 4.4:1, under WCAG AA's 4.5:1
 * for a badge's small text (axe flags it); this darker green gives 5.3:1.
 */
const darkGreen = '#2b7a3b';

/** Badge colours of the stages along the pathway. */
export const stageColor: Record<string, string> = {
  reception: 'gray.9',
  diagnosis: 'blue.9',
  orientation: 'indigo.9',
  admitted: 'teal.9',
  accompaniment: darkGreen,
  exited: 'violet.9',
  post_exit: 'grape.9',
  closed: 'dark.9',
};

export const referralColor: Record<string, string> = { proposed: 'blue.9', accepted: 'teal.9', declined: 'red.9', completed: darkGreen, cancelled: 'gray.7' };

/** Badges of statuses without a colour of their own, and of what is done. */
export const neutral = 'gray.7';
export const done = darkGreen;
