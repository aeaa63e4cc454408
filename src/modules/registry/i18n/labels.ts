/** The registry's enum labels (categories, centre types, services, target groups...), for other modules' pages. */
import ar from './ar.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export const registryEnumLabels = { ar: ar.enums, fr: fr.enums };
