/** The staff side's server messages (problem titles, field errors, export headings), in both languages. */
import { registerMessages } from '../../../server/i18n/messages.ts';
import ar from './i18n/ar.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };

registerMessages({ ar, fr });
