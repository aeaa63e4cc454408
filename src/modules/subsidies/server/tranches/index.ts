/** The tranches part on the server: its routes, its deadline rule and its error messages. */
import { registerMessages } from '../../../../server/i18n/messages.ts';
import ar from './i18n/ar.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };
import './deadlines.ts';

// A catalog of its own (looked up after the module's), so the parts never edit one shared file.
registerMessages({ ar, fr });

export { trancheRoutes } from './routes.ts';
